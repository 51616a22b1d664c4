// Zipped shapefiles: the zip's central directory is read here, before anything is inflated, so
// that a zip bomb (entries declaring gigabytes, or an absurd compression ratio) is refused with
// 'import.zip-too-large'; then the .shp/.dbf/.prj/.cpg entries are inflated (fflate) and parsed by
// shpjs (parseShp without its own reprojection: the .prj only names the system, and the layer
// import reprojects with the official proj4 definitions, as for any GeoJSON).

import { unzipSync } from 'fflate';
import { parseDbf, parseShp } from 'shpjs';
import type { Feature, FeatureCollection, GeoJsonProperties, Geometry } from 'geojson';
import { fail, ok, type Result } from '../errors';
import type { CrsCode } from './crs';
import { decodeUtf8 } from '../gpx/encoding';

/** Sum of the declared uncompressed sizes above which a zip is refused. */
export const MAX_ZIP_UNCOMPRESSED_BYTES = 500 * 1024 * 1024;
/** Compression ratio above which an entry is refused (deflate cannot exceed ~1032:1; real shapefiles stay far below). */
export const MAX_ZIP_RATIO = 1000;

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

/** True when the bytes start with a zip local file header ('PK\x03\x04'). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The entries of a zip as its central directory declares them (no inflating). */
export function zipEntries(bytes: Uint8Array): Result<ZipEntryInfo[]> {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // end of central directory: signature 0x06054b50, within the last 22 + 65535 bytes
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return fail('import.zip-unreadable');
  let count = dv.getUint16(eocd + 10, true);
  let offset = dv.getUint32(eocd + 16, true);
  // ZIP64: the locator just before the EOCD points to the ZIP64 end record
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && dv.getUint32(eocd - 20, true) === 0x07064b50) {
    const z64 = Number(dv.getBigUint64(eocd - 12, true));
    if (z64 + 56 > bytes.length || dv.getUint32(z64, true) !== 0x06064b50) return fail('import.zip-unreadable');
    count = Number(dv.getBigUint64(z64 + 32, true));
    offset = Number(dv.getBigUint64(z64 + 48, true));
  }
  const entries: ZipEntryInfo[] = [];
  let p = offset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || dv.getUint32(p, true) !== 0x02014b50) return fail('import.zip-unreadable');
    let compressedSize = dv.getUint32(p + 20, true);
    let uncompressedSize = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const name = decodeUtf8(bytes.subarray(p + 46, p + 46 + nameLen));
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff) {
      // ZIP64 extra field (id 1): the 64-bit sizes, uncompressed first
      let e = p + 46 + nameLen;
      const end = e + extraLen;
      while (e + 4 <= end) {
        const id = dv.getUint16(e, true);
        const size = dv.getUint16(e + 2, true);
        if (id === 1) {
          let q = e + 4;
          if (uncompressedSize === 0xffffffff && q + 8 <= e + 4 + size) {
            uncompressedSize = Number(dv.getBigUint64(q, true));
            q += 8;
          }
          if (compressedSize === 0xffffffff && q + 8 <= e + 4 + size) compressedSize = Number(dv.getBigUint64(q, true));
          break;
        }
        e += 4 + size;
      }
    }
    entries.push({ name, compressedSize, uncompressedSize });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return ok(entries);
}

/** Refuses a zip whose entries would inflate to more than the limit, or with an absurd ratio. */
export function checkZipSizes(entries: ZipEntryInfo[], limit = MAX_ZIP_UNCOMPRESSED_BYTES): Result<{ total: number }> {
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > 1024 * 1024 && ratio > MAX_ZIP_RATIO) {
      return fail('import.zip-too-large', { name: e.name, mb: Math.round(e.uncompressedSize / 1024 / 1024), limit_mb: Math.round(limit / 1024 / 1024), ratio: Math.round(ratio) });
    }
  }
  if (total > limit) return fail('import.zip-too-large', { mb: Math.round(total / 1024 / 1024), limit_mb: Math.round(limit / 1024 / 1024) });
  return ok({ total });
}

/** The coordinate system a .prj (ESRI WKT) names, when it is one Cavalier knows. */
export function crsFromPrj(prj: string): CrsCode | undefined {
  const s = prj.replace(/\s+/g, '');
  if (/AUTHORITY\["EPSG","2154"\]|Lambert[_-]?93|RGF93[_ ]?\/?[_ ]?Lambert/i.test(s)) return 'EPSG:2154';
  if (/AUTHORITY\["EPSG","27572"\]|NTF.*Lambert.*(II|2).*(etendu|extended|étendu)|Lambert_II_(etendu|extended)|Lambert_Zone_II\b/i.test(s)) return 'EPSG:27572';
  if (!/^PROJCS/i.test(s) && /^GEOGCS\[.*(WGS_?1984|WGS84)/i.test(s)) return 'EPSG:4326';
  return undefined;
}

export interface ShapefileZip {
  /** the .shp's base name (several shapefiles in one zip: their features together) */
  name: string;
  fc: FeatureCollection<Geometry | null, GeoJsonProperties>;
  prj?: string;
  /** the system the .prj names, if known */
  crs?: CrsCode;
}

/** Reads a zipped shapefile (the first .shp and its .dbf/.prj/.cpg; others in the zip are added). */
export function readShapefileZip(input: Uint8Array, limit = MAX_ZIP_UNCOMPRESSED_BYTES): Result<ShapefileZip> {
  const listed = zipEntries(input);
  if (!listed.ok) return listed;
  const sized = checkZipSizes(listed.value, limit);
  if (!sized.ok) return sized;
  const wanted = /\.(shp|dbf|prj|cpg)$/i;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(input, { filter: (f) => !f.name.includes('__MACOSX') && wanted.test(f.name) });
  } catch {
    return fail('import.zip-unreadable');
  }
  // what was inflated must match what was declared (a lying header is a bomb too)
  let inflated = 0;
  for (const v of Object.values(files)) inflated += v.length;
  if (inflated > limit) return fail('import.zip-too-large', { mb: Math.round(inflated / 1024 / 1024), limit_mb: Math.round(limit / 1024 / 1024) });
  const lower = new Map(Object.entries(files).map(([k, v]) => [k.toLowerCase(), v]));
  const shps = [...lower.keys()].filter((k) => k.endsWith('.shp')).sort();
  if (shps.length === 0) return fail('import.no-shapefile');
  const features: Feature<Geometry | null, GeoJsonProperties>[] = [];
  let prj: string | undefined;
  try {
    for (const shpName of shps) {
      const base = shpName.slice(0, -4);
      const shp = lower.get(shpName)!;
      const dbf = lower.get(base + '.dbf');
      const cpg = lower.get(base + '.cpg');
      const thisPrj = lower.get(base + '.prj');
      if (thisPrj && prj === undefined) prj = decodeUtf8(thisPrj);
      const geoms = parseShp(shp, false) as (Geometry | null)[];
      const rows = dbf ? (parseDbf(dbf, cpg) as Record<string, unknown>[]) : [];
      geoms.forEach((g, i) => {
        // shpjs adds the record's bbox, in the file's system: dropped (the import computes its own)
        if (g && 'bbox' in g) delete g.bbox;
        features.push({ type: 'Feature', geometry: g ?? null, properties: (rows[i] as GeoJsonProperties) ?? {} });
      });
    }
  } catch {
    return fail('file.unreadable', { path: shps[0] });
  }
  const name = shps[0].split('/').pop()!.slice(0, -4);
  return ok({ name, fc: { type: 'FeatureCollection', features }, prj, crs: prj ? crsFromPrj(prj) : undefined });
}
