// The engine the worker exposes: one object of core functions plus the data they work on
// (network, DEM). Kept free of worker globals so node tests can call it directly.
import { fillElevation } from '../src/core/elevation/fill';
import { ok, type Result } from '../src/core/errors';
import { bboxOf, type Bbox } from '../src/core/geo/bbox';
import { decodeText } from '../src/core/gpx/encoding';
import { readTrackItems } from '../src/core/gpx/read';
import { writeGpx, type GpxText } from '../src/core/gpx/write';
import { parseXmlWithXmldom } from '../src/core/gpx/xml';
import { nearestOnNetwork } from '../src/core/graph/nearest';
import { analyseLegs, analyseTrack } from '../src/core/route/analyse';
import { joinLegs, SNAP_RADIUS_M, straightLeg, withDetour, type Leg, type LegRequest } from '../src/core/route/leg';
import { brouterLeg } from '../src/adapters/brouter-http';
import { networkFromBuffer, type RoutingNetwork } from '../src/core/route/network';
import type { DemGrid, Position, Track } from '../src/core/types';
import { eventMethods } from './event-engine';
import { layerMethods } from './layer-engine';
import { reviewMethods } from './review-engine';
import type { RoutingProviderSetting } from './protocol';

export function createEngine() {
  let network: RoutingNetwork | null = null;
  let dem: DemGrid | null = null;
  let provider: RoutingProviderSetting = { kind: 'graph' };
  // filling elevations moves no point: the track's times stay aligned
  const gpxOf = (track: Track) => writeGpx({ ...track, segments: track.segments.map((s) => fillElevation(s, dem)) });
  // imported layers (roles network / sensitive / reference) and DEM files: see layer-engine.ts
  const layers = layerMethods({
    getNetwork: () => network,
    setNetwork: (n) => (network = n),
    getDem: () => dem,
    setDem: (g) => (dem = g),
  });
  // environmental review and avoid mode: see review-engine.ts (its routeLeg routes the graph's legs)
  const review = reviewMethods({ getNetwork: () => network, getSensitiveLayers: () => layers.getSensitiveLayers() });

  return {
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
      return analyseLegs(legs, { dem });
    },

    analyseTrack(segments: Position[][]) {
      return analyseTrack(segments, { dem });
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
  };
}

export type Engine = ReturnType<typeof createEngine>;
