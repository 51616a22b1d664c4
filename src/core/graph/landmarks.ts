// Landmarks for ALT (A*, Landmarks, Triangle inequality; Goldberg & Harrelson 2005).
//
// For a landmark L and any nodes v, t, the triangle inequality on shortest-path costs gives
// d(v, t) ≥ |d(L, t) − d(L, v)|. The network is undirected, so one array of costs per landmark
// serves both directions. Taking the max over 16 well-spread landmarks gives a lower bound that
// follows the network's detours (canals, motorways, holes), where the straight line cannot: A*
// then settles far fewer nodes.
//
// Costs are those of the default model (length × kind factor, see cost.ts). Avoid-mode penalties
// need no new landmarks: they multiply edge costs by factors ≥ the default ones, so every path
// costs at least its default cost and the bounds stay lower bounds (costs only grow; they just
// get less tight). The router scales the bounds down if a cost array ever goes below the
// defaults (RouteOptions.edgeCost); graph-scale.test.ts checks both cases. They are stored as
// Float32 (half the memory of Float64: 20 MB for 300k nodes × 16); the rounding of a stored
// cost is at most 2⁻²⁴ of it, so every bound is lowered by `slack`, which covers the worst case.
import { defaultEdgeCost } from './cost';
import { connectedComponents } from './components';
import type { Graph } from './graph';
import { FlatHeap } from './heap';
import { mulberry32 } from './random';

const MAGIC = 0xca7a1a4d;
const VERSION = 1;
const HEADER_BYTES = 32;

const align8 = (n: number) => Math.ceil(n / 8) * 8;

export class Landmarks {
  readonly data: ArrayBuffer;
  readonly byteOffset: number;
  readonly byteLength: number;
  /** number of landmarks */
  readonly count: number;
  readonly nodeCount: number;
  /** the landmark nodes */
  readonly nodes: Uint32Array;
  /** node-major costs: dist[n * count + l] = d(landmark l, node n); Infinity when not connected */
  readonly dist: Float32Array;
  /** amount subtracted from every bound to absorb the Float32 rounding of the stored costs */
  readonly slack: number;

  private constructor(data: ArrayBuffer, byteOffset: number, count: number, nodeCount: number) {
    this.data = data;
    this.byteOffset = byteOffset;
    this.byteLength = Landmarks.byteLength(count, nodeCount);
    this.count = count;
    this.nodeCount = nodeCount;
    this.nodes = new Uint32Array(data, byteOffset + HEADER_BYTES, count);
    this.dist = new Float32Array(data, byteOffset + HEADER_BYTES + align8(4 * count), nodeCount * count);
    this.slack = new Float64Array(data, byteOffset + 16, 1)[0];
  }

  static byteLength(count: number, nodeCount: number): number {
    return HEADER_BYTES + align8(4 * count) + 4 * count * nodeCount;
  }

  static allocate(count: number, nodeCount: number, slack: number): Landmarks {
    const data = new ArrayBuffer(Landmarks.byteLength(count, nodeCount));
    new Uint32Array(data, 0, 4).set([MAGIC, VERSION, count, nodeCount]);
    new Float64Array(data, 16, 1)[0] = slack;
    return new Landmarks(data, 0, count, nodeCount);
  }

  /** Views landmarks stored in a buffer (no copy); byteOffset must be a multiple of 8. */
  static from(data: ArrayBuffer, byteOffset = 0, byteLength = data.byteLength - byteOffset): Landmarks {
    if (byteOffset % 8 !== 0) throw new Error('landmarks byteOffset must be a multiple of 8');
    if (byteLength < HEADER_BYTES || byteOffset + byteLength > data.byteLength) throw new Error('landmarks buffer too short');
    const [magic, version, count, nodeCount] = new Uint32Array(data, byteOffset, 4);
    if (magic !== MAGIC || version !== VERSION) throw new Error('not a Cavalier landmarks buffer (or a different version)');
    if (byteLength !== Landmarks.byteLength(count, nodeCount)) throw new Error('landmarks buffer has the wrong size');
    return new Landmarks(data, byteOffset, count, nodeCount);
  }

