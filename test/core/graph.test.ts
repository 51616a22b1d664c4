import { describe, expect, it } from 'vitest';
import geodesicLib from 'geographiclib-geodesic';
import { buildGraph, type NetworkLine } from '../../src/core/graph/build';
import { EdgeKind, Graph } from '../../src/core/graph/graph';
import { computeHierarchy } from '../../src/core/graph/hierarchy';
import { buildSegmentIndex, nearestOnNetwork } from '../../src/core/graph/nearest';
import { GAP_COST, Router } from '../../src/core/graph/route';
import { dijkstraCost, toNaive } from '../bench/dijkstra';

const geod = geodesicLib.Geodesic.WGS84;
/** Independent reference: GeographicLib's geodesic length of a polyline. */
const refLength = (pts: [number, number][]) => pts.slice(1).reduce((sum, p, i) => sum + geod.Inverse(pts[i][1], pts[i][0], p[1], p[0]).s12!, 0);

// A hand-drawn network near Lens:
//   L2 (vertical) crosses L1 (horizontal) at (2.81, 50.40);
//   L3 starts 0.0003° (≈ 21 m) east of L1's end: a bridged gap;
//   L4 lies 2 km away, unconnected.
const L1: NetworkLine = {
  coords: [
    [2.8, 50.4],
    [2.82, 50.4],
  ],
  kind: EdgeKind.cavalier,
  name: 'L1',
};
const L2: NetworkLine = {
  coords: [
    [2.81, 50.39],
    [2.81, 50.41],
  ],
  kind: EdgeKind.cavalier,
  name: 'L2',
};
const L3: NetworkLine = {
  coords: [
    [2.8203, 50.4],
    [2.83, 50.4],
    [2.84, 50.405],
  ],
  kind: EdgeKind.cavalier,
  name: 'L3',
};
const L4: NetworkLine = {
  coords: [
    [2.8, 50.42],
    [2.82, 50.42],
  ],
  kind: EdgeKind.cavalier,
  name: 'L4',
};

describe('buildGraph', () => {
  const { graph, report, names } = buildGraph([L1, L2, L3, L4], { joinTolerance_m: 50 });

  it('splits crossing lines at a shared node', () => {
    const crossing = [...Array(graph.nodeCount).keys()].find(
      (n) => Math.abs(graph.nodeCoords[2 * n] - 2.81) < 1e-9 && Math.abs(graph.nodeCoords[2 * n + 1] - 50.4) < 1e-9,
    );
    expect(crossing).toBeDefined();
    expect(graph.adjOffsets[crossing! + 1] - graph.adjOffsets[crossing!]).toBe(4);
  });

  it('bridges the 21 m gap and reports components', () => {
    expect(report.gaps).toBe(1);
    expect(report.gapLength_m).toBeCloseTo(
      refLength([
        [2.82, 50.4],
        [2.8203, 50.4],
      ]),
      2,
    );
    expect(report.components).toBe(2);
    // L1 (2 edges) + L2 (2 edges) + L3 + gap + L4
    expect(report.edges).toBe(7);
    expect(names).toEqual(['L1', 'L2', 'L3', 'L4']);
    const total = refLength(L1.coords) + refLength(L2.coords) + refLength(L3.coords) + refLength(L4.coords) + report.gapLength_m;
    expect(report.length_m).toBeCloseTo(total, 3);
  });

  it('does not join ends beyond the tolerance', () => {
    expect(buildGraph([L1, L3], { joinTolerance_m: 10 }).report.gaps).toBe(0);
  });

  it('round-trips through its buffer', () => {
    const copy = Graph.from(graph.data.slice(0));
    expect(copy.edgeCount).toBe(graph.edgeCount);
    expect([...copy.edgeLength]).toEqual([...graph.edgeLength]);
    expect(() => Graph.from(new ArrayBuffer(64))).toThrow();
  });
});

