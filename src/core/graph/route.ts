// Shortest path between two snapped points: bidirectional A* over the CSR graph, one binary heap
// per direction. The search from the start and the search from the end share one potential, the
// average p(n) = (π_end(n) − π_start(n)) / 2 of two lower bounds (Ikeda et al. 1994; Goldberg &
// Harrelson 2005, "consistent approach"), so the two meet in the middle and may stop as soon as
// their two smallest keys add up to the best path found (μ). The lower bounds are the straight
// line in a frame that underestimates every edge of the graph, and with landmarks (ALT, see
// landmarks.ts) the bounds of the few landmarks that bound this pair best (QUERY_LANDMARKS of the
// 16: the others cost loads and compares at every node and rarely win). A one-directional ALT
// search grows as the leg's length to the power ~1.8 (the ellipse of nodes whose bound is loose);
// the two half-searches settle far fewer nodes on long legs.
//
// Search buffers are allocated on the first leg (not at load) and reused between legs (a
// generation stamp replaces clearing them), so a leg allocates nothing proportional to the graph.
import { positionsLength, segmentLength } from '../geo/geodesic';
import { connectedComponents } from './components';
import { defaultEdgeCost, GAP_COST } from './cost';
import type { Graph } from './graph';
import { FlatHeap } from './heap';
import type { Hierarchy } from './hierarchy';
import type { Landmarks } from './landmarks';
import type { Snap } from './nearest';

export { GAP_COST };

/**
 * Landmarks used by one query: those of the 16 whose bound between the two ends is largest. On the
 * generated 491k-edge network (test/bench/scale.ts), 4 settled about as few nodes as 16 at a
 * quarter of the work per node.
 */
const QUERY_LANDMARKS = 4;

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
   * How the search is guided: 'auto' (the contraction hierarchy under the default costs when the
   * router has one, else landmarks when it has them, and the straight line), 'landmarks' (the same
   * without the hierarchy), 'straight-line' (plain bidirectional A*), 'none' (bidirectional
   * Dijkstra, for benchmarks and tests).
   */
  heuristic?: 'auto' | 'landmarks' | 'straight-line' | 'none';
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
  /** nodes settled by the search, both directions together (for benchmarks) */
  settled: number;
}

/** How far each lower bound may be trusted under a cost array (see RouteOptions.edgeCost). */
interface BoundScales {
  /** the straight line bounds a path's length; costs bound it when every factor is ≥ 1 */
  straight: number;
  /** landmark bounds are in default costs; they bound other costs when every factor is ≥ the default one */
  landmarks: number;
}

interface SearchBuffers {
  /** per node n: label[3n] cost from the start, label[3n + 1] cost to the end, label[3n + 2] potential */
  label: Float64Array;
  /** per node n: the edge it was reached by from the start (2n) and from the end (2n + 1); -1 at a snap */
  prev: Int32Array;
  /** label and prev of node n belong to the current leg when stamp[n] is its generation */
  stamp: Uint32Array;
  heaps: [FlatHeap, FlatHeap];
}

const M_PER_DEG_LAT = 110_574; // the meridian's smallest scale (at the equator)
const M_PER_DEG_LON_EQ = 111_319;
// The straight-line frame is a fixed plate carrée scaled by the cosine of the graph's highest
// latitude, so it shortens every segment anywhere in the graph (the geodesic scale grows towards
// the equator): the bound is consistent, not only admissible, as the bidirectional search needs.
const HEURISTIC_SAFETY = 0.98;

export class Router {
  private buffers: SearchBuffers | null = null;
  private generation = 0;
  private defaults: Float32Array | null = null;
  private component: Uint32Array | null;
  private landmarks: Landmarks | null = null;
  private hierarchy: Hierarchy | null = null;
  private frame: { mx: number; my: number } | null = null;
  private scales = new WeakMap<Float32Array, BoundScales>();
  // per query: the chosen landmarks' columns and their costs to the two snaps
  private chosen = new Int32Array(QUERY_LANDMARKS);
  private toStart = new Float64Array(QUERY_LANDMARKS);
  private toEnd = new Float64Array(QUERY_LANDMARKS);

