// The routing core at scale, checked on a ~20k-edge synthetic regional network (the benchmark runs
// the same code on ~500k): A* and ALT against a plain Dijkstra, with and without avoid-mode
// penalties; the network.bin round trip; nearest-edge snapping against a brute-force scan.
import { describe, expect, it } from 'vitest';
import { segmentLength } from '../../src/core/geo/geodesic';
import { buildGraph, type NetworkLine } from '../../src/core/graph/build';
import { decodeNetwork, encodeNetwork, isNetworkBundle } from '../../src/core/graph/bundle';
import { connectedComponents } from '../../src/core/graph/components';
import { defaultEdgeCost } from '../../src/core/graph/cost';
import { EdgeKind, type Graph } from '../../src/core/graph/graph';
import { computeHierarchy } from '../../src/core/graph/hierarchy';
import { computeLandmarks } from '../../src/core/graph/landmarks';
import { buildSegmentIndex, nearestOnNetwork, type Snap } from '../../src/core/graph/nearest';
import { Router } from '../../src/core/graph/route';
import { networkFromBuffer, readNetwork } from '../../src/core/route/network';
import { formatError } from '../../src/i18n/messages';
import { dijkstraCost, toNaive } from '../bench/dijkstra';
import { BASIN_BBOX, mulberry32, syntheticNetwork } from '../bench/synthetic-network';

// a 15 m join tolerance adds some bridged gaps, so the kind factors are exercised too
const net = buildGraph(syntheticNetwork({ targetEdges: 21_000, seed: 3 }), { noding: 'shared-vertices', joinTolerance_m: 15 });
const graph = net.graph;
const index = buildSegmentIndex(graph);
const landmarks = computeLandmarks(graph);
const plain = new Router(graph);
const alt = new Router(graph, landmarks);
const hierarchy = computeHierarchy(graph);
const ch = new Router(graph, landmarks, null, hierarchy);
const [west, south, east, north] = BASIN_BBOX;

type Adjacency = Map<number, { to: number; w: number }[]>;

function adjacency(g: Graph, factor: ArrayLike<number>): Adjacency {
  const adj: Adjacency = new Map();
  for (let e = 0; e < g.edgeCount; e++) {
    const w = g.edgeLength[e] * factor[e];
    for (const [a, b] of [
      [g.edgeFrom[e], g.edgeTo[e]],
      [g.edgeTo[e], g.edgeFrom[e]],
    ]) {
      if (!adj.has(a)) adj.set(a, []);
      adj.get(a)!.push({ to: b, w });
    }
  }
  return adj;
}

/** Independent reference: Dijkstra over adjacency objects with a sorted-array queue, any cost factors. */
function referenceCost(g: Graph, adj: Adjacency, from: Snap, to: Snap, factor: ArrayLike<number>): number {
  const along = (s: Snap) => {
    const c = g.coords;
    let sum = 0;
    for (let v = g.edgeCoordStart[s.edge]; v < s.seg; v++) sum += segmentLength(c[2 * v], c[2 * v + 1], c[2 * v + 2], c[2 * v + 3]);
    return sum + s.t * segmentLength(c[2 * s.seg], c[2 * s.seg + 1], c[2 * s.seg + 2], c[2 * s.seg + 3]);
  };
  const aA = along(from);
  const aB = along(to);
  let best = from.edge === to.edge ? Math.abs(aA - aB) * factor[from.edge] : Infinity;
  const dist = new Map<number, number>();
  // entries kept sorted by decreasing cost: the cheapest is popped from the end
  const queue: [number, number][] = [];
  const push = (n: number, d: number) => {
    if ((dist.get(n) ?? Infinity) <= d) return;
    dist.set(n, d);
    let lo = 0;
    let hi = queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (queue[mid][0] > d) lo = mid + 1;
      else hi = mid;
    }
    queue.splice(lo, 0, [d, n]);
  };
  push(g.edgeFrom[from.edge], aA * factor[from.edge]);
  push(g.edgeTo[from.edge], (g.edgeLength[from.edge] - aA) * factor[from.edge]);
  const done = new Set<number>();
  while (queue.length) {
    const [d, n] = queue.pop()!;
    if (done.has(n)) continue;
    if (d >= best) break;
    done.add(n);
    if (n === g.edgeFrom[to.edge]) best = Math.min(best, d + aB * factor[to.edge]);
    if (n === g.edgeTo[to.edge]) best = Math.min(best, d + (g.edgeLength[to.edge] - aB) * factor[to.edge]);
    for (const { to: m, w } of adj.get(n) ?? []) if (!done.has(m)) push(m, d + w);
  }
  return best;
}

