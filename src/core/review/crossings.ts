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
// - A corridor line is often cut into pieces (the embedded corridors are the cavaliers, one
//   feature per stretch between two junctions, all named after the line): the line zones of a
//   layer that share a name are one corridor. A route along it is one crossing with its total
//   (the union of the pieces' bands, which overlap where two pieces meet), not one per piece; the
//   crossing keeps the first piece's id and lists every piece met in `pieces`. A corridor entered
//   is not also near, and a corridor near is listed once, at its nearest piece.
// - Kilometres run along the route; the jump between two track segments is not travelled and
//   adds nothing. Pass lengths are geodesic (the fraction of each piece's ellipsoidal length).
// - Geometry is read in plain longitude/latitude (straight edges in degrees, as GeoJSON and the
//   map draw them); only distances use a metric, the tangent plane at each piece (./planar.ts).

import { metresPerDegree } from '../geo/geodesic';
import { bandPasses, dedupeCrossings } from './band';
import { nearestZone } from './nearest';
import { polygonPasses } from './polygon';
import { frameOf, type RouteFrame, type RouteInput } from './route-frame';
import {
  DEFAULT_BUFFER_M,
  DEFAULT_CORRIDOR_M,
  type LineCrossing,
  type NearZone,
  type ReviewOptions,
  type ReviewPass,
  type RouteReview,
  type ZoneCrossing,
} from './types';
import { CHUNK, PAD, pointAt, type OpenPass } from './walk';
import { zoneAt, type PreparedZones } from './zones';

/** Passes shorter than this (m) are touches, not passes. */
const MIN_PASS_M = 1e-3;
/** Degrees of latitude per metre, rounded up: the meridian degree is at least 110.57 km. */
const LAT_DEG_PER_M = 1 / 110_000;

/** `route` may be its frame already (routeFrame): one frame serves every layer of a review. */
export function reviewRoute(route: RouteInput | RouteFrame, zones: PreparedZones, options: ReviewOptions = {}): RouteReview {
  const buffer_m = Math.max(0, options.buffer_m ?? DEFAULT_BUFFER_M);
  const corridor_m = Math.max(0, options.corridor_m ?? DEFAULT_CORRIDOR_M);
  const f = frameOf(route);
  const review: RouteReview = { route_length_m: f.length_m, crossings: [], near: [], buffer_m, corridor_m };
  const pieces = f.len.length;
  if (!zones.index || pieces === 0) return review;

  const { zoneChunks, boxes } = candidateChunks(f, zones, Math.max(buffer_m, corridor_m));
  for (const [i, chunks] of zoneChunks) {
    const zone = zoneAt(zones, i);
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
      if (zone.season) crossing.season = zone.season;
      if (zone.geometry === 'line') crossing.line_crossings = dedupeCrossings(lineCrossings);
      review.crossings.push(crossing);
    } else {
      const near = nearestZone(zone, f, chunks, boxes, buffer_m);
      if (near) review.near.push(near);
    }
  }
  mergeLinePieces(review);
  const firstKm = (c: ZoneCrossing) => c.passes[0]?.from_km ?? c.line_crossings?.[0]?.at_km ?? 0;
  review.crossings.sort((a, b) => firstKm(a) - firstKm(b) || a.zone.localeCompare(b.zone));
  review.near.sort((a, b) => a.distance_m - b.distance_m || a.at_km - b.at_km || a.zone.localeCompare(b.zone));
  return review;
}

const lineKey = (z: { layer: string; zone: string }) => `${z.layer}\u0000${z.zone}`;

/** The pieces of one corridor line (line zones of a layer sharing a name) as one crossing, or one near zone (see the file comment). */
function mergeLinePieces(review: RouteReview): void {
  const byLine = new Map<string, ZoneCrossing[]>();
  for (const c of review.crossings) {
    if (c.geometry !== 'line') continue;
    const key = lineKey(c);
    const list = byLine.get(key);
    if (list) list.push(c);
    else byLine.set(key, [c]);
  }
  const merged = new Map<ZoneCrossing, ZoneCrossing | null>();
  for (const list of byLine.values()) {
    if (list.length === 1) continue;
    list.sort(
      (a, b) =>
        (a.passes[0]?.from_km ?? Infinity) - (b.passes[0]?.from_km ?? Infinity) || (a.line_crossings?.[0]?.at_km ?? 0) - (b.line_crossings?.[0]?.at_km ?? 0),
    );
    const passes = unionPasses(list.flatMap((c) => c.passes));
    const length_m = passes.reduce((s, p) => s + p.length_m, 0);
    const total = review.route_length_m;
    const one: ZoneCrossing = {
      ...list[0],
      length_m,
      share: total > 0 ? length_m / total : 0,
      passes,
      line_crossings: dedupeCrossings(list.flatMap((c) => c.line_crossings ?? [])),
      pieces: list.map((c) => c.id),
    };
    merged.set(list[0], one);
    for (const c of list.slice(1)) merged.set(c, null);
  }
  if (merged.size > 0) review.crossings = review.crossings.flatMap((c) => (merged.has(c) ? (merged.get(c) ? [merged.get(c) as ZoneCrossing] : []) : [c]));
  // a corridor entered is not near; a corridor near once, at its nearest piece
  const nearest = new Map<string, NearZone>();
  for (const n of review.near) {
    if (n.geometry !== 'line') continue;
    const best = nearest.get(lineKey(n));
    if (!best || n.distance_m < best.distance_m || (n.distance_m === best.distance_m && n.at_km < best.at_km)) nearest.set(lineKey(n), n);
  }
  review.near = review.near.filter((n) => n.geometry !== 'line' || (!byLine.has(lineKey(n)) && nearest.get(lineKey(n)) === n));
}

/** Passes of several pieces as the passes of their union, in route order (bands of two pieces overlap where they meet). */
function unionPasses(list: ReviewPass[]): ReviewPass[] {
  const sorted = [...list].sort((a, b) => a.from_km - b.from_km);
  const out: ReviewPass[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    // touching within a millimetre: one stretch (the pieces' bands are closed and meet end to end)
    if (last && p.from_km <= last.to_km + 1e-6) {
      if (p.to_km > last.to_km) {
        last.to_km = p.to_km;
        last.exit = p.exit;
        last.length_m = (last.to_km - last.from_km) * 1000;
      }
    } else out.push({ ...p });
  }
  return out;
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
