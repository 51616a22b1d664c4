// The roadbook of a formula: one row per point on the course and per road crossing, in course
// order over all laps, with the distance and the climb since the previous row and the cut-off.
//
// D+ has one definition in Cavalier, the stats panel's (elevation/profile.ts: the profile
// resampled, smoothed by a 100 m moving mean, rises and drops counted between turning points
// more than 5 m apart). The climb between two rows is that same count cut at their distances
// (cumulativeAscent): the rows add up exactly to the headline D+, which is the stats panel's
// figure times the laps. (Before, rows summed every rise of the smoothed profile, wiggles
// under 5 m included, and the header said 58 m where the stats panel said 39 m.)
import { positionsLength } from '../geo/geodesic';
import { cumulativeAscent, elevationProfile } from '../elevation/profile';
import type { ElevationProfile, Position } from '../types';
import { coursePointCutoff, paceCutoff, type Cutoff } from './cutoffs';
import type { CoursePoint, CoursePointKind, Formula } from './model';
import { sortedCoursePoints } from './course-points';
import type { WaySurfaces } from '../route/ways';
import { roadbookMap, roadbookProfile, type RoadbookMap, type RoadbookProfile } from './roadbook-figures';

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
  /** D+ of the whole formula (the stats panel's, all laps; the rows add up to it), null without elevations */
  ascent_m: number | null;
  /** D− of the whole formula, the same way; null without elevations */
  descent_m: number | null;
  rows: RoadbookRow[];
  /** the overview map of one lap (roadbook-figures.ts); null without a line */
  map: RoadbookMap | null;
  /** the profile of the formula with the rows on it; null without elevations */
  profile: RoadbookProfile | null;
  /** each road crossed, by name, with the km of every crossing (all laps), in course order */
  roads: { name: string; kms: number[] }[];
  /** metres of one lap on roads, on paths and on ways nobody knows (straight lines, joins), when the caller knows them */
  ways: WaySurfaces | null;
}

export interface RoadbookOptions {
  crossings?: readonly RoadCrossing[];
  /** the route's profile if the caller has one (DEM-draped); otherwise taken from the elevations of `coords` */
  profile?: ElevationProfile | null;
  /** the way types of the route's legs (route/ways.ts), when the caller has the legs */
  ways?: WaySurfaces | null;
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
  const roads: Roadbook['roads'] = [];
  for (const r of rows) {
    if (r.kind !== 'crossing') continue;
    const known = roads.find((x) => x.name === r.name);
    if (known) known.kms.push(r.km);
    else roads.push({ name: r.name, kms: [r.km] });
  }
  return {
    lap_km,
    laps,
    total_km,
    ascent_m: climb ? climb(total_km * 1000) : null,
    descent_m: profile ? profile.descent * laps : null,
    rows,
    map: roadbookMap(coords, rows, lap_km),
    profile: roadbookProfile(profile, rows, laps, lap_km),
    roads,
    ways: options.ways ?? null,
  };
}

function pointRow(formula: Formula, p: CoursePoint, lap: number, lap_km: number, offset: number): Draft {
  return { kind: p.kind, name: p.name, pointId: p.id, lap, km: offset + p.km, cutoff: coursePointCutoff(formula, p, lap, lap_km) };
}

/**
 * Climb from the start of the formula to a distance (m), laps repeating the profile of one lap:
 * the headline D+ cut at that distance (cumulativeAscent), linear between samples.
 */
function climbCounter(profile: ElevationProfile, lap_m: number): (d_m: number) => number {
  const x = profile.distances;
  const cum = cumulativeAscent(profile);
  const n = x.length;
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
    return span > 0 ? cum[lo] + ((d - x[lo]) / span) * (cum[hi] - cum[lo]) : cum[lo];
  };
  return (d_m: number) => {
    if (!(lap_m > 0)) return 0;
    // a hair of rounding must not turn the end of a lap into the start of the next
    const full = Math.max(0, Math.ceil(d_m / lap_m - 1e-9) - 1);
    return full * perLap + within(d_m - full * lap_m);
  };
}