/** `count` pairs of snapped clicks drawn at random over the network's area. */
function randomPairs(seed: number, count: number): [Snap, Snap][] {
  const rnd = mulberry32(seed);
  const click = () => nearestOnNetwork(graph, index, west + rnd() * (east - west), south + rnd() * (north - south), 2000);
  const pairs: [Snap, Snap][] = [];
  while (pairs.length < count) {
    const a = click();
    const b = click();
    if (a && b) pairs.push([a, b]);
  }
  return pairs;
}

describe('synthetic regional network', () => {
  it('looks like a path network, not a grid', () => {
    expect(graph.edgeCount).toBeGreaterThan(17_000);
    expect(graph.edgeCount).toBeLessThan(25_000);
    const degree = (n: number) => graph.adjOffsets[n + 1] - graph.adjOffsets[n];
    const count = (pred: (n: number) => boolean) => [...Array(graph.nodeCount).keys()].filter(pred).length;
    expect(count((n) => degree(n) === 1)).toBeGreaterThan(graph.nodeCount * 0.05); // dead ends
    expect(count((n) => degree(n) >= 5)).toBeGreaterThan(graph.nodeCount * 0.02);
    // chains of shape points merged into polylines: edges of several segments and varied lengths
    expect(graph.coordCount / graph.edgeCount).toBeGreaterThan(4);
    const lengths = Array.from(graph.edgeLength).sort((a, b) => a - b);
    expect(lengths[Math.floor(lengths.length * 0.9)] / lengths[Math.floor(lengths.length * 0.1)]).toBeGreaterThan(3.5);
    expect(net.report.gaps).toBeGreaterThan(0);
    expect(net.report.components).toBeGreaterThan(1);
  });
});

// the references are deliberately naive: seconds on a loaded machine, hence the generous timeouts
describe('A* and ALT against a plain Dijkstra', { timeout: 60_000 }, () => {
  const pairs = randomPairs(11, 100);

  it('finds the same costs on 100 random pairs', () => {
    const naive = toNaive(graph);
    let connected = 0;
    for (const [a, b] of pairs) {
      const ref = dijkstraCost(graph, naive, a, b);
      const p = plain.route(a, b);
      const q = alt.route(a, b);
      const s = alt.route(a, b, { heuristic: 'straight-line' });
      if (ref === Infinity) {
        expect(p).toBeNull();
        expect(q).toBeNull();
        expect(s).toBeNull();
        continue;
      }
      connected++;
      // Float32 kind factors against dijkstra.ts's float64 GAP_COST: equal to well under a millimetre
      expect(p!.cost).toBeCloseTo(ref, 4);
      expect(q!.cost).toBeCloseTo(ref, 4);
      expect(s!.cost).toBeCloseTo(ref, 4);
      expect(q!.settled).toBeLessThanOrEqual(p!.settled * 1.5);
    }
    expect(connected).toBeGreaterThan(80);
  });

  it('finds the same costs with an avoid-mode penalty (×5 on 10 % of the edges)', () => {
    // penalties only raise costs, so the landmark bounds (computed on the default costs) stay lower bounds
    const rnd = mulberry32(5);
    const edgeCost = defaultEdgeCost(graph).map((c) => (rnd() < 0.1 ? c * 5 : c));
    const adj = adjacency(graph, edgeCost);
    let connected = 0;
    for (const [a, b] of pairs) {
      const ref = referenceCost(graph, adj, a, b, edgeCost);
      const p = plain.route(a, b, { edgeCost });
      const q = alt.route(a, b, { edgeCost });
      const d = alt.route(a, b, { edgeCost, heuristic: 'none' });
      if (ref === Infinity) {
        expect(q).toBeNull();
        continue;
      }
      connected++;
      expect(p!.cost).toBeCloseTo(ref, 4);
      expect(q!.cost).toBeCloseTo(ref, 4);
      expect(d!.cost).toBeCloseTo(ref, 4);
      // the path's cost is what its edges cost
      const recomputed = q!.edges.reduce((s, e, i) => s + q!.edgeMetres[i] * edgeCost[e], 0);
      expect(recomputed).toBeCloseTo(q!.cost, 3);
    }
    expect(connected).toBeGreaterThan(80);
  });

  it('stays exact when some factors fall below the defaults (the bounds are scaled down)', () => {
    const rnd = mulberry32(9);
    const edgeCost = defaultEdgeCost(graph).map((c, e) => (graph.edgeKind[e] === EdgeKind.gap ? 1 : rnd() < 0.1 ? 0.5 : c));
    const adj = adjacency(graph, edgeCost);
    for (const [a, b] of pairs.slice(0, 40)) {
      const ref = referenceCost(graph, adj, a, b, edgeCost);
      const q = alt.route(a, b, { edgeCost });
      if (ref === Infinity) expect(q).toBeNull();
      else expect(q!.cost).toBeCloseTo(ref, 4);
    }
  });

  it('finds the same costs on long legs (ends over 40 km apart), with fewer nodes settled than its Dijkstra mode', () => {
    // issue 15: the two half-searches with the pair's best landmarks; long legs are where a loose
    // bound or a wrong stopping test would show
    const naive = toNaive(graph);
    const far = randomPairs(17, 400)
      .filter(([a, b]) => Math.hypot((a.lon - b.lon) * 71_000, (a.lat - b.lat) * 111_000) > 40_000)
      .slice(0, 25);
    expect(far.length).toBe(25);
    const ratios: number[] = [];
    for (const [a, b] of far) {
      const ref = dijkstraCost(graph, naive, a, b);
      const q = alt.route(a, b);
      const d = alt.route(a, b, { heuristic: 'none' });
      if (ref === Infinity) {
        expect(q).toBeNull();
        continue;
      }
      expect(q!.cost).toBeCloseTo(ref, 4);
      expect(d!.cost).toBeCloseTo(ref, 4);
      ratios.push(d!.settled / q!.settled);
    }
    ratios.sort((x, y) => x - y);
    expect(ratios.length).toBeGreaterThan(15);
    expect(ratios[Math.floor(ratios.length / 2)]).toBeGreaterThan(5);
  });

  it('agrees with its own Dijkstra mode', () => {
    for (const [a, b] of pairs.slice(0, 30)) {
      const d = plain.route(a, b, { heuristic: 'none' });
      const q = alt.route(a, b);
      if (d === null) expect(q).toBeNull();
      else expect(q!.cost).toBeCloseTo(d.cost, 6);
    }
  });
});