  /**
   * Costs nothing proportional to the graph: the component labels come from network.bin (or are
   * computed on the first leg), the search buffers are allocated on the first leg.
   */
  constructor(
    private graph: Graph,
    landmarks: Landmarks | null = null,
    components: Uint32Array | null = null,
    hierarchy: Hierarchy | null = null,
  ) {
    if (components && components.length !== graph.nodeCount) throw new Error('component labels of another graph');
    if (hierarchy && (hierarchy.nodeCount !== graph.nodeCount || hierarchy.edgeCount !== graph.edgeCount)) throw new Error('hierarchy of another graph');
    this.component = components;
    this.hierarchy = hierarchy;
    this.setLandmarks(landmarks);
  }

  get hasHierarchy(): boolean {
    return this.hierarchy !== null;
  }

  /** Uses these landmarks (computed on this graph) from the next route on; null goes back to plain A*. */
  setLandmarks(landmarks: Landmarks | null): void {
    if (landmarks && landmarks.nodeCount !== this.graph.nodeCount) throw new Error('landmarks computed on another graph');
    this.landmarks = landmarks && landmarks.count > 0 ? landmarks : null;
  }

  get hasLandmarks(): boolean {
    return this.landmarks !== null;
  }

  private defaultCost(): Float32Array {
    this.defaults ??= defaultEdgeCost(this.graph);
    return this.defaults;
  }

  private components(): Uint32Array {
    this.component ??= connectedComponents(this.graph).label;
    return this.component;
  }

  private searchBuffers(): SearchBuffers {
    const n = this.graph.nodeCount;
    this.buffers ??= {
      label: new Float64Array(3 * n),
      prev: new Int32Array(2 * n),
      stamp: new Uint32Array(n),
      heaps: [new FlatHeap(4096), new FlatHeap(4096)],
    };
    return this.buffers;
  }

  /** Metres per degree of the straight-line frame (see HEURISTIC_SAFETY). */
  private straightFrame(): { mx: number; my: number } {
    if (!this.frame) {
      const c = this.graph.nodeCoords;
      let maxLat = 0;
      for (let i = 1; i < c.length; i += 2) if (Math.abs(c[i]) > maxLat) maxLat = Math.abs(c[i]);
      this.frame = { mx: M_PER_DEG_LON_EQ * Math.cos((Math.min(90, maxLat) * Math.PI) / 180) * HEURISTIC_SAFETY, my: M_PER_DEG_LAT * HEURISTIC_SAFETY };
    }
    return this.frame;
  }

  private boundScales(cost: Float32Array): BoundScales {
    const defaults = this.defaultCost();
    if (cost === defaults) return { straight: 1, landmarks: 1 };
    let s = this.scales.get(cost);
    if (!s) {
      let straight = 1;
      let landmarks = 1;
      for (let e = 0; e < cost.length; e++) {
        const c = cost[e];
        if (c < straight) straight = c;
        const r = c / defaults[e];
        if (r < landmarks) landmarks = r;
      }
      s = { straight: Math.max(0, straight), landmarks: Math.max(0, landmarks) };
      this.scales.set(cost, s);
    }
    return s;
  }

