// Where a route crosses other lines (roads, for the roadbook's « traversées de route »), by km.
// One flatbush index over the lines' segments, then an exact segment test in a local metric frame.
import Flatbush from 'flatbush';
import { cumulativeDistances, metresPerDegree } from '../geo/geodesic';
import type { Position } from '../types';

export interface CrossableLine {
  coords: readonly (readonly [number, number])[];
  name?: string;
}

export interface LineCrossing {
  km: number;
  name: string;
  at: [number, number];
}

/** Crossings of the same named line closer than this along the route are one crossing (a dual carriageway, a wiggle). */
const SAME_CROSSING_M = 40;

export function lineCrossings(route: readonly Position[], lines: readonly CrossableLine[], unnamed = 'Route'): LineCrossing[] {
  const segs: { line: number; i: number }[] = [];
  for (let l = 0; l < lines.length; l++) for (let i = 0; i + 1 < lines[l].coords.length; i++) segs.push({ line: l, i });
  if (segs.length === 0 || route.length < 2) return [];
  const index = new Flatbush(segs.length);
  for (const { line, i } of segs) {
    const [x1, y1] = lines[line].coords[i];
    const [x2, y2] = lines[line].coords[i + 1];
    index.add(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
  }
  index.finish();
  const cum = cumulativeDistances(route);
  const { x: mx, y: my } = metresPerDegree(route[0][1]);
  const found: LineCrossing[] = [];
  for (let r = 0; r + 1 < route.length; r++) {
    const [ax, ay] = route[r];
    const [bx, by] = route[r + 1];
    for (const s of index.search(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by))) {
      const { line, i } = segs[s];
      const [cx, cy] = lines[line].coords[i];
      const [dx, dy] = lines[line].coords[i + 1];
      const t = segmentParam(ax * mx, ay * my, bx * mx, by * my, cx * mx, cy * my, dx * mx, dy * my);
      if (t === null) continue;
      found.push({
        km: (cum[r] + t * (cum[r + 1] - cum[r])) / 1000,
        name: lines[line].name || unnamed,
        at: [ax + t * (bx - ax), ay + t * (by - ay)],
      });
    }
  }
  found.sort((p, q) => p.km - q.km);
  return found.filter((c, k) => !found.slice(0, k).some((p) => p.name === c.name && (c.km - p.km) * 1000 < SAME_CROSSING_M));
}

/** Parameter along AB where it crosses CD (both closed segments, not parallel), or null. */
function segmentParam(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): number | null {
  const den = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx);
  if (den === 0) return null;
  const t = ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / den;
  const u = ((cx - ax) * (by - ay) - (cy - ay) * (bx - ax)) / den;
  return t >= 0 && t <= 1 && u >= 0 && u <= 1 ? t : null;
}
