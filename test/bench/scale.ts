// The routing core at regional scale (issue 6, item 1), on a generated ~500k-edge network of the
// basin (synthetic-network.ts), each figure against its naive baseline run in the same process.
// `npx tsx test/bench/scale.ts` runs it alone; test/bench/run.ts can call benchScale().
//
// Timing: our per-leg and per-click figures are the best of 3 runs of each (warm buffers, and
// the machine may be shared: one run also counts the time the process was not scheduled); the
// single-run figures are shown next to them. The naive baselines are run once each.
import { benchTable, isMain, type BenchRow } from './table';
import { loadavg } from 'node:os';
import { lineString, nearestPointOnLine, point } from '@turf/turf';
import type { Feature, LineString } from 'geojson';
import { buildGraph } from '../../src/core/graph/build';
import { decodeNetwork, encodeNetwork } from '../../src/core/graph/bundle';
import { defaultEdgeCost } from '../../src/core/graph/cost';
import type { Graph } from '../../src/core/graph/graph';
import { computeLandmarks } from '../../src/core/graph/landmarks';
import { buildSegmentIndex, nearestOnNetwork, type Snap } from '../../src/core/graph/nearest';
import { Router, type RouteOptions } from '../../src/core/graph/route';
import { networkFromBuffer, type RoutingNetwork } from '../../src/core/route/network';
import { dijkstraCost, toNaive } from './dijkstra';
import { BASIN_BBOX, mulberry32, syntheticNetwork } from './synthetic-network';

const TARGET_EDGES = 500_000;
const LEG_M = 10_000;
const PAIRS = 150;
const CLICKS = 2000;
const SNAP_M = 300;
/** the turf baseline takes seconds per click: as many clicks as fit in this budget (at least 2) */
const TURF_BUDGET_MS = 15_000;

const log = (s: string) => process.stderr.write(`[scale] ${s}\n`);
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
};
const time = (fn: () => void) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};
const best3 = (fn: () => void) => Math.min(time(fn), time(fn), time(fn));
/** CPU time of this process (ms) while fn runs: unlike wall time, it leaves out the time other processes took */
const cpuTime = (fn: () => void) => {
  const c = process.cpuUsage();
  fn();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
};

/** ngraph-style object graph: a Map of node objects with adjacency arrays of link objects. */
interface NaiveNode {
  id: number;
  data: { lon: number; lat: number };
  links: { fromId: number; toId: number; data: { length: number; kind: number; coords: [number, number][] } }[];
}

function objectGraph(graph: Graph): Map<number, NaiveNode> {
  const nodes = new Map<number, NaiveNode>();
  const node = (id: number) => {
    let n = nodes.get(id);
    if (!n) {
      n = { id, data: { lon: graph.nodeCoords[2 * id], lat: graph.nodeCoords[2 * id + 1] }, links: [] };
      nodes.set(id, n);
    }
    return n;
  };
  for (let e = 0; e < graph.edgeCount; e++) {
    const coords: [number, number][] = [];
    for (let v = graph.edgeCoordStart[e]; v < graph.edgeCoordStart[e + 1]; v++) coords.push([graph.coords[2 * v], graph.coords[2 * v + 1]]);
    const link = { fromId: graph.edgeFrom[e], toId: graph.edgeTo[e], data: { length: graph.edgeLength[e], kind: graph.edgeKind[e], coords } };
    node(link.fromId).links.push(link);
    node(link.toId).links.push(link);
  }
  return nodes;
}

/** Pairs of clicks LEG_M apart (as the crow flies), both snapped, connected by the network. */
function legPairs(net: RoutingNetwork, count: number): { pairs: [Snap, Snap][]; tried: number } {
  const [west, south, east, north] = BASIN_BBOX;
  const rnd = mulberry32(2024);
  const pairs: [Snap, Snap][] = [];
  let tried = 0;
  while (pairs.length < count && tried < count * 100) {
    tried++;
    const lon = west + rnd() * (east - west);
    const lat = south + rnd() * (north - south);
    const a = rnd() * 2 * Math.PI;
    const lon2 = lon + (Math.cos(a) * LEG_M) / (111_320 * Math.cos((lat * Math.PI) / 180));
    const lat2 = lat + (Math.sin(a) * LEG_M) / 110_574;
    const s1 = nearestOnNetwork(net.graph, net.index, lon, lat, SNAP_M);
    const s2 = nearestOnNetwork(net.graph, net.index, lon2, lat2, SNAP_M);
    if (!s1 || !s2 || !net.router.route(s1, s2)) continue;
    pairs.push([s1, s2]);
  }
  return { pairs, tried };
}

