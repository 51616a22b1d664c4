// What the zone walks share: the route's chunks, and the passes being built as the route
// goes (a stretch inside a zone is added piece by piece and joined to the previous one when
// they meet).

import type { RouteFrame } from './route-frame';
import type { PreparedZone } from './zones';

/** Route pieces per zone-index query: large enough to amortise the query, small enough to prune well. */
export const CHUNK = 32;
/** Padding of boxes against rounding (degrees). */
export const PAD = 1e-9;
/** Pieces that meet within this (m) belong to the same pass. */
const JOIN_M = 1e-6;

/** A pass being built; its exit point is made only once it is closed. */
export interface OpenPass {
  from_m: number;
  to_m: number;
  entry: [number, number];
  exitPiece: number;
  exitT: number;
}

/** Adds the stretch u0…u1 of piece j to the passes, extending the last one when they meet. */
export function addPiece(f: RouteFrame, passes: OpenPass[], j: number, u0: number, u1: number): void {
  const d0 = f.cum[j] + u0 * f.len[j];
  const d1 = f.cum[j] + u1 * f.len[j];
  const last = passes[passes.length - 1];
  if (last && d0 - last.to_m <= JOIN_M) {
    if (d1 >= last.to_m) {
      last.to_m = d1;
      last.exitPiece = j;
      last.exitT = u1;
    }
    return;
  }
  passes.push({ from_m: d0, to_m: d1, entry: pointAt(f, j, u0), exitPiece: j, exitT: u1 });
}

export function pointAt(f: RouteFrame, j: number, t: number): [number, number] {
  return [f.x[j] + t * (f.x[j + 1] - f.x[j]), f.y[j] + t * (f.y[j + 1] - f.y[j])];
}

/** Does chunk c's box (minX, minY, maxX, maxY at 4c) meet the zone's box grown by pad? */
export function boxesMeet(boxes: Float64Array, c: number, zone: PreparedZone, pad: number): boolean {
  return !(boxes[4 * c + 2] < zone.minX - pad || boxes[4 * c] > zone.maxX + pad || boxes[4 * c + 3] < zone.minY - pad || boxes[4 * c + 1] > zone.maxY + pad);
}