  /**
   * Chooses the landmarks that bound this pair best (|d(L, end) − d(L, start)|, largest first) and
   * fills their costs to both snaps; returns how many (0 when none reaches the pair).
   */
  private chooseLandmarks(lm: Landmarks, from: Snap, to: Snap, alongA: number, alongB: number): number {
    const { edgeFrom, edgeTo, edgeLength } = this.graph;
    const defaults = this.defaultCost();
    const K = lm.count;
    const D = lm.dist;
    const through = (snap: Snap, along: number, l: number) => {
      // a snap is a point on its edge: its landmark cost comes through one of the edge's ends
      const e = snap.edge;
      const c = defaults[e];
      return Math.min(D[edgeFrom[e] * K + l] + along * c, D[edgeTo[e] * K + l] + (edgeLength[e] - along) * c);
    };
    const { chosen, toStart, toEnd } = this;
    const bound = new Float64Array(QUERY_LANDMARKS);
    let count = 0;
    for (let l = 0; l < K; l++) {
      const s = through(from, alongA, l);
      const t = through(to, alongB, l);
      const b = Math.abs(t - s);
      if (!(b >= 0) || b === Infinity) continue; // a landmark that reaches neither (another piece of the network)
      // insertion into the small sorted list of the best so far
      let i = count < QUERY_LANDMARKS ? count++ : QUERY_LANDMARKS;
      if (i === QUERY_LANDMARKS && b <= bound[QUERY_LANDMARKS - 1]) continue;
      if (i === QUERY_LANDMARKS) i--;
      while (i > 0 && bound[i - 1] < b) {
        bound[i] = bound[i - 1];
        chosen[i] = chosen[i - 1];
        toStart[i] = toStart[i - 1];
        toEnd[i] = toEnd[i - 1];
        i--;
      }
      bound[i] = b;
      chosen[i] = l;
      toStart[i] = s;
      toEnd[i] = t;
    }
    return count;
  }

