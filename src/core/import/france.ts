// "In France" for imported layers: a box around metropolitan France and Corsica, with a margin.
// It is a plausibility test that catches a wrong projection (Lambert-93 read as Lambert II, a
// file in Web Mercator, swapped axes), not a border: the basin's data cross into Belgium.
//
// France is too wide to tell some wrong readings apart: Web Mercator coordinates of Lille read as
// Lambert-93 land off La Rochelle, still in France. The region Cavalier is made for (the
// Mining Basin, in Hauts-de-France) is the narrower test that settles them (see detect-crs.ts).

/** Degrees, WGS84. Ouessant is at 5.14° W, Cap Corse at 9.56° E, Bray-Dunes at 51.09° N. */
const FRANCE_BOUNDS = { west: -5.5, south: 41.0, east: 10.0, north: 51.5 } as const;

export function inFrance(lon: number, lat: number): boolean {
  const b = FRANCE_BOUNDS;
  return lon >= b.west && lon <= b.east && lat >= b.south && lat <= b.north;
}

/**
 * Hauts-de-France widened by 1° on every side (about 70 km east–west and 110 km north–south at
 * 50° N), degrees WGS84. The region itself spans 1.38° E (Ault) to 4.26° E (Anor) and 48.84° N
 * (south of Château-Thierry) to 51.09° N (Bray-Dunes); the margin takes in Belgian Hainaut and
 * Flanders, the Île-de-France edge and the Channel coast that the basin's users also map.
 */
export const REGION_BOUNDS = { west: 0.38, south: 47.84, east: 5.26, north: 52.09 } as const;
