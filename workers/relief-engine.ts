// The engine's relief, and its only owner: the elevation sources drawn routes and tracks without
// <ele> are given, in order (a DEM file the user loaded or online terrain tiles, the IGN
// altimetry's samples asked in the background, the approximate relief the page loads behind
// them), the approximate relief kept aside while another source replaces it (for « Revenir au
// relief approché » and where that source has no value), and the terrils for the warning where
// the approximate relief misses their climb.
//
// Kept free of worker globals, like engine.ts, so node tests can call it directly.

import type { FeatureCollection } from 'geojson';
import { fetchElevations } from '../src/adapters/altimetry';
import { httpGet } from '../src/adapters/http';
import { ALTIMETRY_NAME } from '../src/core/elevation/altimetry';
import { densify, drapeStep, positionKey, reliefLayers, samplesLayer, type ElevationLayer } from '../src/core/elevation/sources';
import { terrilAreas, type TerrilArea } from '../src/core/elevation/terrils';
import { readDemFile } from '../src/core/elevation/read-dem';
import { mosaicToDem, planTerrainTiles, tileOfImage, type DecodedTile } from '../src/core/elevation/terrain-tiles';
import { fail, ok, type GeoError, type Result } from '../src/core/errors';
import type { CrsCode } from '../src/core/import/crs';
import type { DemGrid, Position } from '../src/core/types';
import type { DemInfo } from './protocol';

export interface ReliefEngineHooks {
  /** a file opened with openFile (layer-engine.ts), by its token */
  fileOf: (token: string) => { fileName: string; bytes: ArrayBuffer } | undefined;
  /** the file was used: forget it */
  forgetFile: (token: string) => void;
  /** the online altimetry's samples arrived after the call that asked them: publish the relief epoch */
  onSamples?: () => void;
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

/** After a failure of the online altimetry (offline, 429), the next try waits this long: a page offline sends no request per edit. */
const ONLINE_RETRY_MS = 30_000;

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

  // ── the online altimetry: its samples by position, asked in the background (null setting: off) ──
  const online = new Map<string, number | null>();
  let altimetry: { url?: string } | null = null;
  let onlineBusy = false;
  let onlineRetryAt = 0;
  let onlineProblem: GeoError | null = null;
  let terrils: TerrilArea[] = [];
  // moves with what changes the figures besides the grid itself: samples, the online relief on or off, the terrils
  let version = 0;

  /** The relief approché kept behind a user DEM: it still answers where that DEM has no value. */
  const reliefFallback = (): DemGrid | null => (dem?.approximate ? null : approximateDem);

  /** The sources in order: the DEM, the online altimetry when on, the relief approché behind. */
  const sources = (): ElevationLayer[] =>
    reliefLayers({ dem, fallback: reliefFallback(), online: altimetry ? samplesLayer('online', ALTIMETRY_NAME, online) : null });

  /** Asks the altimetry, in the background, for the points of `segments` a profile will take and no source has yet. */
  function askOnline(segments: readonly Position[][]): void {
    if (!altimetry || onlineBusy || Date.now() < onlineRetryAt) return;
    const layersNow = sources();
    // the very points the profile will take (sources.ts drapeOnSources: same step, same densifying)
    const step = drapeStep(segments, layersNow);
    const wanted = new Map<string, [number, number]>();
    for (const s of segments)
      for (const p of densify(s, step)) {
        if (p.length >= 3) continue;
        const k = positionKey(p[0], p[1]);
        if (!online.has(k)) wanted.set(k, [p[0], p[1]]);
      }
    if (wanted.size === 0) return;
    onlineBusy = true;
    const asked = altimetry;
    void fetchElevations([...wanted.values()], { url: asked.url })
      .then((r) => {
        // switched off or to another service meanwhile: the answer is dropped
        if (asked !== altimetry) return;
        if (r.ok) {
          for (const [k, z] of r.value) online.set(k, z);
          onlineProblem = null;
          version++;
        } else {
          onlineProblem = r.error;
          onlineRetryAt = Date.now() + ONLINE_RETRY_MS;
        }
      })
      .finally(() => {
        onlineBusy = false;
        hooks.onSamples?.();
      });
  }

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
      // fetched from a service: reported as the online source
      const grid: DemGrid = { ...mosaicToDem(tiles, plan.value.range.z, plan.value.bbox, req.name), online: true };
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

    /**
     * The Géoplateforme altimetry as the preferred online source of profiles (null: off). Its
     * elevations are asked in the background for each route analysed; the relief epoch moves
     * when they arrive. `url` is for tests (a local stub).
     */
    setOnlineRelief(setting: { url?: string } | null): void {
      // on or off changes the sources of the figures already shown
      if ((setting === null) !== (altimetry === null)) version++;
      altimetry = setting;
      onlineRetryAt = 0;
      onlineProblem = null;
    },

    /** Whether the online relief is on, how many points it answered, and its last failure (null when none). */
    onlineRelief(): { on: boolean; samples: number; problem: GeoError | null } {
      return { on: altimetry !== null, samples: online.size, problem: onlineProblem };
    },

    /** The terrils layer: where the relief approché gives the elevations over one, its climb is said to be missing. */
    loadTerrils(fc: FeatureCollection): number {
      terrils = terrilAreas(fc);
      version++;
      return terrils.length;
    },
  };

  return {
    methods,
    /** the current grid (the DEM, or the relief approché) */
    grid: (): DemGrid | null => dem,
    /** the elevation sources in order, for the figures and the GPX */
    sources,
    /** the terrils, for the warning */
    terrils: (): readonly TerrilArea[] => terrils,
    /** asks the online altimetry for what these segments' profile will need (nothing when off) */
    askOnline,
    /** moves when the figures may change with no new grid: online samples, the online relief switched, terrils */
    version: (): number => version,
  };
}
