// Formulas of an event: add, copy, reuse a stretch of another's route, edit, delete.
import type { RouteModel } from '../route/model';
import type { Event, Formula, NewId } from './model';
import { routeStretch, type LegLine } from './route-ops';

export interface FormulaInit {
  name: string;
  targetDistance_m?: number;
  tolerance_m?: number;
  laps?: number;
  loop?: boolean;
  route?: RouteModel;
  start?: string | null;
  cutoffPace_min_per_km?: number | null;
}

/** 2 % of the target, at least 200 m: a marked course is rarely closer to its poster figure. */
export const defaultTolerance = (target_m: number): number => Math.max(200, Math.round((target_m * 0.02) / 100) * 100);

export function newFormula(init: FormulaInit, newId: NewId): Formula {
  const target = init.targetDistance_m ?? 0;
  return {
    id: newId(),
    name: init.name,
    targetDistance_m: target,
    tolerance_m: init.tolerance_m ?? defaultTolerance(target),
    laps: Math.max(1, Math.floor(init.laps ?? 1)),
    loop: init.loop ?? false,
    route: init.route ?? { name: init.name, points: [], modes: [] },
    coursePoints: [],
    start: init.start ?? null,
    cutoffPace_min_per_km: init.cutoffPace_min_per_km ?? null,
  };
}

export function addFormula(event: Event, init: FormulaInit, newId: NewId): Event {
  return { ...event, formulas: [...event.formulas, newFormula(init, newId)] };
}

/**
 * A copy of a formula (route, points, target, laps, timing) placed right after it, with fresh
 * ids: the usual start of a shorter formula that shares the start, the finish and most of the way.
 */
export function duplicateFormula(event: Event, formulaId: string, newId: NewId, name?: string): Event {
  const i = event.formulas.findIndex((f) => f.id === formulaId);
  if (i < 0) return event;
  const src = event.formulas[i];
  const copy: Formula = {
    ...src,
    id: newId(),
    name: name ?? `${src.name} (copie)`,
    coursePoints: src.coursePoints.map((p) => ({ ...p, id: newId() })),
  };
  return { ...event, formulas: [...event.formulas.slice(0, i + 1), copy, ...event.formulas.slice(i + 1)] };
}

/**
 * A new formula whose route is the stretch of another formula's route between two km (see
 * routeStretch; `legs` are the source route's derived legs). Course points are not copied:
 * their km would mean something else on the new route.
 */
export function addFormulaFromStretch(
  event: Event,
  sourceId: string,
  legs: readonly LegLine[],
  fromKm: number,
  toKm: number,
  init: FormulaInit,
  newId: NewId,
): Event {
  const src = event.formulas.find((f) => f.id === sourceId);
  if (!src) return event;
  return addFormula(event, { ...init, route: routeStretch(src.route, legs, fromKm, toKm, init.name) }, newId);
}

export type FormulaPatch = Partial<Omit<Formula, 'id'>>;

export function updateFormula(event: Event, formulaId: string, patch: FormulaPatch | ((f: Formula) => Formula)): Event {
  const i = event.formulas.findIndex((f) => f.id === formulaId);
  if (i < 0) return event;
  const before = event.formulas[i];
  const after = typeof patch === 'function' ? patch(before) : { ...before, ...patch };
  if (after === before) return event;
  const formulas = event.formulas.slice();
  formulas[i] = after;
  return { ...event, formulas };
}

export function renameFormula(event: Event, formulaId: string, name: string): Event {
  return updateFormula(event, formulaId, (f) => (f.name === name ? f : { ...f, name }));
}

export function deleteFormula(event: Event, formulaId: string): Event {
  const formulas = event.formulas.filter((f) => f.id !== formulaId);
  return formulas.length === event.formulas.length ? event : { ...event, formulas };
}
