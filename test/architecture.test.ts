// The floors of the tree, checked on every import so that the rule cannot silently break again.
// Each folder may import only the folders listed for it (README, « Architecture »): the core
// imports nothing of the app and only the packages below; nothing imports from a floor above
// its own; the page reaches the worker only through workers/protocol.ts (types) and
// workers/client.ts; the CLI never imports the web shell.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

type Floor = 'core' | 'i18n' | 'state' | 'protocol' | 'adapters' | 'workers' | 'client' | 'map' | 'data' | 'ui' | 'app' | 'cli';

/** the floor a source file lives on, or null for files outside the checked tree */
function floorOf(file: string): Floor | null {
  const p = relative(ROOT, file).split('\\').join('/');
  if (p === 'workers/protocol.ts') return 'protocol';
  if (p === 'workers/client.ts') return 'client';
  if (p.startsWith('workers/')) return 'workers';
  if (p.startsWith('data/')) return 'data';
  const m = /^src\/([^/]+)\//.exec(p);
  if (!m) return null;
  const f = m[1];
  return (['core', 'i18n', 'state', 'adapters', 'map', 'ui', 'app', 'cli'] as const).find((x) => x === f) ?? null;
}

/** what each floor may import (besides itself) */
const ALLOWED: Record<Floor, Floor[]> = {
  core: [],
  i18n: ['core'],
  state: ['core'],
  protocol: ['core'],
  adapters: ['core', 'protocol'],
  // i18n for the words the files they write hold (a GPX's metadata), in the language asked
  workers: ['core', 'i18n', 'state', 'protocol', 'adapters'],
  // the page's one door to the worker: it starts it and wraps it
  client: ['core', 'protocol', 'workers'],
  map: ['core', 'i18n'],
  // the pipeline asks online sources (the Overpass API, --osm) through the one HTTP adapter, as the app does
  data: ['core', 'adapters'],
  ui: ['core', 'i18n', 'state', 'protocol', 'adapters', 'client', 'map'],
  app: ['core', 'i18n', 'state', 'protocol', 'adapters', 'client', 'map', 'ui'],
  cli: ['core', 'i18n', 'state', 'adapters', 'data'],
};

/** packages the pure core may use (no DOM, no React, no maplibre, no fetch) */
const CORE_PACKAGES = ['flatbush', 'fflate', 'proj4', 'geotiff', 'shpjs', '@xmldom/xmldom', 'geojson'];

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'node_modules') out.push(...sources(p));
    } else if (/\.(ts|tsx|mts)$/.test(name) && !name.endsWith('.test.ts') && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** every module specifier of a file: static imports and re-exports, dynamic imports, worker modules by URL */
function specifiers(source: string): string[] {
  // comments quote import lines in prose; a line comment is taken only where it starts a line, so 'https://…' strings stay
  const text = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const out: string[] = [];
  const re =
    /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|new URL\(\s*['"]([^'"]+\.[mc]?[tj]sx?)['"]\s*,\s*import\.meta\.url/g;
  for (const m of text.matchAll(re)) out.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  return out;
}

function resolveLocal(from: string, spec: string): string {
  const base = resolve(dirname(from), spec.replace(/\?.*$/, ''));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next extension
    }
  }
  return base;
}

const files = ['src', 'workers', 'data'].flatMap((d) => sources(join(ROOT, d)));

describe('the floors of the tree', () => {
  it('finds the sources and their imports', () => {
    expect(files.length).toBeGreaterThan(100);
    // the parser sees the kinds of import the tree uses (a parser that saw nothing would pass everything)
    expect(
      specifiers(
        `import a from './a';\nimport type { B } from "../b";\nexport { c } from './c';\nconst w = new URL('./w.ts', import.meta.url);\nawait import('./d');\n// import x from './comment';\nconst data = new URL('../public/data/', import.meta.url);`,
      ),
    ).toEqual(['./a', '../b', './c', './w.ts', './d']);
  });

  it('no file imports from a floor it may not use', () => {
    const wrong: string[] = [];
    for (const file of files) {
      const floor = floorOf(file);
      if (!floor) continue;
      for (const spec of specifiers(readFileSync(file, 'utf8'))) {
        if (!spec.startsWith('.')) continue;
        const target = resolveLocal(file, spec);
        const to = floorOf(target);
        if (to === null) {
          // outside the checked tree: only the app shell reads files above it (index.html is Vite's)
          wrong.push(`${relative(ROOT, file)} → ${relative(ROOT, target)} (outside src/, workers/, data/)`);
          continue;
        }
        if (to !== floor && !ALLOWED[floor].includes(to)) wrong.push(`${relative(ROOT, file)} (${floor}) → ${relative(ROOT, target)} (${to})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the core imports no package but its own few', () => {
    const wrong: string[] = [];
    for (const file of files.filter((f) => floorOf(f) === 'core')) {
      for (const spec of specifiers(readFileSync(file, 'utf8'))) {
        if (spec.startsWith('.')) continue;
        const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
        if (!CORE_PACKAGES.includes(pkg)) wrong.push(`${relative(ROOT, file)} → ${spec}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('protocol.ts holds types only', () => {
    const text = readFileSync(join(ROOT, 'workers/protocol.ts'), 'utf8');
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    const declarations = [...code.matchAll(/^export\s+(\w+)/gm)].map((m) => m[1]);
    expect(declarations.length).toBeGreaterThan(10);
    expect(declarations.filter((d) => d !== 'interface' && d !== 'type')).toEqual([]);
    expect([...code.matchAll(/^import\s+(?!type\b)/gm)]).toEqual([]);
  });
});
