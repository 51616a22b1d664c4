// Inverse-distance-weighted interpolation of scattered elevation samples onto a DemGrid.
// Pure TypeScript (no fs, no DOM): used by the data pipeline to build the "relief approché"
// from mine-shaft ground altitudes, and usable in workers for point queries.

import type { DemGrid } from '../types.ts';

export interface IdwSample {
  lon: number;
  lat: number;
  /** elevation (m) */
  z: number;
}

export interface IdwOptions {
  /** distance exponent; 2 by default */
  power?: number;
  /** number of nearest samples used; 12 by default */
  neighbours?: number;
  /** beyond this distance (m) from the nearest sample, no value is produced; unlimited by default */
  maxDistance_m?: number;
}

export interface IdwGridSpec extends IdwOptions {
  name: string;
  west: number;
  south: number;
  east: number;
  north: number;
  /** requested cell size in degrees; width and height are rounded so the cells tile the box exactly */
  dx: number;
  dy: number;
  /** -9999 by default */
  nodata?: number;
  /** true by default: interpolated relief is a model, not a measurement */
  approximate?: boolean;
}

/** Samples projected on a local plane (metres) and bucketed on a regular grid for neighbour search. */
export interface IdwIndex {
  lon0: number;
  lat0: number;
  mPerDegLon: number;
  mPerDegLat: number;
  xs: Float64Array;
  ys: Float64Array;
  zs: Float64Array;
  minX: number;
  minY: number;
  cell: number;
  nx: number;
  ny: number;
  /** bucketStart[b]..bucketStart[b + 1] indexes into bucketItems */
  bucketStart: Int32Array;
  bucketItems: Int32Array;
  power: number;
  neighbours: number;
  maxDistance: number;
}

const M_PER_DEG = (6371008.8 * Math.PI) / 180;
/** closer than this (m), the sample value is returned as is */
const EXACT_M = 1e-3;

export function createIdwIndex(samples: readonly IdwSample[], options: IdwOptions = {}): IdwIndex {
  const n = samples.length;
  if (n === 0) throw new Error('idw: no samples');
  let lat0 = 0;
  let lon0 = 0;
  for (const s of samples) {
    if (!Number.isFinite(s.lon) || !Number.isFinite(s.lat) || !Number.isFinite(s.z)) {
      throw new Error('idw: non-finite sample');
    }
    lat0 += s.lat;
    lon0 += s.lon;
  }
  lat0 /= n;
  lon0 /= n;
  const mPerDegLat = M_PER_DEG;
  const mPerDegLon = M_PER_DEG * Math.cos((lat0 * Math.PI) / 180);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const zs = new Float64Array(n);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  samples.forEach((s, i) => {
    const x = (s.lon - lon0) * mPerDegLon;
    const y = (s.lat - lat0) * mPerDegLat;
    xs[i] = x;
    ys[i] = y;
    zs[i] = s.z;
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  });
  // about two samples per bucket on average; never more buckets than samples along the longer side
  // (samples on a line would otherwise make tiny buckets)
  const w = maxX - minX;
  const h = maxY - minY;
  const cell = Math.max(Math.sqrt((w * h * 2) / n), Math.max(w, h) / n, 1);
  const nx = Math.max(1, Math.floor((maxX - minX) / cell) + 1);
  const ny = Math.max(1, Math.floor((maxY - minY) / cell) + 1);
  const counts = new Int32Array(nx * ny + 1);
  const bucketOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const b = Math.floor((ys[i] - minY) / cell) * nx + Math.floor((xs[i] - minX) / cell);
    bucketOf[i] = b;
    counts[b + 1]++;
  }
  for (let b = 0; b < nx * ny; b++) counts[b + 1] += counts[b];
  const bucketStart = counts.slice();
  const fill = counts.slice();
  const bucketItems = new Int32Array(n);
  for (let i = 0; i < n; i++) bucketItems[fill[bucketOf[i]]++] = i;
  return {
    lon0,
    lat0,
    mPerDegLon,
    mPerDegLat,
    xs,
    ys,
    zs,
    minX,
    minY,
    cell,
    nx,
    ny,
    bucketStart,
    bucketItems,
    power: options.power ?? 2,
    neighbours: Math.max(1, Math.min(options.neighbours ?? 12, n)),
    maxDistance: options.maxDistance_m ?? Infinity,
  };
}

