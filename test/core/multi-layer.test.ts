// Reviews across layers (src/core/review/multi-layer.ts), golden files Turf style:
// test/fixtures/multi-layer/in/NAME.geojson holds a route (role "route"), zones with a `layer`
// property, the layers' order ("layers") and optionally "review": {buffer_m, corridor_m};
// out/NAME.json is the merged review and what insideAreas says of the route, rounded.
//
// Second methods: the merged review equals the review of all zones prepared together (one
// preparation, as the CLI did), and inside_m equals the route's length inside any square,
// measured on a densified route with Turf (./review-reference.ts).
import type { Feature, FeatureCollection, LineString, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { prepareZones, reviewRoute, zonesFromGeoJson, type ZoneInput } from '../../src/core/review';
import { insideAreas, reviewAcrossLayers, unionLength } from '../../src/core/review/multi-layer';
import type { Position } from '../../src/core/types';
import { expectGolden, goldenNames, readInput, rounded } from '../helpers/golden';
import { densify, inPolygon, passesOf } from './review-reference';

const MODULE = 'multi-layer';
const names = goldenNames(MODULE, 'geojson');

type Fixture = FeatureCollection & { layers: string[]; review?: { buffer_m?: number; corridor_m?: number } };

function load(name: string) {
  const fc = readInput<Fixture>(MODULE, name, 'geojson');
  const route = fc.features.filter((f) => f.properties?.role === 'route') as Feature<LineString>[];
  const segments = route.map((f) => f.geometry.coordinates as Position[]);
  const layers = fc.layers.map((layer) => {
    const features = fc.features.filter((f) => f.properties?.layer === layer);
    const read = zonesFromGeoJson({ type: 'FeatureCollection', features }, { file: `${layer}.geojson`, layer, kind: layer });
    // a layer without zones cannot be read: the engine keeps it as an empty layer (its error shown)
    if (!read.ok && read.error.code === 'zones.none') return [];
    if (!read.ok) throw new Error(read.error.code);
    return read.value.zones;
  });
  return { fc, segments, layers };
}

const byZoneAndLayer = <T extends { zone: string; layer: string }>(rows: T[]) =>
  [...rows].sort((a, b) => a.zone.localeCompare(b.zone) || a.layer.localeCompare(b.layer));

describe('review across layers: golden files', () => {
  it('finds the fixtures', () => expect(names.length).toBeGreaterThanOrEqual(5));

  for (const name of names) {
    it(name, () => {
      const { fc, segments, layers } = load(name);
      const options = fc.review ?? {};
      const review = reviewAcrossLayers(
        segments,
        layers.map((z) => prepareZones(z)),
        options,
      );
      const areas = layers.map((z) => prepareZones(z.filter((x) => x.geometry === 'polygon')));
      const inside = insideAreas(segments, areas);
      expectGolden(MODULE, name, rounded({ review, inside }));

      // one preparation of every zone gives the same rows (ties between layers aside, hence the sort)
      const together = reviewRoute(segments, prepareZones(layers.flat() as ZoneInput[]), options);
      expect(review.route_length_m).toBe(together.route_length_m);
      expect(byZoneAndLayer(review.crossings)).toEqual(byZoneAndLayer(together.crossings));
      expect(byZoneAndLayer(review.near)).toEqual(byZoneAndLayer(together.near));
      const km = (r: typeof review) => r.crossings.map((c) => c.passes[0]?.from_km ?? c.line_crossings?.[0]?.at_km ?? 0);
      expect(km(review)).toEqual([...km(review)].sort((a, b) => a - b));

      // inside any square, on the densified route
      const squares = fc.features.filter((f) => f.properties?.role !== 'route' && f.geometry.type === 'Polygon') as Feature<Polygon>[];
      const tests = squares.map(inPolygon);
      const ref = passesOf(densify(segments, 0.5), (x, y) => tests.some((t) => t(x, y)));
      expect(Math.abs(inside.inside_m - ref.inside_m)).toBeLessThanOrEqual(Math.max(2, 0.005 * ref.inside_m));
    });
  }
});

describe('unionLength', () => {
  it('counts overlaps once, in any order', () => {
    expect(unionLength([])).toBe(0);
    expect(
      unionLength([
        [10, 20],
        [0, 5],
      ]),
    ).toBe(15);
    expect(
      unionLength([
        [0, 10],
        [5, 15],
        [12, 14],
      ]),
    ).toBe(15);
    expect(
      unionLength([
        [0, 10],
        [2, 3],
        [10, 12],
      ]),
    ).toBe(12);
  });
});
