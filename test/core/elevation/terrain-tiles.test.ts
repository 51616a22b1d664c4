// Terrarium decoding and the tile mosaic → WGS84 DemGrid, on tiles made by hand.
import { describe, expect, it } from 'vitest';
import { sampleDem } from '../../../src/core/elevation/dem';
import {
  latToTileY,
  lonToTileX,
  MAX_TERRAIN_TILES,
  mosaicToDem,
  terrariumElevation,
  tilesCovering,
  tileUrl,
  tileXToLon,
  tileYToLat,
  TERRARIUM_URL,
} from '../../../src/core/elevation/terrain-tiles';
import { encodeTerrarium, tileOf } from '../../helpers/terrarium';

const Z = 12;
// Loos-en-Gohelle's twin terrils
const bbox: [number, number, number, number] = [2.77, 50.445, 2.8, 50.465];

describe('terrain tiles', () => {
  it('decodes Terrarium colours', () => {
    expect(terrariumElevation(128, 0, 0)).toBe(0);
    expect(terrariumElevation(128, 100, 128)).toBe(100.5);
    expect(terrariumElevation(127, 255, 0)).toBe(-1);
    for (const v of [-12.25, 0, 73.5, 186.75]) expect(terrariumElevation(...encodeTerrarium(v))).toBe(v);
  });

  it('tile coordinates and the tiles covering a bbox', () => {
    expect(tileXToLon(lonToTileX(2.78, Z), Z)).toBeCloseTo(2.78, 10);
    expect(tileYToLat(latToTileY(50.45, Z), Z)).toBeCloseTo(50.45, 10);
    // OSM's wiki formula for Loos-en-Gohelle at zoom 12 (y = 4096·(1 − ln(tan φ + sec φ)/π)/2 = 1381.3)
    expect(Math.floor(lonToTileX(2.78, Z))).toBe(2079);
    expect(Math.floor(latToTileY(50.45, Z))).toBe(1381);
    const r = tilesCovering(bbox, Z);
    expect(r.count).toBe((r.x1 - r.x0 + 1) * (r.y1 - r.y0 + 1));
    expect(r.count).toBeLessThanOrEqual(4);
    expect(tilesCovering([2.0, 50.0, 3.5, 51.0], Z).count).toBeGreaterThan(MAX_TERRAIN_TILES);
    expect(tileUrl(TERRARIUM_URL, 12, 2079, 1380)).toBe('https://s3.amazonaws.com/elevation-tiles-prod/terrarium/12/2079/1380.png');
  });

  it('resamples a plane in pixel space onto WGS84 cell centres', () => {
    const r = tilesCovering(bbox, Z);
    const X0 = r.x0 * 256;
    const Y0 = r.y0 * 256;
    // z = a·X + c·Y + b over the global pixel coordinates (Web Mercator)
    const plane = (X: number, Y: number) => 40 + 0.05 * (X - X0) - 0.03 * (Y - Y0);
    const tiles = [];
    for (let x = r.x0; x <= r.x1; x++) for (let y = r.y0; y <= r.y1; y++) tiles.push(tileOf(x, y, plane));
    const dem = mosaicToDem(tiles, Z, bbox, 'Tuiles de test');
    expect(dem).toMatchObject({ name: 'Tuiles de test', approximate: false });
    expect(dem.west).toBeLessThan(bbox[0]);
    expect(dem.east).toBeGreaterThan(bbox[2]);
    expect(dem.south).toBeLessThan(bbox[1]);
    expect(dem.north).toBeGreaterThan(bbox[3]);
    const dx = (dem.east - dem.west) / dem.width;
    const dy = (dem.north - dem.south) / dem.height;
    // pixels are ~25 m wide here: cells too
    expect(dx).toBeCloseTo(360 / 2 ** 20, 12);
    let checked = 0;
    for (let j = 0; j < dem.height; j += 7) {
      for (let i = 0; i < dem.width; i += 5) {
        const lon = dem.west + (i + 0.5) * dx;
        const lat = dem.north - (j + 0.5) * dy;
        const expected = plane(lonToTileX(lon, Z) * 256, latToTileY(lat, Z) * 256);
        // Terrarium stores 1/256 m
        expect(dem.values[j * dem.width + i]).toBeCloseTo(expected, 2);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
    // anywhere inside, the DEM's own bilinear sampling agrees within a centimetre
    for (const [lon, lat] of [
      [2.7812, 50.4523],
      [2.7991, 50.4601],
      [2.7703, 50.4456],
    ]) {
      expect(sampleDem(dem, lon, lat)!).toBeCloseTo(plane(lonToTileX(lon, Z) * 256, latToTileY(lat, Z) * 256), 2);
    }
  });

  it('gives nodata where a tile is missing', () => {
    const r = tilesCovering(bbox, Z);
    const dem = mosaicToDem([tileOf(r.x0, r.y0, () => 50)], Z, bbox, 't');
    expect(dem.values.some((v) => v === dem.nodata)).toBe(r.count > 1);
    // the bbox's north-west corner lies in the tile given
    expect(sampleDem(dem, bbox[0] + 0.001, bbox[3] - 0.001)).toBeCloseTo(50, 5);
  });
});
