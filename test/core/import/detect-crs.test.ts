import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crsFromName, detectCrs } from '../../../src/core/import/detect-crs';

const fixture = (name: string): unknown => JSON.parse(readFileSync(`test/fixtures/import/${name}`, 'utf8'));
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
    expect(detectCrs({ type: 'LineString', coordinates: [[683000, 7038000], [684000, 7038500]] }).crs).toBe('EPSG:2154');
    expect(detectCrs({ type: 'Feature', properties: null, geometry: { type: 'Point', coordinates: [630217.8, 2605010.4] } }).crs).toBe('EPSG:27572');
    expect(
      detectCrs({ type: 'GeometryCollection', geometries: [{ type: 'MultiPolygon', coordinates: [[[[2.8, 50.4], [2.9, 50.4], [2.9, 50.5], [2.8, 50.4]]]] }] }).crs,
    ).toBe('EPSG:4326');
  });

  it('does not guess when the coordinates fit no system, or when there are none', () => {
    // one Lambert-93 point and one Lambert II point: a merge gone wrong
    expect(detectCrs(line([[683000, 7038000], [630217, 2605010]]))).toEqual({ crs: 'unknown', by: 'none' });
    expect(detectCrs(line([[5_000_000, 7038000], [5_000_001, 7038001]]))).toEqual({ crs: 'unknown', by: 'none' });
    expect(detectCrs({ type: 'FeatureCollection', features: [] })).toEqual({ crs: 'unknown', by: 'none' });
    expect(detectCrs('not geojson')).toEqual({ crs: 'unknown', by: 'none' });
  });

  it('does not guess from ranges when the file names a system it does not support', () => {
    // Web Mercator coordinates of Lens fit Lambert-93's ranges: only the declaration tells them apart
    expect(detectCrs(fixture('web-mercator.geojson'))).toEqual({ crs: 'unknown', by: 'crs-member', declared: 'urn:ogc:def:crs:EPSG::3857' });
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
    const d = detectCrs(line([[1, 2], [3, 4]], `EPSG:9999\u0007${'x'.repeat(300)}`));
    expect(d.crs).toBe('unknown');
    expect(d.declared).toHaveLength(100);
    expect(d.declared).not.toMatch(/[\u0000-\u001f]/);
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
  ])('%s → %s', (name, code) => {
    expect(crsFromName(name)).toBe(code);
  });

  it.each(['EPSG:3857', 'urn:ogc:def:crs:EPSG::3949', 'EPSG:27571', 'Lambert zone I', 'RGF93 / CC50', ''])('%s → null', (name) => {
    expect(crsFromName(name)).toBeNull();
  });
});
