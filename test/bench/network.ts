// The embedded network and a 50 km route: the figures issue 2 asks for.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { along, distance, length as turfLength, lineString } from '@turf/turf';
import { cumulativeDistances, positionsLength } from '../../src/core/geo/geodesic';
import { segmentsProfile } from '../../src/core/elevation/profile';
import { nearestOnNetwork, type Snap } from '../../src/core/graph/nearest';
import { networkFromBuffer } from '../../src/core/route/network';
import type { Position } from '../../src/core/types';
import { decodeNetwork } from '../../src/core/graph/bundle';
import { defaultEdgeCost } from '../../src/core/graph/cost';
import { dijkstraCost, toNaive } from './dijkstra';
import { NgraphPeer, type PeerSearch } from './peers';
import { contest, contestRows } from './scale';
import { benchTable, isMain, type BenchRow } from './table';

const root = join(import.meta.dirname, '../..');

export async function benchNetwork(): Promise<BenchRow[]> {
  const binPath = join(root, 'public/data/network.bin');
  if (!existsSync(binPath)) throw new Error('public/data/network.bin manque : lancez « npm run data:build » d’abord.');
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
  const time = (fn: () => void) => {
    const t = performance.now();
    fn();
    return performance.now() - t;
  };
  let seed = 7;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;

  const rows: BenchRow[] = [];

  // 1. A leg between two points 10 km apart on the embedded network.
  {
    const buf = readFileSync(binPath);
    const net = networkFromBuffer(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer);
    const g = net.graph;
    const naive = toNaive(g);
    const pairs: [Snap, Snap][] = [];
    let tries = 0;
    while (pairs.length < 200 && tries++ < 200000) {
      const n1 = Math.floor(rnd() * g.nodeCount);
      const n2 = Math.floor(rnd() * g.nodeCount);
      const d = positionsLength([
        [g.nodeCoords[2 * n1], g.nodeCoords[2 * n1 + 1]],
        [g.nodeCoords[2 * n2], g.nodeCoords[2 * n2 + 1]],
      ]);
      if (d < 9500 || d > 10500) continue;
      const a = nearestOnNetwork(g, net.index, g.nodeCoords[2 * n1], g.nodeCoords[2 * n1 + 1], 10);
      const b = nearestOnNetwork(g, net.index, g.nodeCoords[2 * n2], g.nodeCoords[2 * n2 + 1], 10);
      if (!a || !b || !net.router.route(a, b)) continue;
      pairs.push([a, b]);
    }
    // the competent peer, interleaved on the same pairs with equal costs asserted (scale.ts's contest)
    const parts = decodeNetwork(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer);
    const cost = defaultEdgeCost(g);
    if (!parts.landmarks) throw new Error('network.bin sans repères : relancez « npm run data:build ».');
    const peer = new NgraphPeer(g, parts.landmarks, cost);
    const searches: PeerSearch[] = ['nba-straight', 'astar-landmarks'];
    const c = contest(net.router, peer, pairs, searches, {}, cost);
    rows.push(
      ...contestRows(`Tronçon entre deux points à 10 km sur le réseau embarqué (${g.edgeCount} arêtes, ${pairs.length} paires ; mêmes coûts)`, c, searches),
    );
    // the textbook baseline of the first benchmarks, kept as a reference
    const ours: number[] = [];
    const base: number[] = [];
    for (const [a, b] of pairs) {
      ours.push(time(() => net.router.route(a, b)));
      base.push(time(() => dijkstraCost(g, naive, a, b)));
    }
    rows.push({
      what: `Tronçon entre deux points à 10 km (réseau embarqué : ${g.edgeCount} arêtes, ${pairs.length} paires), p50 / p95`,
      ours: `${median(ours).toFixed(3)} / ${pct(ours, 0.95).toFixed(3)} ms (routeur de Cavalier)`,
      baseline: `${median(base).toFixed(3)} / ${pct(base, 0.95).toFixed(3)} ms (Dijkstra naïf, file parcourue en entier : référence naïve)`,
      ratio: `×${(median(base) / median(ours)).toFixed(1)}`,
    });

    const clicks = Array.from({ length: 2000 }, () => [2.3 + rnd() * 1.3, 50.3 + rnd() * 0.3]);
    const tNear = time(() => clicks.forEach(([x, y]) => nearestOnNetwork(g, net.index, x, y, 300)));
    rows.push({
      what: 'Accroche d’un clic au réseau (2 000 clics)',
      ours: `${((tNear / clicks.length) * 1000).toFixed(1)} µs / clic`,
      baseline: '—',
      ratio: '—',
    });
  }

  // 2. Length and elevation profile of a 50 km route (5,000 points with elevation).
  {
    const coords: Position[] = [];
    for (let i = 0; i <= 5000; i++) {
      const t = i / 5000;
      coords.push([2.7 + t * 0.66 + 0.0005 * Math.sin(i / 7), 50.42 + 0.01 * Math.sin(t * 20), 40 + 30 * Math.sin(t * 30) + 2 * Math.sin(i)]);
    }
    const km = positionsLength(coords) / 1000;
    const line = lineString(coords);
    const ROUNDS = 41;
    // the JIT's first meeting with both, untimed
    // Cavalier's side is what analyseTrack does: one geodesic pass (the draping's), whose
    // cumulative distances give the length and feed the profile
    const lengthAndProfile = () => {
      const cum = cumulativeDistances(coords);
      segmentsProfile([coords], [cum]);
      return cum[cum.length - 1];
    };
    for (let k = 0; k < 3; k++) {
      lengthAndProfile();
      onePassProfile(coords);
    }
    const oursT: number[] = [];
    const peerT: number[] = [];
    let peerLength = 0;
    for (let r = 0; r < ROUNDS; r++) {
      const runOurs = () => oursT.push(time(lengthAndProfile));
      const runPeer = () => peerT.push(time(() => (peerLength = onePassProfile(coords).length_m)));
      if (r % 2) {
        runPeer();
        runOurs();
      } else {
        runOurs();
        runPeer();
      }
    }
    // same line, same length: turf on the sphere, Cavalier on the ellipsoid (a few tenths of a %)
    const gap = Math.abs(peerLength / (km * 1000) - 1);
    if (gap > 0.005) throw new Error(`longueur du pair ${peerLength} m contre ${km * 1000} m`);
    rows.push({
      what: `Longueur + profil d’un parcours de ${km.toFixed(0)} km (5 001 points ; ${ROUNDS} manches en alternance ; écart de longueur avec turf, qui mesure sur la sphère : ${(gap * 100).toFixed(2)} %)`,
      ours: `médiane ${median(oursT).toFixed(2)} ms (${Math.min(...oursT).toFixed(2)}–${Math.max(...oursT).toFixed(2)})`,
      baseline: `médiane ${median(peerT).toFixed(2)} ms (${Math.min(...peerT).toFixed(2)}–${Math.max(...peerT).toFixed(2)}) (turf.distance sur chaque segment, un seul passage, un point tous les 20 m, moyenne glissante de 100 m et hystérésis de 5 m comme Cavalier)`,
      ratio: `×${(median(peerT) / median(oursT)).toFixed(1)}`,
    });
    // the naive baseline of the first benchmarks: turf.along from the start for every sample (quadratic)
    const base = time(() => {
      const L = turfLength(line, { units: 'meters' });
      for (let d = 0; d <= L; d += 20) along(line, d, { units: 'meters' });
    });
    rows.push({
      what: `Longueur + profil d’un parcours de ${km.toFixed(0)} km (5 001 points), contre la référence naïve`,
      ours: `${median(oursT).toFixed(2)} ms`,
      baseline: `${base.toFixed(0)} ms (turf.length + turf.along depuis le départ tous les 20 m : référence naïve)`,
      ratio: `×${(base / median(oursT)).toFixed(0)}`,
    });
  }

  return rows;
}

