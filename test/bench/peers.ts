// The competent peers of the routing rows (issue 15): ngraph.path's NBA* and A* over an
// ngraph.graph built from the same arrays, given the same costs and the same lower bounds as
// Cavalier (the straight line in Cavalier's frame, and Cavalier's own landmark bound), and the same
// snapped clicks (each one a node of its own, joined to the two ends of its edge, as Cavalier's
// search starts). Only the search is timed; the clicks' nodes are added before and removed after.
import createGraph, { type Graph as NGraph, type Link, type Node } from 'ngraph.graph';
import ngraphPath from 'ngraph.path';
import { segmentLength } from '../../src/core/geo/geodesic';
import type { Graph } from '../../src/core/graph/graph';
import type { Landmarks } from '../../src/core/graph/landmarks';
import type { Snap } from '../../src/core/graph/nearest';

interface LinkData {
  edge: number;
  /** cost of a link to a click (its share of the snapped edge); -1 on a graph edge */
  w: number;
}

export type PeerSearch = 'nba-straight' | 'astar-landmarks' | 'nba-landmarks';

/** Straight-line frame of Cavalier's router (route.ts: HEURISTIC_SAFETY, the graph's highest latitude). */
function straightFrame(graph: Graph): { mx: number; my: number } {
  let maxLat = 0;
  for (let i = 1; i < graph.nodeCoords.length; i += 2) maxLat = Math.max(maxLat, Math.abs(graph.nodeCoords[i]));
  return { mx: 111_319 * Math.cos((maxLat * Math.PI) / 180) * 0.98, my: 110_574 * 0.98 };
}

function along(graph: Graph, s: Snap): number {
  const c = graph.coords;
  let sum = 0;
  for (let v = graph.edgeCoordStart[s.edge]; v < s.seg; v++) sum += segmentLength(c[2 * v], c[2 * v + 1], c[2 * v + 2], c[2 * v + 3]);
  return sum + s.t * segmentLength(c[2 * s.seg], c[2 * s.seg + 1], c[2 * s.seg + 2], c[2 * s.seg + 3]);
}

export class NgraphPeer {
  readonly ng: NGraph<null, LinkData>;
  private readonly S: number;
  private readonly T: number;
  private readonly frame: { mx: number; my: number };
  /** landmark costs of the two click nodes (default costs, as the stored landmarks) */
  private readonly clickLm: Float64Array;
  private readonly clickXY = new Float64Array(4);
  private cost: Float32Array;
  private finders: Record<PeerSearch, { find: (a: number, b: number) => Node<null>[] }>;

  constructor(
    private graph: Graph,
    private landmarks: Landmarks,
    private defaults: Float32Array,
  ) {
    this.ng = createGraph<null, LinkData>({ multigraph: true });
    for (let n = 0; n < graph.nodeCount; n++) this.ng.addNode(n);
    for (let e = 0; e < graph.edgeCount; e++) this.ng.addLink(graph.edgeFrom[e], graph.edgeTo[e], { edge: e, w: -1 });
    this.S = graph.nodeCount;
    this.T = graph.nodeCount + 1;
    this.frame = straightFrame(graph);
    this.clickLm = new Float64Array(2 * landmarks.count);
    this.cost = defaults;
    const distance = (_a: Node<null>, _b: Node<null>, link: Link<LinkData>) => {
      const d = link.data;
      return d.w >= 0 ? d.w : graph.edgeLength[d.edge] * this.cost[d.edge];
    };
    const straight = (a: Node<null>, b: Node<null>) => this.straight(a.id as number, b.id as number);
    const withLandmarks = (a: Node<null>, b: Node<null>) => this.withLandmarks(a.id as number, b.id as number);
    this.finders = {
      'nba-straight': ngraphPath.nba(this.ng, { distance, heuristic: straight }),
      'nba-landmarks': ngraphPath.nba(this.ng, { distance, heuristic: withLandmarks }),
      'astar-landmarks': ngraphPath.aStar(this.ng, { distance, heuristic: withLandmarks }),
    };
  }

  private xy(id: number, k: 0 | 1): number {
    return id < this.S ? this.graph.nodeCoords[2 * id + k] : this.clickXY[2 * (id - this.S) + k];
  }

  private straight(a: number, b: number): number {
    const dx = (this.xy(a, 0) - this.xy(b, 0)) * this.frame.mx;
    const dy = (this.xy(a, 1) - this.xy(b, 1)) * this.frame.my;
    return Math.sqrt(dx * dx + dy * dy);
  }

  /** Cavalier's landmark bound over all 16 landmarks (max with the straight line), as route.ts had it before issue 15. */
  private withLandmarks(a: number, b: number): number {
    const K = this.landmarks.count;
    const D = this.landmarks.dist;
    let best = 0;
    for (let l = 0; l < K; l++) {
      const da = a < this.S ? D[a * K + l] : this.clickLm[(a - this.S) * K + l];
      const db = b < this.S ? D[b * K + l] : this.clickLm[(b - this.S) * K + l];
      const d = da - db;
      if (d > best) best = d;
      else if (-d > best) best = -d;
    }
    return Math.max(this.straight(a, b), best - this.landmarks.slack);
  }

  /** Cost of the cheapest path between the two snaps under `cost`, with the given search, and the time of the search alone. */
  route(search: PeerSearch, from: Snap, to: Snap, cost: Float32Array): { cost: number; ms: number } {
    const { graph, ng, S, T } = this;
    this.cost = cost;
    const K = this.landmarks.count;
    const D = this.landmarks.dist;
    for (const [id, snap] of [
      [S, from],
      [T, to],
    ] as const) {
      const e = snap.edge;
      const x = along(graph, snap);
      const len = graph.edgeLength[e];
      ng.addNode(id);
      ng.addLink(id, graph.edgeFrom[e], { edge: e, w: x * cost[e] });
      ng.addLink(id, graph.edgeTo[e], { edge: e, w: (len - x) * cost[e] });
      this.clickXY[2 * (id - S)] = snap.lon;
      this.clickXY[2 * (id - S) + 1] = snap.lat;
      const c0 = this.defaults[e];
      for (let l = 0; l < K; l++) this.clickLm[(id - S) * K + l] = Math.min(D[graph.edgeFrom[e] * K + l] + x * c0, D[graph.edgeTo[e] * K + l] + (len - x) * c0);
    }
    if (from.edge === to.edge) ng.addLink(S, T, { edge: from.edge, w: Math.abs(along(graph, from) - along(graph, to)) * cost[from.edge] });
    const t0 = performance.now();
    const path = this.finders[search].find(S, T);
    const ms = performance.now() - t0;
    // the path's cost, from its nodes: the cheapest link between each two in a row
    let total = path.length ? 0 : Infinity;
    for (let i = 1; i < path.length; i++) {
      const a = path[i - 1].id as number;
      const b = path[i].id as number;
      let w = Infinity;
      for (const link of ng.getLinks(a) ?? []) {
        if ((link.fromId === a && link.toId === b) || (link.fromId === b && link.toId === a)) {
          const d = link.data.w >= 0 ? link.data.w : graph.edgeLength[link.data.edge] * cost[link.data.edge];
          if (d < w) w = d;
        }
      }
      total += w;
    }
    ng.removeNode(S);
    ng.removeNode(T);
    return { cost: total, ms };
  }
}
