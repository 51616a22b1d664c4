import { describe, expect, it } from 'vitest';
import { simplifyToLimit, simplifyWithTolerance } from '../../../src/core/event';
import { metresPerDegree } from '../../../src/core/geo/geodesic';
import type { Position } from '../../../src/core/types';
import { karneyLength } from '../../helpers/karney';

/** A wiggly 2000-point course near Lens, ~25 km, with elevations. */
const WIGGLY: Position[] = Array.from({ length: 2000 }, (_, i) => [
  2.83 + i * 8e-5 + 4e-4 * Math.sin(i / 15) + 1e-4 * Math.sin(i / 3.7),
  50.43 + 3e-4 * Math.cos(i / 23) + i * 1e-5,
  40 + 20 * Math.sin(i / 100),
]);

/** Textbook recursive Douglas–Peucker at a tolerance, on the same local plane. */
function referenceDp(coords: readonly Position[], eps: number): Position[] {
  const lat0 = (Math.min(...coords.map((c) => c[1])) + Math.max(...coords.map((c) => c[1]))) / 2;
  const k = metresPerDegree(lat0);
  const xy = coords.map((c) => [c[0] * k.x, c[1] * k.y]);
  const keep = new Array<boolean>(coords.length).fill(false);
  keep[0] = keep[coords.length - 1] = true;
  const rec = (i: number, j: number) => {
    let far = -1;
    let farD = -1;
    for (let m = i + 1; m < j; m++) {
      const d = segDist(xy[m], xy[i], xy[j]);
      if (d > farD) [farD, far] = [d, m];
    }
    if (far >= 0 && farD > eps) {
      keep[far] = true;
      rec(i, far);
      rec(far, j);
    }
  };
  rec(0, coords.length - 1);
  return coords.filter((_, i) => keep[i]);
}

function segDist(p: number[], a: number[], b: number[]): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const l2 = dx * dx + dy * dy;
  const t = l2 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2)) : 0;
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

describe('simplifyToLimit', () => {
  it('keeps within the limit at the smallest Douglas–Peucker tolerance that does, and reports the distance change', () => {
    for (const limit of [500, 200, 100, 10, 2]) {
      const { coords, report } = simplifyToLimit(WIGGLY, limit);
      expect(coords.length).toBeLessThanOrEqual(limit);
      expect(coords[0]).toBe(WIGGLY[0]);
      expect(coords[coords.length - 1]).toBe(WIGGLY[WIGGLY.length - 1]);
      // the same line as textbook Douglas–Peucker at that tolerance (a hair above: the point
      // that sets the tolerance lies exactly on it, up to rounding in the other implementation)…
      expect(referenceDp(WIGGLY, report.tolerance_m * (1 + 1e-9))).toEqual(coords);
      // …and any smaller tolerance would not fit
      expect(referenceDp(WIGGLY, report.tolerance_m * (1 - 1e-9)).length).toBeGreaterThan(limit);
      expect(report.pointsBefore).toBe(2000);
      expect(report.pointsAfter).toBe(coords.length);
      // lengths against GeographicLib (the app's ellipsoidal sum agrees to well under a metre here)
      expect(Math.abs(report.lengthBefore_m - karneyLength(WIGGLY))).toBeLessThan(0.05);
      expect(Math.abs(report.lengthChange_m - (karneyLength(coords) - karneyLength(WIGGLY)))).toBeLessThan(0.05);
      expect(report.lengthChange_m).toBeLessThan(0);
    }
  });

  it('leaves a line under the limit alone, and clamps silly limits to 2', () => {
    const r = simplifyToLimit(WIGGLY.slice(0, 50), 100);
    expect(r.coords).toEqual(WIGGLY.slice(0, 50));
    expect(r.report).toMatchObject({ pointsBefore: 50, pointsAfter: 50, tolerance_m: 0, lengthChange_m: 0 });
    expect(simplifyToLimit(WIGGLY, 0).coords).toEqual([WIGGLY[0], WIGGLY[1999]]);
  });

  it('simplifies a closed loop (first point = last point) too', () => {
    const loop: Position[] = Array.from({ length: 401 }, (_, i) => [
      2.8 + 0.01 * Math.cos((i / 400) * 2 * Math.PI),
      50.4 + 0.006 * Math.sin((i / 400) * 2 * Math.PI),
    ]);
    const { coords } = simplifyToLimit(loop, 40);
    expect(coords.length).toBeLessThanOrEqual(40);
    expect(coords.length).toBeGreaterThan(30);
    expect(simplifyWithTolerance(loop, 0).length).toBe(401);
  });
});
