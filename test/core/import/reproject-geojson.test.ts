import { readFileSync } from 'node:fs';
import type { FeatureCollection, LineString, MultiLineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { crsConverter } from '../../../src/core/import/crs';
import { reprojectGeoJSON } from '../../../src/core/import/reproject-geojson';

const l93 = (): FeatureCollection => JSON.parse(readFileSync('test/fixtures/import/cavaliers-l93-crs.geojson', 'utf8'));

describe('reprojectGeoJSON', () => {
  it('gives WGS84 with 7 decimals, drops the crs member, keeps the rest, and does not touch its input', () => {
    const input = l93();
    const before = JSON.stringify(input);
    const out = reprojectGeoJSON(input, 'EPSG:2154');
    expect(JSON.stringify(input)).toBe(before);
    expect('crs' in out).toBe(false);
    expect((out as { name?: string }).name).toBe('zt-cavaliers (extrait, Lambert-93)');
    // cs2cs -f %.10f EPSG:2154 EPSG:4326 gives 2.7610447577 50.4392694821, rounded to 7 places
    expect((out.features[0].geometry as LineString).coordinates[0]).toEqual([2.7610448, 50.4392695]);
    expect(out.features[0].properties).toEqual(input.features[0].properties);
    expect((out.features[1].geometry as MultiLineString).coordinates[1][1][2]).toBe(31.5);
  });

  it('round-trips Lambert-93 → WGS84 (7 decimals) → Lambert-93 within 1 cm', () => {
    const input = l93();
    const out = reprojectGeoJSON(input, 'EPSG:2154');
    const back = crsConverter('EPSG:4326', 'EPSG:2154');
    const a = (input.features[1].geometry as MultiLineString).coordinates.flat();
    const b = (out.features[1].geometry as MultiLineString).coordinates.flat();
    a.forEach((p, i) => {
      const [x, y] = back(b[i][0], b[i][1]);
      expect(Math.hypot(x - p[0], y - p[1])).toBeLessThan(0.01);
    });
  });

  it('handles every geometry type, null geometries included', () => {
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: null, geometry: null as never },
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'GeometryCollection',
            geometries: [
              { type: 'Point', coordinates: [683000, 7038000] },
              {
                type: 'MultiPolygon',
                coordinates: [
                  [
                    [
                      [683000, 7038000],
                      [684000, 7038000],
                      [684000, 7039000],
                      [683000, 7038000],
                    ],
                  ],
                ],
              },
            ],
          },
        },
      ],
    };
    const out = reprojectGeoJSON(fc, 'EPSG:2154');
    expect(out.features[0].geometry).toBeNull();
    const gc = out.features[1].geometry;
    expect(gc.type === 'GeometryCollection' && gc.geometries[0]).toEqual({ type: 'Point', coordinates: [2.7610448, 50.4392695] });
  });
});
