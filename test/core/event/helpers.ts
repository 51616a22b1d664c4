// Shared bits for the event tests: deterministic ids and small lines near Lens.
import type { NewId } from '../../../src/core/event/model';
import type { Position } from '../../../src/core/types';

export function counter(prefix = 'id'): NewId {
  let n = 0;
  return () => `${prefix}${++n}`;
}

/** n + 1 points going north from (lon, lat) in steps of `dLat` degrees. */
export function northLine(lon: number, lat: number, n: number, dLat: number, ele?: (i: number) => number): Position[] {
  return Array.from({ length: n + 1 }, (_, i) => (ele ? [lon, lat + i * dLat, ele(i)] : [lon, lat + i * dLat]) as Position);
}
