// Elevation GeoTIFFs (an export of BD ALTI 25 m or RGE ALTI, in Lambert-93 or WGS84) read with
// the geotiff package, which works on an ArrayBuffer in node and in workers (no DOM, no fetch).
// Only the first image and its first band are read. The georeferencing must be north-up without
// rotation (ModelPixelScale + ModelTiepoint, or a ModelTransformation without shear terms),
// which is what GDAL writes for these products.

import { fromArrayBuffer, type GeoTIFFImage } from 'geotiff';
import { fail, ok, type Result } from '../errors';
import type { CrsCode } from '../import/crs';
import { crsFromExtent } from '../import/detect-crs';
import { MAX_DEM_CELLS } from './dem';
import type { SourceGrid } from './reproject';

export interface ReadGeoTiffOptions {
  /** the system to assume when the file's geokeys name none (user-defined or missing) */
  from?: CrsCode;
}

/** EPSG codes of the geokeys → supported systems (27582: deprecated duplicate of 27572; 4171, 4258: RGF93, ETRS89 in degrees). */
const EPSG: Record<number, CrsCode> = { 2154: 'EPSG:2154', 27572: 'EPSG:27572', 27582: 'EPSG:27572', 4326: 'EPSG:4326', 4171: 'EPSG:4326', 4258: 'EPSG:4326' };
/** GeoTIFF's "user-defined" code: the system is described by other keys we do not interpret. */
const USER_DEFINED = 32767;
const DEFAULT_NODATA = -9999;

/** True when the bytes start with a TIFF or BigTIFF signature. */
export function isTiff(data: ArrayBuffer): boolean {
  if (data.byteLength < 4) return false;
  const b = new Uint8Array(data, 0, 4);
  const le = b[0] === 0x49 && b[1] === 0x49 && (b[2] === 42 || b[2] === 43) && b[3] === 0;
  const be = b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && (b[3] === 42 || b[3] === 43);
  return le || be;
}

export async function readGeoTiff(data: ArrayBuffer, opts: ReadGeoTiffOptions = {}): Promise<Result<SourceGrid>> {
  let image: GeoTIFFImage;
  try {
    image = await (await fromArrayBuffer(data)).getImage(0);
  } catch {
    return fail('dem.invalid-grid', { reason: 'tiff' });
  }
  const width = image.getWidth();
  const height = image.getHeight();
  if (!(width > 0 && height > 0)) return fail('dem.invalid-grid', { reason: 'size' });
  if (width * height > MAX_DEM_CELLS) return fail('dem.too-many-cells', { ncols: width, nrows: height, limit_mcells: MAX_DEM_CELLS / 1e6 });

  const dir = image.getFileDirectory();
  const scale = numbers(dir.getValue('ModelPixelScale'));
  const tie = numbers(dir.getValue('ModelTiepoint'));
  const transform = numbers(dir.getValue('ModelTransformation'));
  let sx: number;
  let sy: number;
  let x0: number; // model x of the raster's (0, 0) corner
  let y0: number;
  if (scale && tie && tie.length >= 6) {
    [sx, sy] = scale;
    x0 = tie[3] - tie[0] * sx;
    y0 = tie[4] + tie[1] * sy;
  } else if (transform && transform.length >= 16) {
    if (transform[1] !== 0 || transform[4] !== 0) return fail('dem.unsupported-tiff');
    sx = transform[0];
    sy = -transform[5];
    x0 = transform[3];
    y0 = transform[7];
  } else return fail('dem.unsupported-tiff');
  if (!(sx > 0 && sy > 0 && Number.isFinite(x0) && Number.isFinite(y0))) return fail('dem.unsupported-tiff');

  const keys: Record<string, unknown> = image.getGeoKeys() ?? {};
  // PixelIsPoint: the tie point is the centre of the first pixel, not its corner
  if (keys.GTRasterTypeGeoKey === 2) {
    x0 -= sx / 2;
    y0 += sy / 2;
  }
  const west = x0;
  const north = y0;
  const east = west + width * sx;
  const south = north - height * sy;

  const declared =
    typeof keys.ProjectedCSTypeGeoKey === 'number'
      ? keys.ProjectedCSTypeGeoKey
      : typeof keys.GeographicTypeGeoKey === 'number'
        ? keys.GeographicTypeGeoKey
        : undefined;
  let crs: CrsCode | null;
  if (opts.from) crs = opts.from;
  else if (declared !== undefined && declared !== USER_DEFINED) {
    crs = EPSG[declared] ?? null;
    if (crs === null) return fail('dem.unsupported-tiff', { epsg: declared });
  } else crs = crsFromExtent([west, south, east, north]);
  if (crs === null) return fail('crs.unknown');

  const rasters = await image.readRasters({ samples: [0] });
  const band = rasters[0];
  if (typeof band === 'number' || band.length !== width * height) return fail('dem.invalid-grid', { reason: 'raster' });
  const values = band instanceof Float32Array ? band : Float32Array.from(band);
  const nodata = image.getGDALNoData();
  return ok({ crs, west, south, east, north, width, height, values, nodata: nodata !== null && Number.isFinite(nodata) ? nodata : DEFAULT_NODATA });
}

/** A TIFF tag's numbers, whatever array type the reader used. */
function numbers(v: unknown): number[] | null {
  if (Array.isArray(v)) return v.every((n) => typeof n === 'number') ? (v as number[]) : null;
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>);
  return null;
}
