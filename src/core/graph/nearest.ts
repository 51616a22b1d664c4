// Nearest point of the network to a click: a flatbush index over every edge segment, refined
// exactly on the few segments whose boxes lie within the search radius.
import Flatbush from 'flatbush';
import { segmentLength } from '../geo/geodesic';
import type { Graph } from './graph';

export interface Snap {
  edge: number;
  /** absolute index of the segment's first vertex in graph.coords */
  seg: number;
  /** position along that segment, 0..1 */
  t: number;
  lon: number;
  lat: number;
  /** distance from the query point to the snapped point (m) */
  distance_m: number;
}

const M_PER_DEG_LAT = 110_574;

export interface SegmentIndex {
  index: Flatbush;
  /** segment id → absolute vertex index of its first vertex */
  segStart: Uint32Array;
  /** segment id → edge */
  segEdge: Uint32Array;
  /** longitudes are multiplied by this so that index distances are nearly isotropic */
  lonScale: number;
}

export function buildSegmentIndex(graph: Graph): SegmentIndex {
  let segCount = 0;
  for (let e = 0; e < graph.edgeCount; e++) segCount += graph.edgeCoordStart[e + 1] - graph.edgeCoordStart[e] - 1;
  let latSum = 0;
  for (let n = 0; n < graph.nodeCount; n++) latSum += graph.nodeCoords[2 * n + 1];
  const lat0 = graph.nodeCount ? latSum / graph.nodeCount : 0;
  const lonScale = Math.cos((lat0 * Math.PI) / 180);
  const index = new Flatbush(Math.max(segCount, 1));
  const segStart = new Uint32Array(segCount);
  const segEdge = new Uint32Array(segCount);
  const c = graph.coords;
  let s = 0;
  for (let e = 0; e < graph.edgeCount; e++) {
    for (let v = graph.edgeCoordStart[e]; v < graph.edgeCoordStart[e + 1] - 1; v++) {
      const x1 = c[2 * v] * lonScale;
      const y1 = c[2 * v + 1];
      const x2 = c[2 * v + 2] * lonScale;
      const y2 = c[2 * v + 3];
      index.add(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
      segStart[s] = v;
      segEdge[s] = e;
      s++;
    }
  }
  if (segCount === 0) index.add(0, 0, 0, 0);
  index.finish();
  return { index, segStart, segEdge, lonScale };
}

/** The nearest point of the network within maxDistance_m of (lon, lat), or null. */
export function nearestOnNetwork(
  graph: Graph,
  idx: SegmentIndex,
  lon: number,
  lat: number,
  maxDistance_m: number,
): Snap | null {
  if (idx.segStart.length === 0) return null;
  const c = graph.coords;
  // metres per degree at the query latitude, for the projection onto each candidate segment
  const mx = 111_320 * Math.cos((lat * Math.PI) / 180);
  const my = M_PER_DEG_LAT;
  let best: Snap | null = null;
  let bestLocal = Infinity;
  // 2 % margin: the index's lon scale is taken at the network's mean latitude
  const radius = (maxDistance_m / M_PER_DEG_LAT) * 1.02;
  idx.index.neighbors(lon * idx.lonScale, lat, Infinity, radius, (s) => {
    const v = idx.segStart[s];
    const x1 = c[2 * v];
    const y1 = c[2 * v + 1];
    const dx = (c[2 * v + 2] - x1) * mx;
    const dy = (c[2 * v + 3] - y1) * my;
    const len2 = dx * dx + dy * dy;
    let t = len2 === 0 ? 0 : (((lon - x1) * mx) * dx + ((lat - y1) * my) * dy) / len2;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    const px = x1 + (t * dx) / mx;
    const py = y1 + (t * dy) / my;
    const local = Math.hypot((px - lon) * mx, (py - lat) * my);
    if (local < bestLocal) {
      bestLocal = local;
      best = { edge: idx.segEdge[s], seg: v, t, lon: px, lat: py, distance_m: 0 };
    }
    return false;
  });
  if (!best) return null;
  const snap: Snap = best;
  snap.distance_m = segmentLength(lon, lat, snap.lon, snap.lat);
  return snap.distance_m <= maxDistance_m ? snap : null;
}
