// Shortest path between two snapped points: A* over the CSR graph with a binary heap and an
// admissible straight-line heuristic. Search buffers are kept in a Router and reused between
// legs (a generation stamp replaces clearing them), so a leg allocates nothing proportional to the graph.
import { positionsLength, segmentLength } from '../geo/geodesic';
import { EdgeKind, type Graph } from './graph';
import { FlatHeap } from './heap';
import type { Snap } from './nearest';

export interface RouteOptions {
  /** cost multiplier per edge (≥ 1), e.g. to penalise sensitive zones; defaults to DEFAULT_KIND_COST */
  edgeCost?: Float32Array;
}

export interface PathResult {
  coords: [number, number][];
  /** edges used in order, so callers can break the route down by way type */
  edges: number[];
  /** metres travelled on each of those edges (the first and last may be partial) */
  edgeMetres: number[];
  /** geodesic length of coords (m) */
  length_m: number;
  /** nodes settled by the search (for benchmarks) */
  settled: number;
}

/** Bridged gaps cost a little more than real paths, so routes keep to the paths where they can. */
export const GAP_COST = 1.2;

const M_PER_DEG_LAT = 110_574;
// The heuristic's local projection underestimates by well under 1 % across the basin; 0.98 keeps it admissible.
const HEURISTIC_SAFETY = 0.98;

export class Router {
  private g: Float64Array;
  private prevEdge: Int32Array;
  private stamp: Uint32Array;
  private closed: Uint32Array;
  private generation = 0;
  private heap = new FlatHeap(4096);
  private defaultCost: Float32Array;

  constructor(private graph: Graph) {
    this.g = new Float64Array(graph.nodeCount);
    this.prevEdge = new Int32Array(graph.nodeCount);
    this.stamp = new Uint32Array(graph.nodeCount);
    this.closed = new Uint32Array(graph.nodeCount);
    this.defaultCost = new Float32Array(graph.edgeCount);
    for (let e = 0; e < graph.edgeCount; e++) this.defaultCost[e] = graph.edgeKind[e] === EdgeKind.gap ? GAP_COST : 1;
  }

  /** Shortest path from one snap to another along the network, or null when they are not connected. */
  route(from: Snap, to: Snap, options: RouteOptions = {}): PathResult | null {
    const graph = this.graph;
    const cost = options.edgeCost ?? this.defaultCost;
    const gen = ++this.generation;
    const { g, prevEdge, stamp, closed, heap } = this;
    heap.clear();

    const mx = 111_320 * Math.cos((to.lat * Math.PI) / 180) * HEURISTIC_SAFETY;
    const my = M_PER_DEG_LAT * HEURISTIC_SAFETY;
    const h = (n: number) =>
      Math.hypot((graph.nodeCoords[2 * n] - to.lon) * mx, (graph.nodeCoords[2 * n + 1] - to.lat) * my);

    const alongA = alongEdge(graph, from);
    const alongB = alongEdge(graph, to);
    const ea = from.edge;
    const eb = to.edge;
    const lenA = graph.edgeLength[ea];
    const lenB = graph.edgeLength[eb];

    let best = Infinity;
    let bestNode = -1; // -1: straight along the shared edge
    if (ea === eb) best = Math.abs(alongB - alongA) * cost[ea];

    const open = (n: number, gn: number, via: number) => {
      if (stamp[n] === gen && g[n] <= gn) return;
      stamp[n] = gen;
      g[n] = gn;
      prevEdge[n] = via;
      heap.push(n, gn + h(n));
    };
    // -1 marks "entered from the start snap"
    open(graph.edgeFrom[ea], alongA * cost[ea], -1);
    open(graph.edgeTo[ea], (lenA - alongA) * cost[ea], -1);

    const tFrom = graph.edgeFrom[eb];
    const tTo = graph.edgeTo[eb];
    let settled = 0;
    while (heap.length > 0) {
      if (heap.peekPriority() >= best) break;
      const n = heap.pop();
      if (closed[n] === gen) continue;
      closed[n] = gen;
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
      for (let i = graph.adjOffsets[n]; i < graph.adjOffsets[n + 1]; i++) {
        const e = graph.adjEdges[i];
        const m = graph.otherEnd(e, n);
        if (closed[m] === gen) continue;
        open(m, gn + graph.edgeLength[e] * cost[e], e);
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
      const loop = graph.edgeFrom[ea] === graph.edgeTo[ea];
      const forward = loop ? lenA - alongA < alongA : n === graph.edgeTo[ea];
      pushPartial(graph, from, forward ? 'forward' : 'backward', null, coords);
      edges.push(ea);
      edgeMetres.push(forward ? lenA - alongA : alongA);
      let at = n;
      for (const e of chain) {
        pushEdge(graph, e, at, coords);
        edges.push(e);
        edgeMetres.push(graph.edgeLength[e]);
        at = graph.otherEnd(e, at);
      }
      pushArrival(graph, to, at, coords);
      edges.push(eb);
      edgeMetres.push(at === graph.edgeFrom[eb] ? alongB : lenB - alongB);
    }
    return { coords, edges, edgeMetres, length_m: positionsLength(coords), settled };
  }
}

/** Distance from the start of the snap's edge to the snap (m). */
export function alongEdge(graph: Graph, snap: Snap): number {
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

