// A formula's route line as it is saved and exported. Rounded to what the GPX carries (1e-7°,
// 1.1 cm; 0.1 m of elevation) before anything is computed from it, so the app exporting from its
// live legs and the CLI exporting from a saved project file start from the very same numbers
// and write the very same bytes.
import { cumulativeDistances } from '../geo/geodesic';
import { elevationOf, position } from '../geo/position';
import type { Position } from '../types';

const round = (x: number, scale: number) => Math.round(x * scale) / scale;

/** Coordinates rounded to 1e-7°, elevations to 0.1 m; consecutive duplicates dropped (legs share their ends). */
export function normalizeGeometry(coords: readonly Position[]): Position[] {
  const out: Position[] = [];
  for (const p of coords) {
    const ele = elevationOf(p);
    const q = position(round(p[0], 1e7), round(p[1], 1e7), ele === undefined ? undefined : round(ele, 10));
    const last = out[out.length - 1];
    if (last && last[0] === q[0] && last[1] === q[1]) {
      if (elevationOf(last) === undefined && q.length === 3) out[out.length - 1] = q;
      continue;
    }
    out.push(q);
  }
  return out;
}

/**
 * Elevation for points without one lying between two points that have one, interpolated along
 * the line (a DEM can miss a point or two). Points before the first or after the last known
 * elevation stay without: holding a value there would invent relief where the DEM has none.
 */
export function fillElevationGaps(coords: readonly Position[]): Position[] {
  const known: number[] = [];
  coords.forEach((p, i) => {
    if (elevationOf(p) !== undefined) known.push(i);
  });
  if (known.length < 2 || known.length === coords.length) return coords.slice();
  const cum = cumulativeDistances(coords);
  const out = coords.slice();
  for (let k = 1; k < known.length; k++) {
    const a = known[k - 1];
    const b = known[k];
    if (b - a < 2) continue;
    const ea = elevationOf(coords[a])!;
    const eb = elevationOf(coords[b])!;
    const span = cum[b] - cum[a];
    for (let i = a + 1; i < b; i++) {
      const t = span > 0 ? (cum[i] - cum[a]) / span : 0;
      out[i] = position(coords[i][0], coords[i][1], round(ea + t * (eb - ea), 10));
    }
  }
  return out;
}
