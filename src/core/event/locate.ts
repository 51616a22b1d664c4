// Positions along a route line: the kilometre of a point (projected onto the polyline) and
// the point at a kilometre. Distances along the line are the ellipsoidal ones of
// geo/geodesic.ts, so a km here matches the route's length everywhere else in the app.
import { cumulativeDistances, metresPerDegree } from '../geo/geodesic';
import { elevationOf, position } from '../geo/position';
import type { LonLat } from '../route/model';
import type { Position } from '../types';

export interface OnRoute {
  /** kilometres from the first point of the line */
  km: number;
  /** distance from the given point to the line (m) */
  offset_m: number;
  /** the foot of the projection, with an elevation interpolated when both ends carry one */
  position: Position;
}

/**
 * Two passages of the route are "the same place" when their distances to the point differ by
 * less than this: an out-and-back on one path, a loop through its own start. The km hint then
 * picks the passage; beyond it the nearest passage wins whatever the hint says.
 */
const SAME_PLACE_M = 25;

interface Foot {
  offset_m: number;
  along_m: number;
  segment: number;
  t: number;
}

/** The foot of the perpendicular from p to segment i, in metres on the segment's local tangent plane. */
function footOnSegment(coords: readonly Position[], cum: Float64Array, i: number, p: LonLat): Foot {
  const a = coords[i];
  const b = coords[i + 1];
  const k = metresPerDegree((a[1] + b[1]) / 2);
  const bx = (b[0] - a[0]) * k.x;
  const by = (b[1] - a[1]) * k.y;
  const px = (p[0] - a[0]) * k.x;
  const py = (p[1] - a[1]) * k.y;
  const len2 = bx * bx + by * by;
  const t = len2 > 0 ? Math.min(1, Math.max(0, (px * bx + py * by) / len2)) : 0;
  const dx = px - t * bx;
  const dy = py - t * by;
  return { offset_m: Math.sqrt(dx * dx + dy * dy), along_m: cum[i] + t * (cum[i + 1] - cum[i]), segment: i, t };
}

const interpolate = (a: Position, b: Position, t: number): Position => {
  const ea = elevationOf(a);
  const eb = elevationOf(b);
  return position(a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]), ea !== undefined && eb !== undefined ? ea + t * (eb - ea) : undefined);
};

/**
 * Where a point falls on a line: null for an empty line. Where the line passes the same place
 * more than once (see SAME_PLACE_M), the passage nearest to `hintKm` is taken; without a hint,
 * the nearest passage (the first one on a tie).
 */
export function kmOfPoint(coords: readonly Position[], lonlat: LonLat, hintKm?: number): OnRoute | null {
  if (coords.length === 0) return null;
  if (coords.length === 1) {
    const k = metresPerDegree(coords[0][1]);
    const dx = (lonlat[0] - coords[0][0]) * k.x;
    const dy = (lonlat[1] - coords[0][1]) * k.y;
    return { km: 0, offset_m: Math.sqrt(dx * dx + dy * dy), position: coords[0] };
  }
  const cum = cumulativeDistances(coords);
  const feet: Foot[] = [];
  let best = Infinity;
  for (let i = 0; i + 1 < coords.length; i++) {
    const f = footOnSegment(coords, cum, i, lonlat);
    feet.push(f);
    if (f.offset_m < best) best = f.offset_m;
  }
  // A passage is a run of segments close to the point, keeping its nearest foot. The run also
  // breaks where the line goes farther between two feet than the feet are apart (at most the sum
  // of their offsets, plus slack): a turnaround between consecutive segments.
  const passages: Foot[] = [];
  let current: Foot | null = null;
  let prev: Foot | null = null;
  for (const f of feet) {
    const near = f.offset_m <= best + SAME_PLACE_M;
    const turned = prev !== null && f.along_m - prev.along_m > f.offset_m + prev.offset_m + SAME_PLACE_M;
    if (current && (!near || turned)) {
      passages.push(current);
      current = null;
    }
    if (near && (!current || f.offset_m < current.offset_m)) current = f;
    prev = near ? f : null;
  }
  if (current) passages.push(current);
  let chosen = passages[0];
  for (const f of passages) {
    if (hintKm !== undefined && Number.isFinite(hintKm)) {
      const d = Math.abs(f.along_m / 1000 - hintKm);
      const dc = Math.abs(chosen.along_m / 1000 - hintKm);
      if (d < dc) chosen = f;
    } else if (f.offset_m < chosen.offset_m) chosen = f;
  }
  const foot = interpolate(coords[chosen.segment], coords[chosen.segment + 1], chosen.t);
  return { km: chosen.along_m / 1000, offset_m: chosen.offset_m, position: foot };
}

/** The point at `km` from the start of the line, clamped to its ends; null for an empty line. */
export function pointAtKm(coords: readonly Position[], km: number): Position | null {
  if (coords.length === 0) return null;
  const cum = cumulativeDistances(coords);
  return pointAtDistance(coords, cum, km * 1000);
}

export interface MarkAlong {
  /** metres from the start, counted within the pieces only (a gap between two pieces adds nothing) */
  along_m: number;
  position: Position;
}

/**
 * A point every `step_m` metres along the pieces of a line, in one pass: the km marks of the map,
 * the roadbook and the dossier. The start and the very end get no mark (their own markers stand
 * there); `limit` bounds a very long line.
 */
export function pointsEvery(pieces: readonly (readonly Position[])[], step_m: number, limit = Number.POSITIVE_INFINITY): MarkAlong[] {
  const out: MarkAlong[] = [];
  if (!(step_m > 0)) return out;
  let base = 0;
  let k = 1;
  for (const piece of pieces) {
    if (piece.length < 2) continue;
    const cum = cumulativeDistances(piece);
    for (let i = 1; i < piece.length && out.length < limit; i++) {
      // k × step rather than a running sum: 0.1 km steps stay exact multiples
      while (k * step_m < base + cum[i] && out.length < limit) {
        const d = k * step_m - base;
        const span = cum[i] - cum[i - 1];
        out.push({ along_m: k * step_m, position: interpolate(piece[i - 1], piece[i], span > 0 ? (d - cum[i - 1]) / span : 0) });
        k++;
      }
    }
    base += cum[cum.length - 1];
  }
  return out;
}

/** The same with the cumulative distances already known (metres). */
export function pointAtDistance(coords: readonly Position[], cum: ArrayLike<number>, d_m: number): Position {
  const n = coords.length;
  if (!(d_m > 0)) return coords[0];
  if (d_m >= cum[n - 1]) return coords[n - 1];
  // the last index whose distance is ≤ d
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] <= d_m) lo = mid;
    else hi = mid;
  }
  const span = cum[hi] - cum[lo];
  return interpolate(coords[lo], coords[hi], span > 0 ? (d_m - cum[lo]) / span : 0);
}
