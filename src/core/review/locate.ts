// Is a point inside a polygon zone? Ray casting towards east over the edges the ray's box meets,
// with the half-open rule (an edge counts when one end is strictly above the ray and the other
// is not), so a ray through a vertex counts once and every ring is read with the even-odd rule.
//
// The review only asks this at points it knows are off the boundary (the middle of a stretch of
// route between two boundary events), so what the rule does exactly on the boundary never shows.

import { edgesInBox } from './edges';
import type { PreparedZone } from './zones';

export function pointInZone(zone: PreparedZone, x: number, y: number): boolean {
  if (x < zone.minX || x > zone.maxX || y < zone.minY || y > zone.maxY) return false;
  const { xy, edges } = zone;
  let inside = false;
  edgesInBox(zone, x, y, zone.maxX, y, (e) => {
    const v = edges[e];
    const px = xy[2 * v];
    const py = xy[2 * v + 1];
    const qx = xy[2 * v + 2];
    const qy = xy[2 * v + 3];
    if (py > y === qy > y) return;
    const cx = px + ((y - py) * (qx - px)) / (qy - py);
    if (cx > x) inside = !inside;
  });
  return inside;
}
