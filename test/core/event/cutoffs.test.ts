import { describe, expect, it } from 'vitest';
import {
  addMinutesLocal,
  coursePointCutoff,
  isIsoDate,
  isLocalDateTime,
  newFormula,
  outOfOrderCutoffs,
  paceCutoff,
  parisDateTime,
  parisOffsetHours,
} from '../../../src/core/event';
import type { CoursePoint } from '../../../src/core/event/model';
import { counter } from './helpers';

describe('French clock', () => {
  it('knows the summer-time dates of the EU rule', () => {
    // 2025: summer time from Sunday 30 March 01:00 UTC to Sunday 26 October 01:00 UTC
    expect(parisOffsetHours(Date.UTC(2025, 2, 30, 0, 59))).toBe(1);
    expect(parisOffsetHours(Date.UTC(2025, 2, 30, 1, 0))).toBe(2);
    expect(parisOffsetHours(Date.UTC(2025, 9, 26, 0, 59))).toBe(2);
    expect(parisOffsetHours(Date.UTC(2025, 9, 26, 1, 0))).toBe(1);
    expect(parisDateTime('2025-06-14T08:00')).toBe('2025-06-14T08:00:00+02:00');
    expect(parisDateTime('2025-12-06T08:00')).toBe('2025-12-06T08:00:00+01:00');
    expect(parisDateTime('2025-02-30T08:00')).toBeNull();
  });

  it('adds minutes on the wall clock, across midnight and across the October change', () => {
    expect(addMinutesLocal('2025-06-14T22:00', 150)).toBe('2025-06-15T00:30');
    // 22:00 summer time + 6 h of running = 03:00 winter time: the clock went back at 03:00
    expect(addMinutesLocal('2025-10-25T22:00', 360)).toBe('2025-10-26T03:00');
    // and forward in March: 22:00 + 6 h = 05:00
    expect(addMinutesLocal('2025-03-29T22:00', 360)).toBe('2025-03-30T05:00');
    expect(addMinutesLocal('bad', 1)).toBeNull();
  });

  it('validates dates and local times', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-6-1')).toBe(false);
    expect(isLocalDateTime('2025-06-14T23:59')).toBe(true);
    expect(isLocalDateTime('2025-06-14T24:00')).toBe(false);
  });
});

describe('cut-offs', () => {
  const f = { ...newFormula({ name: '42', start: '2025-06-14T08:00', cutoffPace_min_per_km: 12 }, counter()) };
  const point = (kind: CoursePoint['kind'], km: number, cutoff?: number): CoursePoint => ({
    id: 'p',
    kind,
    name: 'x',
    lonlat: [0, 0],
    km,
    ...(cutoff !== undefined ? { cutoff: { minutesFromStart: cutoff } } : {}),
  });

  it('come from the pace at aid stations and checkpoints: 21.1 km at 12 min/km is 253 min, 12:13', () => {
    expect(coursePointCutoff(f, point('aid', 21.1))).toEqual({ minutesFromStart: 253, clock: '2025-06-14T12:13', source: 'pace' });
    expect(coursePointCutoff(f, point('checkpoint', 10))).toMatchObject({ minutesFromStart: 120, clock: '2025-06-14T10:00' });
    expect(coursePointCutoff(f, point('danger', 10))).toBeNull();
    expect(paceCutoff({ ...f, cutoffPace_min_per_km: null }, 10)).toBeNull();
  });

  it('an explicit cut-off wins on the first passage; later laps use the pace', () => {
    expect(coursePointCutoff(f, point('checkpoint', 10, 100))).toEqual({ minutesFromStart: 100, clock: '2025-06-14T09:40', source: 'explicit' });
    expect(coursePointCutoff(f, point('checkpoint', 2, 100), 2, 6)).toMatchObject({ minutesFromStart: 96, source: 'pace' });
    expect(coursePointCutoff({ ...f, start: null }, point('danger', 1, 30))).toEqual({ minutesFromStart: 30, clock: null, source: 'explicit' });
    // the finish is passed once, after the last lap: its own cut-off holds there
    expect(coursePointCutoff(f, point('finish', 6, 200), 3, 6)).toMatchObject({ minutesFromStart: 200, clock: '2025-06-14T11:20', source: 'explicit' });
    expect(coursePointCutoff(f, point('finish', 6), 3, 6)).toMatchObject({ minutesFromStart: 216, source: 'pace' });
  });

  describe('out of course order', () => {
    const at = (id: string, kind: CoursePoint['kind'], km: number, cutoff?: number): CoursePoint => ({ ...point(kind, km, cutoff), id, name: id });
    const noPace = { ...f, cutoffPace_min_per_km: null };

    it('flags a later point whose explicit cut-off closes before an earlier one', () => {
      // km 10 at 2:00, km 20 at 1:30: runners reach km 20 after km 10, its barrier cannot close first
      const pts = [at('start', 'start', 0), at('a', 'aid', 10, 120), at('b', 'checkpoint', 20, 90), at('c', 'aid', 30, 300)];
      expect(outOfOrderCutoffs(noPace, pts)).toEqual([
        { pointId: 'b', minutesFromStart: 90, before: { pointId: 'a', name: 'a', km: 10, minutesFromStart: 120 } },
      ]);
    });

    it('compares against the pace cut-offs too: km 10 at 12 min/km is 120 min, an explicit 100 min at km 15 is too early', () => {
      const pts = [at('a', 'aid', 10), at('b', 'aid', 15, 100), at('c', 'aid', 20)];
      expect(outOfOrderCutoffs(f, pts).map((i) => [i.pointId, i.minutesFromStart, i.before.pointId, i.before.minutesFromStart])).toEqual([
        ['b', 100, 'a', 120],
      ]);
    });

    it('accepts cut-offs in order, equal ones, and points without any', () => {
      expect(outOfOrderCutoffs(f, [at('a', 'aid', 5), at('d', 'danger', 6), at('b', 'checkpoint', 8, 96), at('c', 'aid', 9, 200)])).toEqual([]);
      expect(outOfOrderCutoffs(noPace, [at('a', 'aid', 5, 60), at('b', 'aid', 8, 60), at('i', 'info', 9)])).toEqual([]);
    });

    it('puts the finish of a 3-lap loop at the end of the last lap: 3 × 6 km at 12 min/km = 216 min, after an aid at 150 min', () => {
      const three = { ...f, laps: 3 };
      expect(outOfOrderCutoffs(three, [at('a', 'aid', 2, 150), at('z', 'finish', 6)])).toEqual([]);
      // a finish set at 2:00 closes before the aid's 2:30
      expect(outOfOrderCutoffs(three, [at('a', 'aid', 2, 150), at('z', 'finish', 6, 120)]).map((i) => i.pointId)).toEqual(['z']);
    });
  });
});