interface LegFigures {
  best: number[];
  single: number[];
  settled: number[];
}

function timeLegs(router: Router, pairs: [Snap, Snap][], options: RouteOptions): LegFigures {
  const f: LegFigures = { best: [], single: [], settled: [] };
  for (const [a, b] of pairs) {
    let settled = 0;
    f.single.push(time(() => (settled = router.route(a, b, options)?.settled ?? 0)));
    f.best.push(best3(() => router.route(a, b, options)));
    f.settled.push(settled);
  }
  return f;
}

const legCell = (f: LegFigures, label: string) =>
  `p50 ${ms(pct(f.best, 0.5))} / p95 ${ms(pct(f.best, 0.95))} ms (${label} ; 1 passage : ${ms(pct(f.single, 0.5))} / ${ms(pct(f.single, 0.95))} ; nœuds fixés p50 ${pct(f.settled, 0.5)}, p95 ${pct(f.settled, 0.95)})`;

export async function benchScale(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];

  // 1. The network, as the pipeline would build it once.
  log('génération du réseau synthétique…');
  let built!: ReturnType<typeof buildGraph>;
  let segments = 0;
  const tGen = time(() => {
    const lines = syntheticNetwork({ targetEdges: TARGET_EDGES });
    for (const l of lines) segments += l.coords.length - 1;
    log(`${lines.length} lignes, ${segments} segments ; buildGraph…`);
    let cpuBuild = 0;
    const tBuild = time(() => (cpuBuild = cpuTime(() => (built = buildGraph(lines, { noding: 'shared-vertices', joinTolerance_m: 0 })))));
    rows.push({
      what: `Construction du graphe (pipeline, une fois) : ${lines.length} voies OSM-like, ${segments} segments → ${built.graph.nodeCount} nœuds, ${built.graph.edgeCount} arêtes`,
      ours: `${(tBuild / 1000).toFixed(1)} s (CPU ${(cpuBuild / 1000).toFixed(1)} s, ramasse-miettes compris ; buildGraph, noding 'shared-vertices', nœuds de passage fusionnés, numérotation de Hilbert)`,
      baseline: '—',
      ratio: '—',
    });
  });
  const graph0 = built.graph;
  log(`réseau prêt en ${(tGen / 1000).toFixed(1)} s : ${graph0.edgeCount} arêtes`);

  let index0!: ReturnType<typeof buildSegmentIndex>;
  const tIndex = time(() => (index0 = buildSegmentIndex(graph0)));
  let landmarks0!: ReturnType<typeof computeLandmarks>;
  log('repères ALT…');
  let cpuLandmarks = 0;
  const tLandmarks = time(() => (cpuLandmarks = cpuTime(() => (landmarks0 = computeLandmarks(graph0)))));
  const bundle = encodeNetwork({ graph: graph0, index: index0, landmarks: landmarks0 });
  const mb = (b: number) => (b / 1e6).toFixed(0);
  rows.push({
    what: `Prétraitement ALT : 16 repères (farthest), une Dijkstra complète par repère, ${graph0.nodeCount} nœuds`,
    ours: `${(tLandmarks / 1000).toFixed(1)} s (CPU ${(cpuLandmarks / 1000).toFixed(1)} s), ${mb(landmarks0.byteLength)} Mo (Float32)`,
    baseline: 'cible ≤ 10 s',
    ratio: tLandmarks <= 10_000 ? 'tenu' : 'non tenu',
  });

  // 2. Load: what the worker does with network.bin (a transferred buffer: no copy, no parse).
  // each load gets its own copy, as each worker receives its own transferred buffer
  const copies = [bundle.slice(0), bundle.slice(0), bundle.slice(0)];
  const decodes: number[] = [];
  const routers: number[] = [];
  const loads = copies.map((b) => {
    let parts!: ReturnType<typeof decodeNetwork>;
    decodes.push(time(() => (parts = decodeNetwork(b))));
    routers.push(time(() => new Router(parts.graph, parts.landmarks)));
    return decodes[decodes.length - 1] + routers[routers.length - 1];
  });
  const net = networkFromBuffer(bundle.slice(0));
  rows.push({
    what: `Chargement de network.bin (${mb(bundle.byteLength)} Mo : graphe ${mb(graph0.byteLength)}, index ${mb(index0.index.data.byteLength)}, repères ${mb(landmarks0.byteLength)}) dans le worker (cible ≤ 300 ms)`,
    ours: `${ms(Math.min(...loads))} ms : Graph.from + Flatbush.from + tables de segments ${ms(Math.min(...decodes))} ms, routeur (tampons, composantes) ${ms(Math.min(...routers))} ms (l’index reconstruit au chargement coûterait ${ms(tIndex)} ms)`,
    baseline: 'objets ngraph (Map de nœuds, tableaux de liens) : mesuré plus bas',
    ratio: '',
  });
  const loadRow = rows[rows.length - 1];

  // 3. Legs between clicks 10 km apart.
  log('paires de clics à 10 km…');
  const { pairs, tried } = legPairs(net, PAIRS);
  const router = net.router;
  const plainRouter = new Router(net.graph);
  log(`${pairs.length} paires reliées (${tried} tirées) ; A*, ALT, Dijkstra…`);
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  const dijkstraCsr = timeLegs(router, pairs, { heuristic: 'none' });
  const astar = timeLegs(plainRouter, pairs, {});
  const alt = timeLegs(router, pairs, {});
  const penaltyRnd = mulberry32(77);
  const edgeCost = defaultEdgeCost(graph0).map((c) => (penaltyRnd() < 0.1 ? c * 5 : c));
  const astarPenalty = timeLegs(plainRouter, pairs, { edgeCost });
  const altPenalty = timeLegs(router, pairs, { edgeCost });
  const cpu = process.cpuUsage(cpu0);
  const cpuShare = (cpu.user + cpu.system) / 1000 / (performance.now() - wall0);

  log('Dijkstra naïf (test/bench/dijkstra.ts)…');
  const naive = toNaive(graph0);
  const naiveCosts: number[] = [];
  const naiveTimes = pairs.map(([a, b]) => time(() => naiveCosts.push(dijkstraCost(graph0, naive, a, b))));
  // the fast searches must find the naive costs (the tests check this on 100 pairs of a smaller network)
  const wrong = pairs.filter(([a, b], i) =>
    [router.route(a, b), plainRouter.route(a, b), router.route(a, b, { heuristic: 'none' })].some((p) => !p || Math.abs(p.cost - naiveCosts[i]) > 1e-3),
  ).length;
  const naiveCell = `p50 ${ms(pct(naiveTimes, 0.5))} / p95 ${ms(pct(naiveTimes, 0.95))} ms (Dijkstra naïf, 1 passage)`;
  const ratio = (f: LegFigures, base: number[]) =>
    `×${(pct(base, 0.5) / pct(f.best, 0.5)).toFixed(0)} (p50) / ×${(pct(base, 0.95) / pct(f.best, 0.95)).toFixed(0)} (p95)`;
  const legWhat = `Tronçon entre deux clics à 10 km (${pairs.length} paires reliées ; coûts égaux à ceux du Dijkstra naïf : ${pairs.length - wrong}/${pairs.length})`;
  rows.push({
    what: `${legWhat} — Dijkstra sur le graphe compact (même tas, sans heuristique)`,
    ours: legCell(dijkstraCsr, 'meilleur de 3'),
    baseline: naiveCell,
    ratio: ratio(dijkstraCsr, naiveTimes),
  });
  rows.push({
    what: `${legWhat} — A*, borne en ligne droite (cible p50 ≤ 5 ms, p95 ≤ 15 ms)`,
    ours: legCell(astar, 'meilleur de 3'),
    baseline: naiveCell,
    ratio: ratio(astar, naiveTimes),
  });
  rows.push({
    what: `${legWhat} — ALT, 16 repères (cible p95 ≤ 1 ms)`,
    ours: legCell(alt, 'meilleur de 3'),
    baseline: naiveCell,
    ratio: ratio(alt, naiveTimes),
  });
  const penaltyRatio = (f: LegFigures, base: LegFigures) =>
    `×${(pct(f.best, 0.5) / pct(base.best, 0.5)).toFixed(2)} (p50) / ×${(pct(f.best, 0.95) / pct(base.best, 0.95)).toFixed(2)} (p95) du temps sans pénalité`;
  rows.push({
    what: `${legWhat} — A* avec pénalités d’évitement (coût ×5 sur 10 % des arêtes)`,
    ours: legCell(astarPenalty, 'meilleur de 3'),
    baseline: `A* sans pénalité : p50 ${ms(pct(astar.best, 0.5))} / p95 ${ms(pct(astar.best, 0.95))} ms`,
    ratio: penaltyRatio(astarPenalty, astar),
  });
  rows.push({
    what: `${legWhat} — ALT avec les mêmes pénalités (repères calculés sans pénalité : bornes toujours valides)`,
    ours: legCell(altPenalty, 'meilleur de 3'),
    baseline: `ALT sans pénalité : p50 ${ms(pct(alt.best, 0.5))} / p95 ${ms(pct(alt.best, 0.95))} ms`,
    ratio: penaltyRatio(altPenalty, alt),
  });

  // 4. Nearest edge to a click.
  log('accroche des clics…');
  const [west, south, east, north] = BASIN_BBOX;
  const rnd = mulberry32(99);
  const clicks = Array.from({ length: CLICKS }, () => [west + rnd() * (east - west), south + rnd() * (north - south)] as const);
  const near = clicks.map(([x, y]) => best3(() => nearestOnNetwork(net.graph, net.index, x, y, SNAP_M)));
  const nearSingle = clicks.map(([x, y]) => time(() => nearestOnNetwork(net.graph, net.index, x, y, SNAP_M)));
  log('référence turf.nearestPointOnLine sur toutes les arêtes…');
  const features: Feature<LineString>[] = [];
  for (let e = 0; e < graph0.edgeCount; e++) {
    const coords: [number, number][] = [];
    for (let v = graph0.edgeCoordStart[e]; v < graph0.edgeCoordStart[e + 1]; v++) coords.push([graph0.coords[2 * v], graph0.coords[2 * v + 1]]);
    features.push(lineString(coords));
  }
  const turfTimes: number[] = [];
  const tTurf0 = performance.now();
  for (const [x, y] of clicks) {
    if (turfTimes.length >= 2 && performance.now() - tTurf0 > TURF_BUDGET_MS) break;
    const p = point([x, y]);
    turfTimes.push(
      time(() => {
        let best = Infinity;
        for (const f of features) {
          const d = nearestPointOnLine(f, p, { units: 'meters' }).properties.dist ?? Infinity;
          if (d < best) best = d;
        }
      }),
    );
  }
  const turfMean = turfTimes.reduce((s, t) => s + t, 0) / turfTimes.length;
  rows.push({
    what: `Accroche d’un clic à l’arête la plus proche (${CLICKS} clics, rayon ${SNAP_M} m, ${segments} segments ; cible p99 ≤ 0,5 ms)`,
    ours: `p50 ${ms(pct(near, 0.5))} / p99 ${ms(pct(near, 0.99))} ms (flatbush + projection exacte, meilleur de 3 ; 1 passage : p99 ${ms(pct(nearSingle, 0.99))} ms)`,
    baseline: `${ms(turfMean)} ms / clic (turf.nearestPointOnLine sur toutes les arêtes, ${turfTimes.length} clics seulement)`,
    ratio: `×${(turfMean / pct(near, 0.5)).toFixed(0)} (p50) / ×${(turfMean / pct(near, 0.99)).toFixed(0)} (p99)`,
  });
  features.length = 0;

  // 5. The naive load baseline, last: its millions of objects would slow the collector above.
  log('référence : graphe d’objets façon ngraph…');
  let objects = 0;
  const tObjects = time(() => (objects = objectGraph(graph0).size));
  loadRow.baseline = `${ms(tObjects)} ms (Map de ${objects} nœuds-objets avec tableaux de liens, construite depuis les tableaux typés déjà en mémoire : sans lecture ni analyse de fichier)`;
  loadRow.ratio = `×${(tObjects / Math.min(...loads)).toFixed(0)}`;

  rows.push({
    what: 'Conditions de mesure',
    ours: `Node ${process.version}, charge moyenne ${loadavg()[0].toFixed(1)} ; part de CPU obtenue pendant les tronçons : ${(cpuShare * 100).toFixed(0)} %`,
    baseline: '—',
    ratio: '—',
  });
  return rows;
}

if (isMain(import.meta.url)) {
  const t = performance.now();
  const rows = await benchScale();
  console.log(benchTable(rows));
  log(`terminé en ${((performance.now() - t) / 1000).toFixed(0)} s`);
}
