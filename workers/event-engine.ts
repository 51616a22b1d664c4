// The engine's methods for events and formulas (src/core/event): figures against the target,
// points on the course, GPX per formula and the event's zip, roadbook, project file. The page
// sends the legs it has (it keeps the leg cache); every figure and every byte is computed here.
// Spread into createEngine() (engine.ts), which gives the DEM.
import {
  addCoursePoint,
  eventGpxZip,
  formulaGpx,
  formulaStats,
  kmOfPoint,
  newFormula,
  parseProject,
  refreshCoursePoints,
  roadbook,
  sharedStretches,
  serializeProject,
  setGeometry,
  emptyProject,
  type CoursePoint,
  type CoursePointKind,
  type Event,
  type Formula,
  type FormulaGpxOptions,
  type FormulaLine,
  type FormulaStats,
  type Roadbook,
  type SharedStretch,
} from '../src/core/event/index';
import { fillElevation } from '../src/core/elevation/fill';
import type { Result } from '../src/core/errors';
import type { LonLat } from '../src/core/route/model';
import { analyseLegs } from '../src/core/route/analyse';
import { joinLegs, type Leg } from '../src/core/route/leg';
import type { DemGrid, Position } from '../src/core/types';
import type { Project } from '../src/core/event/project';
import { lineCrossings, type CrossableLine } from '../src/core/route/line-crossings';
import { waySurfaces } from '../src/core/route/ways';
import type { GpxFileOut, PlacedPoint, ZipOut } from './protocol';

/**
 * `roads`: the road lines known to the engine (imported OSM network layers; the embedded
 * cavaliers have none), for the roadbook's road crossings.
 */
export function eventMethods(dem: () => DemGrid | null, roads: () => CrossableLine[] = () => []) {
  /** One lap of a route as a line, with an elevation on each point from the DEM where it has none. */
  const geometry = (legs: readonly Leg[]): Position[] => (legs.length ? fillElevation(joinLegs(legs as Leg[]), dem()) : []);
  /** The same smoothed profile as the stats panel's (the route draped on the DEM, densified). */
  const profile = (legs: readonly Leg[]) => (legs.length ? analyseLegs(legs as Leg[], { dem: dem() }).profile : null);

  return {
    /** A route line from its legs with elevations (what is saved in a project file and written in a GPX). */
    routeGeometry(legs: Leg[]): Position[] {
      return geometry(legs);
    },

    /** The stretches several formulas run along (tens of milliseconds for the Trail's four: off the page's thread). */
    sharedStretches(lines: FormulaLine[]): SharedStretch[] {
      return sharedStretches(lines);
    },

    /** Lap and total distance, climb, and the distance against the target (targetCheck). */
    formulaStats(formula: Formula, legs: Leg[]): FormulaStats {
      return formulaStats(formula, geometry(legs), profile(legs));
    },

    /**
     * Where a click falls on the route (projected with kmOfPoint; start and finish go to the ends),
     * and how far from it the click was; null when the route has no line yet.
     */
    placeCoursePoint(legs: Leg[], kind: CoursePointKind, lonlat: LonLat): PlacedPoint | null {
      const coords = geometry(legs);
      if (coords.length < 2) return null;
      const on = kmOfPoint(coords, lonlat);
      if (!on) return null;
      const placed = addCoursePoint(
        newFormula({ name: '' }, () => 'x'),
        { kind, name: '', lonlat },
        coords,
        () => 'p',
      ).coursePoints[0];
      return { lonlat: placed.lonlat, km: placed.km, offset_m: on.offset_m };
    },

    /** The formula's points with their km on the route's current line; null when none changed. */
    refreshCoursePoints(formula: Formula, legs: Leg[]): CoursePoint[] | null {
      const next = refreshCoursePoints(formula, geometry(legs));
      return next === formula ? null : next.coursePoints;
    },

    /** The GPX of one formula (optionally simplified to maxPoints); null when it has no line. */
    formulaGpx(event: Event, formulaId: string, legs: Leg[], options: FormulaGpxOptions = {}): GpxFileOut | null {
      const formula = event.formulas.find((f) => f.id === formulaId);
      const coords = geometry(legs);
      if (!formula || coords.length < 2) return null;
      return formulaGpx(event, formula, coords, options);
    },

    /** Every traced formula of the event as one zip (names made distinct). */
    eventGpxZip(event: Event, legsByFormula: Record<string, Leg[]>, options: FormulaGpxOptions = {}): ZipOut {
      const lines = new Map<string, Position[]>();
      for (const f of event.formulas) {
        const legs = legsByFormula[f.id];
        if (legs) lines.set(f.id, geometry(legs));
      }
      const r = eventGpxZip(event, (id) => lines.get(id), options);
      return {
        zip: r.zip,
        files: r.files.map((f) => ({ formulaId: f.formulaId, fileName: f.fileName, points: f.points, simplification: f.simplification })),
        skipped: r.skipped,
      };
    },

    /** The printable roadbook rows of a formula. */
    roadbook(formula: Formula, legs: Leg[]): Roadbook {
      const line = geometry(legs);
      const crossings = lineCrossings(line, roads()).map(({ km, name }) => ({ km, name }));
      return roadbook(formula, line, { profile: profile(legs), crossings, ways: legs.length ? waySurfaces(legs) : null });
    },

    /** The project file's text: every event, each formula with the line of its legs (when given). */
    projectText(events: Event[], legsByFormula: Record<string, Leg[]>, savedAt?: string): string {
      let project: Project = { ...emptyProject(), events };
      for (const e of events)
        for (const f of e.formulas) {
          const legs = legsByFormula[f.id];
          if (legs?.length) project = setGeometry(project, f.id, geometry(legs));
        }
      return serializeProject(project, savedAt ? { savedAt } : {});
    },

    /** Reads a project file; a corrupt, foreign or newer file is an error, never a half-read project. */
    parseProject(text: string): Result<Project> {
      return parseProject(text);
    },
  };
}
