// The planner's document with events: the route on the map is the active formula's, every edit
// of events, formulas, points and routes is one undoable step, and the autosaved session
// restores the same document.
import { describe, expect, it } from 'vitest';
import { EVENT_TEMPLATES, createEvent, eventFromTemplate, type CoursePoint } from '../../src/core/event/index';
import { commit, historyOf, redo, undo } from '../../src/state/history';
import {
  activeEvent,
  activeFormula,
  addPoint,
  clearRoute,
  deletePoint,
  emptyDoc,
  movePoint,
  renameRoute,
  type LonLat,
  type PlannerDoc,
} from '../../src/state/planner';
import {
  addCoursePointTo,
  addEvent,
  addFormulaTo,
  applyRefreshedPoints,
  closeFormulaLoop,
  duplicateEventIn,
  duplicateFormulaIn,
  editCoursePoint,
  editEvent,
  editFormula,
  formulaById,
  removeCoursePoint,
  placeCoursePointAt,
  removeEvent,
  removeFormula,
  reverseFormula,
  selectEvent,
  selectFormula,
  setFormulaLaps,
} from '../../src/state/events';
import { fromSession, toSession } from '../../src/state/session';

const A: LonLat = [2.8, 50.4];
const B: LonLat = [2.81, 50.41];
const C: LonLat = [2.82, 50.42];

function counter(prefix = 'id') {
  let n = 0;
  return () => `${prefix}${++n}`;
}

const trail = EVENT_TEMPLATES.find((t) => t.id === 'trail-pyramides-noires')!;

/** The invariant of the document: the route on the map is the active formula's (same object), or the free route. */
function expectSynced(doc: PlannerDoc) {
  const f = activeFormula(doc);
  if (f) expect(doc.route).toBe(f.route);
  else expect(doc.route).toBe(doc.free);
  if (doc.activeFormulaId !== null) expect(activeEvent(doc)?.formulas.some((x) => x.id === doc.activeFormulaId)).toBe(true);
}

function withTrail(): PlannerDoc {
  return addEvent(emptyDoc(), eventFromTemplate(trail, counter('t')));
}

