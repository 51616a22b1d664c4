// Cutting a regional-size layer into vector tiles (issue 15): the generated regional path network
// of synthetic-network.ts (hundreds of thousands of lines), z0–z14, into one PMTiles archive,
// against the competent peer: geojson-vt + vt-pbf used plainly, gzipped with node's zlib (see
// tiles-job.ts). Each run is its own process, so that its peak RSS is the job's alone; the runs
// alternate (ours, peer, peer, ours, ours, peer) and the medians are compared, the spread shown.
// The bench fails if the two did not write the same tiles (count, bytes, checksum).
// `npx tsx test/bench/tiles.ts`.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchTable, isMain, type BenchRow } from './table';

const TARGET_EDGES = Number(process.env.CAVALIER_BENCH_TILES_EDGES ?? 500_000);
const ROUNDS = Number(process.env.CAVALIER_BENCH_TILES_ROUNDS ?? 3);
const fmt = (n: number) => Math.round(n).toLocaleString('fr-FR');
const dec = (n: number, d = 1) => n.toFixed(d).replace('.', ',');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Job {
  mode: 'ours' | 'peer';
  ms: number;
  rssMb: number;
  tiles: number;
  bytes: number;
  sum: number;
  lines: number;
  vertices: number;
}

const job = (mode: Job['mode']): Job => {
  const script = fileURLToPath(new URL('./tiles-job.ts', import.meta.url));
  const out = execFileSync(process.execPath, ['--import', 'tsx', script, mode, String(TARGET_EDGES)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop() as string) as Job;
};

export async function benchTiles(): Promise<BenchRow[]> {
  const runs: Job[] = [];
  for (let r = 0; r < ROUNDS; r++) for (const m of r % 2 ? (['peer', 'ours'] as const) : (['ours', 'peer'] as const)) runs.push(job(m));
  const ours = runs.filter((j) => j.mode === 'ours');
  const peer = runs.filter((j) => j.mode === 'peer');
  for (const j of runs) {
    if (j.tiles !== ours[0].tiles || j.bytes !== ours[0].bytes || j.sum !== ours[0].sum)
      throw new Error(
        `tuilage : ${j.mode} n’a pas écrit les mêmes tuiles (${j.tiles} tuiles, ${j.bytes} octets, somme ${j.sum} ; attendu ${ours[0].tiles}, ${ours[0].bytes}, ${ours[0].sum})`,
      );
  }
  const spread = (xs: number[], f: (x: number) => string) => `${f(Math.min(...xs))}–${f(Math.max(...xs))}`;
  const s = (ms: number) => `${dec(ms / 1000)} s`;
  const t = { ours: median(ours.map((j) => j.ms)), peer: median(peer.map((j) => j.ms)) };
  const m = { ours: median(ours.map((j) => j.rssMb)), peer: median(peer.map((j) => j.rssMb)) };
  return [
    {
      what: `Tuilage z0–z14 d’un réseau régional généré (${fmt(ours[0].lines)} lignes, ${fmt(ours[0].vertices)} sommets) → ${fmt(ours[0].tiles)} tuiles identiques des deux côtés, ${fmt(ours[0].bytes / 1e6)} Mo : durée, médiane de ${ROUNDS} processus alternés (écart)`,
      ours: `${s(t.ours)} (${spread(
        ours.map((j) => j.ms),
        s,
      )} ; geojson-vt, mvt.ts, zlib sur le pool de threads)`,
      baseline: `${s(t.peer)} (${spread(
        peer.map((j) => j.ms),
        s,
      )} ; geojson-vt + vt-pbf + zlib.gzipSync)`,
      ratio: `${dec(t.peer / t.ours, 2)} ×`,
    },
    {
      what: '… mémoire vive au plus haut du processus (RSS de pointe)',
      ours: `${fmt(m.ours)} Mo (${spread(
        ours.map((j) => j.rssMb),
        fmt,
      )})`,
      baseline: `${fmt(m.peer)} Mo (${spread(
        peer.map((j) => j.rssMb),
        fmt,
      )})`,
      ratio: `${dec(m.peer / m.ours, 2)} ×`,
    },
  ];
}

if (isMain(import.meta.url)) console.log(benchTable(await benchTiles()));
