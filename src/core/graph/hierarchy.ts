// A contraction hierarchy (Geisberger, Sanders, Schultes & Delling 2008) of the default cost model,
// so that a leg with the default costs settles a few hundred nodes whatever its length, where
// bidirectional ALT still grows with it (issue 15). Avoid-mode legs (edge costs of their own) keep
// using ALT, which is exact under any costs: the hierarchy is only valid for the costs it was built
// on (cost.ts's defaults), and the router only uses it for those.
//
// Preprocessing: nodes are contracted one by one, cheapest first (RoutingKit's priority, updated
// lazily: a node popped whose priority has grown goes back in the queue); contracting v joins each pair of its remaining neighbours u, x by a
// shortcut u–x of cost c(u,v) + c(v,x) unless a witness search (a Dijkstra from u that avoids v,
// bounded in cost and in nodes settled) finds a path no longer. A bounded witness search may add a
// shortcut that was not needed, never miss one that was, so the hierarchy is exact. Every node then
// keeps the arcs to its neighbours contracted after it (the upward graph): a query is a Dijkstra
// from each end over upward arcs only, the two meeting at the top.
//
// The network is undirected, so one upward graph serves both directions. An arc is an edge of the
// graph (ids 0 … edgeCount − 1) or a shortcut (edgeCount + s), which unpacks into its two halves
// through its middle node. Costs are Float64, summed as the router sums them: a route's cost is that
// of its edges to the last bits, not the Float32 rounding the landmarks must allow for.
import { defaultEdgeCost } from './cost';
import type { Graph } from './graph';
import { FlatHeap } from './heap';

const MAGIC = 0xca7a0c4e;
const VERSION = 1;
const HEADER_BYTES = 32;

const align8 = (n: number) => Math.ceil(n / 8) * 8;

export class Hierarchy {
  readonly data: ArrayBuffer;
  readonly byteOffset: number;
  readonly byteLength: number;
  readonly nodeCount: number;
  readonly edgeCount: number;
  /** upward arcs, all nodes together */
  readonly arcCount: number;
  readonly shortcutCount: number;
  /** cost of each upward arc (upward arcs of node n: upOffsets[n] … upOffsets[n + 1]) */
  readonly upCost: Float64Array;
  readonly upOffsets: Uint32Array;
  /** the arc's other end (contracted after n) */
  readonly upTarget: Uint32Array;
  /** the arc: a graph edge (< edgeCount) or a shortcut (edgeCount + s) */
  readonly upArc: Uint32Array;
  /** shortcut s joins scLow[s] (contracted first) and scHigh[s] through scMid[s]: arcs scA[s] (low–mid) and scB[s] (mid–high) */
  readonly scLow: Uint32Array;
  readonly scHigh: Uint32Array;
  readonly scMid: Uint32Array;
  readonly scA: Uint32Array;
  readonly scB: Uint32Array;

  private constructor(data: ArrayBuffer, byteOffset: number, nodeCount: number, edgeCount: number, arcCount: number, shortcutCount: number) {
    this.data = data;
    this.byteOffset = byteOffset;
    this.byteLength = Hierarchy.byteLength(nodeCount, arcCount, shortcutCount);
    this.nodeCount = nodeCount;
    this.edgeCount = edgeCount;
    this.arcCount = arcCount;
    this.shortcutCount = shortcutCount;
    let offset = byteOffset + HEADER_BYTES;
    this.upCost = new Float64Array(data, offset, arcCount);
    offset += 8 * arcCount;
    const u32 = (n: number) => {
      const a = new Uint32Array(data, offset, n);
      offset += 4 * n;
      return a;
    };
    this.upOffsets = u32(nodeCount + 1);
    this.upTarget = u32(arcCount);
    this.upArc = u32(arcCount);
    this.scLow = u32(shortcutCount);
    this.scHigh = u32(shortcutCount);
    this.scMid = u32(shortcutCount);
    this.scA = u32(shortcutCount);
    this.scB = u32(shortcutCount);
  }

  static byteLength(nodeCount: number, arcCount: number, shortcutCount: number): number {
    return align8(HEADER_BYTES + 8 * arcCount + 4 * (nodeCount + 1 + 2 * arcCount + 5 * shortcutCount));
  }

  static allocate(nodeCount: number, edgeCount: number, arcCount: number, shortcutCount: number): Hierarchy {
    const data = new ArrayBuffer(Hierarchy.byteLength(nodeCount, arcCount, shortcutCount));
    new Uint32Array(data, 0, 6).set([MAGIC, VERSION, nodeCount, edgeCount, arcCount, shortcutCount]);
    return new Hierarchy(data, 0, nodeCount, edgeCount, arcCount, shortcutCount);
  }

