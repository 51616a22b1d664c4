// The competent peer of the review rows (issue 15): what an engineer writes with the usual tools,
// flatbush over the zones' boxes and turf on each candidate.
//
// - prepare (once per layer, kept while the route is edited): a turf polygon per zone, its
//   turf.bbox, one flatbush over the boxes.
// - review: the route in chunks of CHUNK segments, one flatbush query per chunk with its box grown
//   by the near distance, which gives each zone the chunks that may concern it (the same pruning
//   as Cavalier's, so that the two sides differ only in what they do per candidate).
//   Crossing: each run of consecutive chunks whose box meets the zone's box, as one line, is cut
//   by turf.lineSplit at the polygon's boundary; a piece whose first segment's midpoint is in the
//   polygon (turf.booleanPointInPolygon) is inside and counts its turf.length.
//   Near (a zone not entered): the route's segments in a flatbush (built once per review, in a
//   plane scaled to metres); each ring vertex asks it for its nearest segments (`neighbors`), and
//   the route's vertices near the zone (`search`) are measured to the ring's edges; two polylines
//   that do not cross are nearest at a vertex of one of them. The nearest pair found in the plane
//   is measured exactly by turf.pointToLineDistance (see nearDistance).
//
// The final distance uses turf's default method, geodesic (exact on the sphere): its 'planar'
// method finds the foot of the perpendicular in degrees of longitude and
// latitude, which at 50° N put near distances off by up to 1.2 % on this bench (17.67 m for
// 17.05 m), outside the tolerance the answers are compared with.
//
// turf measures on the sphere (haversine for lengths, great circles for distances); Cavalier on
// the ellipsoid (lengths) and on the tangent plane (distances): the bench compares them within a
// tolerance that covers the sphere's 0.3 % at this latitude.
import {
  bbox as turfBbox,
  booleanPointInPolygon,
  length as turfLength,
  lineSplit,
  lineString,
  point,
  pointToLineDistance,
  polygon as turfPolygon,
} from '@turf/turf';
import Flatbush from 'flatbush';
import type { Feature, Polygon } from 'geojson';
import type { ZoneInput } from '../../src/core/review';
import type { Position } from '../../src/core/types';

const CHUNK = 32;

interface PeerZone {
  id: string;
  poly: Feature<Polygon>;
  box: number[];
}

export interface PeerZones {
  zones: PeerZone[];
  index: Flatbush;
}

export interface PeerReview {
  /** zone id → metres inside */
  crossed: Map<string, number>;
  /** zone id → shortest distance (m), for the zones not entered within the near distance */
  near: Map<string, number>;
}

export function peerPrepare(inputs: readonly ZoneInput[]): PeerZones {
  const zones = inputs.map((z): PeerZone => {
    const poly = turfPolygon(z.parts);
    return { id: z.id, poly, box: turfBbox(poly) };
  });
  const index = new Flatbush(zones.length);
  for (const z of zones) index.add(z.box[0], z.box[1], z.box[2], z.box[3]);
  index.finish();
  return { zones, index };
}

/** Degrees of longitude and latitude that are at least `m` metres at latitudes up to `lat`. */
function degreesFor(m: number, lat: number): [number, number] {
  return [(m / (111_320 * Math.cos((lat * Math.PI) / 180))) * 1.01, (m / 110_574) * 1.01];
}

const meets = (a: ArrayLike<number>, b: ArrayLike<number>, ex = 0, ey = 0) => !(a[2] + ex < b[0] || a[0] - ex > b[2] || a[3] + ey < b[1] || a[1] - ey > b[3]);

export function peerReview(route: readonly Position[], zones: PeerZones, buffer_m = 500): PeerReview {
  const segments = route.length - 1;
  const chunkCount = Math.ceil(segments / CHUNK);
  const boxes: number[][] = [];
  const zoneChunks = new Map<number, number[]>();
  for (let c = 0; c < chunkCount; c++) {
    const b = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = c * CHUNK; i <= Math.min(segments, (c + 1) * CHUNK); i++) {
      const [x, y] = route[i];
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], y);
    }
    boxes.push(b);
    const [ex, ey] = degreesFor(buffer_m, Math.max(Math.abs(b[1]), Math.abs(b[3])));
    for (const i of zones.index.search(b[0] - ex, b[1] - ey, b[2] + ex, b[3] + ey)) {
      const list = zoneChunks.get(i);
      if (list) list.push(c);
      else zoneChunks.set(i, [c]);
    }
  }

  const crossed = new Map<string, number>();
  const near = new Map<string, number>();
  let ri: RouteIndex | null = null;
  for (const [i, chunks] of zoneChunks) {
    const zone = zones.zones[i];
    let inside = 0;
    for (const [c0, c1] of runs(chunks.filter((c) => meets(boxes[c], zone.box)))) {
      const line = lineString(route.slice(c0 * CHUNK, Math.min(segments, c1 * CHUNK) + 1) as number[][]);
      for (const piece of lineSplit(line, zone.poly).features) {
        const [a, b] = piece.geometry.coordinates;
        if (booleanPointInPolygon([(a[0] + b[0]) / 2, (a[1] + b[1]) / 2], zone.poly)) inside += turfLength(piece, { units: 'meters' });
      }
    }
    if (inside > 0) {
      crossed.set(zone.id, inside);
      continue;
    }
    if (buffer_m <= 0) continue;
    ri ??= routeIndex(route);
    const d = nearDistance(route, ri, zone, buffer_m);
    if (d < buffer_m) near.set(zone.id, d);
  }
  return { crossed, near };
}

