// The edges of a zone near a box. Small zones are scanned edge by edge: for a terril of a dozen
// vertices a linear scan with a box test beats any index. Larger zones get a flatbush over their
// edges, built the first time a route comes near them and kept on the zone for later reviews
// (this is the "warm" case of the benchmark).

import Flatbush from 'flatbush';
import type { PreparedZone } from './zones';

/** Up to this many edges a scan is cheaper than building and querying an index. */
const SCAN_EDGES = 32;

/** Calls `visit(e)` for every edge e of the zone whose box meets [minX, minY, maxX, maxY]. */
export function edgesInBox(zone: PreparedZone, minX: number, minY: number, maxX: number, maxY: number, visit: (edge: number) => void): void {
  const { xy, edges } = zone;
  if (edges.length <= SCAN_EDGES) {
    for (let e = 0; e < edges.length; e++) {
      const v = edges[e];
      const px = xy[2 * v];
      const py = xy[2 * v + 1];
      const qx = xy[2 * v + 2];
      const qy = xy[2 * v + 3];
      if ((px < minX && qx < minX) || (px > maxX && qx > maxX) || (py < minY && qy < minY) || (py > maxY && qy > maxY)) continue;
      visit(e);
    }
    return;
  }
  const index = (zone.edgeIndex ??= buildEdgeIndex(zone));
  // the filter sees every hit; returning false keeps flatbush from building a result array
  index.search(minX, minY, maxX, maxY, (e) => {
    visit(e);
    return false;
  });
}

function buildEdgeIndex(zone: PreparedZone): Flatbush {
  const { xy, edges } = zone;
  const index = new Flatbush(edges.length);
  for (let e = 0; e < edges.length; e++) {
    const v = edges[e];
    const px = xy[2 * v];
    const py = xy[2 * v + 1];
    const qx = xy[2 * v + 2];
    const qy = xy[2 * v + 3];
    index.add(Math.min(px, qx), Math.min(py, qy), Math.max(px, qx), Math.max(py, qy));
  }
  index.finish();
  return index;
}
