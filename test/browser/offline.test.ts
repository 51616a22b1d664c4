// Installable and offline after the first visit (issue 14, point 7): the production build has a web
// app manifest with its icons and a service worker (src/app/sw.ts) that precaches the app and the
// embedded data. One visit online, then the browser goes offline (context.setOffline: no request
// leaves it, not even to the local server), the page reloads, the map draws its layers — the vector
// tiles read with Range requests from the cache — and a route is drawn along the network.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../workers/engine';
import { clickMapAt, fitMapTo, legsSettled, longPathEdges, ROOT, type StartedApp, startApp, waitForMapReady, waitForNetwork } from './harness';

type LonLat = [number, number];
const DATA = join(ROOT, 'public/data');
const edge = longPathEdges()[0].geometry.coordinates as LonLat[];
const ends: LonLat[] = [edge[0], edge[edge.length - 1]];

let app: StartedApp;
/** paths of the app's own files the page (and its workers) asked for on the first visit */
const fetched = new Set<string>();

beforeAll(async () => {
  app = await startApp({
    serviceWorkers: 'allow',
    viewport: { width: 1280, height: 1000 },
    beforeNavigate: async (page, url) => {
      page.context().on('request', (r) => {
        if (r.url().startsWith(url)) fetched.add(new URL(r.url()).pathname.replace(/^\//, '') || 'index.html');
      });
    },
  });
  await waitForMapReady(app.page);
  await waitForNetwork(app.page, ends[0]);
});

afterAll(async () => {
  await app?.close();
});

/** PNG width and height from its IHDR chunk */
function pngSize(bytes: Buffer): [number, number] {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('the app, installable and offline after one visit', () => {
  it('has a web app manifest whose icons are there at their sizes, a maskable one among them', async () => {
    const href = await app.page.getAttribute('link[rel=manifest]', 'href');
    expect(href).toBe('manifest.webmanifest');
    const manifest = (await app.page.evaluate(async (h) => (await fetch(h)).json(), href!)) as {
      name: string;
      start_url: string;
      display: string;
      icons: { src: string; sizes: string; purpose: string }[];
    };
    expect(manifest).toMatchObject({ short_name: 'Cavalier', start_url: './', display: 'standalone' });
    const sizes = manifest.icons.map((i) => `${i.sizes} ${i.purpose}`).sort();
    expect(sizes).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of manifest.icons) {
      const [w, h] = pngSize(readFileSync(join(ROOT, 'public', icon.src)));
      expect(`${w}x${h}`).toBe(icon.sizes);
    }
  });

  it('installs a service worker that has the app and every embedded data file in its cache', async () => {
    const cached = await app.page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      const sw = reg.active!;
      if (sw.state !== 'activated') await new Promise<void>((resolve) => sw.addEventListener('statechange', () => sw.state === 'activated' && resolve()));
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
      return { scope: reg.scope, urls };
    });
    expect(cached.scope).toBe(app.url);
    const files = new Set(cached.urls.map((u) => u.replace(/^\//, '')));
    for (const f of ['index.html', 'manifest.webmanifest', 'icons/icon-192.png']) expect(files.has(f), f).toBe(true);
    // all of public/data: the network, the relief, the layers and their tiles
    const data = readdirSync(DATA).sort();
    expect(data.filter((f) => !files.has(`data/${f}`))).toEqual([]);
    // every file of the app the page and its workers asked for on this visit is among them (the
    // service worker itself aside: the browser keeps it), maplibre's worker module (.mjs) included
    expect([...fetched].filter((f) => f !== 'sw.js' && !files.has(f))).toEqual([]);
    for (const f of ['data/network.bin', 'data/layers.pmtiles']) expect(fetched.has(f), f).toBe(true);
    expect([...fetched].some((f) => /^assets\/maplibre-gl-worker-.*\.mjs$/.test(f))).toBe(true);
    // and no source map (they are for developers, several megabytes)
    expect(cached.urls.filter((u) => u.endsWith('.map'))).toEqual([]);
  });

  it('offline, reloads, reads the vector tiles by range from the cache, and draws a route along the network', async () => {
    const { page } = app;
    await app.context.setOffline(true);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    const before = app.errors.length;
    await page.reload({ waitUntil: 'load' });
    await waitForMapReady(page);
    await waitForNetwork(page, ends[0]);
    // the tiled layers loaded: their ranges came from the cache (answered 206 with the very bytes)
    const tiled = await page.evaluate(() => window.__cavalierController!.tiledLayers());
    expect(tiled.length).toBeGreaterThan(0);
    const sources = await page.evaluate(() => window.__cavalierSources ?? {});
    for (const id of tiled) expect(sources[id], id).toBe(true);
    const range = await page.evaluate(async () => {
      const r = await fetch('data/layers.pmtiles', { headers: { Range: 'bytes=100-227' } });
      return { status: r.status, contentRange: r.headers.get('content-range'), bytes: [...new Uint8Array(await r.arrayBuffer())] };
    });
    const file = readFileSync(join(DATA, 'layers.pmtiles'));
    expect(range.status).toBe(206);
    expect(range.contentRange).toBe(`bytes 100-227/${file.length}`);
    expect(range.bytes).toEqual([...file.subarray(100, 228)]);

    // draw: two clicks at the ends of a network edge give one leg along it, as the core computes it
    await fitMapTo(page, edge, 120);
    await page.click('[data-testid=tool-draw]');
    for (const p of ends) await clickMapAt(page, p);
    await legsSettled(page, 1);
    const points = await page.evaluate(() => (window.__cavalierController as unknown as { route: { points: LonLat[] } }).route.points);
    const engine = createEngine();
    const buf = readFileSync(join(DATA, 'network.bin'));
    engine.loadNetwork(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer, []);
    const legs = await engine.legs([{ from: points[0], to: points[1], mode: 'network' }]);
    expect(legs[0].fallback).toBeUndefined();
    const shown = Number(await page.getAttribute('[data-testid=stat-length]', 'data-value'));
    expect(shown).toBeCloseTo(engine.analyseLegs(legs).length_m, 3);
    expect(shown).toBeGreaterThan(2000);
    // nothing failed while offline: every file the page needed came from the cache
    expect(app.unexpectedErrors().slice(before)).toEqual([]);
  });
});
