// The built app in a real Chromium: map, embedded layers, layer panel, popups, language, basemaps,
// and the map controller's route drawing and gestures.

import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import type { LayerManifest } from '../../src/core/layers';
import { lonLatToPage, mapIdle, startApp, waitForMapReady, type StartedApp } from './harness';

let app: StartedApp;
let manifest: LayerManifest;

beforeAll(async () => {
  app = await startApp();
  await waitForMapReady(app.page);
  manifest = await app.page.evaluate(() => fetch('data/layers.json').then((r) => r.json()));
});

afterAll(async () => {
  await app?.close();
});

/** Distinct colours (quantised to 5 bits per channel) of a PNG, decoded by the page itself. */
async function colourStats(png: Buffer): Promise<{ distinct: number; dominantShare: number; width: number; height: number }> {
  return app.page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const counts = new Map<number, number>();
    for (let i = 0; i < data.length; i += 4) {
      const key = ((data[i] >> 3) << 10) | ((data[i + 1] >> 3) << 5) | (data[i + 2] >> 3);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const total = data.length / 4;
    return { distinct: counts.size, dominantShare: Math.max(...counts.values()) / total, width: canvas.width, height: canvas.height };
  }, png.toString('base64'));
}

/** Finds a pixel of the map canvas where `layer` renders the feature named `name` (after zooming onto it). */
async function pixelOnFeature(layer: string, name?: string): Promise<{ x: number; y: number; name: string }> {
  const { page } = app;
  // queryRenderedFeatures reads the last frame drawn: let a layer just made visible be drawn first
  await mapIdle(page);
  const found = await page.evaluate(
    ({ layer, name }) => {
      const map = window.__cavalierMap!;
      const bboxOf = (g: unknown): [number, number, number, number] | null => {
        let w = Infinity,
          s = Infinity,
          e = -Infinity,
          n = -Infinity;
        const visit = (c: unknown): void => {
          if (Array.isArray(c) && typeof c[0] === 'number') {
            w = Math.min(w, c[0] as number);
            e = Math.max(e, c[0] as number);
            s = Math.min(s, c[1] as number);
            n = Math.max(n, c[1] as number);
          } else if (Array.isArray(c)) c.forEach(visit);
        };
        visit((g as { coordinates: unknown }).coordinates);
        return Number.isFinite(w) && Number.isFinite(n) ? [w, s, e, n] : null;
      };
      // the largest named feature whose (tile-clipped) geometry is not empty
      const candidates = map
        .queryRenderedFeatures({ layers: [layer] })
        .filter((f) => typeof f.properties?.name === 'string' && (!name || f.properties.name === name))
        .map((f) => ({ name: f.properties.name as string, bbox: bboxOf(f.geometry) }))
        .filter((c): c is { name: string; bbox: [number, number, number, number] } => c.bbox !== null)
        .sort((a, b) => (b.bbox[2] - b.bbox[0]) * (b.bbox[3] - b.bbox[1]) - (a.bbox[2] - a.bbox[0]) * (a.bbox[3] - a.bbox[1]));
      const f = candidates[0];
      if (!f) return null;
      map.fitBounds(f.bbox, { padding: 160, animate: false, maxZoom: 16 });
      return f.name;
    },
    { layer, name },
  );
  if (!found) throw new Error(`no rendered feature with a name in layer ${layer}`);
  await mapIdle(page);
  const px = await page.evaluate(
    ({ layer, name }) => {
      const map = window.__cavalierMap!;
      const canvas = map.getCanvas();
      const rect = canvas.getBoundingClientRect();
      const w = canvas.clientWidth;
      const h = canvas.clientHeight;
      // scan from the centre outwards for a pixel that hits the feature
      for (let r = 0; r < Math.max(w, h) / 2; r += 6) {
        for (let a = 0; a < 360; a += r === 0 ? 360 : 15) {
          const x = w / 2 + r * Math.cos((a * Math.PI) / 180);
          const y = h / 2 + r * Math.sin((a * Math.PI) / 180);
          if (x < 40 || y < 40 || x > w - 40 || y > h - 40) continue;
          const hits = map.queryRenderedFeatures([x, y], { layers: [layer] });
          if (hits.some((f) => f.properties?.name === name)) return { x: rect.left + x, y: rect.top + y };
        }
      }
      return null;
    },
    { layer, name: found },
  );
  if (!px) throw new Error(`feature ${found} of ${layer} not found on screen`);
  return { ...px, name: found };
}