describe('buildGraph: exact lines (OSM ways) among loose ones', () => {
  // E1 runs west–east on 50.40, E2 south–north on 2.81: they cross at (2.81, 50.40)
  const E1: NetworkLine = { ...L1, name: 'E1', kind: EdgeKind.path, exact: true };
  const E2: NetworkLine = { ...L2, name: 'E2', kind: EdgeKind.road, exact: true };
  const degreeAt = (graph: Graph, lon: number, lat: number) => {
    const n = [...Array(graph.nodeCount).keys()].find(
      (k) => Math.abs(graph.nodeCoords[2 * k] - lon) < 1e-9 && Math.abs(graph.nodeCoords[2 * k + 1] - lat) < 1e-9,
    );
    return n === undefined ? 0 : graph.adjOffsets[n + 1] - graph.adjOffsets[n];
  };

  it('makes no junction where two exact lines cross without a shared vertex (a footbridge over a street)', () => {
    const { graph, report } = buildGraph([E1, E2], { joinTolerance_m: 50 });
    expect(degreeAt(graph, 2.81, 50.4)).toBe(0);
    expect(report.edges).toBe(2);
    expect(report.components).toBe(2);
  });

  it('makes one where they share the vertex, as OSM ways do at a junction', () => {
    const withNode = (l: NetworkLine): NetworkLine => ({ ...l, coords: [l.coords[0], [2.81, 50.4], l.coords[1]] });
    const { graph, report } = buildGraph([withNode(E1), withNode(E2)], { joinTolerance_m: 50 });
    expect(degreeAt(graph, 2.81, 50.4)).toBe(4);
    expect(report.components).toBe(1);
  });

  it('still splits where an exact line crosses a loose one, in either order', () => {
    for (const lines of [
      [L1, E2],
      [E2, L1],
    ]) {
      const { graph, report } = buildGraph(lines, { joinTolerance_m: 50 });
      expect(degreeAt(graph, 2.81, 50.4)).toBe(4);
      expect(report.edges).toBe(4);
    }
  });

  // spurs north from the middle of E1 / L1: their south end 0.0002° (22.1 m) or 0.0004° (44.2 m) away
  const spur = (gap_deg: number, exact: boolean): NetworkLine => ({
    coords: [
      [2.815, 50.4 + gap_deg],
      [2.815, 50.41],
    ],
    kind: EdgeKind.path,
    name: 'S',
    ...(exact ? { exact: true } : {}),
  });
  it('joins an exact end within 25 m only, to a loose line or an exact one', () => {
    expect(buildGraph([L1, spur(0.0002, true)], { joinTolerance_m: 50 }).report.gaps).toBe(1);
    expect(buildGraph([E1, spur(0.0002, true)], { joinTolerance_m: 50 }).report.gaps).toBe(1);
    expect(buildGraph([L1, spur(0.0002, true)], { joinTolerance_m: 50, exactJoinTolerance_m: 20 }).report.gaps).toBe(0);
    expect(buildGraph([L1, spur(0.0004, true)], { joinTolerance_m: 50 }).report.gaps).toBe(0);
    expect(buildGraph([E1, spur(0.0004, true)], { joinTolerance_m: 50 }).report.gaps).toBe(0);
  });

  it('joins a loose end up to the full tolerance, to exact lines too', () => {
    expect(buildGraph([L1, spur(0.0004, false)], { joinTolerance_m: 50 }).report.gaps).toBe(1);
    expect(buildGraph([E1, spur(0.0004, false)], { joinTolerance_m: 50 }).report.gaps).toBe(1);
    expect(buildGraph([E1, spur(0.0004, false)], { joinTolerance_m: 40 }).report.gaps).toBe(0);
  });

  it('treats every line as loose in a build without the intersection search', () => {
    // noding 'shared-vertices' keeps its own rule: ends joined within the tolerance whatever the lines
    expect(buildGraph([E1, spur(0.0004, true)], { joinTolerance_m: 50, noding: 'shared-vertices' }).report.gaps).toBe(1);
  });
});

describe('nearestOnNetwork', () => {
  const { graph } = buildGraph([L1, L2, L3, L4]);
  const idx = buildSegmentIndex(graph);

  it('projects a click onto the nearest segment', () => {
    // 0.0005° north of L1, between the crossing and L1's end: nearest is straight below on L1
    const s = nearestOnNetwork(graph, idx, 2.815, 50.4005, 200)!;
    expect(s.lon).toBeCloseTo(2.815, 9);
    expect(s.lat).toBeCloseTo(50.4, 9);
    expect(s.distance_m).toBeCloseTo(geod.Inverse(50.4005, 2.815, 50.4, 2.815).s12!, 1);
  });

  it('returns null beyond the radius', () => {
    expect(nearestOnNetwork(graph, idx, 2.9, 50.5, 300)).toBeNull();
  });
});

