// A synthetic regional path network around the Bassin Minier, for the scale tests and benchmarks.
//
// A plain grid flatters A* (the straight line is almost always nearly walkable), so this one is
// built like an OSM extract of paths and tracks:
// - junctions on a jittered triangulated grid (planar, Delaunay-like), warped by monotone maps
//   (large-scale bands of density, and radial pulls towards ~45 "towns"), so blocks are small in
//   towns and large in the fields;
// - about half the links removed, with a keep rate that varies in space: varied degrees, dead ends,
//   long detours, and long chains of degree-2 vertices once ways are joined;
// - holes (lakes, quarries, fenced sites) with no paths at all;
// - barriers (canals, motorways, railways) crossed only at sparse bridges, which is what makes a
//   10 km leg wander far from the straight line;
// - every link drawn as a wiggly polyline with shape points every ~40 m;
// - links chained into "ways" of a few links each with a kind and sometimes a name, ending
//   anywhere (at junctions or mid-chain, as OSM ways do), sharing their junction vertices exactly;
// - short dead-end spurs that may pass over other ways without a junction (bridges, tunnels).
// The output is NetworkLine[] for buildGraph with noding 'shared-vertices'.
import type { NetworkLine } from '../../src/core/graph/build';
import { EdgeKind } from '../../src/core/graph/graph';
import { mulberry32 } from '../../src/core/graph/random';

export interface SyntheticOptions {
  /** roughly the number of edges of the compacted graph (±10 %) */
  targetEdges?: number;
  seed?: number;
  /** [west, south, east, north]; the basin and around it by default */
  bbox?: [number, number, number, number];
}

export const BASIN_BBOX: [number, number, number, number] = [2.2, 50.1, 3.8, 50.8];

/** Compacted edges per grid junction, measured on this generator (used to size the grid). */
const EDGES_PER_GRID_POINT = 1.37;

export { mulberry32 };

interface Barrier {
  /** horizontal-ish (y = f(x)) or vertical-ish (x = f(y)) */
  horizontal: boolean;
  base: number;
  amp: number;
  freq: number;
  phase: number;
  slope: number;
  /** bridges: positions along the barrier's axis (km) */
  bridges: number[];
}

const barrierAt = (b: Barrier, t: number) => b.base + b.slope * t + b.amp * Math.sin(b.freq * t + b.phase);

