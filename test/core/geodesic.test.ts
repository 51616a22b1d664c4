import { describe, expect, it } from 'vitest';
import { length as turfLength, lineString } from '@turf/turf';
import { cumulativeDistances, interleavedLength, metresPerDegree, positionsLength, segmentLength } from '../../src/core/geo/geodesic';
import type { Position } from '../../src/core/types';
import { WGS84, karney, karneyLength } from '../helpers/karney';

const LENS: [number, number] = [2.83, 50.43];

function relErr(value: number, reference: number): number {
  return Math.abs(value - reference) / reference;
}

/** Points every `stepDeg` along a straight lon/lat line (a parallel or a meridian). */
function gridLine(lon1: number, lat1: number, lon2: number, lat2: number, pieces: number): Position[] {
  const out: Position[] = [];
  for (let i = 0; i <= pieces; i++) {
    const t = i / pieces;
    out.push([lon1 + (lon2 - lon1) * t, lat1 + (lat2 - lat1) * t]);
  }
  return out;
}

describe('segmentLength against GeographicLib', () => {
  it('short segments around Lens agree within 1e-6 (and so within 0.01 %)', () => {
    let checked = 0;
    for (let az = 0; az < 360; az += 17) {
      for (const s of [5, 48, 310, 1234, 4999, 15000]) {
        const d = WGS84.Direct(LENS[1], LENS[0], az, s);
        const got = segmentLength(LENS[0], LENS[1], d.lon2 ?? NaN, d.lat2 ?? NaN);
        expect(relErr(got, s)).toBeLessThan(1e-6);
        checked++;
      }
    }
    expect(checked).toBe(22 * 6);
  });

  it('a 4808.829 m line from Lens', () => {
    const d = WGS84.Direct(LENS[1], LENS[0], 60, 4808.829);
    const got = segmentLength(LENS[0], LENS[1], d.lon2 ?? NaN, d.lat2 ?? NaN);
    expect(got).toBeCloseTo(4808.829, 2);
  });

  it('200 km east-west at 47°N, as one segment (Vincenty) and as 1 km pieces', () => {
    // 200 km along the parallel is about 2.63° of longitude at 47°N.
    const dLon = 200_000 / metresPerDegree(47).x;
    const one = segmentLength(0, 47, dLon, 47);
    const ref = karney(0, 47, dLon, 47);
    expect(ref).toBeGreaterThan(199_000);
    // 0.01 % is the requirement; Vincenty does far better, and 1e-6 would catch a flat fallback (≈5e-5 here)
    expect(relErr(one, ref)).toBeLessThan(1e-6);

    const pieces = gridLine(0, 47, dLon, 47, 200);
    const split = positionsLength(pieces);
    expect(relErr(split, karneyLength(pieces))).toBeLessThan(1e-4);
    // the parallel is longer than the geodesic between its ends: the two sums must not be confused
    expect(split).toBeGreaterThan(one);
  });

  it('north-south lines, one segment and 1 km pieces', () => {
    for (const lon of [2.83, -1.5]) {
      const one = segmentLength(lon, 49.5, lon, 51.3);
      expect(relErr(one, karney(lon, 49.5, lon, 51.3))).toBeLessThan(1e-4);
      const pieces = gridLine(lon, 49.5, lon, 51.3, 200);
      expect(relErr(positionsLength(pieces), karneyLength(pieces))).toBeLessThan(1e-4);
    }
  });

  it('long diagonal segments and a segment across the antimeridian', () => {
    for (const [a, b] of [
      [
        [2.83, 50.43],
        [7.2, 43.7],
      ],
      [
        [-4.5, 48.4],
        [8.2, 48.9],
      ],
      [
        [-70, -33],
        [151, -34],
      ],
    ] as [number, number][][]) {
      expect(relErr(segmentLength(a[0], a[1], b[0], b[1]), karney(a[0], a[1], b[0], b[1]))).toBeLessThan(1e-6);
    }
    expect(relErr(segmentLength(179.999, 10, -179.999, 10), karney(179.999, 10, -179.999, 10))).toBeLessThan(1e-6);
    expect(segmentLength(2.83, 50.43, 2.83, 50.43)).toBe(0);
  });

  it("turf's spherical length is off by more than 0.1 % on the 200 km east-west line", () => {
    const dLon = 200_000 / metresPerDegree(47).x;
    const ref = karney(0, 47, dLon, 47);
    const spherical =
      turfLength(
        lineString([
          [0, 47],
          [dLon, 47],
        ]),
        { units: 'kilometers' },
      ) * 1000;
    expect(relErr(spherical, ref)).toBeGreaterThan(1e-3);
    expect(relErr(segmentLength(0, 47, dLon, 47), ref)).toBeLessThan(1e-4);
  });
});

describe('polyline helpers', () => {
  const route: Position[] = [];
  for (let i = 0; i < 300; i++) {
    route.push([LENS[0] + 0.001 * i + 0.0003 * Math.sin(i), LENS[1] + 0.0007 * Math.cos(i / 7), 40 + i]);
  }

  it('positionsLength equals the Karney sum and ignores elevation', () => {
    expect(relErr(positionsLength(route), karneyLength(route))).toBeLessThan(1e-6);
    const flat = route.map((p) => [p[0], p[1]] as Position);
    expect(positionsLength(flat)).toBe(positionsLength(route));
  });

  it('cumulativeDistances starts at 0, grows, and ends at the total', () => {
    const c = cumulativeDistances(route);
    expect(c).toBeInstanceOf(Float64Array);
    expect(c.length).toBe(route.length);
    expect(c[0]).toBe(0);
    for (let i = 1; i < c.length; i++) expect(c[i]).toBeGreaterThan(c[i - 1]);
    expect(c[c.length - 1]).toBeCloseTo(positionsLength(route), 6);
    expect(c[1]).toBeCloseTo(karney(route[0][0], route[0][1], route[1][0], route[1][1]), 4);
  });

  it('interleavedLength matches positionsLength', () => {
    const flat = new Float64Array(route.length * 2);
    route.forEach((p, i) => {
      flat[2 * i] = p[0];
      flat[2 * i + 1] = p[1];
    });
    expect(interleavedLength(flat)).toBeCloseTo(positionsLength(route), 6);
    expect(positionsLength([])).toBe(0);
    expect(positionsLength([[1, 2]])).toBe(0);
  });

  it('metresPerDegree matches small Karney steps', () => {
    const m = metresPerDegree(50.43);
    expect(relErr(m.x * 0.001, karney(2.83, 50.43, 2.831, 50.43))).toBeLessThan(1e-6);
    expect(relErr(m.y * 0.001, karney(2.83, 50.4295, 2.83, 50.4305))).toBeLessThan(1e-6);
  });
});
