// Dragging a route point in the built app in Chromium (issue 6, point 2): the big layers drawn from
// layers.pmtiles (ours) against the same app with `?tuiles=non` (every layer a GeoJSON source, the
// naive baseline), alternated in the same run, every embedded layer visible. The measurement itself
// is test/browser/drag-measure.ts (long-task observer, rAF frame-work recorder, maplibre render time).
// `npx tsx test/bench/drag.ts` runs it alone.
//
// Why this baseline: it is what the app did before the tiles, on the same data and the same drag.
// maplibre cuts GeoJSON sources in its worker, not on the main thread, so on this data the two are
// expected to be close during the drag. Each is measured with the harness's pinned flags (software
// compositing: every frame's WebGL canvas is read back on the main thread, GLES2::ReadPixels in a
// Chrome trace, which is where the long tasks come from) and with GPU compositing through
// SwiftShader (no read-back, closer to a machine with a graphics card).
import { loadavg } from 'node:os';
import { formatDragReport, measureDrag, type Compositing, type DragReport } from '../browser/drag-measure';
import { benchTable, isMain, type BenchRow } from './table';

const RUNS = 2;
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const f1 = (x: number) => x.toFixed(1).replace('.', ',');
const ratio = (base: number, ours: number) => (ours > 0 ? `${(base / ours).toFixed(2).replace('.', ',')} ×` : base > 0 ? '∞' : '—');
const LABEL: Record<Compositing, string> = {
  software: 'drapeaux du harnais, composition logicielle',
  gpu: 'composition GPU par SwiftShader',
};

async function rowsFor(compositing: Compositing): Promise<BenchRow[]> {
  const tiles: DragReport[] = [];
  const geojson: DragReport[] = [];
  for (let i = 0; i < RUNS; i++) {
    for (const mode of ['geojson', 'tuiles'] as const) {
      const r = await measureDrag(mode, compositing, 60);
      console.error(formatDragReport(r));
      (mode === 'tuiles' ? tiles : geojson).push(r);
    }
  }
  const m = (rs: DragReport[], k: keyof DragReport) => mean(rs.map((r) => r[k] as number));
  const pair = (rs: DragReport[], a: keyof DragReport, b: keyof DragReport) => `${f1(m(rs, a))} / ${f1(m(rs, b))} ms`;
  const label = LABEL[compositing];
  return [
    {
      what: `Glisser un point sur toutes les couches (60 mouvements, Chromium, ${label} ; moyenne de ${RUNS}) : travail du fil principal par image, p95 / max`,
      ours: pair(tiles, 'frameWorkP95_ms', 'frameWorkMax_ms'),
      baseline: `${pair(geojson, 'frameWorkP95_ms', 'frameWorkMax_ms')} (?tuiles=non)`,
      ratio: ratio(m(geojson, 'frameWorkP95_ms'), m(tiles, 'frameWorkP95_ms')),
    },
    {
      what: `… (${label}) images à plus de 16 ms ; tâches longues (> 50 ms), plus longue`,
      ours: `${f1(m(tiles, 'framesOver16'))} images ; ${f1(m(tiles, 'longTasksOver50'))} tâches, ${f1(m(tiles, 'longTaskMax_ms'))} ms`,
      baseline: `${f1(m(geojson, 'framesOver16'))} images ; ${f1(m(geojson, 'longTasksOver50'))} tâches, ${f1(m(geojson, 'longTaskMax_ms'))} ms`,
      ratio: ratio(m(geojson, 'longTasksOver50'), m(tiles, 'longTasksOver50')),
    },
    {
      what: `… (${label}) dont JavaScript du rendu maplibre par image (Map#_render), p95 / max`,
      ours: pair(tiles, 'mapRenderP95_ms', 'mapRenderMax_ms'),
      baseline: pair(geojson, 'mapRenderP95_ms', 'mapRenderMax_ms'),
      ratio: ratio(m(geojson, 'mapRenderP95_ms'), m(tiles, 'mapRenderP95_ms')),
    },
    {
      what: `Ouverture jusqu’à la carte prête, toutes sources chargées (${label}) ; plus longue tâche`,
      ours: `${f1(m(tiles, 'load_ms'))} ms ; ${f1(m(tiles, 'loadLongTaskMax_ms'))} ms`,
      baseline: `${f1(m(geojson, 'load_ms'))} ms ; ${f1(m(geojson, 'loadLongTaskMax_ms'))} ms`,
      ratio: ratio(m(geojson, 'load_ms'), m(tiles, 'load_ms')),
    },
  ];
}

export async function benchDrag(): Promise<BenchRow[]> {
  const rows = [...(await rowsFor('software')), ...(await rowsFor('gpu'))];
  rows.push({
    what: 'Conditions de la mesure du glissement',
    ours: `Chromium headless sans GPU (WebGL par SwiftShader sur le CPU), fenêtre 1280×800, charge moyenne ${loadavg()[0].toFixed(1)}`,
    baseline: '—',
    ratio: '—',
  });
  return rows;
}

if (isMain(import.meta.url)) console.log(benchTable(await benchDrag()));
