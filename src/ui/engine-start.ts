// The engine started before React mounts (src/app/main.tsx calls startEngineEarly first thing):
// the worker's script, the network's download and its load into the worker then overlap the
// loading of the page's own code and its first render, instead of waiting for the first render's
// effects. useEngine (hooks/use-engine.ts) takes this engine on its first mount. No React here: the
// entry module imports this before the app's chunk (React, maplibre) is even parsed.
import type { GeoError } from '../core/errors';
import { dataFile } from '../adapters/data-files';
import { loadNetwork, superviseEngine, type EngineClient } from '../../workers/client';

/** A data file's Result as a promise that fails with its error (several files are awaited together). */
export async function must<T>(r: Promise<{ ok: true; value: T } | { ok: false; error: GeoError }>): Promise<T> {
  const got = await r;
  if (!got.ok) throw got.error;
  return got.value;
}

/** The embedded network's files, read and loaded into `engine`; rejects with a GeoError. */
export function loadEmbeddedNetwork(engine: EngineClient): Promise<void> {
  return Promise.all([must(dataFile('data/network.bin', 'bytes')), must(dataFile('data/network.json', 'json'))]).then(async ([buf, meta]) => {
    performance.mark('cavalier:network-fetched');
    // a network.bin of another version or cut short is a code, said in French (network.outdated / network.corrupt)
    const r = await loadNetwork(engine, buf, (meta as { names: string[] }).names);
    if (!r.ok) throw r.error;
    performance.mark('cavalier:network-loaded');
  });
}

interface EarlyEngine {
  supervised: ReturnType<typeof superviseEngine>;
  network: Promise<void>;
  /** the hook's death handler, once it has taken the engine */
  onDeath: (() => void) | null;
  died: boolean;
}

let early: EarlyEngine | null = null;
/** the network load under way for an engine started early */
const networkOf = new WeakMap<EngineClient, Promise<void>>();

/**
 * Starts the worker and reads the network into it before React mounts (src/app/main.tsx): the
 * worker's script, the network's download and its load then overlap the page's own start instead
 * of waiting for the first render's effects. The first `useEngine` takes this engine; a death
 * before that is handed over as soon as it does.
 */
export function startEngineEarly(): void {
  if (early || typeof Worker === 'undefined') return;
  const e: EarlyEngine = {
    supervised: superviseEngine(() => {
      e.died = true;
      e.onDeath?.();
    }),
    network: Promise.resolve(),
    onDeath: null,
    died: false,
  };
  performance.mark('cavalier:engine-started');
  e.network = loadEmbeddedNetwork(e.supervised.engine);
  e.network.catch(() => {});
  networkOf.set(e.supervised.engine, e.network);
  early = e;
}

/** The network load under way for an engine started early (undefined: none). */
export const networkLoadOf = (engine: EngineClient): Promise<void> | undefined => networkOf.get(engine);

/** The early engine, once: a second mount (React's StrictMode in dev) starts its own. */
export function takeEarlyEngine(onDeath: () => void): EarlyEngine | null {
  const e = early;
  early = null;
  if (!e || e.died) {
    e?.supervised.stop();
    return null;
  }
  e.onDeath = onDeath;
  return e;
}
