// The first map (issue 15, point 3): from navigation to the map drawn and ready for a click, in the
// built app in Chromium, on the embedded data. Shared by the benchmark (test/bench/first-map.ts) and
// by hand: `npx tsx test/browser/first-map-measure.ts [runs] [--trace] [--sw] [--base=<dist>]`
// prints every load with the app's marks, its fetches and long tasks; --base alternates it with
// another build, --sw lets the service worker install meanwhile (as on a first visit), --trace
// adds each thread's work from a Chrome trace.
//
// « Ready » is two facts, both recorded in the page by an init script installed before its scripts,
// each the moment it happens (no polling of the page from node):
// - the map drawn: the controller sets window.__cavalierMapReady once the map fired 'load', every
//   embedded source it draws is loaded (the visible GeoJSON layers, the tiles in view) and the map
//   went idle (src/map/map-controller.ts waitForSources): a setter catches the moment;
// - a click can add a point: the engine worker has the network, i.e. it snaps a network point. A
//   setter on window.__cavalierEngine (use-engine.ts sets it when the worker starts) asks it to snap
//   every 10 ms until it answers; a snap queues behind whatever the worker is doing, so the time is
//   when the worker has the network and is free to answer a click.
// Ready is the later of the two. Then, untimed, a real click in draw mode must add a snapped point.
// Long tasks (> 50 ms, PerformanceObserver 'longtask', buffered) up to ready are reported.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, LineString } from 'geojson';
import { CHROMIUM_ARGS, clickMapAt, mapIdle, ROOT, startApp } from './harness';

type LonLat = [number, number];

export interface FirstMapReport {
  /** ms from navigation start to the map drawn (every embedded source it draws loaded, idle) */
  mapReady_ms: number;
  /** ms from navigation start to the engine answering a snap on the network */
  networkReady_ms: number;
  /** the later of the two */
  ready_ms: number;
  /** the app's own marks (performance.mark 'cavalier:*'), ms since navigation */
  marks: Record<string, number>;
  /** fetches of the page: file name → [start, end] ms since navigation */
  resources: Record<string, [number, number]>;
  /** long tasks of the page's main thread up to ready */
  longTasks: number;
  longTaskMax_ms: number;
  longTaskTotal_ms: number;
  /** start and duration of each, for the breakdown */
  longTaskList: [number, number][];
  /** a click in draw mode after ready added one point on the network */
  clickAdded: boolean;
}

declare global {
  interface Window {
    __firstMap?: { mapReady: number | null; networkReady: number | null; longTasks: [number, number][] };
  }
}

/** Runs in the page before its scripts (as source text: see measureDrag for why). */
function installFirstMapRecorders(onNetwork: LonLat): void {
  const rec: NonNullable<Window['__firstMap']> = { mapReady: null, networkReady: null, longTasks: [] };
  window.__firstMap = rec;
  if ((PerformanceObserver.supportedEntryTypes ?? []).includes('longtask'))
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) rec.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  let ready: unknown;
  Object.defineProperty(window, '__cavalierMapReady', {
    configurable: true,
    get: () => ready,
    set(v: unknown) {
      ready = v;
      if (v === true && rec.mapReady === null) rec.mapReady = performance.now();
    },
  });
  type Snapper = { snap: (lon: number, lat: number) => Promise<unknown> };
  let engine: Snapper | undefined;
  Object.defineProperty(window, '__cavalierEngine', {
    configurable: true,
    get: () => engine,
    set(e: Snapper) {
      engine = e;
      const tick = () => {
        if (engine !== e || rec.networkReady !== null) return;
        e.snap(onNetwork[0], onNetwork[1]).then(
          (s) => {
            if (s !== null && rec.networkReady === null) rec.networkReady = performance.now();
            else setTimeout(tick, 10);
          },
          () => {},
        );
      };
      tick();
    },
  });
}

