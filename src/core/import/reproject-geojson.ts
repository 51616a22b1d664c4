// A FeatureCollection from one of the supported systems to WGS84 longitude/latitude.
// Seven decimals are 1.1 cm of latitude at most: below the precision of any source here, and
// a third shorter than the 15 digits proj4 produces. A third coordinate (an altitude in IGN
// files, NGF-IGN69) is kept as it is: a planimetric change of datum does not change it.

import type { Feature, FeatureCollection, Geometry, GeometryCollection, Position } from 'geojson';
import { crsConverter, type CrsCode, type PointConverter } from './crs';

/** The precision of every reprojected coordinate (see above); tracks read from projected GeoJSON use it too. */
export const round7 = (v: number) => Math.round(v * 1e7) / 1e7;

/** A new collection (the input is not modified); positions that cannot be converted become NaN. */
export function reprojectGeoJSON<G extends Geometry | null, P>(fc: FeatureCollection<G, P>, from: CrsCode): FeatureCollection<G, P> {
  const convert = crsConverter(from, 'EPSG:4326');
  const features = fc.features.map((f): Feature<G, P> => ({ ...f, geometry: (f.geometry === null ? null : reprojectGeometry(f.geometry, convert)) as G }));
  // the output is RFC 7946 GeoJSON: WGS84 by definition, no `crs` member
  const { crs: _crs, ...rest } = fc as FeatureCollection<G, P> & { crs?: unknown };
  return { ...rest, features };
}

export function reprojectGeometry(g: Geometry, convert: PointConverter): Geometry {
  const pos = (p: Position): Position => {
    const [lon, lat] = convert(p[0], p[1]);
    return p.length > 2 ? [round7(lon), round7(lat), p[2]] : [round7(lon), round7(lat)];
  };
  switch (g.type) {
    case 'Point':
      return { ...g, coordinates: pos(g.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { ...g, coordinates: g.coordinates.map(pos) };
    case 'MultiLineString':
    case 'Polygon':
      return { ...g, coordinates: g.coordinates.map((l) => l.map(pos)) };
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map((poly) => poly.map((l) => l.map(pos))) };
    case 'GeometryCollection': {
      const out: GeometryCollection = { ...g, geometries: g.geometries.map((c) => reprojectGeometry(c, convert)) };
      return out;
    }
  }
}
