// The two figures of a printed roadbook, as plain geometry the page draws in SVG (so they print
// sharp, need no map tiles, and can be tested by their numbers):
// - the overview map: one lap of the route projected north-up in a box (equirectangular about
//   the route's mid-latitude: at the scale of a course, under 0.1 % from a conformal
//   projection), with a mark every 0.5, 1, 2, 5, 10… km (at most 12 marks), the start, the
//   finish, the points on the course, the roads crossed, and a scale bar of a round length;
// - the profile: the smoothed elevations of the whole formula (the laps one after the other)
//   against the distance, with the roadbook's rows at their km, and round ticks on both axes.
// Coordinates are SVG user units, y downwards; labels are left to the page (numbers only here).
import { bboxOf } from '../geo/bbox';
import { cumulativeDistances, metresPerDegree } from '../geo/geodesic';
import type { ElevationProfile, Position } from '../types';
import { pointAtDistance, pointsEvery } from './locate';
import type { RoadbookKind } from './roadbook';
import { simplifyToLimit } from './simplify';

type XY = [number, number];

export interface RoadbookMap {
  width: number;
  height: number;
  /** SVG path data of one lap */
  path: string;
  start: XY;
  finish: XY;
  /** start and finish closer than a marker's size: the page draws them side by side */
  loop: boolean;
  kmMarks: { km: number; at: XY }[];
  /** rows of the first lap (and the finish) that are points on the course or road crossings */
  points: { row: number; kind: RoadbookKind; at: XY }[];
  /** a bar of a round length (m) and its length in user units */
  scale: { metres: number; units: number };
}

export interface RoadbookProfile {
  width: number;
  height: number;
  /** the plotting area inside the axes */
  plot: { left: number; top: number; right: number; bottom: number };
  /** SVG path data of the elevation line, and of the area under it */
  line: string;
  area: string;
  xTicks: { km: number; x: number }[];
  yTicks: { m: number; y: number }[];
  /** every row at its km, on the line */
  points: { row: number; kind: RoadbookKind; at: XY }[];
}

interface RowLike {
  kind: RoadbookKind;
  km: number;
  lap: number;
}

const MAP_W = 700;
const MAP_H = 460;
const MAP_PAD = 24;
const PROFILE_W = 700;
const PROFILE_H = 200;
const PLOT = { left: 48, top: 12, right: PROFILE_W - 12, bottom: PROFILE_H - 24 };
/** enough for a sharp line at print size; a 100 km route has tens of thousands of points */
const MAX_PATH_POINTS = 1500;
const MAX_PROFILE_POINTS = 1200;
/** round steps for marks and ticks (a mark at 0.25 km reads badly once rounded); 2.5 also for a scale bar */
const TICKS = [1, 2, 5];
const SCALES = [1, 2, 2.5, 5];

/** The smallest round step (1, 2, 5 × 10^k, or those of `steps`) that cuts `span` into at most `count` pieces. */
function roundStep(span: number, count: number, steps: readonly number[] = TICKS): number {
  if (!(span > 0)) return 1;
  const raw = span / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const r of steps) if (r * p >= raw) return r * p;
  return 10 * p;
}

const n1 = (v: number) => Math.round(v * 10) / 10;
const pathOf = (xy: readonly XY[]) => xy.map(([x, y], i) => `${i ? 'L' : 'M'}${n1(x)} ${n1(y)}`).join('');

