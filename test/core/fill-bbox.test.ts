import { describe, expect, it } from 'vitest';
import { fillElevation } from '../../src/core/elevation/fill';
import { bboxOf } from '../../src/core/geo/bbox';
import type { DemGrid } from '../../src/core/types';

// 2×1 cells: west cell 10 m, east cell 30 m; cell centres at lon 0.25 and 0.75, lat 0.5
const dem: DemGrid = {
  name: 'g',
  approximate: false,
  west: 0,
  south: 0,
  east: 1,
  north: 1,
  width: 2,
  height: 1,
  values: new Float32Array([10, 30]),
  nodata: -9999,
};

describe('fillElevation', () => {
  it('keeps own elevations, samples the DEM for the others, leaves unknown outside', () => {
    const out = fillElevation(
      [
        [0.25, 0.5, 99],
        [0.5, 0.5],
        [5, 5],
      ],
      dem,
    );
    expect(out[0]).toEqual([0.25, 0.5, 99]);
    expect(out[1][2]).toBeCloseTo(20, 9); // halfway between the two cell centres
    expect(out[2]).toEqual([5, 5]);
  });
  it('changes nothing without a DEM', () => {
    expect(fillElevation([[1, 2]], null)).toEqual([[1, 2]]);
  });
});

describe('bboxOf', () => {
  it('spans all segments', () => {
    expect(
      bboxOf([
        [
          [2, 50],
          [3, 51],
        ],
        [[1.5, 50.5]],
      ]),
    ).toEqual([1.5, 50, 3, 51]);
    expect(bboxOf([])).toBeNull();
  });
});
