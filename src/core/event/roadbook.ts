// The roadbook of a formula: one row per point on the course and per road crossing, in course
// order over all laps, with the distance and the climb since the previous row and the cut-off.
//
// The climb between two rows is the sum of the rises of the smoothed elevation profile between
// them (elevation/profile.ts: resampled, 100 m moving mean). Rows therefore add up exactly to the
// climb of the whole formula measured that way, which can exceed the headline D+ by a few metres
// on rolling ground: the headline figure also ignores wiggles under 5 m (hysteresis), and a
// hysteresis cannot be cut into sections that add up.
import { positionsLength } from '../geo/geodesic';
import { elevationProfile } from '../elevation/profile';
import type { ElevationProfile, Position } from '../types';
import { coursePointCutoff, paceCutoff, type Cutoff } from './cutoffs';
import type { CoursePoint, CoursePointKind, Formula } from './model';
import { sortedCoursePoints } from './course-points';

/** A crossing of a road found on the route by the caller, at a km of one lap. */
interface RoadCrossing {
  km: number;
  name: string;
}

export type RoadbookKind = CoursePointKind | 'crossing' | 'lap';

interface RoadbookRow {
  kind: RoadbookKind;
  /** the point's or the road's name; '' for a start or finish the user has not placed, and for lap ends */
  name: string;
  /** the course point behind the row, null for crossings, lap ends and implicit start/finish */
  pointId: string | null;
  /** 1-based lap the row belongs to */
  lap: number;
  /** kilometres from the start of the formula, all laps */
  km: number;
  fromPrevious_km: number;
  /** climb since the previous row (m), null without an elevation profile */
  ascentFromPrevious_m: number | null;
  cutoff: Cutoff | null;
}

export interface Roadbook {
  lap_km: number;
  laps: number;
  total_km: number;
  /** climb of the whole formula as the rows add it up (see the file comment), null without elevations */
  ascent_m: number | null;
  rows: RoadbookRow[];
}

export interface RoadbookOptions {
  crossings?: readonly RoadCrossing[];
  /** the route's profile if the caller has one (DEM-draped); otherwise taken from the elevations of `coords` */
  profile?: ElevationProfile | null;
}

type Draft = Omit<RoadbookRow, 'fromPrevious_km' | 'ascentFromPrevious_m'>;

export function roadbook(formula: Formula, coords: readonly Position[], options: RoadbookOptions = {}): Roadbook {
  const laps = Math.max(1, Math.floor(formula.laps));
  const lap_km = positionsLength(coords) / 1000;
  const total_km = lap_km * laps;
  const profile = options.profile !== undefined ? options.profile : elevationProfile(coords);
  const climb = profile ? climbCounter(profile, lap_km * 1000) : null;

  const points = sortedCoursePoints(formula.coursePoints);
  const start = points.find((p) => p.kind === 'start');
  const finish = points.find((p) => p.kind === 'finish');
  const inner = points.filter((p) => p.kind !== 'start' && p.kind !== 'finish');
  const crossings = (options.crossings ?? []).filter((c) => Number.isFinite(c.km));

  const drafts: Draft[] = [
    { kind: 'start', name: start?.name ?? '', pointId: start?.id ?? null, lap: 1, km: 0, cutoff: start ? coursePointCutoff(formula, start) : null },
  ];
  for (let lap = 1; lap <= laps; lap++) {
    const offset = (lap - 1) * lap_km;
    const lapRows: (Draft & { order: number })[] = [];
    for (const p of inner) lapRows.push({ ...pointRow(formula, p, lap, lap_km, offset), order: 0 });
    for (const c of crossings) {
      const km = offset + Math.min(lap_km, Math.max(0, c.km));
      lapRows.push({ kind: 'crossing', name: c.name, pointId: null, lap, km, cutoff: null, order: 1 });
    }
    lapRows.sort((a, b) => a.km - b.km || a.order - b.order);
    for (const { order: _, ...row } of lapRows) drafts.push(row);
    if (lap < laps) drafts.push({ kind: 'lap', name: '', pointId: null, lap, km: lap * lap_km, cutoff: paceCutoff(formula, lap * lap_km) });
  }
  drafts.push({
    kind: 'finish',
    name: finish?.name ?? '',
    pointId: finish?.id ?? null,
    lap: laps,
    km: total_km,
    cutoff: finish ? coursePointCutoff(formula, finish, laps, lap_km) : paceCutoff(formula, total_km),
  });

  const rows: RoadbookRow[] = drafts.map((d, i) => {
    const prev = i > 0 ? drafts[i - 1].km : 0;
    return {
      ...d,
      fromPrevious_km: d.km - prev,
      ascentFromPrevious_m: climb ? climb(d.km * 1000) - climb(prev * 1000) : null,
    };
  });
  return { lap_km, laps, total_km, ascent_m: climb ? climb(total_km * 1000) : null, rows };
}

function pointRow(formula: Formula, p: CoursePoint, lap: number, lap_km: number, offset: number): Draft {
  return { kind: p.kind, name: p.name, pointId: p.id, lap, km: offset + p.km, cutoff: coursePointCutoff(formula, p, lap, lap_km) };
}

/**
 * Climb from the start of the formula to a distance (m), laps repeating the profile of one lap:
 * the rises of the piecewise-linear smoothed profile, summed.
 */
function climbCounter(profile: ElevationProfile, lap_m: number): (d_m: number) => number {
  const { distances: x, elevations: e } = profile;
  const n = x.length;
  const cum = new Float64Array(n);
  for (let i = 1; i < n; i++) cum[i] = cum[i - 1] + Math.max(0, e[i] - e[i - 1]);
  const perLap = n ? cum[n - 1] : 0;
  const within = (d: number): number => {
    if (n === 0 || d <= x[0]) return 0;
    if (d >= x[n - 1]) return perLap;
    let lo = 0;
    let hi = n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (x[mid] <= d) lo = mid;
      else hi = mid;
    }
    const span = x[hi] - x[lo];
    const ed = span > 0 ? e[lo] + ((d - x[lo]) / span) * (e[hi] - e[lo]) : e[lo];
    return cum[lo] + Math.max(0, ed - e[lo]);
  };
  return (d_m: number) => {
    if (!(lap_m > 0)) return 0;
    // a hair of rounding must not turn the end of a lap into the start of the next
    const full = Math.max(0, Math.ceil(d_m / lap_m - 1e-9) - 1);
    return full * perLap + within(d_m - full * lap_m);
  };
}