/**
 * The profile as a competent engineer would write it with turf, giving what Cavalier's gives: one
 * walk along the line with turf's distance on each segment, a sample every 20 m (its elevation and
 * position by linear interpolation), the same centred 100 m mean by prefix sums, the ascent with
 * the same 5 m hysteresis.
 */
function onePassProfile(coords: readonly Position[]): { length_m: number; ascent_m: number; samples: number } {
  const dist: number[] = [];
  const ele: number[] = [];
  const lonlats: [number, number][] = [];
  let length = 0;
  let next = 0;
  for (let i = 1; i < coords.length; i++) {
    const a = coords[i - 1];
    const b = coords[i];
    const d = distance(a as number[], b as number[], { units: 'meters' });
    while (next <= length + d) {
      const t = d > 0 ? (next - length) / d : 0;
      dist.push(next);
      ele.push((a[2] ?? 0) + t * ((b[2] ?? 0) - (a[2] ?? 0)));
      lonlats.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
      next += 20;
    }
    length += d;
  }
  const n = ele.length;
  const half = 2; // 5 samples of 20 m: the 100 m window
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + ele[i];
  let ref = Number.NaN;
  let ascent = 0;
  let up = 0;
  for (let i = 0; i < n; i++) {
    const r = Math.min(half, i, n - 1 - i);
    const z = (prefix[i + r + 1] - prefix[i - r]) / (2 * r + 1);
    if (Number.isNaN(ref)) ref = z;
    else if (z - ref > 5) {
      up += z - ref;
      ref = z;
    } else if (ref - z > 5) {
      ascent += up;
      up = 0;
      ref = z;
    }
  }
  return { length_m: length, ascent_m: ascent + up, samples: lonlats.length };
}

if (isMain(import.meta.url)) console.log(benchTable(await benchNetwork()));
