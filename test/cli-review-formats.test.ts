// `cavalier review --zones` and `cavalier import` on the layer formats the app imports (issue 13,
// « One import, everywhere »): a zipped INPN Natura 2000 shapefile in Lambert-93, a GeoJSON in
// Lambert II étendu named by --name-field / --code-field, a KML of areas. The route runs along the
// parallel 50.405° N (test/fixtures/review/cli/route.gpx), so a square's length inside is an arc
// of parallel N(φ)·cos φ·Δλ, computed by hand; the projected files are the same squares
// projected, and must give the WGS84 squares' figures.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crsConverter } from '../src/core/import/crs';
import { runCavalier as cavalier } from './helpers/cli';
import { PRJ_LAMBERT_93, writeDbf, writeShp, squareRing, writeZip } from './helpers/shapefile';

const route = 'test/fixtures/review/cli/route.gpx';
const A = 6378137;
const E2 = (1 / 298.257223563) * (2 - 1 / 298.257223563);
const RAD = Math.PI / 180;
const LAT = 50.405;
const arc = (dLon: number) => (A / Math.sqrt(1 - E2 * Math.sin(LAT * RAD) ** 2)) * Math.cos(LAT * RAD) * dLon * RAD;
const close = (got: number, want: number) => expect(Math.abs(got - want), `${got} vs ${want}`).toBeLessThanOrEqual(Math.max(2, 0.005 * want));

type XY = [number, number];
const square = squareRing;
// the ZSC: 0.01° of the route inside; the ZPS: 0.005° inside
const ZSC = square(2.8, 50.4, 0.01);
const ZPS = square(2.82, 50.4025, 0.005);

const dir = mkdtempSync(join(tmpdir(), 'cavalier-formats-'));

function n2000Zip(): string {
  const toL93 = crsConverter('EPSG:4326', 'EPSG:2154');
  const l93 = (ring: XY[]) => ring.map(([x, y]) => toL93(x, y) as XY);
  const { shp, shx } = writeShp([
    { type: 'polygon', parts: [l93(ZSC)] },
    { type: 'polygon', parts: [l93(ZPS)] },
  ]);
  const dbf = writeDbf(
    ['SITECODE', 'SITENAME'],
    [
      { SITECODE: 'FR3100474', SITENAME: 'Pelouses metallicoles de la plaine de la Scarpe' },
      { SITECODE: 'FR3112005', SITENAME: "Vallees de la Scarpe et de l'Escaut" },
    ],
  );
  const enc = new TextEncoder();
  const zip = writeZip([
    { name: 'n2000_l93_shp.shp', data: shp },
    { name: 'n2000_l93_shp.shx', data: shx },
    { name: 'n2000_l93_shp.dbf', data: dbf },
    { name: 'n2000_l93_shp.prj', data: enc.encode(PRJ_LAMBERT_93) },
  ]);
  const path = join(dir, 'n2000_l93_shp.zip');
  writeFileSync(path, zip);
  return path;
}

function lambert2GeoJson(): string {
  const toL2 = crsConverter('EPSG:4326', 'EPSG:27572');
  const l2 = (ring: XY[]) => ring.map(([x, y]) => toL2(x, y));
  const fc = {
    type: 'FeatureCollection',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::27572' } },
    features: [
      {
        type: 'Feature',
        properties: { OBJECTID: 1, LIBELLE: 'Bois de Wallers', CODE_ZONE: 'ZN-59-017', SURF: 12.5 },
        geometry: { type: 'Polygon', coordinates: [l2(ZSC)] },
      },
      {
        type: 'Feature',
        properties: { OBJECTID: 2, LIBELLE: 'Étang du Prussien', CODE_ZONE: 'ZN-59-018', SURF: 3.1 },
        geometry: { type: 'Polygon', coordinates: [l2(ZPS)] },
      },
    ],
  };
  const path = join(dir, 'zones_l2e.geojson');
  writeFileSync(path, JSON.stringify(fc));
  return path;
}

