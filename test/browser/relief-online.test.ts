// The IGN relief online is on by default, as Plan IGN is the basemap: a fresh profile that draws a
// route gets its profile from the Géoplateforme altimetry without looking for a setting, and a
// user who unticks it keeps it off after a reload. The service is stubbed in its own format
// (« Altimétrie REST API » 0.32.1, zonly=true → {"elevations":[z…]}: see src/core/elevation/altimetry.ts),
// at its real address, through the browser context's routing (the worker's requests included).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALTIMETRY_URL } from '../../src/core/elevation/altimetry';
import { clickMapAt, mapIdle, startApp, waitForMapReady, type StartedApp } from './harness';

type LonLat = [number, number];
/** z = 40 + 2000·(lon − 2.77): a plane rising eastward, 28 m between the route's ends */
const zAt = (lon: number) => Math.round((40 + 2000 * (lon - 2.77)) * 100) / 100;

let app: StartedApp;
let asked = 0;
const page = () => app.page;

beforeAll(async () => {
  app = await startApp({
    beforeNavigate: (p) =>
      // registered after the harness's offline rule: routes run newest first
      p.context().route(`${ALTIMETRY_URL}*`, async (route) => {
        asked++;
        const req = route.request();
        const params =
          req.method() === 'POST' ? (JSON.parse(req.postData() ?? '{}') as Record<string, string>) : Object.fromEntries(new URL(req.url()).searchParams);
        const lons = params.lon.split(params.delimiter).map(Number);
        await route.fulfill({
          status: 200,
          headers: { 'content-type': 'application/json', 'access-control-allow-origin': '*' },
          body: JSON.stringify({ elevations: lons.map(zAt) }),
        });
      }),
  });
  await waitForMapReady(page());
});

afterAll(async () => {
  await app?.close();
});

describe('IGN relief online', () => {
  it('is the profile source of a fresh profile, and stays off once unticked', async () => {
    await page().click('[data-testid=mode-straight]');
    const a: LonLat = [2.776, 50.451];
    const b: LonLat = [2.79, 50.451];
    await page().evaluate(([p, q]) => window.__cavalierMap!.fitBounds([p[0], p[1] - 0.005, q[0], q[1] + 0.005], { padding: 200, animate: false }), [
      a,
      b,
    ] as const);
    await mapIdle(page());
    await page().click('[data-testid=tool-draw]');
    await clickMapAt(page(), a);
    await clickMapAt(page(), b);
    await page().click('[data-testid=tool-draw]');
    await expect.poll(() => page().textContent('[data-testid=stat-elevation-source]'), { timeout: 30_000 }).toMatch(/RGE ALTI/);
    expect(asked).toBeGreaterThan(0);
    expect(await page().isChecked('[data-testid=dem-online]')).toBe(true);
    // the plane's rise between the ends the map snapped the clicks to (a straight line, eastward)
    const points = await page().evaluate(() => (window.__cavalierController as unknown as { route: { points: LonLat[] } }).route.points);
    const rise = zAt(points[points.length - 1][0]) - zAt(points[0][0]);
    expect(rise).toBeGreaterThan(20);
    await expect.poll(async () => Number(await page().getAttribute('[data-testid=stat-ascent]', 'data-value')), { timeout: 10_000 }).toBeCloseTo(rise, 0);

    await page().uncheck('[data-testid=dem-online]');
    await expect.poll(() => page().textContent('[data-testid=stat-elevation-source]'), { timeout: 20_000 }).toMatch(/Relief approché/);
    await page().reload({ waitUntil: 'load' });
    await waitForMapReady(page());
    expect(await page().isChecked('[data-testid=dem-online]')).toBe(false);
  });
});
