// The project file: every event with its formulas, saved as JSON and opened again.
//
// {"format":"cavalier-project","schemaVersion":1,"savedAt"?:…,"events":[…]}
//
// Each formula in the file carries `geometry`: its route line (one lap) as the app derived it
// from the legs when saving, [lon, lat, ele?] rounded as in the GPX. The legs themselves are
// derived data (the network decides them), but storing their line means the file is complete
// on its own: `cavalier export` writes the GPX files without the network, which the CLI only has
// when public/data exists, and an opened file shows its routes before the worker has recomputed
// them. In memory the geometry sits beside the events (Project.geometry), outside the undo history.
//
// Opening never trusts the text: a newer schema version is refused ('project.future-version')
// rather than half-read, anything that is not a complete project of a known version is
// 'project.invalid', and older versions are migrated step by step (MIGRATIONS) before the
// full check of project-shape.ts.
import { fail, ok, type GeoError, type Result } from '../errors';
import type { Position } from '../types';
import { normalizeGeometry } from './geometry';
import { IMPACT_CODES, MEASURE_CODES, type DossierAnswers, type Event, type ImpactAnswer, type ImpactCode } from './model';
import { events as checkEvents, obj, ShapeError } from './project-shape';

const PROJECT_FORMAT = 'cavalier-project';
export const PROJECT_SCHEMA_VERSION = 1;

export interface Project {
  events: Event[];
  /** per formula id, its route line (one lap) as last derived; a formula without one is simply absent */
  geometry: Record<string, Position[]>;
}

export const emptyProject = (): Project => ({ events: [], geometry: Object.create(null) as Record<string, Position[]> });

/** The stored line of a formula (own properties only: ids are data). */
export function geometryOf(project: Project, formulaId: string): Position[] | undefined {
  return Object.hasOwn(project.geometry, formulaId) ? project.geometry[formulaId] : undefined;
}

/**
 * The project with a formula's line stored (or removed, with null), e.g. from the worker's legs
 * when saving. The record stays prototype-free.
 */
export function setGeometry(project: Project, formulaId: string, coords: readonly Position[] | null): Project {
  const geometry: Record<string, Position[]> = Object.create(null);
  for (const k of Object.keys(project.geometry)) if (k !== formulaId) geometry[k] = project.geometry[k];
  if (coords) geometry[formulaId] = coords.slice();
  return { ...project, geometry };
}

export interface SerializeOptions {
  /** xsd-style timestamp of the save, left to the caller so the output is reproducible */
  savedAt?: string;
}

/** The project as file text. Key order is fixed, so the same project gives the same text. */
export function serializeProject(project: Project, options: SerializeOptions = {}): string {
  const doc = {
    format: PROJECT_FORMAT,
    schemaVersion: PROJECT_SCHEMA_VERSION,
    ...(options.savedAt ? { savedAt: options.savedAt } : {}),
    events: project.events.map((e) => ({
      id: e.id,
      name: e.name,
      discipline: e.discipline,
      dates: e.dates,
      participants: { runners: e.participants.runners, staff: e.participants.staff, public: e.participants.public },
      ...(e.organiser ? { organiser: { name: e.organiser.name, address: e.organiser.address, contact: e.organiser.contact } } : {}),
      ...(e.dossier ? { dossier: dossierJson(e.dossier) } : {}),
      formulas: e.formulas.map((f) => ({
        id: f.id,
        name: f.name,
        targetDistance_m: f.targetDistance_m,
        tolerance_m: f.tolerance_m,
        laps: f.laps,
        loop: f.loop,
        start: f.start,
        cutoffPace_min_per_km: f.cutoffPace_min_per_km,
        route: { name: f.route.name, points: f.route.points, modes: f.route.modes },
        coursePoints: f.coursePoints.map((p) => ({
          id: p.id,
          kind: p.kind,
          name: p.name,
          lonlat: p.lonlat,
          km: p.km,
          ...(p.cutoff ? { cutoff: { minutesFromStart: p.cutoff.minutesFromStart } } : {}),
        })),
        geometry: normalizeGeometry(geometryOf(project, f.id) ?? []),
      })),
    })),
  };
  return `${JSON.stringify(doc)}\n`;
}

/** The dossier's answers with a fixed key order (impacts in IMPACT_CODES order). */
function dossierJson(d: DossierAnswers) {
  const impacts: Partial<Record<ImpactCode, ImpactAnswer>> = {};
  for (const code of IMPACT_CODES) {
    const a = d.impacts[code];
    if (a) impacts[code] = { answer: a.answer, note: a.note };
  }
  return {
    impacts,
    measures: MEASURE_CODES.filter((m) => d.measures.includes(m)),
    measuresText: d.measuresText,
    conclusion: d.conclusion,
    place: d.place,
    signedOn: d.signedOn,
    signatory: d.signatory,
  };
}