describe('contraction hierarchy against a plain Dijkstra', { timeout: 60_000 }, () => {
  // issue 15: legs with the default costs go through the hierarchy, avoid-mode legs through ALT
  const defaults = defaultEdgeCost(graph);
  const otherEnd = (e: number, n: number) => (graph.edgeFrom[e] === n ? graph.edgeTo[e] : graph.edgeFrom[e]);

  it('finds the same costs on random pairs and long legs, along a chain of edges whose costs add up', () => {
    const naive = toNaive(graph);
    const pairs = [...randomPairs(11, 100), ...randomPairs(17, 60)];
    let connected = 0;
    const ratios: number[] = [];
    for (const [a, b] of pairs) {
      const ref = dijkstraCost(graph, naive, a, b);
      const q = ch.route(a, b);
      if (ref === Infinity) {
        expect(q).toBeNull();
        continue;
      }
      connected++;
      expect(q!.cost).toBeCloseTo(ref, 4);
      const recomputed = q!.edges.reduce((sum, e, i) => sum + q!.edgeMetres[i] * defaults[e], 0);
      expect(recomputed).toBeCloseTo(q!.cost, 3);
      // each edge starts where the one before it ends (the shortcuts unpacked in order), from an
      // end of the start's edge to an end of the end's edge
      const inner = q!.edges.slice(1, -1);
      const walks = (start: number) => {
        let at = start;
        for (const e of inner) {
          if (graph.edgeFrom[e] !== at && graph.edgeTo[e] !== at) return false;
          at = otherEnd(e, at);
        }
        return at === graph.edgeFrom[b.edge] || at === graph.edgeTo[b.edge];
      };
      expect(walks(graph.edgeFrom[a.edge]) || walks(graph.edgeTo[a.edge])).toBe(true);
      const far = Math.hypot((a.lon - b.lon) * 71_000, (a.lat - b.lat) * 111_000) > 40_000;
      if (far) ratios.push(alt.route(a, b, { heuristic: 'landmarks' })!.settled / q!.settled);
    }
    expect(connected).toBeGreaterThan(130);
    // on long legs the hierarchy settles several times fewer nodes than ALT
    ratios.sort((x, y) => x - y);
    expect(ratios.length).toBeGreaterThan(10);
    expect(ratios[Math.floor(ratios.length / 2)]).toBeGreaterThan(3);
  });

  it('leaves avoid-mode legs to ALT, exact under the penalties', () => {
    const rnd = mulberry32(5);
    const edgeCost = defaultEdgeCost(graph).map((c) => (rnd() < 0.1 ? c * 5 : c));
    const adj = adjacency(graph, edgeCost);
    for (const [a, b] of randomPairs(11, 40)) {
      const ref = referenceCost(graph, adj, a, b, edgeCost);
      const q = ch.route(a, b, { edgeCost });
      if (ref === Infinity) expect(q).toBeNull();
      else expect(q!.cost).toBeCloseTo(ref, 4);
    }
  });

  it('keeps upward arcs whose costs are those of the edges they unpack into', () => {
    const { upOffsets, upTarget, upCost, upArc } = hierarchy;
    expect(hierarchy.shortcutCount).toBeGreaterThan(0);
    let shortcuts = 0;
    for (let n = 0; n < graph.nodeCount; n++)
      for (let i = upOffsets[n]; i < upOffsets[n + 1]; i++) {
        const edges: number[] = [];
        hierarchy.unpack(graph, upArc[i], n, edges);
        let at = n;
        let sum = 0;
        for (const e of edges) {
          expect(graph.edgeFrom[e] === at || graph.edgeTo[e] === at).toBe(true);
          at = otherEnd(e, at);
          sum += graph.edgeLength[e] * defaults[e];
        }
        expect(at).toBe(upTarget[i]);
        expect(sum).toBeCloseTo(upCost[i], 6);
        if (upArc[i] >= graph.edgeCount) shortcuts++;
      }
    // every shortcut is an upward arc of its lower end, once, but for the few that a cheaper one
    // between the same two nodes replaced (they stay as halves of shortcuts made before that)
    expect(shortcuts).toBeLessThanOrEqual(hierarchy.shortcutCount);
    expect(shortcuts).toBeGreaterThan(0.99 * hierarchy.shortcutCount);
  });
});