describe('events in the planner document', () => {
  it('starts with no event: the route is the free route, and route edits work as before', () => {
    const d = addPoint(addPoint(emptyDoc(), A, 'network'), B, 'network');
    expect(d.events).toEqual([]);
    expect(d.activeFormulaId).toBeNull();
    expect(d.free.points).toEqual([A, B]);
    expectSynced(d);
  });

  it('a new event from a template shows its first formula; drawing edits that formula’s route', () => {
    let d = withTrail();
    expect(activeEvent(d)?.name).toBe('Trail des Pyramides Noires');
    expect(activeFormula(d)?.name).toBe('Ultra 100 km');
    expectSynced(d);
    d = addPoint(addPoint(d, A, 'network'), B, 'straight');
    expectSynced(d);
    expect(activeFormula(d)!.route.points).toEqual([A, B]);
    expect(activeFormula(d)!.route.modes).toEqual(['straight']);
    // the other formulas and the free route are untouched
    expect(
      activeEvent(d)!
        .formulas.slice(1)
        .every((f) => f.route.points.length === 0),
    ).toBe(true);
    expect(d.free.points).toEqual([]);
    d = movePoint(d, 1, C);
    d = renameRoute(d, 'Boucle nord');
    expectSynced(d);
    expect(activeFormula(d)!.route).toMatchObject({ name: 'Boucle nord', points: [A, C] });
  });

  it('selecting another formula puts its route on the map and keeps the first one', () => {
    let d = addPoint(addPoint(withTrail(), A, 'network'), B, 'network');
    const [ultra, marathon] = activeEvent(d)!.formulas;
    d = selectFormula(d, marathon.id);
    expect(d.activeFormulaId).toBe(marathon.id);
    expect(d.route.points).toEqual([]);
    d = addPoint(d, C, 'network');
    expectSynced(d);
    expect(formulaById(d, ultra.id)!.route.points).toEqual([A, B]);
    expect(formulaById(d, marathon.id)!.route.points).toEqual([C]);
    d = selectFormula(d, ultra.id);
    expect(d.route.points).toEqual([A, B]);
    expectSynced(d);
  });

  it('the free route is kept while an event is shown, and comes back when none is', () => {
    let d = addPoint(emptyDoc(), A, 'network');
    d = addEvent(d, eventFromTemplate(trail, counter('t')));
    expect(d.route.points).toEqual([]);
    d = addPoint(d, B, 'network');
    d = selectEvent(d, null);
    expect(d.route.points).toEqual([A]);
    expectSynced(d);
    d = clearRoute(d);
    expect(d.free.points).toEqual([]);
    expect(activeEvent(selectEvent(d, d.events[0].id))).not.toBeNull();
    expect(selectEvent(d, d.events[0].id).route.points).toEqual([B]);
  });

  it('edits, duplicates and deletes events, keeping a valid selection', () => {
    let d = withTrail();
    const id = d.events[0].id;
    d = editEvent(d, id, { name: 'Trail 2026', dates: ['2026-06-14'], participants: { runners: 800, staff: 60, public: 1500 } });
    expect(d.events[0]).toMatchObject({ name: 'Trail 2026', dates: ['2026-06-14'], participants: { runners: 800, staff: 60, public: 1500 } });
    d = addPoint(d, A, 'network');
    d = duplicateEventIn(d, id, counter('c'));
    expect(d.events).toHaveLength(2);
    expect(d.events[1].name).toBe('Trail 2026 (copie)');
    expect(d.activeEventId).toBe(d.events[1].id);
    expect(d.route.points).toEqual([A]);
    // editing the copy's route leaves the original alone
    d = addPoint(d, B, 'network');
    expect(d.events[0].formulas[0].route.points).toEqual([A]);
    expectSynced(d);
    d = removeEvent(d, d.events[1].id);
    expect(d.events).toHaveLength(1);
    expect(d.activeEventId).toBe(id);
    expectSynced(d);
    d = removeEvent(d, id);
    expect(d.events).toEqual([]);
    expect(d.activeEventId).toBeNull();
    expect(d.activeFormulaId).toBeNull();
    expectSynced(d);
  });

  it('adds, duplicates (with the route) and deletes formulas', () => {
    let d = addEvent(emptyDoc(), createEvent({ name: 'Rando', discipline: 'marche' }, counter('e')));
    expect(d.activeFormulaId).toBeNull();
    const eventId = d.events[0].id;
    d = addFormulaTo(d, eventId, { name: '12 km', targetDistance_m: 12000 }, counter('f'));
    expect(activeFormula(d)?.name).toBe('12 km');
    d = addPoint(addPoint(d, A, 'network'), B, 'network');
    const first = d.activeFormulaId!;
    d = duplicateFormulaIn(d, first, counter('g'), '8 km');
    expect(activeFormula(d)?.name).toBe('8 km');
    expect(d.route.points).toEqual([A, B]);
    d = deletePoint(d, 1);
    expect(formulaById(d, first)!.route.points).toEqual([A, B]);
    expectSynced(d);
    d = removeFormula(d, d.activeFormulaId!);
    expect(d.activeFormulaId).toBe(first);
    expectSynced(d);
    d = removeFormula(d, first);
    expect(d.activeFormulaId).toBeNull();
    expect(d.route.points).toEqual([]);
    expectSynced(d);
  });

  it('closes, reverses and counts the laps of a loop formula', () => {
    let d = addPoint(addPoint(addPoint(withTrail(), A, 'network'), B, 'network'), C, 'straight');
    const id = d.activeFormulaId!;
    d = closeFormulaLoop(d, id);
    expect(d.route.points).toEqual([A, B, C, A]);
    expect(d.route.modes).toEqual(['network', 'straight', 'network']);
    expect(activeFormula(d)!.loop).toBe(true);
    d = reverseFormula(d, id);
    expect(d.route.points).toEqual([A, C, B, A]);
    expect(d.route.modes).toEqual(['network', 'straight', 'network']);
    expectSynced(d);
    d = setFormulaLaps(d, id, 3.7);
    expect(activeFormula(d)!.laps).toBe(3);
    expect(setFormulaLaps(d, id, 0).events[0].formulas[0].laps).toBe(1);
    expect(setFormulaLaps(d, id, 3)).toBe(d);
    d = editFormula(d, id, { targetDistance_m: 42000, tolerance_m: 1000, name: 'Marathon' });
    expect(activeFormula(d)).toMatchObject({ name: 'Marathon', targetDistance_m: 42000, tolerance_m: 1000 });
  });

  it('adds, edits and deletes points on the course; a refresh applies only to the route it was computed for', () => {
    let d = addPoint(addPoint(withTrail(), A, 'network'), B, 'network');
    const id = d.activeFormulaId!;
    const aid: CoursePoint = { id: 'p1', kind: 'aid', name: 'Ravito 1', lonlat: [2.805, 50.405], km: 0.7 };
    d = addCoursePointTo(d, id, aid);
    expect(activeFormula(d)!.coursePoints).toEqual([aid]);
    d = editCoursePoint(d, id, 'p1', { name: 'Ravito du terril', cutoff: { minutesFromStart: 90 } });
    expect(activeFormula(d)!.coursePoints[0]).toMatchObject({ name: 'Ravito du terril', cutoff: { minutesFromStart: 90 } });
    const basis = { route: activeFormula(d)!.route, coursePoints: activeFormula(d)!.coursePoints };
    const refreshed = [{ ...basis.coursePoints[0], km: 0.71 }];
    // the route changed since the refresh was asked: nothing happens
    const moved = movePoint(d, 1, C);
    expect(applyRefreshedPoints(moved, id, basis, refreshed)).toBe(moved);
    d = applyRefreshedPoints(d, id, basis, refreshed);
    expect(activeFormula(d)!.coursePoints[0].km).toBe(0.71);
    expectSynced(d);
    // dragged elsewhere on the route: its place and km are the worker's projection, its name and cut-off stay
    const before = d;
    d = placeCoursePointAt(d, id, 'p1', { lonlat: [2.8, 50.41], km: 1.25 });
    expect(activeFormula(d)!.coursePoints[0]).toMatchObject({ name: 'Ravito du terril', cutoff: { minutesFromStart: 90 }, lonlat: [2.8, 50.41], km: 1.25 });
    expect(activeFormula(before)!.coursePoints[0].km).toBe(0.71);
    expect(placeCoursePointAt(d, id, 'absent', { lonlat: [0, 0], km: 0 }).events).toEqual(d.events);
    expectSynced(d);
    d = removeCoursePoint(d, id, 'p1');
    expect(activeFormula(d)!.coursePoints).toEqual([]);
  });

  it('one history spans event, formula, point and route edits', () => {
    let h = historyOf(emptyDoc());
    const steps: ((d: PlannerDoc) => PlannerDoc)[] = [
      (d) => addEvent(d, eventFromTemplate(trail, counter('t'))),
      (d) => addPoint(d, A, 'network'),
      (d) => addPoint(d, B, 'network'),
      (d) => addCoursePointTo(d, d.activeFormulaId!, { id: 'p1', kind: 'aid', name: 'Ravito', lonlat: A, km: 0 }),
      (d) => selectFormula(d, d.events[0].formulas[1].id),
      (d) => addPoint(d, C, 'network'),
      (d) => editEvent(d, d.events[0].id, { name: 'Trail 2026' }),
    ];
    const states = [h.present];
    for (const s of steps) {
      h = commit(h, s(h.present));
      states.push(h.present);
      expectSynced(h.present);
    }
    for (let i = states.length - 2; i >= 0; i--) {
      h = undo(h);
      expect(h.present).toBe(states[i]);
      expectSynced(h.present);
    }
    expect(h.present.events).toEqual([]);
    for (let i = 1; i < states.length; i++) h = redo(h);
    expect(h.present).toBe(states[states.length - 1]);
  });
});

