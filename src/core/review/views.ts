// What the map needs to show each row of a review: the lines of each pass (a pass spanning the
// jump between two track segments is two lines) and the shortest line from the route to each
// near zone, each with the box the map frames when the row is chosen.

import { bboxOf, type Bbox } from '../geo/bbox';
import { passLinesOfFrame } from './pass-line';
import { routeFrame, type RouteInput } from './route-frame';
import type { RouteReview } from './types';

export interface ReviewView {
  lines: [number, number][][];
  bbox: Bbox;
}

export interface ReviewViews {
  /** per crossing, per pass (same order as review.crossings[i].passes) */
  passViews: ReviewView[][];
  /** per near zone: the shortest line from the route to the zone */
  nearViews: ReviewView[];
}

const boxOf = (lines: [number, number][][]): Bbox => bboxOf(lines) ?? [0, 0, 0, 0];

export function reviewViews(route: RouteInput, review: RouteReview): ReviewViews {
  const frame = routeFrame(route);
  const passViews = review.crossings.map((c) =>
    c.passes.map((p) => {
      const lines = passLinesOfFrame(frame, p.from_km, p.to_km);
      // a pass too short to have a line of its own is framed by its entry and exit
      return { lines, bbox: boxOf(lines.length ? lines : [[p.entry, p.exit]]) };
    }),
  );
  const nearViews = review.near.map((n) => {
    const line: [number, number][] = [n.at, n.nearest];
    return { lines: [line], bbox: boxOf([line]) };
  });
  return { passViews, nearViews };
}
