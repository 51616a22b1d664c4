// Zipped shapefiles: the central directory read before inflating (zip bombs refused), the .prj
// named, and the shapefile's features read by shpjs from shapefiles written by hand.
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkZipSizes, crsFromPrj, isZip, MAX_ZIP_UNCOMPRESSED_BYTES, readShapefileZip, zipEntries } from '../../../src/core/import/zip';
import { declareHugeEntry, PRJ_LAMBERT_93, writeDbf, writeShp } from '../../helpers/shapefile';

function shapefileZip() {
  const { shp, shx } = writeShp([
    { type: 'polyline', parts: [[[686000, 7036000], [686500, 7036400], [687000, 7036500]]] },
    { type: 'polyline', parts: [[[687000, 7036500], [687800, 7036900]]] },
  ]);
  const dbf = writeDbf(['NOM', 'TYPE'], [
    { NOM: 'Cavalier de Loos', TYPE: 'cavalier' },
    { NOM: 'Chemin des Éperons', TYPE: 'chemin' },
  ]);
  return zipSync({ 'cavaliers/lignes.shp': shp, 'cavaliers/lignes.shx': shx, 'cavaliers/lignes.dbf': dbf, 'cavaliers/lignes.prj': strToU8(PRJ_LAMBERT_93), 'cavaliers/lignes.cpg': strToU8('UTF-8') });
}

describe('zipped shapefiles', () => {
  it('reads the central directory without inflating', () => {
    const zip = shapefileZip();
    expect(isZip(zip)).toBe(true);
    expect(isZip(strToU8('{"type":"FeatureCollection"}'))).toBe(false);
    const entries = zipEntries(zip);
    if (!entries.ok) throw new Error(entries.error.code);
    expect(entries.value.map((e) => e.name).sort()).toEqual(['cavaliers/lignes.cpg', 'cavaliers/lignes.dbf', 'cavaliers/lignes.prj', 'cavaliers/lignes.shp', 'cavaliers/lignes.shx']);
    const shp = entries.value.find((e) => e.name.endsWith('.shp'))!;
    expect(shp.uncompressedSize).toBe(100 + 2 * (8 + 44 + 4) + 16 * 5);
    expect(checkZipSizes(entries.value).ok).toBe(true);
  });

  it('reads the lines, attributes and projection', () => {
    const r = readShapefileZip(shapefileZip());
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.name).toBe('lignes');
    expect(r.value.crs).toBe('EPSG:2154');
    expect(r.value.fc.features).toHaveLength(2);
    expect(r.value.fc.features[0].geometry).toEqual({ type: 'LineString', coordinates: [[686000, 7036000], [686500, 7036400], [687000, 7036500]] });
    expect(r.value.fc.features[1].properties).toEqual({ NOM: 'Chemin des Éperons', TYPE: 'chemin' });
  });

  it('names the systems of common .prj files', () => {
    expect(crsFromPrj(PRJ_LAMBERT_93)).toBe('EPSG:2154');
    expect(crsFromPrj('PROJCS["NTF_Paris_Lambert_II_etendu",GEOGCS["GCS_NTF_Paris"]]')).toBe('EPSG:27572');
    expect(crsFromPrj('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]]]')).toBe('EPSG:4326');
    expect(crsFromPrj('PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere"]')).toBeUndefined();
  });

  it('refuses a zip bomb from its declared sizes, before inflating', () => {
    const bomb = declareHugeEntry(shapefileZip());
    const entries = zipEntries(bomb);
    expect(entries.ok && entries.value.some((e) => e.uncompressedSize > MAX_ZIP_UNCOMPRESSED_BYTES)).toBe(true);
    const r = readShapefileZip(bomb);
    expect(r.ok ? 'ok' : r.error.code).toBe('import.zip-too-large');
    // many entries each under the limit but together over it
    const many = checkZipSizes(Array.from({ length: 6 }, (_, i) => ({ name: `${i}.dbf`, compressedSize: 50e6, uncompressedSize: 100e6 })));
    expect(many.ok ? 'ok' : many.error.code).toBe('import.zip-too-large');
    // an absurd ratio, even under the total limit
    const ratio = checkZipSizes([{ name: 'x.dbf', compressedSize: 10_000, uncompressedSize: 200e6 }]);
    expect(ratio.ok ? 'ok' : ratio.error).toMatchObject({ code: 'import.zip-too-large', detail: { name: 'x.dbf', ratio: 20000 } });
    // what is really inflated is counted too (a header that lies low)
    const small = readShapefileZip(shapefileZip(), 200);
    expect(small.ok ? 'ok' : small.error.code).toBe('import.zip-too-large');
  });

  it('fails clearly on a zip without shapefile or a broken zip', () => {
    const r = readShapefileZip(zipSync({ 'notes.txt': strToU8('rien') }));
    expect(r.ok ? 'ok' : r.error.code).toBe('import.no-shapefile');
    const broken = shapefileZip().slice(0, 200);
    const b = readShapefileZip(broken);
    expect(b.ok ? 'ok' : b.error).toEqual({ code: 'import.zip-unreadable' });
  });
});
