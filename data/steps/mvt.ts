// Mapbox Vector Tile encoding of geojson-vt tiles, byte for byte what vt-pbf's fromGeojsonVt
// writes of getTile's tile (the test compares both on real tiles), from getTileRaw's tile: the
// index's own flat integer arrays, where getTile builds an [x, y] array for every vertex and
// vt-pbf then a Point object for each and two objects for every feature. The integers go
// straight into one reused buffer. Spec:
// https://github.com/mapbox/vector-tile-spec/tree/master/2.1 (fields: tile.layers 3; layer
// version 15, name 1, features 2, keys 3, values 4, extent 5; feature id 1, tags 2, type 3,
// geometry 4; value string 1, double 3, uint 5, sint 6, bool 7).

import { ByteWriter } from './bytes.ts';

type Flat = ArrayLike<number>;

/**
 * A feature of geojson-vt's getTileRaw, in tile units: 1 points (flat x, y, x, y…), 2 lines and
 * 3 polygons (a flat array per ring), 4 a single point.
 */
export type VtFeature = { tags?: Record<string, unknown> | null; id?: unknown } & (
  | { type: 1; geometry: Flat }
  | { type: 2 | 3; geometry: readonly Flat[] }
  | { type: 4; x: number; y: number }
);

const encoder = new TextEncoder();
const utf8 = new Map<string, Uint8Array>();

/** The tile's buffer, reused from tile to tile (its first bytes are the last tile's), with protobuf's fields. */
class Bytes extends ByteWriter {
  double(v: number): void {
    this.reserve(8);
    new DataView(this.buf.buffer, this.buf.byteOffset + this.pos, 8).setFloat64(0, v, true);
    this.pos += 8;
  }

  /** Starts a length-delimited field: one byte kept for its length; close() with what this returns. */
  open(tag: number): number {
    this.varint((tag << 3) | 2);
    this.reserve(1);
    return ++this.pos;
  }

  /** Ends the field opened at `start`: the length written before it, the body moved when it needs more bytes. */
  close(start: number): void {
    const len = this.pos - start;
    const extra = len < 0x80 ? 0 : len < 0x4000 ? 1 : len < 0x200000 ? 2 : len < 0x10000000 ? 3 : 4;
    if (extra) {
      this.reserve(extra);
      this.buf.copyWithin(start + extra, start, this.pos);
      this.pos += extra;
    }
    // the length in the bytes kept for it (no grow here: it would copy only up to the length)
    put(this.buf, start - 1, len);
  }

  /** A string field, its UTF-8 bytes encoded once for every tile. */
  string(tag: number, s: string): void {
    let bytes = utf8.get(s);
    if (!bytes) {
      bytes = encoder.encode(s);
      if (utf8.size > 100_000) utf8.clear();
      utf8.set(s, bytes);
    }
    this.varint((tag << 3) | 2);
    this.varint(bytes.length);
    this.bytes(bytes);
  }
}

/** An unsigned 32-bit varint at `pos` of a buffer with room for it; the position after it. */
function put(buf: Uint8Array, pos: number, v: number): number {
  while (v > 0x7f) {
    buf[pos++] = (v & 0x7f) | 0x80;
    v >>>= 7;
  }
  buf[pos++] = v;
  return pos;
}

