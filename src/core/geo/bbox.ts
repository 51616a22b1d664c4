// Bounding box of a set of lines, to frame an imported track on the map.
import type { Position } from '../types';

export type Bbox = [west: number, south: number, east: number, north: number];

export function bboxOf(segments: readonly (readonly Position[])[]): Bbox | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const seg of segments)
    for (const p of seg) {
      if (p[0] < w) w = p[0];
      if (p[0] > e) e = p[0];
      if (p[1] < s) s = p[1];
      if (p[1] > n) n = p[1];
    }
  return w <= e ? [w, s, e, n] : null;
}
