import { describe, expect, it } from 'vitest';
import { formulaStats, newFormula, roadbook } from '../../../src/core/event';
import { cumulativeAscent, elevationProfile } from '../../../src/core/elevation/profile';
import type { Position } from '../../../src/core/types';
import type { CoursePoint, Formula } from '../../../src/core/event/model';
import type { ElevationProfile } from '../../../src/core/types';
import { karneyLength } from '../../helpers/karney';
import { counter, northLine } from './helpers';

const LAP = northLine(2.8, 50.4, 5, 0.01);
const L = karneyLength(LAP); // ≈ 5560 m
// a hand-made profile: up 50 m to 2 km, down 30 m to 4 km, up 60 m to the end of the lap
const PROFILE: ElevationProfile = { distances: [0, 2000, 4000, L], elevations: [0, 50, 20, 80], lonlats: [], ascent: 110, descent: 30, min: 0, max: 80 };

const pt = (id: string, kind: CoursePoint['kind'], km: number, name = id): CoursePoint => ({ id, kind, name, lonlat: [0, 0], km });

function formula(laps: number): Formula {
  return {
    ...newFormula({ name: 'XC', laps, loop: true, start: '2025-06-14T09:00', cutoffPace_min_per_km: 10 }, counter()),
    coursePoints: [pt('s', 'start', 0, 'Départ'), pt('cp', 'checkpoint', 3, 'Contrôle'), pt('a', 'aid', 1, 'Ravito')],
  };
}

describe('roadbook', () => {
  it('lists points and crossings in course order with distance, climb and cut-off since the previous row', () => {
    const rb = roadbook(formula(1), LAP, { profile: PROFILE, crossings: [{ km: 4.5, name: 'D 937' }] });
    expect(rb.rows.map((r) => [r.kind, r.name])).toEqual([
      ['start', 'Départ'],
      ['aid', 'Ravito'],
      ['checkpoint', 'Contrôle'],
      ['crossing', 'D 937'],
      ['finish', ''],
    ]);
    const kms = rb.rows.map((r) => r.km);
    expect(kms.slice(0, 4)).toEqual([0, 1, 3, 4.5]);
    expect(kms[4] * 1000).toBeCloseTo(L, 2);
    expect(rb.rows.map((r) => r.fromPrevious_km).slice(0, 4)).toEqual([0, 1, 2, 1.5]);
    // climbs by hand on the piecewise-linear profile
    const climbs = rb.rows.map((r) => r.ascentFromPrevious_m!);
    expect(climbs[0]).toBe(0);
    expect(climbs[1]).toBeCloseTo(25, 9); // 0→1 km: half of the first 50 m
    expect(climbs[2]).toBeCloseTo(25, 9); // 1→2 km: +25, then 2→3 km down
    expect(climbs[3]).toBeCloseTo((60 * 500) / (L - 4000), 9); // 3→4 km down, 4→4.5 km up
    expect(climbs[4]).toBeCloseTo((60 * (L - 4500)) / (L - 4000), 9);
    expect(rb.ascent_m).toBeCloseTo(110, 9);
    expect(climbs.reduce((a, b) => a + b, 0)).toBeCloseTo(110, 9);
    // cut-offs at 10 min/km from 09:00: the aid station at 1 km, the checkpoint at 3 km, the finish
    expect(rb.rows[1].cutoff).toMatchObject({ minutesFromStart: 10, clock: '2025-06-14T09:10' });
    expect(rb.rows[2].cutoff).toMatchObject({ minutesFromStart: 30, clock: '2025-06-14T09:30' });
    expect(rb.rows[3].cutoff).toBeNull();
    expect(rb.rows[4].cutoff?.minutesFromStart).toBe(Math.round((L / 1000) * 10));
  });

  it('repeats the points on every lap, with a row at each lap end and totals over the laps', () => {
    const rb = roadbook(formula(2), LAP, { profile: PROFILE });
    expect(rb.rows.map((r) => `${r.kind}@${r.lap}`)).toEqual(['start@1', 'aid@1', 'checkpoint@1', 'lap@1', 'aid@2', 'checkpoint@2', 'finish@2']);
    expect(rb.total_km * 1000).toBeCloseTo(2 * L, 2);
    expect(rb.rows[4].km * 1000).toBeCloseTo(L + 1000, 6);
    expect(rb.rows[4].ascentFromPrevious_m).toBeCloseTo(25, 9);
    expect(rb.ascent_m).toBeCloseTo(220, 9);
    expect(rb.rows.reduce((a, r) => a + (r.ascentFromPrevious_m ?? 0), 0)).toBeCloseTo(220, 9);
    expect(rb.rows[4].cutoff?.minutesFromStart).toBe(Math.round((L / 1000 + 1) * 10));
  });

  it('has no climb figures without elevations', () => {
    const rb = roadbook(formula(1), LAP);
    expect(rb.ascent_m).toBeNull();
    expect(rb.rows.every((r) => r.ascentFromPrevious_m === null)).toBe(true);
  });

  it('has one D+: the stats panel’s (5 m hysteresis), cut into rows that add up to it', () => {
    // up 20 m, a 3 m dip (under the 5 m hysteresis: not counted), up to 30 m: D+ is 30 m, not 33
    const wiggle: ElevationProfile = { distances: [0, 1000, 2000, L], elevations: [0, 20, 17, 30], lonlats: [], ascent: 30, descent: 0, min: 0, max: 30 };
    const f = { ...formula(1), coursePoints: [pt('a', 'aid', 1.5, 'Ravito'), pt('c', 'checkpoint', 2.5, 'Contrôle')] };
    const rb = roadbook(f, LAP, { profile: wiggle });
    expect(rb.ascent_m).toBeCloseTo(30, 9);
    expect(rb.ascent_m).toBeCloseTo(formulaStats(f, LAP, wiggle).totalAscent_m!, 9);
    const climbs = rb.rows.map((r) => r.ascentFromPrevious_m!);
    // by hand: the climb so far is the highest point reached since the low (0 m): 20 m at 1 km,
    // still 20 m through the dip to 17 m at 2 km, then 20 → 30 m, linear, from 2 km to the end
    expect(climbs[1]).toBeCloseTo(20, 9); // start → 1.5 km
    expect(climbs[2]).toBeCloseTo(((2500 - 2000) / (L - 2000)) * 10, 9); // 1.5 → 2.5 km
    expect(climbs.reduce((a, b) => a + b, 0)).toBeCloseTo(30, 9);
  });

  it('cumulativeAscent ends on the profile’s ascent and never goes down, on noisy lines', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5;
    for (let k = 0; k < 20; k++) {
      const line: Position[] = northLine(2.8, 50.4, 400, 0.0002, (i) => 40 + 15 * Math.sin(i / (10 + k)) + 4 * rand());
      const prof = elevationProfile(line)!;
      const cum = cumulativeAscent(prof);
      expect(cum[cum.length - 1]).toBeCloseTo(prof.ascent, 9);
      for (let i = 1; i < cum.length; i++) expect(cum[i]).toBeGreaterThanOrEqual(cum[i - 1]);
      const rb = roadbook(formula(1), line);
      expect(rb.ascent_m).toBeCloseTo(prof.ascent, 9);
      expect(rb.descent_m).toBeCloseTo(prof.descent, 9);
    }
  });
});