  /** Views a hierarchy stored in a buffer (no copy); byteOffset must be a multiple of 8. */
  static from(data: ArrayBuffer, byteOffset = 0, byteLength = data.byteLength - byteOffset): Hierarchy {
    if (byteOffset % 8 !== 0) throw new Error('hierarchy byteOffset must be a multiple of 8');
    if (byteLength < HEADER_BYTES || byteOffset + byteLength > data.byteLength) throw new Error('hierarchy buffer too short');
    const [magic, version, nodeCount, edgeCount, arcCount, shortcutCount] = new Uint32Array(data, byteOffset, 6);
    if (magic !== MAGIC || version !== VERSION) throw new Error('not a Cavalier hierarchy buffer (or a different version)');
    if (byteLength !== Hierarchy.byteLength(nodeCount, arcCount, shortcutCount)) throw new Error('hierarchy buffer has the wrong size');
    return new Hierarchy(data, byteOffset, nodeCount, edgeCount, arcCount, shortcutCount);
  }

  bytes(): Uint8Array {
    return new Uint8Array(this.data, this.byteOffset, this.byteLength);
  }

  /** The other end of arc `a` from node `n`. */
  otherEnd(graph: Graph, a: number, n: number): number {
    if (a < this.edgeCount) return graph.edgeFrom[a] === n ? graph.edgeTo[a] : graph.edgeFrom[a];
    const s = a - this.edgeCount;
    return this.scLow[s] === n ? this.scHigh[s] : this.scLow[s];
  }

  /** Appends the graph edges of arc `a`, walked from its end `n`, to `out`. */
  unpack(graph: Graph, a: number, n: number, out: number[]): void {
    if (a < this.edgeCount) {
      out.push(a);
      return;
    }
    const s = a - this.edgeCount;
    const mid = this.scMid[s];
    if (this.scLow[s] === n) {
      this.unpack(graph, this.scA[s], n, out);
      this.unpack(graph, this.scB[s], mid, out);
    } else {
      this.unpack(graph, this.scB[s], n, out);
      this.unpack(graph, this.scA[s], mid, out);
    }
  }
}

export interface HierarchyOptions {
  /** nodes a witness search may settle before it gives up (and the shortcut is added) */
  witnessLimit?: number;
}

/**
 * Contracts every node of the graph under the default costs. On the generated 491k-edge network
 * this takes some seconds in node (see the scale benchmark for the figure and the size).
 */
