// The planner's document and its edits, as pure functions: (doc, args) → new doc.
//
// The document holds the events (with their formulas, routes and points on the course) and a
// free route drawn outside any event. `route` is the route on the map, the one every route edit
// below works on: the active formula's route, or the free route when no formula is active. It
// is a copy kept equal by construction, one way only: route edits go through putRoute, which
// writes the new route into its owner (the active formula, or `free`); event edits go through
// withEvents (src/state/events.ts), which reads `route` back from the active formula. So
// `doc.route === activeFormula.route` (the same object) after every edit; test/state checks it.
import type { Event, Formula } from '../core/event/model';
import type { LegMode } from '../core/route/leg';
import type { LonLat, RouteModel } from '../core/route/model';
import type { Track } from '../core/types';

// the route model moved to the core (events and project files carry it); re-exported for existing imports
export type { LonLat, RouteModel } from '../core/route/model';

export interface ImportedTrack {
  id: string;
  track: Track;
}

export interface PlannerDoc {
  /** the route on the map and in the route tools: the active formula's, or the free route */
  route: RouteModel;
  /** the route drawn outside any event; kept while a formula is active */
  free: RouteModel;
  tracks: ImportedTrack[];
  /** what the stats panel measures and the export writes: the drawn route or an imported track */
  active: 'route' | string;
  events: Event[];
  /** the event shown in the events panel; null: none (the free route) */
  activeEventId: string | null;
  /** the formula whose route is on the map (it belongs to the active event); null: the free route */
  activeFormulaId: string | null;
}

export const emptyDoc = (name = 'Nouveau parcours'): PlannerDoc => {
  const free: RouteModel = { name, points: [], modes: [] };
  return { route: free, free, tracks: [], active: 'route', events: [], activeEventId: null, activeFormulaId: null };
};

/** The active event, if any. */
export function activeEvent(doc: PlannerDoc): Event | null {
  return doc.activeEventId === null ? null : (doc.events.find((e) => e.id === doc.activeEventId) ?? null);
}

/** The active formula (whose route is `doc.route`), if any. */
export function activeFormula(doc: PlannerDoc): Formula | null {
  const id = doc.activeFormulaId;
  return id === null ? null : (activeEvent(doc)?.formulas.find((f) => f.id === id) ?? null);
}

/** The document with a new route on the map, written into its owner (the active formula, or the free route). */
function putRoute(doc: PlannerDoc, route: RouteModel): PlannerDoc {
  if (route === doc.route) return doc;
  const formula = activeFormula(doc);
  if (!formula) return { ...doc, route, free: route };
  const events = doc.events.map((e) =>
    e.id !== doc.activeEventId ? e : { ...e, formulas: e.formulas.map((f) => (f.id === formula.id ? { ...f, route } : f)) },
  );
  return { ...doc, route, events };
}

const withRoute = (doc: PlannerDoc, route: RouteModel): PlannerDoc => {
  const next = putRoute(doc, route);
  return next.active === 'route' ? next : { ...next, active: 'route' };
};

export function addPoint(doc: PlannerDoc, p: LonLat, mode: LegMode): PlannerDoc {
  const { points, modes } = doc.route;
  return withRoute(doc, { ...doc.route, points: [...points, p], modes: points.length ? [...modes, mode] : modes });
}

export function movePoint(doc: PlannerDoc, index: number, p: LonLat): PlannerDoc {
  if (index < 0 || index >= doc.route.points.length) return doc;
  const points = doc.route.points.slice();
  points[index] = p;
  return withRoute(doc, { ...doc.route, points });
}

/** Inserts a point inside leg `legIndex`; both halves keep that leg's mode. */
export function insertPoint(doc: PlannerDoc, legIndex: number, p: LonLat): PlannerDoc {
  const { points, modes } = doc.route;
  if (legIndex < 0 || legIndex >= modes.length) return doc;
  return withRoute(doc, {
    ...doc.route,
    points: [...points.slice(0, legIndex + 1), p, ...points.slice(legIndex + 1)],
    modes: [...modes.slice(0, legIndex + 1), modes[legIndex], ...modes.slice(legIndex + 1)],
  });
}

/** Deletes a point; deleting an inner point joins its two legs into one with the first leg's mode. */
export function deletePoint(doc: PlannerDoc, index: number): PlannerDoc {
  const { points, modes } = doc.route;
  if (index < 0 || index >= points.length) return doc;
  const nextPoints = points.filter((_, i) => i !== index);
  let nextModes: LegMode[];
  if (points.length === 1) nextModes = [];
  else if (index === 0) nextModes = modes.slice(1);
  else if (index === points.length - 1) nextModes = modes.slice(0, -1);
  else nextModes = [...modes.slice(0, index - 1), modes[index - 1], ...modes.slice(index + 1)];
  return withRoute(doc, { ...doc.route, points: nextPoints, modes: nextModes });
}

export function setLegMode(doc: PlannerDoc, legIndex: number, mode: LegMode): PlannerDoc {
  if (legIndex < 0 || legIndex >= doc.route.modes.length || doc.route.modes[legIndex] === mode) return doc;
  const modes = doc.route.modes.slice();
  modes[legIndex] = mode;
  return withRoute(doc, { ...doc.route, modes });
}

export function clearRoute(doc: PlannerDoc): PlannerDoc {
  if (doc.route.points.length === 0) return doc;
  return withRoute(doc, { ...doc.route, points: [], modes: [] });
}

export function renameRoute(doc: PlannerDoc, name: string): PlannerDoc {
  return name === doc.route.name ? doc : putRoute(doc, { ...doc.route, name });
}

export function addTrack(doc: PlannerDoc, track: ImportedTrack): PlannerDoc {
  return { ...doc, tracks: [...doc.tracks, track], active: track.id };
}

export function removeTrack(doc: PlannerDoc, id: string): PlannerDoc {
  const tracks = doc.tracks.filter((t) => t.id !== id);
  return { ...doc, tracks, active: doc.active === id ? 'route' : doc.active };
}

export function setActive(doc: PlannerDoc, active: PlannerDoc['active']): PlannerDoc {
  return doc.active === active ? doc : { ...doc, active };
}
