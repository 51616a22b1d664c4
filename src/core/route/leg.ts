// One leg of a drawn route: the path between two consecutive control points.
import type { GeoError } from '../errors';
import { positionsLength } from '../geo/geodesic';
import { edgeKindName, type EdgeKindName } from '../graph/graph';
import type { RouteOptions } from '../graph/route';
import { nearestOnNetwork } from '../graph/nearest';
import type { RoutingNetwork } from './network';

export type LegMode = 'network' | 'straight';

/** A leg to compute: two control points and how to join them (the page, the worker and the cache all speak of legs so). */
export interface LegRequest {
  from: [number, number];
  to: [number, number];
  mode: LegMode;
}

export interface Leg {
  coords: [number, number][];
  mode: LegMode;
  /**
   * Set when a 'network' leg could not follow the network and was drawn straight instead:
   * 'no-path' (the two points are on unconnected pieces) or 'off-network' (a point is too far from any path).
   */
  fallback?: 'no-path' | 'off-network';
  length_m: number;
  /** way types used, in metres (a straight leg counts as 'off-network') */
  ways: Partial<Record<EdgeKindName | 'off-network', number>>;
  /** why a routing provider could not route this leg (shown to the user once) */
  problem?: GeoError;
  /**
   * Avoid mode « interdire » (workers/review-engine.ts): no way round the sensitive zones exists
   * for this leg, or one of its points is inside one (endInside), so it goes through them: metres inside, zones' names.
   */
  unavoidable?: { inside_m: number; zones: string[]; endInside: boolean };
}

/** How far from a path a control point may be for the leg to start or end on that path (m). */
export const SNAP_RADIUS_M = 300;

export function straightLeg(from: [number, number], to: [number, number], mode: LegMode, fallback?: Leg['fallback']): Leg {
  const coords: [number, number][] = [from, to];
  const length_m = positionsLength(coords);
  return { coords, mode, ...(fallback ? { fallback } : {}), length_m, ways: { 'off-network': length_m } };
}

/** `options.edgeCost`: cost factors per edge (e.g. sensitive zones avoided, src/core/review/avoid.ts). */
export function computeLeg(net: RoutingNetwork | null, from: [number, number], to: [number, number], mode: LegMode, options: RouteOptions = {}): Leg {
  if (mode === 'straight') return straightLeg(from, to, mode);
  if (!net) return straightLeg(from, to, mode, 'off-network');
  const a = nearestOnNetwork(net.graph, net.index, from[0], from[1], SNAP_RADIUS_M);
  const b = nearestOnNetwork(net.graph, net.index, to[0], to[1], SNAP_RADIUS_M);
  if (!a || !b) return straightLeg(from, to, mode, 'off-network');
  const path = net.router.route(a, b, options);
  if (!path) return straightLeg(from, to, mode, 'no-path');
  // the control points are normally on the network already; if not, join them to it straight
  const coords = path.coords.slice();
  if (a.distance_m > 0.01) coords.unshift(from);
  if (b.distance_m > 0.01) coords.push(to);
  const ways: Leg['ways'] = {};
  path.edges.forEach((e, i) => {
    const k = edgeKindName(net.graph.edgeKind[e]);
    ways[k] = (ways[k] ?? 0) + path.edgeMetres[i];
  });
  const length_m = positionsLength(coords);
  if (length_m > path.length_m) ways['off-network'] = length_m - path.length_m;
  return { coords, mode, length_m, ways };
}

/** The legs of a route as one line (each leg starts where the previous one ends: the shared point is kept once). */
export function joinLegs(legs: readonly Leg[]): [number, number][] {
  const coords: [number, number][] = [];
  for (const leg of legs)
    for (const c of leg.coords) {
      const last = coords[coords.length - 1];
      if (!last || last[0] !== c[0] || last[1] !== c[1]) coords.push(c);
    }
  return coords;
}