export function syntheticNetwork(options: SyntheticOptions = {}): NetworkLine[] {
  const target = options.targetEdges ?? 500_000;
  const rnd = mulberry32(options.seed ?? 1);
  const [west, south, east, north] = options.bbox ?? BASIN_BBOX;
  const lat0 = (south + north) / 2;
  const kmLat = 111.2;
  const kmLon = 111.32 * Math.cos((lat0 * Math.PI) / 180);
  const W = (east - west) * kmLon;
  const H = (north - south) * kmLat;

  // grid sized so that the compacted graph has about `target` edges
  const points = target / EDGES_PER_GRID_POINT;
  const s = Math.sqrt((W * H) / points);
  const nx = Math.max(3, Math.round(W / s));
  const ny = Math.max(3, Math.round(H / s));
  const sx = W / nx;
  const sy = H / ny;
  const N = (nx + 1) * (ny + 1);
  const id = (i: number, j: number) => j * (nx + 1) + i;

  // 1. Junctions: jittered grid, then radial warps towards towns (each warp r → r(1 - a·e^(-r²/R²))
  //    with a < 1 is monotone in r, so the triangulation stays planar).
  const px = new Float64Array(N);
  const py = new Float64Array(N);
  for (let j = 0; j <= ny; j++)
    for (let i = 0; i <= nx; i++) {
      const edge = i === 0 || j === 0 || i === nx || j === ny;
      px[id(i, j)] = (i + (edge ? 0 : (rnd() - 0.5) * 0.6)) * sx;
      py[id(i, j)] = (j + (edge ? 0 : (rnd() - 0.5) * 0.6)) * sy;
    }
  // large-scale density contrast: monotone warps of each axis (slope between 0.15 and 1.85, ends
  // fixed), so blocks are up to ~10× larger in some bands than in others
  const warp = (v: number, span: number, sign: number) =>
    v + (span / (12 * Math.PI)) * Math.sin((6 * Math.PI * v) / span) + sign * ((0.35 * span) / (14 * Math.PI)) * Math.sin((14 * Math.PI * v) / span);
  const signX = rnd() < 0.5 ? 1 : -1;
  const signY = rnd() < 0.5 ? 1 : -1;
  for (let n = 0; n < N; n++) {
    px[n] = warp(px[n], W, signX);
    py[n] = warp(py[n], H, signY);
  }
  const towns = Array.from({ length: 45 }, () => ({ x: rnd() * W, y: rnd() * H, R: 1.5 + rnd() * 4, a: 0.45 + rnd() * 0.4 }));
  for (const t of towns)
    for (let n = 0; n < N; n++) {
      const dx = px[n] - t.x;
      const dy = py[n] - t.y;
      const g = 1 - t.a * Math.exp(-(dx * dx + dy * dy) / (t.R * t.R));
      px[n] = t.x + dx * g;
      py[n] = t.y + dy * g;
    }

  // 2. Holes and barriers.
  const holes = Array.from({ length: 60 }, () => ({ x: rnd() * W, y: rnd() * H, rx: 0.4 + rnd() * 2.5, ry: 0.4 + rnd() * 2.5 }));
  // holes and keep rates are looked up in rasters (cell RASTER_KM): per-point loops over every hole
  // and town cost seconds at 500k edges
  const RASTER_KM = 0.1;
  const rw = Math.ceil(W / RASTER_KM) + 1;
  const rh = Math.ceil(H / RASTER_KM) + 1;
  const cell = (x: number, y: number) =>
    Math.min(rh - 1, Math.max(0, Math.round(y / RASTER_KM))) * rw + Math.min(rw - 1, Math.max(0, Math.round(x / RASTER_KM)));
  const holeMask = new Uint8Array(rw * rh);
  for (const h of holes)
    for (let j = Math.max(0, Math.floor((h.y - h.ry) / RASTER_KM)); j <= Math.min(rh - 1, Math.ceil((h.y + h.ry) / RASTER_KM)); j++)
      for (let i = Math.max(0, Math.floor((h.x - h.rx) / RASTER_KM)); i <= Math.min(rw - 1, Math.ceil((h.x + h.rx) / RASTER_KM)); i++)
        if (((i * RASTER_KM - h.x) / h.rx) ** 2 + ((j * RASTER_KM - h.y) / h.ry) ** 2 < 1) holeMask[j * rw + i] = 1;
  const inHole = (x: number, y: number) => holeMask[cell(x, y)] === 1;
  const barriers: Barrier[] = Array.from({ length: 10 }, (_, k) => {
    const horizontal = k % 2 === 0;
    const span = horizontal ? W : H;
    const across = horizontal ? H : W;
    const bridges: number[] = [];
    for (let t = rnd() * 3; t < span; t += 1.5 + rnd() * 3.5) bridges.push(t);
    return {
      horizontal,
      base: across * (0.1 + 0.8 * rnd()),
      amp: 1 + rnd() * 4,
      freq: (2 * Math.PI) / (8 + rnd() * 30),
      phase: rnd() * 6.3,
      slope: (rnd() - 0.5) * 0.3,
      bridges,
    };
  });
  const side = (b: Barrier, x: number, y: number) => (b.horizontal ? y - barrierAt(b, x) : x - barrierAt(b, y)) > 0;
  const blocked = (a: number, c: number) => {
    for (const b of barriers) {
      if (side(b, px[a], py[a]) === side(b, px[c], py[c])) continue;
      // a crossing: allowed only within half a cell of a bridge
      const t = b.horizontal ? (px[a] + px[c]) / 2 : (py[a] + py[c]) / 2;
      if (!b.bridges.some((q) => Math.abs(q - t) < 0.6 * s)) return true;
    }
    return false;
  };
  // keep rate varies smoothly: dense meshes in towns, sparse ones in the fields
  const keepRaster = new Float32Array(rw * rh);
  for (let j = 0; j < rh; j++)
    for (let i = 0; i < rw; i++) {
      const x = i * RASTER_KM;
      const y = j * RASTER_KM;
      let town = 0;
      for (const t of towns) {
        const d2 = ((x - t.x) ** 2 + (y - t.y) ** 2) / (t.R * t.R);
        if (d2 < 9) town = Math.max(town, Math.exp(-d2));
      }
      const wave = 0.5 + 0.5 * Math.sin(x / 7.3 + 1.1) * Math.cos(y / 5.9 + 0.4);
      keepRaster[j * rw + i] = 0.4 + 0.12 * wave + 0.2 * town;
    }
  const keepRate = (x: number, y: number) => keepRaster[cell(x, y)];
  const alive = new Uint8Array(N);
  for (let n = 0; n < N; n++) alive[n] = inHole(px[n], py[n]) ? 0 : 1;

  // 3. Links of the triangulated grid that survive.
  const la: number[] = [];
  const lb: number[] = [];
  const tryLink = (a: number, c: number) => {
    if (!alive[a] || !alive[c]) return;
    if (rnd() > keepRate((px[a] + px[c]) / 2, (py[a] + py[c]) / 2)) return;
    if (blocked(a, c)) return;
    la.push(a);
    lb.push(c);
  };
  for (let j = 0; j <= ny; j++)
    for (let i = 0; i <= nx; i++) {
      if (i < nx) tryLink(id(i, j), id(i + 1, j));
      if (j < ny) tryLink(id(i, j), id(i, j + 1));
      if (i < nx && j < ny) {
        if (rnd() < 0.5) tryLink(id(i, j), id(i + 1, j + 1));
        else tryLink(id(i + 1, j), id(i, j + 1));
      }
    }
  const L = la.length;

  // CSR adjacency of links, to chain them into ways
  const deg = new Uint32Array(N + 1);
  for (let l = 0; l < L; l++) {
    deg[la[l] + 1]++;
    deg[lb[l] + 1]++;
  }
  for (let n = 0; n < N; n++) deg[n + 1] += deg[n];
  const adj = new Uint32Array(2 * L);
  const fill = deg.slice(0, N);
  for (let l = 0; l < L; l++) {
    adj[fill[la[l]]++] = l;
    adj[fill[lb[l]]++] = l;
  }

  // geographic coordinates, rounded to OSM's 1e-7° so that shared vertices are bit-identical
  const round7 = (v: number) => Math.round(v * 1e7) / 1e7;
  const lonOf = (x: number) => round7(west + x / kmLon);
  const latOf = (y: number) => round7(south + y / kmLat);

  /** Shape points of link l walked from `start`, excluding `start` itself. */
  const linkShape = (l: number, start: number, out: [number, number][]) => {
    const a = start;
    const c = la[l] === start ? lb[l] : la[l];
    const dx = px[c] - px[a];
    const dy = py[c] - py[a];
    const len = Math.hypot(dx, dy);
    const k = Math.min(8, Math.max(0, Math.round(len / 0.04) - 1));
    // wiggle depends on the link, not on the walking direction: seeded by the link id
    const amp = len * 0.06 * (((l * 2654435761) >>> 0) / 4294967296 - 0.5);
    const sign = la[l] === start ? 1 : -1;
    for (let q = 1; q <= k; q++) {
      const f = q / (k + 1);
      const off = sign * amp * Math.sin(Math.PI * (sign === 1 ? f : 1 - f) * 2);
      out.push([lonOf(px[a] + dx * f - (dy / len) * off), latOf(py[a] + dy * f + (dx / len) * off)]);
    }
    out.push([lonOf(px[c]), latOf(py[c])]);
  };

  // 4. Ways: walk straight on through unused links for a few links.
  const kinds = [EdgeKind.path, EdgeKind.path, EdgeKind.track, EdgeKind.track, EdgeKind.cycleway, EdgeKind.road, EdgeKind.cavalier];
  const used = new Uint8Array(L);
  const lines: NetworkLine[] = [];
  let wayNo = 0;
  const order = Array.from({ length: L }, (_, i) => i);
  for (let i = L - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  for (const l0 of order) {
    if (used[l0]) continue;
    used[l0] = 1;
    const links = [l0];
    let from = la[l0];
    let at = lb[l0];
    const want = 1 + Math.floor(-Math.log(1 - rnd()) * 5);
    const coords: [number, number][] = [[lonOf(px[from]), latOf(py[from])]];
    linkShape(l0, from, coords);
    while (links.length < want) {
      // the unused link that turns least
      const hx = px[at] - px[from];
      const hy = py[at] - py[from];
      let best = -1;
      let bestCos = -0.2;
      for (let q = deg[at]; q < deg[at + 1]; q++) {
        const l = adj[q];
        if (used[l]) continue;
        const c = la[l] === at ? lb[l] : la[l];
        const cx = px[c] - px[at];
        const cy = py[c] - py[at];
        const cos = (hx * cx + hy * cy) / (Math.hypot(hx, hy) * Math.hypot(cx, cy));
        if (cos > bestCos) {
          bestCos = cos;
          best = l;
        }
      }
      if (best < 0) break;
      used[best] = 1;
      links.push(best);
      linkShape(best, at, coords);
      from = at;
      at = la[best] === at ? lb[best] : la[best];
    }
    const kind = kinds[Math.floor(rnd() * kinds.length)];
    const name = rnd() < 0.15 ? `Chemin ${++wayNo}` : undefined;
    lines.push(name ? { coords, kind, name } : { coords, kind });
  }

  // 5. Dead-end spurs into the blocks (they may pass over other ways: no junction there).
  const spurs = Math.round(L * 0.04);
  for (let k = 0; k < spurs; k++) {
    const n = Math.floor(rnd() * N);
    if (!alive[n] || deg[n + 1] === deg[n]) continue;
    const coords: [number, number][] = [[lonOf(px[n]), latOf(py[n])]];
    let x = px[n];
    let y = py[n];
    let dir = rnd() * 2 * Math.PI;
    const steps = 2 + Math.floor(rnd() * 8);
    for (let q = 0; q < steps; q++) {
      dir += (rnd() - 0.5) * 0.8;
      x += Math.cos(dir) * 0.03;
      y += Math.sin(dir) * 0.03;
      coords.push([lonOf(x), latOf(y)]);
    }
    lines.push({ coords, kind: EdgeKind.path });
  }
  return lines;
}
