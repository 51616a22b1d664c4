// Official zones keep their identity in the app (issue 13): an INPN-shaped Natura 2000 shapefile
// (zipped, Lambert-93) imported as a sensitive layer is recognised by the dialog, and the review
// panel lists its sites by code, name and type; a layer of another shape gets a proposal of name
// and code fields in the dialog, and the field the user picks names the zones in the review.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crsConverter } from '../../src/core/import/crs';
import { PRJ_LAMBERT_93, writeDbf, writeShp, squareRing, writeZip } from '../helpers/shapefile';
import { clickMapAt, mapIdle, startApp, waitForMapReady, type StartedApp } from './harness';

type XY = [number, number];
const tmp = mkdtempSync(join(tmpdir(), 'cavalier-identity-'));
const square = squareRing;
// a track along the parallel 50.405° N, near Liévin, through both squares
const track = join(tmp, 'trace-organisateur.geojson');
writeFileSync(
  track,
  JSON.stringify({
    type: 'Feature',
    properties: { name: 'Trace de l’organisateur' },
    geometry: {
      type: 'LineString',
      coordinates: Array.from({ length: 31 }, (_, k) => [2.79 + 0.001 * k, 50.405]),
    },
  }),
);
const toL93 = crsConverter('EPSG:4326', 'EPSG:2154');
const { shp, shx } = writeShp([{ type: 'polygon', parts: [square(2.8, 50.4, 0.01).map(([x, y]) => toL93(x, y) as XY)] }]);
const n2000 = join(tmp, 'n2000_l93_shp.zip');
writeFileSync(
  n2000,
  writeZip([
    { name: 'n2000_l93_shp.shp', data: shp },
    { name: 'n2000_l93_shp.shx', data: shx },
    { name: 'n2000_l93_shp.dbf', data: writeDbf(['SITECODE', 'SITENAME'], [{ SITECODE: 'FR3100474', SITENAME: 'Pelouses de la Scarpe' }]) },
    { name: 'n2000_l93_shp.prj', data: new TextEncoder().encode(PRJ_LAMBERT_93) },
  ]),
);
const other = join(tmp, 'zones_communales.geojson');
writeFileSync(
  other,
  JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { OBJECTID: 7, LIBELLE: 'Bois de la Fosse 4', REF_SITE: 'ZC-62-004', COMMUNE: 'Liévin' },
        geometry: { type: 'Polygon', coordinates: [square(2.812, 50.401, 0.004)] },
      },
    ],
  }),
);

let app: StartedApp;
const page = () => app.page;

beforeAll(async () => {
  app = await startApp();
  await waitForMapReady(page());
  await page().setInputFiles('[data-testid=tool-import-input]', track);
  await page().locator('[data-testid=review-subject]', { hasText: 'Trace importée' }).waitFor({ timeout: 30_000 });
});
afterAll(async () => {
  await app?.close();
});

async function pickLayer(file: string) {
  await page().click('[data-testid=import-layer-open]');
  await page().setInputFiles('[data-testid=import-layer-input]', file);
  await page().waitForSelector('[data-testid=import-layer-preview]', { timeout: 30_000 });
  // polygons alone: a sensitive layer by default
  expect(await page().isChecked('[data-testid=import-layer-role-sensitive]')).toBe(true);
}

describe('zone identity in the app', { timeout: 120_000 }, () => {
  it('an INPN Natura 2000 shapefile: recognised in the dialog, its site by code, name and type in the review panel', async () => {
    await pickLayer(n2000);
    const fields = page().locator('[data-testid=import-layer-zone-fields]');
    expect(await fields.getAttribute('data-convention')).toBe('natura2000');
    expect(await page().inputValue('[data-testid=import-layer-code-field]')).toBe('SITECODE');
    expect(await page().inputValue('[data-testid=import-layer-name-field]')).toBe('SITENAME');
    await page().click('[data-testid=import-layer-confirm]');
    await page().waitForSelector('[data-testid=import-layer-dialog]', { state: 'detached', timeout: 30_000 });
    const row = page().locator('[data-testid=review-crossing][data-code=FR3100474]');
    await row.waitFor({ timeout: 30_000 });
    expect(await row.getAttribute('data-zone')).toBe('Pelouses de la Scarpe');
    // FR31 0 0474: the fifth character 0 is the Habitats directive's
    expect(await row.getAttribute('data-kind')).toBe('ZSC');
    expect(await row.locator('[data-testid=review-zone-code]').textContent()).toBe('FR3100474');
    // never the file's name as a zone's name or type
    expect(
      await page()
        .locator('[data-testid=review-crossing]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-zone'))),
    ).not.toContain('n2000_l93_shp n°1');
    // the map popup of the site, clicked inside it away from the track: its name, code and type
    const inside: [number, number] = [2.805, 50.408];
    await page().evaluate((c) => window.__cavalierMap!.jumpTo({ center: c, zoom: 16 }), inside);
    await mapIdle(page());
    await clickMapAt(page(), inside);
    const popup = page().locator('[data-testid=map-popup]');
    await popup.waitFor();
    expect(await popup.locator('.cav-popup-name').first().textContent()).toBe('Pelouses de la Scarpe');
    expect(await popup.locator('[data-testid=map-popup-zone]').first().textContent()).toBe('FR3100474 · ZSC');
    await page()
      .locator('.maplibregl-popup-close-button')
      .click()
      .catch(() => {});
    // the dossier's table of the zones crossed names the site by its code
    await page().click('[data-testid=review-dossier]');
    const dossierRow = page().locator('[data-testid=dossier-zone-row][data-zone="Pelouses de la Scarpe"]');
    await dossierRow.waitFor({ timeout: 30_000 });
    // code, name and type in their own columns of the site's row
    const cells = (await dossierRow.locator('td').allTextContents()).map((c) => c.trim());
    expect(cells.slice(0, 3)).toEqual(['FR3100474', 'Pelouses de la Scarpe', 'ZSC']);
    expect(await dossierRow.getAttribute('data-code')).toBe('FR3100474');
    await page().click('[data-testid=dossier-close]');
    expect(app.unexpectedErrors()).toEqual([]);
  });

  it('another layer: the dialog proposes its name and code fields, and the field chosen names the zones', async () => {
    await pickLayer(other);
    expect(await page().locator('[data-testid=import-layer-zone-fields]').getAttribute('data-convention')).toBe('');
    expect(await page().inputValue('[data-testid=import-layer-name-field]')).toBe('LIBELLE');
    expect(await page().inputValue('[data-testid=import-layer-code-field]')).toBe('REF_SITE');
    // the ranked proposals come first, with an example value; technical ids are not codes
    const codeOptions = await page().locator('[data-testid=import-layer-code-field] option').allTextContents();
    expect(codeOptions[1]).toContain('REF_SITE');
    expect(codeOptions[1]).toContain('ZC-62-004');
    await page().selectOption('[data-testid=import-layer-name-field]', 'COMMUNE');
    await page().click('[data-testid=import-layer-confirm]');
    await page().waitForSelector('[data-testid=import-layer-dialog]', { state: 'detached', timeout: 30_000 });
    const row = page().locator('[data-testid=review-crossing][data-code=ZC-62-004]');
    await row.waitFor({ timeout: 30_000 });
    expect(await row.getAttribute('data-zone')).toBe('Liévin');
    expect(app.unexpectedErrors()).toEqual([]);
  });
});
