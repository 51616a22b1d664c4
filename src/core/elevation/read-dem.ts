// One entry point for a DEM file the user loads: a GeoTIFF or an ESRI ASCII grid, in WGS84,
// Lambert-93 or Lambert II étendu, returned as a WGS84 DemGrid ready for sampleDem.
// The content decides the format (TIFF signature, else text); the system comes from the
// GeoTIFF's geokeys, else from the grid's extent (an .asc has no projection in it; IGN ships a
// .prj beside it), else from the caller, who asks the user.

import { fail, ok, type Result } from '../errors';
import type { CrsCode } from '../import/crs';
import { crsFromExtent } from '../import/detect-crs';
import type { DemGrid } from '../types';
import { readAsciiGrid } from './asc';
import { isTiff, readGeoTiff } from './geotiff';
import { reprojectGrid, type SourceGrid } from './reproject';

export interface ReadDemOptions {
  /** the system chosen by the user; overrides detection */
  from?: CrsCode;
  /** shown wherever an elevation figure comes from this grid; the file name without extension by default */
  name?: string;
  approximate?: boolean;
}

/** 200 MiB, as for layers: 50 million float32 cells, and as many again once resampled. */
export const MAX_DEM_FILE_BYTES = 200 * 1024 * 1024;

export async function readDemFile(data: ArrayBuffer | string, fileName: string, opts: ReadDemOptions = {}): Promise<Result<DemGrid>> {
  const size = typeof data === 'string' ? data.length : data.byteLength;
  if (size > MAX_DEM_FILE_BYTES) return fail('file.too-large', { limit_mb: MAX_DEM_FILE_BYTES / 1024 / 1024 });
  let src: Result<SourceGrid>;
  if (typeof data !== 'string' && isTiff(data)) src = await readGeoTiff(data, { from: opts.from });
  else {
    const raw = readAsciiGrid(typeof data === 'string' ? data : latin1(data));
    if (!raw.ok) return raw;
    const { west, south, east, north } = raw.value;
    const crs = opts.from ?? crsFromExtent([west, south, east, north]);
    if (crs === null) return fail('crs.unknown');
    src = ok({ ...raw.value, crs });
  }
  if (!src.ok) return src;
  return ok(reprojectGrid(src.value, { name: opts.name ?? stem(fileName), approximate: opts.approximate }));
}

/** An ASCII grid is ASCII: bytes to characters one for one (TextDecoder is not in the core's library). */
function latin1(data: ArrayBuffer): string {
  const bytes = new Uint8Array(data);
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x8000) parts.push(String.fromCharCode(...bytes.subarray(i, i + 0x8000)));
  return parts.join('');
}

function stem(fileName: string): string {
  const file = fileName.split(/[/\\]/).pop() ?? fileName;
  const dot = file.lastIndexOf('.');
  return (dot > 0 ? file.slice(0, dot) : file).trim() || file;
}
