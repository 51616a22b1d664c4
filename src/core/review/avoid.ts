// Routing away from sensitive zones: how much of each network edge lies inside the zones, and the
// edge cost factors that make the router avoid them (src/core/graph/route.ts, RouteOptions.edgeCost).
//
// Cost model (the same for both settings, only the factor differs):
//   cost factor of edge e = default factor × (1 + (k − 1) × inside_e / length_e)
// i.e. each metre of an edge inside a zone costs k metres, each metre outside costs 1; an edge is
// penalised in proportion to its length inside, not as a whole, so a long path that clips a
// corner of a zone is not pushed away as if it ran through it. k ≥ 1 keeps every factor at least
// the default one, so the router's straight-line and landmark bounds stay admissible and exact.
//  - « pénaliser »: k is the user's factor (5 by default): a way through a zone is taken only if
//    the way round is more than k times as long as the stretch inside.
//  - « interdire »: k = FORBID_FACTOR (10⁶): one metre inside outweighs any detour on the basin's
//    network (its diameter is under 300 km), so the route stays out of the zones whenever a way
//    round exists, and otherwise goes through with as little inside as possible (the worker then
//    flags the leg).
// Only area zones count (polygons: protections, reservoirs, imported areas). Line zones (TVB
// corridors) stand for bands along paths; the embedded corridors are the cavaliers themselves,
// i.e. the network: avoiding them would mean avoiding every path. Corridors are reviewed, not avoided.
// Approximation: the first and last edge of a leg are travelled only in part; their penalty is
// spread evenly along them (the router prices a partial edge as its share of the whole edge).

import { defaultEdgeCost } from '../graph/cost';
import type { Graph } from '../graph/graph';
import { reviewRoute } from './crossings';
import { routeFrame } from './route-frame';
import type { RouteReview, ZoneCrossing } from './types';
import type { PreparedZones } from './zones';

/** The factor of « interdire »: see the file comment. */
export const FORBID_FACTOR = 1e6;
export const DEFAULT_AVOID_FACTOR = 5;

/**
 * Where each edge of the graph lies inside the polygon zones of `zones` (line zones are skipped):
 * for each edge with some length inside, its stretches as metres from the edge's start,
 * flattened [from₀, to₀, from₁, to₁, …], possibly overlapping where zones overlap (see mergeInside).
 */
export function edgeInsideIntervals(graph: Graph, zones: PreparedZones): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const index = zones.index;
  if (!index) return out;
  const isPolygon = (i: number) => zones.inputs[i].geometry === 'polygon';
  const { coords, edgeCoordStart } = graph;

  // edges whose box meets a polygon zone's box: the only ones that can be inside
  const candidates: number[] = [];
  for (let e = 0; e < graph.edgeCount; e++) {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let v = edgeCoordStart[e]; v < edgeCoordStart[e + 1]; v++) {
      const x = coords[2 * v];
      const y = coords[2 * v + 1];
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    if (index.search(minX, minY, maxX, maxY, isPolygon).length > 0) candidates.push(e);
  }
  if (candidates.length === 0) return out;

  // the candidate edges as the track segments of one route: one review walks them all
  const segments: [number, number][][] = candidates.map((e) => {
    const line: [number, number][] = [];
    for (let v = edgeCoordStart[e]; v < edgeCoordStart[e + 1]; v++) line.push([coords[2 * v], coords[2 * v + 1]]);
    return line;
  });
  const frame = routeFrame(segments);
  // where each segment starts and ends along the route (m): gaps between segments add nothing
  const starts = new Float64Array(segments.length);
  const ends = new Float64Array(segments.length);
  let point = 0;
  segments.forEach((s, k) => {
    starts[k] = frame.cum[point];
    ends[k] = frame.cum[point + s.length - 1];
    point += s.length;
  });

  const review = reviewRoute(segments, zones, { buffer_m: 0 });
  for (const c of review.crossings) {
    if (c.geometry !== 'polygon') continue;
    for (const p of c.passes) {
      const from = p.from_km * 1000;
      const to = p.to_km * 1000;
      // first segment ending after `from` (ends are non-decreasing)
      let lo = 0;
      let hi = segments.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (ends[mid] <= from) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < segments.length && starts[k] < to; k++) {
        const a = Math.max(from, starts[k]);
        const b = Math.min(to, ends[k]);
        if (b <= a) continue;
        const e = candidates[k];
        let list = out.get(e);
        if (!list) out.set(e, (list = []));
        list.push(a - starts[k], b - starts[k]);
      }
    }
  }
  return out;
}

