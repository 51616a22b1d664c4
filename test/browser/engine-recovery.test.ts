// Nothing lost when the worker dies: the browser may kill it (memory) at any time, in the middle
// of a computation. The test stops the real worker the way the browser would (terminate(): no
// event, no message) and checks that the app notices, says so in French, starts a new worker that
// gets the network, relief and imported layers back, and that the route and the saved session are
// untouched. Then: a worker that keeps dying is given up on, with a restart button; and a crashed
// page loses nothing that was saved.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, LineString } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/dictionary';
import { MAX_RESTARTS, SLOW_CALL_MS } from '../../src/ui/hooks/use-engine';
import type { Leg } from '../../src/core/route/leg';
import { START_TIMEOUT_MS } from '../../workers/client';
import { createEngine } from '../../workers/engine';
import {
  ROOT,
  clickMapAt,
  fitMapTo,
  legsSettled,
  waitForMapReady,
  waitForNetwork,
  type StartedApp,
  longPathEdges,
  savedSession as harnessSavedSession,
  waitForSave as harnessWaitForSave,
  startPlanner,
} from './harness';

type LonLat = [number, number];

const dataDir = join(ROOT, 'public/data');
const tmp = mkdtempSync(join(tmpdir(), 'cavalier-recovery-'));
const bytesOf = (b: Buffer): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
/** The engine the worker runs, here in node: the embedded network, then the same imported layer as the app's. */
const nodeEngine = createEngine();
const meta = JSON.parse(readFileSync(join(dataDir, 'network.json'), 'utf8')) as { names: string[]; joinTolerance_m: number };
nodeEngine.loadNetwork(bytesOf(readFileSync(join(dataDir, 'network.bin'))), meta.names);
nodeEngine.setEmbeddedNetworkLines(bytesOf(readFileSync(join(dataDir, 'network-lines.geojson'))), meta.joinTolerance_m);

// a long edge of the network: three clicks along it
const reseau = JSON.parse(readFileSync(join(dataDir, 'reseau.geojson'), 'utf8')) as FeatureCollection<LineString>;
const edge = longPathEdges()[0].geometry.coordinates as LonLat[];
const clicks: LonLat[] = [edge[0], edge[Math.floor(edge.length / 2)], edge[edge.length - 1]];
const ends = reseau.features.map((f) => f.geometry.coordinates[0] as LonLat);
// A network vertex off that edge (so off the route drawn along it: a press on the route is the
// start of an insert, not a new point), the nearest such to the last click.
const metres = (a: LonLat, b: LonLat) => Math.hypot((a[0] - b[0]) * 71_000, (a[1] - b[1]) * 111_000);
const toSegment = (p: LonLat, a: LonLat, b: LonLat) => {
  const [ax, ay, bx, by, px, py] = [a[0] * 71_000, a[1] * 111_000, b[0] * 71_000, b[1] * 111_000, p[0] * 71_000, p[1] * 111_000];
  const l2 = (bx - ax) ** 2 + (by - ay) ** 2;
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / l2));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
};
const offRoute: LonLat = (() => {
  let best: LonLat | null = null;
  let bestD = Infinity;
  for (const f of reseau.features)
    for (const c of f.geometry.coordinates as LonLat[]) {
      const d = metres(c, clicks[2]);
      if (d >= bestD || d > 3000) continue;
      if (edge.slice(1).some((e, i) => toSegment(c, edge[i], e) < 400)) continue;
      best = c;
      bestD = d;
    }
  if (!best) throw new Error('no network vertex off the edge within 3 km');
  return best;
})();

// An imported network layer far from every embedded path: a point on it snaps only while the
// worker has the layer (checked before the import too).
const OSM_POINT: LonLat = [2.7685, 50.44725];
const osmFile = join(ROOT, 'test/fixtures/import/overpass-loos.json');
{
  const opened = nodeEngine.openFile(bytesOf(readFileSync(osmFile)), 'overpass-loos.json');
  if (!opened.ok || !nodeEngine.previewLayer(opened.value.token).ok || !nodeEngine.addLayer(opened.value.token, 'network').ok)
    throw new Error('the OSM fixture must import in node');
}

