import { describe, expect, it } from 'vitest';
import { elevationProfile, rawGain, segmentsProfile } from '../../src/core/elevation/profile';
import type { Position } from '../../src/core/types';
import { WGS84, karney } from '../helpers/karney';

const LENS: [number, number] = [2.83, 50.43];

/** Points along a geodesic from Lens at the given distances (Karney's Direct), with elevations. */
function line(azimuth: number, distances: number[], ele: (d: number, i: number) => number | undefined): Position[] {
  return distances.map((d, i) => {
    const p = WGS84.Direct(LENS[1], LENS[0], azimuth, d);
    const e = ele(d, i);
    return e === undefined ? [p.lon2 ?? NaN, p.lat2 ?? NaN] : [p.lon2 ?? NaN, p.lat2 ?? NaN, e];
  });
}

const range = (from: number, to: number, step: number): number[] => {
  const out: number[] = [];
  for (let d = from; d <= to + 1e-9; d += step) out.push(d);
  return out;
};

/** Deterministic noise in [-1, 1]. */
function noise(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return (s / 2147483648) * 2 - 1;
  };
}

describe('elevationProfile', () => {
  it('a straight ramp 0 → 100 m over 1 km climbs 100 m', () => {
    const pts = line(10, range(0, 1000, 100), (d) => d / 10);
    const p = elevationProfile(pts);
    expect(p).not.toBeNull();
    if (!p) return;
    expect(p.ascent).toBeGreaterThan(99);
    expect(p.ascent).toBeLessThan(101);
    expect(p.descent).toBe(0);
    expect(p.min).toBeCloseTo(0, 6);
    expect(p.max).toBeCloseTo(100, 6);
    expect(p.distances[0]).toBe(0);
    expect(p.distances[p.distances.length - 1]).toBeCloseTo(1000, 3);
    for (let i = 1; i < p.distances.length; i++) {
      const step = p.distances[i] - p.distances[i - 1];
      expect(step).toBeLessThanOrEqual(20 + 1e-9);
      expect(step).toBeGreaterThan(19);
    }
    expect(p.elevations.length).toBe(p.distances.length);
    expect(p.lonlats.length).toBe(p.distances.length);
  });

  it('2 m noise on a flat line adds less than 5 m, where the raw sum adds hundreds', () => {
    const rnd = noise(42);
    const pts = line(75, range(0, 3000, 7), () => 100 + 2 * rnd());
    const p = elevationProfile(pts);
    expect(p).not.toBeNull();
    expect(p?.ascent ?? NaN).toBeLessThan(5);
    expect(p?.descent ?? NaN).toBeLessThan(5);
    // the raw sum is what the smoothing is for: the same input must give a large figure there
    expect(rawGain(pts).ascent).toBeGreaterThan(200);
  });

  it('smoothing, not only the hysteresis, absorbs noise wider than the threshold', () => {
    // ±4 m noise swings 8 m, beyond the 5 m hysteresis: only the 100 m mean keeps it out
    const rnd = noise(7);
    const pts = line(75, range(0, 3000, 20), () => 100 + 4 * rnd());
    const p = elevationProfile(pts);
    expect(p).not.toBeNull();
    expect(p?.ascent ?? NaN).toBeLessThan(10);
    expect(p?.descent ?? NaN).toBeLessThan(10);
  });

  it('a hill up 50 m and down 50 m gives 50 / 50 within 2 m', () => {
    const pts = line(200, range(0, 2000, 25), (d) => (d <= 1000 ? d / 20 : (2000 - d) / 20));
    const p = elevationProfile(pts);
    expect(p).not.toBeNull();
    if (!p) return;
    expect(Math.abs(p.ascent - 50)).toBeLessThanOrEqual(2);
    expect(Math.abs(p.descent - 50)).toBeLessThanOrEqual(2);
    expect(Math.abs(p.max - 50)).toBeLessThanOrEqual(2);
    expect(p.min).toBeCloseTo(0, 6);
  });

  it('a climb of 4 m is ignored, one of 6 m is counted in full', () => {
    const small = line(0, range(0, 2000, 20), (d) => (d < 1000 ? 0 : 4));
    expect(elevationProfile(small)?.ascent).toBe(0);
    const big = line(0, range(0, 2000, 20), (d) => (d < 1000 ? 0 : 6));
    expect(elevationProfile(big)?.ascent ?? NaN).toBeCloseTo(6, 6);
    // down 3, then up 9: a dip under the threshold before the first climb still counts as its foot
    const dip = line(0, range(0, 3000, 20), (d) => (d < 1000 ? 0 : d < 2000 ? -3 : 6));
    const p = elevationProfile(dip);
    expect(p?.ascent ?? NaN).toBeCloseTo(9, 6);
    expect(p?.descent).toBe(0);
  });

  it('returns null when fewer than two points carry an elevation', () => {
    expect(elevationProfile(line(0, range(0, 1000, 100), () => undefined))).toBeNull();
    expect(elevationProfile(line(0, range(0, 1000, 100), (_d, i) => (i === 3 ? 50 : undefined)))).toBeNull();
    expect(elevationProfile([])).toBeNull();
  });

  it('interpolates across points without elevation, along the whole line', () => {
    // only the ends carry an elevation; the middle points still count for distance
    const pts = line(90, range(0, 1000, 100), (d) => (d === 0 ? 10 : d === 1000 ? 60 : undefined));
    const p = elevationProfile(pts);
    expect(p).not.toBeNull();
    if (!p) return;
    expect(p.distances[p.distances.length - 1]).toBeCloseTo(1000, 3);
    expect(p.ascent).toBeCloseTo(50, 6);
    const total = p.distances[p.distances.length - 1];
    const mid = p.distances.findIndex((d) => Math.abs(d - 500) < 10);
    expect(mid).toBeGreaterThan(0);
    expect(p.elevations[mid]).toBeCloseTo(10 + (50 * p.distances[mid]) / total, 6);
  });

  it('places each sample on the line at its distance', () => {
    const pts = line(33, [0, 1000], (d) => d / 100);
    const p = elevationProfile(pts);
    expect(p).not.toBeNull();
    if (!p) return;
    for (let i = 0; i < p.distances.length; i += 7) {
      const [lon, lat] = p.lonlats[i];
      expect(karney(LENS[0], LENS[1], lon, lat)).toBeCloseTo(p.distances[i], 1);
    }
  });

  it('keeps at most 5000 samples on a 300 km route', () => {
    const pts = line(100, range(0, 300_000, 500), (d) => 50 + 30 * Math.sin(d / 5000));
    const p = elevationProfile(pts);
    expect(p).not.toBeNull();
    if (!p) return;
    expect(p.distances.length).toBeLessThanOrEqual(5000);
    expect(p.distances.length).toBeGreaterThan(4900);
    expect(p.distances[p.distances.length - 1]).toBeCloseTo(300_000, 0);
    // 300 km / 31.4 km per period → about 9.5 periods of 60 m rise each
    expect(p.ascent).toBeGreaterThan(9 * 55);
    expect(p.ascent).toBeLessThan(10 * 61);
  });
});

