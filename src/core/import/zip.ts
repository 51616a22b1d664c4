// Zipped shapefiles: the central directory says which entries there are and where; each wanted
// entry is then inflated as a stream (fflate's Inflate) with a running count of the bytes it
// produces, and the read stops with 'import.zip-too-large' as soon as that count passes the
// limit, or as soon as an entry inflates at an absurd ratio. No size written in the zip is
// trusted: a bomb lies in its headers (the EOCD entry count, the sizes of the central directory or
// of the local headers) precisely so that a check on them lets it through. The local header of
// each entry must name the same file with the same method as the central directory, so what is
// listed is what is inflated. The .shp/.dbf/.prj/.cpg are then parsed by shpjs (parseShp without
// its own reprojection: the .prj only names the system, and the layer import reprojects with the
// official proj4 definitions, as for any GeoJSON).

import { Inflate } from 'fflate';
import { parseDbf, parseShp } from 'shpjs';
import type { Feature, FeatureCollection, GeoJsonProperties, Geometry } from 'geojson';
import { fail, ok, type Result } from '../errors';
import type { CrsCode } from './crs';
import { decodeUtf8 } from '../gpx/encoding';

/** Bytes inflated in all above which a zip is refused. */
const MAX_ZIP_UNCOMPRESSED_BYTES = 500 * 1024 * 1024;
/**
 * Compression ratio above which a zip is refused, over what has been inflated so far (deflate
 * cannot exceed ~1032:1; real shapefiles stay far below). Over the whole zip, not per entry, so
 * that many entries each too small to judge are judged together.
 */
export const MAX_ZIP_RATIO = 1000;
/** The ratio is judged only past this many inflated bytes (a tiny .cpg may compress oddly). */
const RATIO_FLOOR_BYTES = 1024 * 1024;
/** Compressed bytes fed to the inflater at a time: the count overshoots the limit by at most ~1032 times this. */
const FEED_BYTES = 16 * 1024;

export interface ZipEntryInfo {
  name: string;
  /** 0 stored, 8 deflated */
  method: number;
  /** as the central directory declares them: used to bound the input read, never the output */
  compressedSize: number;
  uncompressedSize: number;
  /** where the entry's local header starts */
  localOffset: number;
}

/** True when the bytes start with a zip local file header ('PK\x03\x04'). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * The entries of a zip's central directory (no inflating). The records are walked one by one up
 * to the end record; the end record's entry counts are ignored: writers and readers disagree on
 * which of its two counts to read, and a bomb under-states them.
 */
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
  let cdStart = dv.getUint32(eocd + 16, true);
  let cdEnd = eocd;
  // ZIP64: the locator just before the EOCD points to the ZIP64 end record, which follows the
  // directory (whether or not the EOCD's own fields overflowed)
  if (eocd >= 20 && dv.getUint32(eocd - 20, true) === 0x07064b50) {
    const z64 = Number(dv.getBigUint64(eocd - 12, true));
    if (z64 + 56 > bytes.length || dv.getUint32(z64, true) !== 0x06064b50) return fail('import.zip-unreadable');
    cdStart = Number(dv.getBigUint64(z64 + 48, true));
    cdEnd = z64;
  }
  if (cdStart > cdEnd) return fail('import.zip-unreadable');
  const entries: ZipEntryInfo[] = [];
  let p = cdStart;
  while (p < cdEnd) {
    if (p + 46 > cdEnd || dv.getUint32(p, true) !== 0x02014b50) return fail('import.zip-unreadable');
    const method = dv.getUint16(p + 10, true);
    let compressedSize = dv.getUint32(p + 20, true);
    let uncompressedSize = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    let localOffset = dv.getUint32(p + 42, true);
    const next = p + 46 + nameLen + extraLen + commentLen;
    if (next > cdEnd) return fail('import.zip-unreadable');
    const name = decodeUtf8(bytes.subarray(p + 46, p + 46 + nameLen));
    // ZIP64 extra field (id 1): the 64-bit values, in this order, of those set to 0xffffffff
    let e = p + 46 + nameLen;
    const end = e + extraLen;
    while (e + 4 <= end) {
      const id = dv.getUint16(e, true);
      const size = dv.getUint16(e + 2, true);
      if (id === 1) {
        let q = e + 4;
        const take = (v: number): number => {
          if (v !== 0xffffffff || q + 8 > e + 4 + size) return v;
          const big = Number(dv.getBigUint64(q, true));
          q += 8;
          return big;
        };
        uncompressedSize = take(uncompressedSize);
        compressedSize = take(compressedSize);
        localOffset = take(localOffset);
        break;
      }
      e += 4 + size;
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localOffset });
    p = next;
  }
  return ok(entries);
}

/** What has been read and inflated so far, across the entries of one zip. */
interface Budget {
  limit: number;
  produced: number;
  fed: number;
}

class TooLarge {
  constructor(readonly detail: Record<string, string | number>) {}
}

