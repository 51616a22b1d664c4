// The engine the worker exposes: one object of core functions plus the data they work on, each
// piece of it owned by one sub-engine (routing, relief, layers, review, events) and wired here.
// Kept free of worker globals so node tests can call it directly.
//
// It owns change: after every call it compares its state with what it last published and bumps
// the epochs that moved (EngineEpochs, workers/protocol.ts), then tells the page (watchEpochs).
// It also keeps the merged network between sessions itself (src/adapters/network-store.ts).
import { drapeOnSources, fillFromSources } from '../src/core/elevation/sources';
import type { Lang } from '../src/i18n/dictionary';
import { describeShares } from '../src/i18n/elevation';
import { ok, type Result } from '../src/core/errors';
import { bboxOf, type Bbox } from '../src/core/geo/bbox';
import { decodeText } from '../src/core/gpx/encoding';
import { readTrackItems } from '../src/core/gpx/read';
import { writeGpx, type GpxText } from '../src/core/gpx/write';
import { parseXmlWithXmldom } from '../src/core/gpx/xml';
import { analyseLegs, analyseTrack } from '../src/core/route/analyse';
import { joinLegs, type Leg } from '../src/core/route/leg';
import { indexedDbNetworkStore, type NetworkBundleStore } from '../src/adapters/network-store';
import type { RoutingNetwork } from '../src/core/route/network';
import type { DemGrid, Position, Track } from '../src/core/types';
import { eventMethods } from './event-engine';
import { layerMethods } from './layer-engine';
import { reliefMethods } from './relief-engine';
import { officialZonesMethods } from './official-zones-engine';
import { osmMethods } from './osm-engine';
import { reviewMethods } from './review-engine';
import { routingMethods } from './routing-engine';
import type { AvoidSettings, EngineEpochs, MergedNetworkBundle, NetworkState, ProgressFn, UserLayerRecord } from './protocol';

export interface EngineOptions {
  /** where the merged network is kept between sessions: IndexedDB by default (node has none: nothing kept) */
  networkStore?: NetworkBundleStore;
}