/**
 * Migrations, MIGRATIONS[n] taking a version-n document to version n + 1. They receive
 * unchecked data and only reshape it; the full check runs on the result.
 */
const MIGRATIONS: readonly ((doc: Record<string, unknown>) => Record<string, unknown>)[] = [
  // v0, before events existed: the planner's route saved as it was, {name, points, modes,
  // geometry?}, without a version. It becomes one event with one formula of that route, no
  // target (unknown then), a loop if it ends where it starts.
  (v0) => {
    const points = Array.isArray(v0.points) ? v0.points : [];
    const first = points[0];
    const last = points[points.length - 1];
    const closed = points.length >= 3 && Array.isArray(first) && Array.isArray(last) && first[0] === last[0] && first[1] === last[1];
    const name = typeof v0.name === 'string' && v0.name.trim() ? v0.name : 'Parcours';
    return {
      format: PROJECT_FORMAT,
      schemaVersion: 1,
      events: [
        {
          id: 'event-1',
          name,
          discipline: 'trail',
          dates: [],
          participants: { runners: 0, staff: 0, public: 0 },
          formulas: [
            {
              id: 'formula-1',
              name,
              targetDistance_m: 0,
              tolerance_m: 0,
              laps: 1,
              loop: closed,
              start: null,
              cutoffPace_min_per_km: null,
              route: { name, points: v0.points, modes: v0.modes },
              coursePoints: [],
              geometry: v0.geometry ?? [],
            },
          ],
        },
      ],
    };
  },
];

/** Which version a parsed document claims; null when it is no project file at all. */
function versionOf(doc: Record<string, unknown>): number | null {
  if ('schemaVersion' in doc) {
    const v = doc.schemaVersion;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) return null;
    // from version 1 on the file says what it is; a foreign JSON with a schemaVersion is not ours
    if (v >= 1 && doc.format !== PROJECT_FORMAT) return null;
    return v;
  }
  return Array.isArray(doc.points) && Array.isArray(doc.modes) ? 0 : null;
}

/**
 * The text of a number member of the root object, as the file writes it; the last one when the
 * key is repeated, as JSON.parse keeps. The text must be JSON whose root is an object.
 */
function topLevelNumberText(json: string, key: string): string | undefined {
  const number = /\s*:\s*(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/y;
  let depth = 0;
  let atKey = false;
  let found: string | undefined;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (c === '"') {
      let j = i + 1;
      while (json[j] !== '"') j += json[j] === '\\' ? 2 : 1;
      // a key may be written with escapes ("schema\u0056ersion"): compare it decoded
      if (depth === 1 && atKey) {
        atKey = false;
        if (JSON.parse(json.slice(i, j + 1)) === key) {
          number.lastIndex = j + 1;
          found = number.exec(json)?.[1];
        }
      }
      i = j;
    } else if (c === '{' || c === '[') {
      depth++;
      atKey = depth === 1;
    } else if (c === '}' || c === ']') depth--;
    else if (c === ',' && depth === 1) atKey = true;
  }
  return found;
}

/**
 * Reads a project file. Warnings: 'project.migrated' (with `from`) when an older version was
 * converted, so the app can say that saving will write the new format.
 */
export function parseProject(text: string): Result<Project> {
  const json = text.replace(/^\uFEFF/, '');
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return fail('project.invalid');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('project.invalid');
  let doc = raw as Record<string, unknown>;
  const version = versionOf(doc);
  if (version === null) return fail('project.invalid');
  if (version > PROJECT_SCHEMA_VERSION) {
    // quoted as written: past 2^53 the parsed number is another one (…993 reads …992)
    return fail('project.future-version', { version: topLevelNumberText(json, 'schemaVersion') ?? String(version), supported: PROJECT_SCHEMA_VERSION });
  }
  const warnings: GeoError[] = [];
  for (let v = version; v < PROJECT_SCHEMA_VERSION; v++) doc = MIGRATIONS[v](doc);
  if (version < PROJECT_SCHEMA_VERSION) warnings.push({ code: 'project.migrated', detail: { from: version } });
  try {
    const root = obj(doc, '$');
    const checked = checkEvents(root.events, 'events');
    // a null-prototype record: formula ids are data and must never reach Object.prototype
    const geometry: Record<string, Position[]> = Object.create(null);
    for (const [k, g] of checked.geometry) geometry[k] = g;
    return ok({ events: checked.events, geometry }, warnings);
  } catch (e) {
    if (e instanceof ShapeError) return fail('project.invalid', { path: e.path });
    throw e;
  }
}
