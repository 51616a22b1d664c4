// Km markers and shared stretches, the two things the map draws from the core (issue 14, point 1).
// Distances are checked against GeographicLib (Karney), the positions by hand on lines along a
// meridian and a parallel near Lens; one degree of longitude at 50.4° N is 71.10 km (N·cos φ).
import { describe, expect, it } from 'vitest';
import { kmMarkers, sharedStretches, type FormulaLine } from '../../../src/core/event';
import type { Position } from '../../../src/core/types';
import { karney } from '../../helpers/karney';
import { northLine } from './helpers';

/** n + 1 points going east along the parallel `lat` from `lon` in steps of `dLon` degrees. */
/** the longest piece sharedStretches cuts a line into: a stretch's ends are exact to within it */
const PIECE_M = 10;
const eastLine = (lon: number, lat: number, n: number, dLon: number): Position[] => Array.from({ length: n + 1 }, (_, i) => [lon + i * dLon, lat] as Position);

describe('kmMarkers', () => {
  // ten 0.01° steps north along the 3° E meridian from 50° N: 11.12 km
  const LINE = northLine(3, 50, 10, 0.01);

  it('puts a marker at every whole km, start and end excluded, each one km of geodesic from the start', () => {
    const marks = kmMarkers(LINE);
    expect(karney(3, 50, 3, 50.1)).toBeGreaterThan(11_000);
    expect(karney(3, 50, 3, 50.1)).toBeLessThan(12_000);
    expect(marks.map((m) => m.km)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const m of marks) {
      expect(m.lonlat[0]).toBeCloseTo(3, 12);
      // along the meridian: the distance from the start is the km (to the centimetre)
      expect(Math.abs(karney(3, 50, m.lonlat[0], m.lonlat[1]) - m.km * 1000)).toBeLessThan(0.01);
    }
    // by hand: a degree of latitude is 111.23 km at 50° N, so km 1 is 0.00899° north of the start
    expect(marks[0].lonlat[1]).toBeCloseTo(50 + 1000 / 111_229, 5);
  });

  it('ranks each km by the coarsest step it belongs to: 10, 5 or 1', () => {
    const steps = Object.fromEntries(kmMarkers(LINE).map((m) => [m.km, m.step]));
    expect(steps).toEqual({ 1: 1, 2: 1, 3: 1, 4: 1, 5: 5, 6: 1, 7: 1, 8: 1, 9: 1, 10: 10, 11: 1 });
  });

  it('has no marker on a line under one km, nor on a point alone; the bound holds on a long line', () => {
    // 0.012° of longitude at 50.4° N: 853 m
    expect(kmMarkers(eastLine(2.8, 50.4, 1, 0.012))).toEqual([]);
    expect(kmMarkers([[2.8, 50.4]])).toEqual([]);
    expect(kmMarkers(LINE, 3).map((m) => m.km)).toEqual([1, 2, 3]);
  });
});

describe('sharedStretches', () => {
  const LAT = 50.4;
  // A: 3.00 → 3.03 east along 50.4° N (three 711 m segments)
  const A: FormulaLine = { id: 'A', coords: eastLine(3, LAT, 3, 0.01) };
  // B: joins A's parallel at 3.01, follows it to 3.02, then goes north
  const B: FormulaLine = {
    id: 'B',
    coords: [
      [3.01, LAT - 0.01],
      [3.01, LAT],
      [3.02, LAT],
      [3.02, LAT + 0.01],
    ],
  };
  // C: runs the other way, 3.025 → 3.015, then leaves south
  const C: FormulaLine = {
    id: 'C',
    coords: [
      [3.025, LAT],
      [3.015, LAT],
      [3.015, LAT - 0.01],
    ],
  };
  const along = (lon1: number, lon2: number) => karney(lon1, LAT, lon2, LAT);

  it('finds the stretch two formulas share, once, with both ids and its length', () => {
    const out = sharedStretches([A, B]);
    expect(out).toHaveLength(1);
    expect(out[0].formulas).toEqual(['A', 'B']);
    // 3.01 → 3.02: 711 m, to within one piece (10 m: where a stretch may end)
    expect(along(3.01, 3.02)).toBeCloseTo(711.0, 0);
    expect(Math.abs(out[0].length_m - along(3.01, 3.02))).toBeLessThan(PIECE_M);
    expect(out[0].coords[0][0]).toBeCloseTo(3.01, 3);
    expect(out[0].coords[out[0].coords.length - 1][0]).toBeCloseTo(3.02, 3);
    for (const p of out[0].coords) expect(p[1]).toBe(LAT);
  });

  it('splits where the set of formulas changes, and counts a stretch run the other way as shared', () => {
    const out = sharedStretches([A, B, C]);
    expect(out.map((s) => s.formulas)).toEqual([
      ['A', 'B'],
      ['A', 'B', 'C'],
      ['A', 'C'],
    ]);
    // 3.010–3.015, 3.015–3.020, 3.020–3.025: 355.5 m each, ends to within a piece
    const expected = [along(3.01, 3.015), along(3.015, 3.02), along(3.02, 3.025)];
    expect(expected[0]).toBeCloseTo(355.5, 0);
    out.forEach((s, i) => expect(Math.abs(s.length_m - expected[i])).toBeLessThan(PIECE_M));
    // end to end, the three make A's stretch used by others: 3.01 → 3.025
    const total = out.reduce((m, s) => m + s.length_m, 0);
    expect(Math.abs(total - along(3.01, 3.025))).toBeLessThan(PIECE_M);
  });

  it('does not count a parallel way 50 m off, nor a crossing, but does count a trace 5 m beside', () => {
    const north50: FormulaLine = { id: 'P', coords: eastLine(3, LAT + 50 / 111_236, 3, 0.01) };
    const crossing: FormulaLine = { id: 'X', coords: northLine(3.005, LAT - 0.01, 2, 0.01) };
    expect(sharedStretches([A, north50, crossing])).toEqual([]);
    const beside: FormulaLine = { id: 'G', coords: eastLine(3.005, LAT + 5 / 111_236, 1, 0.01) };
    const out = sharedStretches([A, beside]);
    expect(out.map((s) => s.formulas)).toEqual([['A', 'G']]);
    expect(Math.abs(out[0].length_m - along(3.005, 3.015))).toBeLessThan(PIECE_M);
  });

  it('shares nothing with a single formula or empty lines', () => {
    expect(sharedStretches([A])).toEqual([]);
    expect(sharedStretches([A, { id: 'E', coords: [] }])).toEqual([]);
    expect(sharedStretches([])).toEqual([]);
  });
});
