import { describe, expect, it } from 'vitest';
import { lineCrossings } from '../../src/core/route/line-crossings';
import { karney } from '../helpers/karney';

// A route due east along 50.43° N from 2.80° to 2.84° E.
const route: [number, number][] = [
  [2.8, 50.43],
  [2.82, 50.43],
  [2.84, 50.43],
];

describe('lineCrossings', () => {
  it('gives the km of each road crossed, measured on the ellipsoid', () => {
    const roads = [
      {
        coords: [
          [2.81, 50.42],
          [2.81, 50.44],
        ] as [number, number][],
        name: 'Rue A',
      },
      // a dual carriageway: two lines 14 m apart count as one crossing
      {
        coords: [
          [2.83, 50.42],
          [2.83, 50.44],
        ] as [number, number][],
        name: 'RN 43',
      },
      {
        coords: [
          [2.8302, 50.42],
          [2.8302, 50.44],
        ] as [number, number][],
        name: 'RN 43',
      },
      // one that stays north of the route
      {
        coords: [
          [2.805, 50.44],
          [2.835, 50.45],
        ] as [number, number][],
        name: 'Loin',
      },
      // unnamed
      {
        coords: [
          [2.835, 50.42],
          [2.835, 50.44],
        ] as [number, number][],
      },
    ];
    const c = lineCrossings(route, roads);
    expect(c.map((x) => x.name)).toEqual(['Rue A', 'RN 43', 'Route']);
    expect(c[0].km * 1000).toBeCloseTo(karney(2.8, 50.43, 2.81, 50.43), 0);
    expect(c[1].km * 1000).toBeCloseTo(karney(2.8, 50.43, 2.83, 50.43), 0);
    expect(c[2].km * 1000).toBeCloseTo(karney(2.8, 50.43, 2.835, 50.43), 0);
    expect(c[0].at[0]).toBeCloseTo(2.81, 9);
  });

  it('finds nothing without roads or route', () => {
    expect(lineCrossings(route, [])).toEqual([]);
    expect(
      lineCrossings(
        [[2.8, 50.43]],
        [
          {
            coords: [
              [2.81, 50.42],
              [2.81, 50.44],
            ],
          },
        ],
      ),
    ).toEqual([]);
  });
});
