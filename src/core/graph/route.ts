// Shortest path between two snapped points: A* over the CSR graph with a binary heap. The lower
// bound that guides it is the straight line, or with landmarks (ALT, see landmarks.ts) the max of
// the straight line and the landmark bounds. Search buffers are kept in a Router and reused between
// legs (a generation stamp replaces clearing them), so a leg allocates nothing proportional to the graph.
import { positionsLength, segmentLength } from '../geo/geodesic';
import { connectedComponents } from './components';
import { defaultEdgeCost, GAP_COST } from './cost';
import type { Graph } from './graph';
import { FlatHeap } from './heap';
import type { Landmarks } from './landmarks';
import type { Snap } from './nearest';

export { GAP_COST };

export interface RouteOptions {
  /**
   * Cost factor per edge, replacing the default one (1, GAP_COST on gaps), e.g. ×5 in sensitive
   * zones. Factors at least the default keep both bounds exact and tight; smaller (but positive)
   * factors stay correct, as the bounds are scaled down by the smallest factor ratio (boundScales).
   * That ratio is computed once per array object: build a new array when the penalties change
   * rather than editing one in place.
   */
  edgeCost?: Float32Array;
  /**
   * The lower bound that guides the search: 'auto' (landmarks when the router has them, and the
   * straight line), 'straight-line' (plain A*), 'none' (plain Dijkstra, for benchmarks and tests).
   */
  heuristic?: 'auto' | 'straight-line' | 'none';
}

export interface PathResult {
  coords: [number, number][];
  /** edges used in order, so callers can break the route down by way type */
  edges: number[];
  /** metres travelled on each of those edges (the first and last may be partial) */
  edgeMetres: number[];
  /** geodesic length of coords (m) */
  length_m: number;
  /** cost of the path under the cost model used (m, weighted) */
  cost: number;
  /** nodes settled by the search (for benchmarks) */
  settled: number;
}

/** How far each lower bound may be trusted under a cost array (see RouteOptions.edgeCost). */
interface BoundScales {
  /** the straight line bounds a path's length; costs bound it when every factor is ≥ 1 */
  straight: number;
  /** landmark bounds are in default costs; they bound other costs when every factor is ≥ the default one */
  landmarks: number;
}

const M_PER_DEG_LAT = 110_574;
// The heuristic's local projection underestimates by well under 1 % across the basin; 0.98 keeps it admissible.
const HEURISTIC_SAFETY = 0.98;

export class Router {
  private g: Float64Array;
  private hval: Float64Array;
  private prevEdge: Int32Array;
  private stamp: Uint32Array;
  private generation = 0;
  private heap = new FlatHeap(4096);
  private defaultCost: Float32Array;
  private component: Uint32Array;
  private landmarks: Landmarks | null = null;
  private targetDist = new Float64Array(0);
  private scales = new WeakMap<Float32Array, BoundScales>();

  constructor(
    private graph: Graph,
    landmarks: Landmarks | null = null,
  ) {
    this.g = new Float64Array(graph.nodeCount);
    this.hval = new Float64Array(graph.nodeCount);
    this.prevEdge = new Int32Array(graph.nodeCount);
    this.stamp = new Uint32Array(graph.nodeCount);
    this.defaultCost = defaultEdgeCost(graph);
    this.component = connectedComponents(graph).label;
    this.setLandmarks(landmarks);
  }

  /** Uses these landmarks (computed on this graph) from the next route on; null goes back to plain A*. */
  setLandmarks(landmarks: Landmarks | null): void {
    if (landmarks && landmarks.nodeCount !== this.graph.nodeCount) throw new Error('landmarks computed on another graph');
    this.landmarks = landmarks && landmarks.count > 0 ? landmarks : null;
    this.targetDist = new Float64Array(this.landmarks?.count ?? 0);
  }

  get hasLandmarks(): boolean {
    return this.landmarks !== null;
  }

  private boundScales(cost: Float32Array): BoundScales {
    if (cost === this.defaultCost) return { straight: 1, landmarks: 1 };
    let s = this.scales.get(cost);
    if (!s) {
      let straight = 1;
      let landmarks = 1;
      for (let e = 0; e < cost.length; e++) {
        const c = cost[e];
        if (c < straight) straight = c;
        const r = c / this.defaultCost[e];
        if (r < landmarks) landmarks = r;
      }
      s = { straight: Math.max(0, straight), landmarks: Math.max(0, landmarks) };
      this.scales.set(cost, s);
    }
    return s;
  }

