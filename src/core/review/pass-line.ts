// The stretch of a route between two kilometres, as a line: a pass to highlight on the map or
// to write out (`cavalier review --geojson`). Same distances as the review (./route-frame.ts), so
// a pass's line starts at its entry point and ends at its exit. A stretch across the jump between
// two track segments comes back as two lines, the jump not being travelled.

import { routeFrame, type RouteFrame, type RouteInput } from './route-frame';

export function passLines(route: RouteInput, from_km: number, to_km: number): [number, number][][] {
  return passLinesOfFrame(routeFrame(route), from_km, to_km);
}

/** Same, on a route already framed: several passes of one route cost one frame. */
export function passLinesOfFrame(f: RouteFrame, from_km: number, to_km: number): [number, number][][] {
  const from = from_km * 1000;
  const to = to_km * 1000;
  const lines: [number, number][][] = [];
  let current: [number, number][] = [];
  const at = (j: number, t: number): [number, number] => [f.x[j] + t * (f.x[j + 1] - f.x[j]), f.y[j] + t * (f.y[j + 1] - f.y[j])];
  for (let j = 0; j < f.len.length; j++) {
    const d0 = f.cum[j];
    const d1 = f.cum[j + 1];
    if (f.gap[j]) {
      if (current.length >= 2) lines.push(current);
      current = [];
      continue;
    }
    if (d1 <= from || d0 >= to || f.len[j] === 0) continue;
    const t0 = Math.max(0, (from - d0) / f.len[j]);
    const t1 = Math.min(1, (to - d0) / f.len[j]);
    if (current.length === 0) current.push(at(j, t0));
    current.push(at(j, t1));
  }
  if (current.length >= 2) lines.push(current);
  return lines;
}
