// The one place where the page talks to the worker. Calls are typed by the engine itself.
import { proxy, transfer, wrap, type Remote } from 'comlink';
import type { Engine } from './engine';
import type { ProgressFn } from './layer-engine';

export type EngineClient = Remote<Engine>;

export function startEngine(): { engine: EngineClient; worker: Worker } {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
  return { engine: wrap<Engine>(worker), worker };
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

/** The embedded network's lines (data/cavaliers.geojson), for merging imported network layers with them. */
export function sendEmbeddedNetworkLines(engine: EngineClient, bytes: ArrayBuffer, joinTolerance_m: number) {
  return engine.setEmbeddedNetworkLines(transfer(bytes, [bytes]), joinTolerance_m);
}

/** A progress callback the worker can call back (comlink proxy). */
export function progressProxy(fn: ProgressFn): ProgressFn {
  return proxy(fn);
}
