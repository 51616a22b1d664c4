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
