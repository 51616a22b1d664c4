// Points on the course (start, aid stations, checkpoints…) and their kilometres. A point keeps
// the place where it was put; its km is derived from the route's geometry and refreshed each
// time that geometry changes (refreshCoursePoints), so it is never stale for long and never lost.
import { cumulativeDistances } from '../geo/geodesic';
import type { LonLat } from '../route/model';
import type { Position } from '../types';
import { kmOfPoint } from './locate';
import type { CoursePoint, CoursePointKind, Formula, NewId } from './model';

export interface CoursePointInit {
  kind: CoursePointKind;
  name: string;
  lonlat: LonLat;
  cutoff?: { minutesFromStart: number };
}

const lonlatOf = (p: Position): LonLat => [p[0], p[1]];

/** Start and finish are the ends of the route whatever was clicked; the others are projected. */
function place(kind: CoursePointKind, lonlat: LonLat, coords: readonly Position[], hintKm?: number): { lonlat: LonLat; km: number } {
  if (coords.length === 0) return { lonlat, km: 0 };
  if (kind === 'start') return { lonlat: lonlatOf(coords[0]), km: 0 };
  if (kind === 'finish') {
    const cum = cumulativeDistances(coords);
    return { lonlat: lonlatOf(coords[coords.length - 1]), km: cum[cum.length - 1] / 1000 };
  }
  const on = kmOfPoint(coords, lonlat, hintKm);
  return on ? { lonlat, km: on.km } : { lonlat, km: 0 };
}

/** Adds a point placed on the route: it is stored at its projection onto `coords` (the formula's geometry). */
export function addCoursePoint(formula: Formula, init: CoursePointInit, coords: readonly Position[], newId: NewId): Formula {
  const on = init.kind === 'start' || init.kind === 'finish' ? null : kmOfPoint(coords, init.lonlat);
  const placed = on ? { lonlat: lonlatOf(on.position), km: on.km } : place(init.kind, init.lonlat, coords);
  const point: CoursePoint = { id: newId(), kind: init.kind, name: init.name, ...placed };
  if (init.cutoff) point.cutoff = { minutesFromStart: init.cutoff.minutesFromStart };
  return { ...formula, coursePoints: [...formula.coursePoints, point] };
}

/** Moves a point to a new place on the route (projected like a new one). */
export function moveCoursePoint(formula: Formula, id: string, lonlat: LonLat, coords: readonly Position[]): Formula {
  return mapPoint(formula, id, (p) => {
    const on = p.kind === 'start' || p.kind === 'finish' ? null : kmOfPoint(coords, lonlat);
    return { ...p, ...(on ? { lonlat: lonlatOf(on.position), km: on.km } : place(p.kind, lonlat, coords)) };
  });
}

export type CoursePointPatch = Partial<Pick<CoursePoint, 'name' | 'kind'>> & { cutoff?: { minutesFromStart: number } | null };

/** Renames, changes the kind or sets/clears (null) the explicit cut-off of a point. */
export function updateCoursePoint(formula: Formula, id: string, patch: CoursePointPatch): Formula {
  return mapPoint(formula, id, (p) => {
    const next: CoursePoint = { ...p };
    if (patch.name !== undefined) next.name = patch.name;
    if (patch.kind !== undefined) next.kind = patch.kind;
    if (patch.cutoff === null) delete next.cutoff;
    else if (patch.cutoff !== undefined) next.cutoff = { minutesFromStart: patch.cutoff.minutesFromStart };
    return next;
  });
}

export function deleteCoursePoint(formula: Formula, id: string): Formula {
  const coursePoints = formula.coursePoints.filter((p) => p.id !== id);
  return coursePoints.length === formula.coursePoints.length ? formula : { ...formula, coursePoints };
}

/**
 * The kilometres of every point recomputed on the route's new geometry (call it whenever the
 * legs change). Each point's previous km picks the passage where the route goes by twice.
 * The formula itself is returned when nothing moved, so a no-op refresh makes no history entry.
 */
export function refreshCoursePoints(formula: Formula, coords: readonly Position[]): Formula {
  if (coords.length === 0) return formula;
  let changed = false;
  const coursePoints = formula.coursePoints.map((p) => {
    const placed = place(p.kind, p.lonlat, coords, p.km);
    if (placed.km === p.km && placed.lonlat[0] === p.lonlat[0] && placed.lonlat[1] === p.lonlat[1]) return p;
    changed = true;
    return { ...p, ...placed };
  });
  return changed ? { ...formula, coursePoints } : formula;
}

/** The points in course order (by km, start first and finish last on a tie). */
export function sortedCoursePoints(points: readonly CoursePoint[]): CoursePoint[] {
  const rank = (k: CoursePointKind) => (k === 'start' ? -1 : k === 'finish' ? 1 : 0);
  return points.slice().sort((a, b) => a.km - b.km || rank(a.kind) - rank(b.kind));
}

function mapPoint(formula: Formula, id: string, fn: (p: CoursePoint) => CoursePoint): Formula {
  const i = formula.coursePoints.findIndex((p) => p.id === id);
  if (i < 0) return formula;
  const coursePoints = formula.coursePoints.slice();
  coursePoints[i] = fn(coursePoints[i]);
  return { ...formula, coursePoints };
}
