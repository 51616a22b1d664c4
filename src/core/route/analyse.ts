// Figures for the stats panel and the CLI: geodesic length, points, elevation profile and
// where its elevation comes from. By default a track's own <ele> values win over the DEM
// (the embedded relief is approximate); `preferDem` makes a given DEM replace them
// (`cavalier stats --dem`). Length is summed within segments: the gaps between segments are not travelled.
import { drapeOnDem } from '../elevation/dem';
import { segmentsProfile } from '../elevation/profile';
import type { GeoError } from '../errors';
import { positionsLength } from '../geo/geodesic';
import { elevationOf } from '../geo/position';
import type { DemGrid, ElevationSource, Position, RouteStats } from '../types';
import { joinLegs, type Leg } from './leg';

export interface AnalyseOptions {
  dem?: DemGrid | null;
  preferDem?: boolean;
}

const countWithEle = (segments: readonly Position[][]) =>
  segments.reduce((n, s) => n + s.filter((p) => elevationOf(p) !== undefined).length, 0);

export function analyseTrack(segments: Position[][], options: AnalyseOptions = {}): RouteStats {
  const usable = segments.filter((s) => s.length > 0);
  let length_m = 0;
  let points = 0;
  for (const s of usable) {
    length_m += positionsLength(s);
    points += s.length;
  }
  const dem = options.dem ?? null;
  const warnings: GeoError[] = [];
  let profile = null;
  let elevationSource: ElevationSource = { kind: 'none' };
  if (countWithEle(usable) >= 2 && !(options.preferDem && dem)) {
    profile = segmentsProfile(usable);
    if (profile) elevationSource = { kind: 'track' };
  }
  if (!profile && dem) {
    const draped = usable.map((s) => drapeOnDem(s, dem));
    profile = segmentsProfile(draped);
    if (profile) elevationSource = { kind: 'dem', name: dem.name, approximate: dem.approximate };
    const total = draped.reduce((n, s) => n + s.length, 0);
    const covered = countWithEle(draped);
    // floor, so that a route 99.6 % covered does not read "100 %"
    if (covered < total) warnings.push({ code: 'dem.partial-coverage', detail: { percent: Math.floor((100 * covered) / total) } });
  }
  return { length_m, points, segments: usable.length, profile, elevationSource, warnings };
}

/** A drawn route: its legs joined into one line, plus the way-type breakdown. */
export function analyseLegs(legs: Leg[], options: AnalyseOptions = {}): RouteStats {
  const coords: Position[] = joinLegs(legs);
  const ways: Record<string, number> = {};
  for (const leg of legs) for (const [k, v] of Object.entries(leg.ways)) ways[k] = (ways[k] ?? 0) + (v ?? 0);
  return { ...analyseTrack(coords.length ? [coords] : [], options), ways };
}
