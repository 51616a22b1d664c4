// Elevation from several sources at once, point by point. A route that leaves a DEM's extent
// must not take the DEM's last value for the rest of the way (the profile held it constant, a
// flat line nobody was told about): each point takes the first source, in order of preference,
// that has a value there, and the share of the length each source gave is reported beside the
// figures (stats panel, GPX metadata, `cavalier stats --json`).
//
// Order of preference: the file's own <ele>, then the layers in the order given (a DEM the user
// loaded, the online service, the relief approché). The line is densified at an even step first,
// so that a stretch over a DEM follows the DEM and a boundary is placed within one step.

import { cumulativeDistances, metresPerDegree, segmentLength } from '../geo/geodesic';
import { elevationOf, position } from '../geo/position';
import type { DemGrid, ElevationShare, Position } from '../types';
import { sampleDem } from './dem';

type ElevationSourceKind = 'track' | 'dem' | 'online' | 'approximation';

/** One source of elevations other than the file itself. */
export interface ElevationLayer {
  source: Exclude<ElevationSourceKind, 'track'>;
  name: string;
  /** the elevation there, null where the source has none */
  at(lon: number, lat: number): number | null;
  /** half a cell of a grid (m): the line is split at least this finely, so a terril between two points is not jumped */
  halfCell_m?: number;
}

/** Names of the sources without one of their own (data, shown as is; the app words them itself). */
// the file's own elevations and the stretches without any have no layer name: their words are src/i18n/elevation.ts's
const TRACK_SOURCE_NAME = '';
const NO_SOURCE_NAME = '';

/** The step of the densified line, as the profile's (profile.ts); coarser for very long routes. */
const DRAPE_STEP_M = 20;
const DRAPE_MAX_POINTS = 20_000;

/** A grid as a source: 'approximation' when it is modelled (the relief approché), 'online' when fetched (terrain tiles). */
export function gridLayer(dem: DemGrid): ElevationLayer {
  const source = dem.approximate ? 'approximation' : dem.online ? 'online' : 'dem';
  const scale = metresPerDegree((dem.north + dem.south) / 2);
  const halfCell_m = Math.min(((dem.east - dem.west) / dem.width) * scale.x, ((dem.north - dem.south) / dem.height) * scale.y) / 2;
  return { source, name: dem.name, at: (lon, lat) => sampleDem(dem, lon, lat), halfCell_m };
}

/**
 * The key of a position in a cache of point elevations (the online service's answers): six
 * decimals, about 0.1 m, what the requests send.
 */
export function positionKey(lon: number, lat: number): string {
  return `${lon.toFixed(6)},${lat.toFixed(6)}`;
}

/** Elevations known at exact positions (positionKey → metres, null for the service's no-data) as a source. */
export function samplesLayer(source: ElevationLayer['source'], name: string, samples: ReadonlyMap<string, number | null>): ElevationLayer {
  return { source, name, at: (lon, lat) => samples.get(positionKey(lon, lat)) ?? null };
}

/**
 * The step for a set of segments: DRAPE_STEP_M, or half the finest grid's cell when that is
 * smaller; coarser when more than DRAPE_MAX_POINTS would come out. The online samples are asked
 * at the points this step gives, so the same segments and layers give the same points.
 */
export function drapeStep(segments: readonly (readonly Position[])[], layers: readonly ElevationLayer[] = []): number {
  let total = 0;
  for (const s of segments) for (let i = 1; i < s.length; i++) total += segmentLength(s[i - 1][0], s[i - 1][1], s[i][0], s[i][1]);
  let step = DRAPE_STEP_M;
  for (const l of layers) if (l.halfCell_m !== undefined && l.halfCell_m > 0 && l.halfCell_m < step) step = l.halfCell_m;
  return Math.max(step, total / DRAPE_MAX_POINTS, MIN_STEP_M);
}

/** A 1 m DEM need not split the line into half-metre pieces: the profile resamples at 20 m anyway. */
const MIN_STEP_M = 1;

/**
 * The line with points added every `step` metres or less. The original points are kept as they
 * are (with their own elevation); a piece between two points that both carry one is not split
 * when `keepOwn` (the file's values win there: nothing to ask another source).
 */
export function densify(coords: readonly Position[], step: number, keepOwn = true): Position[] {
  const out: Position[] = [];
  if (coords.length === 0) return out;
  out.push(coords[0]);
  for (let k = 1; k < coords.length; k++) {
    const a = coords[k - 1];
    const b = coords[k];
    const own = keepOwn && elevationOf(a) !== undefined && elevationOf(b) !== undefined;
    const pieces = own ? 1 : Math.max(1, Math.ceil(segmentLength(a[0], a[1], b[0], b[1]) / step));
    for (let p = 1; p < pieces; p++) {
      const t = p / pieces;
      out.push(position(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t));
    }
    out.push(b);
  }
  return out;
}