/** A vertex of a long cavalier edge: a click there snaps onto the network. */
function networkPoint(): LonLat {
  const reseau = JSON.parse(readFileSync(join(ROOT, 'public/data/reseau.geojson'), 'utf8')) as FeatureCollection<
    LineString,
    { kind: string; length_m: number }
  >;
  const edge = reseau.features.find((f) => f.properties.kind === 'path' && f.properties.length_m > 2500 && f.geometry.coordinates.length >= 9)!;
  return edge.geometry.coordinates[Math.floor(edge.geometry.coordinates.length / 2)] as LonLat;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export interface FirstMapOptions {
  /** a page path relative to the app (e.g. '?tuiles=non') */
  path?: string;
  chromiumArgs?: readonly string[];
  /** let the service worker install during the load, as on a user's first visit (blocked by default, as in the tests) */
  serviceWorkers?: 'allow' | 'block';
  /** a built app to serve instead of dist/ (see StartOptions.dist) */
  dist?: string;
  /** write a Chrome trace of the load there (tracing costs time: not for the figures) */
  tracePath?: string;
}

/** Opens the built app in a fresh Chromium, waits for ready, checks that a click adds a point, closes. */
export async function measureFirstMap(options: FirstMapOptions = {}): Promise<FirstMapReport> {
  const onNetwork = networkPoint();
  const app = await startApp({
    chromiumArgs: options.chromiumArgs ?? CHROMIUM_ARGS,
    path: options.path ?? '',
    dist: options.dist,
    serviceWorkers: options.serviceWorkers,
    beforeNavigate: async (page) => {
      await page.addInitScript({ content: `var __name = (f) => f;\n(${installFirstMapRecorders.toString()})(${JSON.stringify(onNetwork)});` });
      if (options.tracePath)
        await page
          .context()
          .browser()!
          .startTracing(page, {
            path: options.tracePath,
            categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading', 'toplevel'],
          });
    },
  });
  try {
    const { page } = app;
    await page.waitForFunction(() => window.__firstMap!.mapReady !== null && window.__firstMap!.networkReady !== null, null, {
      timeout: 60_000,
      polling: 50,
    });
    if (options.tracePath) await page.context().browser()!.stopTracing();
    const got = await page.evaluate(() => {
      const r = window.__firstMap!;
      const marks = Object.fromEntries(
        performance
          .getEntriesByType('mark')
          .filter((m) => m.name.startsWith('cavalier:'))
          .map((m) => [m.name.slice('cavalier:'.length), m.startTime]),
      );
      // per file: the first request's start and the last answer's end (layers.pmtiles is read in many ranges)
      const resources: Record<string, [number, number]> = {};
      for (const e of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
        const name = e.name.startsWith('data:') ? 'data:' : e.name.split('/').pop()!.split('?')[0];
        const [a, b] = resources[name] ?? [e.startTime, e.responseEnd];
        resources[name] = [Math.min(a, e.startTime), Math.max(b, e.responseEnd)];
      }
      return { mapReady: r.mapReady!, networkReady: r.networkReady!, longTasks: r.longTasks.slice(), marks, resources };
    });
    const ready = Math.max(got.mapReady, got.networkReady);
    const tasks = got.longTasks.filter(([s]) => s <= ready);
    // untimed: the click a user would make now adds a point on the network
    await page.evaluate((c) => window.__cavalierMap!.jumpTo({ center: c, zoom: 14 }), onNetwork);
    await mapIdle(page);
    await page.click('[data-testid=tool-draw]');
    await clickMapAt(page, onNetwork);
    const clickAdded = await page
      .waitForFunction(() => (window.__cavalierController as unknown as { route: { points: unknown[] } }).route.points.length === 1, null, { timeout: 10_000 })
      .then(
        () => true,
        () => false,
      );
    const errors = app.unexpectedErrors();
    if (errors.length) throw new Error(`errors in the page: ${JSON.stringify(errors)}`);
    return {
      mapReady_ms: round1(got.mapReady),
      networkReady_ms: round1(got.networkReady),
      ready_ms: round1(ready),
      marks: Object.fromEntries(Object.entries(got.marks).map(([k, v]) => [k, round1(v)])),
      resources: Object.fromEntries(Object.entries(got.resources).map(([k, [a, b]]) => [k, [round1(a), round1(b)]])),
      longTasks: tasks.length,
      longTaskMax_ms: round1(Math.max(0, ...tasks.map(([, d]) => d))),
      longTaskTotal_ms: round1(tasks.reduce((s, [, d]) => s + d, 0)),
      longTaskList: tasks.map(([s, d]) => [round1(s), round1(d)]),
      clickAdded,
    };
  } finally {
    await app.close();
  }
}

export function formatFirstMapReport(r: FirstMapReport): string {
  return (
    `[first map] ready ${r.ready_ms} ms (map drawn ${r.mapReady_ms}, network ${r.networkReady_ms}); ` +
    `${r.longTasks} long task(s), max ${r.longTaskMax_ms} ms, total ${r.longTaskTotal_ms} ms; click added a point: ${r.clickAdded}`
  );
}

// ── by hand: the loads one by one, and a breakdown from a Chrome trace ──

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; functionName?: string } };
}

