// Builds a routable Graph from loose lines (the cavaliers miniers, an OSM export…).
// Real stretches rarely share vertices: lines are split where they cross, and a line end that lies
// within `joinTolerance_m` of another line is joined to it by a short "gap" edge that the map shows
// as a bridged gap (many are real interruptions: a road, a built-over section).
//
// OSM-like input (ways that meet exactly where they share a vertex) can skip the intersection
// search with `noding: 'shared-vertices'`: there a way crossing another without a shared node is a
// bridge or a tunnel, not a junction, and the search is the one pass that is O(segments · log)
// with a large constant (seconds per million segments).
//
// Both kinds meet in one network (the cavaliers with the OSM paths): a line marked `exact` keeps
// OSM's rule with the other exact lines (no junction where two cross without a shared vertex: a
// footbridge over a street is not a way onto it), while every crossing with a loose line is made
// as before. An exact end is joined within `exactJoinTolerance_m` only: a loose line's own error,
// or the width of a road left out of the network (primary, secondary) that a path ends at; wider
// than that, OSM's dead end is taken at its word (on the Lille extract: 9 pieces, 97 % of the km in
// the largest, 391 joins for 4.6 km, against 465 joins for 7.9 km and the bridges made junctions
// when OSM ways are taken as loose lines).
import Flatbush from 'flatbush';
import { positionsLength } from '../geo/geodesic';
import { mergePassThrough, type RawEdge } from './compact';
import { EdgeKind, Graph } from './graph';
import { hilbertOrder } from './locality';
import { VertexTable } from './vertex-table';

export interface NetworkLine {
  /** [lon, lat] vertices */
  coords: [number, number][];
  kind: number;
  name?: string;
  /** the line's junctions are its shared vertices (an OSM way): see the header */
  exact?: boolean;
}

export interface BuildOptions {
  /** line ends within this distance of another line are joined (m) */
  joinTolerance_m?: number;
  /** an exact line's end is joined to another line within this distance (m; default 25, at most joinTolerance_m) */
  exactJoinTolerance_m?: number;
  /** ends closer than this are merged without a visible gap edge (m) */
  mergeTolerance_m?: number;
  /**
   * 'full' (default): lines are also split where they cross, as loose lines such as the cavaliers
   * rarely share vertices. 'shared-vertices': lines meet only at shared vertices (OSM ways).
   * Line ends are joined within joinTolerance_m in both modes (pass 0 to skip that pass).
   */
  noding?: 'full' | 'shared-vertices';
  /** merge pass-through nodes (two edges of the same kind and name) into polylines; default true */
  mergePassThrough?: boolean;
}

export interface NetworkReport {
  inputLines: number;
  nodes: number;
  edges: number;
  gaps: number;
  gapLength_m: number;
  length_m: number;
  components: number;
  /** component lengths (m), largest first */
  componentLengths_m: number[];
}

export interface BuiltNetwork {
  graph: Graph;
  names: string[];
  report: NetworkReport;
}

interface Split {
  seg: number;
  t: number;
  lon: number;
  lat: number;
}

const M_PER_DEG_LAT = 110_574;
const M_PER_DEG_LON_EQ = 111_320;
const key = (lon: number, lat: number) => `${Math.round(lon * 1e7)},${Math.round(lat * 1e7)}`;