export function createEngine(options: EngineOptions = {}) {
  const store = options.networkStore ?? indexedDbNetworkStore;
  // one owner for each piece of state: the network and provider (routing), the relief, the
  // imported files and layers, the review zones; the others reach it through these hooks
  const routing = routingMethods();
  const layers = layerMethods({ mergeNetwork: routing.mergeLayers });
  // the relief's sources (DEM, online altimetry, relief approché) and terrils; online samples arrive after the call
  const relief = reliefMethods({ fileOf: layers.fileOf, forgetFile: layers.forgetFile, onSamples: () => publish() });
  const review = reviewMethods({
    getNetwork: routing.network,
    getSensitiveLayers: () => layers.methods.getSensitiveLayers(),
    graphLeg: routing.graphLeg,
    supplyAvoidCost: routing.supplyAvoidCost,
  });
  const dem = relief.grid;
  // filling elevations moves no point: the track's times stay aligned; the metadata says where they came from
  const gpxOf = (track: Track, lang: Lang) => {
    const layersNow = relief.sources();
    const segments = track.segments.map((s) => fillFromSources(s, layersNow));
    return writeGpx({ ...track, segments }, { description: describeShares(drapeOnSources(track.segments, layersNow).shares, lang) });
  };
  // the OSM paths of the view, kept as a network layer: see osm-engine.ts
  const osm = osmMethods({ addFetchedLayer: layers.methods.addFetchedLayer, hasEmbeddedNetworkLines: routing.methods.hasEmbeddedNetworkLines });
  // the official protected areas around the route, kept as sensitive layers: see official-zones-engine.ts
  const official = officialZonesMethods({ addFetchedLayer: layers.methods.addFetchedLayer });

  // ── epochs: what the engine last published, compared after each call ──
  const epochs: EngineEpochs = { engine: Math.random().toString(36).slice(2, 10), network: 0, routing: 0, relief: 0, zones: 0, layers: 0 };
  let avoid: AvoidSettings = { mode: 'off', factor: 0 };
  // with avoidance off, its factor and layers change no leg
  const avoidKey = () => (avoid.mode === 'off' ? 'off' : JSON.stringify(avoid));
  const seen: { network: RoutingNetwork | null; dem: DemGrid | null; relief: number; provider: string; avoid: string; layers: string } = {
    network: routing.network(),
    dem: dem(),
    relief: relief.version(),
    provider: JSON.stringify(routing.provider()),
    avoid: avoidKey(),
    layers: '',
  };
  const listeners = new Set<(e: EngineEpochs) => unknown>();
  function publish(): void {
    const before = JSON.stringify(epochs);
    const network = routing.network();
    if (network !== seen.network) {
      seen.network = network;
      epochs.network++;
      epochs.routing++;
    }
    // a new grid, or online samples arrived (the online relief switched, terrils loaded)
    const grid = dem();
    const rv = relief.version();
    if (grid !== seen.dem || rv !== seen.relief) {
      seen.dem = grid;
      seen.relief = rv;
      epochs.relief++;
    }
    const p = JSON.stringify(routing.provider());
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
    const l = layers.methods
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
    for (const fn of listeners)
      void Promise.resolve()
        .then(() => fn(copy))
        .catch(() => listeners.delete(fn));
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
        const bundle = routing.methods.mergedNetworkBundle();
        if (bundle) void store.save(bundle).catch(() => {});
      }
    }, 0);
  }

  const engine = {
    // network, merged network and provider: snap, legs, setProvider… (routing-engine.ts)
    ...routing.methods,

    // elevation sources: the approximate relief, DEM files, terrain tiles, the online altimetry, terrils (relief-engine.ts)
    ...relief.methods,

    /** The figures from the relief's sources now; the online altimetry is asked for what they lacked (the relief epoch moves when it answers). */
    analyseLegs(legs: Leg[]) {
      const stats = analyseLegs(legs, { layers: relief.sources(), terrils: relief.terrils() });
      relief.askOnline([joinLegs(legs)]);
      return stats;
    },

    analyseTrack(segments: Position[][]) {
      const stats = analyseTrack(segments, { layers: relief.sources(), terrils: relief.terrils() });
      relief.askOnline(segments);
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
    /** `lang`: the language of the file's own words (where its elevations come from) */
    routeGpx(name: string, legs: Leg[], lang: Lang = 'fr'): GpxText {
      return gpxOf({ name, segments: [joinLegs(legs)] }, lang);
    },

    /** GPX 1.1 of a track; points without elevation get it from the DEM when one is loaded. */
    writeGpx(track: Track, lang: Lang = 'fr'): GpxText {
      return gpxOf(track, lang);
    },

    // events and formulas: stats against the target, points on the course, GPX, roadbook, project file
    ...eventMethods(dem, () => layers.methods.roadLines()),

    // imported files and layers (roles network / sensitive / reference): see layer-engine.ts
    ...layers.methods,

    // environmental review: zones, crossings, avoid mode, season, communes, dossier (review-engine.ts)
    ...review.methods,

    // « Charger les zones protégées officielles »: WFS layers kept as sensitive layers (official-zones-engine.ts)
    ...official,

    setAvoid(settings: AvoidSettings): void {
      review.methods.setAvoid(settings);
      avoid = { mode: settings.mode, factor: settings.factor, layers: settings.layers ?? null };
    },

    addLayer(...args: Parameters<typeof layers.methods.addLayer>) {
      const r = layers.methods.addLayer(...args);
      if (r.ok) keepNetwork(r.value.network);
      return r;
    },

    async loadOsmPaths(...args: Parameters<typeof osm.loadOsmPaths>) {
      const r = await osm.loadOsmPaths(...args);
      if (r.ok) keepNetwork(r.value.network);
      return r;
    },

    removeLayer(id: string) {
      const r = layers.methods.removeLayer(id);
      if (r.ok) keepNetwork(r.value.network);
      return r;
    },

    /**
     * Saved layers back into the engine; the merged network is read back from the store when it
     * was built from these very layers (or from `prebuilt`, given by a test), else rebuilt once and saved.
     */
    async restoreLayers(records: UserLayerRecord[], onProgress?: ProgressFn, prebuilt?: MergedNetworkBundle) {
      const kept = prebuilt ?? (records.some((r) => r.role === 'network') ? await store.load().catch(() => null) : null);
      const r = layers.methods.restoreLayers(records, onProgress, kept ?? undefined);
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