  /** Shortest path from one snap to another along the network, or null when they are not connected. */
  route(from: Snap, to: Snap, options: RouteOptions = {}): PathResult | null {
    const graph = this.graph;
    const cost = options.edgeCost ?? this.defaultCost;
    if (cost.length !== graph.edgeCount) throw new Error('edgeCost must have one factor per edge');
    const { nodeCoords, adjOffsets, adjEdges, edgeFrom, edgeTo, edgeLength } = graph;
    const ea = from.edge;
    const eb = to.edge;
    // different pieces of the network: say so at once rather than exhaust the start's piece
    if (this.component[edgeFrom[ea]] !== this.component[edgeFrom[eb]]) return null;

    const gen = ++this.generation;
    const { g, hval, prevEdge, stamp, heap } = this;
    heap.clear();

    const alongA = alongEdge(graph, from);
    const alongB = alongEdge(graph, to);
    const lenA = edgeLength[ea];
    const lenB = edgeLength[eb];
    const tFrom = edgeFrom[eb];
    const tTo = edgeTo[eb];

    // the lower bound h(n) of the cost from node n to the target point
    const mode = options.heuristic ?? 'auto';
    const scales = mode === 'none' ? { straight: 0, landmarks: 0 } : this.boundScales(cost);
    const mx = 111_320 * Math.cos((to.lat * Math.PI) / 180) * HEURISTIC_SAFETY * scales.straight;
    const my = M_PER_DEG_LAT * HEURISTIC_SAFETY * scales.straight;
    const tlon = to.lon;
    const tlat = to.lat;
    const lm = mode === 'auto' && scales.landmarks > 0 ? this.landmarks : null;
    const K = lm ? lm.count : 0;
    const D = lm ? lm.dist : null;
    const dT = this.targetDist;
    const altScale = scales.landmarks;
    const slack = lm ? lm.slack : 0;
    if (D) {
      // the target is a point on edge eb: its landmark cost comes through one of the edge's ends
      const c0 = this.defaultCost[eb];
      for (let l = 0; l < K; l++) dT[l] = Math.min(D[tFrom * K + l] + alongB * c0, D[tTo * K + l] + (lenB - alongB) * c0);
    }
    const h = (n: number): number => {
      const dx = (nodeCoords[2 * n] - tlon) * mx;
      const dy = (nodeCoords[2 * n + 1] - tlat) * my;
      let bound = Math.sqrt(dx * dx + dy * dy);
      if (D) {
        // max over landmarks of |d(L, t) − d(L, n)|; NaN (a landmark reaching neither) never wins
        let best = 0;
        const base = n * K;
        for (let l = 0; l < K; l++) {
          const d = dT[l] - D[base + l];
          if (d > best) best = d;
          else if (-d > best) best = -d;
        }
        const alt = (best - slack) * altScale;
        if (alt > bound) bound = alt;
      }
      return bound;
    };
    const open = (n: number, gn: number, via: number) => {
      if (stamp[n] === gen) {
        if (g[n] <= gn) return;
      } else {
        stamp[n] = gen;
        hval[n] = h(n);
      }
      g[n] = gn;
      prevEdge[n] = via;
      heap.push(n, gn + hval[n]);
    };

    let best = Infinity;
    let bestNode = -1; // -1: straight along the shared edge
    if (ea === eb) best = Math.abs(alongB - alongA) * cost[ea];
    // -1 marks "entered from the start snap"
    open(edgeFrom[ea], alongA * cost[ea], -1);
    open(edgeTo[ea], (lenA - alongA) * cost[ea], -1);

    let settled = 0;
    while (heap.length > 0) {
      const f = heap.peekPriority();
      if (f >= best) break;
      const n = heap.pop();
      // a stale entry: n was reached more cheaply since it was pushed. Comparing priorities rather
      // than marking nodes closed lets a node be settled again if its cost drops later, which keeps
      // the result exact even where the Float32 landmark bounds are a hair inconsistent.
      if (f > g[n] + hval[n]) continue;
      settled++;
      const gn = g[n];
      if (n === tFrom && gn + alongB * cost[eb] < best) {
        best = gn + alongB * cost[eb];
        bestNode = n;
      }
      if (n === tTo && gn + (lenB - alongB) * cost[eb] < best) {
        best = gn + (lenB - alongB) * cost[eb];
        bestNode = n;
      }
      for (let i = adjOffsets[n]; i < adjOffsets[n + 1]; i++) {
        const e = adjEdges[i];
        const m = edgeFrom[e] === n ? edgeTo[e] : edgeFrom[e];
        open(m, gn + edgeLength[e] * cost[e], e);
      }
    }
    if (best === Infinity) return null;

    const coords: [number, number][] = [];
    const edges: number[] = [];
    const edgeMetres: number[] = [];
    if (bestNode === -1) {
      pushPartial(graph, from, alongA <= alongB ? 'forward' : 'backward', to, coords);
      edges.push(ea);
      edgeMetres.push(Math.abs(alongB - alongA));
    } else {
      // walk back from the node where the target edge was entered
      const chain: number[] = [];
      let n = bestNode;
      while (prevEdge[n] !== -1) {
        chain.push(prevEdge[n]);
        n = graph.otherEnd(prevEdge[n], n);
      }
      chain.reverse();
      // n is the end of the start edge through which the search left it
      // (on a loop edge both ends are n: the search kept the cheaper way out)
      const loop = edgeFrom[ea] === edgeTo[ea];
      const forward = loop ? lenA - alongA < alongA : n === edgeTo[ea];
      pushPartial(graph, from, forward ? 'forward' : 'backward', null, coords);
      edges.push(ea);
      edgeMetres.push(forward ? lenA - alongA : alongA);
      let at = n;
      for (const e of chain) {
        pushEdge(graph, e, at, coords);
        edges.push(e);
        edgeMetres.push(edgeLength[e]);
        at = graph.otherEnd(e, at);
      }
      pushArrival(graph, to, at, coords);
      edges.push(eb);
      edgeMetres.push(at === edgeFrom[eb] ? alongB : lenB - alongB);
    }
    return { coords, edges, edgeMetres, length_m: positionsLength(coords), cost: best, settled };
  }
}

