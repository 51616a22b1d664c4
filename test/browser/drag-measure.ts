// Main-thread cost of dragging a route point, measured in the built app in Chromium. Shared by the
// browser test (test/browser/drag.test.ts, which reports and asserts only non-timing facts) and the
// benchmark (test/bench/drag.ts, which prints it beside the `?tuiles=non` baseline).
//
// Two recorders are installed before the page's own scripts (page.addInitScript):
// - a PerformanceObserver of 'longtask' entries (buffered): every main-thread task over 50 ms;
// - a requestAnimationFrame recorder: for each frame, the time from the frame's start (the rAF
//   timestamp) until a message posted from that rAF callback is delivered, i.e. until the main thread
//   has finished the frame's callbacks (maplibre's render among them), style, layout and paint, and
//   the tasks queued before the message. An upper bound of the main-thread work of that frame.
// The drag: the middle point of a 3-point route on the network, 60 mouse moves, one per frame,
// along a bow to a vertex of the same edge a quarter along it, then release; the window measured
// runs from the press until the two legs are recomputed and drawn.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, LineString } from 'geojson';
import type { Page } from 'playwright-core';
import { CHROMIUM_ARGS, clickMapAt, fitMapTo, legsSettled, lonLatToPage, mapIdle, ROOT, startApp, waitForMapReady, waitForNetwork } from './harness';

type LonLat = [number, number];

/**
 * How Chromium puts the map on screen. 'software': the harness's pinned flags (--disable-gpu):
 * software compositing, where every frame's WebGL canvas is read back on the main thread
 * (GLES2::ReadPixels waiting for SwiftShader in the GPU process: the long tasks seen there, which
 * grow with the canvas size). 'gpu': GPU compositing with SwiftShader standing in for a GPU, no
 * read-back: closer to a machine with a graphics card (SwiftShader still draws on these 2 cores).
 */
export type Compositing = 'software' | 'gpu';
export const COMPOSITING_ARGS: Record<Compositing, readonly string[]> = {
  software: CHROMIUM_ARGS,
  gpu: [...CHROMIUM_ARGS.filter((a) => a !== '--disable-gpu'), '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
};

export interface DragReport {
  /** 'tuiles': big layers from layers.pmtiles; 'geojson': the `?tuiles=non` baseline */
  mode: 'tuiles' | 'geojson';
  compositing: Compositing;
  /** manifest ids drawn from vector tiles during the drag */
  tiledLayers: string[];
  /** embedded layers made visible for the drag (every one of them) */
  visibleLayers: string[];
  longTaskSupported: boolean;
  moves: number;
  /** ms from the press to the legs recomputed and drawn */
  window_ms: number;
  longTasks: number;
  longTasksOver50: number;
  longTaskMax_ms: number;
  /** long tasks by entry name / attribution container ('self/window': this page's own event loop) */
  longTaskKinds: Record<string, number>;
  frames: number;
  /** main-thread work per frame (see above) */
  frameWorkP50_ms: number;
  frameWorkP95_ms: number;
  frameWorkMax_ms: number;
  framesOver16: number;
  /** JS time of maplibre's render per frame (Map#_render), the map's share of the frame work */
  mapRenderP95_ms: number;
  mapRenderMax_ms: number;
  /**
   * Long animation frames (Chromium's LoAF, frames over 50 ms) during the drag: their number, the
   * largest time spent in scripts in one of them, and the largest time from render start to the
   * frame's end (style, layout, paint and, here, WebGL drawn by SwiftShader on the CPU)
   */
  longFrames: number;
  longFrameScriptMax_ms: number;
  longFrameRenderMax_ms: number;
  /** intervals between consecutive frames */
  frameIntervalP95_ms: number;
  frameIntervalMax_ms: number;
  /** the point is no longer where it was, and both legs were recomputed to end at it */
  pointMoved: boolean;
  legsRecomputed: boolean;
  /** ms from navigation to the map ready (every embedded source loaded) and long tasks during that */
  load_ms: number;
  loadLongTasks: number;
  loadLongTaskMax_ms: number;
}

declare global {
  interface Window {
    __perf?: {
      supported: boolean;
      longTasks: { start: number; duration: number; kind: string }[];
      frames: { ts: number; work: number }[];
      /** long animation frames (> 50 ms): start, duration, time in scripts, time from render start to the end */
      loafs: { start: number; duration: number; script: number; render: number }[];
      /** durations of maplibre's Map#_render calls (JS only) while recording */
      renders: number[];
      wrapMap(): void;
      recording: boolean;
      start(): void;
      stop(): void;
    };
  }
}

/** Installs the recorders; runs in the page before any of its scripts. */
function installRecorders(): void {
  const perf: NonNullable<Window['__perf']> = {
    supported: typeof PerformanceObserver !== 'undefined' && (PerformanceObserver.supportedEntryTypes ?? []).includes('longtask'),
    longTasks: [],
    frames: [],
    loafs: [],
    renders: [],
    recording: false,
    wrapMap() {
      const map = (window as unknown as { __cavalierMap: { _render: (t?: number) => unknown } }).__cavalierMap;
      const render = map._render.bind(map);
      map._render = (t?: number) => {
        const s = performance.now();
        try {
          return render(t);
        } finally {
          if (perf.recording) perf.renders.push(performance.now() - s);
        }
      };
    },
    start() {
      perf.frames = [];
      perf.renders = [];
      perf.recording = true;
      const channel = new MessageChannel();
      // the message carries its frame's timestamp: a late one is still counted for its own frame
      channel.port1.onmessage = (e: MessageEvent<number>) => {
        perf.frames.push({ ts: e.data, work: performance.now() - e.data });
      };
      const tick = (ts: number) => {
        if (!perf.recording) return;
        channel.port2.postMessage(ts);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    },
    stop() {
      perf.recording = false;
    },
  };
  window.__perf = perf;
  if (perf.supported) {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const attribution = (e as unknown as { attribution?: { containerType: string }[] }).attribution ?? [];
        perf.longTasks.push({ start: e.startTime, duration: e.duration, kind: [e.name, ...attribution.map((a) => a.containerType)].join('/') });
      }
    }).observe({ type: 'longtask', buffered: true });
  }
  if (typeof PerformanceObserver !== 'undefined' && (PerformanceObserver.supportedEntryTypes ?? []).includes('long-animation-frame')) {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { renderStart: number; scripts: { duration: number }[] })[]) {
        const script = e.scripts.reduce((sum, x) => sum + x.duration, 0);
        perf.loafs.push({ start: e.startTime, duration: e.duration, script, render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0 });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  }
}

