// The last edit survives the tab: closed a few milliseconds after the edit (well within the
// autosave's delay, so only the journal can have it), or its renderer killed. Before, the edit
// rode on the save begun at `pagehide`, which a closing page often does not finish.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickMapAt, fitMapTo, longPathEdges, startApp, waitForMapReady, waitForNetwork, waitForSave, type StartedApp } from './harness';

type LonLat = [number, number];

const edges = longPathEdges();
const edge = edges[0].geometry.coordinates as LonLat[];
// another path, away from the first (its clicks must land on neither the route's points nor its legs)
const other = (edges.find((f) => Math.abs(f.geometry.coordinates[0][0] - edge[0][0]) + Math.abs(f.geometry.coordinates[0][1] - edge[0][1]) > 0.05) ?? edges[1])
  .geometry.coordinates as LonLat[];
const along = (line: LonLat[], f: number) => line[Math.round(f * (line.length - 1))];
const at = (f: number) => along(edge, f);
const ROUNDS = 10;

let app: StartedApp;
const pageErrors: string[] = [];

const pointCount = (p: Page) => p.evaluate(() => (window as unknown as { __cavalierDoc: { route: { points: unknown[] } } }).__cavalierDoc.route.points.length);

/** A tab of the same browser profile, ready to edit: the editor, its session read and on disk. */
async function openTab(p?: Page): Promise<Page> {
  const page = p ?? (await app.context.newPage());
  if (!p) {
    page.on('pageerror', (e) => pageErrors.push(`${e.name}: ${e.message}`));
    await page.goto(app.url, { waitUntil: 'load' });
  }
  await waitForMapReady(page);
  await waitForNetwork(page, edge[0]);
  await page.waitForSelector('[data-testid=app][data-lease=editor]');
  await waitForSave(page);
  return page;
}

/** Adds a point at `lonlat` and returns as soon as the document holds it (nothing waits for a save). */
async function addPoint(page: Page, lonlat: LonLat, frame: LonLat[] = edge): Promise<number> {
  const before = await pointCount(page);
  await fitMapTo(page, frame, 120);
  await page.click('[data-testid=tool-draw]');
  await clickMapAt(page, lonlat);
  await page.waitForFunction(
    (n) => (window as unknown as { __cavalierDoc: { route: { points: unknown[] } } }).__cavalierDoc.route.points.length === n,
    before + 1,
    { polling: 'raf', timeout: 10_000 },
  );
  return before + 1;
}

beforeAll(async () => {
  app = await startApp({ viewport: { width: 1280, height: 1000 } });
  app.page.on('pageerror', (e) => pageErrors.push(`${e.name}: ${e.message}`));
});

afterAll(async () => {
  await app?.close();
});

describe('the last edit survives the tab', () => {
  it(`closed right after the edit, ${ROUNDS} times: every edit is there when the app is opened again`, async () => {
    let page = await openTab(app.page);
    const kept: boolean[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const expected = await addPoint(page, at(i / (ROUNDS - 1)));
      await page.close();
      page = await openTab();
      const found = await pointCount(page);
      kept.push(found === expected);
    }
    const last = await pointCount(page);
    // closed before judging: the next test opens its own tabs, which must become the editor
    await page.close();
    expect(kept).toEqual(Array(ROUNDS).fill(true));
    expect(last).toBe(ROUNDS);
  });

  it('the renderer killed right after the edit: the edit is there when the app is opened again', async () => {
    // its first tab must be the editor: the harness's own tab serves the first test only
    if (!app.page.isClosed()) await app.page.close();
    for (let i = 0; i < 3; i++) {
      const page = await openTab();
      const expected = await addPoint(page, along(other, i / 2), other);
      const crashed = page.waitForEvent('crash');
      const cdp = await app.context.newCDPSession(page);
      // never answered: the renderer is gone
      void cdp.send('Page.crash').catch(() => {});
      await crashed;
      const next = await openTab();
      expect(await pointCount(next)).toBe(expected);
      await next.close();
    }
    expect(pageErrors).toEqual([]);
  });
});
