// "In France" for imported layers: a box around metropolitan France and Corsica, with a margin.
// It is a plausibility test that catches a wrong projection (Lambert-93 read as Lambert II, a
// file in Web Mercator, swapped axes), not a border: the basin's data cross into Belgium.

/** Degrees, WGS84. Ouessant is at 5.14° W, Cap Corse at 9.56° E, Bray-Dunes at 51.09° N. */
export const FRANCE_BOUNDS = { west: -5.5, south: 41.0, east: 10.0, north: 51.5 } as const;

export function inFrance(lon: number, lat: number): boolean {
  const b = FRANCE_BOUNDS;
  return lon >= b.west && lon <= b.east && lat >= b.south && lat <= b.north;
}
