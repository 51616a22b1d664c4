// `cavalier review`, run as a user runs it (node src/cli/cavalier.mjs), on fixture files whose
// answers are computed by hand: the route runs along the parallel 50.405° N, so every length is
// an arc of parallel N(φ)·cos φ·Δλ, and the near zone's distance an arc of meridian.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, runCavalier } from './helpers/cli';
import { prepareZones, reviewRoute, zonesFromGeoJson } from '../src/core/review';
import { karney, karneyLength } from './helpers/karney';
import { densePasses, inPolygon } from './core/review-reference';

const fx = (name: string) => `test/fixtures/review/cli/${name}`;

const cavalier = runCavalier;

const A = 6378137;
const E2 = (1 / 298.257223563) * (2 - 1 / 298.257223563);
const RAD = Math.PI / 180;
const LAT = 50.405;
const arc = (dLon: number) => (A / Math.sqrt(1 - E2 * Math.sin(LAT * RAD) ** 2)) * Math.cos(LAT * RAD) * dLon * RAD;
const meridian = (lat1: number, lat2: number) => {
  const s = Math.sin(((lat1 + lat2) / 2) * RAD);
  return ((A * (1 - E2)) / (1 - E2 * s * s) ** 1.5) * Math.abs(lat2 - lat1) * RAD;
};
/** 0.5 % or 2 m, the accuracy. */
const close = (got: number, want: number) => expect(Math.abs(got - want), `${got} vs ${want}`).toBeLessThanOrEqual(Math.max(2, 0.005 * want));
const noStack = (text: string) => expect(text).not.toMatch(/^\s+at /m);

// the route starts at 2.79° E: kilometres are arcs from there
const km = (lon: number) => arc(lon - 2.79) / 1000;

