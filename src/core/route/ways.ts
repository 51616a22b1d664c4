// Metres of a drawn route by kind of way, as the Natura 2000 dossier asks them: public roads
// against paths. Straight lines and the builder's unchecked joins are neither: nobody knows what
// the ground is there, so they are counted apart rather than guessed.

import { EdgeKind, edgeKindName } from '../graph/graph';
import type { Leg } from './leg';

export interface WaySurfaces {
  road_m: number;
  paths_m: number;
  /** straight lines and unchecked joins: what the way is is not known */
  unknown_m: number;
}

export function waySurfaces(legs: readonly Pick<Leg, 'ways'>[]): WaySurfaces {
  const ways: WaySurfaces = { road_m: 0, paths_m: 0, unknown_m: 0 };
  for (const leg of legs)
    for (const [k, m] of Object.entries(leg.ways)) {
      if (!m) continue;
      if (k === edgeKindName(EdgeKind.road)) ways.road_m += m;
      else if (k === 'off-network' || k === edgeKindName(EdgeKind.gap)) ways.unknown_m += m;
      else ways.paths_m += m;
    }
  return ways;
}
