// A route drawn from a list of points, as the page draws it: each point snapped to the network
// when a path lies within SNAP_RADIUS_M (a click farther away stays where it is), then one leg
// between consecutive points. `cavalier route` and the town-to-town benchmark use it; the page
// does the same through the engine (snap, then legs), which the CLI test checks.
import { positionsLength } from '../geo/geodesic';
import { nearestOnNetwork } from '../graph/nearest';
import { computeLeg, DETOUR_RATIO, SNAP_RADIUS_M, type Leg, type LegMode } from './leg';
import type { RoutingNetwork } from './network';

function snapPoint(net: RoutingNetwork | null, p: [number, number]): [number, number] {
  const s = net ? nearestOnNetwork(net.graph, net.index, p[0], p[1], SNAP_RADIUS_M) : null;
  return s ? [s.lon, s.lat] : p;
}

export function planRoute(
  net: RoutingNetwork | null,
  points: readonly [number, number][],
  mode: LegMode = 'network',
): { points: [number, number][]; legs: Leg[] } {
  const snapped = points.map((p) => snapPoint(net, p));
  const legs: Leg[] = [];
  for (let i = 0; i + 1 < snapped.length; i++) legs.push(computeLeg(net, snapped[i], snapped[i + 1], mode));
  return { points: snapped, legs };
}

interface LegFigures {
  length_m: number;
  /** crow-fly distance between the leg's two points */
  crow_m: number;
  /** drawn as a straight line: asked so, or the network could not route it (see fallback) */
  straight: boolean;
  fallback: Leg['fallback'] | null;
  /** network length over crow-fly distance, for a leg that followed the network; null otherwise */
  detour: number | null;
  /** detour above DETOUR_RATIO: the leg the page flags */
  flagged: boolean;
}

export interface RouteFigures {
  length_m: number;
  /** metres off the network: straight legs, and the joins from a point to the path it was snapped to */
  straight_m: number;
  legs: LegFigures[];
  /** metres per way type, as the stats panel's breakdown */
  ways: Record<string, number>;
}

/** The figures of a route's legs, as `cavalier route --json` prints them. */
export function routeFigures(legs: readonly Leg[]): RouteFigures {
  const ways: Record<string, number> = {};
  for (const leg of legs) for (const [k, v] of Object.entries(leg.ways)) if (v) ways[k] = (ways[k] ?? 0) + v;
  return {
    length_m: legs.reduce((m, l) => m + l.length_m, 0),
    straight_m: ways['off-network'] ?? 0,
    legs: legs.map((l) => ({
      length_m: l.length_m,
      crow_m: positionsLength([l.coords[0], l.coords[l.coords.length - 1]]),
      straight: l.mode === 'straight' || l.fallback !== undefined,
      fallback: l.fallback ?? null,
      detour: l.detour ?? null,
      flagged: l.detour !== undefined && l.detour > DETOUR_RATIO,
    })),
    ways,
  };
}
