// One GPX 1.1 file per formula, as participants load it on their watch or bike computer:
// - one trk (no rte, which devices recompute), one lap for a loop ridden several times;
// - ele on every point when known (interior gaps interpolated, see geometry.ts);
// - metadata: name "event — formula", desc with event, formula, date(s) and distance, time
//   from the formula's start (else the event's first day at 00:00), French time with its offset;
// - the points on the course as wpt before the trk (XSD order), each with name, a desc giving
//   its km and its cut-off, the cut-off alone in cmt, a Garmin-spelled sym and a type (see
//   COURSE_POINT_SYMBOLS and CUT-OFFS ON THE WATCH below);
// - optionally simplified to a maximum number of points for old devices (simplify.ts).
// The CLI (src/cli/export.ts) calls the same functions as the app, hence the same bytes.
import type { GeoError } from '../errors';
import { positionsLength } from '../geo/geodesic';
import { elevationOf } from '../geo/position';
import { writeGpx, type GpxWaypoint } from '../gpx/write';
import type { Position } from '../types';
import { parisDateTime } from './clock';
import { sortedCoursePoints } from './course-points';
import { safeFileName, uniqueFileNames } from './filename';
import { fillElevationGaps, normalizeGeometry } from './geometry';
import { kmOfPoint } from './locate';
import { coursePointCutoff, type Cutoff } from './cutoffs';
import type { CoursePoint, CoursePointKind, Event, Formula } from './model';
import { simplifyToLimit, type SimplifyReport } from './simplify';

/**
 * How each kind of point is written. `sym` is spelled as in Garmin's waypoint symbol list
 * (MapSource/BaseCamp names, matched exactly by devices: 'Flag, Blue', not 'Blue Flag').
 * `type` is the name of the FIT course-point type in capitals, the form in which Garmin
 * Connect reads wpt/type and turns the waypoint into a course point ("Up Ahead" on the
 * device): AID_STATION, WATER, DANGER… Start, finish and marshal posts have no course-point
 * type of their own and are GENERIC.
 */
export const COURSE_POINT_SYMBOLS: Readonly<Record<CoursePointKind, { sym: string; type: string }>> = {
  start: { sym: 'Flag, Green', type: 'GENERIC' },
  finish: { sym: 'Flag, Red', type: 'GENERIC' },
  aid: { sym: 'Food Source', type: 'AID_STATION' },
  checkpoint: { sym: 'Flag, Blue', type: 'CHECKPOINT' },
  marshal: { sym: 'Pin, Blue', type: 'GENERIC' },
  danger: { sym: 'Danger Area', type: 'DANGER' },
  water: { sym: 'Water Source', type: 'WATER' },
  info: { sym: 'Information', type: 'INFO' },
  parking: { sym: 'Parking Area', type: 'PARKING' },
  public: { sym: 'Stadium', type: 'SPECTATORS' },
};

export interface FormulaGpxOptions {
  /** simplify the line to at most this many points (≥ 2); none by default */
  maxPoints?: number | null;
  creator?: string;
  /**
   * the word written before a cut-off in cmt and desc (« Barrière horaire », "Cut-off"), from
   * the dictionary (key gpx.cutoff); without it the time is written alone
   */
  cutoffLabel?: string;
}

export interface FormulaGpx {
  formulaId: string;
  fileName: string;
  text: string;
  /** trkpt written */
  points: number;
  /** set when the line was simplified: points, tolerance and the change of distance */
  simplification: SimplifyReport | null;
  /** what the GPX could not hold (impossible coordinates or elevations), when anything */
  warnings?: GeoError[];
}

const km1 = (m: number) => (m / 1000).toFixed(1);

/** The file for one formula whose route line (one lap) is `geometry`. */
export function formulaGpx(event: Event, formula: Formula, geometry: readonly Position[], options: FormulaGpxOptions = {}): FormulaGpx {
  const full = fillElevationGaps(normalizeGeometry(geometry));
  let line = full;
  let simplification: SimplifyReport | null = null;
  if (options.maxPoints != null && full.length > Math.max(2, Math.floor(options.maxPoints))) {
    const s = simplifyToLimit(full, options.maxPoints);
    line = s.coords;
    simplification = s.report;
  }
  const title = `${event.name} — ${formula.name}`;
  const time = metadataTime(event, formula);
  const { text, warnings } = writeGpx(
    { name: title, segments: line.length ? [line] : [] },
    {
      creator: options.creator ?? 'Cavalier',
      description: description(event, formula, positionsLength(full)),
      ...(time ? { time } : {}),
      waypoints: waypoints(formula, full, options.cutoffLabel ?? ''),
    },
  );
  return {
    formulaId: formula.id,
    fileName: safeFileName([event.name, formula.name], 'gpx'),
    text,
    points: line.length,
    simplification,
    ...(warnings.length ? { warnings } : {}),
  };
}

export interface EventGpx {
  files: FormulaGpx[];
  /** formulas left out because their route is empty */
  skipped: string[];
}

/** Files for every formula of an event that has a route, with names made distinct. */
export function eventGpxFiles(event: Event, geometryOf: (formulaId: string) => readonly Position[] | undefined, options: FormulaGpxOptions = {}): EventGpx {
  const files: FormulaGpx[] = [];
  const skipped: string[] = [];
  for (const f of event.formulas) {
    const g = geometryOf(f.id);
    if (!g || g.length < 2) skipped.push(f.id);
    else files.push(formulaGpx(event, f, g, options));
  }
  return { files: withUniqueNames(files), skipped };
}

