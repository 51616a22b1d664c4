// The one shape every benchmark reports, and how it prints (README table and console).
import { pathToFileURL } from 'node:url';

export interface BenchRow {
  what: string;
  ours: string;
  baseline: string;
  ratio: string;
}

export function benchTable(rows: readonly BenchRow[]): string {
  return [
    '| Mesure | Cavalier | Pair compétent, ou référence naïve | Gain |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.what} | ${r.ours} | ${r.baseline} | ${r.ratio} |`),
  ].join('\n');
}

/** True when the module importing this was launched directly (`npx tsx test/bench/x.ts`). */
export const isMain = (moduleUrl: string) => !!process.argv[1] && moduleUrl === pathToFileURL(process.argv[1]).href;

/** Least-squares slope of log(y) against log(x): how a cost grows with a size (1 is linear). */
export function logLogSlope(xs: readonly number[], ys: readonly number[]): number {
  const lx = xs.map(Math.log);
  const ly = ys.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let num = 0;
  let den = 0;
  for (let k = 0; k < lx.length; k++) {
    num += (lx[k] - mx) * (ly[k] - my);
    den += (lx[k] - mx) ** 2;
  }
  return num / den;
}