const quantile = (xs: number[], q: number) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const round1 = (x: number) => Math.round(x * 10) / 10;

const dataDir = join(ROOT, 'public/data');

/** The network edge route.test.ts draws along: long, with many vertices. */
function testEdge(): LonLat[] {
  const reseau = JSON.parse(readFileSync(join(dataDir, 'reseau.geojson'), 'utf8')) as FeatureCollection<LineString, { kind: string; length_m: number }>;
  const edge = reseau.features
    .filter((f) => f.properties.kind === 'path' && f.properties.length_m > 2500 && f.properties.length_m < 4000 && f.geometry.coordinates.length >= 9)
    .sort((a, b) => b.geometry.coordinates.length - a.geometry.coordinates.length)[0];
  return edge.geometry.coordinates as LonLat[];
}

const routeOf = (page: Page) =>
  page.evaluate(() => (window.__cavalierController as unknown as { route: { points: LonLat[]; legs: { coordinates: LonLat[] }[] } }).route);

/** Draws the route, drags its middle point and measures; the page must have the recorders installed. */
export async function measureDragOn(page: Page, mode: DragReport['mode'], compositing: Compositing, moves = 60): Promise<DragReport> {
  await waitForMapReady(page);
  // time since navigation when the ready map was seen (polled every 100 ms, then idle)
  const ready = await page.evaluate(() => ({ now: performance.now(), tasks: window.__perf!.longTasks.slice() }));
  const load_ms = ready.now;

  const ec = testEdge();
  const clicks: LonLat[] = [ec[0], ec[Math.floor(ec.length / 2)], ec[ec.length - 1]];
  await waitForNetwork(page, clicks[0]);
  // every embedded layer visible: the drag happens over all the big layers
  const visibleLayers = await page.evaluate(() => {
    const c = window.__cavalierController!;
    const ids = Object.keys(window.__cavalierSources ?? {});
    for (const id of ids) c.setLayerVisible(id, true);
    return ids;
  });
  await fitMapTo(page, ec, 120);
  await page.click('[data-testid=tool-draw]');
  for (const c of clicks) await clickMapAt(page, c);
  await legsSettled(page, 2);
  const before = await routeOf(page);
  const target = ec[Math.floor(ec.length / 4)];
  const from = await lonLatToPage(page, before.points[1]);
  const to = await lonLatToPage(page, target);
  await mapIdle(page);

  const t0 = await page.evaluate(() => {
    window.__perf!.wrapMap();
    window.__perf!.start();
    return performance.now();
  });
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  // a bow from the point to the target, 90 px off the straight line at its middle
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const len = Math.hypot(dx, dy) || 1;
  const [nx, ny] = [-dy / len, dx / len];
  for (let i = 1; i <= moves; i++) {
    const t = i / moves;
    const bow = 90 * Math.sin(Math.PI * t);
    await page.mouse.move(from.x + dx * t + nx * bow, from.y + dy * t + ny * bow);
    // one move per frame, as a mouse sends them
    await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => r())));
  }
  await page.mouse.up();
  await page.waitForFunction((p) => {
    const pts = (window.__cavalierController as unknown as { route: { points: LonLat[] } }).route.points;
    return pts[1][0] !== p[0] || pts[1][1] !== p[1];
  }, before.points[1]);
  await legsSettled(page, 2);
  const after = await routeOf(page);
  const m = await page.evaluate(() => {
    window.__perf!.stop();
    const p = window.__perf!;
    return { t1: performance.now(), perf: { supported: p.supported, longTasks: p.longTasks, frames: p.frames, loafs: p.loafs, renders: p.renders } };
  });

  const inWindow = m.perf.longTasks.filter((t) => t.start + t.duration >= t0 && t.start <= m.t1);
  const loadTasks = ready.tasks.filter((t) => t.start <= load_ms);
  const works = m.perf.frames.map((f) => f.work);
  const loafs = m.perf.loafs.filter((l) => l.start + l.duration >= t0 && l.start <= m.t1);
  const intervals = m.perf.frames.slice(1).map((f, i) => f.ts - m.perf.frames[i].ts);
  const p1 = after.points[1];
  const close = (a: LonLat, b: LonLat) => Math.abs(a[0] - b[0]) < 1e-9 && Math.abs(a[1] - b[1]) < 1e-9;
  const tiledLayers = await page.evaluate(() => window.__cavalierController!.tiledLayers());
  return {
    mode,
    compositing,
    tiledLayers,
    visibleLayers,
    longTaskSupported: m.perf.supported,
    moves,
    window_ms: round1(m.t1 - t0),
    longTasks: inWindow.length,
    longTasksOver50: inWindow.filter((t) => t.duration > 50).length,
    longTaskMax_ms: round1(Math.max(0, ...inWindow.map((t) => t.duration))),
    longTaskKinds: inWindow.reduce<Record<string, number>>((acc, t) => ((acc[t.kind] = (acc[t.kind] ?? 0) + 1), acc), {}),
    frames: works.length,
    frameWorkP50_ms: round1(quantile(works, 0.5)),
    frameWorkP95_ms: round1(quantile(works, 0.95)),
    frameWorkMax_ms: round1(Math.max(0, ...works)),
    framesOver16: works.filter((w) => w > 16).length,
    mapRenderP95_ms: round1(quantile(m.perf.renders, 0.95)),
    mapRenderMax_ms: round1(Math.max(0, ...m.perf.renders)),
    longFrames: loafs.length,
    longFrameScriptMax_ms: round1(Math.max(0, ...loafs.map((l) => l.script))),
    longFrameRenderMax_ms: round1(Math.max(0, ...loafs.map((l) => l.render))),
    frameIntervalP95_ms: round1(quantile(intervals, 0.95)),
    frameIntervalMax_ms: round1(Math.max(0, ...intervals)),
    pointMoved: !close(p1, before.points[1]),
    legsRecomputed:
      after.legs.length === 2 &&
      close(after.legs[0].coordinates[after.legs[0].coordinates.length - 1], p1) &&
      close(after.legs[1].coordinates[0], p1) &&
      JSON.stringify(after.legs[0].coordinates) !== JSON.stringify(before.legs[0].coordinates),
    load_ms: round1(load_ms),
    loadLongTasks: loadTasks.length,
    loadLongTaskMax_ms: round1(Math.max(0, ...loadTasks.map((t) => t.duration))),
  };
}

