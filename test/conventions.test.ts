// The conventions the tools enforce are part of the suite, so CI fails on them:
// strict TypeScript on the whole project and on the geo core alone (without the DOM library, so
// a DOM or React import in src/core fails here), Biome's lint and format rules (biome.json), and
// knip's unused files, exports and dependencies (knip.json).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

/** runs a tool of node_modules; '' when it exits 0, else what it printed */
function run(script: string, args: string[]): string {
  try {
    execFileSync(process.execPath, [join(root, 'node_modules', script), ...args], { cwd: root, encoding: 'utf8', stdio: 'pipe', maxBuffer: 64 << 20 });
    return '';
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return `${err.stdout ?? ''}${err.stderr ?? ''}` || String(e);
  }
}

describe('conventions', () => {
  it('the project compiles in strict mode', () => {
    expect(run('typescript/bin/tsc', ['--noEmit', '-p', 'tsconfig.json'])).toBe('');
  }, 120_000);

  it('the geo core compiles without DOM, React or maplibre', () => {
    expect(run('typescript/bin/tsc', ['--noEmit', '-p', 'src/core/tsconfig.json'])).toBe('');
  }, 120_000);

  it('Biome finds no lint or format problem', () => {
    expect(run('@biomejs/biome/bin/biome', ['check', '--colors=off', '--max-diagnostics=50', '.'])).toBe('');
  }, 120_000);

  it('knip finds no unused file, export or dependency', () => {
    expect(run('knip/bin/knip.js', ['--no-progress', '--no-config-hints'])).toBe('');
  }, 180_000);
});
