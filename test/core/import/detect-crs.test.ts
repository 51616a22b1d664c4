import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { resolveRawDir } from '../../../data/io';
import { crsFromExtent, crsFromName, detectCrs, proposeCrs } from '../../../src/core/import/detect-crs';

const fixture = (name: string): unknown => JSON.parse(readFileSync(`test/fixtures/import/${name}`, 'utf8'));
/** The real OSM extract of central Lille in Web Mercator (../shared/data/raw, see its SOURCES.md). */
const lille = JSON.parse(readFileSync(join(resolveRawDir(), 'osm-lille-2017/highway_line.epsg3857.json'), 'utf8')) as {
  crs: unknown;
  features: { geometry: { coordinates: number[][] } }[];
};
const line = (coords: number[][], crs?: string) => ({
  type: 'FeatureCollection',
  ...(crs ? { crs: { type: 'name', properties: { name: crs } } } : {}),
  features: [{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: coords } }],
});

describe('detectCrs', () => {
  it('reads the crs member written by QGIS and ogr2ogr', () => {
    expect(detectCrs(fixture('cavaliers-l93-crs.geojson'))).toEqual({
      crs: 'EPSG:2154',
      by: 'crs-member',
      declared: 'urn:ogc:def:crs:EPSG::2154',
    });
  });

  it('falls back on coordinate ranges', () => {
    expect(detectCrs(fixture('cavaliers-l93-nocrs.geojson'))).toEqual({ crs: 'EPSG:2154', by: 'coordinates' });
    expect(detectCrs(fixture('cavaliers-l2e.geojson'))).toEqual({ crs: 'EPSG:27572', by: 'coordinates' });
    expect(detectCrs(fixture('mixed-geometries.geojson'))).toEqual({ crs: 'EPSG:4326', by: 'coordinates' });
  });

  it('looks into bare geometries, single features and geometry collections', () => {
    expect(
      detectCrs({
        type: 'LineString',
        coordinates: [
          [683000, 7038000],
          [684000, 7038500],
        ],
      }).crs,
    ).toBe('EPSG:2154');
    expect(detectCrs({ type: 'Feature', properties: null, geometry: { type: 'Point', coordinates: [630217.8, 2605010.4] } }).crs).toBe('EPSG:27572');
    expect(
      detectCrs({
        type: 'GeometryCollection',
        geometries: [
          {
            type: 'MultiPolygon',
            coordinates: [
              [
                [
                  [2.8, 50.4],
                  [2.9, 50.4],
                  [2.9, 50.5],
                  [2.8, 50.4],
                ],
              ],
            ],
          },
        ],
      }).crs,
    ).toBe('EPSG:4326');
  });

  it('does not guess when the coordinates fit no system, or when there are none', () => {
    // one Lambert-93 point and one Lambert II point: a merge gone wrong
    expect(
      detectCrs(
        line([
          [683000, 7038000],
          [630217, 2605010],
        ]),
      ),
    ).toEqual({ crs: 'unknown', by: 'none' });
    expect(
      detectCrs(
        line([
          [5_000_000, 7038000],
          [5_000_001, 7038001],
        ]),
      ),
    ).toEqual({ crs: 'unknown', by: 'none' });
    expect(detectCrs({ type: 'FeatureCollection', features: [] })).toEqual({ crs: 'unknown', by: 'none' });
    expect(detectCrs('not geojson')).toEqual({ crs: 'unknown', by: 'none' });
  });

  it('does not guess from ranges when the file names a system it does not support', () => {
    expect(detectCrs(fixture('cc50.geojson'))).toEqual({ crs: 'unknown', by: 'crs-member', declared: 'urn:ogc:def:crs:EPSG::3950' });
  });

  it('reads a Web Mercator declaration', () => {
    expect(detectCrs(fixture('web-mercator.geojson'))).toEqual({ crs: 'EPSG:3857', by: 'crs-member', declared: 'urn:ogc:def:crs:EPSG::3857' });
    expect(detectCrs(lille)).toEqual({ crs: 'EPSG:3857', by: 'crs-member', declared: 'EPSG:3857' });
  });

  it('tells Web Mercator from Lambert-93 by where each puts the file, when the ranges fit both', () => {
    const { crs: _crs, ...undeclared } = lille;
    // Lille in Web Mercator fits Lambert-93's ranges too (it would be off La Rochelle)
    expect(detectCrs(undeclared)).toEqual({ crs: 'EPSG:3857', by: 'coordinates' });
    expect(detectCrs(fixture('cavaliers-l93-nocrs.geojson'))).toEqual({ crs: 'EPSG:2154', by: 'coordinates' });
    // Web Mercator alone fits a Breton extent (negative x): no region needed
    expect(crsFromExtent([-500_000, 6_100_000, -480_000, 6_110_000])).toBe('EPSG:3857');
    // both fit and neither lands in the region (Marseille in Lambert-93): the national system
    expect(crsFromExtent([892_000, 6_247_000, 893_000, 6_248_000])).toBe('EPSG:2154');
  });

  it('prefers the coordinates when they contradict the declaration and fit another system', () => {
    expect(detectCrs(fixture('declared-l2e-but-l93.geojson'))).toEqual({
      crs: 'EPSG:2154',
      by: 'coordinates',
      declared: 'EPSG:27572',
      conflict: true,
    });
  });

  it('reads the 2008 draft’s {type: "EPSG", properties: {code}} form', () => {
    expect(detectCrs({ type: 'FeatureCollection', crs: { type: 'EPSG', properties: { code: 2154 } }, features: [] })).toEqual({
      crs: 'EPSG:2154',
      by: 'crs-member',
      declared: 'EPSG:2154',
    });
  });

  it('keeps a declared name printable and short', () => {
    const d = detectCrs(
      line(
        [
          [1, 2],
          [3, 4],
        ],
        `EPSG:9999\u0007${'x'.repeat(300)}`,
      ),
    );
    expect(d.crs).toBe('unknown');
    expect(d.declared).toHaveLength(100);
    expect(d.declared).not.toMatch(/[\u0000-\u001f]/);
  });
});