/**
 * Metres of each edge inside at least one zone: the union of the stretches of every list
 * (layers overlap: a terril may be both a protected site and a TVB reservoir; it counts once).
 */
export function mergeInside(edgeCount: number, lists: readonly Map<number, number[]>[]): Float64Array {
  const inside = new Float64Array(edgeCount);
  const byEdge = new Map<number, number[]>();
  for (const list of lists)
    for (const [e, stretches] of list) {
      const all = byEdge.get(e);
      if (all) all.push(...stretches);
      else byEdge.set(e, stretches.slice());
    }
  for (const [e, flat] of byEdge) {
    const pairs: [number, number][] = [];
    for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i], flat[i + 1]]);
    pairs.sort((x, y) => x[0] - y[0]);
    let total = 0;
    let [a, b] = pairs[0];
    for (let i = 1; i < pairs.length; i++) {
      if (pairs[i][0] <= b) b = Math.max(b, pairs[i][1]);
      else {
        total += b - a;
        [a, b] = pairs[i];
      }
    }
    inside[e] = total + (b - a);
  }
  return inside;
}

/**
 * Cost factors of the graph's edges for the router: the default model, with each edge's share
 * inside zones (inside_m / length, capped at 1) priced `factor` times. A new array every call:
 * the router caches its bounds per array object (see RouteOptions.edgeCost), so callers keep the
 * array while the zones and the factor stay the same.
 */
export function avoidEdgeCost(graph: Graph, inside_m: Float64Array, factor: number): Float32Array {
  const cost = defaultEdgeCost(graph);
  const k = Math.max(1, factor);
  for (let e = 0; e < graph.edgeCount; e++) {
    const len = graph.edgeLength[e];
    if (!(inside_m[e] > 0) || !(len > 0)) continue;
    const share = Math.min(1, inside_m[e] / len);
    cost[e] *= 1 + (k - 1) * share;
  }
  return cost;
}

/** One zone's metres inside, with the route as routed without avoiding and as routed now. */
export interface ZoneChange {
  zone: string;
  id: string;
  kind: string;
  layer: string;
  before_m: number;
  after_m: number;
  /** after_m − before_m: negative where avoiding helped, positive where the detour goes deeper into a zone */
  change_m: number;
}

/**
 * Every zone either route enters, with its metres inside before (plain shortest paths) and after
 * (the avoid setting): avoiding one zone may take the route into another, or deeper into it, and
 * the table says so. Zones that got worse first (largest increase), then the others by gain.
 */
export function zoneChanges(before: RouteReview, after: RouteReview): ZoneChange[] {
  const rows = new Map<string, ZoneChange>();
  const row = (c: ZoneCrossing) => {
    const key = `${c.layer}\u0000${c.id}`;
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { zone: c.zone, id: c.id, kind: c.kind, layer: c.layer, before_m: 0, after_m: 0, change_m: 0 }));
    return r;
  };
  for (const c of before.crossings) row(c).before_m += c.length_m;
  for (const c of after.crossings) row(c).after_m += c.length_m;
  const out = [...rows.values()];
  for (const r of out) r.change_m = r.after_m - r.before_m;
  return out.sort((a, b) => b.change_m - a.change_m || a.zone.localeCompare(b.zone));
}
