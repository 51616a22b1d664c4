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
  /**
   * A leg that followed the network: its length over the crow-fly distance between its two points
   * (1 on a straight path). Absent on straight legs and fallbacks. See isDetour.
   */
  detour?: number;
  /** why a routing provider could not route this leg (shown to the user once) */
  problem?: GeoError;
  /**
   * Avoid mode « interdire » (workers/review-engine.ts): no way round the sensitive zones exists
   * for this leg, or one of its points is inside one (endInside), so it goes through them: metres inside, zones' names.
   */
  unavoidable?: { inside_m: number; zones: string[]; endInside: boolean };
}

/**
 * A network leg longer than this many times its crow-fly distance is flagged (« détour ×2,8 »):
 * the known paths go round something (a motorway, a canal, a missing link) that the organiser
 * should check on the ground, or draw straight.
 */
export const DETOUR_RATIO = 2;

/** The ratio of a network leg's length to its crow-fly distance; undefined when it is not meaningful (points a few metres apart). */
function detourRatio(from: [number, number], to: [number, number], length_m: number): number | undefined {
  const crow = positionsLength([from, to]);
  // below 50 m, snapping to the nearest path alone can double a leg: no flag there
  return crow >= 50 ? length_m / crow : undefined;
}

export const isDetour = (leg: Pick<Leg, 'detour'>): boolean => leg.detour !== undefined && leg.detour > DETOUR_RATIO;

/** The leg with its detour ratio set (routing providers other than the graph build their legs themselves). */
export function withDetour(leg: Leg, from: [number, number], to: [number, number]): Leg {
  if (leg.mode !== 'network' || leg.fallback !== undefined) return leg;
  const detour = detourRatio(from, to, leg.length_m);
  return detour === undefined ? leg : { ...leg, detour };
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
  const detour = detourRatio(from, to, length_m);
  return detour === undefined ? { coords, mode, length_m, ways } : { coords, mode, length_m, ways, detour };
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