export function computeHierarchy(graph: Graph, options: HierarchyOptions = {}): Hierarchy {
  const n = graph.nodeCount;
  const E = graph.edgeCount;
  const limit = options.witnessLimit ?? 200;
  const cost = defaultEdgeCost(graph);
  // the remaining graph: per node, its neighbours not yet contracted, the cost and the arc to each
  const nb: number[][] = Array.from({ length: n }, () => []);
  const wt: number[][] = Array.from({ length: n }, () => []);
  const ar: number[][] = Array.from({ length: n }, () => []);
  // graph edges each arc stands for (1 for an edge): the priority keeps shortcuts short
  const hp: number[][] = Array.from({ length: n }, () => []);
  /** adds arc u–x of cost w, or lowers an existing one (parallel edges: the cheaper is kept) */
  const link = (u: number, x: number, w: number, a: number, hops: number) => {
    const i = nb[u].indexOf(x);
    if (i < 0) {
      nb[u].push(x);
      wt[u].push(w);
      ar[u].push(a);
      hp[u].push(hops);
      nb[x].push(u);
      wt[x].push(w);
      ar[x].push(a);
      hp[x].push(hops);
    } else if (w < wt[u][i]) {
      wt[u][i] = w;
      ar[u][i] = a;
      hp[u][i] = hops;
      const j = nb[x].indexOf(u);
      wt[x][j] = w;
      ar[x][j] = a;
      hp[x][j] = hops;
    }
  };
  for (let e = 0; e < E; e++) {
    const u = graph.edgeFrom[e];
    const x = graph.edgeTo[e];
    if (u !== x) link(u, x, graph.edgeLength[e] * cost[e], e, 1); // a loop is never on a shortest path
  }

  const scLow: number[] = [];
  const scHigh: number[] = [];
  const scMid: number[] = [];
  const scA: number[] = [];
  const scB: number[] = [];

  // witness search over the remaining graph, avoiding `skip`
  const dist = new Float64Array(n);
  const stamp = new Uint32Array(n);
  let gen = 0;
  const heap = new FlatHeap(1024);
  // the targets still to settle: the search stops once it has them all
  const target = new Uint32Array(n);
  let targets = 0;
  const witness = (source: number, skip: number, maxCost: number): void => {
    gen++;
    heap.clear();
    stamp[source] = gen;
    dist[source] = 0;
    heap.push(source, 0);
    let settled = 0;
    while (heap.length > 0) {
      const d = heap.peekPriority();
      if (d > maxCost) break;
      const u = heap.pop();
      if (d > dist[u]) continue;
      if (target[u] === gen && --targets === 0) break;
      if (++settled > limit) break;
      const nu = nb[u];
      const wu = wt[u];
      for (let i = 0; i < nu.length; i++) {
        const x = nu[i];
        if (x === skip) continue;
        const dx = d + wu[i];
        if (stamp[x] !== gen || dx < dist[x]) {
          stamp[x] = gen;
          dist[x] = dx;
          heap.push(x, dx);
        }
      }
    }
  };
  const reached = (x: number) => (stamp[x] === gen ? dist[x] : Infinity);

  let addedHops = 0;
  /** Shortcuts contracting v would add (and their hops in addedHops); with `apply`, adds them. */
  const contract = (v: number, apply: boolean): number => {
    const nv = nb[v];
    const wv = wt[v];
    const hv = hp[v];
    const deg = nv.length;
    let count = 0;
    addedHops = 0;
    for (let i = 0; i < deg - 1; i++) {
      const u = nv[i];
      let far = 0;
      targets = deg - 1 - i;
      for (let j = i + 1; j < deg; j++) {
        target[nv[j]] = gen + 1; // the generation witness() is about to use
        if (wv[j] > far) far = wv[j];
      }
      witness(u, v, wv[i] + far);
      for (let j = i + 1; j < deg; j++) {
        const x = nv[j];
        const via = wv[i] + wv[j];
        if (reached(x) <= via) continue;
        count++;
        addedHops += hv[i] + hv[j];
        if (apply) {
          // the new arc's id: low end is the node contracted first, not known yet; fixed below
          const s = scLow.length;
          scLow.push(u);
          scHigh.push(x);
          scMid.push(v);
          scA.push(ar[v][i]);
          scB.push(ar[v][j]);
          link(u, x, via, E + s, hv[i] + hv[j]);
        }
      }
    }
    return count;
  };

  // RoutingKit's order (Dibbelt, Strasser & Wagner 2016): the node's level in the hierarchy so far,
  // plus the arcs and the graph edges its contraction would add over those it would remove
  const level = new Uint32Array(n);
  const prio = new Float64Array(n);
  const priority = (v: number) => {
    const added = contract(v, false);
    const deg = nb[v].length;
    if (deg === 0) return level[v];
    let removedHops = 0;
    for (const h of hp[v]) removedHops += h;
    return level[v] + added / deg + addedHops / removedHops;
  };
  const queue = new FlatHeap(n);
  for (let v = 0; v < n; v++) {
    prio[v] = priority(v);
    queue.push(v, prio[v]);
  }
  const rank = new Uint32Array(n);
  const done = new Uint8Array(n);
  // each node's upward arcs, kept when it is contracted (its neighbours then all come after it)
  const upTarget: number[][] = new Array(n);
  const upCost: number[][] = new Array(n);
  const upArc: number[][] = new Array(n);
  let next = 0;
  while (queue.length > 0) {
    const key = queue.peekPriority();
    const v = queue.pop();
    if (done[v] || key !== prio[v]) continue; // stale entry
    // lazy update: recompute, and put it back if it is no longer the cheapest
    const p = priority(v);
    if (p > key && queue.length > 0 && p > queue.peekPriority()) {
      prio[v] = p;
      queue.push(v, p);
      continue;
    }
    contract(v, true);
    done[v] = 1;
    rank[v] = next++;
    upTarget[v] = nb[v].slice();
    upCost[v] = wt[v].slice();
    upArc[v] = ar[v].slice();
    const nv = nb[v];
    for (const u of nv) {
      const i = nb[u].indexOf(v);
      const last = nb[u].length - 1;
      nb[u][i] = nb[u][last];
      wt[u][i] = wt[u][last];
      ar[u][i] = ar[u][last];
      hp[u][i] = hp[u][last];
      nb[u].pop();
      wt[u].pop();
      ar[u].pop();
      hp[u].pop();
      if (level[u] < level[v] + 1) level[u] = level[v] + 1;
    }
    nb[v] = [];
    wt[v] = [];
    ar[v] = [];
    hp[v] = [];
  }

  let arcs = 0;
  for (let v = 0; v < n; v++) arcs += upTarget[v]?.length ?? 0;
  const S = scLow.length;
  const h = Hierarchy.allocate(n, E, arcs, S);
  let k = 0;
  for (let v = 0; v < n; v++) {
    h.upOffsets[v] = k;
    const t = upTarget[v] ?? [];
    for (let i = 0; i < t.length; i++, k++) {
      h.upTarget[k] = t[i];
      h.upCost[k] = upCost[v][i];
      h.upArc[k] = upArc[v][i];
    }
  }
  h.upOffsets[n] = k;
  for (let s = 0; s < S; s++) {
    // low: the end contracted first; its half to the middle node is scA
    const swap = rank[scLow[s]] > rank[scHigh[s]];
    h.scLow[s] = swap ? scHigh[s] : scLow[s];
    h.scHigh[s] = swap ? scLow[s] : scHigh[s];
    h.scMid[s] = scMid[s];
    h.scA[s] = swap ? scB[s] : scA[s];
    h.scB[s] = swap ? scA[s] : scB[s];
  }
  return h;
}