/** Busy time per thread and the biggest tasks, from a Chrome trace, between navigation and `until_ms`. */
function traceBreakdown(path: string, until_ms: number): string {
  const events = (JSON.parse(readFileSync(path, 'utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const threadName = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
  const nav =
    events.find((e) => e.name === 'navigationStart' || e.name === 'NavigationStartToBegin')?.ts ?? Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));
  const end = nav + until_ms * 1000;
  const lines: string[] = [];
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur || e.ts < nav || e.ts > end) continue;
    const name = threadName.get(`${e.pid}:${e.tid}`) ?? `${e.pid}:${e.tid}`;
    if (!/CrRendererMain|DedicatedWorker|Compositor|ThreadPoolForegroundWorker/.test(name)) continue;
    const k = `${name} ${e.pid}:${e.tid}`;
    byThread.set(k, [...(byThread.get(k) ?? []), e]);
  }
  for (const [k, evs] of byThread) {
    const tasks = evs.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
    const busy = tasks.reduce((s, e) => s + e.dur!, 0) / 1000;
    if (busy < 20) continue;
    lines.push(`${k}: busy ${busy.toFixed(0)} ms`);
    const inner = evs.filter((e) =>
      [
        'EvaluateScript',
        'v8.compile',
        'v8.compileModule',
        'FunctionCall',
        'ParseHTML',
        'Layout',
        'UpdateLayoutTree',
        'Paint',
        'v8.evaluateModule',
        'TimerFire',
        'FireAnimationFrame',
        'EventDispatch',
        'MajorGC',
        'MinorGC',
        'V8.GC_SCAVENGER',
        'BlinkGC.AtomicPhase',
      ].includes(e.name),
    );
    inner.sort((a, b) => b.dur! - a.dur!);
    for (const e of inner.slice(0, 12)) {
      const d = e.args?.data;
      lines.push(
        `  ${((e.ts - nav) / 1000).toFixed(0).padStart(5)} ms +${(e.dur! / 1000).toFixed(0).padStart(4)} ms ${e.name} ${d?.url?.split('/').pop() ?? ''} ${d?.functionName ?? ''}`,
      );
    }
  }
  return lines.join('\n');
}

if (process.argv[1]?.endsWith('first-map-measure.ts')) {
  const runs = Number(process.argv[2] ?? 3);
  const trace = process.argv.includes('--trace');
  const path = process.argv.find((a) => a.startsWith('?')) ?? '';
  // --base=<dist folder>: that build measured too, alternated with dist/
  const base = process.argv.find((a) => a.startsWith('--base='))?.slice('--base='.length);
  for (let i = 0; i < runs; i++) {
    for (const dist of base ? [base, undefined] : [undefined]) {
      const tracePath = trace ? join(ROOT, `test/.output/first-map-trace-${i}${dist ? '-base' : ''}.json`) : undefined;
      const r = await measureFirstMap({ tracePath, path, dist, serviceWorkers: process.argv.includes('--sw') ? 'allow' : 'block' });
      console.log(`${dist ? 'BASE ' : 'THIS '}${formatFirstMapReport(r)}`);
      console.log('  marks', JSON.stringify(r.marks));
      console.log(
        '  fetches',
        Object.entries(r.resources)
          .sort((a, b) => a[1][0] - b[1][0])
          .map(([k, [a, b]]) => `${k} ${a.toFixed(0)}–${b.toFixed(0)}`)
          .join(', '),
      );
      console.log('  long tasks', JSON.stringify(r.longTaskList));
      if (tracePath) console.log(traceBreakdown(tracePath, r.ready_ms));
    }
  }
}
