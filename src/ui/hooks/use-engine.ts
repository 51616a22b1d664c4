// Starts the worker and loads the embedded network and relief into it; starts a new one when it
// dies (see superviseEngine). Everything the worker holds is loaded by effects keyed on `engine`,
// so a new engine gets it all again: the network and relief here, the routing provider, the review
// zones and avoid setting, the imported layers (use-user-layers.ts); cached legs go with the network
// version. Files are fetched here and their buffers transferred, never copied.
import { useCallback, useEffect, useState } from 'react';
import { transfer } from 'comlink';
import type { LayerManifest } from '../../core/layers';
import type { DemGrid } from '../../core/types';
import { loadNetwork, superviseEngine, type EngineClient } from '../../../workers/client';

export interface EngineState {
  engine: EngineClient | null;
  /** bumps each time a network is loaded (cached legs are then stale) */
  networkVersion: number;
  demVersion: number;
  networkError: string | null;
  /** the embedded network is in this engine (false again while a restarted engine loads it) */
  networkReady: boolean;
  /** how the worker fared: it died and was restarted (`stops` counts), or died too often */
  health: EngineHealth;
  /** starts a new worker after the user was told it kept dying */
  restart: () => void;
}

export interface EngineHealth {
  stops: number;
  gaveUp: boolean;
  /** a call has been waiting for over SLOW_CALL_MS: the worker may be stuck (the user may restart it) */
  slow: boolean;
}

export const SLOW_CALL_MS = 60_000;

/** More deaths than this within RESTART_WINDOW_MS: something kills it each time (a file too big?), stop trying. */
export const MAX_RESTARTS = 3;
export const RESTART_WINDOW_MS = 60_000;

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
  const [networkFor, setNetworkFor] = useState<EngineClient | null>(null);
  const [demVersion, setDemVersion] = useState(0);
  const [networkError, setNetworkError] = useState<string | null>(null);
  const [health, setHealth] = useState<EngineHealth>({ stops: 0, gaveUp: false, slow: false });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current: ReturnType<typeof superviseEngine> | null = null;
    const deaths: number[] = [];
    const start = () => {
      current = superviseEngine(() => {
        const now = Date.now();
        deaths.push(now);
        const recent = deaths.filter((t) => now - t < RESTART_WINDOW_MS).length;
        const gaveUp = recent > MAX_RESTARTS;
        setHealth((h) => ({ ...h, stops: h.stops + 1, gaveUp, slow: false }));
        if (gaveUp) {
          setEngine(null);
          return;
        }
        start();
      });
      const { engine, worker } = current;
      setEngine(() => engine);
      // test hooks, like the map's (see vite.config.ts): browser tests compare the UI with the
      // engine's figures, and stop the worker as a browser would
      Object.assign(window, { __cavalierEngine: engine, __cavalierEngineWorker: worker });
    };
    start();
    const watch = setInterval(() => {
      const since = current?.busySince() ?? null;
      const slow = since !== null && performance.now() - since > SLOW_CALL_MS;
      setHealth((h) => (h.slow === slow ? h : { ...h, slow }));
    }, 5000);
    return () => {
      clearInterval(watch);
      current?.stop();
    };
  }, [generation]);

  /** a new worker (the stuck one is stopped): the notices' « Relancer le moteur » */
  const restart = useCallback(() => {
    setHealth((h) => ({ ...h, gaveUp: false, slow: false }));
    setGeneration((g) => g + 1);
  }, []);

  useEffect(() => {
    if (!engine) return;
    let alive = true;
    Promise.all([fetchBuffer('data/network.bin'), fetchJson<{ names: string[] }>('data/network.json')])
      .then(([buf, meta]) => loadNetwork(engine, buf, meta.names))
      .then(() => {
        if (!alive) return;
        setNetworkVersion((v) => v + 1);
        setNetworkFor(() => engine);
      })
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

  return { engine, networkVersion, demVersion, networkError, networkReady: engine !== null && networkFor === engine, health, restart };
}