export function buildGraph(input: NetworkLine[], options: BuildOptions = {}): BuiltNetwork {
  const joinTol = options.joinTolerance_m ?? 50;
  const fullNoding = (options.noding ?? 'full') === 'full';
  const mergeTol = options.mergeTolerance_m ?? 0.5;
  const exactJoinTol = Math.min(options.exactJoinTolerance_m ?? 25, joinTol);
  const lines = input
    .map((l) => dedupe(l.coords))
    .map((coords, i) => ({ coords, kind: input[i].kind, name: input[i].name, exact: fullNoding && input[i].exact === true }));
  const usable = lines.filter((l) => l.coords.length >= 2);

  const names: string[] = [];
  const nameIndex = new Map<string, number>();
  const nameOf = (name: string | undefined) => {
    if (!name) return 0xffffffff;
    let i = nameIndex.get(name);
    if (i === undefined) {
      i = names.length;
      names.push(name);
      nameIndex.set(name, i);
    }
    return i;
  };

  // One entry per segment, indexed by bounding box.
  let segCount = 0;
  for (const l of usable) segCount += l.coords.length - 1;
  const totalVertices = segCount + usable.length;
  const segLine = new Uint32Array(segCount);
  const segIdx = new Uint32Array(segCount);
  const splits: Split[][] = usable.map(() => []);
  const gapEdges: { a: [number, number]; b: [number, number] }[] = [];
  // two ends facing each other each find the other: one gap edge is enough
  const gapKeys = new Set<string>();
  if (segCount === 0 || (!fullNoding && joinTol <= 0)) return finish();

  const index = new Flatbush(segCount);
  let s = 0;
  usable.forEach((l, li) => {
    for (let i = 0; i < l.coords.length - 1; i++) {
      const [x1, y1] = l.coords[i];
      const [x2, y2] = l.coords[i + 1];
      index.add(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
      segLine[s] = li;
      segIdx[s] = i;
      s++;
    }
  });
  index.finish();

  // 1. Crossings: both lines get the same split point, so they share a node. Only loose segments
  // look (an OSM layer's millions of exact ones need not), and find every segment they cross.
  for (let a = 0; fullNoding && a < segCount; a++) {
    if (usable[segLine[a]].exact) continue;
    const la = usable[segLine[a]].coords;
    const ia = segIdx[a];
    const [ax1, ay1] = la[ia];
    const [ax2, ay2] = la[ia + 1];
    const candidates = index.search(Math.min(ax1, ax2), Math.min(ay1, ay2), Math.max(ax1, ax2), Math.max(ay1, ay2));
    for (const b of candidates) {
      // a pair of loose segments is met twice: taken once
      if (b <= a && !usable[segLine[b]].exact) continue;
      if (segLine[a] === segLine[b] && Math.abs(segIdx[a] - segIdx[b]) <= 1) continue;
      const lb = usable[segLine[b]].coords;
      const ib = segIdx[b];
      const hit = intersect(ax1, ay1, ax2, ay2, lb[ib][0], lb[ib][1], lb[ib + 1][0], lb[ib + 1][1]);
      if (!hit) continue;
      const [t, u] = hit;
      // Touching at shared vertices needs no split: equal coordinates already share a node key.
      const aEnd = t === 0 || t === 1;
      const bEnd = u === 0 || u === 1;
      if (aEnd && bEnd) continue;
      // a split on a vertex takes that vertex's exact coordinates, so both lines share the key
      let lon = ax1 + t * (ax2 - ax1);
      let lat = ay1 + t * (ay2 - ay1);
      if (aEnd) [lon, lat] = la[ia + t];
      else if (bEnd) [lon, lat] = lb[ib + u];
      splits[segLine[a]].push({ seg: ia, t, lon, lat });
      splits[segLine[b]].push({ seg: ib, t: u, lon, lat });
    }
  }

  // 2. Line ends near another line: split that line at the nearest point and bridge the gap.
  usable.forEach((l, li) => {
    const tol = l.exact ? exactJoinTol : joinTol;
    for (const end of [l.coords[0], l.coords[l.coords.length - 1]]) {
      const [px, py] = end;
      const kx = M_PER_DEG_LON_EQ * Math.cos((py * Math.PI) / 180);
      const tolDegLon = tol / kx;
      const tolLat = tol / M_PER_DEG_LAT;
      let best = Infinity;
      let bestSplit: { line: number; split: Split } | null = null;
      for (const c of index.search(px - tolDegLon, py - tolLat, px + tolDegLon, py + tolLat)) {
        if (segLine[c] === li) continue;
        const lc = usable[segLine[c]].coords;
        const ic = segIdx[c];
        const [qx1, qy1] = lc[ic];
        const [qx2, qy2] = lc[ic + 1];
        // nearest point in a local metric frame
        const dx = (qx2 - qx1) * kx;
        const dy = (qy2 - qy1) * M_PER_DEG_LAT;
        const len2 = dx * dx + dy * dy;
        let t = len2 === 0 ? 0 : ((px - qx1) * kx * dx + (py - qy1) * M_PER_DEG_LAT * dy) / len2;
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        const nx = t === 1 ? qx2 : qx1 + t * (qx2 - qx1);
        const ny = t === 1 ? qy2 : qy1 + t * (qy2 - qy1);
        const d = Math.hypot((nx - px) * kx, (ny - py) * M_PER_DEG_LAT);
        if (d < best) {
          best = d;
          bestSplit = { line: segLine[c], split: { seg: ic, t, lon: nx, lat: ny } };
        }
      }
      if (!bestSplit || best > tol) continue;
      const sp = bestSplit.split;
      if (best <= mergeTol) {
        // close enough to be the same junction: move the line's end onto the split point
        end[0] = sp.lon;
        end[1] = sp.lat;
      } else {
        const ka = key(px, py);
        const kb = key(sp.lon, sp.lat);
        const pair = ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
        if (!gapKeys.has(pair)) {
          gapKeys.add(pair);
          gapEdges.push({ a: [px, py], b: [sp.lon, sp.lat] });
        }
      }
      splits[bestSplit.line].push(sp);
    }
  });

  return finish();

  function finish(): BuiltNetwork {
    // Every vertex used by more than one line is a junction (-1: unseen, -2: several lines).
    let splitCount = 0;
    for (const sp of splits) splitCount += sp.length;
    // ids of line vertices come first (< totalVertices), then split points and gap ends
    const maxIds = totalVertices + splitCount + 2 * gapEdges.length;
    const table = new VertexTable(maxIds);
    const lineOfVertex = new Int32Array(totalVertices).fill(-1);
    // the id of every line vertex, line after line, so that the cut below needs no second lookup
    const vertexIds = new Int32Array(totalVertices);
    let k = 0;
    usable.forEach((l, li) => {
      for (const c of l.coords) {
        const v = table.add(c[0], c[1]);
        vertexIds[k++] = v;
        const prev = lineOfVertex[v];
        lineOfVertex[v] = prev === -1 || prev === li ? li : -2;
      }
    });

    const rawEdges: RawEdge[] = [];
    const nodeOf = new Int32Array(maxIds).fill(-1);
    const nodeList: [number, number][] = [];
    const nodeId = (c: [number, number]) => {
      const v = table.add(c[0], c[1]);
      let id = nodeOf[v];
      if (id < 0) {
        id = nodeList.length;
        nodeOf[v] = id;
        nodeList.push(c);
      }
      return id;
    };
    const addEdge = (coords: [number, number][], kind: number, name: number) => {
      const from = nodeId(coords[0]);
      const to = nodeId(coords[coords.length - 1]);
      const length = positionsLength(coords);
      if (!(from === to && length < 0.01)) rawEdges.push({ coords, kind, name, from, to, length });
    };
    k = 0;
    usable.forEach((l, li) => {
      // a split at the far end of a segment is a split at the start of the next one
      const sorted = splits[li].map((sp) => (sp.t === 1 ? { ...sp, seg: sp.seg + 1, t: 0 } : sp)).sort((p, q) => p.seg - q.seg || p.t - q.t);
      const name = nameOf(l.name);
      const last = l.coords.length - 1;
      // the line's vertices with its split points inserted, cut into edges at nodes
      let current: [number, number][] = [];
      const emit = (v: [number, number], node: boolean) => {
        const prev = current[current.length - 1];
        if (!prev || prev[0] !== v[0] || prev[1] !== v[1]) current.push(v);
        if (node && current.length >= 2) addEdge(current, l.kind, name);
        if (node) current = [v];
      };
      let si = 0;
      for (let i = 0; i <= last; i++) {
        const v = l.coords[i];
        const sharedVertex = lineOfVertex[vertexIds[k++]] === -2;
        let node = i === 0 || i === last || sharedVertex;
        // splits are sorted by t: those on the vertex itself come first
        while (si < sorted.length && sorted[si].seg === i && sorted[si].t === 0) {
          node = true;
          si++;
        }
        emit(v, node);
        while (si < sorted.length && sorted[si].seg === i) {
          const sp = sorted[si++];
          emit([sp.lon, sp.lat], true);
        }
      }
    });
    for (const g of gapEdges) addEdge([g.a, g.b], EdgeKind.gap, 0xffffffff);

    const edgesIn = options.mergePassThrough === false ? rawEdges : mergePassThrough(rawEdges, nodeList.length);
    // number the nodes still used along a Hilbert curve, and the edges by their lower end (locality.ts)
    const used: number[] = [];
    const seen = new Uint8Array(nodeList.length);
    for (const e of edgesIn)
      for (const n of [e.from, e.to])
        if (!seen[n]) {
          seen[n] = 1;
          used.push(n);
        }
    const usedCoords = new Float64Array(2 * used.length);
    used.forEach((n, i) => {
      usedCoords[2 * i] = nodeList[n][0];
      usedCoords[2 * i + 1] = nodeList[n][1];
    });
    const order = hilbertOrder(usedCoords, used.length);
    const nodes = Array.from(order, (i) => used[i]);
    const renumber = new Int32Array(nodeList.length).fill(-1);
    nodes.forEach((n, i) => (renumber[n] = i));
    const low = new Uint32Array(edgesIn.length);
    edgesIn.forEach((e, i) => (low[i] = Math.min(renumber[e.from], renumber[e.to])));
    const edgeOrder = new Uint32Array(edgesIn.length).map((_, i) => i).sort((p, q) => low[p] - low[q] || p - q);
    const edges = Array.from(edgeOrder, (i) => edgesIn[i]);

    let coordCount = 0;
    for (const e of edges) coordCount += e.coords.length;
    const graph = Graph.allocate(nodes.length, edges.length, coordCount);
    nodes.forEach((n, i) => {
      graph.nodeCoords[2 * i] = nodeList[n][0];
      graph.nodeCoords[2 * i + 1] = nodeList[n][1];
    });
    const degree = new Uint32Array(nodes.length);
    let c = 0;
    edges.forEach((e, i) => {
      const from = renumber[e.from];
      const to = renumber[e.to];
      graph.edgeFrom[i] = from;
      graph.edgeTo[i] = to;
      graph.edgeLength[i] = e.length;
      graph.edgeKind[i] = e.kind;
      graph.edgeName[i] = e.name;
      graph.edgeCoordStart[i] = c;
      for (const v of e.coords) {
        graph.coords[2 * c] = v[0];
        graph.coords[2 * c + 1] = v[1];
        c++;
      }
      degree[from]++;
      degree[to]++;
    });
    graph.edgeCoordStart[edges.length] = c;
    for (let n = 0; n < nodes.length; n++) graph.adjOffsets[n + 1] = graph.adjOffsets[n] + degree[n];
    const fill = graph.adjOffsets.slice(0, nodes.length);
    for (let i = 0; i < edges.length; i++) {
      graph.adjEdges[fill[graph.edgeFrom[i]]++] = i;
      graph.adjEdges[fill[graph.edgeTo[i]]++] = i;
    }

    return { graph, names, report: report(graph, lines.length) };
  }
}

function report(graph: Graph, inputLines: number): NetworkReport {
  const parent = new Int32Array(graph.nodeCount).map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  let gaps = 0;
  let gapLength = 0;
  let length = 0;
  for (let e = 0; e < graph.edgeCount; e++) {
    parent[find(graph.edgeFrom[e])] = find(graph.edgeTo[e]);
    length += graph.edgeLength[e];
    if (graph.edgeKind[e] === EdgeKind.gap) {
      gaps++;
      gapLength += graph.edgeLength[e];
    }
  }
  const compLength = new Map<number, number>();
  for (let n = 0; n < graph.nodeCount; n++) if (!compLength.has(find(n))) compLength.set(find(n), 0);
  for (let e = 0; e < graph.edgeCount; e++) {
    const r = find(graph.edgeFrom[e]);
    compLength.set(r, (compLength.get(r) ?? 0) + graph.edgeLength[e]);
  }
  return {
    inputLines,
    nodes: graph.nodeCount,
    edges: graph.edgeCount,
    gaps,
    gapLength_m: gapLength,
    length_m: length,
    components: compLength.size,
    componentLengths_m: [...compLength.values()].sort((a, b) => b - a),
  };
}

/**
 * The line without non-finite or repeated vertices. Inner vertex tuples are shared with the input
 * (copying millions of them costs more than the rest of the build); they are never mutated. The two
 * ends, which the join pass may move, are copies.
 */
function dedupe(coords: [number, number][]): [number, number][] {
  const bad = (c: [number, number], prev: [number, number] | undefined) =>
    !Number.isFinite(c[0]) || !Number.isFinite(c[1]) || (prev !== undefined && prev[0] === c[0] && prev[1] === c[1]);
  let clean = true;
  for (let i = 0; i < coords.length && clean; i++) if (bad(coords[i], coords[i - 1])) clean = false;
  let out: [number, number][];
  if (clean) out = coords.slice();
  else {
    out = [];
    for (const c of coords) if (!bad(c, out[out.length - 1])) out.push(c);
  }
  if (out.length > 0) {
    const last = out.length - 1;
    out[last] = [out[last][0], out[last][1]];
    out[0] = last === 0 ? out[last] : [out[0][0], out[0][1]];
  }
  return out;
}

/** Parameters (t, u) in [0, 1] of the intersection of segments p1p2 and q1q2, or null (parallel segments never intersect here). */
function intersect(x1: number, y1: number, x2: number, y2: number, x3: number, y3: number, x4: number, y4: number): [number, number] | null {
  const d = (x2 - x1) * (y4 - y3) - (y2 - y1) * (x4 - x3);
  if (d === 0) return null;
  const t = ((x3 - x1) * (y4 - y3) - (y3 - y1) * (x4 - x3)) / d;
  const u = ((x3 - x1) * (y2 - y1) - (y3 - y1) * (x2 - x1)) / d;
  if (t < 0 || t > 1 || u < 0 || u > 1) return null;
  return [t, u];
}
