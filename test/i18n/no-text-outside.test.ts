// « No French outside the dictionaries »: every string literal, template text and JSX text of the
// app, the workers and the CLI is read with the TypeScript parser (comments are not text), and one
// that holds French letters (accents, œ, guillemets, the typographic apostrophe) outside src/i18n
// fails, unless it is listed below with why it is not interface text.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const FRENCH = /[àâçéèêëîïôûùüÿœæÀÂÇÉÈÊËÎÏÔÛÙÜŒÆ«»’]/;

/** texts that are not the interface's words, by file: proper names, data formats, data written for French files */
const KINDS = /^(réservoir TVB|site classé)$/;
const ALLOWED: Record<string, { texts: RegExp; why: string }> = {
  'src/map/styles.ts': { texts: /^© <a href="https:\/\/www\.ign\.fr\/"[\s\S]*Géoplateforme$/, why: 'the IGN attribution, a proper name' },
  'src/core/elevation/altimetry.ts': { texts: /^RGE ALTI® \/ BD ALTI® \(IGN Géoplateforme\)$/, why: 'the service’s own name' },
  'src/core/event/templates.ts': {
    texts: /^(Jour [12] — Étape [1-4]|Nœux-les-Mines \(Loisinord\))$/,
    why: 'the real events’ own stage and place names, data an organiser edits like any name',
  },
  'src/core/review/csv.ts': {
    texts: /^traversée$/,
    why: 'a value of the CSV format, the same in every language so that the app and the CLI write the same bytes',
  },
  'src/core/review/dossier.ts': { texts: /^espèces$/, why: 'an attribute name looked for in the layers' },
  'src/core/review/embedded.ts': { texts: KINDS, why: 'zone kinds: identifiers, worded at display by src/i18n/review.ts' },
  'src/core/review/zone-fields.ts': { texts: KINDS, why: 'zone kinds: identifiers, worded at display by src/i18n/review.ts' },
  'src/core/review/official-zones.ts': {
    texts: /^(réservoir TVB|site classé|DREAL \/ Région Hauts-de-France — SRCE Nord-Pas-de-Calais)$/,
    why: 'zone kinds (identifiers), and the data producer’s own name',
  },
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'node_modules' ? [] : files(p);
    return /\.(ts|tsx)$/.test(name) && !/\.d\.ts$/.test(name) ? [p] : [];
  });
}

/** the texts of one file the parser sees as strings, template parts or JSX text */
function texts(path: string): { text: string; line: number }[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: { text: string; line: number }[] = [];
  const visit = (node: ts.Node) => {
    let text: string | null = null;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) text = node.text;
    else if (ts.isJsxText(node)) text = node.text.trim();
    // an import path is not text shown to anyone
    if (text && FRENCH.test(text) && !ts.isImportDeclaration(node.parent))
      out.push({ text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
    node.forEachChild(visit);
  };
  visit(source);
  return out;
}

describe('no French outside the dictionaries', () => {
  it('finds French words only in src/i18n (and in the listed proper names)', () => {
    const scanned = [...files(join(root, 'src')), ...files(join(root, 'workers'))].filter((p) => !relative(root, p).startsWith('src/i18n/'));
    expect(scanned.length).toBeGreaterThan(100);
    const found: string[] = [];
    for (const path of scanned) {
      const rel = relative(root, path);
      for (const t of texts(path)) if (!ALLOWED[rel]?.texts.test(t.text)) found.push(`${rel}:${t.line}: ${t.text.slice(0, 80)}`);
    }
    expect(found).toEqual([]);
  });

  it('sees what it is meant to see: a French string, template and JSX text are found, comments are not', () => {
    const sample = join(root, 'test/fixtures/i18n/leak.tsx');
    expect(texts(sample).map((t) => t.text)).toEqual(['Aucune trace chargée', ' km à vol d’oiseau', 'Période non évaluée']);
  });
});
