// The embedded network and a 50 km route: the figures issue 2 asks for.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { along, length as turfLength, lineString } from '@turf/turf';
import { positionsLength } from '../../src/core/geo/geodesic';
import { segmentsProfile } from '../../src/core/elevation/profile';
import { nearestOnNetwork, type Snap } from '../../src/core/graph/nearest';
import { networkFromBuffer } from '../../src/core/route/network';
import type { Position } from '../../src/core/types';
import { dijkstraCost, toNaive } from './dijkstra';
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
    const ours: number[] = [];
    const base: number[] = [];
    for (const [a, b] of pairs) {
      ours.push(time(() => net.router.route(a, b)));
      base.push(time(() => dijkstraCost(g, naive, a, b)));
    }
    rows.push({
      what: `Tronçon entre deux points à 10 km (réseau embarqué : ${g.edgeCount} arêtes, ${pairs.length} paires), p50 / p95`,
      ours: `${median(ours).toFixed(3)} / ${pct(ours, 0.95).toFixed(3)} ms (A*, tas binaire)`,
      baseline: `${median(base).toFixed(3)} / ${pct(base, 0.95).toFixed(3)} ms (Dijkstra naïf)`,
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
    const runs = 20;
    let ours = 0;
    for (let i = 0; i < runs; i++)
      ours += time(() => {
        positionsLength(coords);
        segmentsProfile([coords]);
      });
    ours /= runs;
    // naive: turf length, then resampling every 20 m with turf.along from the start each time
    const line = lineString(coords);
    const base = time(() => {
      const L = turfLength(line, { units: 'meters' });
      for (let d = 0; d <= L; d += 20) along(line, d, { units: 'meters' });
    });
    rows.push({
      what: `Longueur + profil d’un parcours de ${km.toFixed(0)} km (5 001 points)`,
      ours: `${ours.toFixed(2)} ms`,
      baseline: `${base.toFixed(0)} ms (turf.length + turf.along tous les 20 m)`,
      ratio: `×${(base / ours).toFixed(0)}`,
    });
  }

  return rows;
}

if (isMain(import.meta.url)) console.log(benchTable(await benchNetwork()));
