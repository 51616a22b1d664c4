// Full validation of a project file's content (schema version 1), never trusting it: every
// field is checked and copied into a fresh object, so unknown fields, odd prototypes and
// wrong types never reach the app. Names are kept as data (any text, bounded in length); the
// app renders them as text, never as HTML. The first problem found is reported with its path
// ("events[0].formulas[2].laps"), made of our own field names and indices only.
import { isIsoDate, isLocalDateTime } from './clock';
import type { LegMode } from '../route/leg';
import type { LonLat, RouteModel } from '../route/model';
import type { Position } from '../types';
import {
  COURSE_POINT_KINDS,
  DISCIPLINES,
  IMPACT_CODES,
  MEASURE_CODES,
  type CoursePoint,
  type CoursePointKind,
  type Discipline,
  type DossierAnswers,
  type Event,
  type Formula,
  type ImpactAnswer,
  type ImpactCode,
  type MeasureCode,
  type Organiser,
  type Participants,
} from './model';

const LIMITS = {
  name: 500,
  events: 1000,
  formulas: 200,
  dates: 366,
  participants: 10_000_000,
  distance_m: 10_000_000,
  laps: 1000,
  routePoints: 20_000,
  coursePoints: 2000,
  geometry: 2_000_000,
  cutoffMinutes: 100_000,
  pace: 1000,
  /** the organiser's free texts (address, measures) */
  text: 5000,
} as const;

/** Letters and digits first (so never "__proto__"), then letters, digits, '-' and '_': UUIDs fit. */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export class ShapeError extends Error {
  constructor(readonly path: string) {
    super(`invalid at ${path}`);
  }
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function obj(v: unknown, path: string): Obj {
  if (!isObj(v)) throw new ShapeError(path);
  return v;
}

function arr(v: unknown, path: string, max: number): unknown[] {
  if (!Array.isArray(v) || v.length > max) throw new ShapeError(path);
  return v;
}

function str(v: unknown, path: string, max: number = LIMITS.name): string {
  if (typeof v !== 'string' || v.length > max) throw new ShapeError(path);
  return v;
}

function num(v: unknown, path: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) throw new ShapeError(path);
  return v;
}

function int(v: unknown, path: string, min: number, max: number): number {
  const n = num(v, path, min, max);
  if (!Number.isInteger(n)) throw new ShapeError(path);
  return n;
}

function bool(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') throw new ShapeError(path);
  return v;
}

function oneOf<T extends string>(v: unknown, path: string, values: readonly T[]): T {
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) throw new ShapeError(path);
  return v as T;
}

function id(v: unknown, path: string): string {
  if (typeof v !== 'string' || !ID_PATTERN.test(v)) throw new ShapeError(path);
  return v;
}

function lonlat(v: unknown, path: string): LonLat {
  const a = arr(v, path, 2);
  if (a.length !== 2) throw new ShapeError(path);
  return [num(a[0], path, -180, 180), num(a[1], path, -90, 90)];
}

function pos(v: unknown, path: string): Position {
  if (!Array.isArray(v) || v.length < 2 || v.length > 3) throw new ShapeError(path);
  const lon = num(v[0], path, -180, 180);
  const lat = num(v[1], path, -90, 90);
  return v.length === 3 ? [lon, lat, num(v[2], path, -20_000, 20_000)] : [lon, lat];
}

const MODES: readonly LegMode[] = ['network', 'straight'];

function route(v: unknown, path: string): RouteModel {
  const o = obj(v, path);
  const points = arr(o.points, `${path}.points`, LIMITS.routePoints).map((p, i) => lonlat(p, `${path}.points[${i}]`));
  const modes = arr(o.modes, `${path}.modes`, LIMITS.routePoints).map((m, i) => oneOf(m, `${path}.modes[${i}]`, MODES));
  if (modes.length !== Math.max(0, points.length - 1)) throw new ShapeError(`${path}.modes`);
  return { name: str(o.name, `${path}.name`), points, modes };
}

function coursePoint(v: unknown, path: string): CoursePoint {
  const o = obj(v, path);
  const p: CoursePoint = {
    id: id(o.id, `${path}.id`),
    kind: oneOf<CoursePointKind>(o.kind, `${path}.kind`, COURSE_POINT_KINDS),
    name: str(o.name, `${path}.name`),
    lonlat: lonlat(o.lonlat, `${path}.lonlat`),
    km: num(o.km, `${path}.km`, 0, LIMITS.distance_m / 1000),
  };
  if (o.cutoff !== undefined && o.cutoff !== null) {
    const c = obj(o.cutoff, `${path}.cutoff`);
    p.cutoff = { minutesFromStart: num(c.minutesFromStart, `${path}.cutoff.minutesFromStart`, 0, LIMITS.cutoffMinutes) };
  }
  return p;
}

