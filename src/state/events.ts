// Edits of the events, formulas and points on the course in the planner's document, as pure
// functions (doc, args) → new doc, so they go into the one undo history with the route edits.
// The core (src/core/event) does the work on events and formulas; here they are put back in the
// document and the route on the map is kept equal to the active formula's (see planner.ts).
import {
  addFormula,
  addFormulaFromStretch,
  closeLoop,
  controlPointDistances,
  deleteCoursePoint,
  deleteEvent,
  deleteFormula,
  duplicateEvent,
  duplicateFormula,
  isClosedLoop,
  moveLoopStart,
  replaceEvent,
  reverseRoute,
  updateCoursePoint,
  updateEvent,
  updateFormula,
  type CoursePoint,
  type CoursePointPatch,
  type Event,
  type EventPatch,
  type Formula,
  type FormulaInit,
  type FormulaPatch,
  type LegLine,
  type NewId,
} from '../core/event/index';
import { activeEvent, activeFormula, type PlannerDoc } from './planner';
import type { LonLat } from '../core/route/model';

/**
 * The document with a new list of events and/or a new selection; `route` is read back from the
 * active formula (or the free route). A selection that no longer exists falls back: an unknown
 * event to none, an unknown formula to none.
 */
export function withEvents(doc: PlannerDoc, events: Event[], selection: { eventId?: string | null; formulaId?: string | null } = {}): PlannerDoc {
  let eventId = selection.eventId !== undefined ? selection.eventId : doc.activeEventId;
  let formulaId = selection.formulaId !== undefined ? selection.formulaId : doc.activeFormulaId;
  const event = eventId === null ? undefined : events.find((e) => e.id === eventId);
  if (!event) eventId = null;
  const formula = event && formulaId !== null ? event.formulas.find((f) => f.id === formulaId) : undefined;
  if (!formula) formulaId = null;
  const route = formula ? formula.route : doc.free;
  const active = route === doc.route ? doc.active : 'route';
  if (events === doc.events && eventId === doc.activeEventId && formulaId === doc.activeFormulaId && route === doc.route) return doc;
  return { ...doc, events, activeEventId: eventId, activeFormulaId: formulaId, route, active };
}

const eventById = (doc: PlannerDoc, id: string) => doc.events.find((e) => e.id === id);

/** The event holding a formula (formula ids are unique in the whole document). */
function eventOfFormula(doc: PlannerDoc, formulaId: string): Event | undefined {
  return doc.events.find((e) => e.formulas.some((f) => f.id === formulaId));
}

export function formulaById(doc: PlannerDoc, formulaId: string): Formula | undefined {
  return eventOfFormula(doc, formulaId)?.formulas.find((f) => f.id === formulaId);
}

// ── selection ─────────────────────────────────────────────────────────────────

/** Shows an event (null: the free route) and puts its first formula on the map. */
export function selectEvent(doc: PlannerDoc, eventId: string | null): PlannerDoc {
  if (eventId === doc.activeEventId) return doc;
  const event = eventId === null ? undefined : eventById(doc, eventId);
  return withEvents(doc, doc.events, { eventId: event?.id ?? null, formulaId: event?.formulas[0]?.id ?? null });
}

/** Puts a formula's route on the map (and shows its event). */
export function selectFormula(doc: PlannerDoc, formulaId: string): PlannerDoc {
  const event = eventOfFormula(doc, formulaId);
  if (!event) return doc;
  return withEvents(doc, doc.events, { eventId: event.id, formulaId });
}

// ── events ────────────────────────────────────────────────────────────────────

/** Adds an event (made by the core: createEvent, eventFromTemplate) and shows it with its first formula. */
export function addEvent(doc: PlannerDoc, event: Event): PlannerDoc {
  return withEvents(doc, [...doc.events, event], { eventId: event.id, formulaId: event.formulas[0]?.id ?? null });
}

export function editEvent(doc: PlannerDoc, eventId: string, patch: EventPatch): PlannerDoc {
  const event = eventById(doc, eventId);
  if (!event) return doc;
  const next = updateEvent(event, patch);
  return withEvents(doc, replaceEvent(doc.events, next));
}