describe('landmarks', { timeout: 30_000 }, () => {
  it('are 16 distinct nodes of the main component, at cost 0 from themselves', () => {
    expect(landmarks.count).toBe(16);
    expect(new Set(landmarks.nodes).size).toBe(16);
    landmarks.nodes.forEach((v, l) => expect(landmarks.dist[v * landmarks.count + l]).toBe(0));
    expect(landmarks.slack).toBeGreaterThan(0);
    expect(landmarks.slack).toBeLessThan(0.1);
  });

  it('give lower bounds: |d(L, u) − d(L, v)| never exceeds the cost of an edge u–v', () => {
    const K = landmarks.count;
    let worst = -Infinity;
    let checked = 0;
    for (let e = 0; e < graph.edgeCount; e++) {
      const u = graph.edgeFrom[e];
      const v = graph.edgeTo[e];
      const w = graph.edgeLength[e] * (graph.edgeKind[e] === EdgeKind.gap ? 1.2 : 1);
      for (let l = 0; l < K; l++) {
        const du = landmarks.dist[u * K + l];
        const dv = landmarks.dist[v * K + l];
        if (du === Infinity) continue;
        checked++;
        worst = Math.max(worst, Math.abs(du - dv) - landmarks.slack - w);
      }
    }
    expect(checked).toBeGreaterThan(graph.edgeCount * 8);
    expect(worst).toBeLessThanOrEqual(0);
  });
});

