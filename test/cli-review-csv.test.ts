// The app's CSV and `cavalier review --csv` are the same file, byte for byte, for the same zones
// and settings: the app's through the engine the worker runs (createEngine: the embedded layers
// loaded with their manifest titles as the page loads them, a file imported as « zone sensible »),
// the CLI's by running it on the same files. Three settings: the embedded layers alone; an
// official file imported (the approximate protections leave, the CLI's --embedded does the same);
// every approximation switched off (--no-approximations).
//
// The route runs along the embedded corridor « Voie ferrée Bully-Brias », five of its pieces: one
// crossing of the corridor, one CSV row, whatever its pieces.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, LineString } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { EMBEDDED_SENSITIVE_LAYERS } from '../src/core/review/embedded';
import { createEngine } from '../workers/engine';
import { PROJECT_ROOT, runCavalier } from './helpers/cli';

const dataDir = join(PROJECT_ROOT, 'public/data');
const json = (name: string) => JSON.parse(readFileSync(join(dataDir, name), 'utf8')) as unknown;
type LonLat = [number, number];

const corridors = json('tvb-corridors.geojson') as FeatureCollection<LineString, { id: string; name: string }>;
const LINE = 'Voie ferrée Bully-Brias';
const pieces = ['040_01', '040_02', '040_03', '040_04', '040_05'].map((id) => corridors.features.find((f) => f.properties.id === id)!);
// six decimals: the numbers the GPX holds are the numbers the engine is given
const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
const route: LonLat[] = pieces.flatMap((f) => f.geometry.coordinates.map((p) => [r6(p[0] + 0.00005), r6(p[1] + 0.00005)] as LonLat));

// an official-looking Natura 2000 layer over the middle of the route
const n2000 = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: 'Coteaux de la Lawe (test)', kind: 'ZSC' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [2.705, 50.44],
            [2.715, 50.44],
            [2.715, 50.455],
            [2.705, 50.455],
            [2.705, 50.44],
          ],
        ],
      },
    },
  ],
};

const dir = mkdtempSync(join(tmpdir(), 'cavalier-csv-'));
const gpxPath = join(dir, 'parcours.gpx');
const zonesPath = join(dir, 'n2000_zsc.geojson');
writeFileSync(
  gpxPath,
  `<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>Parcours</name><trkseg>${route
    .map(([lon, lat]) => `<trkpt lat="${lat}" lon="${lon}"></trkpt>`)
    .join('')}</trkseg></trk></gpx>\n`,
);
writeFileSync(zonesPath, JSON.stringify(n2000));

const manifest = json('layers.json') as { layers: { id: string; title: { fr: string } }[] };
const engine = createEngine();

async function cliCsv(args: string[]): Promise<Buffer> {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}.csv`);
  const r = await runCavalier(['review', gpxPath, ...args, '--csv', out]);
  // the embedded layers' own zone warnings (a few terril outlines cross themselves) go to stderr
  for (const line of r.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^cavalier : attention : /);
  expect(r.code).toBe(0);
  return readFileSync(out);
}

const appCsv = () => Buffer.from(engine.reviewCsv({ segments: [route] }, { buffer_m: 500 }), 'utf8');
const rows = (csv: Buffer) => csv.toString('utf8').split('\r\n').slice(1, -1);

describe('the app’s CSV and `cavalier review --csv` are the same bytes', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    // as use-review.ts loads them: every embedded sensitive layer of the manifest, by its French title
    const sources = EMBEDDED_SENSITIVE_LAYERS.flatMap((def) => {
      const entry = manifest.layers.find((l) => l.id === def.id);
      return entry ? [{ id: def.id, title: entry.title.fr, data: json(`${def.id}.geojson`) }] : [];
    });
    await engine.loadReviewLayers(sources);
  });

  it('the embedded layers alone', async () => {
    const app = appCsv();
    expect((await cliCsv([])).equals(app)).toBe(true);
    // the corridor along its length: one row, not one per piece
    const corridorRows = rows(app).filter((r) => r.startsWith('traversée;') && r.includes(LINE));
    expect(corridorRows.length).toBe(1);
    expect(corridorRows[0]).toContain('Corridors écologiques (approximation)');
  });

  it('an official file imported: the approximate protections leave in both', async () => {
    engine.addSensitiveLayer('layer-n2000', 'n2000_zsc', n2000 as FeatureCollection);
    const state = engine.reviewLayers();
    expect(state.layers.find((l) => l.id === 'protections')).toMatchObject({ reviewed: false, choice: 'replaced', replacedBy: ['layer-n2000'] });
    const app = appCsv();
    const cli = await cliCsv(['--zones', zonesPath, '--embedded']);
    expect(cli.toString('utf8')).toBe(app.toString('utf8'));
    expect(cli.equals(app)).toBe(true);
    expect(rows(app).some((r) => r.includes('Coteaux de la Lawe (test);;1;ZSC;n2000_zsc;'))).toBe(true);
    expect(rows(app).some((r) => r.includes('Protections connues'))).toBe(false);
    // the CLI's table says which approximation left, and for what
    const table = await runCavalier(['review', gpxPath, '--zones', zonesPath, '--embedded']);
    expect(table.stdout).toContain('Couches approximatives écartées\u00a0: Protections connues (partiel) (remplacée par n2000_zsc.geojson)');
  });

  it('every approximation switched off', async () => {
    engine.setReviewSwitches({ protections: false, 'tvb-reservoirs': false, 'tvb-corridors': false });
    const app = appCsv();
    const cli = await cliCsv(['--zones', zonesPath, '--embedded', '--no-approximations']);
    expect(cli.equals(app)).toBe(true);
    expect(rows(app).some((r) => r.includes('(approximation)'))).toBe(false);
    expect(rows(app).some((r) => r.includes('Coteaux de la Lawe (test)'))).toBe(true);
    engine.setReviewSwitches({});
    engine.removeSensitiveLayer('layer-n2000');
  });
});