function writeGeometry(b: Bytes, f: VtFeature): void {
  // points: one MoveTo with every point; lines and rings: MoveTo, LineTo count, ClosePath for rings
  const rings: readonly Flat[] = f.type === 4 ? [[f.x, f.y]] : f.type === 1 ? [f.geometry] : f.geometry;
  const points = f.type === 1 || f.type === 4;
  let x = 0;
  let y = 0;
  for (const ring of rings) {
    const n = ring.length >> 1;
    // room for the whole ring at once: two varints of at most 5 bytes a vertex, three commands
    b.reserve(n * 10 + 15);
    const buf = b.buf;
    let pos = put(buf, b.pos, ((points ? n : 1) << 3) | 1);
    const count = f.type === 3 ? n - 1 : n;
    for (let i = 0; i < count; i++) {
      if (i === 1 && !points) pos = put(buf, pos, ((count - 1) << 3) | 2);
      const dx = ring[2 * i] - x;
      const dy = ring[2 * i + 1] - y;
      // zigzag of a 32-bit integer, as an unsigned value for the varint
      pos = put(buf, pos, ((dx << 1) ^ (dx >> 31)) >>> 0);
      pos = put(buf, pos, ((dy << 1) ^ (dy >> 31)) >>> 0);
      x += dx;
      y += dy;
    }
    if (f.type === 3) pos = put(buf, pos, (1 << 3) | 7);
    b.pos = pos;
  }
}

function writeValue(b: Bytes, value: unknown): void {
  if (typeof value === 'string') {
    b.string(1, value);
  } else if (typeof value === 'boolean') {
    b.varint(7 << 3);
    b.varint(value ? 1 : 0);
  } else if (typeof value === 'number') {
    if (value % 1 !== 0) {
      b.varint((3 << 3) | 1);
      b.double(value);
    } else if (value < 0) {
      b.varint(6 << 3);
      b.varint(-value * 2 - 1);
    } else {
      b.varint(5 << 3);
      b.varint(value);
    }
  }
}

function writeLayer(b: Bytes, name: string, features: readonly VtFeature[], version: number, extent: number): void {
  b.varint(15 << 3);
  b.varint(version);
  b.string(1, name);
  b.varint(5 << 3);
  b.varint(extent);
  const keys: string[] = [];
  const keyIndex = new Map<string, number>();
  const values: unknown[] = [];
  // vt-pbf's value cache is keyed by type and value: strings apart from numbers and booleans
  const stringIndex = new Map<string, number>();
  const otherIndex = new Map<string, number>();
  for (const f of features) {
    const feature = b.open(2);
    if (typeof f.id === 'number') {
      b.varint(1 << 3);
      b.varint(f.id);
    }
    const tags = b.open(2);
    for (const key in f.tags) {
      let value = f.tags[key];
      if (value === null) continue;
      let k = keyIndex.get(key);
      if (k === undefined) {
        k = keys.push(key) - 1;
        keyIndex.set(key, k);
      }
      b.varint(k);
      let v: number | undefined;
      if (typeof value === 'string') {
        v = stringIndex.get(value);
        if (v === undefined) {
          v = values.push(value) - 1;
          stringIndex.set(value, v);
        }
      } else {
        const type = typeof value;
        if (type !== 'boolean' && type !== 'number') value = JSON.stringify(value);
        const cacheKey = `${type}:${value}`;
        v = otherIndex.get(cacheKey);
        if (v === undefined) {
          v = values.push(value) - 1;
          otherIndex.set(cacheKey, v);
        }
      }
      b.varint(v);
    }
    b.close(tags);
    b.varint(3 << 3);
    b.varint(f.type === 4 ? 1 : f.type);
    const geometry = b.open(4);
    writeGeometry(b, f);
    b.close(geometry);
    b.close(feature);
  }
  for (const key of keys) b.string(3, key);
  for (const value of values) {
    const at = b.open(4);
    writeValue(b, value);
    b.close(at);
  }
}

const out = new Bytes(1 << 16);

/** The tile's layers (name → geojson-vt getTileRaw tile) as one MVT: vt-pbf's fromGeojsonVt bytes of getTile's tile. */
export function encodeTile(layers: Record<string, { features: readonly VtFeature[] }>, options: { version: number; extent: number }): Uint8Array {
  out.pos = 0;
  for (const name in layers) {
    const at = out.open(3);
    writeLayer(out, name, layers[name].features, options.version, options.extent);
    out.close(at);
  }
  return out.result();
}
