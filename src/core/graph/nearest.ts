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
const M_PER_DEG_LON_EQ = 111_320;
/**
 * Boxes are stored as Float32 (half the size of Float64: ~50 MB instead of ~90 MB for 2.4M
 * segments) and grown by this much (≈ 1 m) before rounding, so that every stored box still
 * contains its segment: the float32 rounding error near 50° is under 4e-6°, and the exact
 * refinement below makes the answer independent of the boxes as long as they are conservative.
 */
const BOX_MARGIN_DEG = 1e-5;

export interface SegmentIndex {
  index: Flatbush;
  /** number of segments (flatbush holds a dummy item when there are none) */
  segCount: number;
  /** longitudes are multiplied by this so that index distances are nearly isotropic */
  lonScale: number;
}

/** Longitude scale of the index frame: the cosine of the network's mean latitude. */
function indexLonScale(graph: Graph): number {
  let latSum = 0;
  for (let n = 0; n < graph.nodeCount; n++) latSum += graph.nodeCoords[2 * n + 1];
  const lat0 = graph.nodeCount ? latSum / graph.nodeCount : 0;
  return Math.cos((lat0 * Math.PI) / 180);
}

/**
 * Segment ids follow the edges' vertices, edge after edge: segment s of edge e starts at vertex
 * s + e, and e is the last edge whose first segment id (edgeCoordStart[e] − e) is at most s. A
 * binary search over edgeCoordStart finds it for the few candidates of a click, so no table from
 * segment to edge is built at load (it took most of the load time: 2.4M segments at 500k edges).
 */
function segmentEdge(graph: Graph, s: number): number {
  const starts = graph.edgeCoordStart;
  let lo = 0;
  let hi = graph.edgeCount - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] - mid <= s) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Builds the index over every segment (≈ 1 s for 2.4M segments: network.bin carries it prebuilt). */
export function buildSegmentIndex(graph: Graph): SegmentIndex {
  const segCount = graph.coordCount - graph.edgeCount;
  const lonScale = indexLonScale(graph);
  const index = new Flatbush(Math.max(segCount, 1), 16, Float32Array);
  const c = graph.coords;
  // segment ids in the order they are added: edge after edge, see segmentEdge
  for (let e = 0; e < graph.edgeCount; e++)
    for (let v = graph.edgeCoordStart[e]; v < graph.edgeCoordStart[e + 1] - 1; v++) {
      const x1 = c[2 * v] * lonScale;
      const y1 = c[2 * v + 1];
      const x2 = c[2 * v + 2] * lonScale;
      const y2 = c[2 * v + 3];
      index.add(Math.min(x1, x2) - BOX_MARGIN_DEG, Math.min(y1, y2) - BOX_MARGIN_DEG, Math.max(x1, x2) + BOX_MARGIN_DEG, Math.max(y1, y2) + BOX_MARGIN_DEG);
    }
  if (segCount === 0) index.add(0, 0, 0, 0);
  index.finish();
  return { index, segCount, lonScale };
}

/**
 * The index of `graph` from its serialised form (the bytes of `index.index.data`, e.g. inside
 * network.bin): a view, no copy, and no tree to rebuild.
 */
export function segmentIndexFromData(graph: Graph, data: ArrayBuffer, byteOffset: number, lonScale: number): SegmentIndex {
  const index = Flatbush.from(data, byteOffset);
  const segCount = graph.coordCount - graph.edgeCount;
  if (index.numItems !== Math.max(segCount, 1)) throw new Error('segment index built for another graph');
  return { index, segCount, lonScale };
}

/** The nearest point of the network within maxDistance_m of (lon, lat), or null. */
export function nearestOnNetwork(graph: Graph, idx: SegmentIndex, lon: number, lat: number, maxDistance_m: number): Snap | null {
  if (idx.segCount === 0) return null;
  const c = graph.coords;
  // metres per degree at the query latitude, for the projection onto each candidate segment
  const mx = M_PER_DEG_LON_EQ * Math.cos((lat * Math.PI) / 180);
  const my = M_PER_DEG_LAT;
  let best: Snap | null = null;
  let bestLocal = Infinity;
  // The index frame is (lon · lonScale, lat) in degrees; the local frame, (lon · mx, lat · my) in
  // metres. A segment within maxDistance_m in the local frame lies within this radius in the
  // index frame (up to the 1e-3 margin for the few metres of latitude it may span).
  const radius = Math.max(maxDistance_m / my, (maxDistance_m * idx.lonScale) / mx) * 1.001;
  idx.index.neighbors(lon * idx.lonScale, lat, Infinity, radius, (s) => {
    const edge = segmentEdge(graph, s);
    const v = s + edge;
    const x1 = c[2 * v];
    const y1 = c[2 * v + 1];
    const dx = (c[2 * v + 2] - x1) * mx;
    const dy = (c[2 * v + 3] - y1) * my;
    const len2 = dx * dx + dy * dy;
    let t = len2 === 0 ? 0 : ((lon - x1) * mx * dx + (lat - y1) * my * dy) / len2;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    const px = x1 + (t * dx) / mx;
    const py = y1 + (t * dy) / my;
    const local = Math.hypot((px - lon) * mx, (py - lat) * my);
    if (local < bestLocal) {
      bestLocal = local;
      best = { edge, seg: v, t, lon: px, lat: py, distance_m: 0 };
    }
    return false;
  });
  if (!best) return null;
  const snap: Snap = best;
  snap.distance_m = segmentLength(lon, lat, snap.lon, snap.lat);
  return snap.distance_m <= maxDistance_m ? snap : null;
}