/** Starts the built app (with `?tuiles=non` for the baseline), measures one drag, closes it. */
export async function measureDrag(mode: DragReport['mode'], compositing: Compositing = 'software', moves = 60): Promise<DragReport> {
  const app = await startApp({
    chromiumArgs: COMPOSITING_ARGS[compositing],
    path: mode === 'geojson' ? '?tuiles=non' : '',
    // as source text: under tsx (the benchmark) esbuild wraps named functions in a __name() helper
    // that does not exist in the page; the same helper is defined there for the evaluate() calls
    beforeNavigate: (page) => page.addInitScript({ content: `var __name = (f) => f;\n(${installRecorders.toString()})();` }),
  });
  try {
    const report = await measureDragOn(app.page, mode, compositing, moves);
    const errors = app.unexpectedErrors();
    if (errors.length) throw new Error(`errors in the page: ${JSON.stringify(errors)}`);
    return report;
  } finally {
    await app.close();
  }
}

export function formatDragReport(r: DragReport): string {
  return (
    `[drag ${r.mode}, ${r.compositing} compositing] ${r.moves} moves over ${r.window_ms} ms: long tasks ${r.longTasks} (over 50 ms: ${r.longTasksOver50}, max ${r.longTaskMax_ms} ms; ${JSON.stringify(r.longTaskKinds)}); ` +
    `main-thread work per frame p50 ${r.frameWorkP50_ms} / p95 ${r.frameWorkP95_ms} / max ${r.frameWorkMax_ms} ms over ${r.frames} frames, ${r.framesOver16} over 16 ms; ` +
    `maplibre render JS p95 ${r.mapRenderP95_ms} / max ${r.mapRenderMax_ms} ms; ${r.longFrames} long animation frames, scripts ≤ ${r.longFrameScriptMax_ms} ms, rendering ≤ ${r.longFrameRenderMax_ms} ms; ` +
    `frame interval p95 ${r.frameIntervalP95_ms} / max ${r.frameIntervalMax_ms} ms; load ${r.load_ms} ms with ${r.loadLongTasks} long task(s), max ${r.loadLongTaskMax_ms} ms`
  );
}
