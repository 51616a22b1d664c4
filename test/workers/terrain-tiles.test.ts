// Online terrain tiles through the relief engine, offline: an injected fetch answers with PNG
// tiles generated here (a known plane), decoded by the test's PNG reader.
import { describe, expect, it } from 'vitest';
import { latToTileY, lonToTileX, TERRARIUM_NAME, TERRARIUM_URL } from '../../src/core/elevation/terrain-tiles';
import { createEngine } from '../../workers/engine';
import type { TileIo } from '../../workers/relief-engine';
import { decodePng, encodePng, tileOf } from '../helpers/terrarium';

const Z = 12;
const plane = (X: number, Y: number) => 60 + 0.02 * (X - 2079 * 256) + 0.01 * (Y - 1380 * 256);

function stubIo(fail?: (url: string) => boolean) {
  const urls: string[] = [];
  const io: TileIo = {
    async fetch(url) {
      urls.push(url);
      if (fail?.(url)) throw new TypeError('Failed to fetch');
      const m = /\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(url)!;
      const t = tileOf(Number(m[2]), Number(m[3]), plane);
      const png = encodePng(t.size, t.size, t.rgba);
      return { ok: true, status: 200, arrayBuffer: async () => png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength) as ArrayBuffer };
    },
    async decode(png) {
      return decodePng(new Uint8Array(png));
    },
  };
  return { io, urls };
}

const relief = () => ({ name: 'Relief approché', approximate: true, west: 2.7, south: 50.4, east: 2.9, north: 50.5, width: 2, height: 2, values: new Float32Array([50, 60, 70, 80]), nodata: -9999 });
const route: [number, number][] = [
  [2.775, 50.45],
  [2.79, 50.455],
];

describe('relief engine: online terrain tiles', () => {
  it('loads the tiles over the route and names the source after the service', async () => {
    const engine = createEngine();
    engine.loadDem(relief());
    const { io, urls } = stubIo();
    const r = await engine.loadTerrainTiles({ template: TERRARIUM_URL, name: TERRARIUM_NAME, bbox: [2.775, 50.45, 2.79, 50.455] }, io);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value).toMatchObject({ name: TERRARIUM_NAME, approximate: false });
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.every((u) => u.startsWith('https://s3.amazonaws.com/elevation-tiles-prod/terrarium/12/'))).toBe(true);
    const stats = engine.analyseTrack([route]);
    expect(stats.elevationSource).toEqual({ kind: 'dem', name: TERRARIUM_NAME, approximate: false });
    const at = ([lon, lat]: [number, number]) => plane(lonToTileX(lon, Z) * 256, latToTileY(lat, Z) * 256);
    const expected = [at(route[0]), at(route[1])];
    expect(stats.profile!.min).toBeCloseTo(Math.min(...expected), 1);
    expect(stats.profile!.max).toBeCloseTo(Math.max(...expected), 1);
    // back to the relief
    expect(engine.restoreApproximateDem()?.name).toBe('Relief approché');
  });

  it('offline, a failing tile or a route too large: an error, the current DEM stays', async () => {
    const engine = createEngine();
    engine.loadDem(relief());
    const { io } = stubIo(() => true);
    const r = await engine.loadTerrainTiles({ template: TERRARIUM_URL, name: TERRARIUM_NAME, bbox: [2.775, 50.45, 2.79, 50.455] }, io);
    expect(r.ok ? 'ok' : r.error).toEqual({ code: 'dem.tiles-failed', detail: { reason: 'Failed to fetch' } });
    expect(engine.currentDem()?.name).toBe('Relief approché');

    const http = stubIo();
    const io404: TileIo = { ...http.io, fetch: async () => ({ ok: false, status: 404, arrayBuffer: async () => new ArrayBuffer(0) }) };
    const r404 = await engine.loadTerrainTiles({ template: TERRARIUM_URL, name: TERRARIUM_NAME, bbox: [2.775, 50.45, 2.79, 50.455] }, io404);
    expect(r404.ok ? 'ok' : r404.error.detail?.reason).toBe('HTTP 404');

    const big = stubIo();
    const r2 = await engine.loadTerrainTiles({ template: TERRARIUM_URL, name: TERRARIUM_NAME, bbox: [2.0, 50.0, 3.5, 51.0] }, big.io);
    expect(r2.ok ? 'ok' : r2.error.code).toBe('dem.tiles-too-many');
    expect(big.urls).toEqual([]);
    const none = await engine.loadTerrainTiles({ template: TERRARIUM_URL, name: TERRARIUM_NAME, bbox: [NaN, NaN, NaN, NaN] }, big.io);
    expect(none.ok ? 'ok' : none.error.code).toBe('dem.tiles-none');
    expect(engine.currentDem()?.name).toBe('Relief approché');
  });
});
