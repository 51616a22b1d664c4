// The planner's document and its edits, as pure functions: (doc, args) → new doc.
import type { LegMode } from '../core/route/leg';
import type { Track } from '../core/types';

export type LonLat = [number, number];

export interface RouteModel {
  name: string;
  /** control points, already snapped to the network when they were placed on it */
  points: LonLat[];
  /** how each leg between consecutive points is drawn; length = max(0, points.length - 1) */
  modes: LegMode[];
}

export interface ImportedTrack {
  id: string;
  track: Track;
}

export interface PlannerDoc {
  route: RouteModel;
  tracks: ImportedTrack[];
  /** what the stats panel measures and the export writes: the drawn route or an imported track */
  active: 'route' | string;
}

export const emptyDoc = (name = 'Nouveau parcours'): PlannerDoc => ({
  route: { name, points: [], modes: [] },
  tracks: [],
  active: 'route',
});

const withRoute = (doc: PlannerDoc, route: RouteModel): PlannerDoc => ({ ...doc, route, active: 'route' });

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
  return name === doc.route.name ? doc : { ...doc, route: { ...doc.route, name } };
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