  /** Shortest path from one snap to another along the network, or null when they are not connected. */
  route(from: Snap, to: Snap, options: RouteOptions = {}): PathResult | null {
    const graph = this.graph;
    const cost = options.edgeCost ?? this.defaultCost();
    if (cost.length !== graph.edgeCount) throw new Error('edgeCost must have one factor per edge');
    const { nodeCoords, adjOffsets, adjEdges, edgeFrom, edgeTo, edgeLength } = graph;
    const ea = from.edge;
    const eb = to.edge;
    // different pieces of the network: say so at once rather than exhaust the start's piece
    const component = this.components();
    if (component[edgeFrom[ea]] !== component[edgeFrom[eb]]) return null;

    const { label, prev, stamp, heaps } = this.searchBuffers();
    const gen = ++this.generation;
    if (gen === 0xffffffff) {
      stamp.fill(0);
      this.generation = 1;
    }
    const stampNow = this.generation;
    heaps[0].clear();
    heaps[1].clear();

    const alongA = alongEdge(graph, from);
    const alongB = alongEdge(graph, to);
    const lenA = edgeLength[ea];
    const lenB = edgeLength[eb];

    const mode = options.heuristic ?? 'auto';
    if (mode === 'auto' && this.hierarchy && cost === this.defaultCost()) return this.routeUp(this.hierarchy, from, to, alongA, alongB, stampNow);

    // the two lower bounds: π_end(n) of the cost from n to the end snap, π_start(n) from the start snap
    const scales = mode === 'none' ? { straight: 0, landmarks: 0 } : this.boundScales(cost);
    const frame = this.straightFrame();
    const mx = frame.mx * scales.straight;
    const my = frame.my * scales.straight;
    const { lon: slon, lat: slat } = from;
    const { lon: tlon, lat: tlat } = to;
    const lm = (mode === 'auto' || mode === 'landmarks') && scales.landmarks > 0 ? this.landmarks : null;
    const K = lm ? this.chooseLandmarks(lm, from, to, alongA, alongB) : 0;
    const stride = lm ? lm.count : 0;
    const D = lm ? lm.dist : new Float32Array(0);
    const { chosen, toStart, toEnd } = this;
    const altScale = scales.landmarks;
    const slack = lm ? lm.slack : 0;
    // The Float32 landmark costs make each bound off by less than `slack` / 2, so a pair of
    // potentials may exceed the cost between their nodes by less than `slack`: the stopping test
    // waits that much longer, which keeps the result exact (see the proof in the tests' header).
    const margin = slack + 1e-6;
    const potential = (n: number): number => {
      const x = nodeCoords[2 * n];
      const y = nodeCoords[2 * n + 1];
      let dx = (x - tlon) * mx;
      let dy = (y - tlat) * my;
      let hEnd = Math.sqrt(dx * dx + dy * dy);
      dx = (x - slon) * mx;
      dy = (y - slat) * my;
      let hStart = Math.sqrt(dx * dx + dy * dy);
      if (K > 0) {
        let bEnd = 0;
        let bStart = 0;
        const base = n * stride;
        for (let k = 0; k < K; k++) {
          const d = D[base + chosen[k]];
          const a = toEnd[k] - d;
          if (a > bEnd) bEnd = a;
          else if (-a > bEnd) bEnd = -a;
          const b = toStart[k] - d;
          if (b > bStart) bStart = b;
          else if (-b > bStart) bStart = -b;
        }
        bEnd = (bEnd - slack) * altScale;
        bStart = (bStart - slack) * altScale;
        if (bEnd > hEnd) hEnd = bEnd;
        if (bStart > hStart) hStart = bStart;
      }
      return (hEnd - hStart) / 2;
    };

    // μ: the cost of the best path found so far, through node `meet` (-1: along the shared edge)
    let mu = Infinity;
    let meet = -1;
    if (ea === eb) mu = Math.abs(alongB - alongA) * cost[ea];
    // side 0 searches from the start (key: cost + potential), side 1 from the end (cost − potential)
    const [fwd, bwd] = heaps;
    // the potential is only needed to push a node: a dead end gets none unless it is a snap's end
    const touch = (n: number): void => {
      if (stamp[n] === stampNow) return;
      stamp[n] = stampNow;
      label[3 * n] = Infinity;
      label[3 * n + 1] = Infinity;
      label[3 * n + 2] = adjOffsets[n + 1] - adjOffsets[n] > 1 ? potential(n) : 0;
    };
    const seed = (side: number, n: number, gn: number): void => {
      touch(n);
      label[3 * n + 2] = potential(n);
      if (gn >= label[3 * n + side]) return;
      label[3 * n + side] = gn;
      prev[2 * n + side] = -1;
      heaps[side].push(n, side === 0 ? gn + label[3 * n + 2] : gn - label[3 * n + 2]);
      if (gn + label[3 * n + 1 - side] < mu) {
        mu = gn + label[3 * n + 1 - side];
        meet = n;
      }
    };
    seed(0, edgeFrom[ea], alongA * cost[ea]);
    seed(0, edgeTo[ea], (lenA - alongA) * cost[ea]);
    seed(1, edgeFrom[eb], alongB * cost[eb]);
    seed(1, edgeTo[eb], (lenB - alongB) * cost[eb]);

    // The two directions are written out twice rather than parametrised: this loop is the router's
    // whole cost, and a shared body with the direction as a variable ran ~1.5× slower.
    let settled = 0;
    for (;;) {
      const kf = fwd.peekPriority();
      const kr = bwd.peekPriority();
      // Infinity when either side is exhausted: its costs are then all final, and μ with them
      if (kf + kr >= mu + margin) break;
      // expand the side with the smaller queue (Pohl's cardinality rule): on the 491k-edge network it
      // settled 10 % fewer nodes than the side with the smaller key at p95 on 10 and 40 km legs, 38 %
      // fewer on 100 km legs and on avoid-mode legs. Any choice keeps the stopping test exact.
      if (fwd.length <= bwd.length) {
        const n = fwd.pop();
        const gn = label[3 * n];
        // a stale entry: n was reached more cheaply since it was pushed. Comparing keys rather than
        // marking nodes closed lets a node be settled again if its cost drops later, which keeps
        // the result exact even where the Float32 landmark bounds are a hair inconsistent.
        if (kf > gn + label[3 * n + 2]) continue;
        settled++;
        for (let i = adjOffsets[n]; i < adjOffsets[n + 1]; i++) {
          const e = adjEdges[i];
          const m = edgeFrom[e] === n ? edgeTo[e] : edgeFrom[e];
          const gm = gn + edgeLength[e] * cost[e];
          touch(m);
          if (gm >= label[3 * m]) continue;
          label[3 * m] = gm;
          prev[2 * m] = e;
          // a dead end leads nowhere but back: labelled (the two searches may meet there), never settled
          if (adjOffsets[m + 1] - adjOffsets[m] > 1) fwd.push(m, gm + label[3 * m + 2]);
          if (gm + label[3 * m + 1] < mu) {
            mu = gm + label[3 * m + 1];
            meet = m;
          }
        }
      } else {
        const n = bwd.pop();
        const gn = label[3 * n + 1];
        if (kr > gn - label[3 * n + 2]) continue;
        settled++;
        for (let i = adjOffsets[n]; i < adjOffsets[n + 1]; i++) {
          const e = adjEdges[i];
          const m = edgeFrom[e] === n ? edgeTo[e] : edgeFrom[e];
          const gm = gn + edgeLength[e] * cost[e];
          touch(m);
          if (gm >= label[3 * m + 1]) continue;
          label[3 * m + 1] = gm;
          prev[2 * m + 1] = e;
          if (adjOffsets[m + 1] - adjOffsets[m] > 1) bwd.push(m, gm - label[3 * m + 2]);
          if (gm + label[3 * m] < mu) {
            mu = gm + label[3 * m];
            meet = m;
          }
        }
      }
    }
    if (mu === Infinity) return null;
    if (meet === -1) return this.assemble(from, to, alongA, alongB, -1, [], mu, settled);
    // back from the meeting node to the start snap, then on from it to the end snap
    const chain: number[] = [];
    let n = meet;
    while (prev[2 * n] !== -1) {
      chain.push(prev[2 * n]);
      n = graph.otherEnd(prev[2 * n], n);
    }
    chain.reverse();
    const first = n;
    n = meet;
    while (prev[2 * n + 1] !== -1) {
      chain.push(prev[2 * n + 1]);
      n = graph.otherEnd(prev[2 * n + 1], n);
    }
    return this.assemble(from, to, alongA, alongB, first, chain, mu, settled);
  }

