// The routing core at regional scale (issues 6 and 15), on a generated ~500k-edge network of the
// basin (synthetic-network.ts), each figure against a competent peer run in the same process:
// ngraph.path's NBA* and A* (peers.ts) on the same pairs, costs and bounds, with every cost
// checked equal to Cavalier's. `node --expose-gc --import tsx test/bench/scale.ts` runs it alone;
// test/bench/run.ts calls benchScale().
//
// Timing (issue 15): every figure, ours and the peers', is a single run, the runs interleaved
// pair by pair (the order rotating), in ROUNDS rounds; a cell gives the median over the rounds of
// each round's p50 / p95 and the spread (smallest–largest) of the rounds' p95, and the ratio is the
// median over the rounds of the peer's p50 (p95) over ours. Our legs also give their CPU time
// (process.cpuUsage around each one): on a machine shared with other processes, a wall-clock p95
// mostly measures when the scheduler took the core away, which the CPU time leaves out.
import { benchTable, isMain, logLogSlope, type BenchRow } from './table';
import { loadavg } from 'node:os';
import Flatbush from 'flatbush';
import { lineString, nearestPointOnLine, point } from '@turf/turf';
import type { Feature, LineString } from 'geojson';
import { buildGraph } from '../../src/core/graph/build';
import { decodeNetwork, encodeNetwork } from '../../src/core/graph/bundle';
import { defaultEdgeCost } from '../../src/core/graph/cost';
import { computeHierarchy } from '../../src/core/graph/hierarchy';
import { computeLandmarks } from '../../src/core/graph/landmarks';
import { buildSegmentIndex, nearestOnNetwork, type Snap } from '../../src/core/graph/nearest';
import { Router, type RouteOptions } from '../../src/core/graph/route';
import { networkFromBuffer, type RoutingNetwork } from '../../src/core/route/network';
import { NgraphPeer, type PeerSearch } from './peers';
import { BASIN_BBOX, mulberry32, syntheticNetwork } from './synthetic-network';

const TARGET_EDGES = 500_000;
const ROUNDS = 3;
const CLICKS = 2000;
const SNAP_M = 300;
/** SCALE_ROUTING_ONLY=1 leaves out the snapping rows (for iterating on the router) */
const ROUTING_ONLY = process.env.SCALE_ROUTING_ONLY === '1';

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
/** CPU time of this process (ms) while fn runs: unlike wall time, it leaves out the time other processes took */
const cpuTime = (fn: () => void) => {
  const c = process.cpuUsage();
  fn();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
};

/** Pairs of clicks `crow_m` apart as the crow flies (within the basin's box), both snapped, connected by the network. */
function legPairs(net: RoutingNetwork, count: number, crow_m: number, seed: number): [Snap, Snap][] {
  const [west, south, east, north] = BASIN_BBOX;
  const rnd = mulberry32(seed);
  const pairs: [Snap, Snap][] = [];
  let tried = 0;
  while (pairs.length < count && tried++ < count * 1000) {
    const lon = west + rnd() * (east - west);
    const lat = south + rnd() * (north - south);
    const a = rnd() * 2 * Math.PI;
    const lon2 = lon + (Math.cos(a) * crow_m) / (111_320 * Math.cos((lat * Math.PI) / 180));
    const lat2 = lat + (Math.sin(a) * crow_m) / 110_574;
    if (lon2 < west || lon2 > east || lat2 < south || lat2 > north) continue;
    const s1 = nearestOnNetwork(net.graph, net.index, lon, lat, SNAP_M);
    const s2 = nearestOnNetwork(net.graph, net.index, lon2, lat2, SNAP_M);
    const path = s1 && s2 ? net.router.route(s1, s2) : null;
    if (!s1 || !s2 || !path) continue;
    pairs.push([s1, s2]);
  }
  return pairs;
}

/**
 * Raid stages routed as one leg: a click in the basin's western strip, one in its eastern strip
 * (the box is ~115 km wide), kept when the route is at least `minRoute_m` long.
 */
function raidPairs(net: RoutingNetwork, count: number, seed: number, minRoute_m: number): [Snap, Snap][] {
  const [west, south, east, north] = BASIN_BBOX;
  const rnd = mulberry32(seed);
  const pairs: [Snap, Snap][] = [];
  let tried = 0;
  while (pairs.length < count && tried++ < count * 100) {
    const s1 = nearestOnNetwork(net.graph, net.index, west + rnd() * 0.15, south + rnd() * (north - south), SNAP_M);
    const s2 = nearestOnNetwork(net.graph, net.index, east - rnd() * 0.15, south + rnd() * (north - south), SNAP_M);
    const path = s1 && s2 ? net.router.route(s1, s2) : null;
    if (s1 && s2 && path && path.length_m >= minRoute_m) pairs.push([s1, s2]);
  }
  return pairs;
}

