// Names on the map and the place search, offline: commune and terril labels rendered from the
// fonts shipped with the app (every request stays on the app's own server but the online basemap
// and geocoder of the Géoplateforme, which fail offline; no glyph request at all), and « Loos » typed in the search (Ctrl+K, a combobox and its listbox) lands the map on
// the commune and marks it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { bbox as turfBbox } from '@turf/turf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapIdle, ROOT, startApp, waitForMapReady, type StartedApp } from './harness';

const communes = JSON.parse(readFileSync(join(ROOT, 'public/data/communes.geojson'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
const loos = communes.features.find((f) => f.properties.name === 'Loos-en-Gohelle')!;
const loosBbox = turfBbox(loos) as [number, number, number, number];

let app: StartedApp;
const requests: string[] = [];
const fontResponses: { url: string; status: number }[] = [];

/** names rendered on a label layer once the view settles (polled: glyphs and places arrive asynchronously) */
async function renderedNames(layer: string, want: string, key = 'name'): Promise<string[]> {
  await app.page.waitForFunction(
    ({ layer, want, key }) =>
      !!window.__cavalierMap!.getLayer(layer) && window.__cavalierMap!.queryRenderedFeatures({ layers: [layer] }).some((f) => f.properties?.[key] === want),
    { layer, want, key },
    { timeout: 30_000, polling: 200 },
  );
  return app.page.evaluate(({ layer, key }) => window.__cavalierMap!.queryRenderedFeatures({ layers: [layer] }).map((f) => String(f.properties?.[key])), {
    layer,
    key,
  });
}

async function jumpTo(center: [number, number], zoom: number): Promise<void> {
  await app.page.evaluate(({ center, zoom }) => window.__cavalierMap!.jumpTo({ center, zoom }), { center, zoom });
  await mapIdle(app.page);
}

beforeAll(async () => {
  app = await startApp({
    beforeNavigate: async (page) => {
      page.on('request', (r) => requests.push(r.url()));
      page.on('response', (r) => {
        if (/\.(woff2?|ttf|otf)(\?|$)/.test(r.url())) fontResponses.push({ url: r.url(), status: r.status() });
      });
    },
  });
  await waitForMapReady(app.page);
  // the names are read once the first map is drawn (issue 15): wait until the app has them (its
  // 'cavalier:places' mark), then for the map to have written them
  await app.page.waitForFunction(() => performance.getEntriesByName('cavalier:places').length > 0, null, { timeout: 30_000, polling: 100 });
  await mapIdle(app.page);
});

afterAll(async () => {
  await app?.close();
});

describe('names on the map, offline', () => {
  it('writes the communes by population and zoom, in the shipped font', async () => {
    await jumpTo([2.787, 50.454], 12);
    const names = await renderedNames('cav-labels-communes', 'Loos-en-Gohelle');
    expect(names).toContain('Lens');
    // zoomed out, only the big towns keep their names
    await jumpTo([2.83, 50.43], 8.5);
    const far = await renderedNames('cav-labels-communes', 'Lens');
    expect(far).not.toContain('Loos-en-Gohelle');
    expect(far.length).toBeLessThan(names.length);
  });

  it('writes the terrils by number, then number and name', async () => {
    await jumpTo([2.787, 50.444], 13.5);
    const refs = await renderedNames('cav-labels-terrils', 'T074', 'ref');
    expect(refs).toEqual(expect.arrayContaining(['T074', 'T074a']));
    const text = await app.page.evaluate(() => {
      const map = window.__cavalierMap!;
      const f = map.queryRenderedFeatures({ layers: ['cav-labels-terrils'] }).find((x) => x.properties?.ref === 'T074')!;
      // the text-field as the style evaluated it for this zoom (maplibre's own expression evaluation)
      const layer = map.getLayer('cav-labels-terrils') as unknown as { layout: { get(k: string): { evaluate(f: unknown, state: unknown): unknown } } };
      return String(layer.layout.get('text-field').evaluate({ type: 'Point', properties: f.properties }, {}));
    });
    expect(String(text)).toBe('T074 · 11/19 de Lens Est');
  });

  it('answered every font request from the app itself, and asked for no glyphs', () => {
    // Plan IGN, the default basemap, is tried once and given up offline (test/browser/basemap-layers.test.ts)
    const foreign = requests.filter(
      (u) => !u.startsWith(app.url) && !u.startsWith('data:') && !u.startsWith('blob:') && !u.startsWith('https://data.geopf.fr/wmts?'),
    );
    expect(foreign).toEqual([]);
    expect(requests.filter((u) => /\.pbf(\?|$)|glyph|fonts\.(googleapis|gstatic)|cdn/.test(u))).toEqual([]);
    expect(fontResponses.length).toBeGreaterThanOrEqual(1);
    for (const r of fontResponses) {
      expect(r.url.startsWith(`${app.url}assets/noto-sans-latin`)).toBe(true);
      expect(r.status).toBe(200);
    }
    expect(app.unexpectedErrors()).toEqual([]);
  });
});

describe('place search', () => {
  it('Ctrl+K, « Loos », Enter: the map lands on Loos-en-Gohelle, marked', async () => {
    const { page } = app;
    await jumpTo([3.4, 50.35], 10); // far away: Valenciennes
    await page.keyboard.press('Control+k');
    const input = page.getByRole('combobox', { name: 'Rechercher un lieu' });
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Loos');
    const options = page.getByRole('listbox').getByRole('option');
    await options.first().waitFor({ state: 'visible', timeout: 20_000 });
    expect(await options.first().textContent()).toContain('Loos-en-Gohelle');
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    expect(await input.getAttribute('aria-controls')).toBe(await page.getByRole('listbox').getAttribute('id'));

    // the arrows move the active option, announced through aria-activedescendant
    await page.keyboard.press('ArrowDown');
    const first = options.first();
    expect(await first.getAttribute('aria-selected')).toBe('true');
    expect(await input.getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'));
    await page.keyboard.press('ArrowDown');
    expect(await first.getAttribute('aria-selected')).toBe('false');
    await page.keyboard.press('ArrowUp');
    expect(await first.getAttribute('aria-selected')).toBe('true');

    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !window.__cavalierMap!.isMoving(), null, { timeout: 20_000, polling: 100 });
    await mapIdle(page);
    const view = await page.evaluate(() => {
      const map = window.__cavalierMap!;
      const c = map.getCenter();
      return { lon: c.lng, lat: c.lat, zoom: map.getZoom(), mark: !!map.getLayer('cav-place-mark-line') };
    });
    expect(view.lon).toBeGreaterThan(loosBbox[0]);
    expect(view.lon).toBeLessThan(loosBbox[2]);
    expect(view.lat).toBeGreaterThan(loosBbox[1]);
    expect(view.lat).toBeLessThan(loosBbox[3]);
    expect(view.zoom).toBeGreaterThan(11);
    expect(view.mark).toBe(true);
    // the outline drawn is the commune's, from the communes' own tiles
    const marked = await page.evaluate(() => window.__cavalierMap!.queryRenderedFeatures({ layers: ['cav-place-mark-line'] }).map((f) => f.properties?.name));
    expect(new Set(marked)).toEqual(new Set(['Loos-en-Gohelle']));
    expect(await input.inputValue()).toBe('Loos-en-Gohelle');
    expect(await page.getByRole('listbox').isHidden()).toBe(true);

    // Escape clears the search and the mark
    await page.keyboard.press('Escape');
    expect(await input.inputValue()).toBe('');
    await page.waitForFunction(() => !window.__cavalierMap!.getLayer('cav-place-mark-line'));
  });

  it('« / » then a terril number: the map goes to the terril', async () => {
    const { page } = app;
    await page.locator('body').click({ position: { x: 200, y: 780 } }); // out of any field
    await page.keyboard.press('/');
    const input = page.getByRole('combobox', { name: 'Rechercher un lieu' });
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('t75');
    const option = page.getByRole('option').first();
    await option.waitFor({ state: 'visible' });
    expect(await option.textContent()).toContain('Pinchonvalles');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !window.__cavalierMap!.isMoving(), null, { timeout: 20_000, polling: 100 });
    await mapIdle(page);
    const centre = await page.evaluate(() => window.__cavalierMap!.getCenter().toArray());
    const terrils = JSON.parse(readFileSync(join(ROOT, 'public/data/terrils.geojson'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { id: string }>;
    const b = turfBbox(terrils.features.find((f) => f.properties.id === 'T075')!);
    expect(centre[0]).toBeGreaterThan(b[0]);
    expect(centre[0]).toBeLessThan(b[2]);
    expect(centre[1]).toBeGreaterThan(b[1]);
    expect(centre[1]).toBeLessThan(b[3]);
  });

  it('says when nothing matches, and in English when asked', async () => {
    const { page } = app;
    const input = page.getByRole('combobox', { name: 'Rechercher un lieu' });
    await input.fill('zzzz');
    await page.getByRole('status').filter({ hasText: 'Aucun lieu ne correspond à' }).waitFor();
    await page.getByTestId('lang-en').click();
    await page.getByRole('combobox', { name: 'Search for a place' }).fill('liévin');
    expect(await page.getByRole('option').first().textContent()).toContain('Municipality');
    await page.getByTestId('lang-fr').click();
    expect(app.unexpectedErrors()).toEqual([]);
  });
});
