// Cut-off times (barrières horaires). An explicit cut-off on a point wins; otherwise, when the
// formula has a cut-off pace, points where participants can be stopped (aid stations,
// checkpoints, the finish, the end of each lap) get km × pace. The clock needs the formula's start.
import { addMinutesLocal } from './clock';
import type { CoursePoint, CoursePointKind, Formula } from './model';

export interface Cutoff {
  minutesFromStart: number;
  /** local wall clock 'YYYY-MM-DDTHH:MM', null when the formula has no start time */
  clock: string | null;
  /** where the figure comes from */
  source: 'explicit' | 'pace';
}

/** Kinds that get a cut-off from the pace; the others only when one is set on them. */
const PACE_CUTOFF_KINDS: readonly (CoursePointKind | 'lap')[] = ['aid', 'checkpoint', 'finish', 'lap'];

/** The cut-off at a distance (km from the start of the formula, all laps) from the formula's pace. */
export function paceCutoff(formula: Formula, totalKm: number): Cutoff | null {
  const pace = formula.cutoffPace_min_per_km;
  if (pace === null || !(pace > 0) || !Number.isFinite(totalKm)) return null;
  return withClock(formula, Math.round(totalKm * pace), 'pace');
}

/**
 * The cut-off of a point on a given lap (1-based). An explicit cut-off belongs to the first
 * passage (a time from the start cannot be the same on every lap), except at the finish,
 * which is passed once, at the end of the last lap.
 */
export function coursePointCutoff(formula: Formula, point: CoursePoint, lap = 1, lap_km?: number): Cutoff | null {
  if (point.cutoff && (lap === 1 || point.kind === 'finish')) return withClock(formula, point.cutoff.minutesFromStart, 'explicit');
  if (!PACE_CUTOFF_KINDS.includes(point.kind)) return null;
  return paceCutoff(formula, point.km + (lap - 1) * (lap_km ?? 0));
}

function withClock(formula: Formula, minutes: number, source: Cutoff['source']): Cutoff {
  return { minutesFromStart: minutes, clock: formula.start ? addMinutesLocal(formula.start, minutes) : null, source };
}

/** A point whose cut-off comes before the cut-off of a point earlier on the course. */
export interface CutoffOrderIssue {
  pointId: string;
  minutesFromStart: number;
  /** the earlier point on the course with the latest cut-off so far (the one it contradicts) */
  before: { pointId: string; name: string; km: number; minutesFromStart: number };
}

/**
 * Cut-offs out of course order: walking the points by km (`sorted`, as sortedCoursePoints gives
 * them), a point whose cut-off (explicit or from the pace, first passage; the finish at the end of
 * the last lap) is strictly earlier than one already passed. Runners reach the later point after
 * the earlier one, so its barrier cannot close first: it is a typing slip the organiser must see.
 */
export function outOfOrderCutoffs(formula: Formula, sorted: readonly CoursePoint[], lap_km?: number): CutoffOrderIssue[] {
  // the finish lies at the end of a lap: its km is the lap's length when none is given
  const lapKm = lap_km ?? sorted.find((p) => p.kind === 'finish')?.km;
  const issues: CutoffOrderIssue[] = [];
  let latest: CutoffOrderIssue['before'] | null = null;
  for (const p of sorted) {
    const c = p.kind === 'finish' ? coursePointCutoff(formula, p, Math.max(1, formula.laps), lapKm) : coursePointCutoff(formula, p);
    if (!c) continue;
    if (latest && c.minutesFromStart < latest.minutesFromStart) issues.push({ pointId: p.id, minutesFromStart: c.minutesFromStart, before: latest });
    else latest = { pointId: p.id, name: p.name, km: p.km, minutesFromStart: c.minutesFromStart };
  }
  return issues;
}