interface Spread {
  p50: number;
  p95: number;
  /** smallest and largest p95 over the rounds */
  p95min: number;
  p95max: number;
}

const median = (xs: number[]) => pct(xs, 0.5);

/** Each round's p50 / p95, then their medians over the rounds and the spread of the p95. */
function spread(rounds: number[][]): Spread {
  const p50 = rounds.map((r) => pct(r, 0.5));
  const p95 = rounds.map((r) => pct(r, 0.95));
  return { p50: median(p50), p95: median(p95), p95min: Math.min(...p95), p95max: Math.max(...p95) };
}

const spreadCell = (s: Spread) => `p50 ${ms(s.p50)} / p95 ${ms(s.p95)} ms (p95 ${ms(s.p95min)}–${ms(s.p95max)})`;

interface Contest {
  ours: Spread;
  /** our CPU time per leg (process.cpuUsage): leaves out the time the other processes on the machine took */
  oursCpu: Spread;
  peers: Map<PeerSearch, Spread>;
  /** per peer: median over the rounds of its p50 (p95) over ours */
  ratios: Map<PeerSearch, { p50: number; p95: number; p95min: number; p95max: number }>;
  settled: { p50: number; p95: number };
  length_km: { min: number; max: number };
}

/**
 * Cavalier and the peers on the same pairs: single runs, interleaved (the order rotating from one
 * pair to the next), ROUNDS rounds. Every peer cost must equal Cavalier's (else this throws).
 */
export function contest(router: Router, peer: NgraphPeer, pairs: [Snap, Snap][], searches: PeerSearch[], options: RouteOptions, cost: Float32Array): Contest {
  const runners = [null, ...searches];
  const times = runners.map(() => Array.from({ length: ROUNDS }, () => [] as number[]));
  const cpus = Array.from({ length: ROUNDS }, () => [] as number[]);
  const settled: number[] = [];
  const lengths: number[] = [];
  let worst = 0;
  for (let r = 0; r < ROUNDS; r++) {
    (globalThis as { gc?: () => void }).gc?.();
    pairs.forEach(([a, b], i) => {
      let ourCost = Number.NaN;
      const peerCosts: number[] = [];
      for (let k = 0; k < runners.length; k++) {
        const which = (k + i + r) % runners.length;
        const search = runners[which];
        if (search === null) {
          const c0 = process.cpuUsage();
          const t0 = performance.now();
          const p = router.route(a, b, options);
          times[which][r].push(performance.now() - t0);
          const dc = process.cpuUsage(c0);
          cpus[r].push((dc.user + dc.system) / 1000);
          if (!p) throw new Error('pair not connected');
          ourCost = p.cost;
          if (r === 0) {
            settled.push(p.settled);
            lengths.push(p.length_m);
          }
        } else {
          const res = peer.route(search, a, b, cost);
          times[which][r].push(res.ms);
          peerCosts.push(res.cost);
        }
      }
      for (const c of peerCosts) {
        const d = Math.abs(c - ourCost);
        // exact up to the float sums (and the Float32 landmarks' slack the peers' A* may lose)
        if (d > 1e-6 * ourCost + 0.05) throw new Error(`peer cost ${c} differs from Cavalier's ${ourCost}`);
        worst = Math.max(worst, d);
      }
    });
  }
  const ours = spread(times[0]);
  const peers = new Map<PeerSearch, Spread>();
  const ratios = new Map<PeerSearch, { p50: number; p95: number; p95min: number; p95max: number }>();
  searches.forEach((s, k) => {
    peers.set(s, spread(times[k + 1]));
    const p95 = times[k + 1].map((t, r) => pct(t, 0.95) / pct(times[0][r], 0.95));
    ratios.set(s, {
      p50: median(times[k + 1].map((t, r) => pct(t, 0.5) / pct(times[0][r], 0.5))),
      p95: median(p95),
      p95min: Math.min(...p95),
      p95max: Math.max(...p95),
    });
  });
  log(`  écart de coût maximal avec les pairs : ${worst.toExponential(1)} m`);
  return {
    ours,
    oursCpu: spread(cpus),
    peers,
    ratios,
    settled: { p50: pct(settled, 0.5), p95: pct(settled, 0.95) },
    length_km: { min: Math.min(...lengths) / 1000, max: Math.max(...lengths) / 1000 },
  };
}