async function resetView(): Promise<void> {
  await app.page.evaluate((bbox) => window.__cavalierMap!.fitBounds(bbox, { padding: 24, animate: false }), manifest.bbox);
  await mapIdle(app.page);
}

describe('Cavalier in Chromium', () => {
  it('loads the map and every embedded source of the manifest', async () => {
    const state = await app.page.evaluate(() => {
      const map = window.__cavalierMap!;
      return { loaded: map.loaded(), style: map.isStyleLoaded(), sources: window.__cavalierSources ?? {} };
    });
    expect(state.loaded).toBe(true);
    const embedded = manifest.layers.filter((l) => l.status !== 'to-import' && l.url);
    expect(embedded.length).toBeGreaterThan(0);
    for (const layer of embedded) expect(state.sources[layer.id], `source ${layer.id}`).toBe(true);
    // the visible ones are visible in the style
    const visibility = await app.page.evaluate(
      (ids) => ids.map((id) => window.__cavalierMap!.getLayoutProperty(id, 'visibility')),
      embedded.map((l) => l.id),
    );
    embedded.forEach((l, i) => expect(visibility[i], l.id).toBe(l.visible ? 'visible' : 'none'));
  });

  it('draws terrils and cavaliers', async () => {
    const counts = await app.page.evaluate(() => {
      const map = window.__cavalierMap!;
      return {
        terrils: map.queryRenderedFeatures({ layers: ['terrils'] }).length,
        cavaliers: map.queryRenderedFeatures({ layers: ['cavaliers'] }).length,
        // drawn from the tiles' source-layer
        terrilsInSource: map.querySourceFeatures(map.getLayer('terrils')!.source, { sourceLayer: map.getLayer('terrils')!.sourceLayer }).length,
      };
    });
    expect(counts.terrils).toBeGreaterThan(0);
    expect(counts.cavaliers).toBeGreaterThan(0);
    expect(counts.terrilsInSource).toBeGreaterThan(0);
  });

  it('renders a map that is not blank', async () => {
    await app.page.screenshot({ path: '/tmp/cavalier-shot.png' });
    const png = await app.page.locator('.maplibregl-canvas').screenshot();
    const stats = await colourStats(png);
    expect(stats.width).toBeGreaterThan(300);
    expect(stats.distinct).toBeGreaterThan(20);
    // the plain background must not fill the whole canvas
    expect(stats.dominantShare).toBeLessThan(0.97);
  });

  it('lists the layers with legend, source, licence and status', async () => {
    const { page } = app;
    for (const layer of manifest.layers) {
      const item = page.getByTestId(`layer-${layer.id}`);
      await expect(item.count()).resolves.toBe(1);
      const text = await item.innerText();
      expect(text).toContain(layer.title.fr);
      expect(text).toContain(layer.licence);
      if (layer.status === 'to-import') {
        expect(text).toContain('à importer');
        expect(await page.getByTestId(`layer-toggle-${layer.id}`).isDisabled()).toBe(true);
      }
      if (layer.status === 'approximation') expect(text).toContain('approximation');
    }
  });

  it('hides the terrils when unticked in the layer panel', async () => {
    const { page } = app;
    const toggle = page.getByTestId('layer-toggle-terrils');
    await toggle.uncheck();
    const hidden = await page.evaluate(() => {
      const c = window.__cavalierController!;
      return c.mapLayersOf('terrils').map((id) => window.__cavalierMap!.getLayoutProperty(id, 'visibility'));
    });
    expect(hidden.length).toBeGreaterThan(0);
    expect(new Set(hidden)).toEqual(new Set(['none']));
    await toggle.check();
    expect(await page.evaluate(() => window.__cavalierMap!.getLayoutProperty('terrils', 'visibility'))).toBe('visible');
  });

  it('opens a plain-text popup with the name of a clicked terril', async () => {
    const { page } = app;
    const target = await pixelOnFeature('terrils');
    await page.mouse.click(target.x, target.y);
    const popup = page.getByTestId('map-popup');
    await popup.waitFor({ state: 'visible', timeout: 10_000 });
    const text = (await popup.textContent()) ?? '';
    expect(text).toContain(target.name);
    expect(text).toContain(manifest.layers.find((l) => l.id === 'terrils')!.title.fr);
    await page.keyboard.press('Escape');
    await page.evaluate(() => document.querySelector<HTMLButtonElement>('.maplibregl-popup-close-button')?.click());
    await resetView();
  });

  it('shows a feature name containing HTML as text, never as markup', async () => {
    const { page } = app;
    const evil = '<img src=x onerror=alert(1)>';
    const ids = manifest.layers.filter((l) => l.status !== 'to-import').map((l) => l.id);
    const original = await page.evaluate(
      async ({ evil, ids }) => {
        const map = window.__cavalierMap!;
        const c = window.__cavalierController!;
        const src = map.getSource('protections') as unknown as { getData(): Promise<FeatureCollection>; setData(d: unknown): void };
        const data = await src.getData();
        const [lon, lat] = [2.95, 50.47];
        const d = 0.004;
        const poisoned = {
          ...data,
          features: [
            ...data.features,
            {
              type: 'Feature',
              properties: { name: evil, commune: '<b>gras</b>' },
              geometry: {
                type: 'Polygon',
                coordinates: [
                  [
                    [lon - d, lat - d],
                    [lon + d, lat - d],
                    [lon + d, lat + d],
                    [lon - d, lat + d],
                    [lon - d, lat - d],
                  ],
                ],
              },
            },
          ],
        };
        src.setData(poisoned);
        // only the protected areas (a GeoJSON source: the terrils are tiles), so that the popup lists this feature first
        for (const l of ids) if (l !== 'protections') c.setLayerVisible(l, false);
        map.jumpTo({ center: [lon, lat], zoom: 14 });
        return data;
      },
      { evil, ids },
    );
    await page.waitForFunction(
      (evil) => window.__cavalierMap!.queryRenderedFeatures({ layers: ['protections'] }).some((f) => f.properties?.name === evil),
      evil,
      {
        timeout: 20_000,
      },
    );
    await mapIdle(page);
    const target = await pixelOnFeature('protections', evil);
    await page.mouse.click(target.x, target.y);
    const popup = page.getByTestId('map-popup');
    await popup.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await popup.textContent()).toContain(evil);
    expect(await popup.textContent()).toContain('<b>gras</b>');
    expect(await popup.locator('img, b').count()).toBe(0);
    expect(app.errors.filter((e) => e.kind === 'dialog')).toEqual([]);

    await page.evaluate(
      ({ original }) => {
        const map = window.__cavalierMap!;
        (map.getSource('protections') as unknown as { setData(d: unknown): void }).setData(original);
        document.querySelector<HTMLButtonElement>('.maplibregl-popup-close-button')?.click();
      },
      { original },
    );
    // restore the visibility the panel shows
    for (const layer of manifest.layers) {
      if (layer.status === 'to-import') continue;
      const checked = await page.getByTestId(`layer-toggle-${layer.id}`).isChecked();
      await page.evaluate(({ id, checked }) => window.__cavalierController!.setLayerVisible(id, checked), { id: layer.id, checked });
    }
    await resetView();
  });

  it('switches the interface to English and back', async () => {
    const { page } = app;
    expect(await page.getByTestId('layer-panel-title').innerText()).toMatch(/couches/i);
    await page.getByTestId('lang-en').click();
    expect(await page.getByTestId('layer-panel-title').innerText()).toMatch(/layers/i);
    expect(await page.getByTestId('layer-terrils').innerText()).toContain(manifest.layers.find((l) => l.id === 'terrils')!.title.en);
    expect(await page.evaluate(() => [document.documentElement.lang, localStorage.getItem('cavalier.lang')])).toEqual(['en', 'en']);
    await page.getByTestId('lang-fr').click();
    expect(await page.getByTestId('layer-panel-title').innerText()).toMatch(/couches/i);
  });

  it('keeps working when an online basemap cannot load (offline): the embedded map, one quiet line', async () => {
    const { page } = app;
    // offline from the start: Plan IGN, the default, did not load
    await page.waitForFunction(() => document.querySelector('[data-testid=basemap-switch]')?.getAttribute('data-shown') === 'none', null, { timeout: 20_000 });
    await page.getByTestId('basemap-osm').click();
    await page.getByTestId('basemap-status').filter({ hasText: 'OpenStreetMap' }).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('basemap-status').innerText()).toMatch(/injoignable/);
    expect(await page.locator('[data-testid=notice]').filter({ hasText: /fond/i }).count()).toBe(0);
    const layers = await page.evaluate(() => window.__cavalierMap!.getStyle().layers.map((l) => l.id));
    expect(layers.some((l) => l.startsWith('basemap-'))).toBe(false);
    expect(await page.evaluate(() => window.__cavalierMap!.queryRenderedFeatures({ layers: ['terrils'] }).length)).toBeGreaterThan(0);
    await page.getByTestId('basemap-none').click();
    expect(await page.getByTestId('basemap-status').innerText()).toMatch(/hors ligne/i);
    await mapIdle(page);
  });

  it('draws a route and reports point drags, inserts, right-clicks and clicks', async () => {
    const { page } = app;
    const A: [number, number] = [2.8, 50.43];
    const B: [number, number] = [2.84, 50.44];
    const C: [number, number] = [2.88, 50.425];
    await page.evaluate(
      ({ A, B, C }) => {
        const c = window.__cavalierController!;
        const map = window.__cavalierMap!;
        map.jumpTo({ center: [2.84, 50.433], zoom: 12.5 });
        const events: unknown[][] = [];
        (window as unknown as { __events: unknown[][] }).__events = events;
        for (const type of ['click', 'pointclick', 'pointcontextmenu', 'pointdragstart', 'pointdragend', 'insert'] as const) {
          c.on(type, (...args: unknown[]) => events.push([type, ...args]));
        }
        c.setRoute({
          points: [A, B, C],
          legs: [
            { coordinates: [A, [2.815, 50.438], B], mode: 'network' },
            { coordinates: [B, C], mode: 'straight' },
          ],
          selectedPoint: 1,
        });
      },
      { A, B, C },
    );
    await mapIdle(page);
    const drawn = await page.evaluate(() => {
      const map = window.__cavalierMap!;
      return {
        solid: map.queryRenderedFeatures({ layers: ['cav-route'] }).length,
        dashed: map.queryRenderedFeatures({ layers: ['cav-route-dashed'] }).length,
        points: map
          .queryRenderedFeatures({ layers: ['cav-points'] })
          .map((f) => f.properties.role as string)
          .sort(),
      };
    });
    expect(drawn.solid).toBeGreaterThan(0);
    expect(drawn.dashed).toBeGreaterThan(0);
    expect(drawn.points).toEqual(['first', 'last', 'mid']);
    await page.screenshot({ path: '/tmp/cavalier-route.png' });

    const events = () => page.evaluate(() => (window as unknown as { __events: unknown[][] }).__events.splice(0));
    const center = () => page.evaluate(() => window.__cavalierMap!.getCenter().toArray());

    // drag the middle point: the map must not pan
    const before = await center();
    const pB = await lonLatToPage(page, B);
    await page.mouse.move(pB.x, pB.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(pB.x + 6 * i, pB.y + 4 * i);
    await page.mouse.up();
    const drag = await events();
    expect(await center()).toEqual(before);
    expect(drag.map((e) => e[0])).toEqual(['pointdragstart', 'pointdragend']);
    expect(drag[1][1]).toBe(1);
    const dropped = drag[1][2] as [number, number];
    const pDropped = await lonLatToPage(page, dropped);
    expect(Math.abs(pDropped.x - (pB.x + 60))).toBeLessThan(1.5);
    expect(Math.abs(pDropped.y - (pB.y + 40))).toBeLessThan(1.5);

    // press on the first leg and drag: insert in leg 0
    const mid = await lonLatToPage(page, [2.815, 50.438]);
    await page.mouse.move(mid.x, mid.y);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(mid.x, mid.y - 5 * i);
    await page.mouse.up();
    const ins = await events();
    expect(ins.map((e) => e[0])).toEqual(['insert']);
    expect(ins[0][1]).toBe(0);

    // the app echoes the new route; then click, right-click a point, click the empty map in draw mode
    await page.evaluate(
      ({ A, B, C }) =>
        window.__cavalierController!.setRoute({
          points: [A, B, C],
          legs: [
            { coordinates: [A, B], mode: 'network' },
            { coordinates: [B, C], mode: 'network', fallback: true },
          ],
        }),
      { A, B, C },
    );
    await mapIdle(page);
    const pC = await lonLatToPage(page, C);
    await page.mouse.click(pC.x, pC.y);
    await page.mouse.click(pC.x, pC.y, { button: 'right' });
    expect((await events()).map((e) => e.slice(0, 2))).toEqual([
      ['pointclick', 2],
      ['pointcontextmenu', 2],
    ]);

    await page.getByTestId('tool-draw').click();
    const empty = await lonLatToPage(page, [2.83, 50.415]);
    await page.mouse.move(empty.x, empty.y);
    await page.waitForFunction(() => window.__cavalierMap!.getCanvas().style.cursor === 'crosshair');
    await page.mouse.click(empty.x, empty.y);
    const clicks = await events();
    expect(clicks.map((e) => e[0])).toEqual(['click']);
    const [lon, lat] = clicks[0][1] as [number, number];
    expect(lon).toBeCloseTo(2.83, 3);
    expect(lat).toBeCloseTo(50.415, 3);
    await page.getByTestId('tool-draw').click();
    await page.evaluate(() => {
      window.__cavalierController!.setHover([2.85, 50.43]);
      window.__cavalierController!.setHighlight([
        [2.8, 50.43],
        [2.84, 50.44],
      ]);
    });
    await mapIdle(page);
    await page.screenshot({ path: '/tmp/cavalier-route-2.png' });
    await page.evaluate(() => {
      const c = window.__cavalierController!;
      c.setRoute({ points: [], legs: [] });
      c.setHover(null);
      c.setHighlight(null);
    });
  });

  it('logged no page errors', () => {
    writeFileSync('/tmp/cavalier-browser-errors.json', JSON.stringify(app.errors, null, 2));
    expect(app.unexpectedErrors()).toEqual([]);
  });
});

