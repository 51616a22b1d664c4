// Resamples an elevation grid given in Lambert-93 or Lambert II étendu (IGN's BD ALTI and
// RGE ALTI ship in Lambert-93) onto a regular WGS84 grid, which is what DemGrid and sampleDem
// work with. Each target cell centre is converted to the source system and sampled there
// bilinearly (sampleDem, the same interpolation the profile uses), so the only loss is one
// extra bilinear pass; cells of the target that fall outside the source are nodata. A nodata
// hole grows by up to one cell, since any target cell that a nodata cell weighs in is nodata.

import { metresPerDegree } from '../geo/geodesic';
import { crsConverter, type CrsCode } from '../import/crs';
import type { DemGrid } from '../types';
import type { RawGrid } from './asc';
import { sampleDem } from './dem';

/** A grid in one of the supported systems: DemGrid's layout, bounds in that system's units. */
export interface SourceGrid extends RawGrid {
  crs: CrsCode;
}

export interface ReprojectGridOptions {
  name: string;
  approximate?: boolean;
}

/** Points per edge used to find the WGS84 extent: a projected edge is slightly curved in degrees. */
const EDGE_SAMPLES = 32;

export function reprojectGrid(src: SourceGrid, opts: ReprojectGridOptions): DemGrid {
  const { crs, ...raw } = src;
  const approximate = opts.approximate ?? false;
  if (crs === 'EPSG:4326') return { name: opts.name, approximate, ...raw };

  const toWgs = crsConverter(crs, 'EPSG:4326');
  const toSrc = crsConverter('EPSG:4326', crs);

  // the extent: the outer box of the source's outline in degrees
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (let k = 0; k <= EDGE_SAMPLES; k++) {
    const t = k / EDGE_SAMPLES;
    const x = src.west + t * (src.east - src.west);
    const y = src.south + t * (src.north - src.south);
    for (const [px, py] of [
      [x, src.south],
      [x, src.north],
      [src.west, y],
      [src.east, y],
    ]) {
      const [lon, lat] = toWgs(px, py);
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
  }

  // cells of about the source's size on the ground, so that no detail is lost nor invented
  const cellX = (src.east - src.west) / src.width;
  const cellY = (src.north - src.south) / src.height;
  const m = metresPerDegree((south + north) / 2);
  const dx = cellX / m.x;
  const dy = cellY / m.y;
  const width = Math.max(1, Math.ceil((east - west) / dx));
  const height = Math.max(1, Math.ceil((north - south) / dy));
  east = west + width * dx;
  south = north - height * dy;

  // sampleDem reads only bounds, sizes, values and nodata: the source grid in its own units is fine
  const source: DemGrid = { name: opts.name, approximate, ...raw };
  const values = new Float32Array(width * height);
  for (let j = 0; j < height; j++) {
    const lat = north - (j + 0.5) * dy;
    for (let i = 0; i < width; i++) {
      const [x, y] = toSrc(west + (i + 0.5) * dx, lat);
      values[j * width + i] = sampleDem(source, x, y) ?? src.nodata;
    }
  }
  return { name: opts.name, approximate, west, south, east, north, width, height, values, nodata: src.nodata };
}
