// ESRI ASCII grid (.asc) reader. parseAsciiGrid takes grids in WGS84 degrees; readAsciiGrid
// takes any system (IGN ships BD ALTI in Lambert-93 metres) and leaves the bounds in its units,
// for reprojectGrid (./reproject.ts) to resample.
// Header keys are case-insensitive and their order varies between writers; GDAL writes
// dx/dy instead of cellsize for non-square cells, and NODATA_value is optional (-9999 by convention).
// GDAL writes NODATA_value nan for float grids, and nan in the missing cells.

import { fail, ok, type Result } from '../errors';
import type { DemGrid } from '../types';
import { MAX_DEM_CELLS } from './dem';

export interface AsciiGridOptions {
  name?: string;
  approximate?: boolean;
}

/** A DemGrid's layout with its bounds in the file's own units (degrees, metres…). */
export type RawGrid = Omit<DemGrid, 'name' | 'approximate'>;

const DEFAULT_NODATA = -9999;
/** 'nan', '-nan', 'NaN' as C libraries print it (Number() reads only 'NaN' and then as garbage does) */
const NAN = /^[-+]?nan$/i;

export function parseAsciiGrid(text: string, opts: AsciiGridOptions = {}): Result<DemGrid> {
  const raw = readAsciiGrid(text);
  if (!raw.ok) return raw;
  const { west, south, east, north } = raw.value;
  // projected grids (Lambert-93 metres…) land far outside these bounds
  if (west < -180 || east > 180 || south < -90 || north > 90) {
    return fail('dem.not-wgs84', { west, south, east, north });
  }
  return ok({ name: opts.name ?? 'MNT', approximate: opts.approximate ?? false, ...raw.value });
}

export function readAsciiGrid(text: string): Result<RawGrid> {
  if (text.trim() === '') return fail('file.empty');
  const token = /\S+/g;
  const header = new Map<string, number>();
  let m: RegExpExecArray | null;
  let pending: string | null = null;
  // header: "key value" pairs until the first token that is not a key
  while ((m = token.exec(text)) !== null) {
    // a grid's first cell may be nan: a value, not a key
    if (!/^[A-Za-z_]/.test(m[0]) || NAN.test(m[0])) {
      pending = m[0];
      break;
    }
    const key = m[0].toLowerCase();
    const value = token.exec(text);
    if (value === null) return fail('dem.invalid-grid', { reason: 'header', key });
    const nan = key === 'nodata_value' && NAN.test(value[0]);
    const n = nan ? NaN : Number(value[0]);
    if (!Number.isFinite(n) && !nan) return fail('dem.invalid-grid', { reason: 'header', key });
    header.set(key, n);
  }

  const width = header.get('ncols');
  const height = header.get('nrows');
  const dx = header.get('cellsize') ?? header.get('dx');
  const dy = header.get('cellsize') ?? header.get('dy');
  if (width === undefined || height === undefined || dx === undefined || dy === undefined) {
    return fail('dem.invalid-grid', { reason: 'header' });
  }
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0 && dx > 0 && dy > 0)) {
    return fail('dem.invalid-grid', { reason: 'header' });
  }
  // xll/yll name either the lower-left corner of the grid or the centre of the lower-left cell
  let west: number;
  let south: number;
  const xc = header.get('xllcorner');
  const yc = header.get('yllcorner');
  const xm = header.get('xllcenter') ?? header.get('xllcentre');
  const ym = header.get('yllcenter') ?? header.get('yllcentre');
  if (xc !== undefined) west = xc;
  else if (xm !== undefined) west = xm - dx / 2;
  else return fail('dem.invalid-grid', { reason: 'header', key: 'xllcorner' });
  if (yc !== undefined) south = yc;
  else if (ym !== undefined) south = ym - dy / 2;
  else return fail('dem.invalid-grid', { reason: 'header', key: 'yllcorner' });
  const east = west + width * dx;
  const north = south + height * dy;

  const count = width * height;
  if (count > MAX_DEM_CELLS) return fail('dem.too-many-cells', { ncols: width, nrows: height, limit_mcells: MAX_DEM_CELLS / 1e6 });
  const nodata = header.get('nodata_value') ?? DEFAULT_NODATA;
  const nanCells = Number.isNaN(nodata);
  const values = new Float32Array(count);
  let filled = 0;
  const take = (s: string): boolean => {
    // nan is a value only where the header names it the nodata marker
    const missing = nanCells && NAN.test(s);
    const v = missing ? NaN : Number(s);
    if (Number.isNaN(v) && !missing) return false;
    if (filled < count) values[filled] = v;
    filled++;
    return true;
  };
  if (pending !== null && !take(pending)) return fail('dem.invalid-grid', { reason: 'value', index: 0 });
  while ((m = token.exec(text)) !== null) {
    if (!take(m[0])) return fail('dem.invalid-grid', { reason: 'value', index: filled });
  }
  if (filled !== count) return fail('dem.invalid-grid', { reason: 'count', expected: count, found: filled });

  return ok({
    west,
    south,
    east,
    north,
    width,
    height,
    values,
    nodata,
  });
}
