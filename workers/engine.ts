// The engine the worker exposes: one object of core functions plus the data they work on, each
// piece of it owned by one sub-engine (routing, relief, layers, review, events) and wired here.
// Kept free of worker globals so node tests can call it directly.
import { fillElevation } from '../src/core/elevation/fill';
import { ok, type Result } from '../src/core/errors';
import { bboxOf, type Bbox } from '../src/core/geo/bbox';
import { decodeText } from '../src/core/gpx/encoding';
import { readTrackItems } from '../src/core/gpx/read';
import { writeGpx, type GpxText } from '../src/core/gpx/write';
import { parseXmlWithXmldom } from '../src/core/gpx/xml';
import { analyseLegs, analyseTrack } from '../src/core/route/analyse';
import { joinLegs, type Leg } from '../src/core/route/leg';
import type { Position, Track } from '../src/core/types';
import { eventMethods } from './event-engine';
import { layerMethods } from './layer-engine';
import { reliefMethods } from './relief-engine';
import { reviewMethods } from './review-engine';
import { routingMethods } from './routing-engine';

export function createEngine() {
  // one owner for each piece of state: the network and provider (routing), the relief, the
  // imported files and layers, the review zones; the others reach it through these hooks
  const routing = routingMethods();
  const layers = layerMethods({ mergeNetwork: routing.mergeLayers });
  const relief = reliefMethods({ fileOf: layers.fileOf, forgetFile: layers.forgetFile });
  const review = reviewMethods({
    getNetwork: routing.network,
    getSensitiveLayers: () => layers.methods.getSensitiveLayers(),
    graphLeg: routing.graphLeg,
    supplyAvoidCost: routing.supplyAvoidCost,
  });
  const dem = relief.grid;
  // filling elevations moves no point: the track's times stay aligned
  const gpxOf = (track: Track) => writeGpx({ ...track, segments: track.segments.map((s) => fillElevation(s, dem())) });

  return {
    // network, merged network and provider: snap, legs, setProvider… (routing-engine.ts)
    ...routing.methods,

    // elevation sources: the approximate relief, DEM files, terrain tiles (relief-engine.ts)
    ...relief.methods,

    analyseLegs(legs: Leg[]) {
      return analyseLegs(legs, { dem: dem() });
    },

    analyseTrack(segments: Position[][]) {
      return analyseTrack(segments, { dem: dem() });
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
    ...eventMethods(dem, () => layers.methods.roadLines()),

    // imported files and layers (roles network / sensitive / reference): see layer-engine.ts
    ...layers.methods,

    // environmental review: zones, crossings, avoid mode, season, communes, dossier (review-engine.ts)
    ...review.methods,
  };
}

export type Engine = ReturnType<typeof createEngine>;
