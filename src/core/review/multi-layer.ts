// One route against several layers of zones, each prepared on its own. The engine keeps one
// PreparedZones per layer so that adding, replacing or removing a layer rebuilds only that layer;
// the CLI reads one per --zones file. Both merge here, so a review across layers is the review
// of the zones prepared together: the same rows, in the order reviewRoute gives them.
//
// insideAreas is what « interdire » reports for a leg: a metre covered by two zones (a terril
// both protected and a TVB reservoir) counts once, so the stretches of every layer are unioned.

import { frameOf, routeFrame, type RouteFrame, type RouteInput } from './route-frame';
import { reviewRoute } from './crossings';
import type { ReviewOptions, RouteReview, ZoneCrossing } from './types';
import type { PreparedZones } from './zones';

export const EMPTY_ZONES: PreparedZones = { inputs: [], zones: [], index: null, issues: [] };

/** Less than this inside (m) is a touch of the boundary, not a way through. */
export const INSIDE_TOLERANCE_M = 0.5;

/**
 * The review of `route` against every layer, as one review (layers without zones add nothing).
 * The route is measured once for all of them (its frame, which the caller may have kept from the
 * route before an edit: see routeFrame).
 */
export function reviewAcrossLayers(route: RouteInput | RouteFrame, layers: readonly PreparedZones[], options: ReviewOptions = {}): RouteReview {
  const frame = frameOf(route);
  const parts = layers.filter((l) => l.index !== null).map((l) => reviewRoute(frame, l, options));
  return mergeReviews(parts, () => reviewRoute(frame, EMPTY_ZONES, options));
}

/**
 * Several reviews of one route as one. The sort is reviewRoute's own and stable, so ties keep the
 * layers' order as the one preparation would keep the zones' order.
 */
function mergeReviews(parts: readonly RouteReview[], empty: () => RouteReview): RouteReview {
  if (parts.length === 0) return empty();
  if (parts.length === 1) return parts[0];
  const review: RouteReview = { ...parts[0], crossings: parts.flatMap((p) => p.crossings), near: parts.flatMap((p) => p.near) };
  const firstKm = (c: ZoneCrossing) => c.passes[0]?.from_km ?? c.line_crossings?.[0]?.at_km ?? 0;
  review.crossings.sort((a, b) => firstKm(a) - firstKm(b) || a.zone.localeCompare(b.zone));
  review.near.sort((a, b) => a.distance_m - b.distance_m || a.at_km - b.at_km || a.zone.localeCompare(b.zone));
  return review;
}

export interface AreasInside {
  /** metres of the line inside at least one zone */
  inside_m: number;
  /** the zones entered (more than INSIDE_TOLERANCE_M inside), in the order first met */
  zones: string[];
  /** one of the line's ends lies inside: a control point in a zone */
  endInside: boolean;
}

/** How much of a line lies inside the area zones of `layers` (each metre once, however many zones cover it). */
export function insideAreas(coords: RouteInput, layers: readonly PreparedZones[]): AreasInside {
  const zones: string[] = [];
  const stretches: [number, number][] = [];
  let length_m = 0;
  const frame = routeFrame(coords);
  for (const l of layers) {
    const r = reviewRoute(frame, l, { buffer_m: 0 });
    length_m = r.route_length_m;
    for (const c of r.crossings) {
      if (c.length_m < INSIDE_TOLERANCE_M) continue;
      if (!zones.includes(c.zone)) zones.push(c.zone);
      for (const p of c.passes) stretches.push([p.from_km * 1000, p.to_km * 1000]);
    }
  }
  const endInside = stretches.some(([a, b]) => a <= INSIDE_TOLERANCE_M || b >= length_m - INSIDE_TOLERANCE_M);
  return { inside_m: unionLength(stretches), zones, endInside };
}

/** Total length of a union of intervals [from, to] (any order, overlaps counted once). */
export function unionLength(intervals: readonly (readonly [number, number])[]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of sorted) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}