export interface DrapeOptions {
  /** false: the layers replace the file's own values (`cavalier stats --dem`) */
  useOwn?: boolean;
  /** the step of the densified line; drapeStep(segments) by default */
  step?: number;
}

export interface Draped {
  /** the densified segments, each point with the elevation of its source (2D where none has one) */
  segments: Position[][];
  /** per point of `segments`: the index of its source in `sources`, -1 for the file's own, -2 for none */
  from: Int16Array[];
  /** the share of the length from each source, largest first (sources that gave nothing are left out) */
  shares: ElevationShare[];
  /** per segment: the distance from its first point to each point (m), as geodesic.cumulativeDistances */
  cums: Float64Array[];
}

const OWN = -1;
const NONE = -2;

/**
 * Every point's elevation from the best source that covers it. The length between two points is
 * credited half to the source of each, so a route half over a DEM reads half DEM (within a step).
 */
export function drapeOnSources(segments: readonly (readonly Position[])[], layers: readonly ElevationLayer[], options: DrapeOptions = {}): Draped {
  const useOwn = options.useOwn ?? true;
  const step = options.step ?? drapeStep(segments, layers);
  const outSegments: Position[][] = [];
  const from: Int16Array[] = [];
  const cums: Float64Array[] = [];
  const metres = new Float64Array(layers.length + 2); // [0] own, [1] none, [2 + i] layer i
  const slot = (f: number) => (f === OWN ? 0 : f === NONE ? 1 : 2 + f);
  for (const seg of segments) {
    const dense = densify(seg, step, useOwn);
    const src = new Int16Array(dense.length);
    const pts: Position[] = new Array(dense.length);
    for (let i = 0; i < dense.length; i++) {
      const p = dense[i];
      const own = useOwn ? elevationOf(p) : undefined;
      if (own !== undefined) {
        src[i] = OWN;
        pts[i] = p;
        continue;
      }
      src[i] = NONE;
      pts[i] = position(p[0], p[1]);
      for (let l = 0; l < layers.length; l++) {
        const v = layers[l].at(p[0], p[1]);
        if (v !== null && Number.isFinite(v)) {
          src[i] = l;
          pts[i] = position(p[0], p[1], v);
          break;
        }
      }
    }
    const cum = cumulativeDistances(pts);
    for (let i = 1; i < pts.length; i++) {
      const d = cum[i] - cum[i - 1];
      metres[slot(src[i - 1])] += d / 2;
      metres[slot(src[i])] += d / 2;
    }
    outSegments.push(pts);
    from.push(src);
    cums.push(cum);
  }
  const total = metres.reduce((a, b) => a + b, 0);
  const shares: ElevationShare[] = [];
  if (total > 0) {
    const add = (source: ElevationShare['source'], name: string, m: number) => {
      if (m <= 0) return;
      // two layers of one kind and name (a DEM restored twice) read as one
      const same = shares.find((s) => s.source === source && s.name === name);
      if (same) same.share += m / total;
      else shares.push({ source, name, share: m / total });
    };
    add('track', TRACK_SOURCE_NAME, metres[0]);
    layers.forEach((l, i) => add(l.source, l.name, metres[2 + i]));
    add('none', NO_SOURCE_NAME, metres[1]);
    shares.sort((a, b) => b.share - a.share);
  }
  return { segments: outSegments, from, shares, cums };
}

/**
 * Every point of the line with an elevation, at the very points given (no densification: the
 * exported points are the route's points): the file's own value, else the first layer's that has one.
 */
export function fillFromSources(coords: readonly Position[], layers: readonly ElevationLayer[]): Position[] {
  return coords.map((p) => {
    if (elevationOf(p) !== undefined) return p;
    for (const l of layers) {
      const v = l.at(p[0], p[1]);
      if (v !== null && Number.isFinite(v)) return position(p[0], p[1], v);
    }
    return p;
  });
}

/**
 * The sources in order of preference: a DEM the user gave (file or terrain tiles), the online
 * altimetry's samples, then the relief approché (the current grid when it is the approximate
 * one, else the fallback kept behind the user's DEM).
 */
export function reliefLayers(r: { dem: DemGrid | null; fallback: DemGrid | null; online: ElevationLayer | null }): ElevationLayer[] {
  const out: ElevationLayer[] = [];
  if (r.dem && !r.dem.approximate) out.push(gridLayer(r.dem));
  if (r.online) out.push(r.online);
  const approx = r.dem?.approximate ? r.dem : r.fallback;
  if (approx) out.push(gridLayer(approx));
  return out;
}
