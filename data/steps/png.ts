// A minimal PNG encoder: 8-bit RGBA, filter 0 on every row, zlib by fflate
// (http://www.libpng.org/pub/png/spec/1.2/PNG-Chunks.html). The app's icons (data/icons.ts) and the
// terrain-tile test fixtures (test/helpers/terrarium.ts) are written with it.
import { zlibSync } from 'fflate';
import { concatBytes } from './bytes.ts';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, data.length);
  const td = new Uint8Array(4 + data.length);
  td.set([...type].map((c) => c.charCodeAt(0)));
  td.set(data, 4);
  out.set(td, 4);
  dv.setUint32(8 + data.length, crc32(td));
  return out;
}

/** PNG bytes of an RGBA image (`level`: zlib's, 0–9). */
export function encodePng(width: number, height: number, rgba: ArrayLike<number>, level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 6): Uint8Array {
  const raw = new Uint8Array(height * (1 + 4 * width));
  for (let y = 0; y < height; y++) {
    raw[y * (1 + 4 * width)] = 0;
    for (let k = 0; k < 4 * width; k++) raw[y * (1 + 4 * width) + 1 + k] = rgba[y * 4 * width + k];
  }
  const ihdr = new Uint8Array(13);
  const dv = new DataView(ihdr.buffer);
  dv.setUint32(0, width);
  dv.setUint32(4, height);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const parts = [
    new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlibSync(raw, { level })),
    chunk('IEND', new Uint8Array()),
  ];
  return concatBytes(parts);
}
