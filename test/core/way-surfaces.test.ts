// Metres by kind of way (src/core/route/ways.ts), golden files Turf style:
// test/fixtures/way-surfaces/in/NAME.json holds legs' `ways`; out/NAME.json the three sums,
// checked by hand (each fixture's description does the sum) and against the legs' total.
import { describe, expect, it } from 'vitest';
import type { Leg } from '../../src/core/route/leg';
import { waySurfaces } from '../../src/core/route/ways';
import { expectGolden, goldenNames, readInput, rounded } from '../helpers/golden';

const MODULE = 'way-surfaces';

describe('way surfaces: golden files', () => {
  const names = goldenNames(MODULE);
  it('finds the fixtures', () => expect(names.length).toBeGreaterThanOrEqual(3));

  for (const name of names) {
    it(name, () => {
      const { legs } = readInput<{ legs: Pick<Leg, 'ways'>[] }>(MODULE, name);
      const ways = waySurfaces(legs);
      expectGolden(MODULE, name, rounded(ways));
      // every metre counted once, in one of the three
      const total = legs.reduce((s, l) => s + Object.values(l.ways).reduce((a: number, m) => a + (m ?? 0), 0), 0);
      expect(ways.road_m + ways.paths_m + ways.unknown_m).toBeCloseTo(total, 9);
    });
  }
});
