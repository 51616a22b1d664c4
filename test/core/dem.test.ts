import { describe, expect, it } from 'vitest';
import { parseAsciiGrid } from '../../src/core/elevation/asc';
import { drapeOnDem, sampleDem } from '../../src/core/elevation/dem';
import type { DemGrid, Position } from '../../src/core/types';
import { karney } from '../helpers/karney';

// 3 × 2 cells of 1°: centres at lon 0.5, 1.5, 2.5 and lat 1.5 (north row), 0.5 (south row)
//   10  20  30
//   40  50  nodata
const grid = (nodata = -9999): DemGrid => ({
  name: 'test',
  approximate: false,
  west: 0,
  south: 0,
  east: 3,
  north: 2,
  width: 3,
  height: 2,
  values: Float32Array.from([10, 20, 30, 40, 50, nodata]),
  nodata,
});

describe('sampleDem', () => {
  const dem = grid();

  it('returns the cell value at a cell centre', () => {
    expect(sampleDem(dem, 1.5, 1.5)).toBe(20);
    expect(sampleDem(dem, 0.5, 0.5)).toBe(40);
    // a centre next to a nodata cell is still valid: the nodata cell has no weight there
    expect(sampleDem(dem, 2.5, 1.5)).toBe(30);
  });

  it('interpolates bilinearly between centres', () => {
    expect(sampleDem(dem, 1.0, 1.0)).toBeCloseTo((10 + 20 + 40 + 50) / 4, 12);
    expect(sampleDem(dem, 1.0, 1.5)).toBeCloseTo(15, 12);
    expect(sampleDem(dem, 0.5, 1.0)).toBeCloseTo(25, 12);
    // a quarter of the way: weights 0.75/0.25 along x, 0.5/0.5 along y
    expect(sampleDem(dem, 0.75, 1.0)).toBeCloseTo(0.5 * (0.75 * 10 + 0.25 * 20) + 0.5 * (0.75 * 40 + 0.25 * 50), 12);
  });

  it('holds the outer centres out to the grid edge', () => {
    expect(sampleDem(dem, 0.1, 1.9)).toBe(10);
    expect(sampleDem(dem, 0, 2)).toBe(10);
    expect(sampleDem(dem, 3, 1.5)).toBe(30);
  });

  it('is null outside the grid', () => {
    expect(sampleDem(dem, -0.01, 1)).toBeNull();
    expect(sampleDem(dem, 3.01, 1)).toBeNull();
    expect(sampleDem(dem, 1, 2.01)).toBeNull();
    expect(sampleDem(dem, 1, -0.5)).toBeNull();
    expect(sampleDem(dem, NaN, 1)).toBeNull();
  });

  it('is null on nodata, and wherever a nodata cell would weigh in', () => {
    expect(sampleDem(dem, 2.5, 0.5)).toBeNull();
    expect(sampleDem(dem, 2.0, 1.0)).toBeNull();
    expect(sampleDem(dem, 2.0, 1.5)).toBeCloseTo(25, 12);
    // a nodata marker that float32 cannot hold exactly still matches
    const big = grid(-3.4028234663852886e38);
    expect(sampleDem(big, 2.5, 0.5)).toBeNull();
    const nan = { ...grid(), values: Float32Array.from([10, 20, 30, 40, 50, NaN]) };
    expect(sampleDem(nan, 2.5, 0.5)).toBeNull();
  });
});

describe('drapeOnDem', () => {
  it('splits long segments to half a cell and sets each elevation', () => {
    // 2° along the north row: cells are ~111 km, so pieces must be ≤ ~55 km
    const line: Position[] = [
      [0.5, 1.5],
      [2.5, 1.5],
    ];
    const draped = drapeOnDem(line, grid());
    expect(draped.length).toBeGreaterThanOrEqual(5);
    expect(draped[0]).toEqual([0.5, 1.5, 10]);
    expect(draped[draped.length - 1]).toEqual([2.5, 1.5, 30]);
    for (let i = 1; i < draped.length; i++) {
      expect(karney(draped[i - 1][0], 1.5, draped[i][0], 1.5)).toBeLessThanOrEqual(110_574 / 2);
    }
    // along the north row the bilinear value is linear in longitude: 10 at 0.5°, 30 at 2.5°
    for (const p of draped) expect(p[2]).toBeCloseTo(10 + 10 * (p[0] - 0.5), 9);
  });

  it('overrides existing elevations and leaves points off the grid 2D', () => {
    const line: Position[] = [
      [1.5, 1.5, 999],
      [1.5, 1.4, 999],
      [3.5, 1.4],
    ];
    const draped = drapeOnDem(line, grid());
    expect(draped[0]).toEqual([1.5, 1.5, 20]);
    expect(draped[1][2]).toBeCloseTo(20 + (50 - 20) * 0.1, 5);
    expect(draped[draped.length - 1]).toEqual([3.5, 1.4]);
    expect(drapeOnDem([], grid())).toEqual([]);
  });
});

