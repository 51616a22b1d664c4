// Strict TypeScript is part of the suite: the whole project, and the geo core on its own
// without the DOM library (so a DOM or React import in src/core fails here).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const tsc = join(root, 'node_modules/typescript/bin/tsc');

function typecheck(project: string): string {
  try {
    execFileSync(process.execPath, [tsc, '--noEmit', '-p', project], { cwd: root, encoding: 'utf8' });
    return '';
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? e);
  }
}

describe('typecheck', () => {
  it('the project compiles in strict mode', () => {
    expect(typecheck('tsconfig.json')).toBe('');
  }, 120_000);

  it('the geo core compiles without DOM, React or maplibre', () => {
    expect(typecheck('src/core/tsconfig.json')).toBe('');
  }, 120_000);
});
