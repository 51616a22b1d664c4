// Breeding season per zone kind and exposure (participants × length inside).
import { describe, expect, it } from 'vitest';
import { seasonReview, type RouteReview, type ZoneCrossing } from '../../src/core/review';

const crossingOf = (zone: string, kind: string, length_m: number): ZoneCrossing => ({
  zone,
  id: zone,
  kind,
  layer: 'test',
  geometry: 'polygon',
  length_m,
  share: length_m / 10_000,
  passes: [{ from_km: 1, to_km: 1 + length_m / 1000, length_m, entry: [2.8, 50.4], exit: [2.81, 50.4] }],
});

const review: RouteReview = {
  route_length_m: 10_000,
  crossings: [crossingOf('Pinchonvalles', 'APPB', 1200), crossingOf('Cavalier', 'corridor TVB', 50)],
  near: [],
  buffer_m: 500,
  corridor_m: 25,
};

const flags = (date: string, settings = {}, end_date?: string) => {
  const r = seasonReview(review, { date, end_date, participants: 300 }, settings);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};

describe('seasonReview', () => {
  it('March to July by default, for every kind; exposure in person-km', () => {
    const may = flags('2026-05-10');
    expect(may.flags.map((f) => f.in_season)).toEqual([true, true]);
    expect(may.flags[0].exposure_person_km).toBeCloseTo(360, 9); // 300 × 1.2 km
    expect(may.flags[1].exposure_person_km).toBeCloseTo(15, 9);
    // both passes start at km 1: the corridor's 50 m lie within Pinchonvalles' 1.2 km, counted once on the union
    expect(may.exposure_person_km).toBeCloseTo(360, 9);
    expect(may.in_season_exposure_person_km).toBeCloseTo(360, 9);
    expect(may.sum_person_km).toBeCloseTo(375, 9);
    expect(flags('2026-03-01').flags[0].in_season).toBe(true);
    expect(flags('2026-07-31').flags[0].in_season).toBe(true);
    const sept = flags('2026-09-20');
    expect(sept.flags.map((f) => f.in_season)).toEqual([false, false]);
    expect(sept.in_season_exposure_person_km).toBe(0);
    expect(sept.exposure_person_km).toBeCloseTo(360, 9);
  });

  it('a period per kind, a kind without season, a period over the new year', () => {
    const s = { byKind: { 'corridor TVB': null, APPB: { from_month: 11, to_month: 2 } } };
    expect(flags('2026-05-10', s).flags.map((f) => f.in_season)).toEqual([false, false]);
    expect(flags('2026-01-15', s).flags.map((f) => f.in_season)).toEqual([true, false]);
    expect(flags('2026-12-15', s).flags[0].period).toEqual({ from_month: 11, to_month: 2 });
    expect(flags('2026-05-10', { default: null }).flags.map((f) => f.in_season)).toEqual([false, false]);
  });

  it('an event over several days is in season if one of its days is', () => {
    expect(flags('2026-02-27', {}, '2026-03-01').flags[0].in_season).toBe(true);
    expect(flags('2026-07-31', {}, '2026-08-02').flags[0].in_season).toBe(true);
    expect(flags('2026-08-01', {}, '2026-08-02').flags[0].in_season).toBe(false);
    expect(flags('2025-08-01', {}, '2026-08-02').flags[0].in_season).toBe(true);
  });

  it('refuses impossible dates, participants and months', () => {
    expect(seasonReview(review, { date: '2026-02-30', participants: 1 })).toMatchObject({ ok: false, error: { code: 'event.bad-date' } });
    expect(seasonReview(review, { date: '10/05/2026', participants: 1 })).toMatchObject({ ok: false, error: { code: 'event.bad-date' } });
    expect(seasonReview(review, { date: '2026-05-10', end_date: '2026-05-01', participants: 1 })).toMatchObject({
      ok: false,
      error: { code: 'event.bad-date' },
    });
    expect(seasonReview(review, { date: '2026-05-10', participants: -3 })).toMatchObject({ ok: false, error: { code: 'event.bad-participants' } });
    expect(seasonReview(review, { date: '2026-05-10', participants: 2.5 })).toMatchObject({ ok: false, error: { code: 'event.bad-participants' } });
    expect(seasonReview(review, { date: '2026-05-10', participants: 1 }, { byKind: { APPB: { from_month: 0, to_month: 13 } } })).toMatchObject({
      ok: false,
      error: { code: 'event.bad-season', detail: { kind: 'APPB' } },
    });
  });

  it('species groups: birds by default, amphibians, wintering birds and bats as options', () => {
    // 15 January: no bird breeds; wintering birds and hibernating bats are there
    expect(flags('2026-01-15').flags.map((f) => f.in_season)).toEqual([false, false]);
    const winter = flags('2026-01-15', { groups: ['birds', 'wintering-birds'] });
    expect(winter.flags.map((f) => f.in_season_by)).toEqual([['wintering-birds'], ['wintering-birds']]);
    expect(flags('2026-01-15', { groups: ['bats'] }).flags[0].in_season_by).toEqual(['bats']);
    expect(flags('2026-08-10', { groups: ['bats'] }).flags[0].in_season).toBe(true); // young in June–August
    expect(flags('2026-04-20', { groups: ['bats'] }).flags[0].in_season).toBe(false);
    expect(flags('2026-02-10', { groups: ['amphibians'] }).flags[0].in_season).toBe(true);
    expect(flags('2026-06-10', { groups: ['amphibians'] }).flags[0].in_season).toBe(false);
    // a kind's own setting replaces the groups for that kind
    expect(flags('2026-01-15', { groups: ['wintering-birds'], byKind: { APPB: null } }).flags.map((f) => f.in_season)).toEqual([false, true]);
    expect(flags('2026-05-10', { groups: [] }).flags.map((f) => f.in_season)).toEqual([false, false]);
  });

  it('a zone whose attributes give its period keeps it whatever the settings', () => {
    const own: RouteReview = { ...review, crossings: [{ ...review.crossings[0], season: [{ from_month: 9, to_month: 10 }] }, review.crossings[1]] };
    const r = seasonReview(own, { date: '2026-09-20', participants: 300 }, { groups: [] });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.flags.map((f) => f.in_season)).toEqual([true, false]);
    expect(r.value.flags[0].in_season_by).toEqual(['zone']);
    expect(r.value.in_season_exposure_person_km).toBeCloseTo(360, 9);
  });

  it('exposure on the union, and per layer', () => {
    // a second layer's zone over km 1.5 → 3 overlaps Pinchonvalles (km 1 → 2.2) over 0.7 km
    const other: ZoneCrossing = {
      ...crossingOf('ZPS', 'ZPS', 1500),
      layer: 'n2000',
      passes: [{ from_km: 1.5, to_km: 3, length_m: 1500, entry: [2.8, 50.4], exit: [2.82, 50.4] }],
    };
    const r = seasonReview({ ...review, crossings: [...review.crossings, other] }, { date: '2026-05-10', participants: 10 });
    if (!r.ok) throw new Error(r.error.code);
    // union: km 1 → 3 = 2 km (hand count); sum: 1.2 + 0.05 + 1.5 = 2.75 km
    expect(r.value.exposure_person_km).toBeCloseTo(20, 9);
    expect(r.value.sum_person_km).toBeCloseTo(27.5, 9);
    expect(r.value.by_layer).toEqual([
      { layer: 'test', exposure_person_km: expect.closeTo(12, 9), in_season_exposure_person_km: expect.closeTo(12, 9) },
      { layer: 'n2000', exposure_person_km: expect.closeTo(15, 9), in_season_exposure_person_km: expect.closeTo(15, 9) },
    ]);
  });
});