describe('the autosaved session', () => {
  it('restores events, formulas, routes, points, the free route and the selection', () => {
    let d = addPoint(emptyDoc(), C, 'straight');
    d = addEvent(d, eventFromTemplate(trail, counter('t')));
    d = addPoint(addPoint(d, A, 'network'), B, 'network');
    d = addCoursePointTo(d, d.activeFormulaId!, { id: 'p1', kind: 'aid', name: 'Ravito <b>1</b>', lonlat: A, km: 0 });
    d = selectFormula(d, d.events[0].formulas[2].id);
    d = addTrackLike(d);
    // through a structured clone, as IndexedDB stores it
    const back = fromSession(structuredClone(toSession(d)));
    if (!back.ok) throw new Error(back.reason);
    expect(back.doc).toEqual(d);
    expectSynced(back.doc);
  });

  it('refuses a foreign, corrupt or newer record', () => {
    const good = toSession(withTrail());
    expect(fromSession(null)).toEqual({ ok: false, reason: 'invalid' });
    expect(fromSession({ format: 'other', version: 1 })).toEqual({ ok: false, reason: 'invalid' });
    expect(fromSession({ ...good, version: 99 })).toEqual({ ok: false, reason: 'future-version' });
    const broken = structuredClone(good);
    (broken.doc.events[0].formulas[0] as { laps: unknown }).laps = 'many';
    expect(fromSession(broken)).toEqual({ ok: false, reason: 'invalid' });
    const badFree = structuredClone(good);
    badFree.doc.free = { name: 'x', points: [[2, 50]], modes: ['network'] };
    expect(fromSession(badFree)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('a selection that no longer exists falls back to none', () => {
    const s = toSession(withTrail());
    s.doc.activeFormulaId = 'nope';
    const back = fromSession(s);
    if (!back.ok) throw new Error(back.reason);
    expect(back.doc.activeFormulaId).toBeNull();
    expectSynced(back.doc);
  });
});

function addTrackLike(d: PlannerDoc): PlannerDoc {
  return {
    ...d,
    tracks: [
      {
        id: 'trk-1',
        track: {
          name: 'Trace',
          segments: [
            [
              [2.8, 50.4, 30],
              [2.81, 50.41, 35],
            ],
          ],
        },
      },
    ],
  };
}
