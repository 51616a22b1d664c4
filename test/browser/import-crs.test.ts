// Projections in the import dialog: a real Web Mercator extract of central Lille (../shared/data/raw)
// is recognised and drawn on Lille; the same file wrongly declared Lambert-93 gets the Web Mercator
// reading proposed, with a button that applies it; a file written latitude first gets the swap
// proposed. The worker is the real one; where the lines must be drawn comes from cs2cs.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRawDir } from '../../data/io';
import { karneyLength } from '../helpers/karney';
import { mapIdle, ROOT, startApp, waitForMapReady, type StartedApp } from './harness';

type LonLat = [number, number];

const lilleFile = join(resolveRawDir(), 'osm-lille-2017/highway_line.epsg3857.json');
const lilleText = readFileSync(lilleFile, 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'cavalier-import-crs-'));
const declared2154 = join(tmp, 'lille-declared-2154.json');
writeFileSync(declared2154, lilleText.replace('"EPSG:3857"', '"EPSG:2154"'));

/** The extract's first vertex, (341117.29, 6556400.2), through cs2cs -f %.10f EPSG:3857 EPSG:4326: central Lille. */
const firstVertex: LonLat = [3.0643087528, 50.6316869846];

let app: StartedApp;
const page = () => app.page;

async function openImport(file: string) {
  await page().click('[data-testid=import-layer-open]');
  await page().setInputFiles('[data-testid=import-layer-input]', file);
}

async function confirmImport(): Promise<string> {
  const before = await page().locator('[data-testid=user-layer]').count();
  await page().click('[data-testid=import-layer-confirm]');
  await page().waitForSelector('[data-testid=import-layer-dialog]', { state: 'detached', timeout: 30_000 });
  await expect.poll(() => page().locator('[data-testid=user-layer]').count()).toBe(before + 1);
  return (await page().locator('[data-testid=user-layer]').nth(before).getAttribute('data-layer-id'))!;
}

/** The coordinates of the features of layer `id` drawn within 3 px of `ll`, after centring the map there. */
async function drawnAt(id: string, ll: LonLat): Promise<LonLat[]> {
  await page().evaluate((c) => window.__cavalierMap!.jumpTo({ center: c, zoom: 16 }), ll);
  await mapIdle(page());
  return page().evaluate(
    ({ ll, source }) => {
      const map = window.__cavalierMap!;
      const p = map.project(ll);
      const layers = map
        .getStyle()
        .layers.filter((l) => 'source' in l && l.source === source)
        .map((l) => l.id);
      return map
        .queryRenderedFeatures(
          [
            [p.x - 3, p.y - 3],
            [p.x + 3, p.y + 3],
          ],
          { layers },
        )
        .flatMap((f) => (f.geometry.type === 'LineString' ? (f.geometry.coordinates as LonLat[]) : []));
    },
    { ll, source: `user:${id}` },
  );
}

const nearest = (coords: LonLat[], ll: LonLat) => Math.min(...coords.map((c) => karneyLength([c, ll])));

beforeAll(async () => {
  app = await startApp();
  await waitForMapReady(page());
});

afterAll(async () => {
  await app?.close();
});

describe('projections in the import dialog', () => {
  it('a Web Mercator file is named EPSG:3857 in the dialog and drawn on central Lille', async () => {
    await openImport(lilleFile);
    await page().waitForSelector('[data-testid=import-layer-preview]', { timeout: 30_000 });
    expect(await page().textContent('[data-testid=import-layer-crs-detected]')).toMatch(
      /Web Mercator \(pseudo-Mercator, EPSG:3857\).*déclarée dans le fichier/,
    );
    expect(await page().locator('[data-testid=import-layer-proposal]').count()).toBe(0);
    const id = await confirmImport();
    expect(nearest(await drawnAt(id, firstVertex), firstVertex)).toBeLessThan(1);
  });

  it('the same file declared Lambert-93 gets Web Mercator proposed; the button applies it and the layer lands on Lille', async () => {
    await openImport(declared2154);
    await page().waitForSelector('[data-testid=import-layer-preview]', { timeout: 30_000 });
    expect(await page().textContent('[data-testid=import-layer-crs-detected]')).toMatch(/Lambert-93.*déclarée dans le fichier/);
    const proposal = page().locator('[data-testid=import-layer-proposal]');
    expect(await proposal.textContent()).toContain(
      'Lues en EPSG:2154, les coordonnées tombent loin des Hauts-de-France (vers -1.66, 46.02 en degrés)\u00a0; lues en EPSG:3857, elles y tombent',
    );
    // said once, by the projection choice, not again among the notes
    expect(await page().locator('[data-testid=import-layer-notes]').count()).toBe(0);
    expect(await page().textContent('[data-testid=import-layer-proposal-apply]')).toBe('Lire en Web Mercator (pseudo-Mercator, EPSG:3857)');
    await page().click('[data-testid=import-layer-proposal-apply]');
    await expect.poll(() => page().locator('[data-testid=import-layer-proposal]').count(), { timeout: 30_000 }).toBe(0);
    await page().waitForSelector('[data-testid=import-layer-preview]');
    expect(await page().inputValue('[data-testid=import-layer-crs]')).toBe('EPSG:3857');
    const id = await confirmImport();
    expect(nearest(await drawnAt(id, firstVertex), firstVertex)).toBeLessThan(1);
  });

  it('a file written latitude first is refused with the swap proposed; the button reads it the right way round', async () => {
    await openImport(join(ROOT, 'test/fixtures/import/cavaliers-latlon.geojson'));
    await page().waitForSelector('[data-testid=import-layer-error]', { timeout: 30_000 });
    expect(await page().textContent('[data-testid=import-layer-error]')).toContain('longitude et latitude sont sans doute inversées dans le fichier.');
    expect(await page().isDisabled('[data-testid=import-layer-confirm]')).toBe(true);
    expect(await page().textContent('[data-testid=import-layer-proposal-apply]')).toBe('Échanger x et y');
    await page().click('[data-testid=import-layer-proposal-apply]');
    await page().waitForSelector('[data-testid=import-layer-preview]', { timeout: 30_000 });
    expect(await page().locator('[data-testid=import-layer-error]').count()).toBe(0);
    expect(await page().isChecked('[data-testid=import-layer-swap]')).toBe(true);
    const id = await confirmImport();
    // the cavalier of Loos-en-Gohelle, cs2cs EPSG:2154 EPSG:4326 of (683000, 7038000)
    const loos: LonLat = [2.7610447577, 50.4392694821];
    expect(nearest(await drawnAt(id, loos), loos)).toBeLessThan(1);
    expect(app.unexpectedErrors()).toEqual([]);
  });
});
