// Fewer points for old devices (some hold 100–200 per course), by Douglas–Peucker in metres.
//
// The points are put on a local plane (metres east and north of the line's middle latitude).
// The usual recipe is to raise the tolerance until the line fits under the limit; here each
// point's "drop tolerance" is computed once, so the smallest tolerance that fits is found
// exactly, with no search: Douglas–Peucker always splits a stretch at its farthest point, so the
// split tree does not depend on the tolerance, and a point is kept at tolerance ε exactly when
// it and every split above it lie farther than ε. Its drop tolerance is the minimum of those
// distances, and the line at ε is the points whose drop tolerance exceeds ε.
import { metresPerDegree, positionsLength } from '../geo/geodesic';
import type { Position } from '../types';

export interface SimplifyReport {
  pointsBefore: number;
  pointsAfter: number;
  /** the Douglas–Peucker tolerance used (m): every dropped point is within it of the new line */
  tolerance_m: number;
  lengthBefore_m: number;
  lengthAfter_m: number;
  /** lengthAfter_m − lengthBefore_m: negative, since cutting corners shortens the line */
  lengthChange_m: number;
}

export interface Simplified {
  coords: Position[];
  report: SimplifyReport;
}

/** Fewer than 2 points makes no line. */
const MIN_POINTS = 2;

/** The line with at most `maxPoints` points (at least 2), by the smallest tolerance that fits. */
export function simplifyToLimit(coords: readonly Position[], maxPoints: number): Simplified {
  const limit = Math.max(MIN_POINTS, Math.floor(maxPoints));
  const lengthBefore_m = positionsLength(coords);
  const n = coords.length;
  let kept: Position[];
  let tolerance_m = 0;
  if (n <= limit) kept = coords.slice();
  else {
    const tol = dropTolerances(coords);
    const interior = Array.from(tol.subarray(1, n - 1)).sort((a, b) => b - a);
    tolerance_m = interior[limit - MIN_POINTS]; // the largest one that must go
    kept = coords.filter((_, i) => tol[i] > tolerance_m);
  }
  const lengthAfter_m = positionsLength(kept);
  return {
    coords: kept,
    report: {
      pointsBefore: n,
      pointsAfter: kept.length,
      tolerance_m,
      lengthBefore_m,
      lengthAfter_m,
      lengthChange_m: lengthAfter_m - lengthBefore_m,
    },
  };
}

/** The line simplified at a given tolerance (m), for callers who think in metres rather than points. */
export function simplifyWithTolerance(coords: readonly Position[], tolerance_m: number): Position[] {
  if (coords.length <= MIN_POINTS) return coords.slice();
  const tol = dropTolerances(coords);
  return coords.filter((_, i) => tol[i] > tolerance_m);
}

/** Per point, the largest tolerance at which Douglas–Peucker keeps it (ends: Infinity). */
function dropTolerances(coords: readonly Position[]): Float64Array {
  const n = coords.length;
  const tol = new Float64Array(n);
  if (n === 0) return tol;
  tol[0] = Infinity;
  tol[n - 1] = Infinity;
  // a local plane around the middle latitude; its scale error over a few tens of km is far below a tolerance's precision
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const p of coords) {
    if (p[1] < minLat) minLat = p[1];
    if (p[1] > maxLat) maxLat = p[1];
  }
  const k = metresPerDegree((minLat + maxLat) / 2);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = (coords[i][0] - coords[0][0]) * k.x;
    y[i] = (coords[i][1] - coords[0][1]) * k.y;
  }
  // an explicit stack: a 100k-point line would overflow the call stack in the worst case
  const stack: number[] = [0, n - 1, Infinity];
  while (stack.length) {
    const parent = stack.pop()!;
    const j = stack.pop()!;
    const i = stack.pop()!;
    if (j - i < 2) continue;
    let far = -1;
    let farD = -1;
    for (let m = i + 1; m < j; m++) {
      const d = distanceToSegment(x[m], y[m], x[i], y[i], x[j], y[j]);
      if (d > farD) {
        farD = d;
        far = m;
      }
    }
    const t = Math.min(farD, parent);
    tol[far] = t;
    stack.push(i, far, t, far, j, t);
  }
  return tol;
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
  const ex = px - (ax + t * dx);
  const ey = py - (ay + t * dy);
  return Math.sqrt(ex * ex + ey * ey);
}