/** The length of a route through given points, as the node engine (same network and layer) measures it. */
async function lengthOf(points: LonLat[]): Promise<number> {
  const legs: Leg[] = await nodeEngine.legs(points.slice(1).map((p, i) => ({ from: points[i], to: p, mode: 'network' as const })));
  return nodeEngine.analyseLegs(legs).length_m;
}

let app: StartedApp;
const page = () => app.page;
const fr = (key: Parameters<typeof translate>[1]) => translate('fr', key);

const routePoints = () => page().evaluate(() => (window.__cavalierController as unknown as { route: { points: LonLat[] } }).route.points);
const statLength = async () => Number(await page().getAttribute('[data-testid=stat-length]', 'data-value'));
const engineNotice = () => page().locator('[data-testid=notice][data-id=engine]');
const snapsOnImported = () =>
  page().evaluate(
    async (p) =>
      (await (window as unknown as { __cavalierEngine: { snap: (a: number, b: number, r: number) => Promise<unknown> } }).__cavalierEngine.snap(
        p[0],
        p[1],
        20,
      )) !== null,
    OSM_POINT,
  );

const savedSession = () => harnessSavedSession(page());
const waitForSave = () => harnessWaitForSave(page());

/** Stops the current worker as the browser would: no event reaches the page. */
async function killWorker(): Promise<void> {
  await page().evaluate(() => (window as unknown as { __cavalierEngineWorker: Worker }).__cavalierEngineWorker.terminate());
}

async function markWorker(): Promise<void> {
  await page().evaluate(() => Object.assign((window as unknown as { __cavalierEngineWorker: object }).__cavalierEngineWorker, { __marked: true }));
}
const sameWorker = () =>
  page().evaluate(() => (window as unknown as { __cavalierEngineWorker: { __marked?: boolean } }).__cavalierEngineWorker.__marked === true);

let expectedLength = 0;

beforeAll(async () => {
  app = await startPlanner(clicks[0]);
});

afterAll(async () => {
  await app?.close();
});