/** A formula and the geometry stored beside it in the file ([] when none was saved). */
function formula(v: unknown, path: string): { formula: Formula; geometry: Position[] } {
  const o = obj(v, path);
  const coursePoints = arr(o.coursePoints, `${path}.coursePoints`, LIMITS.coursePoints).map((p, i) => coursePoint(p, `${path}.coursePoints[${i}]`));
  unique(
    coursePoints.map((p) => p.id),
    `${path}.coursePoints`,
  );
  const start = o.start === null ? null : str(o.start, `${path}.start`, 16);
  if (start !== null && !isLocalDateTime(start)) throw new ShapeError(`${path}.start`);
  const pace = o.cutoffPace_min_per_km === null ? null : num(o.cutoffPace_min_per_km, `${path}.cutoffPace_min_per_km`, 0, LIMITS.pace);
  if (pace === 0) throw new ShapeError(`${path}.cutoffPace_min_per_km`);
  const geometry = o.geometry === undefined ? [] : arr(o.geometry, `${path}.geometry`, LIMITS.geometry).map((p, i) => pos(p, `${path}.geometry[${i}]`));
  return {
    formula: {
      id: id(o.id, `${path}.id`),
      name: str(o.name, `${path}.name`),
      targetDistance_m: num(o.targetDistance_m, `${path}.targetDistance_m`, 0, LIMITS.distance_m),
      tolerance_m: num(o.tolerance_m, `${path}.tolerance_m`, 0, LIMITS.distance_m),
      laps: int(o.laps, `${path}.laps`, 1, LIMITS.laps),
      loop: bool(o.loop, `${path}.loop`),
      route: route(o.route, `${path}.route`),
      coursePoints,
      start,
      cutoffPace_min_per_km: pace,
    },
    geometry,
  };
}

function participants(v: unknown, path: string): Participants {
  const o = obj(v, path);
  return {
    runners: int(o.runners, `${path}.runners`, 0, LIMITS.participants),
    staff: int(o.staff, `${path}.staff`, 0, LIMITS.participants),
    public: int(o.public, `${path}.public`, 0, LIMITS.participants),
  };
}

function organiser(v: unknown, path: string): Organiser {
  const o = obj(v, path);
  return { name: str(o.name, `${path}.name`), address: str(o.address, `${path}.address`, LIMITS.text), contact: str(o.contact, `${path}.contact`) };
}

function dossier(v: unknown, path: string): DossierAnswers {
  const o = obj(v, path);
  const given = obj(o.impacts, `${path}.impacts`);
  const impacts: Partial<Record<ImpactCode, ImpactAnswer>> = {};
  for (const k of Object.keys(given)) {
    const code = oneOf<ImpactCode>(k, `${path}.impacts`, IMPACT_CODES);
    const a = obj(given[k], `${path}.impacts.${code}`);
    impacts[code] = {
      answer: oneOf(a.answer, `${path}.impacts.${code}.answer`, ['yes', 'no'] as const),
      note: str(a.note, `${path}.impacts.${code}.note`, LIMITS.text),
    };
  }
  const measures = arr(o.measures, `${path}.measures`, MEASURE_CODES.length).map((m, i) => oneOf<MeasureCode>(m, `${path}.measures[${i}]`, MEASURE_CODES));
  unique(measures, `${path}.measures`);
  const signedOn = o.signedOn === null ? null : str(o.signedOn, `${path}.signedOn`, 10);
  if (signedOn !== null && !isIsoDate(signedOn)) throw new ShapeError(`${path}.signedOn`);
  return {
    impacts,
    measures,
    measuresText: str(o.measuresText, `${path}.measuresText`, LIMITS.text),
    conclusion: o.conclusion === null ? null : oneOf(o.conclusion, `${path}.conclusion`, ['no', 'yes'] as const),
    place: str(o.place, `${path}.place`),
    signedOn,
    signatory: str(o.signatory, `${path}.signatory`),
  };
}

/** An event and, per formula id, the geometry stored in the file. */
function event(v: unknown, path: string): { event: Event; geometry: Map<string, Position[]> } {
  const o = obj(v, path);
  const dates = arr(o.dates, `${path}.dates`, LIMITS.dates).map((d, i) => {
    const s = str(d, `${path}.dates[${i}]`, 10);
    if (!isIsoDate(s)) throw new ShapeError(`${path}.dates[${i}]`);
    return s;
  });
  const geometry = new Map<string, Position[]>();
  const formulas = arr(o.formulas, `${path}.formulas`, LIMITS.formulas).map((f, i) => {
    const r = formula(f, `${path}.formulas[${i}]`);
    if (r.geometry.length) geometry.set(r.formula.id, r.geometry);
    return r.formula;
  });
  return {
    event: {
      id: id(o.id, `${path}.id`),
      name: str(o.name, `${path}.name`),
      discipline: oneOf<Discipline>(o.discipline, `${path}.discipline`, DISCIPLINES),
      dates,
      participants: participants(o.participants, `${path}.participants`),
      formulas,
      ...(o.organiser === undefined ? {} : { organiser: organiser(o.organiser, `${path}.organiser`) }),
      ...(o.dossier === undefined ? {} : { dossier: dossier(o.dossier, `${path}.dossier`) }),
    },
    geometry,
  };
}

export function events(v: unknown, path: string): { events: Event[]; geometry: Map<string, Position[]> } {
  const geometry = new Map<string, Position[]>();
  const list = arr(v, path, LIMITS.events).map((e, i) => {
    const r = event(e, `${path}[${i}]`);
    for (const [k, g] of r.geometry) geometry.set(k, g);
    return r.event;
  });
  unique(
    list.map((e) => e.id),
    path,
  );
  // formula ids key the geometry, so they are unique across the whole project
  unique(
    list.flatMap((e) => e.formulas.map((f) => f.id)),
    `${path}[].formulas`,
  );
  return { events: list, geometry };
}

function unique(ids: string[], path: string): void {
  if (new Set(ids).size !== ids.length) throw new ShapeError(`${path} (duplicate id)`);
}
