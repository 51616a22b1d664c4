// The competent peer of the review rows (issue 15): what an engineer writes with the usual tools,
// flatbush over the zones' boxes and turf on each candidate.
//
// - prepare (once per layer, kept while the route is edited): a turf polygon per zone, its rings
//   as turf lines (for the distances), its turf.bbox, one flatbush over the boxes.
// - review: the route in chunks of CHUNK segments, one flatbush query per chunk with its box grown
//   by the near distance, which gives each zone the chunks that may concern it (the same pruning
//   as Cavalier's, so that the two sides differ only in what they do per candidate).
//   Crossing: each run of consecutive chunks whose box meets the zone's box, as one line, is cut
//   by turf.lineSplit at the polygon's boundary; a piece whose first segment's midpoint is in the
//   polygon (turf.booleanPointInPolygon) is inside and counts its turf.length.
//   Near (a zone not entered): the exact shortest distance between the route and the rings with
//   turf.pointToLineDistance (two polylines that do not cross are nearest at a vertex of one of
//   them), over the pairs of a route segment and a ring edge nearest first, every pair whose box
//   gap is already beyond the best distance skipped (see nearDistance).
//
// The distances use turf's default method, geodesic (exact on the sphere): its 'planar' method,
// 2.4 times faster here, finds the foot of the perpendicular in degrees of longitude and
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
import type { Feature, LineString, Polygon } from 'geojson';
import type { ZoneInput } from '../../src/core/review';
import type { Position } from '../../src/core/types';

const CHUNK = 32;

interface PeerZone {
  id: string;
  poly: Feature<Polygon>;
  rings: Feature<LineString>[];
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
    return { id: z.id, poly, rings: z.parts.map((ring) => lineString(ring)), box: turfBbox(poly) };
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
    const d = nearDistance(route, chunks, zone, buffer_m);
    if (d < buffer_m) near.set(zone.id, d);
  }
  return { crossed, near };
}

/** Metres per degree of longitude and of latitude at `lat`, less 1 %: box gaps from them are lower bounds. */
function lowScale(lat: number): [number, number] {
  return [111_320 * Math.cos((lat * Math.PI) / 180) * 0.99, 110_574 * 0.99];
}

/**
 * The shortest distance (m) from the route to the zone's boundary, when under `buffer_m`
 * (Infinity otherwise): for each pair of a route segment and a ring edge, turf.pointToLineDistance
 * from each end of one to the other; the route's segments taken nearest first by the gap between
 * their box and the zone's (in metres, a lower bound), and every segment or edge whose box gap
 * reaches the best distance so far skipped.
 */
function nearDistance(route: readonly Position[], chunks: readonly number[], zone: PeerZone, buffer_m: number): number {
  const segments = route.length - 1;
  const [mx, my] = lowScale(Math.max(Math.abs(zone.box[1]), Math.abs(zone.box[3])));
  const gap = (a: ArrayLike<number>, b: ArrayLike<number>) => {
    const gx = Math.max(0, a[0] - b[2], b[0] - a[2]) * mx;
    const gy = Math.max(0, a[1] - b[3], b[1] - a[3]) * my;
    return Math.sqrt(gx * gx + gy * gy);
  };
  const segBox = (p: readonly number[], q: readonly number[]) => [Math.min(p[0], q[0]), Math.min(p[1], q[1]), Math.max(p[0], q[0]), Math.max(p[1], q[1])];
  const edges: number[][][] = [];
  for (const ring of zone.poly.geometry.coordinates) for (let k = 0; k + 1 < ring.length; k++) edges.push([ring[k], ring[k + 1]]);
  const edgeBoxes = edges.map(([a, b]) => segBox(a, b));
  // the route's segments within the near distance of the zone's box, nearest first
  const close: { j: number; g: number; box: number[] }[] = [];
  for (const c of chunks)
    for (let j = c * CHUNK; j < Math.min(segments, (c + 1) * CHUNK); j++) {
      const box = segBox(route[j], route[j + 1]);
      const g = gap(box, zone.box);
      if (g < buffer_m) close.push({ j, g, box });
    }
  close.sort((a, b) => a.g - b.g);
  let best = buffer_m;
  for (const { j, g, box } of close) {
    if (g >= best) break;
    const seg = lineString([route[j] as number[], route[j + 1] as number[]]);
    for (let e = 0; e < edges.length; e++) {
      if (gap(box, edgeBoxes[e]) >= best) continue;
      const edge = lineString(edges[e]);
      // two segments that do not cross are nearest at one of their four ends; the far ends are
      // the near ends of the next segment and the next edge (rings are closed), met before the
      // box gaps pass that distance, save the route's last point
      best = Math.min(
        best,
        pointToLineDistance(point(route[j] as number[]), edge, { units: 'meters' }),
        pointToLineDistance(point(edges[e][0]), seg, { units: 'meters' }),
        j + 1 === segments ? pointToLineDistance(point(route[j + 1] as number[]), edge, { units: 'meters' }) : Infinity,
      );
    }
  }
  return best < buffer_m ? best : Infinity;
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