describe('the worker dies', () => {
  it('the work to protect: a route of three points and an imported network layer, saved', async () => {
    expect(await snapsOnImported()).toBe(false);
    await page().click('[data-testid=import-layer-open]');
    await page().setInputFiles('[data-testid=import-layer-input]', osmFile);
    await page().waitForSelector('[data-testid=import-layer-preview]', { timeout: 30_000 });
    await page().click('[data-testid=import-layer-confirm]');
    await page().waitForSelector('[data-testid=import-layer-dialog]', { state: 'detached', timeout: 30_000 });
    await expect.poll(snapsOnImported).toBe(true);

    await fitMapTo(page(), edge, 120);
    await page().click('[data-testid=tool-draw]');
    for (const c of clicks) await clickMapAt(page(), c);
    await legsSettled(page(), 2);
    expectedLength = await lengthOf(await routePoints());
    await expect.poll(statLength).toBeCloseTo(expectedLength, 3);
    await waitForSave();
  });

  it('killed in the middle of a computation: a new worker takes over, the route and the saved session are untouched', async () => {
    const route = await routePoints();
    const saved = await savedSession();
    expect(saved).toBeTruthy();
    await markWorker();
    // a computation long enough to be under way when the worker is stopped (about 2 s in node):
    // 30,000 legs between ends of network lines across the basin
    const outcome = await page().evaluate(async (ends) => {
      const w = window as unknown as { __cavalierEngine: { legs: (r: unknown[]) => Promise<unknown> }; __cavalierEngineWorker: Worker };
      const n = ends.length;
      const reqs = Array.from({ length: 30_000 }, (_, i) => ({ from: ends[(i * 7919) % n], to: ends[n - 1 - ((i * 104729) % n)], mode: 'network' }));
      const pending = w.__cavalierEngine.legs(reqs).then(
        () => 'finished',
        (e: Error) => e.name,
      );
      await new Promise((r) => setTimeout(r, 100));
      w.__cavalierEngineWorker.terminate();
      return pending;
    }, ends);
    // the call was cut short and told so (rather than waiting for ever)
    expect(outcome).toBe('EngineStoppedError');

    await expect.poll(() => engineNotice().locator('.cav-notice-text').textContent(), { timeout: 15_000 }).toBe(fr('engine.restarted'));
    expect(await engineNotice().getAttribute('data-kind')).toBe('warning');
    expect(await sameWorker()).toBe(false);

    // the new worker has the embedded network, and the imported layer again
    await waitForNetwork(page(), clicks[0]);
    await expect.poll(snapsOnImported, { timeout: 15_000 }).toBe(true);
    // the route is the same and its legs are computed again, to the same length
    expect(await routePoints()).toEqual(route);
    await legsSettled(page(), 2);
    await expect.poll(statLength, { timeout: 15_000 }).toBeCloseTo(expectedLength, 3);
    expect(await savedSession()).toEqual(saved);

    // and the work goes on: one more point, a leg computed by the new worker, saved
    await fitMapTo(page(), [...clicks, offRoute], 120);
    await clickMapAt(page(), offRoute);
    await legsSettled(page(), 3);
    await expect.poll(statLength).toBeCloseTo(await lengthOf(await routePoints()), 3);
    await waitForSave();
    const added = (await routePoints())[3];
    expect(JSON.stringify(await savedSession())).toContain(JSON.stringify(added).slice(1, -1));
    expect(app.unexpectedErrors()).toEqual([]);
  });

  it('a worker killed before it even started is noticed too (its life lock never comes)', async () => {
    await waitForNetwork(page(), clicks[0]);
    await markWorker();
    await killWorker();
    await expect.poll(sameWorker, { timeout: 15_000 }).toBe(false);
    // the new worker, at once: it has not loaded its script yet
    await markWorker();
    await killWorker();
    await expect.poll(sameWorker, { timeout: START_TIMEOUT_MS + 10_000 }).toBe(false);
    await waitForNetwork(page(), clicks[0]);
    await legsSettled(page(), 3);
  });

  it('a worker that dies at every start is given up on, with a button to try again', async () => {
    const route = await routePoints();
    const length = await lengthOf(route);
    // deaths within the minute (the previous test's one counts): each is followed by a new
    // worker until one too many
    let kills = 0;
    const gaveUp = () =>
      engineNotice()
        .getAttribute('data-kind')
        .then((k) => k === 'error');
    while (kills <= MAX_RESTARTS && !(await gaveUp())) {
      // at work: it has the network
      await waitForNetwork(page(), clicks[0]);
      await markWorker();
      await killWorker();
      kills++;
      await expect.poll(async () => !(await sameWorker()) || (await gaveUp()), { timeout: 15_000 }).toBe(true);
    }
    expect(kills).toBeGreaterThan(0);
    expect(await gaveUp()).toBe(true);
    await expect.poll(() => engineNotice().locator('.cav-notice-text').textContent(), { timeout: 15_000 }).toBe(fr('engine.gaveUp'));
    expect(await engineNotice().locator('[data-testid=notice-action]').textContent()).toBe(fr('engine.restart'));
    expect(await engineNotice().getAttribute('data-kind')).toBe('error');
    expect(await routePoints()).toEqual(route);

    await engineNotice().locator('[data-testid=notice-action]').click();
    await expect.poll(sameWorker, { timeout: 15_000 }).toBe(false);
    await waitForNetwork(page(), clicks[0]);
    await expect.poll(snapsOnImported, { timeout: 15_000 }).toBe(true);
    await legsSettled(page(), 3);
    await expect.poll(statLength, { timeout: 15_000 }).toBeCloseTo(length, 3);
    expect(app.unexpectedErrors()).toEqual([]);
  });

  it('killed while a layer file is read: the dialog says so in French, nothing changed', async () => {
    // a layer big enough to keep the worker busy for a while: 200,000 short lines
    const features = Array.from({ length: 200_000 }, (_, i) => ({
      type: 'Feature',
      properties: { name: `chemin ${i}` },
      geometry: {
        type: 'LineString',
        coordinates: [
          [2.8 + (i % 400) * 1e-4, 50.4 + Math.floor(i / 400) * 1e-4],
          [2.80005 + (i % 400) * 1e-4, 50.40005 + Math.floor(i / 400) * 1e-4],
        ],
      },
    }));
    const big = join(tmp, 'gros.geojson');
    writeFileSync(big, JSON.stringify({ type: 'FeatureCollection', features }));
    const layersBefore = await page().locator('[data-testid=user-layer]').count();
    const saved = await savedSession();
    await markWorker();
    await page().click('[data-testid=import-layer-open]');
    await page().setInputFiles('[data-testid=import-layer-input]', big);
    // the worker is reading it (the dialog shows its progress): stop it now
    await page().waitForSelector('[data-testid=import-layer-progress]', { timeout: 30_000 });
    await killWorker();
    await expect
      .poll(() => page().locator('[data-testid=import-layer-error]').textContent(), { timeout: 15_000 })
      .toBe(translate('fr', 'userLayers.engineStopped'));
    await expect.poll(sameWorker, { timeout: 15_000 }).toBe(false);
    await page().keyboard.press('Escape');
    await page().waitForSelector('[data-testid=import-layer-dialog]', { state: 'detached' });
    expect(await page().locator('[data-testid=user-layer]').count()).toBe(layersBefore);
    await expect.poll(snapsOnImported, { timeout: 15_000 }).toBe(true);
    expect(await savedSession()).toEqual(saved);
    expect(app.unexpectedErrors()).toEqual([]);
  });

  it('a computation that runs for over a minute: the app offers to restart the engine, and the restart answers', async () => {
    await waitForNetwork(page(), clicks[0]);
    await markWorker();
    // the page's clock is taken over (Playwright) so that a minute passes at once for it
    await page().clock.install();
    const pending = page().evaluate((ends) => {
      const w = window as unknown as { __cavalierEngine: { legs: (r: unknown[]) => Promise<unknown> } };
      const n = ends.length;
      const reqs = Array.from({ length: 400_000 }, (_, i) => ({ from: ends[(i * 7919) % n], to: ends[n - 1 - ((i * 104729) % n)], mode: 'network' }));
      return w.__cavalierEngine.legs(reqs).then(
        () => 'finished',
        (e: Error) => e.name,
      );
    }, ends);
    await page().clock.fastForward(SLOW_CALL_MS + 10_000);
    const slow = page().locator('[data-testid=notice][data-id=engine-slow]');
    await expect.poll(() => slow.locator('.cav-notice-text').textContent(), { timeout: 15_000 }).toBe(fr('engine.slow'));
    expect(await sameWorker()).toBe(true);
    await slow.locator('[data-testid=notice-action]').click();
    // the stuck computation is dropped and said so; a new worker routes
    expect(await pending).toBe('EngineStoppedError');
    await expect.poll(sameWorker, { timeout: 15_000 }).toBe(false);
    await waitForNetwork(page(), clicks[0]);
    await legsSettled(page(), 3);
    await expect.poll(statLength, { timeout: 15_000 }).toBeCloseTo(await lengthOf(await routePoints()), 3);
    expect(await slow.count()).toBe(0);
    expect(app.unexpectedErrors()).toEqual([]);
  });

  it('a crashed page loses nothing that was saved: the reload finds it', async () => {
    await waitForSave();
    const saved = await savedSession();
    const route = await routePoints();
    const cdp = await app.context.newCDPSession(page());
    const crashed = new Promise<void>((resolve) => page().once('crash', () => resolve()));
    void cdp.send('Page.crash').catch(() => {});
    await crashed;
    app.errors.splice(
      app.errors.findIndex((e) => e.kind === 'crash'),
      1,
    );

    app.page = await app.context.newPage();
    await page().goto(app.url, { waitUntil: 'load' });
    await waitForMapReady(page());
    await page().waitForSelector('[data-testid=events-panel][data-session^=restored]', { timeout: 15_000 });
    await expect.poll(routePoints).toEqual(route);
    expect(await savedSession()).toEqual(saved);
    await expect.poll(snapsOnImported, { timeout: 30_000 }).toBe(true);
  });
});
