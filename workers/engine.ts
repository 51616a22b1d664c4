// The engine the worker exposes: one object of core functions plus the data they work on
// (network, DEM). Kept free of worker globals so node tests can call it directly.
//
// It owns change: after every call it compares its state with what it last published and bumps
// the epochs that moved (EngineEpochs, workers/protocol.ts), then tells the page (watchEpochs).
// It also keeps the merged network between sessions itself (src/adapters/network-store.ts).
import type { FeatureCollection } from 'geojson';
import { fetchElevations } from '../src/adapters/altimetry';
import { ALTIMETRY_NAME } from '../src/core/elevation/altimetry';
import { densify, describeShares, drapeOnSources, drapeStep, fillFromSources, positionKey, reliefLayers, samplesLayer } from '../src/core/elevation/sources';
import { terrilAreas, type TerrilArea } from '../src/core/elevation/terrils';
import { ok, type GeoError, type Result } from '../src/core/errors';
import { bboxOf, type Bbox } from '../src/core/geo/bbox';
import { decodeText } from '../src/core/gpx/encoding';
import { readTrackItems } from '../src/core/gpx/read';
import { writeGpx, type GpxText } from '../src/core/gpx/write';
import { parseXmlWithXmldom } from '../src/core/gpx/xml';
import { nearestOnNetwork } from '../src/core/graph/nearest';
import { analyseLegs, analyseTrack } from '../src/core/route/analyse';
import { joinLegs, SNAP_RADIUS_M, straightLeg, withDetour, type Leg, type LegRequest } from '../src/core/route/leg';
import { brouterLeg } from '../src/adapters/brouter-http';
import { indexedDbNetworkStore, type NetworkBundleStore } from '../src/adapters/network-store';
import { networkFromBuffer, type RoutingNetwork } from '../src/core/route/network';
import type { DemGrid, Position, Track } from '../src/core/types';
import { eventMethods } from './event-engine';
import { layerMethods } from './layer-engine';
import { reviewMethods } from './review-engine';
import type { AvoidSettings, EngineEpochs, MergedNetworkBundle, NetworkState, ProgressFn, RoutingProviderSetting, UserLayerRecord } from './protocol';

export interface EngineOptions {
  /** where the merged network is kept between sessions: IndexedDB by default (node has none: nothing kept) */
  networkStore?: NetworkBundleStore;
}

