// Gives every point an elevation for export: the file's own value where it has one, else the
// DEM's at that exact point (no densification: the exported points are the route's points).
import { elevationOf, position } from '../geo/position';
import type { DemGrid, Position } from '../types';
import { sampleDem } from './dem';

export function fillElevation(coords: readonly Position[], dem: DemGrid | null): Position[] {
  return coords.map((p) => {
    const own = elevationOf(p);
    if (own !== undefined || !dem) return p;
    return position(p[0], p[1], sampleDem(dem, p[0], p[1]) ?? undefined);
  });
}
