// Starts the worker and loads the embedded network and relief into it; starts a new one when it
// dies (see superviseEngine). Everything the worker holds is loaded by effects keyed on `engine`,
// so a new engine gets it all again: the network and relief here, the routing provider, the review
// zones and avoid setting, the imported layers (use-user-layers.ts). What changed is the engine's to
// say: its epochs (watchEpochs) are kept here as they come, and every key of the page (cached
// legs, figures, zones) is derived from them with epochKey. Files are read through the data-files
// adapter and their buffers transferred, never copied.
import type { FeatureCollection } from 'geojson';
import { useCallback, useEffect, useState } from 'react';
import { transfer } from 'comlink';
import { dataFile } from '../../adapters/data-files';
import type { GeoError } from '../../core/errors';
import type { LayerManifest } from '../../core/layers';
import type { DemGrid } from '../../core/types';
import { superviseEngine, watchEpochs, type EngineClient } from '../../../workers/client';
import { loadEmbeddedNetwork, must, networkLoadOf, takeEarlyEngine } from '../engine-start';
import type { EngineEpochs } from '../../../workers/protocol';

export interface EngineState {
  engine: EngineClient | null;
  /** the epochs the current engine last published (null until it has) */
  epochs: EngineEpochs | null;
  networkError: GeoError | null;
  /** the embedded network is in this engine (false again while a restarted engine loads it) */
  networkReady: boolean;
  /** how the worker fared: it died and was restarted (`stops` counts), or died too often */
  health: EngineHealth;
  /** starts a new worker after the user was told it kept dying */
  restart: () => void;
}

interface EngineHealth {
  stops: number;
  gaveUp: boolean;
  /** a call has been waiting for over SLOW_CALL_MS: the worker may be stuck (the user may restart it) */
  slow: boolean;
}

export const SLOW_CALL_MS = 60_000;

/** More deaths than this within RESTART_WINDOW_MS: something kills it each time (a file too big?), stop trying. */
export const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;

/**
 * A key that changes whenever the engine's `which` state does, this engine or the next one (a
 * restarted worker counts again from zero, under another id); '-' before any engine spoke.
 */
export function epochKey(epochs: EngineEpochs | null, which: Exclude<keyof EngineEpochs, 'engine'>): string {
  return epochs ? `${epochs.engine}:${epochs[which]}` : '-';
}

/**
 * `background`: the relief, the measured DEM and the terrils may be loaded (the app says so once the
 * first map is drawn); they wait for the network in any case.
 */
export function useEngine(manifest: LayerManifest | null, background = true): EngineState {
  const [engine, setEngine] = useState<EngineClient | null>(null);
  const [epochs, setEpochs] = useState<EngineEpochs | null>(null);
  const [networkFor, setNetworkFor] = useState<EngineClient | null>(null);
  const [networkError, setNetworkError] = useState<GeoError | null>(null);
  const [health, setHealth] = useState<EngineHealth>({ stops: 0, gaveUp: false, slow: false });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current: ReturnType<typeof superviseEngine> | null = null;
    const deaths: number[] = [];
    const onDeath = () => {
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
    };
    const start = () => {
      const taken = takeEarlyEngine(onDeath);
      if (!taken) performance.mark('cavalier:engine-started');
      current = taken?.supervised ?? superviseEngine(onDeath);
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

  // the engine's word on what changed; a dead engine's last words are not taken
  useEffect(() => {
    setEpochs(null);
    if (!engine) return;
    let alive = true;
    const take = (e: EngineEpochs) => {
      if (alive) setEpochs((prev) => (prev && prev.engine === e.engine && JSON.stringify(prev) === JSON.stringify(e) ? prev : e));
    };
    void watchEpochs(engine, take).then(take, () => {});
    return () => {
      alive = false;
    };
  }, [engine]);

  useEffect(() => {
    if (!engine) return;
    let alive = true;
    // the early engine's network is already on its way (startEngineEarly)
    (networkLoadOf(engine) ?? loadEmbeddedNetwork(engine))
      .then(() => {
        if (alive) setNetworkFor(() => engine);
      })
      .catch((e: unknown) => alive && setNetworkError(isGeoError(e) ? e : { code: 'data.unavailable', detail: { path: 'data/network.bin' } }));
    return () => {
      alive = false;
    };
  }, [engine]);

  // the relief, the measured DEM and the terrils come after the network, which a first click needs,
  // and after the first map: the worker reads the network first, the page parses nothing meanwhile
  const networkSettled = background && engine !== null && (networkFor === engine || networkError !== null);
  const relief = manifest?.relief;
  useEffect(() => {
    if (!engine || !relief || !networkSettled) return;
    let alive = true;
    Promise.all([must(dataFile(relief.url, 'json')), must(dataFile(relief.valuesUrl, 'bytes'))])
      .then(([json, buf]) => {
        if (!alive) return;
        const header = json as Omit<DemGrid, 'values'>;
        const values = new Float32Array(buf);
        const grid: DemGrid = { ...header, name: `${header.name}, ± ${relief.expectedError_m} m`, approximate: true, values };
        return engine.loadDem(transfer(grid, [buf]));
      })
      .catch(() => {
        // without the relief, routes simply have no elevation; the stats panel says so
      });
    return () => {
      alive = false;
    };
  }, [engine, relief, networkSettled]);

  // the measured DEM the pipeline fetched when online (data:build -- --dem-online): real relief
  // from the start, the relief approché behind it; a DEM the user loaded stays first
  const basinDem = manifest?.dem;
  useEffect(() => {
    if (!engine || !basinDem || !networkSettled) return;
    Promise.all([must(dataFile(basinDem.url, 'json')), must(dataFile(basinDem.valuesUrl, 'bytes'))])
      .then(async ([json, buf]) => {
        if (await engine.importedDem()) return;
        const grid: DemGrid = { ...(json as Omit<DemGrid, 'values'>), approximate: false, values: new Float32Array(buf) };
        return engine.restoreDem(transfer(grid, [buf]));
      })
      .catch(() => {
        // without it the relief approché stays the source
      });
  }, [engine, basinDem, networkSettled]);

  // the terrils, for the warning where the relief approché misses their climb
  const terrilsUrl = manifest?.layers.find((l) => l.id === 'terrils')?.url;
  useEffect(() => {
    if (!engine) return;
    if (!terrilsUrl || !networkSettled) return;
    dataFile(terrilsUrl, 'json')
      .then((r) => (r.ok ? engine.loadTerrils(r.value as FeatureCollection) : 0))
      .catch(() => {
        // without the terrils the figures stand, only the warning is not given
      });
  }, [engine, terrilsUrl, networkSettled]);

  return { engine, epochs: epochs && engine ? epochs : null, networkError, networkReady: engine !== null && networkFor === engine, health, restart };
}

const isGeoError = (e: unknown): e is GeoError => typeof (e as GeoError | null)?.code === 'string';
