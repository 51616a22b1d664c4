// Every formula of the event on the map: the drawn one bold in its colour, the others faded in
// theirs (each can be hidden from the formula list), the stretches they share and the drawn
// route's km markers. The positions come from the core: the shared stretches through the engine
// (40–60 ms for the Trail's four formulas, a long task on the page's thread), the km markers of
// the one drawn line here (under 2 ms); this hook picks the lines and hands them to the map controller.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { kmMarkers, type Event, type Formula, type FormulaLine, type SharedStretch } from '../../core/event/index';
import { joinLegs, type Leg } from '../../core/route/leg';
import { formulaColor, type FormulaLineView, type MapController } from '../../map/map-controller';
import type { EngineClient } from '../../../workers/client';
import { complete } from './legs';
import type { PlannerState } from './use-planner';

export interface FormulaMapDeps {
  controller: MapController | null;
  engine: EngineClient | null;
  event: Event | null;
  /** the formula drawn (the planner's route) */
  formula: Formula | null;
  legsFor: PlannerState['legsFor'];
  /** the drawn route's legs (null: still computed) */
  legs: readonly (Leg | null)[];
}

export interface FormulaMap {
  /** each formula's colour on the map, by id */
  colors: Record<string, string>;
  /** ids of the formulas hidden from the map (the drawn one is always shown) */
  hidden: string[];
  toggle: (id: string) => void;
  /** length of the stretches shown that several formulas share (m) */
  sharedLength_m: number;
}

export function useFormulaMap({ controller, engine, event, formula, legsFor, legs }: FormulaMapDeps): FormulaMap {
  const [hidden, setHidden] = useState<string[]>([]);
  const toggle = useCallback((id: string) => setHidden((h) => (h.includes(id) ? h.filter((x) => x !== id) : [...h, id])), []);
  const colors = useMemo(() => Object.fromEntries((event?.formulas ?? []).map((f, i) => [f.id, formulaColor(i)])), [event]);
  const shownId = formula?.id ?? null;

  // the other formulas, as far as their legs are computed
  const others = useMemo((): FormulaLineView[] => {
    if (!event) return [];
    return event.formulas
      .filter((f) => f.id !== shownId && !hidden.includes(f.id))
      .map((f) => ({ id: f.id, color: colors[f.id], lines: legsFor(f.route).flatMap((l) => (l ? [l.coords] : [])) }));
  }, [event, shownId, hidden, colors, legsFor]);

  // the drawn route as one line, once every leg is computed
  const drawnLine = useMemo(() => (complete(legs) ? joinLegs(legs) : null), [legs]);

  const sharedLines = useMemo(() => {
    const lines: FormulaLine[] = [];
    if (!event || event.formulas.length < 2) return lines;
    for (const f of event.formulas) {
      if (f.id !== shownId && hidden.includes(f.id)) continue;
      const coords = f.id === shownId ? drawnLine : ((l) => (complete(l) ? joinLegs(l) : null))(legsFor(f.route));
      if (coords && coords.length >= 2) lines.push({ id: f.id, coords });
    }
    return lines;
  }, [event, shownId, hidden, drawnLine, legsFor]);
  const [shared, setShared] = useState<SharedStretch[]>([]);
  useEffect(() => {
    if (!engine || sharedLines.length < 2) {
      setShared([]);
      return;
    }
    // the last lines asked win: an answer for lines since changed is dropped
    let current = true;
    engine.sharedStretches(sharedLines).then((s) => {
      if (current) setShared(s);
    });
    return () => {
      current = false;
    };
  }, [engine, sharedLines]);
  const sharedViews = useMemo(() => shared.map((s) => ({ formulas: s.formulas, coordinates: s.coords })), [shared]);
  const sharedLength_m = useMemo(() => shared.reduce((m, s) => m + s.length_m, 0), [shared]);

  const km = useMemo(() => (drawnLine ? kmMarkers(drawnLine) : []), [drawnLine]);

  useEffect(() => controller?.setFormulas(others), [controller, others]);
  useEffect(() => controller?.setSharedStretches(sharedViews), [controller, sharedViews]);
  useEffect(() => controller?.setKmMarkers(km), [controller, km]);
  useEffect(() => controller?.setRouteColor(shownId ? (colors[shownId] ?? null) : null), [controller, shownId, colors]);

  return { colors, hidden, toggle, sharedLength_m };
}
