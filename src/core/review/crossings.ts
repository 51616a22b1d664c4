// Which sensitive zones a route enters, where, and for how long; and which it passes near.
//
// How (target #3 of shared/notes/performance.md, O(n log m + k)):
// - the route is cut into chunks of CHUNK pieces; one flatbush query per chunk, its box grown by
//   the near-zone buffer, gives each zone the chunks that may concern it. Zones no chunk meets
//   cost nothing.
// - each candidate polygon zone then walks its chunks once, in route order, carrying "inside or
//   not" (./polygon.ts).
//   A piece whose box misses the zone's box is outside (so is its end point). A piece that meets
//   it asks the zone's edges near the piece (./edges.ts) for boundary events and toggles
//   inside/outside at each one. Point-in-polygon (./locate.ts) runs only where the state is not
//   known: at the start of the route or of a track segment inside the zone's box, and after the
//   route touched the boundary at one of its own vertices.
// - a line zone is a band: each piece near the line gets its stretch within the band (./band.ts).
// - a zone with no length inside is measured for the near list: shortest distance from the route
//   to the zone, pruned with the boxes and the best distance so far (./nearest.ts).
//
// Conventions (the app, the CLI and the dossier all say the same):
// - Zones are closed: a route running along a zone's boundary is inside it, since a path on the
//   limit of a protected site is in contact with it (the precautionary reading). A single
//   touching point has no length: such a zone is listed as near, at 0 m.
// - Toggling uses the half-open rule (a zone vertex lying on the route's line counts as on its
//   left), so a route through a zone vertex crosses once and a route touching one does not;
//   parity is the even-odd rule, which makes holes and MultiPolygon parts exact.
// - Line zones (TVB corridors) stand for a band of corridor_m on each side of the line: a pass is
//   where the route is within corridor_m of the line (running along it, or crossing it: a
//   crossing at right angles is 2·corridor_m long), and each crossing of the line itself is
//   reported as a point with its kilometre. Their near distance is to the line.
// - Kilometres run along the route; the jump between two track segments is not travelled and
//   adds nothing. Pass lengths are geodesic (the fraction of each piece's ellipsoidal length).
// - Geometry is read in plain longitude/latitude (straight edges in degrees, as GeoJSON and the
//   map draw them); only distances use a metric, the tangent plane at each piece (./planar.ts).

import { metresPerDegree } from '../geo/geodesic';
import { bandPasses, dedupeCrossings } from './band';
import { nearestZone } from './nearest';
import { polygonPasses } from './polygon';
import { routeFrame, type RouteFrame, type RouteInput } from './route-frame';
import { DEFAULT_BUFFER_M, DEFAULT_CORRIDOR_M, type LineCrossing, type ReviewOptions, type ReviewPass, type RouteReview, type ZoneCrossing } from './types';
import { CHUNK, PAD, pointAt, type OpenPass } from './walk';
import type { PreparedZones } from './zones';

/** Passes shorter than this (m) are touches, not passes. */
const MIN_PASS_M = 1e-3;
/** Degrees of latitude per metre, rounded up: the meridian degree is at least 110.57 km. */
const LAT_DEG_PER_M = 1 / 110_000;

export function reviewRoute(route: RouteInput, zones: PreparedZones, options: ReviewOptions = {}): RouteReview {
  const buffer_m = Math.max(0, options.buffer_m ?? DEFAULT_BUFFER_M);
  const corridor_m = Math.max(0, options.corridor_m ?? DEFAULT_CORRIDOR_M);
  const f = routeFrame(route);
  const review: RouteReview = { route_length_m: f.length_m, crossings: [], near: [], buffer_m, corridor_m };
  const pieces = f.len.length;
  if (!zones.index || pieces === 0) return review;

  const { zoneChunks, boxes } = candidateChunks(f, zones, Math.max(buffer_m, corridor_m));
  for (const [i, chunks] of zoneChunks) {
    const zone = zones.zones[i];
    const open: OpenPass[] = [];
    const lineCrossings: LineCrossing[] = [];
    if (zone.geometry === 'polygon') polygonPasses(zone, f, chunks, boxes, open);
    else bandPasses(zone, f, chunks, corridor_m, open, lineCrossings);
    const passes = open.filter((p) => p.to_m - p.from_m >= MIN_PASS_M).map((p) => closePass(f, p));
    if (passes.length > 0 || lineCrossings.length > 0) {
      const length_m = passes.reduce((s, p) => s + p.length_m, 0);
      const crossing: ZoneCrossing = {
        zone: zone.name,
        id: zone.id,
        ...(zone.code !== undefined ? { code: zone.code } : {}),
        kind: zone.kind,
        layer: zone.layer,
        geometry: zone.geometry,
        length_m,
        share: f.length_m > 0 ? length_m / f.length_m : 0,
        passes,
      };
      if (zone.geometry === 'line') crossing.line_crossings = dedupeCrossings(lineCrossings);
      review.crossings.push(crossing);
    } else {
      const near = nearestZone(zone, f, chunks, boxes, buffer_m);
      if (near) review.near.push(near);
    }
  }
  const firstKm = (c: ZoneCrossing) => c.passes[0]?.from_km ?? c.line_crossings?.[0]?.at_km ?? 0;
  review.crossings.sort((a, b) => firstKm(a) - firstKm(b) || a.zone.localeCompare(b.zone));
  review.near.sort((a, b) => a.distance_m - b.distance_m || a.at_km - b.at_km || a.zone.localeCompare(b.zone));
  return review;
}

/**
 * For each zone within `reach_m` of some chunk's box, the chunks concerned, in route order; and
 * the chunks' boxes (minX, minY, maxX, maxY of chunk c at 4c), which spare the zone walks most
 * per-piece tests.
 */
function candidateChunks(f: RouteFrame, zones: PreparedZones, reach_m: number): { zoneChunks: Map<number, number[]>; boxes: Float64Array } {
  const out = new Map<number, number[]>();
  const pieces = f.len.length;
  const boxes = new Float64Array(4 * Math.ceil(pieces / CHUNK));
  const index = zones.index;
  if (!index) return { zoneChunks: out, boxes };
  for (let c = 0; c * CHUNK < pieces; c++) {
    const j0 = c * CHUNK;
    const j1 = Math.min(pieces, j0 + CHUNK); // pieces j0 … j1 − 1, points j0 … j1
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let k = j0; k <= j1; k++) {
      const x = f.x[k];
      const y = f.y[k];
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    boxes[4 * c] = minX;
    boxes[4 * c + 1] = minY;
    boxes[4 * c + 2] = maxX;
    boxes[4 * c + 3] = maxY;
    // a degree of longitude is shortest at the latitude farthest from the equator
    const ex = (reach_m / metresPerDegree(Math.min(89, Math.max(Math.abs(minY), Math.abs(maxY)))).x) * 1.01 + PAD;
    const ey = reach_m * LAT_DEG_PER_M * 1.01 + PAD;
    index.search(minX - ex, minY - ey, maxX + ex, maxY + ey, (i) => {
      let list = out.get(i);
      if (!list) out.set(i, (list = []));
      list.push(c);
      return false;
    });
  }
  return { zoneChunks: out, boxes };
}

function closePass(f: RouteFrame, p: OpenPass): ReviewPass {
  return {
    from_km: p.from_m / 1000,
    to_km: p.to_m / 1000,
    length_m: p.to_m - p.from_m,
    entry: p.entry,
    exit: pointAt(f, p.exitPiece, p.exitT),
  };
}
