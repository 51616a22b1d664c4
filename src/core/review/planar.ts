// Plane geometry for the few figures that need a metric: the band around a line zone and the
// distance to a near zone. Callers project a route segment and the zone edges around it onto the
// tangent plane at the segment (metres east and north of its first point, scales from
// metresPerDegree): over the 500 m at most these figures span, that plane is off the ellipsoid by
// far less than a millimetre. The route segment is always A = (0, 0) → D = (dx, dy).

/** Out-parameter for interval results, to avoid an allocation per edge in the hot loop. */
export interface Interval {
  lo: number;
  hi: number;
}

/**
 * The parameters t (A + t·D) where the line through A and D is within w of the segment PQ:
 * the line meets the capsule around PQ in one interval, the union of its meetings with the
 * two end discs and the rectangle between them. False when it misses the capsule.
 * t is not clamped to [0, 1].
 */
export function capsuleInterval(dx: number, dy: number, px: number, py: number, qx: number, qy: number, w: number, out: Interval): boolean {
  const dd = dx * dx + dy * dy;
  if (dd === 0) return false;
  let lo = Infinity;
  let hi = -Infinity;
  // end discs: |t·D − C|² = w²
  for (let k = 0; k < 2; k++) {
    const cx = k === 0 ? px : qx;
    const cy = k === 0 ? py : qy;
    const dc = dx * cx + dy * cy;
    const disc = dc * dc - dd * (cx * cx + cy * cy - w * w);
    if (disc < 0) continue;
    const r = Math.sqrt(disc);
    lo = Math.min(lo, (dc - r) / dd);
    hi = Math.max(hi, (dc + r) / dd);
  }
  // rectangle: 0 ≤ (t·D − P)·e / |e|² ≤ 1 and |(t·D − P) × e| / |e| ≤ w
  const ex = qx - px;
  const ey = qy - py;
  const ee = ex * ex + ey * ey;
  if (ee > 0) {
    const len = Math.sqrt(ee);
    let rlo = -Infinity;
    let rhi = Infinity;
    // along the edge
    const a1 = (dx * ex + dy * ey) / ee;
    const b1 = -(px * ex + py * ey) / ee;
    [rlo, rhi] = clampLinear(a1, b1, 0, 1, rlo, rhi);
    // across the edge
    const a2 = (dx * ey - dy * ex) / len;
    const b2 = -(px * ey - py * ex) / len;
    [rlo, rhi] = clampLinear(a2, b2, -w, w, rlo, rhi);
    if (rlo <= rhi) {
      lo = Math.min(lo, rlo);
      hi = Math.max(hi, rhi);
    }
  }
  if (lo > hi) return false;
  out.lo = lo;
  out.hi = hi;
  return true;
}

/** Narrows [lo, hi] to the t where min ≤ a·t + b ≤ max. */
function clampLinear(a: number, b: number, min: number, max: number, lo: number, hi: number): [number, number] {
  if (a === 0) return b >= min && b <= max ? [lo, hi] : [Infinity, -Infinity];
  const t1 = (min - b) / a;
  const t2 = (max - b) / a;
  return [Math.max(lo, Math.min(t1, t2)), Math.min(hi, Math.max(t1, t2))];
}

export interface Closest {
  /** distance (m) */
  d: number;
  /** parameter of the closest point on the route segment A→D, 0..1 */
  t: number;
  /** parameter of the closest point on the edge P→Q, 0..1 */
  u: number;
}

/** Shortest distance between the segment A→D and the segment P→Q, with where it is reached. */
export function segmentDistance(dx: number, dy: number, px: number, py: number, qx: number, qy: number, out: Closest): void {
  const ex = qx - px;
  const ey = qy - py;
  const denom = dx * ey - dy * ex;
  if (denom !== 0) {
    // crossing segments are at distance 0 where they cross
    const t = (px * ey - py * ex) / denom;
    const u = (px * dy - py * dx) / denom;
    if (t >= 0 && t <= 1 && u >= 0 && u <= 1) {
      out.d = 0;
      out.t = t;
      out.u = u;
      return;
    }
  }
  // otherwise the minimum is at one of the four ends
  out.d = Infinity;
  endToSegment(0, 0, px, py, ex, ey, out, false); // A onto PQ
  endToSegment(dx, dy, px, py, ex, ey, out, false, 1); // D onto PQ
  endToSegment(px, py, 0, 0, dx, dy, out, true, 0); // P onto AD
  endToSegment(qx, qy, 0, 0, dx, dy, out, true, 1); // Q onto AD
}

/**
 * Distance from point (x, y) to the segment from (ox, oy) along (vx, vy); updates `out` when
 * closer. `onRoute` says which of the two segments (ox, oy) belongs to, and `fixed` is the
 * parameter of (x, y) on its own segment.
 */
function endToSegment(x: number, y: number, ox: number, oy: number, vx: number, vy: number, out: Closest, onRoute: boolean, fixed = 0): void {
  const vv = vx * vx + vy * vy;
  let s = vv > 0 ? ((x - ox) * vx + (y - oy) * vy) / vv : 0;
  s = s < 0 ? 0 : s > 1 ? 1 : s;
  const cx = ox + s * vx - x;
  const cy = oy + s * vy - y;
  const d = Math.sqrt(cx * cx + cy * cy);
  if (d < out.d) {
    out.d = d;
    out.t = onRoute ? s : fixed;
    out.u = onRoute ? fixed : s;
  }
}
