// Near zones: the shortest distance from the route to a zone it does not enter, and where on
// the route it is reached. The piece nearest the zone's box is measured first, then the chunks
// nearest first, and everything farther than the best distance so far is skipped, so a zone costs
// a few pieces × its edges near them. Which zones are measured at all comes from the index query
// bounded by the near distance (./crossings.ts, candidateChunks), never from a scan of the layer.

import { metresPerDegree } from '../geo/geodesic';
import { edgesInBox } from './edges';
import { segmentDistance, type Closest } from './planar';
import type { RouteFrame } from './route-frame';
import type { NearZone } from './types';
import { CHUNK, PAD, pointAt } from './walk';
import type { PreparedZone } from './zones';

const closest: Closest = { d: 0, t: 0, u: 0 };

/** The zone's shortest distance from the route, when within buffer_m; null otherwise. */
export function nearestZone(zone: PreparedZone, f: RouteFrame, chunks: readonly number[], boxes: Float64Array, buffer_m: number): NearZone | null {
  const pieces = f.len.length;
  const { xy, edges } = zone;
  // pruning only: metres per degree at the zone, 1 % slack for the scale varying over 500 m
  const mz = metresPerDegree((zone.minY + zone.maxY) / 2);
  const gap2 = (minX: number, minY: number, maxX: number, maxY: number) => {
    const gx = Math.max(0, zone.minX - maxX, minX - zone.maxX) * mz.x;
    const gy = Math.max(0, zone.minY - maxY, minY - zone.maxY) * mz.y;
    return gx * gx + gy * gy;
  };
  // nearest chunks first, so that the best distance shrinks early and prunes the rest
  const order = chunks.map((c) => ({ c, g: gap2(boxes[4 * c], boxes[4 * c + 1], boxes[4 * c + 2], boxes[4 * c + 3]) })).sort((a, b) => a.g - b.g);
  let best = buffer_m;
  let found = false;
  let bestJ = 0;
  let bestT = 0;
  let bestX = 0;
  let bestY = 0;
  const visit = (j: number) => {
    const ax = f.x[j];
    const ay = f.y[j];
    const bx = f.x[j + 1];
    const by = f.y[j + 1];
    const reach = best * 1.01 + 0.01;
    if (gap2(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)) > reach * reach) return;
    const m = metresPerDegree(ay);
    const ex = reach / m.x + PAD;
    const ey = reach / m.y + PAD;
    const Dx = (bx - ax) * m.x;
    const Dy = (by - ay) * m.y;
    edgesInBox(zone, Math.min(ax, bx) - ex, Math.min(ay, by) - ey, Math.max(ax, bx) + ex, Math.max(ay, by) + ey, (e) => {
      const v = edges[e];
      const px = xy[2 * v];
      const py = xy[2 * v + 1];
      const qx = xy[2 * v + 2];
      const qy = xy[2 * v + 3];
      segmentDistance(Dx, Dy, (px - ax) * m.x, (py - ay) * m.y, (qx - ax) * m.x, (qy - ay) * m.y, closest);
      // ties go to the earlier kilometre, whatever order the pieces were visited in
      if (closest.d < best || (closest.d === best && (!found || j < bestJ || (j === bestJ && closest.t < bestT)))) {
        best = closest.d;
        found = true;
        bestJ = j;
        bestT = closest.t;
        bestX = px + closest.u * (qx - px);
        bestY = py + closest.u * (qy - py);
      }
    });
  };
  // the piece nearest the zone's box first: its distance bounds the search over all the others
  // (without it the first chunk's pieces are each measured against every edge within buffer_m)
  let first = -1;
  let firstGap = buffer_m * buffer_m * 1.0201;
  for (const { c, g } of order) {
    if (g > firstGap) break;
    const j1 = Math.min(pieces, (c + 1) * CHUNK);
    for (let j = c * CHUNK; j < j1; j++) {
      if (f.gap[j]) continue;
      const ax = f.x[j];
      const ay = f.y[j];
      const bx = f.x[j + 1];
      const by = f.y[j + 1];
      const gj = gap2(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
      if (gj < firstGap) {
        firstGap = gj;
        first = j;
      }
    }
  }
  if (first < 0) return null;
  visit(first);
  for (const { c, g } of order) {
    const reachChunk = best * 1.01 + 0.01;
    if (g > reachChunk * reachChunk) break;
    const j1 = Math.min(pieces, (c + 1) * CHUNK);
    for (let j = c * CHUNK; j < j1; j++) if (!f.gap[j]) visit(j);
  }
  if (!found) return null;
  return {
    zone: zone.name,
    id: zone.id,
    ...(zone.code !== undefined ? { code: zone.code } : {}),
    kind: zone.kind,
    layer: zone.layer,
    geometry: zone.geometry,
    distance_m: best,
    at_km: (f.cum[bestJ] + bestT * f.len[bestJ]) / 1000,
    at: pointAt(f, bestJ, bestT),
    nearest: [bestX, bestY],
  };
}
