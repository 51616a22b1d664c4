// Kilometre markers along a route line: one per whole km, each ranked by the coarsest step it
// belongs to (10, 5 or 1 km), so that the map shows every 10 km when zoomed out, every 5 km
// closer and every km close up (as Openrunner and gpx.studio do). Distances are the ellipsoidal
// ones of geo/geodesic.ts, the same as the route's length everywhere else in the app.
import { pointsEvery } from './locate';
import type { Position } from '../types';

export interface KmMarker {
  /** whole kilometres from the start of the line (1, 2, 3…) */
  km: number;
  lonlat: [number, number];
  /** the coarsest step the km is a multiple of: 10, 5 or 1 */
  step: 1 | 5 | 10;
}

/**
 * A marker at every whole km of the line, its start and its end excluded (the start and finish
 * markers stand there). `maxMarkers` bounds a very long line (an imported 300 km trace).
 */
export function kmMarkers(coords: readonly Position[], maxMarkers = 2000): KmMarker[] {
  return pointsEvery([coords], 1000, maxMarkers).map(({ along_m, position: p }) => {
    const km = Math.round(along_m / 1000);
    return { km, lonlat: [p[0], p[1]], step: km % 10 === 0 ? 10 : km % 5 === 0 ? 5 : 1 };
  });
}