const PEER_NAME: Record<PeerSearch, string> = {
  'nba-straight': 'ngraph.path NBA*, ligne droite',
  'nba-landmarks': 'ngraph.path NBA*, borne des 16 repères de Cavalier',
  'astar-landmarks': 'ngraph.path A*, borne des 16 repères de Cavalier',
};

export function contestRows(what: string, c: Contest, searches: PeerSearch[]): BenchRow[] {
  return searches.map((s) => {
    const r = c.ratios.get(s)!;
    return {
      what: `${what} — contre ${PEER_NAME[s]}`,
      ours: `${spreadCell(c.ours)} ; temps CPU p50 ${ms(c.oursCpu.p50)} / p95 ${ms(c.oursCpu.p95)} ms ; nœuds fixés p50 ${c.settled.p50}, p95 ${c.settled.p95}`,
      baseline: `${spreadCell(c.peers.get(s)!)} (${PEER_NAME[s]})`,
      ratio: `×${r.p50.toFixed(1)} (p50) / ×${r.p95.toFixed(1)} (p95 ; ×${r.p95min.toFixed(1)}–${r.p95max.toFixed(1)} selon la manche)`,
    };
  });
}

/**
 * How the cost of a leg grows with its length (issue 15, point 4): the hierarchy and ALT on the
 * same pairs at each crow-flies distance, interleaved, ROUNDS rounds; then the log-log slopes of
 * time and nodes settled against the median route length.
 */