describe('Router', () => {
  const { graph } = buildGraph([L1, L2, L3, L4]);
  const idx = buildSegmentIndex(graph);
  const router = new Router(graph);
  const snap = (lon: number, lat: number) => nearestOnNetwork(graph, idx, lon, lat, 500)!;

  it('follows the network around the corner, across the gap', () => {
    const a = snap(2.81, 50.395); // on L2, south of the crossing
    const b = snap(2.835, 50.4025); // on L3's second segment
    const r = router.route(a, b)!;
    const expected: [number, number][] = [
      [2.81, 50.395],
      [2.81, 50.4],
      [2.82, 50.4],
      [2.8203, 50.4],
      [2.83, 50.4],
      [b.lon, b.lat],
    ];
    expect(r.coords.length).toBe(expected.length);
    r.coords.forEach((c, i) => {
      expect(c[0]).toBeCloseTo(expected[i][0], 9);
      expect(c[1]).toBeCloseTo(expected[i][1], 9);
    });
    expect(r.length_m).toBeCloseTo(refLength(expected), 1);
    expect(r.edges.map((e) => graph.edgeKind[e])).toContain(EdgeKind.gap);
  });

  it('routes along a single edge in both directions', () => {
    const a = snap(2.801, 50.4);
    const b = snap(2.805, 50.4);
    const ab = router.route(a, b)!;
    const ba = router.route(b, a)!;
    expect(ab.coords).toEqual([
      [a.lon, a.lat],
      [b.lon, b.lat],
    ]);
    expect(ba.coords).toEqual([
      [b.lon, b.lat],
      [a.lon, a.lat],
    ]);
    expect(ab.length_m).toBeCloseTo(
      refLength([
        [2.801, 50.4],
        [2.805, 50.4],
      ]),
      3,
    );
  });

  it('says when two points are not connected', () => {
    expect(router.route(snap(2.81, 50.395), snap(2.81, 50.42))).toBeNull();
  });

  it('finds the same cost as a plain Dijkstra on a random network', () => {
    // a jittered grid of lines, some links removed: many alternative paths
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const lines: NetworkLine[] = [];
    const N = 12;
    const pt = (i: number, j: number): [number, number] => [2.7 + i * 0.004 + ((i * 7 + j * 13) % 5) * 1e-4, 50.35 + j * 0.003 + ((i * 3 + j * 11) % 7) * 1e-4];
    for (let i = 0; i < N; i++)
      for (let j = 0; j < N; j++) {
        if (i + 1 < N && rnd() > 0.2) lines.push({ coords: [pt(i, j), pt(i + 1, j)], kind: 0 });
        if (j + 1 < N && rnd() > 0.2) lines.push({ coords: [pt(i, j), pt(i, j + 1)], kind: 0 });
      }
    const net = buildGraph(lines, { joinTolerance_m: 1 });
    const nidx = buildSegmentIndex(net.graph);
    const r = new Router(net.graph);
    const hier = new Router(net.graph, null, null, computeHierarchy(net.graph));
    const naive = toNaive(net.graph);
    let compared = 0;
    for (let k = 0; k < 40; k++) {
      const a = nearestOnNetwork(net.graph, nidx, 2.7 + rnd() * 0.044, 50.35 + rnd() * 0.033, 1000);
      const b = nearestOnNetwork(net.graph, nidx, 2.7 + rnd() * 0.044, 50.35 + rnd() * 0.033, 1000);
      if (!a || !b) continue;
      const astar = r.route(a, b);
      const ch = hier.route(a, b);
      const ref = dijkstraCost(net.graph, naive, a, b);
      if (ref === Infinity) {
        expect(astar).toBeNull();
        expect(ch).toBeNull();
      } else {
        compared++;
        // no gaps in this network, so cost = length
        expect(astar!.length_m).toBeCloseTo(ref, 3);
        expect(ch!.cost).toBeCloseTo(ref, 3);
        expect(ch!.length_m).toBeCloseTo(ref, 3);
      }
    }
    expect(compared).toBeGreaterThan(30);
    expect(GAP_COST).toBeGreaterThan(1);
  });
});

