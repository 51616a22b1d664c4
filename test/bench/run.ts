// npm run bench — every hot path beside a naive baseline run in the same process, as ratios
// (node --expose-gc: see below).
// `npm run bench -- --readme` also rewrites the performance table in README.md.
// Each module runs alone too: npx tsx test/bench/<name>.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { benchGpx } from './gpx';
import { benchGpxBrowser } from './gpx-browser';
import { benchNetwork } from './network';
import { benchReview } from './review';
import { benchScale } from './scale';
import { benchTiles } from './tiles';
import { benchDrag } from './drag';
import { benchFirstMap } from './first-map';
import { benchRestore } from './restore';
import { benchTable, type BenchRow } from './table';
import { benchTowns } from './towns';

const sections: [string, () => Promise<BenchRow[]>][] = [
  ['réseau embarqué', benchNetwork],
  ['de ville à ville sur le réseau embarqué', benchTowns],
  ['revue environnementale', benchReview],
  ['GPX', benchGpx],
  ['lecture GPX dans Chromium', benchGpxBrowser],
  ['réseau régional généré', benchScale],
  ['couche réseau régionale au chargement', benchRestore],
  ['tuiles vectorielles', benchTiles],
  ['glisser un point (Chromium)', benchDrag],
  ['première carte (Chromium)', benchFirstMap],
];

const rows: BenchRow[] = [];
// a full collection between sections: what one section leaves on the heap must not be timed in the
// next (GPX writing measured 90 ms alone, 244 ms after the review section without it)
const gc = (globalThis as { gc?: () => void }).gc;
for (const [name, run] of sections) {
  gc?.();
  const t = performance.now();
  rows.push(...(await run()));
  console.error(`${name} : ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
const table = benchTable(rows);
console.log(table);

if (process.argv.includes('--readme')) {
  const readme = join(import.meta.dirname, '../../README.md');
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < 0) throw new Error('README.md has no bench markers');
  const stamp = `_Mesuré le ${new Date().toISOString().slice(0, 10)} (Node ${process.version}, ${cpus().length} cœurs)._`;
  writeFileSync(readme, `${text.slice(0, i + start.length)}\n${table}\n\n${stamp}\n${text.slice(j)}`);
  console.log('README.md mis à jour.');
}
