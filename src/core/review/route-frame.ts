// A route as the review walks it: all track segments end to end in typed arrays, with the
// geodesic length of every piece and the distance from the start at every point. The jump from
// one track segment to the next is kept as a "gap" piece of length 0: it is not travelled (as in
// `cavalier stats`), so kilometres do not advance over it and nothing is counted on it.

import { segmentLength } from '../geo/geodesic';
import type { Position } from '../types';

export interface RouteFrame {
  /** longitudes and latitudes of every point */
  x: Float64Array;
  y: Float64Array;
  /** piece j joins point j to point j + 1; its geodesic length (m), 0 for a gap */
  len: Float64Array;
  /** distance from the start at each point (m) */
  cum: Float64Array;
  /** 1 where piece j is the jump between two track segments */
  gap: Uint8Array;
  length_m: number;
}

/** One line, or a track's segments (Track.segments). */
export type RouteInput = readonly Position[] | readonly (readonly Position[])[];

// a Position starts with a number; a segment list starts with a segment (perhaps an empty one)
const isSegmentList = (route: RouteInput): route is readonly (readonly Position[])[] => route.length > 0 && typeof route[0][0] !== 'number';

export function routeFrame(route: RouteInput): RouteFrame {
  const segments: readonly (readonly Position[])[] = isSegmentList(route) ? route : [route as readonly Position[]];
  let n = 0;
  for (const s of segments) n += s.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const len = new Float64Array(Math.max(n - 1, 0));
  const cum = new Float64Array(n);
  const gap = new Uint8Array(Math.max(n - 1, 0));
  let i = 0;
  for (const s of segments) {
    for (let k = 0; k < s.length; k++) {
      x[i] = s[k][0];
      y[i] = s[k][1];
      if (i > 0) {
        if (k === 0) {
          gap[i - 1] = 1;
          cum[i] = cum[i - 1];
        } else {
          const l = segmentLength(x[i - 1], y[i - 1], x[i], y[i]);
          len[i - 1] = l;
          cum[i] = cum[i - 1] + l;
        }
      }
      i++;
    }
  }
  return { x, y, len, cum, gap, length_m: n > 0 ? cum[n - 1] : 0 };
}
