// Zipped shapefiles: zip bombs refused on what they really inflate to, whatever their headers
// say (zips written by hand that lie), the .prj named, and the shapefile's features read by
// shpjs from shapefiles written by hand.
import { deflateSync, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crsFromPrj, isZip, MAX_ZIP_RATIO, readShapefileZip, zipEntries } from '../../../src/core/import/zip';
import { PRJ_LAMBERT_93, writeDbf, writeShp, writeZip, type ZipEntrySpec } from '../../helpers/shapefile';

const MiB = 1024 * 1024;

function shapefileFiles(): Record<string, Uint8Array> {
  const { shp, shx } = writeShp([
    {
      type: 'polyline',
      parts: [
        [
          [686000, 7036000],
          [686500, 7036400],
          [687000, 7036500],
        ],
      ],
    },
    {
      type: 'polyline',
      parts: [
        [
          [687000, 7036500],
          [687800, 7036900],
        ],
      ],
    },
  ]);
  const dbf = writeDbf(
    ['NOM', 'TYPE'],
    [
      { NOM: 'Cavalier de Loos', TYPE: 'cavalier' },
      { NOM: 'Chemin des Éperons', TYPE: 'chemin' },
    ],
  );
  return {
    'cavaliers/lignes.shp': shp,
    'cavaliers/lignes.shx': shx,
    'cavaliers/lignes.dbf': dbf,
    'cavaliers/lignes.prj': strToU8(PRJ_LAMBERT_93),
    'cavaliers/lignes.cpg': strToU8('UTF-8'),
  };
}

function shapefileZip() {
  return zipSync(shapefileFiles());
}

/** The honest entries of the shapefile above, to which a test adds the lying ones. */
function shapefileEntries(): ZipEntrySpec[] {
  return Object.entries(shapefileFiles()).map(([name, data]) => ({ name, data }));
}

/** Text that deflates about 2:1, as real attribute tables do (the ratio rule stays out of the way). */
function attributeText(bytes: number, seed = 1): Uint8Array {
  const out = new Uint8Array(bytes);
  let x = seed;
  for (let i = 0; i < bytes; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = 0x30 + ((x >>> 16) % 10);
  }
  return out;
}

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);

