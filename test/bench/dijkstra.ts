// The naive baseline the benchmarks compare with, and the second method the routing tests
// check A* against: textbook Dijkstra over an adjacency list of objects, no heuristic.
import { segmentLength } from '../../src/core/geo/geodesic';
import { EdgeKind, type Graph } from '../../src/core/graph/graph';
import { GAP_COST } from '../../src/core/graph/route';
import type { Snap } from '../../src/core/graph/nearest';

export interface NaiveGraph {
  adj: Map<number, { to: number; w: number }[]>;
}

export function toNaive(graph: Graph): NaiveGraph {
  const adj = new Map<number, { to: number; w: number }[]>();
  for (let e = 0; e < graph.edgeCount; e++) {
    const w = graph.edgeLength[e] * (graph.edgeKind[e] === EdgeKind.gap ? GAP_COST : 1);
    const a = graph.edgeFrom[e];
    const b = graph.edgeTo[e];
    if (!adj.has(a)) adj.set(a, []);
    if (!adj.has(b)) adj.set(b, []);
    adj.get(a)!.push({ to: b, w });
    adj.get(b)!.push({ to: a, w });
  }
  return { adj };
}

function along(graph: Graph, s: Snap): number {
  const c = graph.coords;
  let sum = 0;
  for (let v = graph.edgeCoordStart[s.edge]; v < s.seg; v++) sum += segmentLength(c[2 * v], c[2 * v + 1], c[2 * v + 2], c[2 * v + 3]);
  return sum + s.t * segmentLength(c[2 * s.seg], c[2 * s.seg + 1], c[2 * s.seg + 2], c[2 * s.seg + 3]);
}

/** Cost of the cheapest path between two snaps (same cost model as the Router), or Infinity. */
export function dijkstraCost(graph: Graph, naive: NaiveGraph, from: Snap, to: Snap): number {
  const f = (e: number) => (graph.edgeKind[e] === EdgeKind.gap ? GAP_COST : 1);
  const aA = along(graph, from);
  const aB = along(graph, to);
  const dist = new Map<number, number>();
  const done = new Set<number>();
  const queue: [number, number][] = [];
  const push = (n: number, d: number) => {
    if ((dist.get(n) ?? Infinity) <= d) return;
    dist.set(n, d);
    queue.push([d, n]);
  };
  push(graph.edgeFrom[from.edge], aA * f(from.edge));
  push(graph.edgeTo[from.edge], (graph.edgeLength[from.edge] - aA) * f(from.edge));
  let best = from.edge === to.edge ? Math.abs(aA - aB) * f(from.edge) : Infinity;
  while (queue.length) {
    // linear scan for the minimum: the "naive" in naive
    let mi = 0;
    for (let i = 1; i < queue.length; i++) if (queue[i][0] < queue[mi][0]) mi = i;
    const [d, n] = queue[mi];
    queue[mi] = queue[queue.length - 1];
    queue.pop();
    if (done.has(n)) continue;
    if (d >= best) break;
    done.add(n);
    if (n === graph.edgeFrom[to.edge]) best = Math.min(best, d + aB * f(to.edge));
    if (n === graph.edgeTo[to.edge]) best = Math.min(best, d + (graph.edgeLength[to.edge] - aB) * f(to.edge));
    for (const { to: m, w } of naive.adj.get(n) ?? []) if (!done.has(m)) push(m, d + w);
  }
  return best;
}
