// Draws the app's icons (public/icons/*.png) from the favicon's design: two terrils and the
// orange line of a course, on the app's dark slate. Run once by hand (`npm run icons`) when the
// design changes; the PNGs are committed. No image library: the shapes are tested per pixel,
// 4 × 4 samples a pixel for smooth edges, and written as an RGBA PNG (data/steps/png.ts).
//
// - icon-192.png, icon-512.png: "any" purpose, rounded square as in the favicon;
// - icon-maskable-512.png: full-bleed background, the drawing inside the central 80 % safe zone
//   (https://web.dev/articles/maskable-icon: the launcher may cut everything outside a circle of
//   40 % radius);
// - apple-touch-icon.png (180 px): iOS rounds the corners itself, so full-bleed too.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePng } from './steps/png.ts';

type Rgb = [number, number, number];
const SLATE: Rgb = [0x2b, 0x30, 0x38];
const TERRIL_BACK: Rgb = [0x5b, 0x64, 0x70];
const TERRIL_FRONT: Rgb = [0x8a, 0x93, 0xa0];
const COURSE: Rgb = [0xe0, 0x7a, 0x2b];

/** the favicon's 40 × 40 drawing: which colour a point has (null: outside the icon) */
function favicon(x: number, y: number, fullBleed: boolean): Rgb | null {
  if (!fullBleed && !inRoundedRect(x, y, 0, 0, 40, 40, 9)) return null;
  if (y >= 30 && y <= 33 && x >= 4 - 1.5 && x <= 36 + 1.5 && inCapsule(x, y, 4, 36, 31.5, 1.5)) return COURSE;
  if (inTriangle(x, y, [13, 29], [22, 15], [33, 29])) return TERRIL_FRONT;
  if (inTriangle(x, y, [5, 29], [16, 11], [27, 29])) return TERRIL_BACK;
  return SLATE;
}

function inRoundedRect(x: number, y: number, x0: number, y0: number, w: number, h: number, r: number): boolean {
  if (x < x0 || y < y0 || x > x0 + w || y > y0 + h) return false;
  const cx = Math.min(Math.max(x, x0 + r), x0 + w - r);
  const cy = Math.min(Math.max(y, y0 + r), y0 + h - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function inCapsule(x: number, y: number, x0: number, x1: number, cy: number, r: number): boolean {
  const cx = Math.min(Math.max(x, x0), x1);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function inTriangle(x: number, y: number, a: [number, number], b: [number, number], c: [number, number]): boolean {
  const s = (p: [number, number], q: [number, number]) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  const d1 = s(a, b);
  const d2 = s(b, c);
  const d3 = s(c, a);
  return (d1 >= 0 && d2 >= 0 && d3 >= 0) || (d1 <= 0 && d2 <= 0 && d3 <= 0);
}

/** RGBA pixels of a size × size icon; `scale` < 1 shrinks the drawing about the centre (maskable safe zone) */
function render(size: number, fullBleed: boolean, scale = 1): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const N = 4;
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sj = 0; sj < N; sj++) {
        for (let si = 0; si < N; si++) {
          const u = ((i + (si + 0.5) / N) / size) * 40;
          const v = ((j + (sj + 0.5) / N) / size) * 40;
          // outside the shrunk drawing, the maskable icon is plain background
          const x = 20 + (u - 20) / scale;
          const y = 20 + (v - 20) / scale;
          const inside = x >= 0 && x <= 40 && y >= 0 && y <= 40;
          const c = inside ? favicon(x, y, fullBleed) : fullBleed ? SLATE : null;
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a++;
        }
      }
      const k = (j * size + i) * 4;
      if (a > 0) {
        px[k] = Math.round(r / a);
        px[k + 1] = Math.round(g / a);
        px[k + 2] = Math.round(b / a);
      }
      px[k + 3] = Math.round((a / (N * N)) * 255);
    }
  }
  return px;
}

const OUT = join(import.meta.dirname, '../public/icons');
const icons: [string, number, boolean, number][] = [
  ['icon-192.png', 192, false, 1],
  ['icon-512.png', 512, false, 1],
  ['icon-maskable-512.png', 512, true, 0.8],
  ['apple-touch-icon.png', 180, true, 0.9],
];
for (const [name, size, fullBleed, scale] of icons) {
  writeFileSync(join(OUT, name), encodePng(size, size, render(size, fullBleed, scale), 9));
  console.log(`public/icons/${name} (${size} px)`);
}