describe('proposeCrs', () => {
  const extentOf = (coords: number[][]): [number, number, number, number] => [
    Math.min(...coords.map((c) => c[0])),
    Math.min(...coords.map((c) => c[1])),
    Math.max(...coords.map((c) => c[0])),
    Math.max(...coords.map((c) => c[1])),
  ];
  const lilleExtent = extentOf(lille.features.flatMap((f) => f.geometry.coordinates));

  it('proposes Web Mercator for Web Mercator read as Lambert-93 (off La Rochelle, 620 km away)', () => {
    expect(proposeCrs(lilleExtent, 'EPSG:2154')).toEqual({ crs: 'EPSG:3857', swap: false });
    expect(proposeCrs(lilleExtent, 'EPSG:3857')).toBeNull();
  });

  it('proposes Lambert-93 for Lambert-93 read as Web Mercator or Lambert II étendu', () => {
    const basin = extentOf([
      [683000, 7038000],
      [740000, 7025000],
    ]);
    expect(proposeCrs(basin, 'EPSG:3857')).toEqual({ crs: 'EPSG:2154', swap: false });
    expect(proposeCrs(basin, 'EPSG:27572')).toEqual({ crs: 'EPSG:2154', swap: false });
    expect(proposeCrs(basin, 'EPSG:2154')).toBeNull();
  });

  it('proposes exchanging the axes of degrees written latitude first (the Indian Ocean, off Somalia)', () => {
    const swapped = extentOf([
      [50.4392695, 2.7610448],
      [50.43, 2.83],
    ]);
    expect(proposeCrs(swapped, 'EPSG:4326')).toEqual({ crs: 'EPSG:4326', swap: true });
    expect(proposeCrs(swapped, 'EPSG:4326', true)).toBeNull();
  });

  it('proposes nothing for a file merely elsewhere in France, or nowhere else', () => {
    // Paris is within the region's margin; Marseille and Berlin read right land nowhere near it, read wrong neither
    expect(proposeCrs([2.29, 48.85, 2.4, 48.88], 'EPSG:4326')).toBeNull();
    expect(proposeCrs([892_000, 6_247_000, 893_000, 6_248_000], 'EPSG:2154')).toBeNull();
    expect(proposeCrs([13.37, 52.51, 13.4, 52.52], 'EPSG:4326')).toBeNull();
  });
});

describe('crsFromName', () => {
  it.each([
    ['urn:ogc:def:crs:EPSG::2154', 'EPSG:2154'],
    ['urn:ogc:def:crs:EPSG:6.3:2154', 'EPSG:2154'],
    ['urn:x-ogc:def:crs:EPSG:2154', 'EPSG:2154'],
    ['EPSG:2154', 'EPSG:2154'],
    ['epsg:2154', 'EPSG:2154'],
    ['http://www.opengis.net/def/crs/EPSG/0/2154', 'EPSG:2154'],
    ['RGF93 / Lambert-93', 'EPSG:2154'],
    ['RGF93_Lambert_93', 'EPSG:2154'],
    ['RGF93 v1 / Lambert-93', 'EPSG:2154'],
    ['IGNF:LAMB93', 'EPSG:2154'],
    ['urn:ogc:def:crs:EPSG::27572', 'EPSG:27572'],
    ['EPSG:27582', 'EPSG:27572'],
    ['NTF (Paris) / Lambert zone II', 'EPSG:27572'],
    ['NTF_Paris_Lambert_Zone_II', 'EPSG:27572'],
    ['Lambert II étendu', 'EPSG:27572'],
    ['NTF (Paris) / Lambert II étendu', 'EPSG:27572'],
    ['IGNF:LAMBE', 'EPSG:27572'],
    ['urn:ogc:def:crs:OGC:1.3:CRS84', 'EPSG:4326'],
    ['urn:ogc:def:crs:EPSG::4326', 'EPSG:4326'],
    ['EPSG:4171', 'EPSG:4326'],
    ['WGS84', 'EPSG:4326'],
    ['EPSG:3857', 'EPSG:3857'],
    ['urn:ogc:def:crs:EPSG::3857', 'EPSG:3857'],
    ['EPSG:900913', 'EPSG:3857'],
    ['ESRI:102100', 'EPSG:3857'],
    ['WGS 84 / Pseudo-Mercator', 'EPSG:3857'],
  ])('%s → %s', (name, code) => {
    expect(crsFromName(name)).toBe(code);
  });

  it.each(['ESRI:102110', 'urn:ogc:def:crs:EPSG::3949', 'EPSG:27571', 'Lambert zone I', 'RGF93 / CC50', ''])('%s → null', (name) => {
    expect(crsFromName(name)).toBeNull();
  });
});