  /** The landmarks' own bytes (a view, not a copy). */
  bytes(): Uint8Array {
    return new Uint8Array(this.data, this.byteOffset, this.byteLength);
  }
}

export interface LandmarkOptions {
  /** number of landmarks (16 by default: one 64-byte cache line of Float32 per node) */
  count?: number;
  /**
   * 'farthest' (default): each new landmark is the node whose cost to the nearest chosen landmark
   * is greatest, which spreads them around the edge of the network, "behind" most sources and
   * targets. 'avoid' (Goldberg & Werneck 2005): each new landmark ends the branch of a random
   * shortest-path tree that the current landmarks bound worst. On the synthetic 500k-edge basin
   * (300 legs of 10 km), 'avoid' settled slightly more nodes than 'farthest' (p50 743 against 704,
   * p95 3866 against 3549) and took 3× longer to compute (6.4 s against 2.0 s), hence the default.
   */
  selection?: 'avoid' | 'farthest';
  /** seed of the random tree roots used by 'avoid' */
  seed?: number;
}

/**
 * Chooses landmarks in the largest component and stores each one's costs to every node.
 * Smaller components get no landmark; there the router falls back on the straight-line bound.
 * In node, 16 landmarks on 500k edges take a few seconds (see the scale benchmark).
 */
export function computeLandmarks(graph: Graph, options: LandmarkOptions = {}): Landmarks {
  const n = graph.nodeCount;
  const comps = connectedComponents(graph);
  const main = comps.largest;
  const mainNodes: number[] = [];
  for (let v = 0; v < n; v++) if (comps.label[v] === main) mainNodes.push(v);
  const count = Math.min(options.count ?? 16, mainNodes.length);
  const selection = options.selection ?? 'farthest';
  const cost = defaultEdgeCost(graph);
  const search = new ShortestPaths(graph, cost);
  const columns: Float64Array[] = [];
  const chosen: number[] = [];
  const add = (v: number) => {
    chosen.push(v);
    const col = new Float64Array(n);
    search.run(v, col, null);
    columns.push(col);
  };

  if (count > 0) {
    // the first landmark: the farthest node from the main component's most central node
    const d = new Float64Array(n);
    search.run(centralNode(graph, mainNodes), d, null);
    add(argmax(mainNodes, (v) => d[v]));
  }
  if (selection === 'farthest') {
    const minD = Float64Array.from(columns[0] ?? []);
    while (chosen.length < count) {
      const far = argmax(mainNodes, (v) => minD[v]);
      if (minD[far] === 0) break; // fewer distinct nodes than landmarks asked for
      add(far);
      const col = columns[columns.length - 1];
      for (let v = 0; v < n; v++) if (col[v] < minD[v]) minD[v] = col[v];
    }
  } else {
    const rnd = mulberry32(options.seed ?? 1);
    const d = new Float64Array(n);
    const parent = new Int32Array(n);
    const size = new Float64Array(n);
    const bestChild = new Int32Array(n);
    const isLandmark = new Uint8Array(n);
    for (const v of chosen) isLandmark[v] = 1;
    let attempts = 0;
    while (chosen.length < count && attempts++ < 4 * count) {
      const root = mainNodes[Math.floor(rnd() * mainNodes.length)];
      const order = search.run(root, d, parent);
      // how much the current landmarks underestimate d(root, v): the bigger, the slower such queries
      const K = columns.length;
      const atRoot = columns.map((c) => c[root]);
      size.fill(0);
      bestChild.fill(-1);
      const covered = new Uint8Array(n);
      // leaves first: a subtree's size is its total gap, or 0 if it already holds a landmark
      for (let i = order.length - 1; i >= 0; i--) {
        const v = order[i];
        if (isLandmark[v]) covered[v] = 1;
        if (covered[v]) size[v] = 0;
        else {
          let lb = 0;
          for (let l = 0; l < K; l++) lb = Math.max(lb, Math.abs(atRoot[l] - columns[l][v]));
          size[v] += Math.max(0, d[v] - lb);
        }
        const p = parent[v];
        if (p < 0) continue;
        if (covered[v]) covered[p] = 1;
        size[p] += size[v];
        if (bestChild[p] < 0 || size[v] > size[bestChild[p]]) bestChild[p] = v;
      }
      // go down the heaviest branch (the root's own size is 0 once a landmark hangs below it)
      let v = root;
      while (bestChild[v] >= 0 && size[bestChild[v]] > 0) v = bestChild[v];
      if (v === root || isLandmark[v]) continue;
      isLandmark[v] = 1;
      add(v);
    }
  }

  let maxFinite = 0;
  for (const col of columns) for (let v = 0; v < n; v++) if (col[v] !== Infinity && col[v] > maxFinite) maxFinite = col[v];
  // |fl32(a) − a| ≤ 2⁻²⁴·a, so a difference of two stored costs is off by at most 2⁻²³·max;
  // twice that, plus a millimetre, leaves room for the float64 sums made around it
  const slack = maxFinite * 2 ** -22 + 1e-3;
  const K = columns.length;
  const lm = Landmarks.allocate(K, n, slack);
  lm.nodes.set(chosen);
  columns.forEach((col, l) => {
    for (let v = 0; v < n; v++) lm.dist[v * K + l] = col[v];
  });
  return lm;
}