/**
 * Inflates one entry, counting every byte produced against the budget. The input is bounded by
 * the central directory's compressed size (a deflate stream ends by itself; one cut short by a
 * lying size is unreadable); the output is bounded only by the count.
 */
function inflateEntry(bytes: Uint8Array, entry: ZipEntryInfo, budget: Budget): Result<Uint8Array> {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || dv.getUint32(at, true) !== 0x04034b50) return fail('import.zip-unreadable');
  const nameLen = dv.getUint16(at + 26, true);
  const extraLen = dv.getUint16(at + 28, true);
  const start = at + 30 + nameLen + extraLen;
  // a local header naming another file or method than the directory is a zip read two ways
  if (dv.getUint16(at + 8, true) !== entry.method || decodeUtf8(bytes.subarray(at + 30, at + 30 + nameLen)) !== entry.name) {
    return fail('import.zip-unreadable');
  }
  const end = start + entry.compressedSize;
  if (end > bytes.length) return fail('import.zip-unreadable');
  const name = entry.name.split('/').pop()!;
  let produced = 0;
  const count = (n: number): void => {
    produced += n;
    budget.produced += n;
    if (budget.produced > budget.limit) throw new TooLarge({ limit_mb: Math.round(budget.limit / 1024 / 1024), name });
    if (budget.produced > RATIO_FLOOR_BYTES && budget.produced > MAX_ZIP_RATIO * budget.fed) throw new TooLarge({ ratio_limit: MAX_ZIP_RATIO, name });
  };
  try {
    if (entry.method === 0) {
      budget.fed += end - start;
      count(end - start);
      return ok(bytes.slice(start, end));
    }
    if (entry.method !== 8) return fail('import.zip-unreadable');
    const chunks: Uint8Array[] = [];
    const inflater = new Inflate((chunk) => {
      count(chunk.length);
      chunks.push(chunk);
    });
    let p = start;
    do {
      const q = Math.min(p + FEED_BYTES, end);
      budget.fed += q - p;
      // the last push is final: a stream that has not ended by then throws (truncated)
      inflater.push(bytes.subarray(p, q), q === end);
      p = q;
    } while (p < end);
    const out = new Uint8Array(produced);
    let o = 0;
    for (const c of chunks) {
      out.set(c, o);
      o += c.length;
    }
    return ok(out);
  } catch (e) {
    if (e instanceof TooLarge) return fail('import.zip-too-large', e.detail);
    return fail('import.zip-unreadable');
  }
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
  const wanted = /\.(shp|dbf|prj|cpg)$/i;
  const budget: Budget = { limit, produced: 0, fed: 0 };
  const lower = new Map<string, Uint8Array>();
  for (const entry of listed.value) {
    if (entry.name.includes('__MACOSX') || !wanted.test(entry.name)) continue;
    const data = inflateEntry(input, entry, budget);
    if (!data.ok) return data;
    lower.set(entry.name.toLowerCase(), data.value);
  }
  const shps = [...lower.keys()].filter((k) => k.endsWith('.shp')).sort();
  if (shps.length === 0) return fail('import.no-shapefile');
  const features: Feature<Geometry | null, GeoJsonProperties>[] = [];
  let prj: string | undefined;
  try {
    for (const shpName of shps) {
      const base = shpName.slice(0, -4);
      const shp = lower.get(shpName)!;
      const dbf = lower.get(`${base}.dbf`);
      const cpg = lower.get(`${base}.cpg`);
      const thisPrj = lower.get(`${base}.prj`);
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

/** The KML of a KMZ (a zip whose main entry is doc.kml, else its first .kml), as text. */
export function readKmzText(input: Uint8Array, limit = MAX_ZIP_UNCOMPRESSED_BYTES): Result<string> {
  const listed = zipEntries(input);
  if (!listed.ok) return listed;
  const kmls = listed.value.filter((e) => !e.name.includes('__MACOSX') && /\.kml$/i.test(e.name));
  const entry = kmls.find((e) => e.name.toLowerCase() === 'doc.kml') ?? kmls[0];
  if (!entry) return fail('import.no-shapefile');
  const data = inflateEntry(input, entry, { limit, produced: 0, fed: 0 });
  if (!data.ok) return data;
  return ok(decodeUtf8(data.value));
}

/** What a zip holds for the layer import: a shapefile (.shp), a KMZ's KML, or neither. */
export function zipKind(input: Uint8Array): Result<'shapefile' | 'kmz'> {
  const listed = zipEntries(input);
  if (!listed.ok) return listed;
  const names = listed.value.filter((e) => !e.name.includes('__MACOSX')).map((e) => e.name.toLowerCase());
  if (names.some((n) => n.endsWith('.shp'))) return ok('shapefile');
  if (names.some((n) => n.endsWith('.kml'))) return ok('kmz');
  return fail('import.no-shapefile');
}
