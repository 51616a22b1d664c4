// « Nouvelle formule depuis un tronçon » and « Déplacer le départ » as edits of the planner's
// document: one undoable step each, the new formula on the map, the points' km shifted.
import { describe, expect, it } from 'vitest';
import { EVENT_TEMPLATES, controlPointDistances, eventFromTemplate, type LegLine } from '../../src/core/event/index';
import { positionsLength } from '../../src/core/geo/geodesic';
import { commit, historyOf, undo } from '../../src/state/history';
import { activeEvent, activeFormula, addPoint, emptyDoc, type LonLat, type PlannerDoc } from '../../src/state/planner';
import { addCoursePointTo, addEvent, addFormulaFromStretchIn, closeFormulaLoop, formulaById, moveFormulaStart } from '../../src/state/events';

const A: LonLat = [2.8, 50.4];
const B: LonLat = [2.81, 50.4];
const C: LonLat = [2.81, 50.41];

function counter(prefix = 'id') {
  let n = 0;
  return () => `${prefix}${++n}`;
}
const trail = EVENT_TEMPLATES.find((t) => t.id === 'trail-pyramides-noires')!;

/** Straight legs between the route's control points (what the worker gives for 'straight'). */
const legsOf = (d: PlannerDoc): LegLine[] => d.route.points.slice(1).map((p, i) => ({ coords: [d.route.points[i], p] }));

function drawn(): PlannerDoc {
  let d = addEvent(emptyDoc(), eventFromTemplate(trail, counter('t')));
  for (const p of [A, B, C]) d = addPoint(d, p, 'straight');
  return d;
}

describe('a new formula from a stretch', () => {
  it('adds the stretch right after its source, puts it on the map, and is one undoable step', () => {
    const d0 = drawn();
    const src = d0.activeFormulaId!;
    const legs = legsOf(d0);
    const total = controlPointDistances(legs).at(-1)!;
    let h = historyOf(d0);
    h = commit(h, addFormulaFromStretchIn(h.present, src, legs, 0.2, 1.1, { name: 'Petit' }, counter('n')));
    const d = h.present;
    const formulas = activeEvent(d)!.formulas;
    expect(formulas).toHaveLength(activeEvent(d0)!.formulas.length + 1);
    expect(formulas[1].name).toBe('Petit');
    expect(d.activeFormulaId).toBe(formulas[1].id);
    expect(d.route).toBe(formulas[1].route);
    expect(d.route.modes).toEqual(['straight', 'straight']);
    expect(d.route.points[1]).toEqual(B);
    expect(positionsLength(d.route.points)).toBeCloseTo(900, 0);
    expect(formulaById(d, src)!.route).toBe(d0.route);
    expect(total).toBeGreaterThan(1100);
    h = undo(h);
    expect(h.present).toBe(d0);
  });

  it('changes nothing for an empty stretch or legs that do not match', () => {
    const d = drawn();
    const id = d.activeFormulaId!;
    expect(addFormulaFromStretchIn(d, id, legsOf(d), 0.5, 0.5, { name: 'x' }, counter())).toBe(d);
    expect(addFormulaFromStretchIn(d, id, legsOf(d).slice(1), 0, 0.5, { name: 'x' }, counter())).toBe(d);
    expect(addFormulaFromStretchIn(d, 'nope', legsOf(d), 0, 0.5, { name: 'x' }, counter())).toBe(d);
  });
});

describe('moving the start of a loop', () => {
  it('starts the loop at another control point and shifts the km of its points, in one step', () => {
    const open = drawn();
    const id = open.activeFormulaId!;
    let d = closeFormulaLoop(open, id);
    expect(d.route.points).toEqual([A, B, C, A]);
    const legs = legsOf(d);
    const at = controlPointDistances(legs);
    const lap = at[3] / 1000;
    d = addCoursePointTo(d, id, { id: 's', kind: 'start', name: 'Départ', lonlat: A, km: 0 });
    d = addCoursePointTo(d, id, { id: 'a', kind: 'aid', name: 'Ravito', lonlat: C, km: at[2] / 1000 });
    d = addCoursePointTo(d, id, { id: 'f', kind: 'finish', name: 'Arrivée', lonlat: A, km: lap });
    let h = historyOf(d);
    h = commit(h, moveFormulaStart(h.present, id, 1, legs));
    const f = activeFormula(h.present)!;
    expect(h.present.route.points).toEqual([B, C, A, B]);
    expect(h.present.route).toBe(f.route);
    const km = Object.fromEntries(f.coursePoints.map((p) => [p.id, p.km]));
    expect(km.s).toBe(0);
    expect(km.f).toBeCloseTo(lap, 9);
    expect(km.a).toBeCloseTo((at[2] - at[1]) / 1000, 9);
    h = undo(h);
    expect(h.present).toBe(d);
  });

  it('leaves an open route, the current start or an index out of range alone', () => {
    const open = drawn();
    expect(moveFormulaStart(open, open.activeFormulaId!, 1)).toBe(open);
    const d = closeFormulaLoop(open, open.activeFormulaId!);
    expect(moveFormulaStart(d, d.activeFormulaId!, 0)).toBe(d);
    expect(moveFormulaStart(d, d.activeFormulaId!, 3)).toBe(d);
    expect(moveFormulaStart(d, d.activeFormulaId!, 9)).toBe(d);
  });
});