/**
 * The route's segments in a flatbush, in a plane scaled to metres at the route's first latitude
 * (x · 111,320 · cos(lat₀), y · 110,574): built once per review, only when some zone is to be
 * measured for the near list.
 */
interface RouteIndex {
  index: Flatbush;
  /** the route's points in the scaled plane, interleaved x, y */
  xy: Float64Array;
  kx: number;
  ky: number;
}

function routeIndex(route: readonly Position[]): RouteIndex {
  const kx = 111_320 * Math.cos((route[0][1] * Math.PI) / 180);
  const ky = 110_574;
  const xy = new Float64Array(2 * route.length);
  for (let i = 0; i < route.length; i++) {
    xy[2 * i] = route[i][0] * kx;
    xy[2 * i + 1] = route[i][1] * ky;
  }
  const index = new Flatbush(route.length - 1);
  for (let j = 0; j + 1 < route.length; j++) {
    const ax = xy[2 * j];
    const ay = xy[2 * j + 1];
    const bx = xy[2 * j + 2];
    const by = xy[2 * j + 3];
    index.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
  }
  index.finish();
  return { index, xy, kx, ky };
}

/** Squared distance from (px, py) to the segment (ax, ay)–(bx, by), in the plane. */
function pointSegment2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const l2 = dx * dx + dy * dy;
  const t = l2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / l2)) : 0;
  const ex = ax + t * dx - px;
  const ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

/** The plane's scale drifts from the zone's by well under 1 % over the area: a slack for the search. */
const SLACK = 1.02;

/**
 * The shortest distance (m) from the route to the zone's boundary, when under `buffer_m`
 * (Infinity otherwise). Two polylines that do not cross are nearest at a vertex of one of them:
 * - each ring vertex asks the route's index for its nearest segments (flatbush `neighbors`, by
 *   box distance, K at a time until the K-th box is farther than the best segment found);
 * - each route vertex within that distance of the zone's box (a flatbush `search`) is measured to
 *   the ring's edges.
 * All of it in the scaled plane; turf.pointToLineDistance (geodesic) gives the exact figure for
 * the nearest pair only.
 */
function nearDistance(route: readonly Position[], ri: RouteIndex, zone: PeerZone, buffer_m: number): number {
  const { index, xy, kx, ky } = ri;
  const reach = buffer_m * SLACK;
  let best2 = reach * reach;
  let bestPoint: number[] | null = null;
  let bestLine: number[][] = [];
  for (const ring of zone.poly.geometry.coordinates) {
    for (let k = 0; k + 1 < ring.length; k++) {
      const px = ring[k][0] * kx;
      const py = ring[k][1] * ky;
      for (let K = 4; ; K *= 4) {
        const found = index.neighbors(px, py, K, Math.sqrt(best2));
        for (const j of found) {
          const d2 = pointSegment2(px, py, xy[2 * j], xy[2 * j + 1], xy[2 * j + 2], xy[2 * j + 3]);
          if (d2 < best2) {
            best2 = d2;
            bestPoint = ring[k];
            bestLine = [route[j] as number[], route[j + 1] as number[]];
          }
        }
        if (found.length < K) break;
        // the K-th box's distance bounds every segment not returned
        const j = found[K - 1];
        const gx = Math.max(0, Math.min(xy[2 * j], xy[2 * j + 2]) - px, px - Math.max(xy[2 * j], xy[2 * j + 2]));
        const gy = Math.max(0, Math.min(xy[2 * j + 1], xy[2 * j + 3]) - py, py - Math.max(xy[2 * j + 1], xy[2 * j + 3]));
        if (gx * gx + gy * gy >= best2) break;
      }
    }
  }
  // the route's vertices near the zone, to the ring's edges
  const e = Math.sqrt(best2);
  const x0 = zone.box[0] * kx - e;
  const y0 = zone.box[1] * ky - e;
  const x1 = zone.box[2] * kx + e;
  const y1 = zone.box[3] * ky + e;
  for (const j of index.search(x0, y0, x1, y1)) {
    for (const v of [j, j + 1]) {
      const px = xy[2 * v];
      const py = xy[2 * v + 1];
      if (px < x0 || px > x1 || py < y0 || py > y1) continue;
      for (const ring of zone.poly.geometry.coordinates)
        for (let k = 0; k + 1 < ring.length; k++) {
          const d2 = pointSegment2(px, py, ring[k][0] * kx, ring[k][1] * ky, ring[k + 1][0] * kx, ring[k + 1][1] * ky);
          if (d2 < best2) {
            best2 = d2;
            bestPoint = route[v] as number[];
            bestLine = [ring[k], ring[k + 1]];
          }
        }
    }
  }
  if (!bestPoint) return Infinity;
  const d = pointToLineDistance(point(bestPoint), lineString(bestLine), { units: 'meters' });
  return d < buffer_m ? d : Infinity;
}

/** Sorted integers as runs [first, last + 1) of consecutive values. */
function runs(sorted: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] === v) last[1] = v + 1;
    else out.push([v, v + 1]);
  }
  return out;
}
