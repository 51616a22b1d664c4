import { describe, expect, it } from 'vitest';
import { formulaStats, newFormula, targetCheck } from '../../../src/core/event';
import { karneyLength } from '../../helpers/karney';
import { counter, northLine } from './helpers';

describe('targetCheck', () => {
  const f = { targetDistance_m: 21000, tolerance_m: 500 };
  it('is ok within the tolerance, bounds included, and says how far off otherwise', () => {
    expect(targetCheck(f, 21000)).toEqual({ status: 'ok', diff_m: 0 });
    expect(targetCheck(f, 21500)).toEqual({ status: 'ok', diff_m: 500 });
    expect(targetCheck(f, 20500)).toEqual({ status: 'ok', diff_m: -500 });
    expect(targetCheck(f, 20499)).toEqual({ status: 'short', diff_m: -501 });
    expect(targetCheck(f, 22000)).toEqual({ status: 'long', diff_m: 1000 });
    expect(targetCheck({ targetDistance_m: 0, tolerance_m: 0 }, 5000)).toBeNull();
  });
});

describe('formulaStats', () => {
  it('gives one lap and the total for the laps, against a target on the total', () => {
    // a 5-step line, each step 0.01° north (~1.11 km): one lap ≈ 5.56 km
    const lap = northLine(2.8, 50.4, 5, 0.01);
    const lapLength = karneyLength(lap);
    const f = newFormula({ name: 'XC', targetDistance_m: 24000, tolerance_m: 4000, laps: 4, loop: true }, counter());
    const s = formulaStats(f, lap);
    expect(s.laps).toBe(4);
    expect(s.lap_m).toBeCloseTo(lapLength, 2);
    expect(s.total_m).toBeCloseTo(4 * lapLength, 2);
    expect(s.target?.status).toBe('ok');
    expect(s.target?.diff_m).toBeCloseTo(4 * lapLength - 24000, 2);
    expect(s.lapAscent_m).toBeNull();
    expect(formulaStats({ ...f, laps: 5 }, lap).target?.status).toBe('ok');
    expect(formulaStats({ ...f, laps: 2 }, lap).target?.status).toBe('short');
  });

  it('multiplies the climb of one lap, from the line or from a given profile', () => {
    // a steady 100 m climb over the lap, far above the smoothing and the 5 m hysteresis
    const lap = northLine(2.8, 50.4, 50, 0.001, (i) => 20 + 2 * i);
    const f = newFormula({ name: 'x', laps: 3 }, counter());
    const s = formulaStats(f, lap);
    expect(s.lapAscent_m).toBeCloseTo(100, 6);
    expect(s.totalAscent_m).toBeCloseTo(300, 6);
    const given = formulaStats(f, lap, { distances: [0, 1], elevations: [0, 7], lonlats: [], ascent: 7, descent: 0, min: 0, max: 7 });
    expect(given.totalAscent_m).toBe(21);
    expect(formulaStats(f, lap, null).lapAscent_m).toBeNull();
  });
});
