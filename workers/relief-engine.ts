// The engine's relief, and its only owner: the elevation source drawn routes and tracks without
// <ele> are given (a DEM file the user loaded, online terrain tiles, or the approximate relief the
// page loads), and the approximate relief kept aside while another source replaces it, for
// « Revenir au relief approché ». Online services to come are added here, beside the tiles.
//
// Kept free of worker globals, like engine.ts, so node tests can call it directly.

import { httpGet } from '../src/adapters/http';
import { readDemFile } from '../src/core/elevation/read-dem';
import { mosaicToDem, planTerrainTiles, tileOfImage, type DecodedTile } from '../src/core/elevation/terrain-tiles';
import { fail, ok, type GeoError, type Result } from '../src/core/errors';
import type { CrsCode } from '../src/core/import/crs';
import type { DemGrid } from '../src/core/types';
import type { DemInfo } from './protocol';

export interface ReliefEngineHooks {
  /** a file opened with openFile (layer-engine.ts), by its token */
  fileOf: (token: string) => { fileName: string; bytes: ArrayBuffer } | undefined;
  /** the file was used: forget it */
  forgetFile: (token: string) => void;
}

export interface TerrainTileRequest {
  /** URL template with {z}, {x}, {y} */
  template: string;
  /** the service's name, shown as the elevation source */
  name: string;
  /** the route's [west, south, east, north] */
  bbox: [number, number, number, number];
}

/** One tile is a few tens of kilobytes: 20 s without it is a dead service, not a slow one. */
const TERRAIN_TILE_TIMEOUT_MS = 20_000;

/** How tiles are fetched and decoded: the HTTP adapter (cached: a route edited nearby asks the same tiles) and the browser's image decoding by default. */
export interface TileIo {
  get: (url: string, signal?: AbortSignal) => Promise<Result<ArrayBuffer>>;
  decode: (png: ArrayBuffer) => Promise<{ width: number; height: number; data: ArrayLike<number> }>;
}

