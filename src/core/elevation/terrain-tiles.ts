// Online terrain tiles as an elevation source: Terrarium PNG tiles (Web Mercator, 256 px) decoded
// into elevations and resampled onto a WGS84 DemGrid (values at cell centres, see types.ts) by
// bilinear sampling of the pixel centres. Pure: which tiles a route needs and how they become a
// grid are here; fetching and PNG decoding are the worker's (workers/relief-engine.ts
// loadTerrainTiles), so node tests feed RGBA arrays made by hand.

import { fail, ok, type Result } from '../errors';
import type { DemGrid } from '../types';

/** The public Terrarium tiles of Mapzen, hosted by Amazon (AWS Open Data «Terrain Tiles»). */
export const TERRARIUM_URL = 'https://s3.amazonaws.com/elevation-tiles-prod/terrarium/{z}/{x}/{y}.png';
export const TERRARIUM_NAME = 'Tuiles Terrarium (Mapzen / Amazon)';
/** Credit, as the service's documentation asks (its sources are listed there: SRTM, GMTED, ETOPO1, national DEMs…). */
export const TERRARIUM_ATTRIBUTION =
  'Terrain Tiles, Mapzen / Amazon Web Services (SRTM, GMTED2010, ETOPO1, EU-DEM… : github.com/tilezen/joerd/blob/master/docs/attribution.md)';
const TERRAIN_TILE_ZOOM = 12;
export const MAX_TERRAIN_TILES = 64;
const TERRAIN_NODATA = -32768;

/** Terrarium encoding: elevation in metres = R·256 + G + B/256 − 32768. */
export function terrariumElevation(r: number, g: number, b: number): number {
  return r * 256 + g + b / 256 - 32768;
}