describe('cavalier review --zones: every format the app imports', { timeout: 60_000 }, () => {
  it('a zipped INPN shapefile in Lambert-93: the sites by code, name and type, in the JSON and the CSV', async () => {
    const zip = n2000Zip();
    const csv = join(dir, 'revue.csv');
    const r = await cavalier(['review', route, '--zones', zip, '--json', '--csv', csv]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.crossings.map((c: { code: string; zone: string; kind: string }) => [c.code, c.zone, c.kind])).toEqual([
      ['FR3100474', 'Pelouses metallicoles de la plaine de la Scarpe', 'ZSC'],
      ['FR3112005', "Vallees de la Scarpe et de l'Escaut", 'ZPS'],
    ]);
    close(out.crossings[0].length_m, arc(0.01));
    close(out.crossings[1].length_m, arc(0.005));
    // the same squares in WGS84: the projection round trip costs less than a centimetre
    const wgs = join(dir, 'n2000_wgs84.geojson');
    writeFileSync(
      wgs,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [ZSC, ZPS].map((ring, i) => ({ type: 'Feature', properties: { name: `z${i}` }, geometry: { type: 'Polygon', coordinates: [ring] } })),
      }),
    );
    const ref = JSON.parse((await cavalier(['review', route, '--zones', wgs, '--json'])).stdout);
    ref.crossings.forEach((c: { length_m: number }, i: number) => expect(Math.abs(out.crossings[i].length_m - c.length_m)).toBeLessThan(0.01));

    const rows = readFileSync(csv, 'utf8').slice(1).split('\r\n');
    expect(rows[0].split(';').slice(0, 5)).toEqual(['situation', 'zone', 'code', 'identifiant', 'type']);
    expect(rows[1].split(';').slice(0, 6)).toEqual(['traversée', 'Pelouses metallicoles de la plaine de la Scarpe', 'FR3100474', '1', 'ZSC', 'n2000_l93_shp']);
  });

  it('cavalier import reads the same zip: WGS84 features with the INPN attributes', async () => {
    const r = await cavalier(['import', n2000Zip()]);
    expect(r.code).toBe(0);
    const fc = JSON.parse(r.stdout);
    expect(fc.features.map((f: { properties: { SITECODE: string } }) => f.properties.SITECODE)).toEqual(['FR3100474', 'FR3112005']);
    const [x, y] = fc.features[0].geometry.coordinates[0][0];
    expect(Math.abs(x - 2.8)).toBeLessThan(1e-6);
    expect(Math.abs(y - 50.4)).toBeLessThan(1e-6);
  });

  it('a GeoJSON in Lambert II étendu: --name-field and --code-field name the zones; without them Cavalier proposes the same and says so', async () => {
    const file = lambert2GeoJson();
    const chosen = await cavalier(['review', route, '--zones', file, '--name-field', 'LIBELLE', '--code-field', 'CODE_ZONE', '--json']);
    expect(chosen.code).toBe(0);
    expect(chosen.stderr).toBe('');
    const out = JSON.parse(chosen.stdout);
    expect(out.crossings.map((c: { code: string; zone: string; kind: string }) => [c.code, c.zone, c.kind])).toEqual([
      ['ZN-59-017', 'Bois de Wallers', 'zones_l2e'],
      ['ZN-59-018', 'Étang du Prussien', 'zones_l2e'],
    ]);
    // Lambert II étendu goes through the NTF grid: still within the centimetre of the hand figure's squares
    close(out.crossings[0].length_m, arc(0.01));
    close(out.crossings[1].length_m, arc(0.005));

    const guessed = await cavalier(['review', route, '--zones', file, '--json']);
    expect(guessed.code).toBe(0);
    expect(guessed.stderr).toContain('nom lu dans l’attribut «\u00a0LIBELLE\u00a0», code dans «\u00a0CODE_ZONE\u00a0»');
    expect(JSON.parse(guessed.stdout).crossings.map((c: { zone: string }) => c.zone)).toEqual(['Bois de Wallers', 'Étang du Prussien']);
  });

  it('--name-field naming an attribute the layer lacks: a French message listing its attributes', async () => {
    const r = await cavalier(['review', route, '--zones', lambert2GeoJson(), '--name-field', 'NOM_SITE']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('n’a d’attribut «\u00a0NOM_SITE\u00a0»');
    expect(r.stderr).toContain('LIBELLE');
  });

  it('a KML of areas (an APPB with a hole, a RNR in two parts): code, name and type from the INPN attributes', async () => {
    const r = await cavalier(['review', route, '--zones', 'test/fixtures/zone-layers/in/appb.kml', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.crossings).toHaveLength(1);
    expect([out.crossings[0].code, out.crossings[0].zone, out.crossings[0].kind]).toEqual(['FR3800585', 'Terril de Pinchonvalles', 'APPB']);
    // 0.01° of square less the 0.003° hole
    close(out.crossings[0].length_m, arc(0.007));
    expect(out.crossings[0].passes).toHaveLength(2);
    expect([out.near[0].code, out.near[0].kind]).toEqual(['FR9300112', 'RNR']);
  });
});