export function createEngine(options: EngineOptions = {}) {
  const store = options.networkStore ?? indexedDbNetworkStore;
  let network: RoutingNetwork | null = null;
  let dem: DemGrid | null = null;
  let provider: RoutingProviderSetting = { kind: 'graph' };
  // ── the relief: the DEM above, the online altimetry's samples by position, the terrils ──
  let terrils: TerrilArea[] = [];
  const online = new Map<string, number | null>();
  let onlineVersion = 0;
  let altimetry: { url?: string } | null = null;
  const sources = () =>
    reliefLayers({ dem, fallback: layers.reliefFallback(), online: altimetry ? samplesLayer('online', ALTIMETRY_NAME, online) : null });
  // filling elevations moves no point: the track's times stay aligned; the metadata says where they came from
  const gpxOf = (track: Track) => {
    const layersNow = sources();
    const segments = track.segments.map((s) => fillFromSources(s, layersNow));
    return writeGpx({ ...track, segments }, { description: describeShares(drapeOnSources(track.segments, layersNow).shares) });
  };
  // imported layers (roles network / sensitive / reference) and DEM files: see layer-engine.ts
  const layers = layerMethods({
    getNetwork: () => network,
    setNetwork: (n) => (network = n),
    getDem: () => dem,
    setDem: (g) => (dem = g),
  });
  // environmental review and avoid mode: see review-engine.ts (its routeLeg routes the graph's legs)
  const review = reviewMethods({ getNetwork: () => network, getSensitiveLayers: () => layers.getSensitiveLayers() });

  // ── epochs: what the engine last published, compared after each call ──
  const epochs: EngineEpochs = { engine: Math.random().toString(36).slice(2, 10), network: 0, routing: 0, relief: 0, zones: 0, layers: 0 };
  let avoid: AvoidSettings = { mode: 'off', factor: 0 };
  // with avoidance off, its factor and layers change no leg
  const avoidKey = () => (avoid.mode === 'off' ? 'off' : JSON.stringify(avoid));
  const seen: { network: RoutingNetwork | null; dem: DemGrid | null; online: number; provider: string; avoid: string; layers: string } = {
    network,
    dem,
    online: onlineVersion,
    provider: JSON.stringify(provider),
    avoid: avoidKey(),
    layers: '',
  };
  const listeners = new Set<(e: EngineEpochs) => unknown>();
  function publish(): void {
    const before = JSON.stringify(epochs);
    if (network !== seen.network) {
      seen.network = network;
      epochs.network++;
      epochs.routing++;
    }
    if (dem !== seen.dem || onlineVersion !== seen.online) {
      seen.dem = dem;
      seen.online = onlineVersion;
      epochs.relief++;
    }
    const p = JSON.stringify(provider);
    const a = avoidKey();
    if (p !== seen.provider || a !== seen.avoid) {
      seen.provider = p;
      seen.avoid = a;
      epochs.routing++;
    }
    // reading the version brings the review in line with the imported layers first
    const zones = review.methods.reviewZonesVersion();
    if (zones !== epochs.zones) {
      epochs.zones = zones;
      // avoided zones change the legs' costs; otherwise legs do not depend on them
      if (avoid.mode !== 'off') epochs.routing++;
    }
    const l = layers
      .listLayers()
      .map((x) => `${x.id}:${x.role}:${x.networkLines ?? ''}`)
      .join('|');
    if (l !== seen.layers) {
      seen.layers = l;
      epochs.layers++;
    }
    if (JSON.stringify(epochs) === before) return;
    const copy = { ...epochs };
    // a page gone (or a proxy released) must not break the engine
    for (const fn of listeners) void Promise.resolve().then(() => fn(copy)).catch(() => listeners.delete(fn));
  }

  // ── the merged network, kept by the engine itself ──
  /**
   * After a change of the network layers: a network rebuilt is saved, one restored from the store
   * is already there, no merge any more clears it. After the reply (a timer): encoding the bundle
   * must not delay it, and a later change runs after this one.
   */
  function keepNetwork(state: NetworkState | undefined): void {
    if (!state) return;
    setTimeout(() => {
      if (!state.merged) void store.remove().catch(() => {});
      else if (!state.prebuilt) {
        // the state now (a later change may have undone this one); a failure only costs a rebuild next time
        const bundle = layers.mergedNetworkBundle();
        if (bundle) void store.save(bundle).catch(() => {});
      }
    }, 0);
  }

  // ── the online altimetry: asked in the background for the points a profile needs ──
  let onlineBusy = false;
  let onlineRetryAt = 0;
  let onlineProblem: GeoError | null = null;
  /** After a failure (offline, 429), the next try waits this long: a page offline sends no request per edit. */
  const ONLINE_RETRY_MS = 30_000;
  function askOnline(segments: readonly Position[][]): void {
    if (!altimetry || onlineBusy || Date.now() < onlineRetryAt) return;
    const layersNow = sources();
    // the very points the profile will take (sources.ts drapeOnSources: same step, same densifying)
    const step = drapeStep(segments, layersNow);
    const wanted = new Map<string, [number, number]>();
    for (const s of segments) for (const p of densify(s, step)) if (p.length < 3) {
      const k = positionKey(p[0], p[1]);
      if (!online.has(k)) wanted.set(k, [p[0], p[1]]);
    }
    if (wanted.size === 0) return;
    onlineBusy = true;
    const asked = altimetry;
    void fetchElevations([...wanted.values()], { url: asked.url })
      .then((r) => {
        if (asked !== altimetry) return;
        if (r.ok) {
          for (const [k, z] of r.value) online.set(k, z);
          onlineProblem = null;
          onlineVersion++;
        } else {
          onlineProblem = r.error;
          onlineRetryAt = Date.now() + ONLINE_RETRY_MS;
        }
      })
      .finally(() => {
        onlineBusy = false;
        publish();
      });
  }

  const engine = {
    /**
     * The Géoplateforme altimetry as the preferred online source of profiles (null: off). Its
     * elevations are asked in the background for each route analysed; the relief epoch moves
     * when they arrive. `url` is for tests (a local stub).
     */
    setOnlineRelief(setting: { url?: string } | null): void {
      altimetry = setting;
      onlineRetryAt = 0;
      onlineProblem = null;
    },

    /** Whether the online relief is on, how many points it answered, and its last failure (null when none). */
    onlineRelief(): { on: boolean; samples: number; problem: GeoError | null } {
      return { on: altimetry !== null, samples: online.size, problem: onlineProblem };
    },

    /** The terrils layer: where the relief approché gives the elevations over one, its climb is said to be missing. */
    loadTerrils(fc: FeatureCollection): number {
      terrils = terrilAreas(fc);
      return terrils.length;
    },

    /** Takes ownership of the buffer (transfer it): network.bin as written by the pipeline. */
    loadNetwork(buffer: ArrayBuffer, names: string[]): { nodes: number; edges: number } {
      network = networkFromBuffer(buffer, names);
      return { nodes: network.graph.nodeCount, edges: network.graph.edgeCount };
    },

    /** The elevation source for drawn routes and for tracks without <ele>. */
    loadDem(grid: DemGrid | null): void {
      // the approximate relief arriving after a restored user DEM waits as its fallback
      if (grid?.approximate && dem && !dem.approximate) layers.setFallbackRelief(grid);
      else dem = grid;
    },

    setProvider(setting: RoutingProviderSetting): void {
      provider = setting;
    },

    /**
     * The nearest point of the network, or null when no path lies within the radius.
     * With a BRouter server the server snaps to its own (much denser) network: the point is kept as clicked.
     */
    snap(lon: number, lat: number, radius_m = SNAP_RADIUS_M): { lon: number; lat: number; distance_m: number } | null {
      if (provider.kind === 'brouter') return { lon, lat, distance_m: 0 };
      if (!network) return null;
      const s = nearestOnNetwork(network.graph, network.index, lon, lat, radius_m);
      return s && { lon: s.lon, lat: s.lat, distance_m: s.distance_m };
    },

    async legs(requests: LegRequest[]): Promise<Leg[]> {
      const p = provider;
      if (p.kind === 'graph') return requests.map((r) => review.routeLeg(network, r.from, r.to, r.mode));
      return Promise.all(
        requests.map(async (r) => {
          if (r.mode === 'straight') return straightLeg(r.from, r.to, 'straight');
          const { leg, error } = await brouterLeg(r.from, r.to, p);
          return error ? { ...leg, problem: error } : withDetour(leg, r.from, r.to);
        }),
      );
    },

    analyseLegs(legs: Leg[]) {
      const stats = analyseLegs(legs, { layers: sources(), terrils });
      askOnline([joinLegs(legs)]);
      return stats;
    },

    analyseTrack(segments: Position[][]) {
      const stats = analyseTrack(segments, { layers: sources(), terrils });
      askOnline(segments);
      return stats;
    },

    /**
     * Reads a GPX, KML or GeoJSON file here, never on the page: its items (a GPX's tracks, then
     * its routes), each to be listed on its own; the bbox of all lets the page frame them
     * without measuring them.
     */
    readTrack(bytes: ArrayBuffer, fileName: string): Result<{ tracks: Track[]; bbox: Bbox | null }> {
      const text = decodeText(new Uint8Array(bytes));
      if (!text.ok) return text;
      const r = readTrackItems(text.value, fileName, { parseXml: parseXmlWithXmldom });
      return r.ok ? ok({ tracks: r.value, bbox: bboxOf(r.value.flatMap((t) => t.segments)) }, [...text.warnings, ...r.warnings]) : r;
    },

    /** GPX 1.1 of a drawn route: its legs as one track segment, elevations from the DEM. */
    routeGpx(name: string, legs: Leg[]): GpxText {
      return gpxOf({ name, segments: [joinLegs(legs)] });
    },

    /** GPX 1.1 of a track; points without elevation get it from the DEM when one is loaded. */
    writeGpx(track: Track): GpxText {
      return gpxOf(track);
    },

    // events and formulas: stats against the target, points on the course, GPX, roadbook, project file
    ...eventMethods(() => dem, () => layers.roadLines()),

    // imported layers (roles network / sensitive / reference) and DEM files: see layer-engine.ts
    ...layers,

    // environmental review: zones, crossings, avoid mode, season, communes, dossier (review-engine.ts)
    ...review.methods,

    setAvoid(settings: AvoidSettings): void {
      review.methods.setAvoid(settings);
      avoid = { mode: settings.mode, factor: settings.factor, layers: settings.layers ?? null };
    },

    addLayer(...args: Parameters<typeof layers.addLayer>) {
      const r = layers.addLayer(...args);
      if (r.ok) keepNetwork(r.value.network);
      return r;
    },

    removeLayer(id: string) {
      const r = layers.removeLayer(id);
      if (r.ok) keepNetwork(r.value.network);
      return r;
    },

    /**
     * Saved layers back into the engine; the merged network is read back from the store when it
     * was built from these very layers (or from `prebuilt`, given by a test), else rebuilt once and saved.
     */
    async restoreLayers(records: UserLayerRecord[], onProgress?: ProgressFn, prebuilt?: MergedNetworkBundle) {
      const kept = prebuilt ?? (records.some((r) => r.role === 'network') ? await store.load().catch(() => null) : null);
      const r = layers.restoreLayers(records, onProgress, kept ?? undefined);
      if (r.ok) keepNetwork(r.value.network);
      return r;
    },

    /** The epochs now. */
    epochs(): EngineEpochs {
      return { ...epochs };
    },

    /** Calls `fn` with the epochs now, then after every call that changed them (a comlink proxy from the page). */
    watchEpochs(fn: (e: EngineEpochs) => unknown): EngineEpochs {
      listeners.add(fn);
      return { ...epochs };
    },
  };

  // every call may change state: compare and publish once it is done (a failing call too, it may have changed some)
  const methods = engine as unknown as Record<string, (...a: unknown[]) => unknown>;
  for (const [name, fn] of Object.entries(methods)) {
    if (name === 'epochs' || name === 'watchEpochs') continue;
    methods[name] = (...args: unknown[]) => {
      let out: unknown;
      try {
        out = fn(...args);
      } catch (e) {
        publish();
        throw e;
      }
      if (out instanceof Promise) return out.finally(publish);
      publish();
      return out;
    };
  }
  return engine;
}

export type Engine = ReturnType<typeof createEngine>;
