// A zipped shapefile picked in the import dialog: previewed and imported by the worker (shpjs in
// the worker bundle), and a zip bomb refused in French with nothing changed.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRJ_LAMBERT_93, writeDbf, writeShp, writeZip } from '../helpers/shapefile';
import { startApp, waitForMapReady, type StartedApp } from './harness';

const tmp = mkdtempSync(join(tmpdir(), 'cavalier-zip-'));
const { shp, shx } = writeShp([
  { type: 'point', xy: [686500, 7036400] },
  { type: 'point', xy: [687800, 7036900] },
]);
const zip = zipSync({
  'terrils.shp': shp,
  'terrils.shx': shx,
  'terrils.dbf': writeDbf(['nom'], [{ nom: 'Terril n°1' }, { nom: 'Terril n°2' }]),
  'terrils.prj': strToU8(PRJ_LAMBERT_93),
});
const good = join(tmp, 'terrils.zip');
const bomb = join(tmp, 'bombe.zip');
writeFileSync(good, zip);
// a .dbf of 100 MiB of zeros that both its headers declare as 1 KB
writeFileSync(
  bomb,
  writeZip([
    { name: 'terrils.shp', data: shp },
    { name: 'terrils.dbf', data: new Uint8Array(100 * 1024 * 1024), central: { uncompressedSize: 1000 }, local: { uncompressedSize: 1000 } },
  ]),
);

let app: StartedApp;
const page = () => app.page;

beforeAll(async () => {
  app = await startApp();
  await waitForMapReady(page());
});
afterAll(async () => {
  await app?.close();
});

describe('zipped shapefiles in the browser', () => {
  it('a zip bomb is refused in French; a Lambert-93 shapefile is previewed and imported', async () => {
    await page().click('[data-testid=import-layer-open]');
    expect(await page().getAttribute('[data-testid=import-layer-input]', 'accept')).toContain('.zip');
    await page().setInputFiles('[data-testid=import-layer-input]', bomb);
    await expect
      .poll(() => page().textContent('[data-testid=import-layer-error]'), { timeout: 30_000 })
      .toMatch(/^Archive zip refusée\u00a0: elle se décompresse à plus de 1000\u00a0pour 1 \(fichier «\u00a0terrils\.dbf\u00a0»\)\. /);
    await page().setInputFiles('[data-testid=import-layer-input]', good);
    await page().waitForSelector('[data-testid=import-layer-preview]', { timeout: 30_000 });
    expect(await page().textContent('[data-testid=import-layer-preview]')).toContain('Shapefile (.zip)');
    expect(await page().textContent('[data-testid=import-layer-crs-detected]')).toContain('2154');
    await page().click('[data-testid=import-layer-confirm]');
    await page().waitForSelector('[data-testid=import-layer-dialog]', { state: 'detached', timeout: 30_000 });
    await expect.poll(() => page().locator('[data-testid=user-layer-name]').allTextContents()).toEqual(['terrils']);
    expect(app.unexpectedErrors()).toEqual([]);
  });
});
