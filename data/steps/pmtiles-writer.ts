// A small PMTiles v3 writer (the `pmtiles` npm package only reads). Pure: bytes in, bytes out.
//
// Spec: https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md
// Layout written: 127-byte header | root directory | JSON metadata | leaf directories | tile data.
// - Tiles are addressed by their Hilbert tile id (zxyToTileId); directory entries are sorted by it.
// - Identical tile contents are stored once (dedupe by content); consecutive tile ids with the same
//   content become one entry with a run length.
// - Directories and metadata are gzip-compressed (internal compression 2); tile bytes are stored as
//   given, and `tileCompression` tells the reader what they are.
// - When the compressed root directory does not fit in the first 16 KiB with the header, entries go
//   to leaf directories and the root points at them (run length 0).
// - Tile data is written in tile-id order, so the archive is "clustered".

import { gzipSync } from 'fflate';
import { ByteWriter, concatBytes } from './bytes.ts';

/** header codes of the spec (§3) */
export const Compression = { Unknown: 0, None: 1, Gzip: 2 } as const;
export type Compression = (typeof Compression)[keyof typeof Compression];
export const TileType = { Unknown: 0, Mvt: 1 } as const;
export type TileType = (typeof TileType)[keyof typeof TileType];

const HEADER_BYTES = 127;
/** header + root directory must fit in the first 16 KiB */
const ROOT_LIMIT = 16384 - HEADER_BYTES;

export interface PMTilesHeaderOptions {
  tileType: TileType;
  tileCompression: Compression;
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north] in degrees */
  bounds: [number, number, number, number];
  center?: [number, number, number];
}

interface DirEntry {
  tileId: number;
  offset: number;
  length: number;
  /** 0 for a pointer to a leaf directory */
  runLength: number;
}

// ── tile ids ──────────────────────────────────────────────────────────────────

/** (4^z − 1) / 3: number of tiles of every zoom below z. Exact in doubles up to z 26. */
const tilesBelow = (z: number): number => (4 ** z - 1) / 3;

/** Hilbert-curve tile id of z/x/y (spec §2.3): the tiles of lower zooms, then the position on the curve. */
export function zxyToTileId(z: number, x: number, y: number): number {
  if (z > 26) throw new Error('PMTiles: zoom au-delà de 26 non pris en charge');
  const n = 2 ** z;
  if (x < 0 || y < 0 || x >= n || y >= n) throw new Error(`PMTiles: tuile ${z}/${x}/${y} hors de la grille`);
  let d = 0;
  let rx: number;
  let ry: number;
  for (let s = n / 2; s >= 1; s /= 2) {
    rx = (x & s) > 0 ? 1 : 0;
    ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    // rotate the quadrant
    if (ry === 0) {
      if (rx === 1) {
        x = s - 1 - (x & (s - 1));
        y = s - 1 - (y & (s - 1));
      }
      const t = x;
      x = y;
      y = t;
    }
    x &= s - 1;
    y &= s - 1;
  }
  return tilesBelow(z) + d;
}

// ── varints and directories ───────────────────────────────────────────────────

/** A directory number as an unsigned LEB128 varint: offsets and ids are safe non-negative integers. */
function varint(b: ByteWriter, v: number): void {
  if (!Number.isSafeInteger(v) || v < 0) throw new Error(`PMTiles: varint invalide ${v}`);
  b.varint(v);
}

/** Directory bytes before compression (spec §4): count, then the four columns. */
function serializeDirectory(entries: readonly DirEntry[]): Uint8Array {
  const b = new ByteWriter();
  varint(b, entries.length);
  let last = 0;
  for (const e of entries) {
    varint(b, e.tileId - last);
    last = e.tileId;
  }
  for (const e of entries) varint(b, e.runLength);
  for (const e of entries) varint(b, e.length);
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    const prev = entries[i - 1];
    // 0 means "right after the previous entry"; otherwise offset + 1
    if (i > 0 && e.offset === prev.offset + prev.length) varint(b, 0);
    else varint(b, e.offset + 1);
  }
  return b.result();
}

const gzip = (bytes: Uint8Array): Uint8Array => gzipSync(bytes, { level: 9, mtime: 0 });

/**
 * Root and leaf directories for entries sorted by tile id. The root alone when it fits in 16 KiB
 * with the header; otherwise leaves of `leafSize` entries (doubled until the root fits).
 */
