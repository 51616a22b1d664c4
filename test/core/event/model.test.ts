import { describe, expect, it } from 'vitest';
import {
  addFormula,
  addFormulaFromStretch,
  createEvent,
  deleteEvent,
  deleteFormula,
  duplicateEvent,
  duplicateFormula,
  EVENT_TEMPLATES,
  eventFromTemplate,
  renameEvent,
  renameFormula,
  replaceEvent,
  updateFormula,
} from '../../../src/core/event';
import type { Event } from '../../../src/core/event/model';
import { counter } from './helpers';

const base = (): Event => {
  const ids = counter('e');
  let e = createEvent({ name: 'Trail test', discipline: 'trail', dates: ['2025-06-14'] }, ids);
  e = addFormula(e, { name: 'Long', targetDistance_m: 42000, tolerance_m: 1000 }, ids);
  return e;
};

describe('events', () => {
  it('creates, renames, replaces and deletes', () => {
    const e = base();
    expect(e).toMatchObject({ id: 'e1', name: 'Trail test', discipline: 'trail', dates: ['2025-06-14'], participants: { runners: 0, staff: 0, public: 0 } });
    expect(renameEvent(e, 'Trail test')).toBe(e);
    const r = renameEvent(e, 'Autre');
    expect(r.name).toBe('Autre');
    expect(e.name).toBe('Trail test');
    const list = replaceEvent([e], r);
    expect(list).toEqual([r]);
    expect(replaceEvent([e], { ...r, id: 'x' })).toHaveLength(2);
    expect(deleteEvent(list, 'e1')).toEqual([]);
  });

  it('duplicates with fresh ids everywhere and copies nothing by reference that could be edited', () => {
    const ids = counter('d');
    const e = base();
    e.formulas[0].coursePoints.push({ id: 'p', kind: 'aid', name: 'Ravito', lonlat: [2.8, 50.4], km: 3 });
    const d = duplicateEvent(e, ids);
    expect(d.id).toBe('d1');
    expect(d.name).toBe('Trail test (copie)');
    expect(d.formulas[0].id).toBe('d2');
    expect(d.formulas[0].coursePoints[0].id).toBe('d3');
    expect(d.formulas[0].route).toEqual(e.formulas[0].route);
    expect(d.dates).not.toBe(e.dates);
  });
});

describe('formulas', () => {
  it('adds with defaults, duplicates after the source, renames, updates and deletes', () => {
    const ids = counter('f');
    let e = base();
    expect(e.formulas[0]).toMatchObject({ laps: 1, loop: false, start: null, cutoffPace_min_per_km: null, coursePoints: [] });
    e = addFormula(e, { name: 'Court', targetDistance_m: 21000 }, ids);
    // default tolerance: 2 % rounded to 100 m, at least 200 m
    expect(e.formulas[1].tolerance_m).toBe(400);
    e = addFormula(e, { name: 'Mini', targetDistance_m: 1000, laps: 2.7 }, ids);
    expect(e.formulas[2]).toMatchObject({ tolerance_m: 200, laps: 2 });
    e = updateFormula(e, e.formulas[0].id, {
      route: {
        name: 'Long',
        points: [
          [2.8, 50.4],
          [2.81, 50.41],
        ],
        modes: ['straight'],
      },
    });
    e = duplicateFormula(e, e.formulas[0].id, ids);
    expect(e.formulas.map((f) => f.name)).toEqual(['Long', 'Long (copie)', 'Court', 'Mini']);
    expect(e.formulas[1].route).toEqual(e.formulas[0].route);
    expect(e.formulas[1].id).not.toBe(e.formulas[0].id);
    e = renameFormula(e, e.formulas[1].id, '30 km');
    expect(e.formulas[1].name).toBe('30 km');
    expect(deleteFormula(e, 'nope')).toBe(e);
    expect(deleteFormula(e, e.formulas[1].id).formulas.map((f) => f.name)).toEqual(['Long', 'Court', 'Mini']);
    expect(updateFormula(e, 'nope', { laps: 3 })).toBe(e);
  });

  it('starts a formula from a stretch of another one', () => {
    let e = base();
    e = updateFormula(e, e.formulas[0].id, {
      route: {
        name: 'Long',
        points: [
          [2.8, 50.4],
          [2.8, 50.41],
          [2.8, 50.42],
        ],
        modes: ['straight', 'network'],
      },
    });
    const legs = [
      {
        coords: [
          [2.8, 50.4],
          [2.8, 50.41],
        ] as [number, number][],
      },
      {
        coords: [
          [2.8, 50.41],
          [2.8, 50.42],
        ] as [number, number][],
      },
    ];
    const next = addFormulaFromStretch(e, e.formulas[0].id, legs, 0, 1.5, { name: 'Bout' }, counter('s'));
    const f = next.formulas[1];
    expect(f.name).toBe('Bout');
    expect(f.route.modes).toEqual(['straight', 'network']);
    expect(f.route.points.slice(0, 2)).toEqual([
      [2.8, 50.4],
      [2.8, 50.41],
    ]);
    expect(f.coursePoints).toEqual([]);
  });
});

describe('templates', () => {
  it('ships the three events of the Mission Bassin Minier with named formulas and targets, routes empty', () => {
    expect(EVENT_TEMPLATES.map((t) => t.id)).toEqual(['raid-bassin-minier', 'challenge-vtt-xc', 'trail-pyramides-noires']);
    const ids = counter('t');
    const [raid, xc, trail] = EVENT_TEMPLATES.map((t) => eventFromTemplate(t, ids));

    expect(raid.discipline).toBe('raid');
    expect(EVENT_TEMPLATES[0].days).toBe(2);
    expect(raid.formulas.reduce((s, f) => s + f.targetDistance_m, 0)).toBe(200_000);

    expect(xc.discipline).toBe('vtt-xc');
    expect(xc.formulas).toHaveLength(6);
    for (const f of xc.formulas) {
      expect(f.loop).toBe(true);
      expect(f.laps).toBeGreaterThan(1);
      // one lap within 5–7 km: the tolerance spans exactly that
      expect((f.targetDistance_m - f.tolerance_m) / f.laps).toBe(5000);
      expect((f.targetDistance_m + f.tolerance_m) / f.laps).toBe(7000);
    }

    expect(trail.formulas.map((f) => [f.name, f.targetDistance_m])).toEqual([
      ['Ultra 100 km', 100_000],
      ['Marathon 42 km', 42_000],
      ['Semi 21 km', 21_000],
      ['Marche familiale 10 km', 10_000],
    ]);
    for (const e of [raid, xc, trail]) {
      for (const f of e.formulas) expect(f.route).toEqual({ name: f.name, points: [], modes: [] });
    }
    const all = [raid, xc, trail].flatMap((e) => [e.id, ...e.formulas.map((f) => f.id)]);
    expect(new Set(all).size).toBe(all.length);
    expect(eventFromTemplate(EVENT_TEMPLATES[0], ids, ['2025-09-13', '2025-09-14']).dates).toEqual(['2025-09-13', '2025-09-14']);
  });
});
