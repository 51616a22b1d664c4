// Starts the worker once and loads the embedded network and relief into it.
// Files are fetched here and their buffers transferred, never copied.
import { useEffect, useState } from 'react';
import { transfer } from 'comlink';
import type { LayerManifest } from '../../core/layers';
import type { DemGrid } from '../../core/types';
import { loadNetwork, startEngine, type EngineClient } from '../../../workers/client';

export interface EngineState {
  engine: EngineClient | null;
  /** bumps each time a network is loaded (cached legs are then stale) */
  networkVersion: number;
  demVersion: number;
  networkError: string | null;
}

async function fetchBuffer(path: string): Promise<ArrayBuffer> {
  const res = await fetch(new URL(path, document.baseURI));
  if (!res.ok) throw new Error(`${path} : HTTP ${res.status}`);
  return res.arrayBuffer();
}

async function fetchJson<T>(path: string): Promise<T> {
  const res = await fetch(new URL(path, document.baseURI));
  if (!res.ok) throw new Error(`${path} : HTTP ${res.status}`);
  return (await res.json()) as T;
}

export function useEngine(manifest: LayerManifest | null): EngineState {
  const [engine, setEngine] = useState<EngineClient | null>(null);
  const [networkVersion, setNetworkVersion] = useState(0);
  const [demVersion, setDemVersion] = useState(0);
  const [networkError, setNetworkError] = useState<string | null>(null);

  useEffect(() => {
    const { engine, worker } = startEngine();
    setEngine(() => engine);
    // test hook, like the map's (see vite.config.ts): browser tests compare the UI with the engine's figures
    (window as { __cavalierEngine?: EngineClient }).__cavalierEngine = engine;
    return () => worker.terminate();
  }, []);

  useEffect(() => {
    if (!engine) return;
    let alive = true;
    Promise.all([fetchBuffer('data/network.bin'), fetchJson<{ names: string[] }>('data/network.json')])
      .then(([buf, meta]) => loadNetwork(engine, buf, meta.names))
      .then(() => alive && setNetworkVersion((v) => v + 1))
      .catch((e: unknown) => alive && setNetworkError(e instanceof Error ? e.message : String(e)));
    return () => {
      alive = false;
    };
  }, [engine]);

  const relief = manifest?.relief;
  useEffect(() => {
    if (!engine || !relief) return;
    let alive = true;
    Promise.all([fetchJson<Omit<DemGrid, 'values'>>(relief.url), fetchBuffer(relief.valuesUrl)])
      .then(([header, buf]) => {
        const values = new Float32Array(buf);
        const grid: DemGrid = { ...header, name: `${header.name}, ± ${relief.expectedError_m} m`, approximate: true, values };
        return engine.loadDem(transfer(grid, [buf]));
      })
      .then(() => alive && setDemVersion((v) => v + 1))
      .catch(() => {
        // without the relief, routes simply have no elevation; the stats panel says so
      });
    return () => {
      alive = false;
    };
  }, [engine, relief]);

  return { engine, networkVersion, demVersion, networkError };
}
