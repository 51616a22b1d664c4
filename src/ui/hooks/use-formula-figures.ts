// The figures of the event's formulas against their targets (lap and total distance, climb),
// computed by the worker as their legs arrive, and the rows of the events panel drawn from them.
import { useEffect, useMemo, useRef, useState } from 'react';
import { controlPointDistances, type Event, type Formula, type FormulaStats } from '../../core/event/index';
import type { Leg } from '../../core/route/leg';
import type { RouteModel } from '../../core/route/model';
import type { EngineClient } from '../../../workers/client';
import type { FormulaDetail, FormulaRow } from '../components/events/types';
import { complete, sameLegs } from './legs';
import type { PlannerState } from './use-planner';

export interface FormulaFiguresDeps {
  engine: EngineClient | null;
  event: Event | null;
  /** the formula on the map */
  formula: Formula | null;
  legsFor: PlannerState['legsFor'];
  /** bumps when the elevation source changes: climbs are recomputed */
  /** changes with the elevation source (the engine's relief epoch): climbs are recomputed */
  demVersion: string;
}

export interface FormulaFigures {
  rows: FormulaRow[];
  detail: FormulaDetail | null;
}

/** Figures of one formula, with what they were computed from. */
interface FiguresEntry {
  route: RouteModel;
  laps: number;
  target: number;
  tolerance: number;
  legs: readonly Leg[];
  stats: FormulaStats | null;
}

function rowOf(f: Formula, entry: FiguresEntry | undefined): FormulaRow {
  const base = { id: f.id, name: f.name, targetDistance_m: f.targetDistance_m, tolerance_m: f.tolerance_m, laps: f.laps, loop: f.loop };
  if (f.route.points.length < 2) return { ...base, state: 'empty', figures: null };
  const fresh = entry?.stats && entry.route === f.route && entry.laps === f.laps && entry.target === f.targetDistance_m && entry.tolerance === f.tolerance_m;
  return { ...base, state: fresh ? 'ready' : 'computing', figures: entry?.stats ?? null };
}

export function useFormulaFigures({ engine, event, formula, legsFor, demVersion }: FormulaFiguresDeps): FormulaFigures {
  // entries are replaced as the worker answers; the version says the map changed
  const figures = useRef(new Map<string, FiguresEntry>());
  const [figuresVersion, setFiguresVersion] = useState(0);
  // a new relief is the reason to forget the figures
  useEffect(() => {
    figures.current.clear();
    setFiguresVersion((v) => v + 1);
  }, [demVersion]);
  // figuresVersion asks again after a clear
  useEffect(() => {
    if (!engine || !event) return;
    for (const f of event.formulas) {
      const legs = legsFor(f.route);
      if (!complete(legs)) continue;
      const prev = figures.current.get(f.id);
      if (
        prev &&
        prev.route === f.route &&
        prev.laps === f.laps &&
        prev.target === f.targetDistance_m &&
        prev.tolerance === f.tolerance_m &&
        sameLegs(prev.legs, legs)
      )
        continue;
      const entry: FiguresEntry = { route: f.route, laps: f.laps, target: f.targetDistance_m, tolerance: f.tolerance_m, legs, stats: null };
      figures.current.set(f.id, entry);
      engine.formulaStats(f, legs).then((stats) => {
        if (figures.current.get(f.id) !== entry) return;
        entry.stats = stats;
        setFiguresVersion((v) => v + 1);
      });
    }
  }, [engine, event, legsFor, figuresVersion]);

  // figuresVersion says the map of figures changed
  const rows = useMemo(() => (event ? event.formulas.map((f) => rowOf(f, figures.current.get(f.id))) : []), [event, figuresVersion]);
  // figuresVersion says the map of figures changed
  const detail = useMemo((): FormulaDetail | null => {
    if (!formula) return null;
    const row = rowOf(formula, figures.current.get(formula.id));
    const { points } = formula.route;
    const closed = points.length >= 3 && points[0][0] === points[points.length - 1][0] && points[0][1] === points[points.length - 1][1];
    const legs = closed ? legsFor(formula.route) : [];
    const controlKms = closed && complete(legs) ? controlPointDistances(legs).slice(0, -1) : null;
    return { ...row, closed, points: points.length, start: formula.start, cutoffPace_min_per_km: formula.cutoffPace_min_per_km, controlKms };
  }, [formula, legsFor, figuresVersion]);

  return { rows, detail };
}