function buildDirectories(entries: readonly DirEntry[]): { root: Uint8Array; leaves: Uint8Array; leafCount: number } {
  const root = gzip(serializeDirectory(entries));
  if (root.length <= ROOT_LIMIT) return { root, leaves: new Uint8Array(0), leafCount: 0 };
  for (let leafSize = 4096; ; leafSize *= 2) {
    const rootEntries: DirEntry[] = [];
    const parts: Uint8Array[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += leafSize) {
      const leaf = gzip(serializeDirectory(entries.slice(i, i + leafSize)));
      rootEntries.push({ tileId: entries[i].tileId, offset, length: leaf.length, runLength: 0 });
      parts.push(leaf);
      offset += leaf.length;
    }
    const r = gzip(serializeDirectory(rootEntries));
    if (r.length <= ROOT_LIMIT) return { root: r, leaves: concatBytes(parts, offset), leafCount: parts.length };
  }
}

// ── the writer ────────────────────────────────────────────────────────────────

/** 32-bit FNV-1a: a cheap key for finding identical tiles (bytes are compared on a hit). */
function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export interface PMTilesStats {
  addressedTiles: number;
  tileEntries: number;
  tileContents: number;
  leafDirectories: number;
  bytes: number;
}

/**
 * Collects tiles (in any order) and writes one archive.
 *
 *   const w = new PMTilesWriter();
 *   w.addTile(z, x, y, bytes);
 *   const archive = w.finish(header, metadata);
 */
export class PMTilesWriter {
  private tiles = new Map<number, Uint8Array>();

  addTile(z: number, x: number, y: number, bytes: Uint8Array): void {
    const id = zxyToTileId(z, x, y);
    if (this.tiles.has(id)) throw new Error(`PMTiles: tuile ${z}/${x}/${y} ajoutée deux fois`);
    this.tiles.set(id, bytes);
  }

  get size(): number {
    return this.tiles.size;
  }

  finish(options: PMTilesHeaderOptions, metadata: Record<string, unknown>): { bytes: Uint8Array; stats: PMTilesStats } {
    const ids = [...this.tiles.keys()].sort((a, b) => a - b);
    const entries: DirEntry[] = [];
    const data: Uint8Array[] = [];
    let dataLength = 0;
    // content hash → [offset, bytes] of the contents already written
    const seen = new Map<number, { offset: number; bytes: Uint8Array }[]>();
    let contents = 0;
    for (const id of ids) {
      const bytes = this.tiles.get(id)!;
      const h = fnv1a(bytes);
      const bucket = seen.get(h);
      const hit = bucket?.find((c) => sameBytes(c.bytes, bytes));
      let offset: number;
      if (hit) offset = hit.offset;
      else {
        offset = dataLength;
        data.push(bytes);
        dataLength += bytes.length;
        contents++;
        if (bucket) bucket.push({ offset, bytes });
        else seen.set(h, [{ offset, bytes }]);
      }
      const last = entries[entries.length - 1];
      if (last && last.offset === offset && last.tileId + last.runLength === id) last.runLength++;
      else entries.push({ tileId: id, offset, length: bytes.length, runLength: 1 });
    }

    const { root, leaves, leafCount } = buildDirectories(entries);
    const meta = gzip(new TextEncoder().encode(JSON.stringify(metadata)));

    const rootOffset = HEADER_BYTES;
    const metaOffset = rootOffset + root.length;
    const leavesOffset = metaOffset + meta.length;
    const dataOffset = leavesOffset + leaves.length;
    const total = dataOffset + dataLength;

    const out = new Uint8Array(total);
    const view = new DataView(out.buffer);
    const u64 = (at: number, v: number) => view.setBigUint64(at, BigInt(v), true);
    const i32 = (at: number, v: number) => view.setInt32(at, Math.round(v * 1e7), true);
    out.set(new TextEncoder().encode('PMTiles'), 0);
    out[7] = 3;
    u64(8, rootOffset);
    u64(16, root.length);
    u64(24, metaOffset);
    u64(32, meta.length);
    u64(40, leavesOffset);
    u64(48, leaves.length);
    u64(56, dataOffset);
    u64(64, dataLength);
    u64(72, ids.length);
    u64(80, entries.length);
    u64(88, contents);
    out[96] = 1; // clustered: tile data in tile-id order
    out[97] = Compression.Gzip;
    out[98] = options.tileCompression;
    out[99] = options.tileType;
    out[100] = options.minZoom;
    out[101] = options.maxZoom;
    const [w, s, e, n] = options.bounds;
    i32(102, w);
    i32(106, s);
    i32(110, e);
    i32(114, n);
    const center = options.center ?? [(w + e) / 2, (s + n) / 2, options.minZoom];
    out[118] = center[2];
    i32(119, center[0]);
    i32(123, center[1]);

    out.set(root, rootOffset);
    out.set(meta, metaOffset);
    out.set(leaves, leavesOffset);
    let o = dataOffset;
    for (const d of data) {
      out.set(d, o);
      o += d.length;
    }
    return {
      bytes: out,
      stats: { addressedTiles: ids.length, tileEntries: entries.length, tileContents: contents, leafDirectories: leafCount, bytes: total },
    };
  }
}