describe('network.bin round trip', { timeout: 30_000 }, () => {
  const buffer = encodeNetwork({ graph, index, landmarks, hierarchy });
  // a copy, as the page fetches the file and transfers it to the worker
  const loaded = networkFromBuffer(buffer.slice(0), net.names);

  it('carries the graph, the index and the landmarks', () => {
    expect(isNetworkBundle(buffer)).toBe(true);
    expect(loaded.graph.edgeCount).toBe(graph.edgeCount);
    expect(loaded.graph.coords.every((x, i) => x === graph.coords[i])).toBe(true);
    expect(loaded.graph.adjEdges.every((x, i) => x === graph.adjEdges[i])).toBe(true);
    expect(loaded.landmarks?.count).toBe(16);
    expect(loaded.router.hasLandmarks).toBe(true);
    expect(loaded.router.hasHierarchy).toBe(true);
    expect(loaded.hierarchy?.shortcutCount).toBe(hierarchy.shortcutCount);
    expect(loaded.hierarchy?.upCost.every((c, i) => c === hierarchy.upCost[i])).toBe(true);
    expect(loaded.index.index.numItems).toBe(index.index.numItems);
    // a bare graph buffer (older pipelines) still loads, with its index built at load
    const bare = decodeNetwork(graph.data.slice(0));
    expect(bare.landmarks).toBeNull();
    expect(bare.index.segCount).toBe(index.segCount);
    expect(bare.components).toBeNull();
    expect(bare.hierarchy).toBeNull();
  });

  it('carries the component labels the router needs (issue 15: nothing left to compute at load)', () => {
    const parts = decodeNetwork(buffer.slice(0));
    const labels = connectedComponents(graph).label;
    expect(parts.components?.length).toBe(graph.nodeCount);
    expect(parts.components?.every((c, n) => c === labels[n])).toBe(true);
    // a bundle re-encoded from a loaded one (the engine keeps merged networks so) is the same bytes
    const again = encodeNetwork({ graph: loaded.graph, index: loaded.index, landmarks: loaded.landmarks, hierarchy: loaded.hierarchy });
    expect(again.byteLength).toBe(buffer.byteLength);
    expect(Buffer.from(again).equals(Buffer.from(buffer))).toBe(true);
    // a version-1 file (no component labels) or version-2 one (no hierarchy) is outdated, not misread
    for (const version of [1, 2]) {
      const old = buffer.slice(0);
      new Uint32Array(old, 0, 2)[1] = version;
      expect(readNetwork(old)).toEqual({ ok: false, error: { code: 'network.outdated' } });
    }
  });

  it('gives identical snaps and routes', () => {
    const rnd = mulberry32(21);
    let routed = 0;
    for (let i = 0; i < 50; i++) {
      const clicks = [0, 1].map(() => [west + rnd() * (east - west), south + rnd() * (north - south)]);
      const [a, b] = clicks.map(([x, y]) => nearestOnNetwork(graph, index, x, y, 2000));
      const [a2, b2] = clicks.map(([x, y]) => nearestOnNetwork(loaded.graph, loaded.index, x, y, 2000));
      expect(a2).toEqual(a);
      expect(b2).toEqual(b);
      if (!a || !b) continue;
      const r1 = ch.route(a, b);
      const r2 = loaded.router.route(a2!, b2!);
      expect(r2?.coords ?? null).toEqual(r1?.coords ?? null);
      expect(r2?.cost ?? null).toBe(r1?.cost ?? null);
      if (r1) routed++;
    }
    expect(routed).toBeGreaterThan(30);
  });

  it('rejects a truncated or foreign buffer', () => {
    expect(() => decodeNetwork(buffer.slice(0, 1000))).toThrow();
    expect(() => decodeNetwork(new ArrayBuffer(64))).toThrow();
  });

  it('says why as a code the user is told in French: another version, or cut short', () => {
    expect(isNetworkBundle(buffer)).toBe(true);
    const other = buffer.slice(0);
    new Uint32Array(other, 0, 2)[1] += 1; // the bundle's version word
    expect(readNetwork(other)).toEqual({ ok: false, error: { code: 'network.outdated' } });
    expect(readNetwork(buffer.slice(0, 1000))).toEqual({ ok: false, error: { code: 'network.corrupt' } });
    expect(readNetwork(new ArrayBuffer(64))).toEqual({ ok: false, error: { code: 'network.corrupt' } });
    expect(formatError({ code: 'network.outdated' }, 'fr')).toContain('npm run data:build');
    const good = readNetwork(buffer.slice(0));
    expect(good.ok && good.value.graph.edgeCount).toBe(decodeNetwork(buffer.slice(0)).graph.edgeCount);
  });
});