function argmax(nodes: number[], value: (v: number) => number): number {
  let best = nodes[0];
  for (const v of nodes) if (value(v) > value(best)) best = v;
  return best;
}

/** The node nearest the centroid of the given nodes. */
function centralNode(graph: Graph, nodes: number[]): number {
  let cx = 0;
  let cy = 0;
  for (const v of nodes) {
    cx += graph.nodeCoords[2 * v];
    cy += graph.nodeCoords[2 * v + 1];
  }
  cx /= nodes.length;
  cy /= nodes.length;
  return argmax(nodes, (v) => -((graph.nodeCoords[2 * v] - cx) ** 2 + (graph.nodeCoords[2 * v + 1] - cy) ** 2));
}

/** Full single-source Dijkstra over the default costs, reusing its heap. */
class ShortestPaths {
  private heap = new FlatHeap(4096);
  private order: Uint32Array;

  constructor(
    private graph: Graph,
    private cost: Float32Array,
  ) {
    this.order = new Uint32Array(graph.nodeCount);
  }

  /**
   * Costs from `source` to every node (Infinity where unreachable) into `out`, and the tree's
   * parent of each node into `parent` if given (-1 for the source and unreachable nodes).
   * Returns the nodes in the order they were settled (a view, valid until the next run).
   */
  run(source: number, out: Float64Array, parent: Int32Array | null): Uint32Array {
    const { adjOffsets, adjEdges, edgeFrom, edgeTo, edgeLength } = this.graph;
    const cost = this.cost;
    const heap = this.heap;
    const order = this.order;
    out.fill(Infinity);
    parent?.fill(-1);
    heap.clear();
    out[source] = 0;
    heap.push(source, 0);
    let settled = 0;
    while (heap.length > 0) {
      const du = heap.peekPriority();
      const u = heap.pop();
      if (du > out[u]) continue; // a stale entry (lazy deletion)
      order[settled++] = u;
      for (let i = adjOffsets[u]; i < adjOffsets[u + 1]; i++) {
        const e = adjEdges[i];
        const w = edgeFrom[e] === u ? edgeTo[e] : edgeFrom[e];
        const dw = du + edgeLength[e] * cost[e];
        if (dw < out[w]) {
          out[w] = dw;
          if (parent) parent[w] = u;
          heap.push(w, dw);
        }
      }
    }
    return order.subarray(0, settled);
  }
}
