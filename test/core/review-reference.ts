// The second method the review tests compare with. It shares nothing with src/core/review:
// the route is cut into steps of a fraction of a metre, each step is classified by its middle
// with Turf (booleanPointInPolygon, pointToLineDistance), and lengths and kilometres are summed
// with GeographicLib. Slow (it is O(length / step × zone size)) and exact to about a step.
import { bbox, booleanPointInPolygon, lineString, point, pointToLineDistance } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { karney } from '../helpers/karney';

interface RefPass {
  from_m: number;
  to_m: number;
  length_m: number;
}

type Pt = readonly number[];

/** A route cut into steps of at most step_m: each step's middle, length (GeographicLib) and start (m). */
export interface DenseRoute {
  mid: [number, number][];
  len: number[];
  start: number[];
  length_m: number;
}

/** The jump between track segments is not travelled, as in the review. */
export function densify(segments: readonly (readonly Pt[])[], step_m = 0.25): DenseRoute {
  const out: DenseRoute = { mid: [], len: [], start: [], length_m: 0 };
  for (const seg of segments) {
    for (let i = 1; i < seg.length; i++) {
      const [x0, y0] = seg[i - 1];
      const [x1, y1] = seg[i];
      const n = Math.max(1, Math.ceil(karney(x0, y0, x1, y1) / step_m));
      for (let k = 0; k < n; k++) {
        const a = k / n;
        const b = (k + 1) / n;
        const l = karney(x0 + a * (x1 - x0), y0 + a * (y1 - y0), x0 + b * (x1 - x0), y0 + b * (y1 - y0));
        const m = (a + b) / 2;
        out.mid.push([x0 + m * (x1 - x0), y0 + m * (y1 - y0)]);
        out.len.push(l);
        out.start.push(out.length_m);
        out.length_m += l;
      }
    }
  }
  return out;
}

/** Runs of steps whose middle satisfies `inside`. */
export function passesOf(dense: DenseRoute, inside: (lon: number, lat: number) => boolean) {
  const passes: RefPass[] = [];
  let open: RefPass | null = null;
  for (let k = 0; k < dense.mid.length; k++) {
    if (inside(dense.mid[k][0], dense.mid[k][1])) {
      if (!open) {
        open = { from_m: dense.start[k], to_m: dense.start[k], length_m: 0 };
        passes.push(open);
      }
      open.to_m = dense.start[k] + dense.len[k];
      open.length_m += dense.len[k];
    } else open = null;
  }
  return { passes, length_m: dense.length_m, inside_m: passes.reduce((s, p) => s + p.length_m, 0) };
}

export const densePasses = (segments: readonly (readonly Pt[])[], inside: (lon: number, lat: number) => boolean, step_m = 0.25) =>
  passesOf(densify(segments, step_m), inside);

/** Turf's point-in-polygon, boundary included (the review's convention). */
export const inPolygon = (zone: Feature<Polygon | MultiPolygon>) => {
  // Turf skips its own box test unless the feature carries a bbox
  const withBox = { ...zone, bbox: bbox(zone) };
  return (lon: number, lat: number) => booleanPointInPolygon(point([lon, lat]), withBox);
};

/** Within w metres of a line (Turf's geodesic point-to-line distance). */
export const inBand = (lines: number[][][], w: number) => {
  const features = lines.map((l) => lineString(l));
  return (lon: number, lat: number) => features.some((f) => pointToLineDistance(point([lon, lat]), f, { units: 'meters' }) <= w);
};

/**
 * Shortest ellipsoidal distance between a route and a set of edges: for each pair of segments, a
 * nested golden-section search on GeographicLib distances (the distance between two points
 * moving linearly along two short segments is convex in both parameters). Distances beyond
 * `limit` may come back as Infinity.
 */
export function karneyNearest(route: readonly Pt[], edges: readonly (readonly [Pt, Pt])[], limit = Infinity) {
  let best = { d: Infinity, lon: NaN, lat: NaN, routeIndex: -1, t: 0 };
  // pairs in order of a lower bound (every point of a segment is within half its length of one
  // of its ends), searched exactly until the bound exceeds the best distance found
  const pairs: { i: number; p: Pt; q: Pt; lower: number }[] = [];
  for (let i = 1; i < route.length; i++) {
    const a = route[i - 1];
    const b = route[i];
    const ab = karney(a[0], a[1], b[0], b[1]);
    for (const [p, q] of edges) {
      const pq = karney(p[0], p[1], q[0], q[1]);
      const corner = Math.min(karney(a[0], a[1], p[0], p[1]), karney(a[0], a[1], q[0], q[1]), karney(b[0], b[1], p[0], p[1]), karney(b[0], b[1], q[0], q[1]));
      pairs.push({ i, p, q, lower: corner - ab / 2 - pq / 2 });
    }
  }
  pairs.sort((x, y) => x.lower - y.lower);
  for (const { i, p, q, lower } of pairs) {
    if (lower > Math.min(best.d, limit)) break;
    const a = route[i - 1];
    const b = route[i];
    const along = (t: number): [number, number] => [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
    const edgeAt = (u: number): [number, number] => [p[0] + u * (q[0] - p[0]), p[1] + u * (q[1] - p[1])];
    const inner = (t: number) => {
      const r = along(t);
      return golden((u) => {
        const z = edgeAt(u);
        return karney(r[0], r[1], z[0], z[1]);
      });
    };
    const outer = golden((t) => inner(t).value);
    if (outer.value < best.d) {
      const r = along(outer.arg);
      best = { d: outer.value, lon: r[0], lat: r[1], routeIndex: i - 1, t: outer.arg };
    }
  }
  return best;
}

function golden(f: (x: number) => number): { arg: number; value: number } {
  const g = (Math.sqrt(5) - 1) / 2;
  let lo = 0;
  let hi = 1;
  let x1 = hi - g * (hi - lo);
  let x2 = lo + g * (hi - lo);
  let f1 = f(x1);
  let f2 = f(x2);
  for (let k = 0; k < 45; k++) {
    if (f1 <= f2) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - g * (hi - lo);
      f1 = f(x1);
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + g * (hi - lo);
      f2 = f(x2);
    }
  }
  // the ends, where the minimum of a distance between segments often lies
  const candidates = [
    { arg: (lo + hi) / 2, value: f((lo + hi) / 2) },
    { arg: 0, value: f(0) },
    { arg: 1, value: f(1) },
  ];
  return candidates.reduce((m, c) => (c.value < m.value ? c : m));
}
