// A route as the review walks it: all track segments end to end in typed arrays, with the
// geodesic length of every piece and the distance from the start at every point. The jump from
// one track segment to the next is kept as a "gap" piece of length 0: it is not travelled (as in
// `cavalier stats`), so kilometres do not advance over it and nothing is counted on it.

import { pieceLengthsInto } from '../geo/geodesic';
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

/** The frame of a route given as points, or the frame itself when it is one already (one frame serves several layers). */
export const frameOf = (route: RouteInput | RouteFrame): RouteFrame => (Array.isArray(route) ? routeFrame(route as RouteInput) : (route as RouteFrame));

/**
 * The frame of `route`. With `previous`, the frame of the route before an edit (the engine keeps
 * it): the points both share at the start and at the end keep their pieces' lengths, and only
 * the stretch between is measured again, so an edit of a few kilometres on a 200 km route does
 * not re-measure its 20,000 pieces. Same figures as without (within the float sums).
 */
export function routeFrame(route: RouteInput, previous?: RouteFrame): RouteFrame {
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
    if (i > 0 && s.length > 0) gap[i - 1] = 1; // the jump from the segment before: len stays 0
    for (let k = 0; k < s.length; k++, i++) {
      x[i] = s[k][0];
      y[i] = s[k][1];
    }
  }
  const pieces = len.length;
  // pieces lo … hi − 1 are measured; those before lo and from hi on are the previous frame's
  let lo = 0;
  let hi = pieces;
  if (previous && previous.len.length > 0 && pieces > 0) {
    const { x: px, y: py, gap: pg } = previous;
    const m = px.length;
    let p = 0; // points shared at the start
    while (p < n && p < m && x[p] === px[p] && y[p] === py[p] && (p === 0 || gap[p - 1] === pg[p - 1])) p++;
    let q = 0; // points shared at the end, not overlapping the start's
    for (let a = n - 1, b = m - 1; q < n - p && q < m - p; q++, a--, b--) if (x[a] !== px[b] || y[a] !== py[b] || (q > 0 && gap[a] !== pg[b])) break;
    lo = Math.max(0, p - 1);
    hi = Math.min(pieces, Math.max(lo, n - q));
    len.set(previous.len.subarray(0, lo));
    if (hi < pieces) len.set(previous.len.subarray(previous.len.length - (pieces - hi)), hi);
    cum.set(previous.cum.subarray(0, lo + 1)); // the start's distances are the previous frame's
  }
  // the pieces to measure, a track segment at a time (a gap piece stays 0)
  let from = lo;
  for (let j = lo; j <= hi; j++) {
    if (j === hi || gap[j]) {
      if (j > from) pieceLengthsInto(x, y, from, j + 1, len);
      from = j + 1;
    }
  }
  for (let j = lo; j < pieces; j++) cum[j + 1] = cum[j] + len[j];
  return { x, y, len, cum, gap, length_m: n > 0 ? cum[n - 1] : 0 };
}