describe('zipped shapefiles', () => {
  it('lists the central directory without inflating', () => {
    const zip = shapefileZip();
    expect(isZip(zip)).toBe(true);
    expect(isZip(strToU8('{"type":"FeatureCollection"}'))).toBe(false);
    const entries = zipEntries(zip);
    if (!entries.ok) throw new Error(entries.error.code);
    expect(entries.value.map((e) => e.name).sort()).toEqual([
      'cavaliers/lignes.cpg',
      'cavaliers/lignes.dbf',
      'cavaliers/lignes.prj',
      'cavaliers/lignes.shp',
      'cavaliers/lignes.shx',
    ]);
    const shp = entries.value.find((e) => e.name.endsWith('.shp'))!;
    expect(shp.uncompressedSize).toBe(100 + 2 * (8 + 44 + 4) + 16 * 5);
  });

  it('reads the lines, attributes and projection', () => {
    const r = readShapefileZip(shapefileZip());
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.name).toBe('lignes');
    expect(r.value.crs).toBe('EPSG:2154');
    expect(r.value.fc.features).toHaveLength(2);
    expect(r.value.fc.features[0].geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [686000, 7036000],
        [686500, 7036400],
        [687000, 7036500],
      ],
    });
    expect(r.value.fc.features[1].properties).toEqual({ NOM: 'Chemin des Éperons', TYPE: 'chemin' });
  });

  it('names the systems of common .prj files', () => {
    expect(crsFromPrj(PRJ_LAMBERT_93)).toBe('EPSG:2154');
    expect(crsFromPrj('PROJCS["NTF_Paris_Lambert_II_etendu",GEOGCS["GCS_NTF_Paris"]]')).toBe('EPSG:27572');
    expect(crsFromPrj('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]]]')).toBe('EPSG:4326');
    expect(crsFromPrj('PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere"]')).toBeUndefined();
  });

  it('refuses a zip whose end record under-states its entries, on what it inflates to', () => {
    // the zip: a real shapefile, then 45 entries of 10 MiB of zeros (~450 MiB from ~460 KB);
    // the end record counts the 5 shapefile entries in one field and all 50 in the other
    const zeros = new Uint8Array(10 * MiB);
    const deflated = deflateSync(zeros, { level: 9 });
    const bombs = Array.from({ length: 45 }, (_, i): ZipEntrySpec => ({ name: `cavaliers/bombe${i}.dbf`, data: zeros, deflated }));
    const zip = writeZip([...shapefileEntries(), ...bombs], { onDisk: 50, total: 5 });
    expect(zip.length).toBeLessThan(500_000);
    // fflate reads the other count: it would inflate all 50 (450 MiB: under the 500 MB limit)
    let seen = 0;
    unzipSync(zip, { filter: () => (seen++, false) });
    expect(seen).toBe(50);
    const listed = zipEntries(zip);
    expect(listed.ok && listed.value.length).toBe(50);
    const t0 = performance.now();
    const r = readShapefileZip(zip);
    // stopped within the first bombs, some MiB in: never the 450 MiB
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r.ok ? 'ok' : r.error).toEqual({
      code: 'import.zip-too-large',
      detail: { ratio_limit: MAX_ZIP_RATIO, name: expect.stringMatching(/^bombe[01]\.dbf$/) },
    });
    // the same lie with data that compresses as shapefiles do: the byte limit holds
    const text = writeZip(
      [...shapefileEntries(), ...Array.from({ length: 8 }, (_, i): ZipEntrySpec => ({ name: `t${i}.dbf`, data: attributeText(MiB, i + 1) }))],
      { onDisk: 13, total: 5 },
    );
    expect(readShapefileZip(text, 4 * MiB)).toEqual({ ok: false, error: { code: 'import.zip-too-large', detail: { limit_mb: 4, name: 't3.dbf' } } });
    expect(readShapefileZip(text, 9 * MiB).ok).toBe(true);
  });

  it('refuses a zip whose local headers and central directory disagree', () => {
    // the directory declares 1 KB for an entry whose local header says 3 MiB (and so does its stream)
    const lowDirectory = writeZip([
      ...shapefileEntries(),
      { name: 'cavaliers/lignes2.dbf', data: attributeText(3 * MiB), central: { uncompressedSize: 1000 } },
    ]);
    expect(readShapefileZip(lowDirectory, 2 * MiB)).toEqual({
      ok: false,
      error: { code: 'import.zip-too-large', detail: { limit_mb: 2, name: 'lignes2.dbf' } },
    });
    // both headers lie low: what is inflated is counted all the same
    const lowBoth = writeZip([
      ...shapefileEntries(),
      { name: 'cavaliers/lignes2.dbf', data: attributeText(3 * MiB), central: { uncompressedSize: 1000 }, local: { uncompressedSize: 1000 } },
    ]);
    expect(code(readShapefileZip(lowBoth, 2 * MiB))).toBe('import.zip-too-large');
    // a directory that hides the stream's end: inflating what it declares cannot finish
    const shortDirectory = writeZip([...shapefileEntries(), { name: 'cavaliers/lignes2.dbf', data: attributeText(MiB), central: { compressedSize: 1000 } }]);
    expect(code(readShapefileZip(shortDirectory))).toBe('import.zip-unreadable');
    // the local header names another file, or another method, than the directory: read two ways, refused
    const otherName = writeZip(shapefileEntries().map((e) => (e.name.endsWith('.dbf') ? { ...e, local: { name: 'cavaliers/autre.dbf' } } : e)));
    expect(code(readShapefileZip(otherName))).toBe('import.zip-unreadable');
    const otherMethod = writeZip(shapefileEntries().map((e) => (e.name.endsWith('.shp') ? { ...e, local: { method: 0 } } : e)));
    expect(code(readShapefileZip(otherMethod))).toBe('import.zip-unreadable');
    // the honest zip written the same way reads
    expect(readShapefileZip(writeZip(shapefileEntries())).ok).toBe(true);
  });

  it('refuses a zip of many small entries on what they inflate to together', () => {
    // 6,000 entries of 100 KiB of zeros (586 MiB from 1.2 MB), each declaring 100 bytes: each
    // short stream deflates below 1000:1 (890:1), so the byte limit stops it, whatever the
    // directory's sizes add up to (600 KB); a 50 MiB limit here keeps the test quick
    const zeros = new Uint8Array(100 * 1024);
    const deflated = deflateSync(zeros, { level: 9 });
    const many = writeZip([
      ...shapefileEntries(),
      ...Array.from(
        { length: 6000 },
        (_, i): ZipEntrySpec => ({ name: `p/${i}.dbf`, data: zeros, deflated, central: { uncompressedSize: 100 }, local: { uncompressedSize: 100 } }),
      ),
    ]);
    expect(many.length).toBeLessThan(1.5 * MiB);
    expect(readShapefileZip(many, 50 * MiB)).toEqual({ ok: false, error: { code: 'import.zip-too-large', detail: { limit_mb: 50, name: '511.dbf' } } });
    // 3,000 entries of 1 KiB of text, over a 2 MiB limit, however small each one is
    const text = writeZip([
      ...shapefileEntries(),
      ...Array.from({ length: 3000 }, (_, i): ZipEntrySpec => ({ name: `t/${i}.cpg`, data: attributeText(1024, i + 1), central: { uncompressedSize: 1 } })),
    ]);
    expect(code(readShapefileZip(text, 2 * MiB))).toBe('import.zip-too-large');
    // a real shapefile's bytes are counted too
    expect(readShapefileZip(shapefileZip(), 200)).toEqual({
      ok: false,
      error: { code: 'import.zip-too-large', detail: { limit_mb: 0, name: expect.any(String) } },
    });
  });

  it('finds the directory through a ZIP64 end record', () => {
    const plain = writeZip(shapefileEntries());
    const dv = new DataView(plain.buffer);
    const eocd = plain.length - 22;
    const cdOffset = dv.getUint32(eocd + 16, true);
    // ZIP64 end record (56 bytes) and locator (20 bytes) between the directory and the end record
    const z64 = new DataView(new ArrayBuffer(76));
    z64.setUint32(0, 0x06064b50, true);
    z64.setBigUint64(4, 44n, true);
    z64.setBigUint64(24, 5n, true);
    z64.setBigUint64(32, 5n, true);
    z64.setBigUint64(40, BigInt(eocd - cdOffset), true);
    z64.setBigUint64(48, BigInt(cdOffset), true);
    z64.setUint32(56, 0x07064b50, true);
    z64.setBigUint64(64, BigInt(eocd), true);
    z64.setUint32(72, 1, true);
    // the end record's offset overflowed (0xffffffff), or still fits: the ZIP64 record is used either way
    for (const offset of [0xffffffff, cdOffset]) {
      const end = plain.slice(eocd);
      new DataView(end.buffer).setUint32(16, offset, true);
      const zip64 = new Uint8Array(plain.length + 76);
      zip64.set(plain.subarray(0, eocd));
      zip64.set(new Uint8Array(z64.buffer), eocd);
      zip64.set(end, eocd + 76);
      const r = readShapefileZip(zip64);
      if (!r.ok) throw new Error(r.error.code);
      expect(r.value.fc.features).toHaveLength(2);
    }
  });

  it('reads entries whose directory over-states their sizes', () => {
    // headers that lie high are no reason to refuse: only what is inflated counts
    const high = writeZip(shapefileEntries().map((e) => ({ ...e, central: { uncompressedSize: 0xfffffff0 } })));
    const r = readShapefileZip(high);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.fc.features).toHaveLength(2);
  });

  it('fails clearly on a zip without shapefile or a broken zip', () => {
    const r = readShapefileZip(zipSync({ 'notes.txt': strToU8('rien') }));
    expect(r.ok ? 'ok' : r.error.code).toBe('import.no-shapefile');
    const broken = shapefileZip().slice(0, 200);
    const b = readShapefileZip(broken);
    expect(b.ok ? 'ok' : b.error).toEqual({ code: 'import.zip-unreadable' });
  });
});