/** Distance from the start of the snap's edge to the snap (m). */
function alongEdge(graph: Graph, snap: Snap): number {
  const c = graph.coords;
  let sum = 0;
  for (let v = graph.edgeCoordStart[snap.edge]; v < snap.seg; v++) sum += segmentLength(c[2 * v], c[2 * v + 1], c[2 * v + 2], c[2 * v + 3]);
  return sum + snap.t * segmentLength(c[2 * snap.seg], c[2 * snap.seg + 1], c[2 * snap.seg + 2], c[2 * snap.seg + 3]);
}

function add(coords: [number, number][], x: number, y: number): void {
  const last = coords[coords.length - 1];
  if (!last || last[0] !== x || last[1] !== y) coords.push([x, y]);
}

/** From the start snap along its edge, either to `until` (same edge) or to the edge's end in that direction. */
function pushPartial(graph: Graph, snap: Snap, dir: 'forward' | 'backward', until: Snap | null, coords: [number, number][]): void {
  const c = graph.coords;
  const start = graph.edgeCoordStart[snap.edge];
  const end = graph.edgeCoordStart[snap.edge + 1] - 1;
  add(coords, snap.lon, snap.lat);
  if (dir === 'forward') {
    const last = until ? until.seg : end;
    for (let v = snap.seg + 1; v <= last; v++) add(coords, c[2 * v], c[2 * v + 1]);
  } else {
    const first = until ? until.seg + 1 : start;
    for (let v = snap.seg; v >= first; v--) add(coords, c[2 * v], c[2 * v + 1]);
  }
  if (until) add(coords, until.lon, until.lat);
}

function pushEdge(graph: Graph, e: number, fromNode: number, coords: [number, number][]): void {
  const c = graph.coords;
  const start = graph.edgeCoordStart[e];
  const end = graph.edgeCoordStart[e + 1] - 1;
  if (graph.edgeFrom[e] === fromNode) for (let v = start; v <= end; v++) add(coords, c[2 * v], c[2 * v + 1]);
  else for (let v = end; v >= start; v--) add(coords, c[2 * v], c[2 * v + 1]);
}

function pushArrival(graph: Graph, snap: Snap, node: number, coords: [number, number][]): void {
  const c = graph.coords;
  const start = graph.edgeCoordStart[snap.edge];
  const end = graph.edgeCoordStart[snap.edge + 1] - 1;
  if (node === graph.edgeFrom[snap.edge]) for (let v = start; v <= snap.seg; v++) add(coords, c[2 * v], c[2 * v + 1]);
  else for (let v = end; v > snap.seg; v--) add(coords, c[2 * v], c[2 * v + 1]);
  add(coords, snap.lon, snap.lat);
}
