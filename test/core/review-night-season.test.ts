// The night check (src/core/review/night.ts) against published sun times, and a zone's own
// sensitive period read from its attributes (src/core/review/zone-season.ts).
import { describe, expect, it } from 'vitest';
import { nightCheck, sunTimesUtc } from '../../src/core/review/night';
import { zoneSeasonOf } from '../../src/core/review/zone-season';
import { seasonOverDays, type RouteReview } from '../../src/core/review';

const minutes = (hm: string) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));

describe('sun times and the night check', () => {
  // Published times for Paris (48.8566 N, 2.3522 E), timeanddate.com / IMCCE, to the minute:
  // 21 June 2026 sunrise 05:47, sunset 21:58 CEST; 21 December 2026 sunrise 08:41, sunset 16:56 CET.
  it('agrees with the published sunrise and sunset within 3 minutes', () => {
    const june = nightCheck('2026-06-21T12:00', 0, [2.3522, 48.8566])!;
    expect(Math.abs(minutes(june.sunrise!) - minutes('05:47'))).toBeLessThanOrEqual(3);
    expect(Math.abs(minutes(june.sunset!) - minutes('21:58'))).toBeLessThanOrEqual(3);
    const dec = nightCheck('2026-12-21T12:00', 0, [2.3522, 48.8566])!;
    expect(Math.abs(minutes(dec.sunrise!) - minutes('08:41'))).toBeLessThanOrEqual(3);
    expect(Math.abs(minutes(dec.sunset!) - minutes('16:56'))).toBeLessThanOrEqual(3);
  });

  it('a day of equal night: sunrise and sunset about 12 h 08 apart at the equinox (refraction and the sun’s radius)', () => {
    const s = sunTimesUtc(2026, 3, 20, 2.83, 50.43)!;
    expect(s.set - s.rise).toBeGreaterThan(12 * 60);
    expect(s.set - s.rise).toBeLessThan(12 * 60 + 20);
  });

  it('flags an event that starts before sunrise or ends after sunset (Lens, French wall-clock time)', () => {
    const lens: [number, number] = [2.83, 50.43];
    expect(nightCheck('2026-06-13T09:00', 240, lens)!.night).toBe(false);
    const evening = nightCheck('2026-06-13T20:30', 180, lens)!;
    expect(evening.night).toBe(true);
    expect(evening.end).toBe('2026-06-13T23:30');
    expect(nightCheck('2026-11-14T06:30', 60, lens)!.night).toBe(true); // before an 8 o'clock sunrise
    // Lille, 14 November: sunset about 17:07 CET (published); 16:30 is by day, 17:30 at night
    expect(nightCheck('2026-11-14T16:30', 0, lens)!.night).toBe(false);
    expect(nightCheck('2026-11-14T17:30', 0, lens)!.night).toBe(true);
    expect(nightCheck('2026-06-13T23:30', 120, lens)!.end).toBe('2026-06-14T01:30');
    expect(nightCheck('13/06/2026 20:30', 0, lens)).toBeNull();
  });

  it('the season review carries the night check when the start is known', () => {
    const review: RouteReview = { route_length_m: 1000, crossings: [], near: [], buffer_m: 500, corridor_m: 25 };
    const r = seasonOverDays(review, { dates: ['2026-06-13'], participants: 10, start: '2026-06-13T21:00', duration_min: 120, at: [2.83, 50.43] });
    expect(r.ok && r.value.night?.night).toBe(true);
    const none = seasonOverDays(review, { dates: ['2026-06-13'], participants: 10 });
    expect(none.ok && none.value.night).toBeNull();
  });
});

describe('a zone’s own sensitive period', () => {
  it('reads months as numbers or names, one period or several', () => {
    expect(zoneSeasonOf({ periode_sensible: '03-07' })).toEqual([{ from_month: 3, to_month: 7 }]);
    expect(zoneSeasonOf({ PERIODE_SENSIBLE: 'mars à juillet' })).toEqual([{ from_month: 3, to_month: 7 }]);
    expect(zoneSeasonOf({ période_sensible: 'nov.-fév. ; juin-août' })).toEqual([
      { from_month: 11, to_month: 2 },
      { from_month: 6, to_month: 8 },
    ]);
    expect(zoneSeasonOf({ saison_sensible: 'juin' })).toEqual([{ from_month: 6, to_month: 6 }]);
    expect(zoneSeasonOf({ sensitive_months: 'April to July' })).toEqual([{ from_month: 4, to_month: 7 }]);
    expect(zoneSeasonOf({ mois_sensibles: 'juillet-juin' })).toEqual([{ from_month: 7, to_month: 6 }]);
  });

  it('ignores what is not a period', () => {
    expect(zoneSeasonOf({ periode_sensible: 'toute l’année sauf travaux' })).toBeUndefined();
    expect(zoneSeasonOf({ periode_sensible: '13-15' })).toBeUndefined();
    expect(zoneSeasonOf({ periode_sensible: 7 })).toBeUndefined();
    expect(zoneSeasonOf({ name: 'Mars' })).toBeUndefined();
  });
});