describe('nearest edge against a brute-force scan of every segment', { timeout: 60_000 }, () => {
  it('finds the same point on 1000 random clicks', () => {
    const rnd = mulberry32(33);
    const maxDistance = 300;
    const c = graph.coords;
    // a segment runs from each vertex but the last of its edge
    const lastVertex = new Uint8Array(graph.coordCount);
    for (let e = 0; e < graph.edgeCount; e++) lastVertex[graph.edgeCoordStart[e + 1] - 1] = 1;
    let found = 0;
    let none = 0;
    for (let i = 0; i < 1000; i++) {
      const lon = west + rnd() * (east - west);
      const lat = south + rnd() * (north - south);
      // the same local metric as nearestOnNetwork, over all segments
      const mx = 111_320 * Math.cos((lat * Math.PI) / 180);
      const my = 110_574;
      let best2 = Infinity;
      let bx = 0;
      let by = 0;
      for (let v = 0; v < c.length / 2 - 1; v++) {
        if (lastVertex[v]) continue;
        const x1 = c[2 * v];
        const y1 = c[2 * v + 1];
        const dx = (c[2 * v + 2] - x1) * mx;
        const dy = (c[2 * v + 3] - y1) * my;
        const len2 = dx * dx + dy * dy;
        let t = len2 === 0 ? 0 : ((lon - x1) * mx * dx + (lat - y1) * my * dy) / len2;
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        const px = x1 + (t * dx) / mx;
        const py = y1 + (t * dy) / my;
        const ex = (px - lon) * mx;
        const ey = (py - lat) * my;
        const d2 = ex * ex + ey * ey;
        if (d2 < best2) {
          best2 = d2;
          bx = px;
          by = py;
        }
      }
      const best = Math.sqrt(best2);
      const snap = nearestOnNetwork(graph, index, lon, lat, maxDistance);
      const geodesic = segmentLength(lon, lat, bx, by);
      if (best <= maxDistance && geodesic <= maxDistance) {
        found++;
        expect(snap).not.toBeNull();
        expect(snap!.lon).toBeCloseTo(bx, 12);
        expect(snap!.lat).toBeCloseTo(by, 12);
        expect(snap!.distance_m).toBeCloseTo(geodesic, 9);
      } else if (best > maxDistance * 1.01) {
        none++;
        expect(snap).toBeNull();
      }
    }
    // both outcomes occur: clicks in holes and beyond the network find nothing
    expect(found).toBeGreaterThan(500);
    expect(none).toBeGreaterThan(10);
  });
});

describe('buildGraph noding and compaction', () => {
  const cross: NetworkLine[] = [
    {
      coords: [
        [2.8, 50.4],
        [2.82, 50.4],
      ],
      kind: EdgeKind.path,
    },
    {
      coords: [
        [2.81, 50.39],
        [2.81, 50.41],
      ],
      kind: EdgeKind.path,
    },
  ];

  it("'shared-vertices' does not split ways that cross without a shared vertex (a bridge)", () => {
    expect(buildGraph(cross, { joinTolerance_m: 0 }).graph.edgeCount).toBe(4);
    expect(buildGraph(cross, { joinTolerance_m: 0, noding: 'shared-vertices' }).graph.edgeCount).toBe(2);
  });

  it('merges pass-through nodes between edges of the same kind and name only', () => {
    const a: NetworkLine = {
      coords: [
        [2.8, 50.4],
        [2.81, 50.4],
      ],
      kind: EdgeKind.path,
    };
    const b: NetworkLine = {
      coords: [
        [2.81, 50.4],
        [2.82, 50.401],
        [2.83, 50.4],
      ],
      kind: EdgeKind.path,
    };
    const c: NetworkLine = {
      coords: [
        [2.83, 50.4],
        [2.84, 50.4],
      ],
      kind: EdgeKind.track,
    };
    const opts = { joinTolerance_m: 0, noding: 'shared-vertices' } as const;
    const merged = buildGraph([a, b, c], opts);
    expect(merged.graph.edgeCount).toBe(2);
    expect(merged.graph.coordCount).toBe(4 + 2);
    expect(buildGraph([a, b, c], { ...opts, mergePassThrough: false }).graph.edgeCount).toBe(3);
    // a closed ring with no junction keeps one node and becomes one loop edge
    const ring = buildGraph(
      [
        {
          coords: [
            [2.8, 50.4],
            [2.81, 50.4],
            [2.81, 50.41],
            [2.8, 50.4],
          ],
          kind: 0,
        },
        {
          coords: [
            [2.81, 50.4],
            [2.81, 50.41],
          ],
          kind: 1,
        },
      ],
      opts,
    );
    expect(ring.graph.edgeCount).toBe(3);
    expect(
      buildGraph(
        [
          {
            coords: [
              [2.8, 50.4],
              [2.81, 50.4],
              [2.81, 50.41],
            ],
            kind: 0,
          },
          {
            coords: [
              [2.81, 50.41],
              [2.8, 50.4],
            ],
            kind: 0,
          },
        ],
        opts,
      ).graph.edgeCount,
    ).toBe(1);
  });
});