describe('cavalier review --zones … --json', { timeout: 30_000 }, () => {
  it('the documented object, with hand-computed figures', async () => {
    const r = await cavalier(['review', fx('route.gpx'), '--zones', fx('protected.geojson'), fx('corridors.geojson'), '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    // the documented fields, by name; others may be added, never renamed
    expect(out).toHaveProperty('route_length_m');
    for (const c of out.crossings) {
      expect(c).toEqual(
        expect.objectContaining({ zone: expect.any(String), kind: expect.any(String), length_m: expect.any(Number), passes: expect.any(Array) }),
      );
      for (const p of c.passes)
        expect(p).toEqual(expect.objectContaining({ from_km: expect.any(Number), to_km: expect.any(Number), length_m: expect.any(Number) }));
    }
    for (const n of out.near)
      expect(n).toEqual(expect.objectContaining({ zone: expect.any(String), kind: expect.any(String), distance_m: expect.any(Number) }));

    close(out.route_length_m, arc(0.06));
    close(
      out.route_length_m,
      karneyLength([
        [2.79, LAT],
        [2.795, LAT],
        [2.815, LAT],
        [2.8375, LAT],
        [2.85, LAT],
      ]),
    );
    expect(out.crossings.map((c: { zone: string }) => c.zone)).toEqual(['Carré des Aulnes', 'Cavalier de la fosse 9', 'Deux mares']);
    const [square, corridor, ponds] = out.crossings;
    expect(square).toMatchObject({ kind: 'APPB', layer: 'protected', geometry: 'polygon' });
    close(square.length_m, arc(0.01));
    close(square.passes[0].from_km * 1000, km(2.8) * 1000);
    close(square.passes[0].to_km * 1000, km(2.81) * 1000);
    // kind from the `type` property, name from `nom`, two parts → two passes
    expect(ponds).toMatchObject({ kind: 'ZNIEFF', zone: 'Deux mares' });
    expect(ponds.passes).toHaveLength(2);
    close(ponds.passes[1].from_km * 1000, km(2.84) * 1000);
    close(ponds.length_m, arc(0.01));
    // a corridor: the 25 m band each side, crossed at right angles; kind from the file name
    expect(corridor).toMatchObject({ kind: 'corridors', geometry: 'line' });
    close(corridor.length_m, 50);
    close(corridor.line_crossings[0].at_km * 1000, km(2.82) * 1000);
    // the diamond's lowest vertex is 0.002° north of the route
    expect(out.near).toHaveLength(1);
    expect(out.near[0].zone).toBe('Pointe; "nord"');
    close(out.near[0].distance_m, meridian(LAT, 50.407));
    close(out.near[0].distance_m, karney(2.825, LAT, 2.825, 50.407));
    close(out.near[0].at_km * 1000, km(2.825) * 1000);
    expect(out.buffer_m).toBe(500);
    expect(out.warnings).toEqual([]);
  });

  it('--buffer widens the near list; --corridor narrows the band', async () => {
    const r = await cavalier([
      'review',
      fx('route.gpx'),
      '--zones',
      fx('protected.geojson'),
      '--zones',
      fx('corridors.geojson'),
      '--json',
      '--buffer',
      '3000',
      '--corridor',
      '10',
    ]);
    const out = JSON.parse(r.stdout);
    expect(out.near.map((n: { zone: string }) => n.zone)).toEqual(['Pointe; "nord"', 'Lointain']);
    close(out.near[1].distance_m, meridian(LAT, 50.43));
    close(out.crossings[1].length_m, 20);
  });

  it('the route may come last, after the zone files', async () => {
    const r = await cavalier(['review', '--json', '--zones', fx('protected.geojson'), fx('route.gpx')]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).crossings).toHaveLength(2);
  });
});

describe('cavalier review: the French table, the CSV and the GeoJSON', { timeout: 30_000 }, () => {
  it('prints a readable French table', async () => {
    const r = await cavalier(['review', fx('route.gpx'), '--zones', fx('protected.geojson'), fx('corridors.geojson')]);
    expect(r.code).toBe(0);
    const nb = '\u00a0';
    expect(r.stdout).toContain(`Revue environnementale${nb}: Boucle des étangs (4,27${nb}km)`);
    expect(r.stdout).toContain(`Zones traversées${nb}: 3`);
    expect(r.stdout).toMatch(/Carré des Aulnes\s+APPB\s+0,711 → 1,422\s+711\u00a0m\s+16,7\u00a0%/);
    expect(r.stdout).toMatch(/Deux mares\s+ZNIEFF\s+2,844 → 3,199 ; 3,555 → 3,910/);
    expect(r.stdout).toContain('croise la ligne au km 2,133');
    expect(r.stdout).toMatch(/Zones proches, non traversées \(à moins de 500\u00a0m\)\u00a0: 1/);
    expect(r.stdout).toMatch(/Pointe; "nord"\s+ZNIEFF\s+222\u00a0m\s+2,488/);
  });

  it('--csv: UTF-8 with BOM, ";" and decimal commas, one row per pass and per near zone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cavalier-review-'));
    const csv = join(dir, 'revue.csv');
    const geo = join(dir, 'passages.geojson');
    const r = await cavalier(['review', fx('route.gpx'), '--zones', fx('protected.geojson'), '--csv', csv, '--geojson', geo, '--json']);
    expect(r.code).toBe(0);
    const bytes = readFileSync(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    const header = lines[0].split(';');
    expect(header.slice(0, 10)).toEqual(['situation', 'zone', 'code', 'identifiant', 'type', 'couche', 'passage', 'du_km', 'au_km', 'longueur_m']);
    const rows = lines.slice(1, -1);
    expect(rows).toHaveLength(4); // 1 + 2 passes, 1 near zone
    const first = rows[0].split(';');
    // no official code in this layer: the column is empty
    expect(first.slice(0, 7)).toEqual(['traversée', 'Carré des Aulnes', '', '1', 'APPB', 'protected', '1']);
    close(Number(first[7].replace(',', '.')) * 1000, km(2.8) * 1000);
    close(Number(first[9].replace(',', '.')), arc(0.01));
    expect(first[9]).toMatch(/^\d+,\d$/);
    // the name holding ";" and quotes is quoted, as Excel expects
    expect(rows[3]).toMatch(/^proche;"Pointe; ""nord""";;3;ZNIEFF;protected;;/);

    const passes = JSON.parse(readFileSync(geo, 'utf8'));
    expect(passes.type).toBe('FeatureCollection');
    expect(passes.features).toHaveLength(3);
    for (const f of passes.features) {
      expect(f.geometry.type).toBe('LineString');
      close(karneyLength(f.geometry.coordinates), f.properties.length_m);
    }
    expect(passes.features[0].geometry.coordinates[0]).toEqual([2.8, LAT]);
    expect(passes.features[0].geometry.coordinates.at(-1)).toEqual([2.81, LAT]);
  });
});