// Issue 15: the router searches from both ends at once and stops when the two searches' keys add
// up to the best path met so far. A hand-drawn ring where the two ways round differ, checked
// against GeographicLib lengths; the penalty flips the answer, the dead-end spurs hold the clicks.
//
//   A0 ── A ─────────── B ── B0        (the parallel 50.40; clicks on the spurs A0–A and B–B0)
//         │             │
//         C ─── M ───── D              (the parallel 50.41; M a junction, with a dead-end spur north)
describe('bidirectional search on a hand-checked ring', () => {
  const A0: [number, number] = [2.79, 50.4];
  const A: [number, number] = [2.8, 50.4];
  const B: [number, number] = [2.82, 50.4];
  const B0: [number, number] = [2.83, 50.4];
  const C: [number, number] = [2.8, 50.41];
  const M: [number, number] = [2.808, 50.41];
  const D: [number, number] = [2.82, 50.41];
  const line = (...coords: [number, number][]): NetworkLine => ({ coords, kind: EdgeKind.path });
  const { graph } = buildGraph([line(A0, A), line(A, B), line(B, B0), line(A, C), line(C, M), line(M, D), line(D, B), line(M, [2.808, 50.415])]);
  const idx = buildSegmentIndex(graph);
  const plain = new Router(graph);
  // the same network with its contraction hierarchy: used for default costs, ALT for penalties
  const hier = new Router(graph, null, null, computeHierarchy(graph));
  const a = nearestOnNetwork(graph, idx, 2.795, 50.4, 50)!;
  const b = nearestOnNetwork(graph, idx, 2.825, 50.4, 50)!;
  const start: [number, number] = [2.795, 50.4];
  const end: [number, number] = [2.825, 50.4];
  const direct = refLength([start, A, B, end]);
  const around = refLength([start, A, C, M, D, B, end]);
  const directEdge = [...Array(graph.edgeCount).keys()].find((e) => {
    const x = [graph.nodeCoords[2 * graph.edgeFrom[e]], graph.nodeCoords[2 * graph.edgeTo[e]]].sort();
    return graph.edgeCoordStart[e + 1] - graph.edgeCoordStart[e] === 2 && x[0] === 2.8 && x[1] === 2.82 && graph.nodeCoords[2 * graph.edgeFrom[e] + 1] === 50.4;
  })!;

  it('takes the straight way, at its GeographicLib length, with every search mode', () => {
    expect(around - direct).toBeGreaterThan(2000); // the ring's two sides: 2 × ~1.1 km more round
    expect(hier.hasHierarchy).toBe(true);
    for (const [router, heuristic] of [[hier, 'auto'], ...(['auto', 'straight-line', 'none'] as const).map((h) => [plain, h] as const)] as const) {
      const r = router.route(a, b, { heuristic })!;
      expect(r.cost).toBeCloseTo(direct, 2);
      expect(r.length_m).toBeCloseTo(direct, 2);
      expect(r.edges).toContain(directEdge);
      // from the start spur's click to the end spur's click, in this order
      expect(r.coords[0]).toEqual([a.lon, a.lat]);
      expect(r.coords[r.coords.length - 1]).toEqual([b.lon, b.lat]);
      // the way back costs the same and is the same line reversed
      const back = router.route(b, a, { heuristic })!;
      expect(back.cost).toBeCloseTo(r.cost, 9);
      expect(back.coords).toEqual([...r.coords].reverse());
    }
  });

  it('goes round through M when the straight edge costs ×5 (penalties are exact)', () => {
    const edgeCost = new Float32Array(graph.edgeCount).fill(1);
    edgeCost[directEdge] = 5;
    const penalised = 5 * refLength([A, B]) + refLength([start, A]) + refLength([B, end]);
    expect(penalised).toBeGreaterThan(around);
    for (const [router, heuristic] of [[hier, 'auto'], ...(['auto', 'straight-line', 'none'] as const).map((h) => [plain, h] as const)] as const) {
      const r = router.route(a, b, { edgeCost, heuristic })!;
      expect(r.cost).toBeCloseTo(around, 2);
      expect(r.length_m).toBeCloseTo(around, 2);
      expect(r.edges).not.toContain(directEdge);
      expect(r.coords.some(([x, y]) => x === M[0] && y === M[1])).toBe(true);
    }
  });

  it('routes between two clicks on the same dead-end spur without leaving it', () => {
    const p = nearestOnNetwork(graph, idx, 2.792, 50.4, 50)!;
    const q = nearestOnNetwork(graph, idx, 2.798, 50.4, 50)!;
    for (const router of [plain, hier]) {
      const r = router.route(p, q)!;
      expect(r.edges).toEqual([p.edge]);
      expect(r.cost).toBeCloseTo(
        refLength([
          [2.792, 50.4],
          [2.798, 50.4],
        ]),
        3,
      );
    }
  });
});
