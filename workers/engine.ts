// The engine the worker exposes: one object of core functions plus the data they work on
// (network, DEM). Kept free of worker globals so node tests can call it directly.
import { fillElevation } from '../src/core/elevation/fill';
import { ok, type Result } from '../src/core/errors';
import { bboxOf, type Bbox } from '../src/core/geo/bbox';
import { readTrackFile } from '../src/core/gpx/read';
import { writeGpx } from '../src/core/gpx/write';
import { parseXmlWithXmldom } from '../src/core/gpx/xml';
import { nearestOnNetwork } from '../src/core/graph/nearest';
import { analyseLegs, analyseTrack } from '../src/core/route/analyse';
import { computeLeg, joinLegs, SNAP_RADIUS_M, type Leg, type LegMode } from '../src/core/route/leg';
import { networkFromBuffer, type RoutingNetwork } from '../src/core/route/network';
import type { DemGrid, Position, Track } from '../src/core/types';

export interface LegRequest {
  from: [number, number];
  to: [number, number];
  mode: LegMode;
}

export function createEngine() {
  let network: RoutingNetwork | null = null;
  let dem: DemGrid | null = null;
  const gpxOf = (track: Track) => writeGpx({ ...track, segments: track.segments.map((s) => fillElevation(s, dem)) });

  return {
    /** Takes ownership of the buffer (transfer it): network.bin as written by the pipeline. */
    loadNetwork(buffer: ArrayBuffer, names: string[]): { nodes: number; edges: number } {
      network = networkFromBuffer(buffer, names);
      return { nodes: network.graph.nodeCount, edges: network.graph.edgeCount };
    },

    /** The elevation source for drawn routes and for tracks without <ele>. */
    loadDem(grid: DemGrid | null): void {
      dem = grid;
    },

    /** The nearest point of the network, or null when no path lies within the radius. */
    snap(lon: number, lat: number, radius_m = SNAP_RADIUS_M): { lon: number; lat: number; distance_m: number } | null {
      if (!network) return null;
      const s = nearestOnNetwork(network.graph, network.index, lon, lat, radius_m);
      return s && { lon: s.lon, lat: s.lat, distance_m: s.distance_m };
    },

    legs(requests: LegRequest[]): Leg[] {
      return requests.map((r) => computeLeg(network, r.from, r.to, r.mode));
    },

    analyseLegs(legs: Leg[]) {
      return analyseLegs(legs, { dem });
    },

    analyseTrack(segments: Position[][]) {
      return analyseTrack(segments, { dem });
    },

    /** Reads a GPX, KML or GeoJSON track; the bbox lets the page frame it without measuring it. */
    readTrack(text: string, fileName: string): Result<{ track: Track; bbox: Bbox | null }> {
      const r = readTrackFile(text, fileName, { parseXml: parseXmlWithXmldom });
      return r.ok ? ok({ track: r.value, bbox: bboxOf(r.value.segments) }, r.warnings) : r;
    },

    /** GPX 1.1 of a drawn route: its legs as one track segment, elevations from the DEM. */
    routeGpx(name: string, legs: Leg[]): string {
      return gpxOf({ name, segments: [joinLegs(legs)] });
    },

    /** GPX 1.1 of a track; points without elevation get it from the DEM when one is loaded. */
    writeGpx(track: Track): string {
      return gpxOf(track);
    },
  };
}

export type Engine = ReturnType<typeof createEngine>;