/** A copy of the event with fresh ids, placed right after it and shown (its formula of the same rank on the map). */
export function duplicateEventIn(doc: PlannerDoc, eventId: string, newId: NewId, name?: string): PlannerDoc {
  const i = doc.events.findIndex((e) => e.id === eventId);
  if (i < 0) return doc;
  const src = doc.events[i];
  const copy = duplicateEvent(src, newId, name);
  const rank = Math.max(
    0,
    src.formulas.findIndex((f) => f.id === doc.activeFormulaId),
  );
  const events = [...doc.events.slice(0, i + 1), copy, ...doc.events.slice(i + 1)];
  return withEvents(doc, events, { eventId: copy.id, formulaId: copy.formulas[rank]?.id ?? null });
}

/** Deletes an event; when it was shown, the next one (or the previous, or none) is shown instead. */
export function removeEvent(doc: PlannerDoc, eventId: string): PlannerDoc {
  const i = doc.events.findIndex((e) => e.id === eventId);
  if (i < 0) return doc;
  const events = deleteEvent(doc.events, eventId);
  if (doc.activeEventId !== eventId) return withEvents(doc, events);
  const next = events[i] ?? events[i - 1] ?? null;
  return withEvents(doc, events, { eventId: next?.id ?? null, formulaId: next?.formulas[0]?.id ?? null });
}

// ── formulas ──────────────────────────────────────────────────────────────────

/** Adds a formula to an event and puts it on the map. */
export function addFormulaTo(doc: PlannerDoc, eventId: string, init: FormulaInit, newId: NewId): PlannerDoc {
  const event = eventById(doc, eventId);
  if (!event) return doc;
  const next = addFormula(event, init, newId);
  const added = next.formulas[next.formulas.length - 1];
  return withEvents(doc, replaceEvent(doc.events, next), { eventId, formulaId: added.id });
}

/** A copy of a formula (its route, points, target, laps) right after it, put on the map. */
export function duplicateFormulaIn(doc: PlannerDoc, formulaId: string, newId: NewId, name?: string): PlannerDoc {
  const event = eventOfFormula(doc, formulaId);
  if (!event) return doc;
  const next = duplicateFormula(event, formulaId, newId, name);
  const i = next.formulas.findIndex((f) => f.id === formulaId);
  return withEvents(doc, replaceEvent(doc.events, next), { eventId: event.id, formulaId: next.formulas[i + 1].id });
}

/** Deletes a formula; when it was on the map, its neighbour takes its place. */
export function removeFormula(doc: PlannerDoc, formulaId: string): PlannerDoc {
  const event = eventOfFormula(doc, formulaId);
  if (!event) return doc;
  const i = event.formulas.findIndex((f) => f.id === formulaId);
  const next = deleteFormula(event, formulaId);
  const events = replaceEvent(doc.events, next);
  if (doc.activeFormulaId !== formulaId) return withEvents(doc, events);
  const neighbour = next.formulas[i] ?? next.formulas[i - 1] ?? null;
  return withEvents(doc, events, { eventId: event.id, formulaId: neighbour?.id ?? null });
}

/** Any change of one formula (a patch or a function of it): name, target, laps, start, pace, route… */
export function editFormula(doc: PlannerDoc, formulaId: string, patch: FormulaPatch | ((f: Formula) => Formula)): PlannerDoc {
  const event = eventOfFormula(doc, formulaId);
  if (!event) return doc;
  const next = updateFormula(event, formulaId, patch);
  return next === event ? doc : withEvents(doc, replaceEvent(doc.events, next));
}

const onRoute =
  (fn: (r: Formula['route']) => Formula['route']) =>
  (f: Formula): Formula => {
    const route = fn(f.route);
    return route === f.route ? f : { ...f, route };
  };

/** Adds the last leg back to the start (following the paths) and marks the formula as a loop. */
export function closeFormulaLoop(doc: PlannerDoc, formulaId: string): PlannerDoc {
  return editFormula(doc, formulaId, (f) => {
    const g = onRoute((r) => closeLoop(r, 'network'))(f);
    return g.loop ? g : { ...g, loop: true };
  });
}

/** The formula's route the other way round. */
export function reverseFormula(doc: PlannerDoc, formulaId: string): PlannerDoc {
  return editFormula(doc, formulaId, onRoute(reverseRoute));
}

/**
 * A new formula whose route is the stretch of another's between two km (legs: the source
 * route's derived legs), placed right after it and put on the map. Nothing changes when the
 * stretch would be empty (under a metre, or legs not matching the route).
 */
