// The basemap and the mission's layers in the built app. The Géoplateforme WMTS host is routed
// (page.route) to a local tile stub answering a solid PNG: Plan IGN v2 is then the map by
// default, with the exact GetTile URL the service documents; without the route (offline) the map
// is the embedded layers with one quiet line and no failed request after the first batch.
// Then the friches' popup (« non vérifiée »), the layer panel's dates and the sites classés.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';
import type { FeatureCollection, Point } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpStub, type HttpStub } from '../helpers/http-stub';
import { lonLatToPage, mapIdle, ROOT, startApp, waitForMapReady, type StartedApp } from './harness';

/** A 256 × 256 PNG of one colour (RGB, no filter): what a tile server answers. */
function solidPng([r, g, b]: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(256, 0);
  ihdr.writeUInt32BE(256, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.alloc(1 + 256 * 3);
  for (let x = 0; x < 256; x++) row.set([r, g, b], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: 256 }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const TILE_RGB: [number, number, number] = [30, 144, 255];

let stub: HttpStub;
const asked: URL[] = [];

beforeAll(async () => {
  const png = solidPng(TILE_RGB);
  stub = await startHttpStub({
    '/wmts': (_q, res) => res.writeHead(200, { 'Content-Type': 'image/png' }).end(png),
    '/private/wmts': (_q, res) => res.writeHead(200, { 'Content-Type': 'image/jpeg' }).end(png),
  });
});
afterAll(async () => {
  await stub?.close();
});

/** data.geopf.fr → the local stub, same path and query (CORS open, as the Géoplateforme answers) */
async function routeGeoplateforme(page: Page): Promise<void> {
  await page.route('https://data.geopf.fr/**', async (route) => {
    const u = new URL(route.request().url());
    asked.push(u);
    const r = await fetch(`${stub.url}${u.pathname}${u.search}`);
    await route.fulfill({
      status: r.status,
      headers: { 'Content-Type': r.headers.get('content-type') ?? 'image/png', 'Access-Control-Allow-Origin': '*' },
      body: Buffer.from(await r.arrayBuffer()),
    });
  });
}

/** Share of the map's pixels of the stub tile's colour (within a few units), from the map's own snapshot. */
async function tileColourShare(page: Page): Promise<number> {
  return page.evaluate(async (rgb) => {
    const { dataUrl } = await window.__cavalierController!.snapshot();
    const img = new Image();
    img.src = dataUrl;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - rgb[0]) + Math.abs(data[i + 1] - rgb[1]) + Math.abs(data[i + 2] - rgb[2]) < 12) n++;
    return n / (data.length / 4);
  }, TILE_RGB);
}

const styleLayers = (page: Page) => page.evaluate(() => window.__cavalierMap!.getStyle().layers.map((l) => l.id));
const visibleNotices = (page: Page) => page.locator('[data-testid=notice]').count();

