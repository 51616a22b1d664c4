// The first map (issue 15, point 3): from navigation to the map drawn and a click able to add a
// point, in the built app in headless Chromium with the harness's pinned flags, on the embedded
// data. The measurement is test/browser/first-map-measure.ts (what « ready » means is written there).
// `node --import tsx test/bench/first-map.ts` runs it alone.
//
// The baseline, alternated with ours in the same run: another build of the app given as
// CAVALIER_FIRST_MAP_BASE=<its dist folder> (e.g. the commit before the first map's order of work
// was fixed: `git archive <commit> | tar -x -C /tmp/base`, node_modules and public/data linked in,
// `vite build` there), else the same build with `?tuiles=non` (every layer from its GeoJSON).
import { loadavg } from 'node:os';
import { formatFirstMapReport, measureFirstMap, type FirstMapReport } from '../browser/first-map-measure';
import { benchTable, isMain, type BenchRow } from './table';

const RUNS = 5;
const f0 = (x: number) => Math.round(x).toString();
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ratio = (base: number, ours: number) => (ours > 0 ? `${(base / ours).toFixed(2).replace('.', ',')} ×` : '—');

export async function benchFirstMap(): Promise<BenchRow[]> {
  const baseDist = process.env.CAVALIER_FIRST_MAP_BASE;
  const baseLabel = baseDist ? 'build de référence' : '?tuiles=non';
  const ours: FirstMapReport[] = [];
  const base: FirstMapReport[] = [];
  const loads: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    for (const which of ['base', 'ours'] as const) {
      const r = await measureFirstMap(which === 'ours' ? {} : baseDist ? { dist: baseDist } : { path: '?tuiles=non' });
      if (!r.clickAdded) throw new Error(`${which}: a click after ready added no point`);
      console.error(`${which} ${formatFirstMapReport(r)}`);
      (which === 'ours' ? ours : base).push(r);
      loads.push(loadavg()[0]);
    }
  }
  const med = (rs: FirstMapReport[], k: 'ready_ms' | 'mapReady_ms' | 'networkReady_ms' | 'longTasks' | 'longTaskMax_ms' | 'longTaskTotal_ms') =>
    median(rs.map((r) => r[k]));
  const spread = (rs: FirstMapReport[]) => `${f0(Math.min(...rs.map((r) => r.ready_ms)))}–${f0(Math.max(...rs.map((r) => r.ready_ms)))}`;
  const cell = (rs: FirstMapReport[]) => `${f0(med(rs, 'ready_ms'))} ms (${spread(rs)})`;
  const parts = (rs: FirstMapReport[]) => `${f0(med(rs, 'mapReady_ms'))} / ${f0(med(rs, 'networkReady_ms'))} ms`;
  const tasks = (rs: FirstMapReport[]) =>
    `${f0(med(rs, 'longTasks'))} tâches, plus longue ${f0(med(rs, 'longTaskMax_ms'))} ms, ${f0(med(rs, 'longTaskTotal_ms'))} ms en tout`;
  return [
    {
      what: `Première carte : de la navigation à la carte dessinée et un clic qui ajoute un point (Chromium headless, drapeaux du harnais ; médiane de ${RUNS}, min–max)`,
      ours: cell(ours),
      baseline: `${cell(base)} (${baseLabel})`,
      ratio: ratio(med(base, 'ready_ms'), med(ours, 'ready_ms')),
    },
    {
      what: '… dont carte dessinée (sources embarquées chargées, carte au repos) / réseau dans le moteur (un point accroché), médianes',
      ours: parts(ours),
      baseline: parts(base),
      ratio: ratio(med(base, 'mapReady_ms'), med(ours, 'mapReady_ms')),
    },
    {
      what: '… tâches longues (> 50 ms) du fil principal jusque-là, médianes',
      ours: tasks(ours),
      baseline: tasks(base),
      ratio: ratio(med(base, 'longTaskTotal_ms'), med(ours, 'longTaskTotal_ms')),
    },
    {
      what: 'Conditions de la mesure de la première carte',
      ours: `fenêtre 1280×800, WebGL par SwiftShader sur le CPU, charge moyenne ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} pendant la mesure`,
      baseline: '—',
      ratio: '—',
    },
  ];
}

if (isMain(import.meta.url)) console.log(benchTable(await benchFirstMap()));