const browserTileIo: TileIo = {
  get: (url, signal) => httpGet(url, { as: 'bytes', cache: true, signal, timeoutMs: TERRAIN_TILE_TIMEOUT_MS }),
  async decode(png) {
    // in a worker: no DOM image, but createImageBitmap and OffscreenCanvas
    const bitmap = await createImageBitmap(new Blob([png], { type: 'image/png' }), { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('OffscreenCanvas 2d indisponible');
    ctx.drawImage(bitmap, 0, 0);
    bitmap.close();
    return ctx.getImageData(0, 0, canvas.width, canvas.height);
  },
};

/** A tile the adapter could not fetch: the load stops with its error. */
class TileFetchError extends Error {
  constructor(readonly error: GeoError) {
    super(error.code);
  }
}

/** A tile that could not become one (not square): the load stops with this error. */
class TileError extends Error {
  constructor(readonly error: GeoError) {
    super(error.code);
  }
}

function demInfo(g: DemGrid): DemInfo;
function demInfo(g: DemGrid | null): DemInfo | null;
function demInfo(g: DemGrid | null): DemInfo | null {
  return g && { name: g.name, approximate: g.approximate, bbox: [g.west, g.south, g.east, g.north], width: g.width, height: g.height };
}

export function reliefMethods(hooks: ReliefEngineHooks) {
  let dem: DemGrid | null = null;
  // the approximate relief, kept while a user DEM replaces it
  let approximateDem: DemGrid | null = null;

  /** a user DEM becomes the source; the approximate relief it replaces is kept for going back */
  const adoptDem = (grid: DemGrid) => {
    if (dem?.approximate) approximateDem = dem;
    dem = grid;
  };

  const methods = {
    /** The elevation source for drawn routes and for tracks without <ele>. */
    loadDem(grid: DemGrid | null): void {
      // the approximate relief arriving after a restored user DEM waits as its fallback
      if (grid?.approximate && dem && !dem.approximate) approximateDem = grid;
      else dem = grid;
    },

    /**
     * Reads an opened file as a DEM (GeoTIFF or ESRI ASCII grid, in WGS84, Lambert-93 or Lambert
     * II étendu) and makes it the elevation source. On failure the current DEM stays.
     */
    async loadDemFile(token: string, from?: CrsCode): Promise<Result<DemInfo>> {
      const file = hooks.fileOf(token);
      if (!file) return fail('file.unreadable', { path: token });
      const r = await readDemFile(file.bytes, file.fileName, { from, name: file.fileName.split(/[/\\]/).pop() || file.fileName });
      if (!r.ok) return r;
      hooks.forgetFile(token);
      adoptDem(r.value);
      return ok(demInfo(r.value), r.warnings);
    },

    /**
     * Makes an online terrain-tile service (Terrarium encoding, e.g. TERRARIUM_URL) the elevation
     * source over `bbox` (the route's [west, south, east, north]): fetches the zoom-12 tiles
     * covering it (at most MAX_TERRAIN_TILES), decodes them, resamples them onto a WGS84 grid
     * named `name` (the stats panel shows it as the source). Offline or failing: an error, and
     * the current DEM stays. `testIo` is for tests (node has no createImageBitmap).
     */
    async loadTerrainTiles(req: TerrainTileRequest, testIo?: Partial<TileIo>): Promise<Result<DemInfo>> {
      const io: TileIo = { ...browserTileIo, ...testIo };
      const plan = planTerrainTiles(req.template, req.bbox);
      if (!plan.ok) return plan;
      // the first tile that fails cancels those still on their way: the DEM is all or nothing
      const cancel = new AbortController();
      const jobs = plan.value.tiles.map(async ({ x, y, url }): Promise<DecodedTile> => {
        const got = await io.get(url, cancel.signal);
        if (!got.ok) throw new TileFetchError(got.error);
        const tile = tileOfImage(x, y, await io.decode(got.value));
        if (!tile.ok) throw new TileError(tile.error);
        return tile.value;
      });
      let tiles: DecodedTile[];
      try {
        tiles = await Promise.all(jobs);
      } catch (err) {
        cancel.abort();
        // which server and what it answered, in words of no language; the cause is the adapter's code
        if (err instanceof TileFetchError) {
          const d = err.error.detail ?? {};
          const reason = [d.host, d.status !== undefined ? `HTTP ${d.status}` : undefined].filter((x) => x !== undefined).join(', ');
          return fail('dem.tiles-failed', { cause: err.error.code, ...(reason ? { reason } : {}) });
        }
        if (err instanceof TileError) return { ok: false, error: err.error };
        return fail('dem.tiles-failed', { reason: err instanceof Error ? err.message : String(err) });
      }
      const grid = mosaicToDem(tiles, plan.value.range.z, plan.value.bbox, req.name);
      adoptDem(grid);
      return ok(demInfo(grid));
    },

    /** Back to the approximate relief the page loaded (null when there was none). */
    restoreApproximateDem(): DemInfo | null {
      if (dem?.approximate) return demInfo(dem);
      dem = approximateDem;
      return demInfo(approximateDem);
    },

    /** The DEM the user loaded (file or tiles), to keep it across reloads; null with the approximate relief. */
    importedDem(): DemGrid | null {
      return dem && !dem.approximate ? dem : null;
    },

    /** A DEM kept from an earlier session (see importedDem) becomes the elevation source again. */
    restoreDem(grid: DemGrid): DemInfo {
      adoptDem(grid);
      return demInfo(grid);
    },

    /**
     * The approximate relief, loaded while a user DEM is the source (it arrived after a restored
     * DEM): kept as the fallback of « Revenir au relief approché » rather than replacing it.
     */
    setFallbackRelief(grid: DemGrid): void {
      approximateDem = grid;
    },

    /** The current elevation source. */
    currentDem(): DemInfo | null {
      return demInfo(dem);
    },
  };

  return { methods, grid: (): DemGrid | null => dem };
}