/** The same files with colliding names numbered ("a.gpx", "a-2.gpx"), ignoring case. */
export function withUniqueNames(files: readonly FormulaGpx[]): FormulaGpx[] {
  const names = uniqueFileNames(files.map((f) => f.fileName));
  return files.map((f, i) => (names[i] === f.fileName ? f : { ...f, fileName: names[i] }));
}

function metadataTime(event: Event, formula: Formula): string | null {
  if (formula.start) return parisDateTime(formula.start);
  if (event.dates.length) return parisDateTime(`${event.dates[0]}T00:00`);
  return null;
}

function description(event: Event, formula: Formula, lap_m: number): string {
  const laps = Math.max(1, Math.floor(formula.laps));
  const when = formula.start ? formula.start.slice(0, 10) : event.dates.join(', ');
  const distance = laps > 1 ? `${laps} × ${km1(lap_m)} km` : `${km1(lap_m)} km`;
  return [event.name, formula.name, when, distance].filter(Boolean).join(' · ');
}

// CUT-OFFS ON THE WATCH. What the devices show of a wpt:
// - Garmin Connect, importing a GPX course, turns the waypoints lying within about 35 m of the
//   track into course points, keeping their name and (wpt/type) their course-point type; its
//   Up Ahead page lists them by name, with the distance left (CoursePointer's notes on Garmin
//   Connect's GPX import, https://github.com/mshroyer/coursepointer, README « Wait, can't I
//   just import my GPX into Garmin Connect? »). The FIT course point name is short, so the
//   name stays the point's own name.
// - Garmin handhelds and BaseCamp keep the GPX `cmt` as the waypoint's comment and `desc` as
//   its description, the two text fields of a Garmin waypoint (FME's Garmin reader/writer
//   feature types: cmt « Comment for the waypoint », desc « Description of the waypoint »,
//   docs.safe.com/fme/2017.0/.../garmin_mps/feature_types.htm); GPX 1.1 itself says `cmt` is
//   sent to the GPS as it is and `desc` is for the user's display.
// - Suunto's route import makes waypoints from the GPX points that carry a name or a type and
//   alerts when the runner reaches one on the route (apizone.suunto.com/route-description; the
//   Suunto app shows the name and description of each waypoint).
// So the cut-off goes in both: `cmt` holds the cut-off alone (« Barrière horaire 11:30 »), `desc`
// the km then the cut-off (« km 12.3 · Barrière horaire 11:30 »), plain text with no markup.
// On a formula of several laps the track is one lap and each point is passed once per lap: the
// cut-off of every passage is listed (« 10:30 / 12:00 / 13:30 »), and the finish has the last.
// Without a start time a cut-off is a time from the start, written « T+3:30 ».

/** The time of a cut-off as the watch shows it: the clock, else h:mm from the start. */
function cutoffTime(c: Cutoff): string {
  if (c.clock) return c.clock.slice(11, 16);
  return `T+${Math.floor(c.minutesFromStart / 60)}:${String(c.minutesFromStart % 60).padStart(2, '0')}`;
}

/** Cut-offs of every passage of a point at `km` on one lap (the finish: once, at the end). */
function pointCutoffs(formula: Formula, p: CoursePoint, km: number, lap_km: number): Cutoff[] {
  const laps = Math.max(1, Math.floor(formula.laps));
  const at = { ...p, km };
  if (p.kind === 'finish') {
    const c = coursePointCutoff(formula, at, laps, lap_km);
    return c ? [c] : [];
  }
  const out: Cutoff[] = [];
  for (let lap = 1; lap <= (p.kind === 'start' ? 1 : laps); lap++) {
    const c = coursePointCutoff(formula, at, lap, lap_km);
    if (c) out.push(c);
  }
  return out;
}

/** Points on the course, on the line and in course order, with their km and cut-offs on this geometry. */
function waypoints(formula: Formula, coords: readonly Position[], cutoffLabel: string): GpxWaypoint[] {
  if (coords.length === 0) return [];
  const length_m = positionsLength(coords);
  return sortedCoursePoints(formula.coursePoints)
    .map((p) => {
      let at: Position;
      let km: number;
      if (p.kind === 'start') [at, km] = [coords[0], 0];
      else if (p.kind === 'finish') [at, km] = [coords[coords.length - 1], length_m / 1000];
      else {
        const on = kmOfPoint(coords, p.lonlat, p.km)!;
        [at, km] = [on.position, on.km];
      }
      return { p, at, km };
    })
    .sort((a, b) => a.km - b.km)
    .map(({ p, at, km }) => {
      const { sym, type } = COURSE_POINT_SYMBOLS[p.kind];
      const label = `km ${km.toFixed(1)}`;
      const cutoffs = pointCutoffs(formula, p, km, length_m / 1000);
      const cmt = cutoffs.length ? [cutoffLabel, cutoffs.map(cutoffTime).join(' / ')].filter(Boolean).join(' ') : '';
      const ele = elevationOf(at);
      return {
        lon: at[0],
        lat: at[1],
        ...(ele !== undefined ? { ele } : {}),
        name: p.name.trim() || label,
        ...(cmt ? { cmt } : {}),
        desc: cmt ? `${label} · ${cmt}` : label,
        sym,
        type,
      };
    });
}