  /**
   * The leg under the default costs through the contraction hierarchy: a Dijkstra from each end
   * over upward arcs only (the costs are those of the graph: no bound, no slack), each side stopping
   * once its smallest key reaches the best path found (μ). A node is not expanded when an upward
   * neighbour already reached offers a cheaper way to it ("stall-on-demand"): its label cannot be
   * on a shortest path, and the nodes above it are reached anyway.
   */
  private routeUp(h: Hierarchy, from: Snap, to: Snap, alongA: number, alongB: number, stampNow: number): PathResult | null {
    const graph = this.graph;
    const cost = this.defaultCost();
    const { edgeFrom, edgeTo, edgeLength } = graph;
    const { upOffsets, upTarget, upCost, upArc } = h;
    const { label, prev, stamp, heaps } = this.searchBuffers();
    const ea = from.edge;
    const eb = to.edge;
    let mu = Infinity;
    let meet = -1;
    if (ea === eb) mu = Math.abs(alongB - alongA) * cost[ea];
    const seed = (side: number, n: number, gn: number): void => {
      if (stamp[n] !== stampNow) {
        stamp[n] = stampNow;
        label[3 * n] = Infinity;
        label[3 * n + 1] = Infinity;
      }
      if (gn >= label[3 * n + side]) return;
      label[3 * n + side] = gn;
      prev[2 * n + side] = -1;
      heaps[side].push(n, gn);
      if (gn + label[3 * n + 1 - side] < mu) {
        mu = gn + label[3 * n + 1 - side];
        meet = n;
      }
    };
    seed(0, edgeFrom[ea], alongA * cost[ea]);
    seed(0, edgeTo[ea], (edgeLength[ea] - alongA) * cost[ea]);
    seed(1, edgeFrom[eb], alongB * cost[eb]);
    seed(1, edgeTo[eb], (edgeLength[eb] - alongB) * cost[eb]);
    let settled = 0;
    for (;;) {
      const kf = heaps[0].peekPriority();
      const kr = heaps[1].peekPriority();
      const goF = kf < mu;
      if (!goF && !(kr < mu)) break;
      // the side with the smaller key, as long as it may still improve μ
      const side = goF && (kf <= kr || !(kr < mu)) ? 0 : 1;
      const heap = heaps[side];
      const key = side === 0 ? kf : kr;
      const n = heap.pop();
      const gn = label[3 * n + side];
      if (key > gn) continue; // stale entry
      const lo = upOffsets[n];
      const hi = upOffsets[n + 1];
      let stalled = false;
      for (let i = lo; i < hi; i++) {
        const m = upTarget[i];
        if (stamp[m] === stampNow && label[3 * m + side] + upCost[i] < gn) {
          stalled = true;
          break;
        }
      }
      if (stalled) continue;
      settled++;
      for (let i = lo; i < hi; i++) {
        const m = upTarget[i];
        const gm = gn + upCost[i];
        if (stamp[m] !== stampNow) {
          stamp[m] = stampNow;
          label[3 * m] = Infinity;
          label[3 * m + 1] = Infinity;
        }
        if (gm >= label[3 * m + side]) continue;
        label[3 * m + side] = gm;
        prev[2 * m + side] = upArc[i];
        heap.push(m, gm);
        const other = label[3 * m + 1 - side];
        if (gm + other < mu) {
          mu = gm + other;
          meet = m;
        }
      }
    }
    if (mu === Infinity) return null;
    if (meet === -1) return this.assemble(from, to, alongA, alongB, -1, [], mu, settled);
    // the arcs from the start's side to the meeting node, then on to the end's side, unpacked
    const arcs: number[] = [];
    const starts: number[] = [];
    let n = meet;
    while (prev[2 * n] !== -1) {
      const a = prev[2 * n];
      n = h.otherEnd(graph, a, n);
      arcs.push(a);
      starts.push(n);
    }
    const first = n;
    const chain: number[] = [];
    for (let i = arcs.length - 1; i >= 0; i--) h.unpack(graph, arcs[i], starts[i], chain);
    n = meet;
    while (prev[2 * n + 1] !== -1) {
      const a = prev[2 * n + 1];
      h.unpack(graph, a, n, chain);
      n = h.otherEnd(graph, a, n);
    }
    return this.assemble(from, to, alongA, alongB, first, chain, mu, settled);
  }