describe('segmentsProfile', () => {
  it('does not count the jump between segments, and runs distances on', () => {
    const a = line(0, range(0, 500, 50), (d) => d / 10); // 0 → 50
    const b = line(0, range(600, 1100, 50), (d) => 200 + (d - 600) / 10); // 200 → 250
    const p = segmentsProfile([a, b]);
    expect(p).not.toBeNull();
    if (!p) return;
    expect(p.ascent).toBeCloseTo(100, 6);
    expect(p.descent).toBe(0);
    expect(p.min).toBeCloseTo(0, 6);
    expect(p.max).toBeCloseTo(250, 6);
    const firstOfB = p.elevations.findIndex((e) => e >= 200);
    expect(p.distances[firstOfB]).toBeCloseTo(500, 3);
    expect(p.distances[p.distances.length - 1]).toBeCloseTo(1000, 3);
  });

  it('skips segments without elevation but still advances the distance', () => {
    const a = line(0, range(0, 500, 50), () => undefined);
    const b = line(0, range(500, 1000, 50), (d) => d / 10);
    const p = segmentsProfile([a, b]);
    expect(p?.distances[0] ?? NaN).toBeCloseTo(500, 3);
    expect(p?.ascent ?? NaN).toBeCloseTo(50, 6);
  });
});

describe('rawGain', () => {
  it('sums every rise and drop between points with elevation', () => {
    const pts: Position[] = [
      [0, 0, 10],
      [0, 0.001],
      [0, 0.002, 13],
      [0, 0.003, 12],
      [0, 0.004, 20],
    ];
    expect(rawGain(pts)).toEqual({ ascent: 11, descent: 1 });
  });
});
