// Zone identity through the engine, as the worker runs it: the preview of an INPN Natura 2000
// shapefile proposes its convention's fields, addLayer keeps the fields chosen, the review names
// the zones by them; and the app's CSV of that review is byte for byte the file `cavalier review
// --zones … --csv` writes for the same zip and the same track (one import, one CSV builder).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crsConverter } from '../../src/core/import/crs';
import { createEngine } from '../../workers/engine';
import { runCavalier } from '../helpers/cli';
import { PRJ_LAMBERT_93, squareRing, writeDbf, writeShp } from '../helpers/shapefile';

type XY = [number, number];
const toL93 = crsConverter('EPSG:4326', 'EPSG:2154');
const square = (w: number, s: number, size: number): XY[] => squareRing(w, s, size).map(([x, y]) => toL93(x, y) as XY);

function n2000Zip(): Uint8Array {
  const { shp, shx } = writeShp([
    { type: 'polygon', parts: [square(2.8, 50.4, 0.01)] },
    { type: 'polygon', parts: [square(2.82, 50.4025, 0.005)] },
    { type: 'polygon', parts: [square(2.83, 50.407, 0.002)] },
  ]);
  return zipSync({
    'n2000_l93_shp.shp': shp,
    'n2000_l93_shp.shx': shx,
    'n2000_l93_shp.dbf': writeDbf(
      ['SITECODE', 'SITENAME', 'GESTION'],
      [
        { SITECODE: 'FR3100474', SITENAME: 'Pelouses de la Scarpe', GESTION: 'PNR Scarpe-Escaut' },
        { SITECODE: 'FR3112005', SITENAME: "Vallees de la Scarpe et de l'Escaut", GESTION: 'PNR Scarpe-Escaut' },
        { SITECODE: 'FR3100506', SITENAME: 'Bois de Flines', GESTION: 'ONF' },
      ],
    ),
    'n2000_l93_shp.prj': strToU8(PRJ_LAMBERT_93),
  });
}

const buffer = (z: Uint8Array) => z.buffer.slice(z.byteOffset, z.byteOffset + z.byteLength) as ArrayBuffer;
const ROUTE = 'test/fixtures/review/cli/route.gpx';
// route.gpx's points
const segments: [number, number][][] = [
  [
    [2.79, 50.405],
    [2.795, 50.405],
    [2.815, 50.405],
    [2.8375, 50.405],
    [2.85, 50.405],
  ],
];

describe('zone identity through the engine', () => {
  it('the preview proposes the Natura 2000 fields; the review names the sites by them', () => {
    const engine = createEngine();
    const opened = engine.openFile(buffer(n2000Zip()), 'n2000_l93_shp.zip');
    if (!opened.ok) throw new Error(opened.error.code);
    const preview = engine.previewLayer(opened.value.token);
    if (!preview.ok) throw new Error(preview.error.code);
    expect(preview.value.format).toBe('shapefile');
    expect(preview.value.zoneFields).toMatchObject({ convention: 'natura2000', fields: { code: 'SITECODE', name: 'SITENAME' } });
    expect(preview.value.zoneFields.properties).toEqual(['SITECODE', 'SITENAME', 'GESTION']);
    // the user chose another name field: the zones take it
    const added = engine.addLayer(opened.value.token, 'sensitive', 'n2000', undefined, { code: 'SITECODE', name: 'GESTION' });
    if (!added.ok) throw new Error(added.error.code);
    expect(added.value.layer.zoneFields).toEqual({ code: 'SITECODE', name: 'GESTION' });
    const { review } = engine.review(segments, { buffer_m: 500 });
    expect(review.crossings.map((c) => [c.code, c.zone, c.kind])).toEqual([
      ['FR3100474', 'PNR Scarpe-Escaut', 'ZSC'],
      ['FR3112005', 'PNR Scarpe-Escaut', 'ZPS'],
    ]);
    expect(review.near.map((n) => [n.code, n.zone])).toEqual([['FR3100506', 'ONF']]);
  });

  it('a KML of areas and its KMZ open as polygon layers (no longer « Aucune trace »), with the INPN fields recognised', () => {
    const kml = readFileSync('test/fixtures/zone-layers/in/appb.kml');
    const kmz = zipSync({ 'doc.kml': new Uint8Array(kml) });
    for (const [bytes, name, format] of [
      [new Uint8Array(kml), 'appb.kml', 'kml'],
      [kmz, 'appb.kmz', 'kmz'],
    ] as const) {
      const engine = createEngine();
      const opened = engine.openFile(buffer(bytes), name);
      if (!opened.ok) throw new Error(opened.error.code);
      const preview = engine.previewLayer(opened.value.token);
      if (!preview.ok) throw new Error(preview.error.code);
      expect(preview.value.format).toBe(format);
      expect(preview.value.geometryCounts).toEqual({ point: 0, line: 0, polygon: 2 });
      expect(preview.value.zoneFields).toMatchObject({ convention: 'inpn', fields: { code: 'ID_MNHN', name: 'NOM_SITE' } });
    }
  });

  it('the app’s CSV is the CLI’s, byte for byte, for the same zip and track', async () => {
    const zip = n2000Zip();
    const dir = mkdtempSync(join(tmpdir(), 'cavalier-identity-'));
    const zipPath = join(dir, 'n2000_l93_shp.zip');
    writeFileSync(zipPath, zip);
    const csvPath = join(dir, 'revue.csv');
    const r = await runCavalier(['review', ROUTE, '--zones', zipPath, '--csv', csvPath]);
    expect(r.code).toBe(0);

    const engine = createEngine();
    const opened = engine.openFile(buffer(zip), 'n2000_l93_shp.zip');
    if (!opened.ok) throw new Error(opened.error.code);
    const preview = engine.previewLayer(opened.value.token);
    if (!preview.ok) throw new Error(preview.error.code);
    // the dialog's default: the proposal's fields; the CLI names its layer after the file
    const added = engine.addLayer(opened.value.token, 'sensitive', 'n2000_l93_shp', undefined, preview.value.zoneFields.fields);
    expect(added.ok).toBe(true);
    const app = engine.reviewCsv({ segments }, { buffer_m: 500 });
    expect(app).toContain(';FR3100474;');
    expect(app).toBe(readFileSync(csvPath, 'utf8'));
  }, 30_000);
});