describe('basemap: Plan IGN v2 when the Géoplateforme answers', () => {
  let app: StartedApp;
  beforeAll(async () => {
    app = await startApp({ beforeNavigate: (page) => routeGeoplateforme(page) });
    await waitForMapReady(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('is chosen by default, under the embedded layers, with the documented GetTile URL', async () => {
    const { page } = app;
    await page.waitForFunction(() => !!window.__cavalierMap!.getLayer('basemap-ign') && window.__cavalierMap!.isSourceLoaded('basemap-ign'), null, {
      timeout: 20_000,
    });
    await mapIdle(page);
    expect(await page.getByTestId('basemap-ign').getAttribute('aria-checked')).toBe('true');
    expect(await page.getByTestId('basemap-switch').getAttribute('data-shown')).toBe('ign');
    const layers = await styleLayers(page);
    expect(layers.indexOf('basemap-ign')).toBeGreaterThan(layers.indexOf('background'));
    expect(layers.indexOf('basemap-ign')).toBeLessThan(layers.indexOf('terrils'));

    const tiles = asked.filter((u) => u.pathname === '/wmts');
    expect(tiles.length).toBeGreaterThan(0);
    const q = Object.fromEntries(tiles[0].searchParams);
    expect(q).toMatchObject({
      SERVICE: 'WMTS',
      REQUEST: 'GetTile',
      VERSION: '1.0.0',
      LAYER: 'GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2',
      STYLE: 'normal',
      TILEMATRIXSET: 'PM',
      FORMAT: 'image/png',
    });
    expect(Number(q.TILEMATRIX)).toBeGreaterThanOrEqual(8);
    expect(Number.isInteger(Number(q.TILEROW)) && Number.isInteger(Number(q.TILECOL))).toBe(true);
    // the stub's blue is on screen where no embedded layer covers the ground
    expect(await tileColourShare(page)).toBeGreaterThan(0.05);
    expect(await visibleNotices(page)).toBe(0);
    expect(app.unexpectedErrors()).toEqual([]);
  });

  it('SCAN 25 asks for the user’s key, then draws from the private WMTS with it', async () => {
    const { page } = app;
    await page.getByTestId('basemap-scan25').click();
    expect(await page.getByTestId('basemap-status').innerText()).toMatch(/clé personnelle/);
    expect(await page.getByTestId('basemap-scan25').getAttribute('aria-checked')).toBe('true');
    // no key, no SCAN 25 tile asked for: the embedded map meanwhile
    expect((await styleLayers(page)).some((l) => l.startsWith('basemap-'))).toBe(false);
    await page.getByTestId('basemap-scan25-key').fill('cle-de-test');
    await page.getByTestId('basemap-scan25-key').press('Enter');
    await page.waitForFunction(() => !!window.__cavalierMap!.getLayer('basemap-scan25') && window.__cavalierMap!.isSourceLoaded('basemap-scan25'), null, {
      timeout: 20_000,
    });
    const scan = asked.filter((u) => u.pathname === '/private/wmts');
    expect(scan.length).toBeGreaterThan(0);
    expect(Object.fromEntries(scan[0].searchParams)).toMatchObject({
      LAYER: 'GEOGRAPHICALGRIDSYSTEMS.MAPS.SCAN25TOUR',
      TILEMATRIXSET: 'PM_6_16',
      FORMAT: 'image/jpeg',
      apikey: 'cle-de-test',
    });
    expect(await page.evaluate(() => localStorage.getItem('cavalier.scan25.key'))).toBe('"cle-de-test"');
  });

  it('a basemap that does not answer (OpenStreetMap, not routed) falls back to the embedded map, said once', async () => {
    const { page } = app;
    await page.getByTestId('basemap-osm').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=basemap-switch]')?.getAttribute('data-shown') === 'none', null, { timeout: 20_000 });
    expect(await page.getByTestId('basemap-status').innerText()).toBe(
      'Fond «\u00a0OpenStreetMap\u00a0» injoignable (hors ligne\u00a0?) : la carte montre les couches embarquées.',
    );
    expect((await styleLayers(page)).some((l) => l.startsWith('basemap-'))).toBe(false);
    expect(await visibleNotices(page)).toBe(0);
    // a choice made by hand is kept; back to Plan IGN for the next tests
    expect(await page.evaluate(() => localStorage.getItem('cavalier.basemap.choice'))).toBe('osm');
    await page.getByTestId('basemap-ign').click();
    await page.waitForFunction(() => !!window.__cavalierMap!.getLayer('basemap-ign'));
    await mapIdle(page);
  });
});

describe('offline: the embedded map, one quiet line', () => {
  let app: StartedApp;
  const geopf: string[] = [];
  beforeAll(async () => {
    app = await startApp({
      beforeNavigate: async (page) => void page.on('request', (r) => r.url().startsWith('https://data.geopf.fr/') && geopf.push(r.url())),
    });
    await waitForMapReady(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the embedded layers with one line in the switch and no notice, and stops asking for tiles', async () => {
    const { page } = app;
    await page.waitForFunction(() => document.querySelector('[data-testid=basemap-switch]')?.getAttribute('data-shown') === 'none', null, { timeout: 20_000 });
    expect(await page.getByTestId('basemap-none').getAttribute('aria-checked')).toBe('true');
    expect(await page.getByTestId('basemap-status').innerText()).toBe(
      'Fond «\u00a0Plan IGN\u00a0» injoignable (hors ligne\u00a0?) : la carte montre les couches embarquées.',
    );
    expect((await styleLayers(page)).some((l) => l.startsWith('basemap-'))).toBe(false);
    expect(await visibleNotices(page)).toBe(0);
    // the names are the map: the labels are drawn (they come just after the first map, which they do not hold back)
    await expect
      .poll(() => page.evaluate(() => window.__cavalierMap!.queryRenderedFeatures({ layers: ['cav-labels-communes'] }).length), { timeout: 20_000 })
      .toBeGreaterThan(0);
    // moving the map asks for nothing more
    const before = geopf.length;
    expect(before).toBeGreaterThan(0);
    await page.evaluate(() => window.__cavalierMap!.jumpTo({ center: [3.2, 50.4], zoom: 12 }));
    await mapIdle(page);
    await page.evaluate(() => window.__cavalierMap!.jumpTo({ center: [2.8, 50.45], zoom: 14 }));
    await mapIdle(page);
    expect(geopf.length).toBe(before);
    // nothing a user has to dismiss, and a fresh profile chose nothing
    expect(await page.evaluate(() => localStorage.getItem('cavalier.basemap.choice'))).toBeNull();
    expect(app.unexpectedErrors()).toEqual([]);
  });

  it('the friches: an unverified one drawn and said « non vérifiée » in its popup; each layer with its date', async () => {
    const { page } = app;
    const friches = JSON.parse(readFileSync(join(ROOT, 'public/data/friches.geojson'), 'utf8')) as FeatureCollection<Point, Record<string, unknown>>;
    const f = friches.features.find((x) => x.properties.site_id === '62846_8397')!;
    expect(f.properties.verifiee).toBe(false);
    await page.getByTestId('layer-toggle-friches').check();
    const at = f.geometry.coordinates as [number, number];
    await page.evaluate((c) => window.__cavalierMap!.jumpTo({ center: c, zoom: 16 }), at);
    await mapIdle(page);
    const p = await lonLatToPage(page, at);
    await page.mouse.click(p.x, p.y);
    const popup = page.getByTestId('map-popup');
    await popup.waitFor({ state: 'visible', timeout: 10_000 });
    const section = popup.locator('section').filter({ hasText: 'Fosse n° 3 de Béthune' });
    const rows = await section.locator('tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')?.textContent, tr.querySelector('td')?.textContent]));
    expect(rows).toContainEqual(['Statut', 'friche potentielle — non vérifiée (ancien site BASIAS / BASOL que le Cerema n’a pas vérifié)']);
    expect(rows).toContainEqual(['Commune', 'VERMELLES']);
    // the map's own flag is not a row
    expect(rows.some(([k]) => k === 'verifiee')).toBe(false);
    await page.evaluate(() => document.querySelector<HTMLButtonElement>('.maplibregl-popup-close-button')?.click());

    await page.getByTestId('layer-more-friches').click();
    expect(await page.getByTestId('layer-date-friches').innerText()).toBe('Date des données\u00a0: 2024-03-10');
    expect(await page.getByTestId('layer-friches').innerText()).toContain('Licence Ouverte 2.0');
    for (const id of ['veloroutes', 'osm-routes', 'sites-classes']) expect(await page.getByTestId(`layer-${id}`).count(), id).toBe(1);
    expect(await page.getByTestId('layer-group-protected').innerText()).toContain('Sites classés et inscrits');
  });

  it('draws the sites classés and the véloroutes with their names along the lines, without a style error', async () => {
    const { page } = app;
    for (const id of ['sites-classes', 'veloroutes', 'osm-routes']) await page.getByTestId(`layer-toggle-${id}`).check();
    // Loos-en-Gohelle: the 11/19 twin cones are part of the classified chaîne des terrils
    await page.evaluate(() => window.__cavalierMap!.jumpTo({ center: [2.79, 50.455], zoom: 13 }));
    await mapIdle(page);
    const sites = await page.evaluate(() =>
      window.__cavalierMap!.queryRenderedFeatures({ layers: ['sites-classes'] }).map((f) => f.properties?.chaine_des_terrils),
    );
    expect(sites).toContain(true);
    expect(await styleLayers(page)).toEqual(
      expect.arrayContaining(['veloroutes--label', 'osm-routes--label', 'sites-classes--inscrit', 'veloroutes--planned']),
    );
    expect(app.unexpectedErrors()).toEqual([]);
  });
});
