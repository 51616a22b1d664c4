// Google's Encoded Polyline Algorithm Format, written here rather than taken from a package
// (it is twenty lines). Published at developers.google.com/maps/documentation/utilities/
// polylinealgorithm: each latitude then longitude, as the difference from the previous point,
// rounded to 10^-precision degrees, zig-zag encoded (value << 1, inverted when negative), cut
// into 5-bit chunks from the lowest, each chunk but the last OR 0x20, plus 63, as ASCII.
// Precision 5 is Google's (1.1 m); 6 ("polyline6", as OSRM and Valhalla write it) keeps a point
// to 11 cm, what a share link uses (share.ts).
import type { LonLat } from './model';

/** The encoded string of points given [lon, lat] (the string itself holds lat first). */
export function encodePolyline(points: readonly LonLat[], precision = 5): string {
  const factor = 10 ** precision;
  let out = '';
  let lastLat = 0;
  let lastLon = 0;
  for (const [lon, lat] of points) {
    const la = Math.round(lat * factor);
    const lo = Math.round(lon * factor);
    out += encodeValue(la - lastLat) + encodeValue(lo - lastLon);
    lastLat = la;
    lastLon = lo;
  }
  return out;
}

function encodeValue(v: number): string {
  // zig-zag without 32-bit operators: routes at precision 6 stay far below 2^31 anyway
  let n = v < 0 ? -2 * v - 1 : 2 * v;
  let s = '';
  while (n >= 0x20) {
    s += String.fromCharCode((0x20 | (n % 0x20)) + 63);
    n = Math.floor(n / 0x20);
  }
  return s + String.fromCharCode(n + 63);
}

/** The [lon, lat] points of an encoded string; null when it is not one (a character out of range, a value cut short). */
export function decodePolyline(text: string, precision = 5): LonLat[] | null {
  const factor = 10 ** precision;
  const points: LonLat[] = [];
  let i = 0;
  let lat = 0;
  let lon = 0;
  const next = (): number | null => {
    let result = 0;
    let scale = 1;
    for (;;) {
      if (i >= text.length) return null;
      const b = text.charCodeAt(i++) - 63;
      if (b < 0 || b > 63) return null;
      result += (b & 0x1f) * scale;
      scale *= 0x20;
      if (b < 0x20) break;
      if (scale > 2 ** 40) return null;
    }
    return result % 2 ? -(result + 1) / 2 : result / 2;
  };
  while (i < text.length) {
    const dLat = next();
    const dLon = dLat === null ? null : next();
    if (dLat === null || dLon === null) return null;
    lat += dLat;
    lon += dLon;
    points.push([lon / factor, lat / factor]);
  }
  return points;
}