/** The overview map of one lap `coords`, with the rows placed at their km of lap 1. */
export function roadbookMap(coords: readonly Position[], rows: readonly RowLike[], lap_km: number): RoadbookMap | null {
  if (coords.length < 2) return null;
  const [w, s, e, n] = bboxOf([coords])!;
  const m = metresPerDegree((s + n) / 2);
  const spanX = (e - w) * m.x;
  const spanY = (n - s) * m.y;
  // units per metre: the route fills the box, north up, same scale on both axes
  const k = Math.min((MAP_W - 2 * MAP_PAD) / Math.max(spanX, 1), (MAP_H - 2 * MAP_PAD) / Math.max(spanY, 1));
  const ox = (MAP_W - spanX * k) / 2;
  const oy = (MAP_H - spanY * k) / 2;
  const project = (p: Position): XY => [ox + (p[0] - w) * m.x * k, oy + (n - p[1]) * m.y * k];

  const cum = cumulativeDistances(coords);
  const length_m = cum[cum.length - 1];
  const at = (km: number) => project(pointAtDistance(coords, cum, km * 1000));
  const drawn = coords.length > MAX_PATH_POINTS ? simplifyToLimit(coords, MAX_PATH_POINTS).coords : coords;
  const step = roundStep(length_m / 1000, 12);
  // no mark within a quarter step of the finish, where the finish marker stands
  const kmMarks: RoadbookMap['kmMarks'] = pointsEvery([coords], step * 1000)
    .filter((m) => m.along_m < length_m - step * 250)
    .map((m) => ({ km: Math.round(m.along_m) / 1000, at: project(m.position) }));

  const points: RoadbookMap['points'] = [];
  rows.forEach((r, row) => {
    if (r.kind === 'lap' || r.kind === 'start') return;
    if (r.kind === 'finish') points.push({ row, kind: r.kind, at: project(coords[coords.length - 1]) });
    else if (r.lap === 1) points.push({ row, kind: r.kind, at: at(Math.min(r.km, lap_km)) });
  });
  const start = project(coords[0]);
  const finish = project(coords[coords.length - 1]);
  const metres = roundStep(Math.max(spanX, spanY) / 4, 1, SCALES);
  return {
    width: MAP_W,
    height: MAP_H,
    path: pathOf(drawn.map(project)),
    start,
    finish,
    loop: Math.hypot(start[0] - finish[0], start[1] - finish[1]) < 14,
    kmMarks,
    points,
    scale: { metres, units: metres * k },
  };
}

/** The profile of the whole formula: one lap's `profile` repeated `laps` times, with every row on it. */
export function roadbookProfile(profile: ElevationProfile | null, rows: readonly RowLike[], laps: number, lap_km: number): RoadbookProfile | null {
  if (!profile || profile.distances.length < 2) return null;
  const lap_m = lap_km * 1000;
  const total_m = lap_m * laps;
  if (!(total_m > 0)) return null;
  const d: number[] = [];
  const el: number[] = [];
  const stride = Math.max(1, Math.ceil((profile.distances.length * laps) / MAX_PROFILE_POINTS));
  for (let lap = 0; lap < laps; lap++) {
    const n = profile.distances.length;
    for (let i = 0; i < n; i += stride) {
      d.push(lap * lap_m + profile.distances[i]);
      el.push(profile.elevations[i]);
    }
    if ((n - 1) % stride !== 0) {
      d.push(lap * lap_m + profile.distances[n - 1]);
      el.push(profile.elevations[n - 1]);
    }
  }
  const yStep = roundStep(Math.max(profile.max - profile.min, 10), 4);
  const lo = Math.floor(profile.min / yStep) * yStep;
  const hi = Math.max(lo + yStep, Math.ceil(profile.max / yStep) * yStep);
  const x = (dm: number) => PLOT.left + (dm / total_m) * (PLOT.right - PLOT.left);
  const y = (m: number) => PLOT.bottom - ((m - lo) / (hi - lo)) * (PLOT.bottom - PLOT.top);
  const xy: XY[] = d.map((dm, i) => [x(dm), y(el[i])]);
  const line = pathOf(xy);
  const area = `${line}L${n1(xy[xy.length - 1][0])} ${PLOT.bottom}L${n1(xy[0][0])} ${PLOT.bottom}Z`;

  /** elevation at a distance of the formula, linear between the samples of the lap */
  const eleAt = (dm: number): number => {
    const within = Math.min(lap_m, dm - Math.max(0, Math.ceil(dm / lap_m - 1e-9) - 1) * lap_m);
    const ds = profile.distances;
    const es = profile.elevations;
    if (within <= ds[0]) return es[0];
    if (within >= ds[ds.length - 1]) return es[es.length - 1];
    let a = 0;
    let b = ds.length - 1;
    while (b - a > 1) {
      const mid = (a + b) >> 1;
      if (ds[mid] <= within) a = mid;
      else b = mid;
    }
    const span = ds[b] - ds[a];
    return span > 0 ? es[a] + ((within - ds[a]) / span) * (es[b] - es[a]) : es[a];
  };

  const xStep = roundStep(total_m / 1000, 10);
  const xTicks: RoadbookProfile['xTicks'] = [];
  for (let km = 0; km <= total_m / 1000 + 1e-9; km += xStep) xTicks.push({ km: Math.round(km * 1000) / 1000, x: x(km * 1000) });
  const yTicks: RoadbookProfile['yTicks'] = [];
  for (let m = lo; m <= hi + 1e-9; m += yStep) yTicks.push({ m, y: y(m) });
  const points = rows.map((r, row) => ({ row, kind: r.kind, at: [x(r.km * 1000), y(eleAt(r.km * 1000))] as XY }));
  return { width: PROFILE_W, height: PROFILE_H, plot: { ...PLOT }, line, area, xTicks, yTicks, points };
}
