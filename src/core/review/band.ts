// Line zones (TVB corridors): the stretches of the route within corridor_m of the line, and the
// points where the route crosses the line itself.

import { metresPerDegree } from '../geo/geodesic';
import { edgesInBox } from './edges';
import { capsuleInterval, type Interval } from './planar';
import type { RouteFrame } from './route-frame';
import type { LineCrossing } from './types';
import { addPiece, CHUNK, PAD, pointAt, type OpenPass } from './walk';
import type { PreparedZone } from './zones';

const band: Interval = { lo: 0, hi: 0 };

/** Adds to `passes` the stretches within w of the zone's lines, and to `crossings` where the route crosses them. */
export function bandPasses(zone: PreparedZone, f: RouteFrame, chunks: readonly number[], w: number, passes: OpenPass[], crossings: LineCrossing[]): void {
  const pieces = f.len.length;
  const { xy, edges } = zone;
  const ivLo: number[] = [];
  const ivHi: number[] = [];
  for (const c of chunks) {
    const j1 = Math.min(pieces, (c + 1) * CHUNK);
    for (let j = c * CHUNK; j < j1; j++) {
      if (f.gap[j] || f.len[j] === 0) continue;
      const ax = f.x[j];
      const ay = f.y[j];
      const bx = f.x[j + 1];
      const by = f.y[j + 1];
      const m = metresPerDegree((ay + by) / 2);
      const ex = (w / m.x) * 1.01 + PAD;
      const ey = (w / m.y) * 1.01 + PAD;
      const minX = Math.min(ax, bx) - ex;
      const maxX = Math.max(ax, bx) + ex;
      const minY = Math.min(ay, by) - ey;
      const maxY = Math.max(ay, by) + ey;
      if (maxX < zone.minX || minX > zone.maxX || maxY < zone.minY || minY > zone.maxY) continue;
      const dx = bx - ax;
      const dy = by - ay;
      const Dx = dx * m.x;
      const Dy = dy * m.y;
      ivLo.length = 0;
      ivHi.length = 0;
      edgesInBox(zone, minX, minY, maxX, maxY, (e) => {
        const v = edges[e];
        const px = xy[2 * v];
        const py = xy[2 * v + 1];
        const qx = xy[2 * v + 2];
        const qy = xy[2 * v + 3];
        if (w > 0 && capsuleInterval(Dx, Dy, (px - ax) * m.x, (py - ay) * m.y, (qx - ax) * m.x, (qy - ay) * m.y, w, band)) {
          const lo = Math.max(0, band.lo);
          const hi = Math.min(1, band.hi);
          if (hi > lo) {
            ivLo.push(lo);
            ivHi.push(hi);
          }
        }
        // the line itself, half-open at both segments' ends so that a crossing at a vertex counts once
        const sp = dx * (py - ay) - dy * (px - ax);
        const sq = dx * (qy - ay) - dy * (qx - ax);
        if (sp >= 0 === sq >= 0) return;
        const sa = (qx - px) * (ay - py) - (qy - py) * (ax - px);
        const sb = (qx - px) * (by - py) - (qy - py) * (bx - px);
        if (sa >= 0 === sb >= 0) return;
        const t = sa / (sa - sb);
        crossings.push({ at_km: (f.cum[j] + t * f.len[j]) / 1000, at: pointAt(f, j, t) });
      });
      if (ivLo.length === 0) continue;
      // union of the intervals, in order
      const order = ivLo.map((_, k) => k).sort((p, q) => ivLo[p] - ivLo[q]);
      let lo = ivLo[order[0]];
      let hi = ivHi[order[0]];
      for (let k = 1; k < order.length; k++) {
        const o = order[k];
        if (ivLo[o] <= hi) hi = Math.max(hi, ivHi[o]);
        else {
          addPiece(f, passes, j, lo, hi);
          lo = ivLo[o];
          hi = ivHi[o];
        }
      }
      addPiece(f, passes, j, lo, hi);
    }
  }
}

/** Crossings in route order, one per place (a crossing at a shared vertex may be seen twice). */
export function dedupeCrossings(list: LineCrossing[]): LineCrossing[] {
  list.sort((a, b) => a.at_km - b.at_km);
  const out: LineCrossing[] = [];
  for (const c of list) {
    const last = out[out.length - 1];
    if (!last || (c.at_km - last.at_km) * 1000 > 0.01) out.push(c);
  }
  return out;
}