/** Scratch buffers reused across queries (k is small: insertion sort is enough). */
interface Scratch {
  idx: Int32Array;
  d2: Float64Array;
}

const makeScratch = (k: number): Scratch => ({ idx: new Int32Array(k + 1), d2: new Float64Array(k + 1) });

/** Fills scratch with the k nearest samples of (x, y) in metres; returns how many were found. */
function nearest(index: IdwIndex, x: number, y: number, k: number, exclude: number, excludeR2: number, s: Scratch): number {
  const { cell, nx, ny, minX, minY, xs, ys, bucketStart, bucketItems } = index;
  const cx = Math.floor((x - minX) / cell);
  const cy = Math.floor((y - minY) / cell);
  // rings (Chebyshev distance in buckets from (cx, cy)) that meet the bucket grid: firstRing..lastRing
  const firstRing = Math.max(0, -cx, cx - (nx - 1), -cy, cy - (ny - 1));
  const lastRing = Math.max(Math.abs(cx), Math.abs(cx - (nx - 1)), Math.abs(cy), Math.abs(cy - (ny - 1)));
  const maxD2 = index.maxDistance * index.maxDistance;
  let found = 0;
  const visit = (bx: number, by: number): void => {
    const b = by * nx + bx;
    for (let p = bucketStart[b]; p < bucketStart[b + 1]; p++) {
      const i = bucketItems[p];
      if (i === exclude) continue;
      const ddx = xs[i] - x;
      const ddy = ys[i] - y;
      const d2 = ddx * ddx + ddy * ddy;
      if (d2 <= excludeR2) continue;
      if (found === k && d2 >= s.d2[k - 1]) continue;
      let j = found < k ? found++ : k - 1;
      while (j > 0 && s.d2[j - 1] > d2) {
        s.d2[j] = s.d2[j - 1];
        s.idx[j] = s.idx[j - 1];
        j--;
      }
      s.d2[j] = d2;
      s.idx[j] = i;
    }
  };
  for (let r = firstRing; r <= lastRing; r++) {
    if (r === 0) visit(cx, cy);
    else {
      // the ring's cells clipped to the bucket grid
      const x0 = Math.max(cx - r, 0);
      const x1 = Math.min(cx + r, nx - 1);
      const y0 = Math.max(cy - r + 1, 0);
      const y1 = Math.min(cy + r - 1, ny - 1);
      for (const by of [cy - r, cy + r]) {
        if (by >= 0 && by < ny) for (let bx = x0; bx <= x1; bx++) visit(bx, by);
      }
      for (const bx of [cx - r, cx + r]) {
        if (bx >= 0 && bx < nx) for (let by = y0; by <= y1; by++) visit(bx, by);
      }
    }
    // every sample not yet visited lies at least r * cell away
    const bound = r * cell;
    if (found === k && s.d2[k - 1] <= bound * bound) break;
    if ((found === 0 || s.d2[0] > maxD2) && bound * bound > maxD2) break;
  }
  return found;
}

function weighted(index: IdwIndex, found: number, s: Scratch): number {
  if (found === 0 || s.d2[0] > index.maxDistance * index.maxDistance) return NaN;
  if (s.d2[0] <= EXACT_M * EXACT_M) return index.zs[s.idx[0]];
  const half = index.power / 2;
  let sw = 0;
  let sz = 0;
  for (let j = 0; j < found; j++) {
    const w = half === 1 ? 1 / s.d2[j] : 1 / s.d2[j] ** half;
    sw += w;
    sz += w * index.zs[s.idx[j]];
  }
  return sz / sw;
}

