// Vertices keyed by their coordinates rounded to 1e-7° (OSM's precision), in an open-addressing
// hash table of typed arrays. It replaces a Map of "lon,lat" strings, which allocates a string per
// vertex and costs about a microsecond each: seconds at the millions of vertices of a regional network.

const KEY_SCALE = 1e7;

export class VertexTable {
  /** slot → vertex id + 1 (0: empty) */
  private slots: Int32Array;
  private mask: number;
  /** vertex id → rounded coordinates */
  private kx: Int32Array;
  private ky: Int32Array;
  size = 0;

  constructor(expected = 1024) {
    let cap = 1024;
    while (cap < expected * 2) cap *= 2;
    this.slots = new Int32Array(cap);
    this.mask = cap - 1;
    this.kx = new Int32Array(Math.max(16, expected));
    this.ky = new Int32Array(Math.max(16, expected));
  }

  /** The id of the vertex at (lon, lat), adding it if it is new; ids are dense, in insertion order. */
  add(lon: number, lat: number): number {
    // |lon| ≤ 180 → |x| ≤ 1.8e9 < 2³¹: the rounded coordinates fit Int32 exactly
    const x = Math.round(lon * KEY_SCALE);
    const y = Math.round(lat * KEY_SCALE);
    let s = hash(x, y) & this.mask;
    for (;;) {
      const v = this.slots[s];
      if (v === 0) break;
      if (this.kx[v - 1] === x && this.ky[v - 1] === y) return v - 1;
      s = (s + 1) & this.mask;
    }
    const id = this.size++;
    if (id === this.kx.length) this.growKeys();
    this.kx[id] = x;
    this.ky[id] = y;
    this.slots[s] = id + 1;
    // keep the load factor under 1/2 so that probes stay short
    if (this.size * 2 > this.slots.length) this.rehash();
    return id;
  }

  private growKeys(): void {
    const kx = new Int32Array(this.kx.length * 2);
    const ky = new Int32Array(this.ky.length * 2);
    kx.set(this.kx);
    ky.set(this.ky);
    this.kx = kx;
    this.ky = ky;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let s = hash(this.kx[id], this.ky[id]) & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = id + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

function hash(x: number, y: number): number {
  let h = Math.imul(x, 0x9e3779b1) ^ Math.imul(y ^ (y >>> 15), 0x85ebca77);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
