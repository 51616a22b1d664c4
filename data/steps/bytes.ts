// Bytes for the binary formats the pipeline writes: byte arrays laid end to end (the PMTiles
// writer, and the test helpers that write binary fixtures: shapefiles, PNG tiles), and one growable
// buffer with varints (the PMTiles directories, the vector tiles of mvt.ts).
export function concatBytes(parts: readonly Uint8Array[], total = parts.reduce((s, p) => s + p.length, 0)): Uint8Array {
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** A growable byte buffer with varints (unsigned LEB128, as PMTiles and protobuf write them). */
export class ByteWriter {
  buf: Uint8Array;
  pos = 0;

  constructor(size = 1024) {
    this.buf = new Uint8Array(size);
  }

  /** Room for n more bytes at pos. */
  reserve(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  /** An integer as a varint; a negative one as its 64-bit two's complement, as protobuf's int64. */
  varint(v: number): void {
    this.reserve(10);
    if (v >= 0 && v <= 0xfffffff) {
      // the common case: 1–4 bytes
      while (v > 0x7f) {
        this.buf[this.pos++] = (v & 0x7f) | 0x80;
        v >>>= 7;
      }
      this.buf[this.pos++] = v;
      return;
    }
    let big = BigInt.asUintN(64, BigInt(Math.trunc(v)));
    while (big > 0x7fn) {
      this.buf[this.pos++] = Number(big & 0x7fn) | 0x80;
      big >>= 7n;
    }
    this.buf[this.pos++] = Number(big);
  }

  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** A copy of what was written. */
  result(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }
}
