// GeographicLib (Karney) as the independent reference for ellipsoidal lengths.
// The package is CommonJS without named ESM exports, hence createRequire.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Geodesic } = require('geographiclib-geodesic') as typeof import('geographiclib-geodesic');

export const WGS84 = Geodesic.WGS84;

/** Geodesic distance in metres between two lon/lat points. */
export function karney(lon1: number, lat1: number, lon2: number, lat2: number): number {
  return WGS84.Inverse(lat1, lon1, lat2, lon2).s12 ?? NaN;
}

/** Sum of Karney distances along a polyline of [lon, lat, …] positions. */
export function karneyLength(coords: readonly (readonly number[])[]): number {
  let total = 0;
  for (let i = 1; i < coords.length; i++) {
    total += karney(coords[i - 1][0], coords[i - 1][1], coords[i][0], coords[i][1]);
  }
  return total;
}
