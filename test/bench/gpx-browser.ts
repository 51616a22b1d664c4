// GPX reading in the browser (issue 15): Cavalier's reader against the browser's own peer,
// DOMParser + a walk (test/bench/gpx-peers.ts), both running in the same page of headless
// Chromium (the harness's pinned flags, plus --expose-gc for a full collection before each run)
// on the same text, at 10k and 100k points: the first read of each at that size (cold), then
// single runs interleaved, the order swapped every round (warm, the spread shown); the same points
// asserted on both sides. The page's script is gpx-browser-page.ts bundled by Vite (the core code
// as the app's build bundles it), injected into a blank page: no server, nothing fetched.
// `node --import tsx test/bench/gpx-browser.ts` runs it alone; run.ts adds the rows.
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { build, type Rolldown } from 'vite';
import { CHROMIUM_ARGS, launchChromium, ROOT } from '../browser/harness';
import type { GpxBenchApi } from './gpx-browser-page';
import { benchTable, isMain, type BenchRow } from './table';

const SIZES = [10_000, 100_000];
const ROUNDS: Record<number, number> = { 10000: 15, 100000: 5 };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n: number) => n.toLocaleString('fr-FR');
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
const spread = (xs: number[]) => `${ms(Math.min(...xs))}–${ms(Math.max(...xs))}`;
const times = (x: number) => `×${x < 10 ? x.toFixed(1) : x.toFixed(0)}`;

/** gpx-browser-page.ts and what it imports, as one classic script. */
async function pageScript(): Promise<string> {
  const out = (await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    mode: 'production',
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      lib: { entry: join(ROOT, 'test/bench/gpx-browser-page.ts'), formats: ['iife'], name: 'gpxBenchPage' },
    },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const chunk = (Array.isArray(out) ? out[0] : out).output.find((o) => o.type === 'chunk');
  if (chunk?.type !== 'chunk') throw new Error('the page script did not build');
  return chunk.code;
}

/** What the page script puts on the page's global object. */
type Bench = { gpxBench: GpxBenchApi };
const timed = (page: Page, which: 'ours' | 'peer') => page.evaluate((w) => (globalThis as unknown as Bench).gpxBench.timed(w), which);

export async function benchGpxBrowser(): Promise<BenchRow[]> {
  const script = await pageScript();
  const browser = await launchChromium([...CHROMIUM_ARGS, '--js-flags=--expose-gc']);
  const rows: BenchRow[] = [];
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><meta charset="utf-8"><title>GPX</title>');
    await page.addScriptTag({ content: script });
    if (!(await page.evaluate(() => (globalThis as unknown as Bench).gpxBench.hasGc()))) throw new Error('Chromium did not expose gc (--js-flags=--expose-gc)');
    const load0 = loadavg()[0];
    for (const points of SIZES) {
      const chars = await page.evaluate((n) => (globalThis as unknown as Bench).gpxBench.prepare(n), points);
      const coldOurs = await timed(page, 'ours');
      const coldPeer = await timed(page, 'peer');
      const c = await page.evaluate(() => (globalThis as unknown as Bench).gpxBench.check());
      if (c.diff || c.ours !== points || c.peer !== points)
        throw new Error(`DOMParser and readTrackFile differ on ${points} points: ${c.diff ?? `${c.ours} / ${c.peer}`}`);
      const o: number[] = [];
      const p: number[] = [];
      for (let r = 0; r < ROUNDS[points]; r++) {
        if (r % 2 === 0) {
          o.push(await timed(page, 'ours'));
          p.push(await timed(page, 'peer'));
        } else {
          p.push(await timed(page, 'peer'));
          o.push(await timed(page, 'ours'));
        }
      }
      const ratios = o.map((t, r) => p[r] / t).sort((a, b) => a - b);
      const what = `Lecture d’un GPX de ${fmt(points)} points dans Chromium (${(chars / 1e6).toFixed(1).replace('.', ',')} Mo ; même page, même texte, mêmes points des deux côtés)`;
      rows.push(
        {
          what: `${what}, à froid (1re lecture de chacun à cette taille)`,
          ours: `${ms(coldOurs)} ms (scanner du cœur, readTrackFile)`,
          baseline: `${ms(coldPeer)} ms (DOMParser du navigateur + parcours)`,
          ratio: times(coldPeer / coldOurs),
        },
        {
          what: `${what}, à chaud (${ROUNDS[points]} manches en alternance)`,
          ours: `médiane ${ms(median(o))} ms (${spread(o)})`,
          baseline: `médiane ${ms(median(p))} ms (${spread(p)})`,
          ratio: `${times(median(ratios))} (${times(ratios[0])}–${times(ratios[ratios.length - 1]).slice(1)} selon la manche)`,
        },
      );
    }
    const version = browser.version();
    rows.push({
      what: 'Conditions de la lecture GPX dans Chromium',
      ours: `Chromium ${version} headless, drapeaux du harnais et --expose-gc (collecte complète avant chaque lecture), charge moyenne ${load0.toFixed(1)} → ${loadavg()[0].toFixed(1)}`,
      baseline: '—',
      ratio: '—',
    });
  } finally {
    await browser.close();
  }
  return rows;
}

if (isMain(import.meta.url)) {
  console.log(benchTable(await benchGpxBrowser()));
}