function growthRows(router: Router, sets: { km: number; pairs: [Snap, Snap][] }[]): BenchRow[] {
  const rows: BenchRow[] = [];
  const figures: { km: number; ch: Spread; alt: Spread; chCpu: Spread; altCpu: Spread; chSettled: number[]; altSettled: number[] }[] = [];
  for (const { km, pairs } of sets) {
    const times = [0, 1].map(() => Array.from({ length: ROUNDS }, () => [] as number[]));
    const cpus = [0, 1].map(() => Array.from({ length: ROUNDS }, () => [] as number[]));
    const settled = [[] as number[], [] as number[]];
    const lengths: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      (globalThis as { gc?: () => void }).gc?.();
      pairs.forEach(([a, b], i) => {
        const costs = [0, 0];
        for (let k = 0; k < 2; k++) {
          const which = (k + i + r) % 2;
          const c0 = process.cpuUsage();
          const t0 = performance.now();
          const p = router.route(a, b, which === 0 ? {} : { heuristic: 'landmarks' })!;
          times[which][r].push(performance.now() - t0);
          const dc = process.cpuUsage(c0);
          cpus[which][r].push((dc.user + dc.system) / 1000);
          costs[which] = p.cost;
          if (r === 0) {
            settled[which].push(p.settled);
            if (which === 0) lengths.push(p.length_m);
          }
        }
        if (Math.abs(costs[0] - costs[1]) > 1e-6 * costs[0] + 0.05) throw new Error(`hierarchy ${costs[0]} and ALT ${costs[1]} differ`);
      });
    }
    const ch = spread(times[0]);
    const alt = spread(times[1]);
    const [chCpu, altCpu] = cpus.map(spread);
    figures.push({ km: median(lengths) / 1000, ch, alt, chCpu, altCpu, chSettled: settled[0], altSettled: settled[1] });
    rows.push({
      what: `Croissance du coût : clics à ${km} km à vol d’oiseau (${pairs.length} paires, route médiane ${(median(lengths) / 1000).toFixed(0)} km ; mêmes coûts)`,
      ours: `hiérarchie : ${spreadCell(ch)} ; CPU p50 ${ms(chCpu.p50)} / p95 ${ms(chCpu.p95)} ms ; nœuds fixés p50 ${pct(settled[0], 0.5)}, p95 ${pct(settled[0], 0.95)}`,
      baseline: `ALT bidirectionnel (4 des 16 repères) : ${spreadCell(alt)} ; CPU p50 ${ms(altCpu.p50)} / p95 ${ms(altCpu.p95)} ms ; nœuds fixés p50 ${pct(settled[1], 0.5)}, p95 ${pct(settled[1], 0.95)}`,
      ratio: `×${(alt.p50 / ch.p50).toFixed(1)} (p50) / ×${(alt.p95 / ch.p95).toFixed(1)} (p95)`,
    });
  }
  const x = figures.map((f) => f.km);
  const slope = (ys: number[]) => logLogSlope(x, ys).toFixed(2);
  rows.push({
    what: `Croissance du coût : pente log-log contre la longueur de route médiane (${x.map((k) => k.toFixed(0)).join(', ')} km)`,
    ours: `hiérarchie : temps p50 ${slope(figures.map((f) => f.ch.p50))}, p95 ${slope(figures.map((f) => f.ch.p95))} ; CPU p50 ${slope(figures.map((f) => f.chCpu.p50))}, p95 ${slope(figures.map((f) => f.chCpu.p95))} ; nœuds fixés p50 ${slope(figures.map((f) => pct(f.chSettled, 0.5)))}, p95 ${slope(figures.map((f) => pct(f.chSettled, 0.95)))}`,
    baseline: `ALT : temps p50 ${slope(figures.map((f) => f.alt.p50))}, p95 ${slope(figures.map((f) => f.alt.p95))} ; CPU p50 ${slope(figures.map((f) => f.altCpu.p50))}, p95 ${slope(figures.map((f) => f.altCpu.p95))} ; nœuds fixés p50 ${slope(figures.map((f) => pct(f.altSettled, 0.5)))}, p95 ${slope(figures.map((f) => pct(f.altSettled, 0.95)))}`,
    ratio: '—',
  });
  return rows;
}

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
  log('hiérarchie de contraction…');
  let hierarchy0!: ReturnType<typeof computeHierarchy>;
  let cpuHierarchy = 0;
  const tHierarchy = time(() => (cpuHierarchy = cpuTime(() => (hierarchy0 = computeHierarchy(graph0)))));
  const bundle = encodeNetwork({ graph: graph0, index: index0, landmarks: landmarks0, hierarchy: hierarchy0 });
  const mb = (b: number) => (b / 1e6).toFixed(0);
  rows.push({
    what: `Prétraitement ALT : 16 repères (farthest), une Dijkstra complète par repère, ${graph0.nodeCount} nœuds`,
    ours: `${(tLandmarks / 1000).toFixed(1)} s (CPU ${(cpuLandmarks / 1000).toFixed(1)} s), ${mb(landmarks0.byteLength)} Mo (Float32)`,
    baseline: 'cible ≤ 10 s',
    ratio: tLandmarks <= 10_000 ? 'tenu' : 'non tenu',
  });
  rows.push({
    what: `Prétraitement de la hiérarchie de contraction (coûts par défaut) : ${graph0.nodeCount} nœuds contractés, ${hierarchy0.shortcutCount} raccourcis, ${hierarchy0.arcCount} arcs montants`,
    ours: `${(tHierarchy / 1000).toFixed(1)} s (CPU ${(cpuHierarchy / 1000).toFixed(1)} s, charge ${loadavg()[0].toFixed(1)}), ${mb(hierarchy0.byteLength)} Mo (coûts Float64)`,
    baseline: '—',
    ratio: '—',
  });

  // 2. Load: what the worker does with network.bin (a transferred buffer: no copy, no parse). The
  // router allocates its search buffers on the first leg: that leg is timed apart.
  // each load gets its own copy, as each worker receives its own transferred buffer
  const copies = Array.from({ length: ROUNDS }, () => bundle.slice(0));
  const decodes: number[] = [];
  const routers: number[] = [];
  const firstLegs: number[] = [];
  const peerLoads: number[] = [];
  const probe = legPairs(networkFromBuffer(bundle.slice(0)), 1, 10_000, 7)[0];
  const defaults = defaultEdgeCost(graph0);
  let peer!: NgraphPeer;
  const loads = copies.map((b) => {
    let parts!: ReturnType<typeof decodeNetwork>;
    let router!: Router;
    decodes.push(time(() => (parts = decodeNetwork(b))));
    routers.push(time(() => (router = new Router(parts.graph, parts.landmarks, parts.components))));
    firstLegs.push(time(() => router.route(probe[0], probe[1])));
    // the peer's load: its graph of objects built from the same typed arrays (no file to read)
    peerLoads.push(time(() => (peer = new NgraphPeer(parts.graph, landmarks0, defaults))));
    return decodes[decodes.length - 1] + routers[routers.length - 1];
  });
  const net = networkFromBuffer(bundle.slice(0));
  const warmLeg = median(Array.from({ length: 5 }, () => time(() => net.router.route(probe[0], probe[1]))));
  rows.push({
    what: `Chargement de network.bin (${mb(bundle.byteLength)} Mo : graphe ${mb(graph0.byteLength)}, index ${mb(index0.index.data.byteLength)}, composantes ${mb(4 * graph0.nodeCount)}, repères ${mb(landmarks0.byteLength)}, hiérarchie ${mb(hierarchy0.byteLength)}) dans le routeur (cible ≤ 30 ms ; ${ROUNDS} chargements)`,
    ours: `médiane ${ms(median(loads))} ms (${ms(Math.min(...loads))}–${ms(Math.max(...loads))}) : vues sur le fichier ${ms(median(decodes))} ms, routeur ${ms(median(routers))} ms (l’index reconstruit au chargement coûterait ${ms(tIndex)} ms) ; le premier tronçon alloue les tampons de recherche : ${ms(median(firstLegs))} ms contre ${ms(warmLeg)} ms ensuite`,
    baseline: `médiane ${ms(median(peerLoads))} ms (${ms(Math.min(...peerLoads))}–${ms(Math.max(...peerLoads))}) : ngraph.graph construit depuis les tableaux déjà en mémoire (sans lecture de fichier)`,
    ratio: `×${(median(peerLoads) / median(loads)).toFixed(0)}`,
  });

  // 3. Legs: 10 km and 40 km apart as the crow flies, and a raid stage of ~200 km as one leg.
  const router = net.router;
  const penaltyRnd = mulberry32(77);
  const edgeCost = defaultEdgeCost(graph0).map((c) => (penaltyRnd() < 0.1 ? c * 5 : c));
  const all: PeerSearch[] = ['nba-straight', 'nba-landmarks', 'astar-landmarks'];
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  const legSets: { what: string; pairs: [Snap, Snap][]; penalties: boolean }[] = [];
  log('paires de clics à 2 km, 10 km, 40 km, et étapes de raid de ~200 km…');
  const p2 = legPairs(net, 150, 2_000, 2023);
  const p10 = legPairs(net, 150, 10_000, 2024);
  const p40 = legPairs(net, 60, 40_000, 2025);
  const p200 = raidPairs(net, 10, 2026, 180_000);
  legSets.push({ what: `Tronçon entre deux clics à 10 km à vol d’oiseau (${p10.length} paires ; cible p95 ≤ 1 ms)`, pairs: p10, penalties: false });
  legSets.push({ what: `Tronçon entre deux clics à 40 km à vol d’oiseau (${p40.length} paires ; cible p95 ≤ 3 ms)`, pairs: p40, penalties: false });
  legSets.push({
    what: `Étape de raid routée d’un seul tronçon, d’un bord du bassin à l’autre (${p200.length} paires ; cible ≤ 30 ms)`,
    pairs: p200,
    penalties: false,
  });
  legSets.push({ what: `Tronçon à 10 km avec pénalités d’évitement (coût ×5 sur 10 % des arêtes ; ${p10.length} paires)`, pairs: p10, penalties: true });
  legSets.push({ what: `Tronçon à 40 km avec les mêmes pénalités (${p40.length} paires)`, pairs: p40, penalties: true });
  for (const set of legSets) {
    log(`${set.what}…`);
    const c = contest(router, peer, set.pairs, all, set.penalties ? { edgeCost } : {}, set.penalties ? edgeCost : defaults);
    const how = set.penalties ? 'ALT bidirectionnel, 4 repères choisis par paire' : 'hiérarchie de contraction des coûts par défaut';
    const what = `${set.what}, routes de ${c.length_km.min.toFixed(0)} à ${c.length_km.max.toFixed(0)} km ; coûts égaux à ceux des pairs : ${set.pairs.length}/${set.pairs.length} — ${how}`;
    rows.push(...contestRows(what, c, all));
  }
  // the same search without landmarks, against the peer with the same bound
  log('sans repères (ligne droite) contre NBA* ligne droite…');
  const straight = contest(router, peer, p10, ['nba-straight'], { heuristic: 'straight-line' }, defaults);
  rows.push(
    ...contestRows(`Tronçon à 10 km (${p10.length} paires) — A* bidirectionnel sans repères, borne en ligne droite comme le pair`, straight, ['nba-straight']),
  );
  log('croissance du coût avec la longueur du tronçon…');
  rows.push(
    ...growthRows(router, [
      { km: 2, pairs: p2 },
      { km: 10, pairs: p10 },
      { km: 40, pairs: p40 },
      { km: 200, pairs: p200 },
    ]),
  );
  const cpu = process.cpuUsage(cpu0);
  const cpuShare = (cpu.user + cpu.system) / 1000 / (performance.now() - wall0);

  // 4. Nearest edge to a click.
  if (!ROUTING_ONLY) snapRows(rows, net, graph0, segments);
  rows.push({
    what: 'Conditions de mesure',
    ours: `Node ${process.version}, charge moyenne ${loadavg()[0].toFixed(1)} ; part de CPU obtenue pendant les tronçons : ${(cpuShare * 100).toFixed(0)} %`,
    baseline: '—',
    ratio: '—',
  });
  return rows;
}

