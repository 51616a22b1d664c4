// Writes tiny shapefiles by hand (.shp, .shx, .dbf: the ESRI whitepaper's layouts) for the
// zipped-shapefile tests: points (type 1), polylines (type 3) or polygons (type 5, the polyline's
// layout with closed rings, outer rings clockwise), with text attributes; and zips
// written by hand, whose headers may lie.

import { deflateSync } from 'fflate';
import { concatBytes } from '../../data/steps/bytes';

type XY = [number, number];
export type ShapeRecord = { type: 'point'; xy: XY } | { type: 'polyline' | 'polygon'; parts: XY[][] };

function bboxOf(points: XY[]): [number, number, number, number] {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function content(r: ShapeRecord): Uint8Array {
  if (r.type === 'point') {
    const b = new DataView(new ArrayBuffer(20));
    b.setInt32(0, 1, true);
    b.setFloat64(4, r.xy[0], true);
    b.setFloat64(12, r.xy[1], true);
    return new Uint8Array(b.buffer);
  }
  const pts = r.parts.flat();
  const b = new DataView(new ArrayBuffer(44 + 4 * r.parts.length + 16 * pts.length));
  b.setInt32(0, r.type === 'polygon' ? 5 : 3, true);
  bboxOf(pts).forEach((v, i) => b.setFloat64(4 + 8 * i, v, true));
  b.setInt32(36, r.parts.length, true);
  b.setInt32(40, pts.length, true);
  let start = 0;
  r.parts.forEach((p, i) => {
    b.setInt32(44 + 4 * i, start, true);
    start += p.length;
  });
  const o = 44 + 4 * r.parts.length;
  pts.forEach((p, i) => {
    b.setFloat64(o + 16 * i, p[0], true);
    b.setFloat64(o + 16 * i + 8, p[1], true);
  });
  return new Uint8Array(b.buffer);
}

function header(shapeType: number, lengthBytes: number, bbox: number[]): Uint8Array {
  const h = new DataView(new ArrayBuffer(100));
  h.setInt32(0, 9994, false);
  h.setInt32(24, lengthBytes / 2, false);
  h.setInt32(28, 1000, true);
  h.setInt32(32, shapeType, true);
  bbox.forEach((v, i) => h.setFloat64(36 + 8 * i, v, true));
  return new Uint8Array(h.buffer);
}

/** .shp and .shx of records all of one type. */
export function writeShp(records: ShapeRecord[]): { shp: Uint8Array; shx: Uint8Array } {
  const shapeType = records[0].type === 'point' ? 1 : records[0].type === 'polygon' ? 5 : 3;
  const all = records.flatMap((r) => (r.type === 'point' ? [r.xy] : r.parts.flat()));
  const bbox = bboxOf(all);
  const bodies: Uint8Array[] = [];
  const index: Uint8Array[] = [];
  let offset = 100;
  records.forEach((r, i) => {
    const c = content(r);
    const rh = new DataView(new ArrayBuffer(8));
    rh.setInt32(0, i + 1, false);
    rh.setInt32(4, c.length / 2, false);
    bodies.push(new Uint8Array(rh.buffer), c);
    const ix = new DataView(new ArrayBuffer(8));
    ix.setInt32(0, offset / 2, false);
    ix.setInt32(4, c.length / 2, false);
    index.push(new Uint8Array(ix.buffer));
    offset += 8 + c.length;
  });
  return { shp: concatBytes([header(shapeType, offset, bbox), ...bodies]), shx: concatBytes([header(shapeType, 100 + 8 * records.length, bbox), ...index]) };
}

/** A .dbf of character fields (width 50). */
export function writeDbf(fields: string[], rows: Record<string, string>[]): Uint8Array {
  const width = 50;
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + width * fields.length;
  const b = new Uint8Array(headerLength + recordLength * rows.length + 1);
  const dv = new DataView(b.buffer);
  b[0] = 0x03;
  b[1] = 126;
  b[2] = 1;
  b[3] = 1;
  dv.setUint32(4, rows.length, true);
  dv.setUint16(8, headerLength, true);
  dv.setUint16(10, recordLength, true);
  const enc = new TextEncoder();
  fields.forEach((f, i) => {
    const o = 32 + 32 * i;
    b.set(enc.encode(f.slice(0, 10)), o);
    b[o + 11] = 'C'.charCodeAt(0);
    b[o + 16] = width;
  });
  b[headerLength - 1] = 0x0d;
  rows.forEach((row, r) => {
    const o = headerLength + recordLength * r;
    b[o] = 0x20;
    fields.forEach((f, i) => {
      const v = enc.encode((row[f] ?? '').padEnd(width, ' ')).subarray(0, width);
      b.set(v, o + 1 + width * i);
    });
  });
  b[b.length - 1] = 0x1a;
  return b;
}

export const PRJ_LAMBERT_93 =
  'PROJCS["RGF93_Lambert_93",GEOGCS["GCS_RGF_1993",DATUM["D_RGF_1993",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic"],PARAMETER["False_Easting",700000.0],PARAMETER["False_Northing",6600000.0],PARAMETER["Central_Meridian",3.0],PARAMETER["Standard_Parallel_1",49.0],PARAMETER["Standard_Parallel_2",44.0],PARAMETER["Latitude_Of_Origin",46.5],UNIT["Meter",1.0]]';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** by content array: the bomb tests give thousands of entries the same megabytes */
const crcs = new WeakMap<Uint8Array, number>();

function crc32(data: Uint8Array): number {
  let c = crcs.get(data);
  if (c !== undefined) return c;
  c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  c = (c ^ 0xffffffff) >>> 0;
  crcs.set(data, c);
  return c;
}

/** One entry of a zip written by hand; what its headers declare may differ from what it holds. */
export interface ZipEntrySpec {
  name: string;
  /** the entry's content */
  data: Uint8Array;
  /** its stored bytes, when already deflated (to share one deflate stream between many entries) */
  deflated?: Uint8Array;
  /** 0 stored, 8 deflated (default) */
  method?: 0 | 8;
  /** what the central directory declares instead of the truth */
  central?: { name?: string; method?: number; compressedSize?: number; uncompressedSize?: number };
  /** what the local header declares instead of the truth */
  local?: { name?: string; method?: number; compressedSize?: number; uncompressedSize?: number };
}

/**
 * A zip written byte by byte (PKWARE APPNOTE 4.3.7, 4.3.12, 4.3.16), so that tests can make its
 * headers lie: the end record's two entry counts ('onDisk' is the one fflate reads, 'total' the
 * other), and each entry's names, methods and sizes in its local header and central directory.
 */
export function writeZip(entries: ZipEntrySpec[], counts: { onDisk?: number; total?: number } = {}): Uint8Array {
  const enc = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const method = e.method ?? 8;
    const stored = method === 8 ? (e.deflated ?? deflateSync(e.data, { level: 9 })) : e.data;
    const crc = crc32(e.data);
    const header = (kind: 'local' | 'central') => {
      const over = (kind === 'local' ? e.local : e.central) ?? {};
      const name = enc.encode(over.name ?? e.name);
      const size = kind === 'local' ? 30 : 46;
      const h = new Uint8Array(size + name.length);
      const dv = new DataView(h.buffer);
      const at = kind === 'local' ? 4 : 6; // the central record has "version made by" first
      dv.setUint32(0, kind === 'local' ? 0x04034b50 : 0x02014b50, true);
      if (kind === 'central') dv.setUint16(4, 20, true);
      dv.setUint16(at, 20, true);
      dv.setUint16(at + 2, 0x0800, true); // names in UTF-8
      dv.setUint16(at + 4, over.method ?? method, true);
      dv.setUint32(at + 10, crc, true);
      dv.setUint32(at + 14, over.compressedSize ?? stored.length, true);
      dv.setUint32(at + 18, over.uncompressedSize ?? e.data.length, true);
      dv.setUint16(at + 22, name.length, true);
      if (kind === 'central') dv.setUint32(42, offset, true);
      h.set(name, size);
      return h;
    };
    const local = header('local');
    centrals.push(header('central'));
    locals.push(local, stored);
    offset += local.length + stored.length;
  }
  const cd = concatBytes(centrals);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, counts.onDisk ?? entries.length, true);
  end.setUint16(10, counts.total ?? entries.length, true);
  end.setUint32(12, cd.length, true);
  end.setUint32(16, offset, true);
  return concatBytes([...locals, cd, new Uint8Array(end.buffer)]);
}

/** A square ring from its south-west corner, clockwise (a shapefile's outer ring), closed. */
export function squareRing(west: number, south: number, size: number): XY[] {
  return [
    [west, south],
    [west, south + size],
    [west + size, south + size],
    [west + size, south],
    [west, south],
  ];
}
