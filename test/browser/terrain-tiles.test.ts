// Online elevation tiles in the browser: offline (the default public service unreachable) the
// user gets a French message and keeps the relief; with a stub tile server (local, allowed
// through the harness) the worker fetches and decodes the PNG tiles (createImageBitmap +
// OffscreenCanvas) and the stats panel names the service as the elevation source.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latToTileY, lonToTileX } from '../../src/core/elevation/terrain-tiles';
import { encodePng, tileOf } from '../helpers/terrarium';
import { mapIdle, startApp, waitForMapReady, type StartedApp, clickMapAt } from './harness';

type LonLat = [number, number];
const Z = 12;
const plane = (X: number, Y: number) => 60 + 0.5 * (X - 2079 * 256) + 0.01 * (Y - 1380 * 256);

let app: StartedApp;
let stub: Server;
let stubUrl = '';
const requested: string[] = [];
const page = () => app.page;

const clickAt = (lonlat: LonLat) => clickMapAt(page(), lonlat);

beforeAll(async () => {
  stub = createServer((req, res) => {
    requested.push(req.url ?? '');
    const m = /^\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(req.url ?? '');
    if (!m) {
      res.writeHead(404).end();
      return;
    }
    const t = tileOf(Number(m[2]), Number(m[3]), plane);
    res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' });
    res.end(Buffer.from(encodePng(t.size, t.size, t.rgba)));
  });
  await new Promise<void>((r) => stub.listen(0, '127.0.0.1', r));
  stubUrl = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
  app = await startApp({ allow: [stubUrl] });
  await waitForMapReady(page());
});

afterAll(async () => {
  await app?.close();
  await new Promise((r) => stub?.close(r));
});

describe('online elevation tiles', () => {
  it('offline: a French message and the relief stays; with a tile server: its name is the elevation source', async () => {
    await page().click('[data-testid=mode-straight]');
    const a: LonLat = [2.776, 50.451];
    const b: LonLat = [2.79, 50.456];
    await page().evaluate(([p, q]) => window.__cavalierMap!.fitBounds([p[0], p[1], q[0], q[1]], { padding: 200, animate: false }), [a, b] as const);
    await mapIdle(page());
    await page().click('[data-testid=tool-draw]');
    await clickAt(a);
    await clickAt(b);
    await page().click('[data-testid=tool-draw]');
    await expect.poll(() => page().textContent('[data-testid=stat-elevation-source]'), { timeout: 20_000 }).toMatch(/Relief approché/);

    await page().click('[data-testid=dem-tiles] summary');
    expect(await page().inputValue('[data-testid=dem-tiles-url]')).toBe('https://s3.amazonaws.com/elevation-tiles-prod/terrarium/{z}/{x}/{y}.png');
    await page().click('[data-testid=dem-tiles-load]');
    await expect
      .poll(() => page().locator('[data-testid=notice][data-kind=error]').allTextContents(), { timeout: 30_000 })
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^MNT non chargé\u00a0: Le service de tuiles d’altitude est injoignable.*Le relief actuel est conservé\./),
        ]),
      );
    expect(await page().textContent('[data-testid=stat-elevation-source]')).toMatch(/Relief approché/);

    await page().fill('[data-testid=dem-tiles-url]', `${stubUrl}/{z}/{x}/{y}.png`);
    await page().click('[data-testid=dem-tiles-load]');
    const name = `Tuiles d’altitude (127.0.0.1:${stubUrl.split(':').pop()})`;
    await expect.poll(() => page().textContent('[data-testid=stat-elevation-source]'), { timeout: 30_000 }).toContain(name);
    expect(await page().textContent('[data-testid=dem-current]')).toContain(name);
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.every((u) => u.startsWith('/12/'))).toBe(true);
    // the profile's extremes are the plane's at the route's ends (straight route, linear plane)
    const at = ([lon, lat]: LonLat) => plane(lonToTileX(lon, Z) * 256, latToTileY(lat, Z) * 256);
    const points = await page().evaluate(() => (window.__cavalierController as unknown as { route: { points: LonLat[] } }).route.points);
    const ends = points.map(at);
    await expect
      .poll(async () => Number(await page().getAttribute('[data-testid=stat-ascent]', 'data-value')), { timeout: 10_000 })
      .toBeCloseTo(ends[1] - ends[0], 0);
    expect(ends[1] - ends[0]).toBeGreaterThan(10);
  });
});
