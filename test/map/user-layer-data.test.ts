// What maplibre is given of an imported layer (userMapData): geometries with their index as id and
// only the properties the styles read, so that attributes with any name (constructor, __proto__,
// hasOwnProperty: maplibre's worker transfer throws on or drops them) never reach it; the popup
// reads them from the layer by that id (test/browser/proto-property.test.ts).
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { userMapData } from '../../src/map/layers/user';

describe('userMapData', () => {
  it('keeps geometries, numbers features by index and passes only the styled properties', () => {
    const fc = JSON.parse(
      '{"type":"FeatureCollection","features":[' +
        '{"type":"Feature","properties":{"highway":"residential","constructor":"c","hasOwnProperty":"h","__proto__":"p","$name":"n"},"geometry":{"type":"LineString","coordinates":[[2.83,50.43],[2.84,50.44]]}},' +
        '{"type":"Feature","properties":{"__proto__":{"highway":"track"}},"geometry":{"type":"Point","coordinates":[2.8,50.42]}},' +
        '{"type":"Feature","properties":null,"geometry":{"type":"Point","coordinates":[2.81,50.42]}}]}',
    ) as FeatureCollection;
    const data = userMapData(fc);
    expect(data.features.map((f) => f.id)).toEqual([0, 1, 2]);
    expect(data.features.map((f) => f.geometry)).toEqual(fc.features.map((f) => f.geometry));
    expect(data.features[0].geometry).toBe(fc.features[0].geometry);
    // own keys only: the highway of an object named __proto__ is not the feature's
    expect(data.features.map((f) => Object.keys(f.properties ?? {}))).toEqual([['highway'], [], []]);
    expect(data.features[0].properties).toEqual({ highway: 'residential' });
    // the layer itself is left as it is
    expect(Object.keys(fc.features[0].properties ?? {})).toEqual(['highway', 'constructor', 'hasOwnProperty', '__proto__', '$name']);
  });
});
