// Terrarium tiles made by hand for the terrain-tile tests: RGBA arrays of a known elevation
// function, and a decoder for what the pipeline's PNG encoder writes (data/steps/png.ts).
import { unzlibSync } from 'fflate';
import type { DecodedTile } from '../../src/core/elevation/terrain-tiles';

export { encodePng } from '../../data/steps/png';

/** R, G, B of an elevation (R·256 + G + B/256 − 32768). */
export function encodeTerrarium(v: number): [number, number, number] {
  const u = v + 32768;
  const whole = Math.floor(u);
  let b = Math.round((u - whole) * 256);
  let w = whole;
  if (b === 256) {
    b = 0;
    w += 1;
  }
  return [Math.floor(w / 256), w % 256, b];
}

/** A tile whose pixel (px, py) holds f(global pixel centre X, Y), X = x·size + px + 0.5. */
export function tileOf(x: number, y: number, f: (X: number, Y: number) => number, size = 256): DecodedTile {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const [r, g, b] = encodeTerrarium(f(x * size + px + 0.5, y * size + py + 0.5));
      const k = 4 * (py * size + px);
      rgba[k] = r;
      rgba[k + 1] = g;
      rgba[k + 2] = b;
      rgba[k + 3] = 255;
    }
  }
  return { x, y, size, rgba };
}

/** Decodes what encodePng wrote (RGBA 8-bit, filter 0 only): the node stand-in for createImageBitmap. */
export function decodePng(bytes: Uint8Array): { width: number; height: number; data: Uint8Array } {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let o = 8;
  let width = 0;
  let height = 0;
  const idat: Uint8Array[] = [];
  while (o < bytes.length) {
    const len = dv.getUint32(o);
    const type = String.fromCharCode(...bytes.subarray(o + 4, o + 8));
    const data = bytes.subarray(o + 8, o + 8 + len);
    if (type === 'IHDR') {
      width = dv.getUint32(o + 8);
      height = dv.getUint32(o + 12);
    } else if (type === 'IDAT') idat.push(data);
    o += 12 + len;
  }
  const z = new Uint8Array(idat.reduce((n, p) => n + p.length, 0));
  let p = 0;
  for (const d of idat) {
    z.set(d, p);
    p += d.length;
  }
  const raw = unzlibSync(z);
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    if (raw[y * (1 + 4 * width)] !== 0) throw new Error('filter not supported by the test decoder');
    data.set(raw.subarray(y * (1 + 4 * width) + 1, (y + 1) * (1 + 4 * width)), y * 4 * width);
  }
  return { width, height, data };
}
