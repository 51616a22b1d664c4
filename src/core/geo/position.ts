// Positions carry elevation as an optional third number; these keep "unknown" distinct from 0.

import type { Position } from '../types';

/** The point's elevation in metres, or undefined when the point has none (or a non-finite one). */
export function elevationOf(p: Position): number | undefined {
  if (p.length !== 3) return undefined;
  const e = p[2];
  return Number.isFinite(e) ? e : undefined;
}

/** Builds a 2D or 3D position; an undefined or non-finite elevation gives a 2D one. */
export function position(lon: number, lat: number, ele?: number): Position {
  return ele !== undefined && Number.isFinite(ele) ? [lon, lat, ele] : [lon, lat];
}