function snapRows(rows: BenchRow[], net: RoutingNetwork, graph0: RoutingNetwork['graph'], segments: number): void {
  log('accroche des clics…');
  const [west, south, east, north] = BASIN_BBOX;
  const rnd = mulberry32(99);
  const clicks = Array.from({ length: CLICKS }, () => [west + rnd() * (east - west), south + rnd() * (north - south)] as const);
  log('accroche : flatbush + turf.nearestPointOnLine sur les arêtes candidates, en alternance…');
  const features: Feature<LineString>[] = [];
  // the peer: a flatbush index of the edges' boxes (grown by the radius at query time), then turf on each candidate
  const edgeBoxes = new Flatbush(graph0.edgeCount);
  for (let e = 0; e < graph0.edgeCount; e++) {
    const coords: [number, number][] = [];
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (let v = graph0.edgeCoordStart[e]; v < graph0.edgeCoordStart[e + 1]; v++) {
      const x = graph0.coords[2 * v];
      const y = graph0.coords[2 * v + 1];
      coords.push([x, y]);
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
    features.push(lineString(coords));
    edgeBoxes.add(x0, y0, x1, y1);
  }
  edgeBoxes.finish();
  const nearRounds: number[][] = [];
  const peerRounds: number[][] = [];
  let snapMismatch = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const ours: number[] = [];
    const theirs: number[] = [];
    clicks.forEach(([x, y], i) => {
      let a: Snap | null = null;
      let b = Infinity;
      const runOurs = () => ours.push(time(() => (a = nearestOnNetwork(net.graph, net.index, x, y, SNAP_M))));
      const runPeer = () =>
        theirs.push(
          time(() => {
            const p = point([x, y]);
            const dLat = SNAP_M / 110_574;
            const dLon = SNAP_M / (111_320 * Math.cos((y * Math.PI) / 180));
            for (const e of edgeBoxes.search(x - dLon, y - dLat, x + dLon, y + dLat)) {
              const d = nearestPointOnLine(features[e], p, { units: 'meters' }).properties.dist ?? Infinity;
              if (d < b) b = d;
            }
          }),
        );
      if ((i + r) % 2 === 0) {
        runOurs();
        runPeer();
      } else {
        runPeer();
        runOurs();
      }
      // same click, same answer: found by both or by neither, at the same distance (turf's sphere: 0.5 %)
      const found = a as Snap | null;
      if (r === 0 && (found ? !(b <= SNAP_M * 1.01) || Math.abs(found.distance_m - b) > 0.005 * b + 0.05 : b < SNAP_M * 0.99)) snapMismatch++;
    });
    nearRounds.push(ours);
    peerRounds.push(theirs);
  }
  const p99 = (rs: number[][]) => median(rs.map((t) => pct(t, 0.99)));
  const p50s = (rs: number[][]) => median(rs.map((t) => pct(t, 0.5)));
  rows.push({
    what: `Accroche d’un clic à l’arête la plus proche (${CLICKS} clics, rayon ${SNAP_M} m, ${segments} segments, ${ROUNDS} manches en alternance ; réponses différentes : ${snapMismatch} ; cible p99 ≤ 0,5 ms)`,
    ours: `p50 ${ms(p50s(nearRounds))} / p99 ${ms(p99(nearRounds))} ms (flatbush des segments + projection exacte)`,
    baseline: `p50 ${ms(p50s(peerRounds))} / p99 ${ms(p99(peerRounds))} ms (flatbush des boîtes d’arêtes + turf.nearestPointOnLine sur chaque candidate)`,
    ratio: `×${(p50s(peerRounds) / p50s(nearRounds)).toFixed(1)} (p50) / ×${(p99(peerRounds) / p99(nearRounds)).toFixed(1)} (p99)`,
  });
  features.length = 0;
}

if (isMain(import.meta.url)) {
  const t = performance.now();
  const rows = await benchScale();
  console.log(benchTable(rows));
  log(`terminé en ${((performance.now() - t) / 1000).toFixed(0)} s`);
}
