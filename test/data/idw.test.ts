import { describe, expect, it } from 'vitest';
import { createIdwIndex, idwAt, idwGrid, idwLeaveOneOut, type IdwSample } from '../../src/core/elevation/idw.ts';

const at = (g: ReturnType<typeof idwGrid>, i: number, j: number) => g.values[j * g.width + i];

describe('inverse distance weighting', () => {
  // 10 x 10 cells of 0.01°, centres at x.xx5
  const spec = { name: 'essai', west: 3.0, east: 3.1, south: 50.3, north: 50.4, dx: 0.01, dy: 0.01 };
  const samples: IdwSample[] = [
    { lon: 3.005, lat: 50.395, z: 20 }, // centre of cell (0, 0), the north-west one
    { lon: 3.095, lat: 50.305, z: 80 }, // centre of cell (9, 9)
    { lon: 3.045, lat: 50.355, z: 35 }, // centre of cell (4, 4)
    { lon: 3.075, lat: 50.325, z: 60 },
    { lon: 3.012, lat: 50.333, z: 41 },
  ];
  const grid = idwGrid(samples, spec);

  it('has the DemGrid layout', () => {
    expect(grid).toMatchObject({ name: 'essai', approximate: true, width: 10, height: 10, west: 3.0, north: 50.4, nodata: -9999 });
    expect(grid.values).toBeInstanceOf(Float32Array);
    expect(grid.values.length).toBe(100);
  });

  it('gives the sample value at a sample location', () => {
    expect(at(grid, 0, 0)).toBe(20);
    expect(at(grid, 9, 9)).toBe(80);
    expect(at(grid, 4, 4)).toBe(35);
    const index = createIdwIndex(samples);
    expect(idwAt(index, 3.075, 50.325)).toBe(60);
  });

  it('keeps every cell between the min and max of the samples', () => {
    for (const v of grid.values) {
      expect(v).toBeGreaterThanOrEqual(20);
      expect(v).toBeLessThanOrEqual(80);
    }
  });

  it('gives the common value midway between two equal samples', () => {
    const two = [
      { lon: 2.5, lat: 50.5, z: 57.25 },
      { lon: 2.52, lat: 50.5, z: 57.25 },
    ];
    expect(idwAt(createIdwIndex(two), 2.51, 50.5)).toBeCloseTo(57.25, 10);
    // and midway between two different ones, their mean
    const diff = [
      { lon: 2.5, lat: 50.5, z: 10 },
      { lon: 2.52, lat: 50.5, z: 30 },
    ];
    expect(idwAt(createIdwIndex(diff), 2.51, 50.5)).toBeCloseTo(20, 6);
  });

  it('weights by inverse squared distance', () => {
    // d1 = 1 unit, d2 = 3 units along a meridian: weights 1 and 1/9
    const s = [
      { lon: 3, lat: 50.0, z: 0 },
      { lon: 3, lat: 50.004, z: 100 },
    ];
    expect(idwAt(createIdwIndex(s), 3, 50.001)).toBeCloseTo(100 / 9 / (1 + 1 / 9), 3);
  });

  it('uses only the nearest neighbours', () => {
    const s = [
      { lon: 3, lat: 50, z: 10 },
      { lon: 3.001, lat: 50, z: 10 },
      { lon: 3.5, lat: 50, z: 1000 },
    ];
    expect(idwAt(createIdwIndex(s, { neighbours: 2 }), 3.0005, 50.0001)).toBeCloseTo(10, 10);
    expect(idwAt(createIdwIndex(s, { neighbours: 3 }), 3.0005, 50.0001)).toBeGreaterThan(10);
  });

  it('finds the same neighbours as a brute-force search', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const many = Array.from({ length: 400 }, () => ({ lon: 2.2 + rnd() * 1.5, lat: 50.2 + rnd() * 0.5, z: rnd() * 100 }));
    const index = createIdwIndex(many);
    for (let q = 0; q < 50; q++) {
      const lon = 2.1 + rnd() * 1.7;
      const lat = 50.1 + rnd() * 0.7;
      const x = (lon - index.lon0) * index.mPerDegLon;
      const y = (lat - index.lat0) * index.mPerDegLat;
      const nearest12 = many
        .map((_, i) => ({ i, d2: (index.xs[i] - x) ** 2 + (index.ys[i] - y) ** 2 }))
        .sort((a, b) => a.d2 - b.d2)
        .slice(0, 12);
      const sw = nearest12.reduce((s, n) => s + 1 / n.d2, 0);
      const expected = nearest12.reduce((s, n) => s + many[n.i].z / n.d2, 0) / sw;
      expect(idwAt(index, lon, lat)).toBeCloseTo(expected, 8);
    }
  });

  it('writes nodata beyond maxDistance_m', () => {
    const g = idwGrid([{ lon: 3.005, lat: 50.395, z: 33 }], { ...spec, maxDistance_m: 2000 });
    expect(at(g, 0, 0)).toBe(33);
    expect(at(g, 1, 1)).toBe(33); // ~1.3 km away, a single sample
    expect(at(g, 9, 9)).toBe(-9999);
  });

  it('cross-validates: exact on a constant field, excludes twins with the site radius', () => {
    const flat = samples.map((s) => ({ ...s, z: 12 }));
    expect(idwLeaveOneOut(flat).rmse).toBeCloseTo(0, 10);
    const twins = [
      { lon: 3.0, lat: 50.0, z: 10 },
      { lon: 3.0001, lat: 50.0, z: 10 }, // 7 m away
      { lon: 3.05, lat: 50.0, z: 50 },
      { lon: 3.0501, lat: 50.0, z: 50 },
    ];
    expect(idwLeaveOneOut(twins).rmse).toBeLessThan(1);
    expect(idwLeaveOneOut(twins, { exclusionRadius_m: 100 }).rmse).toBeCloseTo(40, 6);
  });
});