/** Fractional Web Mercator tile coordinates (x eastwards, y southwards from 85.05°N). */
export function lonToTileX(lon: number, z: number): number {
  return ((lon + 180) / 360) * 2 ** z;
}
export function latToTileY(lat: number, z: number): number {
  const phi = (lat * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * 2 ** z;
}
export function tileXToLon(x: number, z: number): number {
  return (x / 2 ** z) * 360 - 180;
}
export function tileYToLat(y: number, z: number): number {
  const n = Math.PI - (2 * Math.PI * y) / 2 ** z;
  return (Math.atan(Math.sinh(n)) * 180) / Math.PI;
}

export interface TileRange {
  z: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  count: number;
}

/** The tiles covering [west, south, east, north] (inclusive ranges). */
export function tilesCovering(bbox: readonly [number, number, number, number], z = TERRAIN_TILE_ZOOM): TileRange {
  const [w, s, e, n] = bbox;
  const max = 2 ** z - 1;
  const clampT = (v: number) => Math.min(max, Math.max(0, Math.floor(v)));
  const x0 = clampT(lonToTileX(w, z));
  const x1 = clampT(lonToTileX(e, z));
  const y0 = clampT(latToTileY(n, z));
  const y1 = clampT(latToTileY(s, z));
  return { z, x0, x1, y0, y1, count: (x1 - x0 + 1) * (y1 - y0 + 1) };
}

/** The URL of a tile from a template with {z}, {x} and {y}. */
export function tileUrl(template: string, z: number, x: number, y: number): string {
  return template.replace(/\{z\}/g, String(z)).replace(/\{x\}/g, String(x)).replace(/\{y\}/g, String(y));
}

export interface DecodedTile {
  x: number;
  y: number;
  /** pixels per side (256 for Terrarium) */
  size: number;
  /** RGBA, row-major from the tile's north-west pixel */
  rgba: ArrayLike<number>;
}

/**
 * The tiles' elevations resampled onto a WGS84 grid covering `bbox` (plus one cell around), with
 * cells about the size of a pixel at the bbox's centre. Each cell centre takes the bilinear
 * interpolation of the four surrounding pixel centres; missing tiles (or transparent pixels)
 * give nodata.
 */
export function mosaicToDem(tiles: readonly DecodedTile[], z: number, bbox: readonly [number, number, number, number], name: string): DemGrid {
  const size = tiles[0]?.size ?? 256;
  const elev = new Map<string, Float32Array>();
  for (const t of tiles) {
    const e = new Float32Array(t.size * t.size);
    for (let k = 0; k < e.length; k++) {
      const a = t.rgba[4 * k + 3];
      e[k] = a === 0 ? NaN : terrariumElevation(t.rgba[4 * k], t.rgba[4 * k + 1], t.rgba[4 * k + 2]);
    }
    elev.set(`${t.x}/${t.y}`, e);
  }
  const pixelAt = (gx: number, gy: number): number => {
    const tx = Math.floor(gx / size);
    const ty = Math.floor(gy / size);
    const e = elev.get(`${tx}/${ty}`);
    if (!e) return NaN;
    return e[(gy - ty * size) * size + (gx - tx * size)];
  };
  const [w, s, e, n] = bbox;
  const dx = 360 / (2 ** z * size);
  const dy = dx * Math.cos((((s + n) / 2) * Math.PI) / 180);
  const west = w - dx;
  const north = n + dy;
  const width = Math.max(1, Math.ceil((e + dx - west) / dx));
  const height = Math.max(1, Math.ceil((north - (s - dy)) / dy));
  const values = new Float32Array(width * height);
  for (let j = 0; j < height; j++) {
    const lat = north - (j + 0.5) * dy;
    // pixel centres sit at integer + 0.5 in global pixel units
    const fy = latToTileY(lat, z) * size - 0.5;
    const py = Math.floor(fy);
    const ty = fy - py;
    for (let i = 0; i < width; i++) {
      const lon = west + (i + 0.5) * dx;
      const fx = lonToTileX(lon, z) * size - 0.5;
      const px = Math.floor(fx);
      const tx = fx - px;
      const v00 = pixelAt(px, py);
      // a neighbour of zero weight is not read (it may lie in a tile not fetched)
      const v10 = tx > 0 ? pixelAt(px + 1, py) : v00;
      const v01 = ty > 0 ? pixelAt(px, py + 1) : v00;
      const v11 = tx > 0 && ty > 0 ? pixelAt(px + 1, py + 1) : tx > 0 ? v10 : v01;
      const top = v00 + (v10 - v00) * tx;
      const bottom = v01 + (v11 - v01) * tx;
      const v = top + (bottom - top) * ty;
      values[j * width + i] = Number.isFinite(v) ? v : TERRAIN_NODATA;
    }
  }
  return { name, approximate: false, west, south: north - height * dy, east: west + width * dx, north, width, height, values, nodata: TERRAIN_NODATA };
}

/** The route's box is grown by this (degrees, about 150 m) so that the grid covers the route's ends. */
const PLAN_MARGIN_DEG = 0.002;

export interface TerrainTilePlan {
  range: TileRange;
  /** the box the grid will cover: the route's, with the margin */
  bbox: [number, number, number, number];
  /** every tile to fetch, row by row within each column */
  tiles: { x: number; y: number; url: string }[];
}

/** What to fetch for a route's box [west, south, east, north]: refused when it is no box or needs more than MAX_TERRAIN_TILES. */
export function planTerrainTiles(template: string, bbox: readonly [number, number, number, number]): Result<TerrainTilePlan> {
  const [w, s, e, n] = bbox;
  if (![w, s, e, n].every(Number.isFinite) || e < w || n < s) return fail('dem.tiles-none');
  const m = PLAN_MARGIN_DEG;
  const grown: [number, number, number, number] = [w - m, s - m, e + m, n + m];
  const range = tilesCovering(grown, TERRAIN_TILE_ZOOM);
  if (range.count > MAX_TERRAIN_TILES) return fail('dem.tiles-too-many', { count: range.count, limit: MAX_TERRAIN_TILES });
  const tiles: TerrainTilePlan['tiles'] = [];
  for (let x = range.x0; x <= range.x1; x++) for (let y = range.y0; y <= range.y1; y++) tiles.push({ x, y, url: tileUrl(template, range.z, x, y) });
  return ok({ range, bbox: grown, tiles });
}

/** A decoded image as tile (x, y): Terrarium tiles are square, anything else is not one. */
export function tileOfImage(x: number, y: number, img: { width: number; height: number; data: ArrayLike<number> }): Result<DecodedTile> {
  if (img.width !== img.height) return fail('dem.tiles-failed', { reason: `tuile ${img.width}×${img.height}` });
  return ok({ x, y, size: img.width, rgba: img.data });
}
