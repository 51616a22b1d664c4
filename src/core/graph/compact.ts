// Merging pass-through nodes: a node where exactly two edges of the same kind and name meet is no
// junction, so the two edges become one polyline. OSM ways end at such nodes all the time (a way is
// split where a tag changes or a mapper stopped), and every node left in costs a heap push and pop
// in every search that crosses it. Edges of a different kind or name stay apart: the route breakdown
// by way type and the per-kind costs are per edge.
import { positionsLength } from '../geo/geodesic';

export interface RawEdge {
  /** from → to; vertex tuples may be shared with other edges and are never mutated */
  coords: [number, number][];
  kind: number;
  name: number;
  from: number;
  to: number;
  length: number;
}

/** The edges with every pass-through node merged away; node ids are kept (some are no longer used). */
export function mergePassThrough(edges: RawEdge[], nodeCount: number): RawEdge[] {
  const E = edges.length;
  const degree = new Uint32Array(nodeCount);
  // the first two edges met at each node (enough to tell a pass-through node)
  const inc1 = new Int32Array(nodeCount).fill(-1);
  const inc2 = new Int32Array(nodeCount).fill(-1);
  const meet = (n: number, e: number) => {
    degree[n]++;
    if (inc1[n] < 0) inc1[n] = e;
    else if (inc2[n] < 0) inc2[n] = e;
  };
  for (let e = 0; e < E; e++) {
    meet(edges[e].from, e);
    meet(edges[e].to, e);
  }
  const through = new Uint8Array(nodeCount);
  for (let n = 0; n < nodeCount; n++) {
    if (degree[n] !== 2 || inc1[n] === inc2[n]) continue; // a loop edge alone at its node is not a chain
    const a = edges[inc1[n]];
    const b = edges[inc2[n]];
    if (a.kind === b.kind && a.name === b.name) through[n] = 1;
  }
  const other = (e: number, n: number) => (edges[e].from === n ? edges[e].to : edges[e].from);
  const next = (n: number, e: number) => (inc1[n] === e ? inc2[n] : inc1[n]);

  const visited = new Uint8Array(E);
  const out: RawEdge[] = [];
  // edges are taken in input order, so that the result is deterministic (buildGraph renumbers them after)
  for (let e0 = 0; e0 < E; e0++) {
    if (visited[e0]) continue;
    if (!through[edges[e0].from] && !through[edges[e0].to]) {
      visited[e0] = 1;
      out.push(edges[e0]);
      continue;
    }
    // back up to the chain's first node (on a ring of pass-through nodes, any node of it will do)
    let start = edges[e0].from;
    let first = e0;
    while (through[start]) {
      const prev = next(start, first);
      if (prev === e0) break;
      first = prev;
      start = other(first, start);
    }
    const edge = edges[first];
    const coords = edge.from === start ? edge.coords.slice() : edge.coords.slice().reverse();
    visited[first] = 1;
    let at = other(first, start);
    let cur = first;
    let parts = 1;
    while (at !== start && through[at]) {
      cur = next(at, cur);
      visited[cur] = 1;
      parts++;
      const c = edges[cur].coords;
      if (edges[cur].from === at) for (let i = 1; i < c.length; i++) coords.push(c[i]);
      else for (let i = c.length - 2; i >= 0; i--) coords.push(c[i]);
      at = other(cur, at);
    }
    out.push(
      parts === 1
        ? { ...edge, coords, from: start, to: at }
        : { coords, kind: edge.kind, name: edge.name, from: start, to: at, length: positionsLength(coords) },
    );
  }
  return out;
}
