// Online terrain tiles through the relief engine and the HTTP adapter, offline: a local server
// answers with PNG tiles generated here (a known plane), decoded by the test's PNG reader (node
// has no createImageBitmap); fetching is the app's own.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clearHttpCache } from '../../src/adapters/http';
import { latToTileY, lonToTileX, TERRARIUM_NAME } from '../../src/core/elevation/terrain-tiles';
import { createEngine } from '../../workers/engine';
import type { TileIo } from '../../workers/relief-engine';
import { refusedUrl, startHttpStub, type HttpStub } from '../helpers/http-stub';
import { decodePng, encodePng, tileOf } from '../helpers/terrarium';

const Z = 12;
const plane = (X: number, Y: number) => 60 + 0.02 * (X - 2079 * 256) + 0.01 * (Y - 1380 * 256);

let tiles: HttpStub;
let offline: string;
beforeAll(async () => {
  tiles = await startHttpStub({
    // /terrarium/{z}/{x}/{y}.png, as the Terrarium service; /gone/… answers 404
    '*': (req, res) => {
      const m = /^\/terrarium\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(new URL(req.url ?? '/', 'http://stub').pathname);
      if (!m) return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found');
      const t = tileOf(Number(m[2]), Number(m[3]), plane);
      res.writeHead(200, { 'Content-Type': 'image/png' }).end(Buffer.from(encodePng(t.size, t.size, t.rgba)));
    },
  });
  offline = await refusedUrl();
});
afterAll(() => tiles.close());
beforeEach(() => clearHttpCache());

const io: Partial<TileIo> = { decode: async (png) => decodePng(new Uint8Array(png)) };
const template = () => `${tiles.url}/terrarium/{z}/{x}/{y}.png`;
const tileHits = () => tiles.hits.filter((h) => h.startsWith('/terrarium/'));

const relief = () => ({
  name: 'Relief approché',
  approximate: true,
  west: 2.7,
  south: 50.4,
  east: 2.9,
  north: 50.5,
  width: 2,
  height: 2,
  values: new Float32Array([50, 60, 70, 80]),
  nodata: -9999,
});
const route: [number, number][] = [
  [2.775, 50.45],
  [2.79, 50.455],
];
const bbox: [number, number, number, number] = [2.775, 50.45, 2.79, 50.455];

describe('relief engine: online terrain tiles', () => {
  it('loads the tiles over the route and names the source after the service; asked again, from memory', async () => {
    const engine = createEngine();
    engine.loadDem(relief());
    const before = tileHits().length;
    const r = await engine.loadTerrainTiles({ template: template(), name: TERRARIUM_NAME, bbox }, io);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value).toMatchObject({ name: TERRARIUM_NAME, approximate: false });
    const asked = tileHits().slice(before);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((u) => u.startsWith('/terrarium/12/'))).toBe(true);
    const stats = engine.analyseTrack([route]);
    expect(stats.elevationSource).toEqual({ kind: 'dem', name: TERRARIUM_NAME, approximate: false });
    // fetched from a service: its share is reported as the online source
    expect(stats.elevationSources.map((s) => s.source)).toEqual(['online']);
    const at = ([lon, lat]: [number, number]) => plane(lonToTileX(lon, Z) * 256, latToTileY(lat, Z) * 256);
    const expected = [at(route[0]), at(route[1])];
    expect(stats.profile!.min).toBeCloseTo(Math.min(...expected), 1);
    expect(stats.profile!.max).toBeCloseTo(Math.max(...expected), 1);
    // the same route again: the tiles come from the adapter's memory, the server is not asked
    const again = await engine.loadTerrainTiles({ template: template(), name: TERRARIUM_NAME, bbox }, io);
    expect(again.ok).toBe(true);
    expect(tileHits().length).toBe(before + asked.length);
    // back to the relief
    expect(engine.restoreApproximateDem()?.name).toBe('Relief approché');
  });

  it('offline, a missing tile or a route too large: an error that names the server and the adapter’s code, the current DEM stays', async () => {
    const engine = createEngine();
    engine.loadDem(relief());
    const r = await engine.loadTerrainTiles({ template: `${offline}/{z}/{x}/{y}.png`, name: TERRARIUM_NAME, bbox }, io);
    expect(r.ok ? 'ok' : r.error).toEqual({ code: 'dem.tiles-failed', detail: { cause: 'http.offline', reason: new URL(offline).host } });
    expect(engine.currentDem()?.name).toBe('Relief approché');

    const r404 = await engine.loadTerrainTiles({ template: `${tiles.url}/gone/{z}/{x}/{y}.png`, name: TERRARIUM_NAME, bbox }, io);
    expect(r404.ok ? 'ok' : r404.error).toEqual({ code: 'dem.tiles-failed', detail: { cause: 'http.status', reason: `${new URL(tiles.url).host}, HTTP 404` } });

    const before = tileHits().length;
    const r2 = await engine.loadTerrainTiles({ template: template(), name: TERRARIUM_NAME, bbox: [2.0, 50.0, 3.5, 51.0] }, io);
    expect(r2.ok ? 'ok' : r2.error.code).toBe('dem.tiles-too-many');
    expect(tileHits().length).toBe(before);
    const none = await engine.loadTerrainTiles({ template: template(), name: TERRARIUM_NAME, bbox: [NaN, NaN, NaN, NaN] }, io);
    expect(none.ok ? 'ok' : none.error.code).toBe('dem.tiles-none');
    expect(engine.currentDem()?.name).toBe('Relief approché');
  });
});
