// The big layers on the map come from vector tiles of one PMTiles archive (public/data/layers.pmtiles,
// see data/steps/tiles.ts): sources, Range requests, a commune rendered where the GeoJSON says,
// its popup as text, a null property restored, toggles, attributions, and the `?tuiles=non` switch.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Point, Polygon, MultiPolygon } from 'geojson';
import { booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import type { LayerManifest } from '../../src/core/layers';
import { lonLatToPage, mapIdle, ROOT, startApp, waitForMapReady, type StartedApp } from './harness';

const dataDir = join(ROOT, 'public/data');
const manifest = JSON.parse(readFileSync(join(dataDir, 'layers.json'), 'utf8')) as LayerManifest;
const tiled = manifest.layers.filter((l) => l.tiles);
type LonLat = [number, number];

const communes = JSON.parse(readFileSync(join(dataDir, 'communes.geojson'), 'utf8')) as FeatureCollection<
  Polygon | MultiPolygon,
  { name: string; insee: string }
>;
const lens = communes.features.find((f) => f.properties.name === 'Lens')!;
// a point inside Lens, checked independently to lie in no other commune
const inLens = pointOnFeature(lens).geometry.coordinates as LonLat;
const puits = JSON.parse(readFileSync(join(dataDir, 'puits.geojson'), 'utf8')) as FeatureCollection<Point, { name: string; cote: number | null }>;
const nullCote = puits.features.find((f) => f.properties.cote === null) as Feature<Point, { name: string; cote: null }>;

let app: StartedApp;
const pmtilesRequests: { range: string | undefined; status: number }[] = [];

/** only these manifest layers visible (through the controller, as app.test.ts does) */
async function showOnly(ids: string[]): Promise<void> {
  await app.page.evaluate(
    ({ all, ids }) => {
      for (const id of all) window.__cavalierController!.setLayerVisible(id, ids.includes(id));
    },
    { all: manifest.layers.filter((l) => l.url).map((l) => l.id), ids },
  );
}

async function centreOn(lonlat: LonLat, zoom: number): Promise<void> {
  await app.page.evaluate(({ c, z }) => window.__cavalierMap!.jumpTo({ center: c, zoom: z }), { c: lonlat, z: zoom });
  await mapIdle(app.page);
}

/** features rendered at a lon/lat for the layer: manifest id, source-layer, name */
async function renderedAt(lonlat: LonLat, layer: string) {
  return app.page.evaluate(
    ({ ll, layer }) => {
      const map = window.__cavalierMap!;
      const p = map.project(ll);
      return map
        .queryRenderedFeatures([p.x, p.y], { layers: [layer] })
        .map((f) => ({ sourceLayer: f.sourceLayer, name: f.properties?.name as string, id: f.id }));
    },
    { ll: lonlat, layer },
  );
}

async function closePopup(): Promise<void> {
  await app.page.evaluate(() => document.querySelector<HTMLButtonElement>('.maplibregl-popup-close-button')?.click());
}

beforeAll(async () => {
  app = await startApp({
    beforeNavigate: async (page) => {
      page.on('response', (res) => {
        if (res.url().endsWith('/data/layers.pmtiles')) pmtilesRequests.push({ range: res.request().headers().range, status: res.status() });
      });
    },
  });
  await waitForMapReady(app.page);
});

afterAll(async () => {
  await app?.close();
});

describe('big layers as vector tiles', () => {
  it('the manifest tiles every layer of 16 KB or more, and not the two small ones (protections, cavaliers-unesco)', () => {
    expect(tiled.map((l) => l.id).sort()).toEqual([
      'bassin',
      'cavaliers',
      'communes',
      'communes-npdc',
      'friches',
      'neonaturels',
      'osm-routes',
      'puits',
      'reseau',
      'sites-classes',
      'terrils',
      'tvb-corridors',
      'tvb-reservoirs',
      'veloroutes',
    ]);
    // the rule read from the files themselves
    const embedded = manifest.layers.filter((l) => l.status !== 'to-import' && l.url);
    for (const l of embedded) expect(!!l.tiles, l.id).toBe(statSync(join(ROOT, 'public', l.url!)).size >= 16 * 1024);
    expect(
      embedded
        .filter((l) => !l.tiles)
        .map((l) => l.id)
        .sort(),
    ).toEqual(['cavaliers-unesco', 'protections']);
  });

  it('draws them from a pmtiles:// vector source, one source-layer per layer, read with Range requests', async () => {
    const layers = await app.page.evaluate(
      (ids) =>
        ids.map((id) => {
          const map = window.__cavalierMap!;
          const layer = map.getLayer(id)!;
          const source = map.getStyle().sources[layer.source] as { type: string; tiles?: string[]; data?: unknown };
          return { id, sourceLayer: layer.sourceLayer, type: source.type, tiles: source.tiles ?? null };
        }),
      [...tiled.map((l) => l.id), 'protections'],
    );
    for (const l of layers.filter((l) => l.id !== 'protections')) {
      expect(l.type, l.id).toBe('vector');
      // the archive's tiles, addressed through the pmtiles:// protocol (no TileJSON read first)
      expect(l.tiles).toEqual([`pmtiles://${app.url}data/layers.pmtiles/{z}/{x}/{y}.mvt`]);
      expect(l.sourceLayer).toBe(l.id);
    }
    expect(layers.find((l) => l.id === 'protections')).toMatchObject({ type: 'geojson', sourceLayer: undefined });
    expect(await app.page.evaluate(() => window.__cavalierController!.tiledLayers().sort())).toEqual(tiled.map((l) => l.id).sort());
    // the archive is read in pieces: a header request then directory and tile ranges, answered 206
    expect(pmtilesRequests.length).toBeGreaterThan(1);
    for (const r of pmtilesRequests) {
      expect(r.range).toMatch(/^bytes=\d+-\d+$/);
      expect(r.status).toBe(206);
    }
    // every source, tiles included, reported loaded
    const sources = await app.page.evaluate(() => window.__cavalierSources ?? {});
    for (const l of tiled) expect(sources[l.id], l.id).toBe(true);
  });

  it('renders the commune of Lens where the GeoJSON has it, and its popup gives its name as text', async () => {
    expect(communes.features.filter((f) => booleanPointInPolygon(inLens, f)).map((f) => f.properties.name)).toEqual(['Lens']);
    await app.page.getByTestId('layer-toggle-communes').check();
    await showOnly(['communes']);
    await centreOn(inLens, 13);
    const hits = await renderedAt(inLens, 'communes');
    expect(hits.map((h) => h.name)).toEqual(['Lens']);
    expect(hits[0].sourceLayer).toBe('communes');
    // the feature id is the commune's index in communes.geojson (as the GeoJSON source's generateId)
    expect(hits[0].id).toBe(communes.features.indexOf(lens));

    const p = await lonLatToPage(app.page, inLens);
    await app.page.mouse.click(p.x, p.y);
    const popup = app.page.getByTestId('map-popup');
    await popup.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await popup.locator('.cav-popup-layer').allTextContents()).toEqual([manifest.layers.find((l) => l.id === 'communes')!.title.fr]);
    expect(await popup.locator('.cav-popup-name').allTextContents()).toEqual(['Lens']);
    expect(await popup.textContent()).toContain(lens.properties.insee);
    expect(await popup.locator('img, script, b, a').count()).toBe(0);
    await closePopup();
  });

  it('hides and shows a tiled layer from the layer panel', async () => {
    const toggle = app.page.getByTestId('layer-toggle-communes');
    await toggle.uncheck();
    await mapIdle(app.page);
    expect(await renderedAt(inLens, 'communes')).toEqual([]);
    expect(await app.page.evaluate(() => window.__cavalierMap!.getLayoutProperty('communes--outline', 'visibility'))).toBe('none');
    await toggle.check();
    await mapIdle(app.page);
    expect((await renderedAt(inLens, 'communes')).map((h) => h.name)).toEqual(['Lens']);
  });

  it('puts back a property that was null in the GeoJSON (vector tiles cannot hold null)', async () => {
    expect(manifest.layers.find((l) => l.id === 'puits')!.tiles!.nullable).toContain('cote');
    await showOnly(['puits']);
    const at = nullCote.geometry.coordinates as LonLat;
    await centreOn(at, 15);
    const p = await lonLatToPage(app.page, at);
    await app.page.mouse.click(p.x, p.y);
    const popup = app.page.getByTestId('map-popup');
    await popup.waitFor({ state: 'visible', timeout: 10_000 });
    const rows = await popup
      .locator('section')
      .first()
      .locator('tr')
      .evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')?.textContent, tr.querySelector('td')?.textContent]));
    expect(await popup.locator('.cav-popup-name').first().textContent()).toBe(nullCote.properties.name);
    expect(rows).toContainEqual(['Altitude du sol (m)', '—']);
    await closePopup();
  });

  it('credits the tiled layers in the attribution, as text', async () => {
    const text = await app.page.evaluate(() => document.querySelector('.maplibregl-ctrl-attrib-inner')?.textContent ?? '');
    expect(text).toContain('geo.api.gouv.fr');
    expect(text).toContain('raccords calculés par Cavalier');
  });

  it('with ?tuiles=non every layer is a GeoJSON source again, and Lens is still there', async () => {
    const page = await app.context.newPage();
    try {
      await page.goto(`${app.url}?tuiles=non`, { waitUntil: 'load' });
      await waitForMapReady(page);
      const types = await page.evaluate(
        (ids) => ids.map((id) => (window.__cavalierMap!.getStyle().sources[window.__cavalierMap!.getLayer(id)!.source] as { type: string }).type),
        tiled.map((l) => l.id),
      );
      expect(new Set(types)).toEqual(new Set(['geojson']));
      expect(await page.evaluate(() => window.__cavalierController!.tiledLayers())).toEqual([]);
      await page.evaluate((c) => {
        window.__cavalierController!.setLayerVisible('communes', true);
        window.__cavalierMap!.jumpTo({ center: c, zoom: 13 });
      }, inLens);
      await page.evaluate(() => window.__cavalierIdle!());
      const names = await page.evaluate((ll) => {
        const map = window.__cavalierMap!;
        return map.queryRenderedFeatures(map.project(ll), { layers: ['communes'] }).map((f) => f.properties?.name);
      }, inLens);
      expect(names).toEqual(['Lens']);
    } finally {
      await page.close();
    }
  });

  it('reports no error', () => {
    expect(app.unexpectedErrors()).toEqual([]);
  });
});
