// A zipped shapefile through the layer engine, as the worker runs it: same features as the
// equivalent Lambert-93 GeoJSON, and a zip bomb refused with nothing lost.
import { deflateSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importLayer } from '../../src/core/import/layer';
import { createEngine } from '../../workers/engine';
import { PRJ_LAMBERT_93, writeDbf, writeShp, writeZip, type ZipEntrySpec } from '../helpers/shapefile';

const lines: [number, number][][] = [
  [
    [686000, 7036000],
    [686500, 7036400],
    [687000, 7036500],
  ],
  [
    [687000, 7036500],
    [687800, 7036900],
  ],
];
const attrs = [
  { name: 'Cavalier de Loos', highway: 'track' },
  { name: 'Chemin des Éperons', highway: 'path' },
];

function zipOf(withPrj: boolean): ArrayBuffer {
  const { shp, shx } = writeShp(lines.map((l) => ({ type: 'polyline' as const, parts: [l] })));
  const files: Record<string, Uint8Array> = {
    'lignes.shp': shp,
    'lignes.shx': shx,
    'lignes.dbf': writeDbf(['name', 'highway'], attrs),
    'lignes.cpg': strToU8('UTF-8'),
  };
  if (withPrj) files['lignes.prj'] = strToU8(PRJ_LAMBERT_93);
  const z = zipSync(files);
  return z.buffer.slice(z.byteOffset, z.byteOffset + z.byteLength) as ArrayBuffer;
}

const l93GeoJson = JSON.stringify({
  type: 'FeatureCollection',
  crs: { type: 'name', properties: { name: 'EPSG:2154' } },
  features: lines.map((l, i) => ({ type: 'Feature', properties: attrs[i], geometry: { type: 'LineString', coordinates: l } })),
});

describe('layer engine: zipped shapefiles', () => {
  it('reads a zipped Lambert-93 shapefile as the same GeoJSON would be read', () => {
    const engine = createEngine();
    const opened = engine.openFile(zipOf(true), 'lignes.zip');
    if (!opened.ok) throw new Error(opened.error.code);
    const p = engine.previewLayer(opened.value.token);
    if (!p.ok) throw new Error(p.error.code);
    expect(p.value).toMatchObject({ format: 'shapefile', from: 'EPSG:2154', featureCount: 2, geometryCounts: { line: 2 } });
    expect(p.value.crs).toMatchObject({ crs: 'EPSG:2154', by: 'crs-member' });
    const added = engine.addLayer(opened.value.token, 'reference');
    if (!added.ok) throw new Error(added.error.code);
    const core = importLayer(l93GeoJson, 'lignes.geojson');
    if (!core.ok) throw new Error(core.error.code);
    expect(added.value.fc.features).toEqual(core.value.fc.features);
    expect(added.value.layer.format).toBe('shapefile');
  });

  it('without a .prj, the system is detected from the coordinates', () => {
    const engine = createEngine();
    const opened = engine.openFile(zipOf(false), 'lignes.zip');
    if (!opened.ok) throw new Error(opened.error.code);
    const p = engine.previewLayer(opened.value.token);
    if (!p.ok) throw new Error(p.error.code);
    expect(p.value.from).toBe('EPSG:2154');
    expect(p.value.crs.by).toBe('coordinates');
  });

  it('refuses a zip bomb and keeps what was loaded', () => {
    const engine = createEngine();
    const good = engine.openFile(zipOf(true), 'lignes.zip');
    if (!good.ok) throw new Error(good.error.code);
    expect(engine.previewLayer(good.value.token).ok).toBe(true);
    const kept = engine.addLayer(good.value.token, 'reference');
    if (!kept.ok) throw new Error(kept.error.code);
    // a real shapefile and 45 entries of 10 MiB of zeros, under-counted by the end record
    const zeros = new Uint8Array(10 * 1024 * 1024);
    const deflated = deflateSync(zeros, { level: 9 });
    const { shp, shx } = writeShp(lines.map((l) => ({ type: 'polyline' as const, parts: [l] })));
    const honest: ZipEntrySpec[] = [
      { name: 'lignes.shp', data: shp },
      { name: 'lignes.shx', data: shx },
      { name: 'lignes.prj', data: strToU8(PRJ_LAMBERT_93) },
    ];
    const z = writeZip([...honest, ...Array.from({ length: 45 }, (_, i): ZipEntrySpec => ({ name: `lignes${i}.dbf`, data: zeros, deflated }))], {
      onDisk: 48,
      total: 3,
    });
    const opened = engine.openFile(z.buffer as ArrayBuffer, 'bombe.zip');
    if (!opened.ok) throw new Error(opened.error.code);
    const r = engine.previewLayer(opened.value.token);
    expect(r.ok ? 'ok' : r.error.code).toBe('import.zip-too-large');
    expect(engine.listLayers().map((l) => l.id)).toEqual([kept.value.layer.id]);
  });
});