describe('a layer hidden at the start, drawn from its GeoJSON', () => {
  let plain: StartedApp;
  beforeAll(async () => {
    plain = await startApp({ path: '?tuiles=non' });
    await waitForMapReady(plain.page);
  });
  afterAll(async () => {
    await plain?.close();
  });

  it('reads a layer hidden at the start only when it is ticked, then draws all of its features', async () => {
    const { page } = plain;
    // osm-routes: hidden by default; drawn here from its GeoJSON (?tuiles=non)
    const entry = manifest.layers.find((l) => l.id === 'osm-routes')!;
    expect(entry.visible).toBe(false);
    // the file's reads, counted where the controller asks maplibre for them (the places' worker
    // reads the same file for the search, once the first map is drawn)
    await page.evaluate(() => {
      const src = window.__cavalierMap!.getSource('osm-routes') as unknown as { setData(d: unknown): unknown; reads?: unknown[] };
      const setData = src.setData.bind(src);
      src.reads = [];
      src.setData = (d: unknown) => {
        src.reads!.push(d);
        return setData(d);
      };
    });
    const reads = () => page.evaluate(() => (window.__cavalierMap!.getSource('osm-routes') as unknown as { reads: unknown[] }).reads);
    const data = () => page.evaluate(() => (window.__cavalierMap!.getSource('osm-routes')!.serialize() as { data: unknown }).data);
    // nothing read at the start: the source holds an empty collection
    expect(await data()).toEqual({ type: 'FeatureCollection', features: [] });
    await page.getByTestId('layer-toggle-osm-routes').check();
    await mapIdle(page);
    expect(((await data()) as FeatureCollection).features.length).toBe(entry.featureCount);
    const once = await reads();
    expect(once).toHaveLength(1);
    expect(once[0]).toMatch(/\/data\/osm-routes\.geojson$/);
    // every feature of the file is in the source (maplibre gives one feature per tile it falls in)
    const ids = await page.evaluate(() => new Set(window.__cavalierMap!.querySourceFeatures('osm-routes').map((f) => f.id)).size);
    expect(ids).toBe(entry.featureCount);
    // hidden and shown again: not read again
    await page.getByTestId('layer-toggle-osm-routes').uncheck();
    await page.getByTestId('layer-toggle-osm-routes').check();
    await mapIdle(page);
    expect(await reads()).toHaveLength(1);
    await page.getByTestId('layer-toggle-osm-routes').uncheck();
  });

  it('logged no page errors', () => {
    expect(plain.unexpectedErrors()).toEqual([]);
  });
});

describe('Cavalier without its data', () => {
  it('says in French that the layers are missing and still shows a working map', async () => {
    const bare = await startApp({
      beforeNavigate: (page) => page.route('**/data/layers.json', (route) => route.fulfill({ status: 404, body: 'not found' })),
    });
    try {
      await waitForMapReady(bare.page);
      const error = await bare.page.getByTestId('layers-error').innerText();
      expect(error).toContain('Couches intégrées introuvables');
      expect(error).toContain('npm run data:build');
      expect(await bare.page.evaluate(() => window.__cavalierMap!.getStyle().layers.some((l) => l.id === 'terrils'))).toBe(false);
      expect(bare.errors.filter((e) => e.kind !== 'console')).toEqual([]);
    } finally {
      await bare.close();
    }
  });
});
