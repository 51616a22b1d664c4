// The communes a route crosses (src/core/review/communes.ts), golden files Turf style:
// test/fixtures/communes/in/NAME.json holds a route line and a commune layer as given to the
// engine; out/NAME.json the communes crossed (null: the layer cannot be read).
//
// Second method: each commune's length is the route's length inside its square on a densified
// route (Turf, GeographicLib: ./review-reference.ts).
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { communesCrossed, communeZones } from '../../src/core/review/communes';
import type { Position } from '../../src/core/types';
import { expectGolden, goldenNames, readInput, rounded } from '../helpers/golden';
import { densePasses, inPolygon } from './review-reference';

const MODULE = 'communes';

describe('communes crossed: golden files', () => {
  const names = goldenNames(MODULE);
  it('finds the fixtures', () => expect(names.length).toBeGreaterThanOrEqual(4));

  for (const name of names) {
    it(name, () => {
      const { route, communes } = readInput<{ route: Position[]; communes: unknown }>(MODULE, name);
      const zones = communeZones(communes);
      const crossed = zones && communesCrossed(route, zones);
      expectGolden(MODULE, name, rounded(crossed));
      if (!crossed) return;
      for (const f of (communes as FeatureCollection<Polygon>).features) {
        const label = String(f.properties?.name ?? f.properties?.nom);
        const ref = densePasses([route], inPolygon(f as Feature<Polygon>), 0.5).inside_m;
        const got = crossed.find((c) => c.name === label)?.length_m ?? 0;
        expect(Math.abs(got - ref), label).toBeLessThanOrEqual(2);
      }
    });
  }
});
