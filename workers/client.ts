// The one place where the page talks to the worker. Calls are typed by the engine itself.
import { proxy, transfer, wrap, type Remote } from 'comlink';
import type { DemGrid } from '../src/core/types';
import type { Engine } from './engine';
import type { EngineEpochs, ProgressFn } from './protocol';
import { LIFE_MESSAGE } from './life';
import type { PlaceLayer } from '../src/core/search/places';
import type { PlacesRead } from './place-engine';

export type EngineClient = Remote<Engine>;

/** Raised by the calls a stopped worker will never answer (see `superviseEngine`). */
export class EngineStoppedError extends Error {
  constructor() {
    super('engine stopped');
    this.name = 'EngineStoppedError';
  }
}

export interface SupervisedEngine {
  engine: EngineClient;
  worker: Worker;
  /** stops the worker on purpose: no death is reported, pending calls reject */
  stop(): void;
  /**
   * `performance.now()` when the oldest call still unanswered was made (null: none). A worker
   * stuck in a computation is alive for the browser: only this tells, and only the user can judge.
   */
  busySince(): number | null;
}

/** a worker that has not taken its life lock by then is taken for dead (its script did not load) */
export const START_TIMEOUT_MS = 10_000;

let rejectionsHandled = false;

/**
 * Starts a worker and watches its life. A worker can die without a word: killed by the browser
 * (memory, a crashed thread) or terminated by a stray script; `terminate()` and crashes fire no
 * event, and a busy worker answers no ping either. What tells is a Web Lock: the worker holds
 * one named after itself until it dies, when the browser releases it; the page queues for the
 * same lock and is granted it exactly then, however busy the worker was. `onDeath` is called
 * once; every call still waiting on the dead worker rejects with `EngineStoppedError` (those
 * nobody awaits are silenced: the caller's data is reloaded into the next worker anyway).
 * Without Web Locks (a page served over plain http from another machine is not a secure
 * context) a death goes unnoticed: the README says so.
 */
export function superviseEngine(onDeath: () => void): SupervisedEngine {
  const name = `cavalier-engine:${Date.now().toString(36)}:${Math.random().toString(36).slice(2)}`;
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name });
  const remote = wrap<Engine>(worker);
  let stopped = false;
  let fail!: (e: Error) => void;
  const dead = new Promise<never>((_, reject) => (fail = reject));
  dead.catch(() => {});
  const end = (reported: boolean) => {
    if (stopped) return;
    stopped = true;
    fail(new EngineStoppedError());
    if (reported) onDeath();
  };
  if (!rejectionsHandled && typeof window !== 'undefined') {
    rejectionsHandled = true;
    window.addEventListener('unhandledrejection', (e) => {
      if (e.reason instanceof EngineStoppedError) e.preventDefault();
    });
  }
  // dead before it took its lock (script failed to load, killed at birth): seen by the load error,
  // or by the lock that never came
  let born = false;
  const stillborn = () => {
    if (born || stopped) return;
    worker.terminate();
    end(true);
  };
  const birth = typeof navigator !== 'undefined' && navigator.locks ? setTimeout(stillborn, START_TIMEOUT_MS) : undefined;
  worker.addEventListener('error', stillborn);
  worker.addEventListener('message', (e: MessageEvent) => {
    const data = e.data as { type?: string; name?: string } | null;
    if (data?.type !== LIFE_MESSAGE || data.name !== name) return;
    born = true;
    clearTimeout(birth);
    // stopped on purpose before it said it lived (React's StrictMode stops the first mount's
    // worker at once): no death to watch, and no request left queued on a lock
    if (stopped) return;
    void navigator.locks?.request(name, () => end(true));
  });
  /** start time of each call under way, for `busySince` */
  const pending = new Map<number, number>();
  let calls = 0;
  const engine = new Proxy({} as EngineClient, {
    get(_, prop) {
      // not a thenable: `await engine` or React state must not mistake it for a promise
      if (prop === 'then') return undefined;
      const method = (remote as unknown as Record<PropertyKey, (...a: unknown[]) => Promise<unknown>>)[prop];
      return (...args: unknown[]) => {
        if (stopped) return dead;
        const call = ++calls;
        pending.set(call, performance.now());
        return Promise.race([method(...args), dead]).finally(() => pending.delete(call));
      };
    },
  });
  return {
    engine,
    worker,
    busySince: () => (pending.size ? Math.min(...pending.values()) : null),
    stop() {
      clearTimeout(birth);
      end(false);
      worker.terminate();
    },
  };
}

/** Sends a network buffer to the worker without copying it (the page loses it). */
export function loadNetwork(engine: EngineClient, buffer: ArrayBuffer, names: string[]) {
  return engine.loadNetwork(transfer(buffer, [buffer]), names);
}

/**
 * Comlink has no cancellation: while a point is dragged or the route edited quickly, replies can
 * come back out of order. `latest()` wraps an async call so that only the newest reply is delivered;
 * older ones resolve to `undefined` and are dropped by the caller.
 */
export function latest<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R | undefined> {
  let seq = 0;
  return async (...args: A) => {
    const mine = ++seq;
    const result = await fn(...args);
    return mine === seq ? result : undefined;
  };
}

/** Sends a dropped file's bytes to the worker (transferred, not copied), which decodes and reads it. */
export async function readTrack(engine: EngineClient, file: File) {
  const bytes = await file.arrayBuffer();
  return engine.readTrack(transfer(bytes, [bytes]), file.name);
}

/** Sends a layer or DEM file's bytes to the worker (transferred), which keeps them under a token (see layer-engine.ts). */
export async function openFileInWorker(engine: EngineClient, file: File) {
  const bytes = await file.arrayBuffer();
  return engine.openFile(transfer(bytes, [bytes]), file.name);
}

/** The embedded network's lines (data/network-lines.geojson), for merging imported network layers with them. */
export function sendEmbeddedNetworkLines(engine: EngineClient, bytes: ArrayBuffer, joinTolerance_m: number) {
  return engine.setEmbeddedNetworkLines(transfer(bytes, [bytes]), joinTolerance_m);
}

/** A DEM kept in the browser's storage becomes the worker's elevation source again (values transferred). */
export function restoreDemInWorker(engine: EngineClient, grid: DemGrid) {
  return engine.restoreDem(transfer(grid, [grid.values.buffer]));
}

/** Hears the engine's epochs after every change (comlink proxy); resolves to the epochs now. */
export function watchEpochs(engine: EngineClient, fn: (e: EngineEpochs) => void): Promise<EngineEpochs> {
  return engine.watchEpochs(proxy(fn));
}

/** A progress callback the worker can call back (comlink proxy). */
export function progressProxy(fn: ProgressFn): ProgressFn {
  return proxy(fn);
}

/**
 * The places of the embedded layers (search and map names), read in a worker of their own that
 * ends once it has answered: the page never parses the layers' GeoJSON itself.
 */
export async function readPlacesInWorker(layers: PlaceLayer[]): Promise<PlacesRead> {
  const worker = new Worker(new URL('./places.worker.ts', import.meta.url), { type: 'module', name: 'cavalier-places' });
  try {
    const remote = wrap<{ readPlaces: (l: PlaceLayer[]) => Promise<PlacesRead> }>(worker);
    // a worker whose script does not load answers nothing: its error event ends the wait
    const broken = new Promise<never>((_, reject) =>
      worker.addEventListener('error', (e) => reject(new Error(e.message || 'places worker failed')), { once: true }),
    );
    return await Promise.race([remote.readPlaces(layers), broken]);
  } finally {
    worker.terminate();
  }
}
