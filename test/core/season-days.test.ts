// The season over several days (src/core/review/season.ts seasonOverDays), golden files Turf
// style: test/fixtures/season-days/in/NAME.json holds a review, a load (days, participants, laps)
// and optionally the settings; out/NAME.json is the season review or the error.
//
// Second method: each flag recomputed here from the months of the days and the period of the
// zone's kind, and each exposure as participants × laps × length.
import { describe, expect, it } from 'vitest';
import { DEFAULT_BREEDING_SEASON, seasonOverDays, type RouteReview, type SeasonLoad, type SeasonPeriod, type SeasonSettings } from '../../src/core/review';
import { expectGolden, goldenNames, readInput, rounded } from '../helpers/golden';

const MODULE = 'season-days';

interface Fixture {
  review: RouteReview;
  load: SeasonLoad;
  settings?: SeasonSettings;
}

const inPeriod = (month: number, p: SeasonPeriod) =>
  p.from_month <= p.to_month ? month >= p.from_month && month <= p.to_month : month >= p.from_month || month <= p.to_month;

describe('season over several days: golden files', () => {
  const names = goldenNames(MODULE);
  it('finds the fixtures', () => expect(names.length).toBeGreaterThanOrEqual(6));

  for (const name of names) {
    it(name, () => {
      const { review, load, settings } = readInput<Fixture>(MODULE, name);
      const r = seasonOverDays(review, load, settings);
      expectGolden(MODULE, name, rounded(r));
      if (!r.ok) return;

      const laps = Math.max(1, Math.floor(load.laps ?? 1));
      const months = load.dates.map((d) => Number(d.slice(5, 7)));
      const byKind = settings?.byKind ?? {};
      const fallback = settings?.default === undefined ? DEFAULT_BREEDING_SEASON : settings.default;
      review.crossings.forEach((c, i) => {
        const period = c.kind in byKind ? byKind[c.kind] : fallback;
        expect(r.value.flags[i].in_season, c.zone).toBe(period !== null && months.some((m) => inPeriod(m, period)));
        expect(r.value.flags[i].exposure_person_km).toBeCloseTo((load.participants * laps * c.length_m) / 1000, 9);
      });
      const sum = r.value.flags.reduce((s, f) => s + f.exposure_person_km, 0);
      expect(r.value.sum_person_km).toBeCloseTo(sum, 9);
      // the totals on the union of the passes: each metre of the route counted once, sampled every metre
      const unionKm = (inSeason: boolean) => {
        const passes = review.crossings.filter((_, i) => !inSeason || r.value.flags[i].in_season).flatMap((c) => c.passes);
        let metres = 0;
        for (let m = 0.5; m < review.route_length_m; m += 1) if (passes.some((p) => m >= p.from_km * 1000 && m <= p.to_km * 1000)) metres++;
        return metres / 1000;
      };
      expect(Math.abs(r.value.exposure_person_km - load.participants * laps * unionKm(false))).toBeLessThanOrEqual(load.participants * laps * 0.002);
      expect(Math.abs(r.value.in_season_exposure_person_km - load.participants * laps * unionKm(true))).toBeLessThanOrEqual(load.participants * laps * 0.002);
    });
  }
});
