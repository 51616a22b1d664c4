// Turf-style golden files: test/fixtures/<module>/in/NAME.<ext> → out/NAME.json. A missing or
// different out file fails; REGEN=1 (and only it) writes them: read the diff before committing one.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

const fixturesDir = (module: string) => join(import.meta.dirname, '../fixtures', module);

/** The fixture names of a module (in/NAME.<ext>, sorted). */
export function goldenNames(module: string, ext = 'json'): string[] {
  return readdirSync(join(fixturesDir(module), 'in'))
    .filter((f) => f.endsWith(`.${ext}`))
    .map((f) => f.slice(0, -(ext.length + 1)))
    .sort();
}

export function readInput<T = unknown>(module: string, name: string, ext = 'json'): T {
  return JSON.parse(readFileSync(join(fixturesDir(module), 'in', `${name}.${ext}`), 'utf8')) as T;
}

/** Compares `actual` (plain JSON) with out/NAME.json. */
export function expectGolden(module: string, name: string, actual: unknown): void {
  const outDir = join(fixturesDir(module), 'out');
  const outPath = join(outDir, `${name}.json`);
  if (process.env.REGEN === '1') {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(outPath, `${JSON.stringify(actual, null, 2)}\n`);
  }
  expect(existsSync(outPath), `${outPath} is missing: run with REGEN=1 and read the diff`).toBe(true);
  expect(JSON.parse(JSON.stringify(actual))).toEqual(JSON.parse(readFileSync(outPath, 'utf8')));
}

/** Lengths to the millimetre, kilometres and shares to 1e-6, other numbers (degrees) to 1e-7. */
export function rounded(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => rounded(v, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v, k)]));
  if (typeof value !== 'number') return value;
  const decimals = key.endsWith('_km') || key === 'share' ? 6 : key.endsWith('_m') ? 3 : 7;
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
