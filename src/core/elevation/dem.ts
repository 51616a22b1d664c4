// Elevations from a regular grid (see DemGrid in types.ts: values at cell centres).

import { metresPerDegree, segmentLength } from '../geo/geodesic';
import { position } from '../geo/position';
import type { DemGrid, Position } from '../types';

/**
 * The most cells a DEM file may declare: 50 million float32 cells (200 MB, as much again once
 * resampled), what a file at the 200 MiB limit holds. Checked on the header, before the values
 * are allocated: a header may declare billions, which no typed array can hold.
 */
export const MAX_DEM_CELLS = 50_000_000;

/**
 * Bilinear interpolation between the four surrounding cell centres. Between the outermost
 * centres and the grid's edge the nearest centres are used unchanged (no extrapolation).
 * Null outside the grid, or when a cell that would weigh in the result is nodata.
 */
export function sampleDem(dem: DemGrid, lon: number, lat: number): number | null {
  if (!(lon >= dem.west && lon <= dem.east && lat >= dem.south && lat <= dem.north)) return null;
  const { width, height } = dem;
  const dx = (dem.east - dem.west) / width;
  const dy = (dem.north - dem.south) / height;
  const fx = clamp((lon - dem.west) / dx - 0.5, 0, width - 1);
  const fy = clamp((dem.north - lat) / dy - 0.5, 0, height - 1);
  const [i0, tx] = snap(fx, width);
  const [j0, ty] = snap(fy, height);
  const i1 = tx > 0 ? i0 + 1 : i0;
  const j1 = ty > 0 ? j0 + 1 : j0;
  // the grid stores float32: compare nodata as float32 too, or -3.4e38 style markers never match
  const nodata = Math.fround(dem.nodata);
  const v = dem.values;
  const v00 = v[j0 * width + i0];
  const v10 = v[j0 * width + i1];
  const v01 = v[j1 * width + i0];
  const v11 = v[j1 * width + i1];
  if (isMissing(v00, nodata) || isMissing(v10, nodata) || isMissing(v01, nodata) || isMissing(v11, nodata)) {
    return null;
  }
  const top = v00 + (v10 - v00) * tx;
  const bottom = v01 + (v11 - v01) * tx;
  return top + (bottom - top) * ty;
}

/**
 * The line with every point's elevation taken from the grid. Segments longer than half a cell
 * are split first, so a long straight segment over a terril follows the relief instead of
 * joining its two ends. Points where the grid has no value come out 2D.
 */
export function drapeOnDem(coords: readonly Position[], dem: DemGrid): Position[] {
  const out: Position[] = [];
  if (coords.length === 0) return out;
  const cellLon = (dem.east - dem.west) / dem.width;
  const cellLat = (dem.north - dem.south) / dem.height;
  const add = (lon: number, lat: number): void => {
    out.push(position(lon, lat, sampleDem(dem, lon, lat) ?? undefined));
  };
  add(coords[0][0], coords[0][1]);
  for (let k = 1; k < coords.length; k++) {
    const [lon0, lat0] = coords[k - 1];
    const [lon1, lat1] = coords[k];
    const scale = metresPerDegree((lat0 + lat1) / 2);
    const halfCell = Math.min(cellLon * scale.x, cellLat * scale.y) / 2;
    const pieces = halfCell > 0 ? Math.ceil(segmentLength(lon0, lat0, lon1, lat1) / halfCell) : 1;
    for (let p = 1; p < pieces; p++) {
      const t = p / pieces;
      add(lon0 + (lon1 - lon0) * t, lat0 + (lat1 - lat0) * t);
    }
    add(lon1, lat1);
  }
  return out;
}

/**
 * Integer cell and fraction of a fractional index. Fractions within 1e-9 of a centre snap to it:
 * decimal degrees rarely land exactly on a centre, and a neighbour weighing 1e-13 must not
 * turn the sample into nodata.
 */
function snap(f: number, size: number): [number, number] {
  let i = Math.min(Math.floor(f), size - 1);
  let t = f - i;
  if (t > 1 - SNAP) {
    i += 1;
    t = 0;
  } else if (t < SNAP) t = 0;
  return [i, t];
}

const SNAP = 1e-9;

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

function isMissing(v: number, nodata: number): boolean {
  return v === nodata || Number.isNaN(v);
}
