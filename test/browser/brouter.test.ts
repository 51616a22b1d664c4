// Switching leg routing to a BRouter server (a local stub answering in BRouter's format).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { karneyLength } from '../helpers/karney';
import { startBrouterStub, type BrouterStub } from '../helpers/brouter-stub';
import { lonLatToPage, mapIdle, startApp, waitForMapReady, type StartedApp } from './harness';

type LonLat = [number, number];
const DETOUR: LonLat = [2.95, 50.45];
let stub: BrouterStub;
let app: StartedApp;

beforeAll(async () => {
  stub = await startBrouterStub(DETOUR);
  app = await startApp({ allow: [stub.url.replace(/\/brouter$/, '')] });
  await waitForMapReady(app.page);
});
afterAll(async () => {
  await app?.close();
  await stub?.close();
});

it('routes legs through the BRouter server chosen in the settings', async () => {
  const { page } = app;
  await page.fill('[data-testid=routing-url]', stub.url);
  await page.fill('[data-testid=routing-profile]', 'trekking');
  await page.check('[data-testid=routing-brouter]');
  await page.evaluate(() => window.__cavalierMap!.jumpTo({ center: [2.93, 50.44], zoom: 12 }));
  await mapIdle(page);
  await page.click('[data-testid=tool-draw]');
  // two clicks in open country: with a server, points are not snapped to the embedded network
  for (const p of [
    [2.92, 50.435],
    [2.94, 50.44],
  ] as LonLat[]) {
    const q = await lonLatToPage(page, p);
    await page.mouse.click(q.x, q.y);
  }
  await page.waitForFunction(() => {
    const legs = document.querySelectorAll('[data-testid=leg]');
    return legs.length === 1 && !legs[0].textContent?.includes('…');
  });
  const points = await page.evaluate(() => (window.__cavalierController as unknown as { route: { points: LonLat[] } }).route.points);
  expect(stub.requests.at(-1)).toMatchObject({ profile: 'trekking', format: 'geojson' });
  const expected = karneyLength([points[0], DETOUR, points[1]]);
  await expect.poll(async () => Number(await page.getAttribute('[data-testid=stat-length]', 'data-value'))).toBeCloseTo(expected, 0);
  // the way breakdown comes from BRouter's messages (70 % track, 30 % residential road)
  expect(await page.textContent('[data-testid=stat-ways]')).toMatch(/Chemins.*70\s*%/);

  // a server that refuses gives a flagged straight leg and the server's words
  await page.fill('[data-testid=routing-profile]', 'island');
  await page.click('[data-testid=routing-apply]');
  await page.waitForFunction(() => document.querySelector('[data-testid=leg]')?.getAttribute('data-fallback') === 'no-path');
  await expect
    .poll(() => page.locator('[data-testid=notice]').allTextContents())
    .toEqual(expect.arrayContaining([expect.stringContaining('target island detected')]));
  expect(app.unexpectedErrors()).toEqual([]);
});