describe('cavalier review against the embedded layers', { timeout: 60_000 }, () => {
  const dataDir = join(PROJECT_ROOT, 'public/data');

  it.runIf(existsSync(join(dataDir, 'protections.geojson')))('a route across Pinchonvalles (APPB): the pass agrees with the second method', async () => {
    const fc = JSON.parse(readFileSync(join(dataDir, 'protections.geojson'), 'utf8'));
    const pinchon = fc.features.find((f: { properties: { name: string } }) => /pinchonvalles/i.test(f.properties.name));
    expect(pinchon).toBeDefined();
    // a straight line through the terril's box, at the latitude of its middle
    const xs = pinchon.geometry.coordinates[0].map((p: number[]) => p[0]);
    const ys = pinchon.geometry.coordinates[0].map((p: number[]) => p[1]);
    const lat = (Math.min(...ys) + Math.max(...ys)) / 2;
    const route = [
      [Math.min(...xs) - 0.01, lat],
      [Math.max(...xs) + 0.01, lat],
    ];
    const dir = mkdtempSync(join(tmpdir(), 'cavalier-review-'));
    const routeFile = join(dir, 'traversee.geojson');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(routeFile, JSON.stringify({ type: 'Feature', properties: { name: 'Traversée' }, geometry: { type: 'LineString', coordinates: route } }));
    const r = await cavalier(['review', routeFile, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const c = out.crossings.find((x: { zone: string; layer: string }) => x.zone === 'Pinchonvalles' && x.layer === 'protections');
    expect(c).toMatchObject({ kind: 'APPB' });
    const ref = densePasses([route], inPolygon(pinchon), 0.5);
    close(c.length_m, ref.inside_m);
    expect(c.passes).toHaveLength(ref.passes.length);
    close(c.passes[0].from_km * 1000, ref.passes[0].from_m);
    // the same terril is a TVB reservoir (approximation layer): listed as its own crossing
    expect(out.crossings.some((x: { layer: string }) => x.layer === 'tvb-reservoirs')).toBe(true);
    // and the table says which layers, with their status
    const table = await cavalier(['review', routeFile]);
    expect(table.stdout).toContain('Protections connues (partiel)');
    expect(table.stdout).toContain('(approximation)');
  });

  it('missing public/data: says so in French and how to build it', async () => {
    const r = await cavalier(['review', fx('route.gpx')], { CAVALIER_DATA_DIR: join(tmpdir(), 'cavalier-nowhere') });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Les couches sensibles embarquées sont absentes');
    expect(r.stderr).toContain('npm run data:build');
    noStack(r.stderr);
  });
});

describe('cavalier review: bad input', { timeout: 30_000 }, () => {
  it('zones in Lambert-93 without a crs member: read as the app reads them, the guess said on stderr', async () => {
    const r = await cavalier(['review', fx('route.gpx'), '--zones', fx('lambert93.geojson'), '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('EPSG:2154');
    expect(JSON.parse(r.stdout).warnings.map((w: { code: string }) => w.code)).toContain('import.crs-guessed');
    noStack(r.stderr);
  });

  it('broken zones: each one said on stderr by name, the review goes on, stdout stays JSON', async () => {
    const r = await cavalier(['review', fx('route.gpx'), '--zones', fx('broken.geojson'), '--json']);
    expect(r.code).toBe(0);
    // the ring is closed by the layer import (as in the app); the point is said by name
    expect(r.stderr).toContain('attention : 1\u00a0contour de polygone non fermé, refermé automatiquement.');
    expect(r.stderr).toContain('Zone «\u00a0Un point\u00a0» (broken)\u00a0: géométrie Point non prise en charge');
    const out = JSON.parse(r.stdout);
    expect(out.crossings[0].zone).toBe('Ouvert');
    close(out.crossings[0].length_m, arc(0.01));
    expect(out.warnings.map((w: { code: string }) => w.code)).toEqual(['import.rings-closed', 'zone.unsupported-geometry']);
  });

  it('a zone file that is not JSON, a missing route, a missing zone file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cavalier-review-bad-'));
    writeFileSync(join(dir, 'cassé.geojson'), '{"type": "FeatureCollection", "features": [');
    const notJson = await cavalier(['review', fx('route.gpx'), '--zones', join(dir, 'cassé.geojson')]);
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toContain('«\u00a0cassé.geojson\u00a0»');
    expect(notJson.stderr).toContain('pas un JSON valide');
    writeFileSync(join(dir, 'notes.txt'), 'zones à revoir');
    const unknown = await cavalier(['review', fx('route.gpx'), '--zones', join(dir, 'notes.txt')]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Format de fichier non reconnu');
    const missing = await cavalier(['review', fx('absent.gpx'), '--zones', fx('protected.geojson')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('fichier introuvable');
    const noZones = await cavalier(['review', fx('route.gpx'), '--zones', fx('absent.geojson')]);
    expect(noZones.code).toBe(1);
    expect(noZones.stderr).toContain('absent.geojson');
  });

  it('usage errors exit 2', async () => {
    for (const args of [
      ['review'],
      ['review', fx('route.gpx'), '--buffer', 'loin'],
      ['review', fx('route.gpx'), '--corridor', '-3'],
      ['review', fx('route.gpx'), '--zones'],
      ['review', fx('route.gpx'), '--bogus'],
    ]) {
      const r = await cavalier(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('Usage');
      noStack(r.stderr);
    }
    const help = await cavalier(['--help']);
    expect(help.stdout).toContain('cavalier review FICHIER');
  });
});

describe('the core and the command agree', () => {
  it('same figures from reviewRoute on the same files', () => {
    const data = JSON.parse(readFileSync(join(PROJECT_ROOT, fx('protected.geojson')), 'utf8'));
    const v = zonesFromGeoJson(data, { file: 'protected.geojson', layer: 'protected', kind: 'protected' });
    if (!v.ok) throw new Error(v.error.code);
    const r = reviewRoute(
      [
        [2.79, LAT],
        [2.795, LAT],
        [2.815, LAT],
        [2.8375, LAT],
        [2.85, LAT],
      ],
      prepareZones(v.value.zones),
    );
    expect(r.crossings.map((c) => c.passes.length)).toEqual([1, 2]);
  });
});