/** Interpolated elevation at a point, NaN when farther than maxDistance_m from every sample. */
export function idwAt(index: IdwIndex, lon: number, lat: number): number {
  const s = makeScratch(index.neighbours);
  const x = (lon - index.lon0) * index.mPerDegLon;
  const y = (lat - index.lat0) * index.mPerDegLat;
  return weighted(index, nearest(index, x, y, index.neighbours, -1, -1, s), s);
}

/** Regular grid from scattered samples: row-major from the north-west cell, as DemGrid specifies. */
export function idwGrid(samples: readonly IdwSample[], spec: IdwGridSpec): DemGrid {
  if (!(spec.east > spec.west) || !(spec.north > spec.south) || !(spec.dx > 0) || !(spec.dy > 0)) {
    throw new Error('idw: bad grid spec');
  }
  const index = createIdwIndex(samples, spec);
  const width = Math.max(1, Math.round((spec.east - spec.west) / spec.dx));
  const height = Math.max(1, Math.round((spec.north - spec.south) / spec.dy));
  const dx = (spec.east - spec.west) / width;
  const dy = (spec.north - spec.south) / height;
  const nodata = spec.nodata ?? -9999;
  const values = new Float32Array(width * height);
  const s = makeScratch(index.neighbours);
  for (let j = 0; j < height; j++) {
    const lat = spec.north - (j + 0.5) * dy;
    const y = (lat - index.lat0) * index.mPerDegLat;
    for (let i = 0; i < width; i++) {
      const lon = spec.west + (i + 0.5) * dx;
      const x = (lon - index.lon0) * index.mPerDegLon;
      const v = weighted(index, nearest(index, x, y, index.neighbours, -1, -1, s), s);
      values[j * width + i] = Number.isNaN(v) ? nodata : v;
    }
  }
  return {
    name: spec.name,
    approximate: spec.approximate ?? true,
    west: spec.west,
    south: spec.south,
    east: spec.east,
    north: spec.north,
    width,
    height,
    values,
    nodata,
  };
}

export interface CrossValidation {
  /** samples that could be predicted from the others */
  n: number;
  rmse: number;
  mae: number;
  maxAbs: number;
  /** signed mean error (prediction minus sample) */
  bias: number;
}

/**
 * Leave-one-out cross-validation: each sample predicted from its neighbours, itself excluded.
 * With exclusionRadius_m > 0, every sample closer than that to the held-out one is left out too
 * (leave-one-site-out), so that twin samples (e.g. the two shafts of one pit head) do not make the
 * error look smaller than it is between sites.
 */
export function idwLeaveOneOut(samples: readonly IdwSample[], options: IdwOptions & { exclusionRadius_m?: number } = {}): CrossValidation {
  const index = createIdwIndex(samples, options);
  const r = options.exclusionRadius_m ?? 0;
  const excludeR2 = r > 0 ? r * r : -1;
  const s = makeScratch(index.neighbours);
  let n = 0;
  let se = 0;
  let ae = 0;
  let sum = 0;
  let maxAbs = 0;
  for (let i = 0; i < samples.length; i++) {
    const k = Math.min(index.neighbours, samples.length - 1);
    if (k < 1) break;
    const found = nearest(index, index.xs[i], index.ys[i], k, i, excludeR2, s);
    const v = weighted(index, found, s);
    if (Number.isNaN(v)) continue;
    const e = v - index.zs[i];
    n++;
    se += e * e;
    ae += Math.abs(e);
    sum += e;
    if (Math.abs(e) > maxAbs) maxAbs = Math.abs(e);
  }
  return n === 0 ? { n: 0, rmse: NaN, mae: NaN, maxAbs: NaN, bias: NaN } : { n, rmse: Math.sqrt(se / n), mae: ae / n, maxAbs, bias: sum / n };
}