describe('parseAsciiGrid', () => {
  const asc = (corner: string) => ['ncols 3', 'NROWS 2', corner, 'cellsize 0.01', 'NODATA_value -1', '10 20 30', '40 50 -1', ''].join('\n');

  it('reads an xllcorner grid', () => {
    const r = parseAsciiGrid(asc('xllcorner 2.8\nyllcorner 50.4'), { name: 'RGE', approximate: true });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const g = r.value;
    expect([g.width, g.height, g.nodata, g.name, g.approximate]).toEqual([3, 2, -1, 'RGE', true]);
    expect(g.west).toBeCloseTo(2.8, 12);
    expect(g.east).toBeCloseTo(2.83, 12);
    expect(g.south).toBeCloseTo(50.4, 12);
    expect(g.north).toBeCloseTo(50.42, 12);
    expect(Array.from(g.values)).toEqual([10, 20, 30, 40, 50, -1]);
    expect(sampleDem(g, 2.815, 50.415)).toBeCloseTo(20, 4);
    expect(sampleDem(g, 2.825, 50.405)).toBeNull();
  });

  it('reads an xllcenter grid half a cell further out', () => {
    const r = parseAsciiGrid(asc('xllcenter 2.805\nyllcenter 50.405'));
    expect(r.ok && r.value.west).toBeCloseTo(2.8, 12);
    expect(r.ok && r.value.south).toBeCloseTo(50.4, 12);
    expect(r.ok && r.value.nodata).toBe(-1);
  });

  it('defaults NODATA_value to -9999', () => {
    const r = parseAsciiGrid('ncols 1\nnrows 1\nxllcorner 0\nyllcorner 0\ncellsize 1\n5\n');
    expect(r.ok && r.value.nodata).toBe(-9999);
  });

  it('reads NODATA_value nan (GDAL float grids), with nan in the missing cells', () => {
    const text = ['ncols 3', 'nrows 2', 'xllcorner 2.8', 'yllcorner 50.4', 'cellsize 0.01', 'NODATA_value nan', 'nan 20 30', '40 50 -nan', ''].join('\n');
    const r = parseAsciiGrid(text);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.nodata).toBeNaN();
    expect(Array.from(r.value.values)).toEqual([NaN, 20, 30, 40, 50, NaN]);
    expect(sampleDem(r.value, 2.815, 50.415)).toBeCloseTo(20, 4);
    expect(sampleDem(r.value, 2.805, 50.415)).toBeNull();
    // nan is a cell value only when the header names it: elsewhere, and other words, stay errors
    expect(parseAsciiGrid(text.replace('NODATA_value nan', 'NODATA_value -9999'))).toMatchObject({ ok: false, error: { code: 'dem.invalid-grid' } });
    expect(parseAsciiGrid(text.replace('20', 'x'))).toEqual({ ok: false, error: { code: 'dem.invalid-grid', detail: { reason: 'value', index: 1 } } });
    expect(parseAsciiGrid(text.replace('cellsize 0.01', 'cellsize nan'))).toEqual({
      ok: false,
      error: { code: 'dem.invalid-grid', detail: { reason: 'header', key: 'cellsize' } },
    });
  });

  it('rejects broken and projected grids', () => {
    expect(parseAsciiGrid('  \n')).toEqual({ ok: false, error: { code: 'file.empty' } });
    const short = parseAsciiGrid(asc('xllcorner 2.8\nyllcorner 50.4').replace('40 50 -1', '40 50'));
    expect(short).toEqual({ ok: false, error: { code: 'dem.invalid-grid', detail: { reason: 'count', expected: 6, found: 5 } } });
    const bad = parseAsciiGrid(asc('xllcorner 2.8\nyllcorner 50.4').replace('50', 'x50'));
    expect(!bad.ok && bad.error.code).toBe('dem.invalid-grid');
    const noSize = parseAsciiGrid('ncols 1\nnrows 1\nxllcorner 0\nyllcorner 0\n5\n');
    expect(!noSize.ok && noSize.error.code).toBe('dem.invalid-grid');
    const lambert = parseAsciiGrid('ncols 1\nnrows 1\nxllcorner 687900\nyllcorner 7036950\ncellsize 25\n5\n');
    expect(!lambert.ok && lambert.error.code).toBe('dem.not-wgs84');
  });
});
