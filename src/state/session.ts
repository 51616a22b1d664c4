// The working session as it is autosaved (IndexedDB, see src/adapters/idb-store.ts) and restored
// on load: the whole document, without the undo history (a reload starts a fresh history).
//
// {format: 'cavalier-session', version: 1, savedAt, seq?, doc: {events, free, tracks, active,
//  activeEventId, activeFormulaId}}
//
// `seq` orders the session against the journal of the last edit (src/state/journal.ts); a
// session saved before it existed reads as 0, older than any journal.
//
// Stored as plain data by structured clone (no JSON text, so saving on `pagehide` is one
// synchronous put). Restoring never trusts what it reads: the events go through the same full
// check as an opened project file (project-shape.ts), the free route and the imported tracks
// through the checks below; anything wrong makes the whole record unusable (null), and the
// app starts empty and says so rather than half-restoring.
import { events as checkEvents, obj, ShapeError } from '../core/event/project-shape';
import type { LegMode } from '../core/route/leg';
import type { LonLat, RouteModel } from '../core/route/model';
import type { Position } from '../core/types';
import { activeFormula, type ImportedTrack, type PlannerDoc } from './planner';

export const SESSION_FORMAT = 'cavalier-session';
export const SESSION_VERSION = 1;

export interface SavedSession {
  format: typeof SESSION_FORMAT;
  version: number;
  savedAt: string;
  seq?: number;
  doc: Omit<PlannerDoc, 'route'>;
}

export function toSession(doc: PlannerDoc, savedAt = new Date().toISOString(), seq?: number): SavedSession {
  const { route: _route, ...rest } = doc;
  return { format: SESSION_FORMAT, version: SESSION_VERSION, savedAt, ...(seq === undefined ? {} : { seq }), doc: rest };
}

/** The `seq` of a saved session as read (0 when absent or not a number). */
export function sessionSeq(raw: unknown): number {
  const seq = (raw as { seq?: unknown } | null)?.seq;
  return typeof seq === 'number' && Number.isFinite(seq) ? seq : 0;
}

export type RestoreResult = { ok: true; doc: PlannerDoc } | { ok: false; reason: 'invalid' | 'future-version' };

/** The document of a saved session, checked; `route` is put back from the active formula or the free route. */
export function fromSession(raw: unknown): RestoreResult {
  try {
    const o = obj(raw, '$');
    if (o.format !== SESSION_FORMAT || typeof o.version !== 'number') return { ok: false, reason: 'invalid' };
    if (o.version > SESSION_VERSION) return { ok: false, reason: 'future-version' };
    const d = obj(o.doc, 'doc');
    const { events } = checkEvents(d.events, 'doc.events');
    const free = checkRoute(d.free, 'doc.free');
    const tracks = checkTracks(d.tracks, 'doc.tracks');
    const eventId = typeof d.activeEventId === 'string' && events.some((e) => e.id === d.activeEventId) ? d.activeEventId : null;
    const event = events.find((e) => e.id === eventId);
    const formulaId = event && typeof d.activeFormulaId === 'string' && event.formulas.some((f) => f.id === d.activeFormulaId) ? d.activeFormulaId : null;
    const active = typeof d.active === 'string' && (d.active === 'route' || tracks.some((t) => t.id === d.active)) ? d.active : 'route';
    const doc: PlannerDoc = { route: free, free, tracks, active, events, activeEventId: eventId, activeFormulaId: formulaId };
    const formula = activeFormula(doc);
    return { ok: true, doc: formula ? { ...doc, route: formula.route } : doc };
  } catch (e) {
    if (e instanceof ShapeError) return { ok: false, reason: 'invalid' };
    throw e;
  }
}

const MODES: readonly LegMode[] = ['network', 'straight'];

const isLonLat = (p: unknown): p is LonLat =>
  Array.isArray(p) && p.length === 2 && p.every((x) => typeof x === 'number' && Number.isFinite(x)) && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;

function checkRoute(v: unknown, path: string): RouteModel {
  const o = obj(v, path);
  if (typeof o.name !== 'string' || !Array.isArray(o.points) || !Array.isArray(o.modes)) throw new ShapeError(path);
  if (!o.points.every(isLonLat)) throw new ShapeError(`${path}.points`);
  if (!o.modes.every((m) => (MODES as readonly unknown[]).includes(m))) throw new ShapeError(`${path}.modes`);
  if (o.modes.length !== Math.max(0, o.points.length - 1)) throw new ShapeError(`${path}.modes`);
  return { name: o.name, points: o.points.map((p: LonLat): LonLat => [p[0], p[1]]), modes: o.modes.slice() as LegMode[] };
}

const isPosition = (p: unknown): p is Position =>
  Array.isArray(p) && (p.length === 2 || p.length === 3) && p.every((x) => typeof x === 'number' && Number.isFinite(x));

function checkTracks(v: unknown, path: string): ImportedTrack[] {
  if (!Array.isArray(v)) throw new ShapeError(path);
  return v.map((t, i) => {
    const o = obj(t, `${path}[${i}]`);
    const track = obj(o.track, `${path}[${i}].track`);
    if (typeof o.id !== 'string' || typeof track.name !== 'string' || !Array.isArray(track.segments)) throw new ShapeError(`${path}[${i}]`);
    const segments = track.segments.map((s, j) => {
      if (!Array.isArray(s) || !s.every(isPosition)) throw new ShapeError(`${path}[${i}].track.segments[${j}]`);
      return s as Position[];
    });
    // times as JSON keeps them: null where a point has none (NaN in memory)
    const times = Array.isArray(track.times) && track.times.length === segments.length ? track.times : undefined;
    const timed = times?.every((t, j) => Array.isArray(t) && t.length === segments[j].length && t.every((x) => x === null || typeof x === 'number')) === true;
    return {
      id: o.id,
      track: {
        name: track.name,
        segments,
        ...(timed && times ? { times: times.map((t) => (t as (number | null)[]).map((x) => (x === null ? NaN : x))) } : {}),
        ...(track.kind === 'route' ? { kind: 'route' as const } : {}),
      },
    };
  });
}
