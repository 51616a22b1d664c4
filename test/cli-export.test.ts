import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCavalier } from './helpers/cli';
import { validateXML } from 'xmllint-wasm';
import { addCoursePoint, addFormula, createEvent, eventGpxFiles, geometryOf, serializeProject, withUniqueNames, type Project } from '../src/core/event';
import type { Position } from '../src/core/types';

const xsd = readFileSync(new URL('fixtures/gpx-1.1.xsd', import.meta.url), 'utf8');

const cavalier = (...args: string[]) => runCavalier(args);

const line = (lon: number, n: number): Position[] =>
  Array.from({ length: n }, (_, i) => [lon + 3e-4 * Math.sin(i / 5), 50.43 + i * 1e-4, 40 + 10 * Math.sin(i / 30)] as Position);

/** Two events: a trail with two traced formulas and one empty, and a tricky-named event with one. */
function project(): Project {
  let n = 0;
  const ids = () => `id${++n}`;
  let trail = createEvent({ name: 'Trail des Pyramides Noires', discipline: 'trail', dates: ['2025-06-14'] }, ids);
  trail = addFormula(trail, { name: 'Semi 21 km', targetDistance_m: 21000, start: '2025-06-14T09:00' }, ids);
  trail = addFormula(trail, { name: 'Marche familiale 10 km', targetDistance_m: 10000 }, ids);
  trail = addFormula(trail, { name: 'Ultra 100 km', targetDistance_m: 100000 }, ids);
  const semi = line(2.83, 600);
  trail.formulas[0] = addCoursePoint(trail.formulas[0], { kind: 'aid', name: 'Ravito du 11/19', lonlat: [2.83, 50.45] }, semi, ids);
  trail.formulas[0] = addCoursePoint(trail.formulas[0], { kind: 'water', name: 'Eau', lonlat: [2.83, 50.46] }, semi, ids);
  let odd = createEvent({ name: 'CON', discipline: 'vtt-xc', dates: [] }, ids);
  odd = addFormula(odd, { name: 'a/b <img src=x onerror=alert(1)>', laps: 3, loop: true }, ids);
  return {
    events: [trail, odd],
    geometry: { [trail.formulas[0].id]: semi, [trail.formulas[1].id]: line(2.84, 300), [odd.formulas[0].id]: line(2.85, 120) },
  };
}

function saved(p: Project): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cavalier-export-'));
  const file = join(dir, 'projet.json');
  writeFileSync(file, serializeProject(p));
  return { dir, file };
}

describe('cavalier export', { timeout: 60_000 }, () => {
  it('writes one valid GPX per traced formula, byte for byte the app export', async () => {
    const p = project();
    const { dir, file } = saved(p);
    const out = join(dir, 'gpx');
    const r = await cavalier('export', file, '--out', out);
    expect(r.code).toBe(0);
    const expectedNames = [
      'Trail-des-Pyramides-Noires_Semi-21-km.gpx',
      'Trail-des-Pyramides-Noires_Marche-familiale-10-km.gpx',
      'CON_a-b-img-src-x-onerror-alert-1.gpx',
    ];
    expect(r.stdout.trim().split('\n')).toEqual(expectedNames);
    expect(readdirSync(out).sort()).toEqual(expectedNames.slice().sort());
    // the formula without a route is named on stderr, not exported
    expect(r.stderr).toContain('Ultra 100 km');
    expect(r.stderr).toContain('pas de tracé');
    // what the app's export function makes from the live project (before saving)
    const app = withUniqueNames(p.events.flatMap((e) => eventGpxFiles(e, (id) => geometryOf(p, id)).files));
    expect(app.map((f) => f.fileName)).toEqual(expectedNames);
    for (const f of app) {
      const written = readFileSync(join(out, f.fileName), 'utf8');
      expect(written).toBe(f.text);
      const v = await validateXML({ xml: [{ fileName: f.fileName, contents: written }], schema: [{ fileName: 'gpx-1.1.xsd', contents: xsd }] });
      expect(v.errors).toEqual([]);
    }
    const semi = readFileSync(join(out, expectedNames[0]), 'utf8');
    expect(semi.match(/<wpt /g)).toHaveLength(2);
    expect(semi).toContain('<type>AID_STATION</type>');
    expect(semi).toContain('<sym>Water Source</sym>');
  });

  it('--max-points simplifies and says how much distance it cost', async () => {
    const { dir, file } = saved(project());
    const out = join(dir, 'old-watch');
    const r = await cavalier('export', file, '--out', out, '--max-points', '100');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Semi-21-km\.gpx \(simplifié : 600 → \d+ points, distance −\d+\u00a0m\)/);
    for (const name of readdirSync(out)) {
      expect(readFileSync(join(out, name), 'utf8').match(/<trkpt /g)!.length).toBeLessThanOrEqual(100);
    }
  });

  it('refuses newer, corrupt and foreign files with one French sentence, writing nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cavalier-export-'));
    const future = join(dir, 'future.json');
    writeFileSync(future, JSON.stringify({ format: 'cavalier-project', schemaVersion: 3, events: [] }));
    const f = await cavalier('export', future, '--out', join(dir, 'a'));
    expect(f.code).toBe(1);
    expect(f.stderr).toContain('version plus récente de Cavalier');
    const corrupt = join(dir, 'corrupt.json');
    writeFileSync(corrupt, serializeProject(project()).slice(0, 500));
    const c = await cavalier('export', corrupt, '--out', join(dir, 'b'));
    expect(c.code).toBe(1);
    expect(c.stderr).toContain('n’est pas un projet Cavalier valide');
    expect(c.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(dir).sort()).toEqual(['corrupt.json', 'future.json']);
    const none = await cavalier('export', join(dir, 'absent.json'), '--out', join(dir, 'c'));
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('fichier introuvable');
  });

  it('usage errors exit 2', async () => {
    const noOut = await cavalier('export', 'projet.json');
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out');
    const bad = await cavalier('export', 'projet.json', '--out', 'x', '--max-points', '1');
    expect(bad.code).toBe(2);
    const wrongCommand = await cavalier('stats', 'test/fixtures/gpx/two-segments.gpx', '--out', 'x');
    expect(wrongCommand.code).toBe(2);
    const help = await cavalier('--help');
    expect(help.stdout).toContain('cavalier export PROJET.json --out DOSSIER');
  });
});
