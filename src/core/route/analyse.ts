// Figures for the stats panel and the CLI: geodesic length, points, elevation profile and
// where its elevations come from, point by point (elevation/sources.ts): a track's own <ele>
// values first, then each source in order of preference; `preferDem` makes the sources replace
// the file's values (`cavalier stats --dem`). Length is summed within segments: the gaps between segments are not travelled.
import { segmentsProfile } from '../elevation/profile';
import { drapeOnSources, gridLayer, type ElevationLayer } from '../elevation/sources';
import { terrilCrossings, terrilWarning, type TerrilArea } from '../elevation/terrils';
import type { GeoError } from '../errors';
import { positionsLength } from '../geo/geodesic';
import type { DemGrid, ElevationShare, ElevationSource, Position, RouteStats } from '../types';
import { joinLegs, type Leg } from './leg';

export interface AnalyseOptions {
  /** one grid, when there is only one (`cavalier stats --dem`, tests): as `layers: [gridLayer(dem)]` */
  dem?: DemGrid | null;
  /** the sources after the file's own values, in order of preference (elevation/sources.ts) */
  layers?: readonly ElevationLayer[];
  /** the layers replace the file's own values */
  preferDem?: boolean;
  /** the terrils, to say where the relief approché misses their climb */
  terrils?: readonly TerrilArea[];
}

/** The single source the older reports name: the one that gave the largest share. */
function mainSource(shares: readonly ElevationShare[]): ElevationSource {
  const main = shares.find((s) => s.source !== 'none');
  if (!main) return { kind: 'none' };
  if (main.source === 'track') return { kind: 'track' };
  return { kind: 'dem', name: main.name, approximate: main.source === 'approximation' };
}

export function analyseTrack(segments: Position[][], options: AnalyseOptions = {}): RouteStats {
  const usable = segments.filter((s) => s.length > 0);
  let length_m = 0;
  let points = 0;
  for (const s of usable) {
    length_m += positionsLength(s);
    points += s.length;
  }
  const layers = options.layers ?? (options.dem ? [gridLayer(options.dem)] : []);
  const warnings: GeoError[] = [];
  const draped = drapeOnSources(usable, layers, { useOwn: !options.preferDem });
  const profile = segmentsProfile(draped.segments, draped.cums);
  const elevationSources = profile ? draped.shares : [];
  const none = draped.shares.find((s) => s.source === 'none')?.share ?? 0;
  // floor, so that a route 99.6 % covered does not read "100 %"
  if (none > 0 && (profile || layers.length > 0)) warnings.push({ code: 'dem.partial-coverage', detail: { percent: Math.floor(100 * (1 - none)) } });
  const terril = profile && options.terrils ? terrilWarning(terrilCrossings(draped, layers, options.terrils)) : null;
  if (terril) warnings.push(terril);
  return {
    length_m,
    points,
    segments: usable.length,
    profile,
    elevationSource: profile ? mainSource(elevationSources) : { kind: 'none' },
    elevationSources,
    ascentLowerBound: terril !== null,
    warnings,
  };
}

/** A drawn route: its legs joined into one line, plus the way-type breakdown. */
export function analyseLegs(legs: Leg[], options: AnalyseOptions = {}): RouteStats {
  const coords: Position[] = joinLegs(legs);
  const ways: Record<string, number> = {};
  for (const leg of legs) for (const [k, v] of Object.entries(leg.ways)) ways[k] = (ways[k] ?? 0) + (v ?? 0);
  return { ...analyseTrack(coords.length ? [coords] : [], options), ways };
}