  /**
   * The path's geometry and breakdown: along the start edge from the start snap (to the end snap
   * when `first` is -1: both on one edge), out of it at node `first`, along `chain`, into the end edge.
   */
  private assemble(from: Snap, to: Snap, alongA: number, alongB: number, first: number, chain: number[], mu: number, settled: number): PathResult {
    const graph = this.graph;
    const { edgeFrom, edgeTo, edgeLength } = graph;
    const ea = from.edge;
    const eb = to.edge;
    const lenA = edgeLength[ea];
    const lenB = edgeLength[eb];
    const coords: [number, number][] = [];
    const edges: number[] = [];
    const edgeMetres: number[] = [];
    if (first === -1) {
      pushPartial(graph, from, alongA <= alongB ? 'forward' : 'backward', to, coords);
      edges.push(ea);
      edgeMetres.push(Math.abs(alongB - alongA));
    } else {
      // `first` is the end of the start edge through which the path leaves it
      // (on a loop edge both ends are `first`: the search kept the cheaper way out)
      const loop = edgeFrom[ea] === edgeTo[ea];
      const forward = loop ? lenA - alongA < alongA : first === edgeTo[ea];
      pushPartial(graph, from, forward ? 'forward' : 'backward', null, coords);
      edges.push(ea);
      edgeMetres.push(forward ? lenA - alongA : alongA);
      let at = first;
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
    return { coords, edges, edgeMetres, length_m: positionsLength(coords), cost: mu, settled };
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