export function addFormulaFromStretchIn(
  doc: PlannerDoc,
  sourceId: string,
  legs: readonly LegLine[],
  fromKm: number,
  toKm: number,
  init: FormulaInit,
  newId: NewId,
): PlannerDoc {
  const event = eventOfFormula(doc, sourceId);
  if (!event) return doc;
  const next = addFormulaFromStretch(event, sourceId, legs, fromKm, toKm, init, newId);
  if (next === event) return doc;
  const added = next.formulas[next.formulas.length - 1];
  if (added.route.points.length < 2) return doc;
  const i = event.formulas.findIndex((f) => f.id === sourceId);
  const formulas = [...event.formulas.slice(0, i + 1), added, ...event.formulas.slice(i + 1)];
  return withEvents(doc, replaceEvent(doc.events, { ...next, formulas }), { eventId: event.id, formulaId: added.id });
}

/**
 * Starts a closed loop at another of its control points (index in route.points), keeping path
 * and direction. With the route's legs, the points on the course get their km shifted at once
 * (start 0, finish the lap, the others by the distance of the new start, modulo the lap): both a
 * consistent display until the worker refreshes them and the hint that picks the right passage.
 */
export function moveFormulaStart(doc: PlannerDoc, formulaId: string, point: number, legs?: readonly LegLine[]): PlannerDoc {
  return editFormula(doc, formulaId, (f) => {
    if (!isClosedLoop(f.route)) return f;
    const route = moveLoopStart(f.route, { point });
    if (route === f.route) return f;
    let coursePoints = f.coursePoints;
    if (legs && legs.length === f.route.modes.length && coursePoints.length > 0) {
      const d = controlPointDistances(legs);
      const lap = d[d.length - 1] / 1000;
      const shift = d[point % (f.route.points.length - 1)] / 1000;
      if (lap > 0) {
        coursePoints = coursePoints.map((p) => {
          const km = p.kind === 'start' ? 0 : p.kind === 'finish' ? lap : (((p.km - shift) % lap) + lap) % lap;
          return km === p.km ? p : { ...p, km };
        });
      }
    }
    return { ...f, route, coursePoints };
  });
}

/** Laps ridden on the route (whole number ≥ 1). */
export function setFormulaLaps(doc: PlannerDoc, formulaId: string, laps: number): PlannerDoc {
  const n = Math.max(1, Math.min(1000, Math.floor(Number.isFinite(laps) ? laps : 1)));
  return editFormula(doc, formulaId, (f) => (f.laps === n ? f : { ...f, laps: n }));
}

// ── points on the course ──────────────────────────────────────────────────────

/** Adds a point already placed on the route (the worker projects the click: see engine.placeCoursePoint). */
export function addCoursePointTo(doc: PlannerDoc, formulaId: string, point: CoursePoint): PlannerDoc {
  return editFormula(doc, formulaId, (f) => ({ ...f, coursePoints: [...f.coursePoints, point] }));
}

/** Moves a point to a place the worker projected onto the route (engine.placeCoursePoint, as for a new one). */
export function placeCoursePointAt(doc: PlannerDoc, formulaId: string, pointId: string, placed: { lonlat: LonLat; km: number }): PlannerDoc {
  return editFormula(doc, formulaId, (f) => ({
    ...f,
    coursePoints: f.coursePoints.map((p) => (p.id === pointId ? { ...p, lonlat: [placed.lonlat[0], placed.lonlat[1]], km: placed.km } : p)),
  }));
}

export function editCoursePoint(doc: PlannerDoc, formulaId: string, pointId: string, patch: CoursePointPatch): PlannerDoc {
  return editFormula(doc, formulaId, (f) => updateCoursePoint(f, pointId, patch));
}

export function removeCoursePoint(doc: PlannerDoc, formulaId: string, pointId: string): PlannerDoc {
  return editFormula(doc, formulaId, (f) => deleteCoursePoint(f, pointId));
}

/**
 * The points of a formula with the km the worker recomputed on its route (refreshCoursePoints),
 * applied only if the formula still has the route and points they were computed from: a late
 * answer about an older route changes nothing.
 */
export function applyRefreshedPoints(
  doc: PlannerDoc,
  formulaId: string,
  basis: { route: Formula['route']; coursePoints: CoursePoint[] },
  refreshed: CoursePoint[],
): PlannerDoc {
  const f = formulaById(doc, formulaId);
  if (!f || f.route !== basis.route || f.coursePoints !== basis.coursePoints) return doc;
  return editFormula(doc, formulaId, { coursePoints: refreshed });
}

export { activeEvent, activeFormula };
