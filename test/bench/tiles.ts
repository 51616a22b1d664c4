// Cutting a regional-size layer into vector tiles (issue 6, point 2): the generated regional path
// network of synthetic-network.ts (hundreds of thousands of lines) through data/steps/tiles.ts,
// z0–z14, into one PMTiles archive. Ours visits the tiles depth first and drops each geojson-vt
// tile once its subtree is written; the naive baseline is the same tiler keeping every tile (what a
// plain loop over geojson-vt does). Live memory is sampled after a forced GC every 1,024 tiles, in a
// second run of each so that the GCs do not count in the times. `npx tsx test/bench/tiles.ts`.
import v8 from 'node:v8';
import vm from 'node:vm';
import type { Feature, LineString } from 'geojson';
import { buildTiles } from '../../data/steps/tiles';
import { syntheticNetwork } from './synthetic-network';
import { benchTable, isMain, type BenchRow } from './table';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const TARGET_EDGES = Number(process.env.CAVALIER_BENCH_TILES_EDGES ?? 500_000);
const fmt = (n: number) => n.toLocaleString('fr-FR');
const mb = (n: number) => `${fmt(Math.round(n / 1e6))} Mo`;

function run(features: Feature<LineString>[], forget: boolean, sample: boolean) {
  gc();
  const base = process.memoryUsage();
  const baseBytes = base.heapUsed + base.arrayBuffers;
  let peak = 0;
  const t = performance.now();
  const r = buildTiles([{ id: 'reseau', features }], {
    forget,
    onProgress: sample
      ? (n) => {
          if (n % 1024) return;
          gc();
          const m = process.memoryUsage();
          peak = Math.max(peak, m.heapUsed + m.arrayBuffers - baseBytes);
        }
      : undefined,
  });
  return { ms: performance.now() - t, peak, tiles: r.stats.addressedTiles, bytes: r.bytes.length };
}

export async function benchTiles(): Promise<BenchRow[]> {
  const lines = syntheticNetwork({ targetEdges: TARGET_EDGES });
  const features: Feature<LineString>[] = lines.map((l) => ({
    type: 'Feature',
    properties: { kind: String(l.kind), name: l.name ?? '' },
    geometry: { type: 'LineString', coordinates: l.coords },
  }));
  const vertices = lines.reduce((s, l) => s + l.coords.length, 0);
  const oursTime = run(features, true, false);
  const baseTime = run(features, false, false);
  const oursMem = run(features, true, true);
  const baseMem = run(features, false, true);
  return [
    {
      what: `Tuilage z0–z14 d’un réseau régional généré (${fmt(lines.length)} lignes, ${fmt(vertices)} sommets) → ${fmt(oursTime.tiles)} tuiles, ${mb(oursTime.bytes)} de PMTiles : durée`,
      ours: `${(oursTime.ms / 1000).toFixed(1).replace('.', ',')} s`,
      baseline: `${(baseTime.ms / 1000).toFixed(1).replace('.', ',')} s (geojson-vt gardant toutes les tuiles)`,
      ratio: `${(baseTime.ms / oursTime.ms).toFixed(2).replace('.', ',')} ×`,
    },
    {
      what: '… mémoire vive du tuilage au plus haut (après GC)',
      ours: mb(oursMem.peak),
      baseline: mb(baseMem.peak),
      ratio: `${(baseMem.peak / oursMem.peak).toFixed(2).replace('.', ',')} ×`,
    },
  ];
}

if (isMain(import.meta.url)) console.log(benchTable(await benchTiles()));
