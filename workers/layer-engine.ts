// The engine's methods for layers the user imports (GeoJSON in WGS84 / Lambert-93 / Lambert II
// étendu / Web Mercator, GPX, KML, .osm, Overpass JSON) and for a DEM file the user loads. Spread into
// createEngine() (engine.ts), which gives access to its network and DEM.
//
// A file goes through three steps, so that its bytes cross to the worker once (transferred) and
// the dialog can show what the file holds before anything changes:
//   openFile(bytes, name)                → a token (the bytes stay here)
//   previewLayer(token, from?, progress, swapAxes?) → what importLayer read: projection, counts,
//                                          warnings (a proposal of another reading among them)
//   addLayer(token, role)                → the layer is kept; role 'network' merges its lines
//                                          with the embedded network (same builder, same tolerance)
// or, for a DEM, loadDemFile(token, from?). discardFile(token) forgets a file the user gave up.
//
// Roles:
//  - 'network': its lines (networkLinesFromLayer: OSM highway=* → way type) are noded with the
//    embedded lines (setEmbeddedNetworkLines: data/network-lines.geojson, as data/network.ts reads
//    it) by buildGraph with the pipeline's join tolerance, and the result replaces the engine's
//    network; removing the last network layer puts the embedded network back.
//  - 'sensitive': kept for the environmental review — getSensitiveLayers() returns them.
//  - 'reference': shown on the map only (the page keeps the FeatureCollection for that).
//
// Kept free of worker globals, like engine.ts, so node tests can call it directly.

import type { FeatureCollection, GeoJsonProperties, Geometry } from 'geojson';
import { readDemFile, MAX_DEM_FILE_BYTES } from '../src/core/elevation/read-dem';
import { fail, ok, type GeoError, type Result } from '../src/core/errors';
import { decodeText, decodeUtf8 } from '../src/core/gpx/encoding';
import { buildGraph, type NetworkLine } from '../src/core/graph/build';
import { EdgeKind } from '../src/core/graph/graph';
import type { CrsCode } from '../src/core/import/crs';
import { importLayer, MAX_LAYER_FILE_CHARS, type ImportedLayer, } from '../src/core/import/layer';
import { networkLinesFromLayer } from '../src/core/import/network';
import { networkFromBuffer, prepareNetwork, type RoutingNetwork } from '../src/core/route/network';
import { encodeNetwork } from '../src/core/graph/bundle';
import { isZip, readShapefileZip } from '../src/core/import/zip';
import { MAX_TERRAIN_TILES, mosaicToDem, TERRAIN_TILE_ZOOM, tileUrl, tilesCovering, type DecodedTile } from '../src/core/elevation/terrain-tiles';
import type { DemGrid } from '../src/core/types';
import { httpGet } from '../src/adapters/http';
import type { AddedLayer, DemInfo, LayerPreview, LayerRole, MergedNetworkBundle, NetworkState, ProgressFn, SensitiveLayer, UserLayerInfo, UserLayerRecord } from './protocol';

export const LAYER_ROLES: readonly LayerRole[] = ['network', 'sensitive', 'reference'];

export interface LayerEngineHooks {
  getNetwork: () => RoutingNetwork | null;
  setNetwork: (n: RoutingNetwork | null) => void;
  getDem: () => DemGrid | null;
  setDem: (g: DemGrid | null) => void;
}

interface PendingFile {
  fileName: string;
  bytes: ArrayBuffer;
  text?: string;
  /** what decoding the bytes found (invalid UTF-8) */
  textWarnings?: GeoError[];
  /** a zipped shapefile (its text is the GeoJSON read from it) */
  zipped?: boolean;
  /** the last preview's layer, reused by addLayer */
  read?: ImportedLayer;
}

interface KeptLayer {
  info: UserLayerInfo;
  fc: FeatureCollection<Geometry, GeoJsonProperties>;
  lines: NetworkLine[];
}

/** Largest file accepted (bytes): the text limit of layers, the byte limit of DEMs. */
export const MAX_IMPORT_FILE_BYTES = Math.max(MAX_LAYER_FILE_CHARS, MAX_DEM_FILE_BYTES);

export function layerMethods(hooks: LayerEngineHooks) {
  const pending = new Map<string, PendingFile>();
  const layers = new Map<string, KeptLayer>();
  let seq = 0;

  // the embedded network's lines and tolerance (data/network.ts), and the networks around a merge
  let baseLines: NetworkLine[] | null = null;
  let joinTolerance_m = 50;
  let embedded: RoutingNetwork | null = null;
  let merged: RoutingNetwork | null = null;
  let baseGapKeys: Set<string> | null = null;

  // the approximate relief, kept while a user DEM replaces it
  let approximateDem: DemGrid | null = null;
  /** a user DEM becomes the source; the approximate relief it replaces is kept for going back */
  const adoptDem = (grid: DemGrid) => {
    const current = hooks.getDem();
    if (current?.approximate) approximateDem = current;
    hooks.setDem(grid);
  };

  const lineCopy = (l: NetworkLine): NetworkLine => ({ ...l, coords: l.coords.map((c) => [c[0], c[1]] as [number, number]) });
  const round = (v: number) => Math.round(v * 1e7);
  const gapKey = (a: number[], b: number[]) => {
    const ka = `${round(a[0])},${round(a[1])}`;
    const kb = `${round(b[0])},${round(b[1])}`;
    return ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
  };

  function gapEdges(g: RoutingNetwork['graph']): { key: string; coords: [number, number][] }[] {
    const out: { key: string; coords: [number, number][] }[] = [];
    for (let e = 0; e < g.edgeCount; e++) {
      if (g.edgeKind[e] !== EdgeKind.gap) continue;
      const coords: [number, number][] = [];
      for (let v = g.edgeCoordStart[e]; v < g.edgeCoordStart[e + 1]; v++) coords.push([g.coords[2 * v], g.coords[2 * v + 1]]);
      out.push({ key: gapKey(coords[0], coords[coords.length - 1]), coords });
    }
    return out;
  }

  function stateOf(n: RoutingNetwork | null, isMerged: boolean, joins: NetworkState['joins']['features'] = []): NetworkState {
    return {
      merged: isMerged,
      nodes: n?.graph.nodeCount ?? 0,
      edges: n?.graph.edgeCount ?? 0,
      components: 0,
      joins: { type: 'FeatureCollection', features: joins },
    };
  }

  const networkLayers = () => [...layers.values()].filter((l) => l.info.role === 'network' && l.lines.length > 0);

  /** What a merge is built from: the embedded network and lines, the tolerance, the network layers. */
  function mergeKey(): string | null {
    const base = merged ? embedded : hooks.getNetwork();
    if (!base || !baseLines) return null;
    const ids = networkLayers().map((l) => `${l.info.id}:${l.lines.length}`).sort();
    return ['v1', joinTolerance_m, baseLines.length, base.graph.nodeCount, base.graph.edgeCount, ...ids].join('|');
  }
  let mergedState: NetworkState | null = null;

  /** Rebuilds the routing network from the embedded lines and every network layer (or takes a kept bundle of it). */
  function rebuildNetwork(onProgress?: ProgressFn, prebuilt?: MergedNetworkBundle): Result<NetworkState> {
    const current = hooks.getNetwork();
    // loadNetwork was called since the last merge: that is the new embedded network
    if (merged && current !== merged) {
      embedded = current;
      merged = null;
    }
    const net = networkLayers();
    if (net.length === 0) {
      mergedState = null;
      if (merged) {
        hooks.setNetwork(embedded);
        merged = null;
      }
      return ok(stateOf(hooks.getNetwork(), false));
    }
    if (!baseLines) return fail('network.empty');
    onProgress?.('network', 0, 0);
    if (!merged) embedded = current;
    if (prebuilt && prebuilt.key === mergeKey()) {
      merged = networkFromBuffer(prebuilt.bytes, prebuilt.names);
      hooks.setNetwork(merged);
      mergedState = { ...prebuilt.state, prebuilt: true };
      return ok(mergedState);
    }
    if (!baseGapKeys) {
      // the joins of the embedded lines alone, so that only the new ones are shown
      const base = buildGraph(baseLines.map(lineCopy), { joinTolerance_m });
      baseGapKeys = new Set(gapEdges(prepareNetwork(base.graph).graph).map((g) => g.key));
    }
    const lines = [...baseLines, ...net.flatMap((l) => l.lines)].map(lineCopy);
    const built = buildGraph(lines, { joinTolerance_m });
    merged = prepareNetwork(built.graph, built.names);
    hooks.setNetwork(merged);
    const joins: NetworkState['joins']['features'] = gapEdges(merged.graph)
      .filter((g) => !baseGapKeys!.has(g.key))
      .map((g) => ({ type: 'Feature', properties: { kind: 'gap' }, geometry: { type: 'LineString', coordinates: g.coords } }));
    const state = stateOf(merged, true, joins);
    state.components = built.report.components;
    mergedState = state;
    return ok(state);
  }

  function textOf(file: PendingFile): Result<string> {
    if (file.text === undefined && isZip(new Uint8Array(file.bytes))) {
      // a zipped shapefile: its features as GeoJSON, with the system its .prj names (else detected)
      const z = readShapefileZip(new Uint8Array(file.bytes));
      if (!z.ok) return z;
      file.zipped = true;
      const { fc, crs } = z.value;
      file.text = JSON.stringify(crs ? { ...fc, crs: { type: 'name', properties: { name: crs } } } : fc);
    }
    if (file.text === undefined) {
      const decoded = decodeText(new Uint8Array(file.bytes));
      if (!decoded.ok) return decoded;
      file.text = decoded.value;
      file.textWarnings = decoded.warnings;
    }
    return ok(file.text, file.textWarnings);
  }

  function keep(info: UserLayerInfo, fc: FeatureCollection<Geometry, GeoJsonProperties>): KeptLayer {
    const lines = info.role === 'network' ? networkLinesFromLayer(fc) : [];
    const kept: KeptLayer = { info: info.role === 'network' ? { ...info, networkLines: lines.length } : info, fc, lines };
    layers.set(info.id, kept);
    return kept;
  }

  return {
    /**
     * The embedded network's lines, for merging imported network layers with them: the bytes of
     * data/network-lines.geojson (transferred) and network.json's joinTolerance_m. Call it before
     * adding or restoring a network layer. Returns the number of lines.
     */
    setEmbeddedNetworkLines(bytes: ArrayBuffer, tolerance_m: number): number {
      const fc = JSON.parse(decodeUtf8(new Uint8Array(bytes))) as FeatureCollection<Geometry | null, GeoJsonProperties>;
      // exactly as data/network.ts builds network.bin: each line of its kind (network-lines.geojson
      // says it; a cavaliers file does not: cavalier), named by `name`
      const lines: NetworkLine[] = [];
      for (const f of fc.features) {
        const g = f.geometry;
        if (!g) continue;
        const name = typeof f.properties?.name === 'string' ? f.properties.name : undefined;
        const k = f.properties?.kind;
        const kind = typeof k === 'string' && k in EdgeKind && k !== 'gap' ? EdgeKind[k as keyof typeof EdgeKind] : EdgeKind.cavalier;
        const parts = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
        for (const p of parts) lines.push({ coords: p.map((c) => [c[0], c[1]] as [number, number]), kind, name });
      }
      baseLines = lines;
      joinTolerance_m = tolerance_m;
      baseGapKeys = null;
      return lines.length;
    },

    hasEmbeddedNetworkLines(): boolean {
      return baseLines !== null;
    },

    /** Keeps a file's bytes (transfer them) for previewLayer / addLayer / loadDemFile. */
    openFile(bytes: ArrayBuffer, fileName: string): Result<{ token: string }> {
      if (bytes.byteLength > MAX_IMPORT_FILE_BYTES) return fail('file.too-large', { limit_mb: MAX_IMPORT_FILE_BYTES / 1024 / 1024 });
      if (bytes.byteLength === 0) return fail('file.empty');
      // one file at a time: a new one replaces those the user did not import
      pending.clear();
      const token = `f${++seq}`;
      pending.set(token, { fileName, bytes });
      return ok({ token });
    },

    discardFile(token: string): void {
      pending.delete(token);
    },

    /**
     * Reads the file as a layer (in the system `from`, else the detected one; x and y exchanged
     * when `swapAxes`). Fails with 'crs.unknown' when the projection must be chosen: call again
     * with `from`; with 'import.crs-proposed' or 'import.axes-swapped' when nothing lands in France
     * but another reading would (its detail says which).
     */
    previewLayer(token: string, from?: CrsCode, onProgress?: ProgressFn, swapAxes = false): Result<LayerPreview> {
      const file = pending.get(token);
      if (!file) return fail('file.unreadable', { path: token });
      onProgress?.('read', 0, 0);
      const read = textOf(file);
      if (!read.ok) return read;
      const text = read.value;
      if (text.length > MAX_LAYER_FILE_CHARS) return fail('file.too-large', { limit_mb: MAX_LAYER_FILE_CHARS / 1024 / 1024 });
      const imported = importLayer(text, file.fileName, { from, swapAxes, onProgress: onProgress && ((d, t) => onProgress('convert', d, t)) });
      if (!imported.ok) {
        file.read = undefined;
        return imported;
      }
      // decoding's warnings first: the layer's name may be one of the damaged texts
      const r = read.warnings.length ? { ...imported, value: { ...imported.value, warnings: [...read.warnings, ...imported.value.warnings] }, warnings: [...read.warnings, ...imported.warnings] } : imported;
      if (file.zipped) r.value.format = 'shapefile';
      file.read = r.value;
      const layer = r.value;
      const skippedWarning = layer.warnings.find((w) => w.code === 'import.skipped');
      return ok(
        {
          token,
          fileName: file.fileName,
          name: layer.name,
          format: layer.format,
          crs: layer.crs,
          from: layer.from,
          swapAxes: layer.swapAxes,
          featureCount: layer.fc.features.length,
          geometryCounts: layer.geometryCounts,
          bbox: layer.bbox,
          warnings: layer.warnings,
          skippedCount: Number(skippedWarning?.detail?.count ?? layer.skipped.length),
          skipped: layer.skipped,
        },
        r.warnings,
      );
    },

    /**
     * Keeps the previewed layer under `role` (and `id`, when the page names it). Role 'network'
     * rebuilds the routing network with its lines; if that fails the layer is not kept and
     * nothing changes.
     */
    addLayer(token: string, role: LayerRole, id?: string, onProgress?: ProgressFn): Result<AddedLayer> {
      const file = pending.get(token);
      const read = file?.read;
      if (!file || !read) return fail('file.unreadable', { path: token });
      const info: UserLayerInfo = {
        id: id ?? `layer-${Date.now().toString(36)}-${++seq}`,
        name: read.name,
        role,
        fileName: file.fileName,
        format: read.format,
        from: read.from,
        featureCount: read.fc.features.length,
        geometryCounts: read.geometryCounts,
        bbox: read.bbox,
      };
      const previous = layers.get(info.id);
      const kept = keep(info, read.fc);
      let network: NetworkState | undefined;
      if (role === 'network' || previous?.info.role === 'network') {
        const r = rebuildNetwork(onProgress);
        if (!r.ok) {
          if (previous) layers.set(info.id, previous);
          else layers.delete(info.id);
          return r;
        }
        network = r.value;
      }
      pending.delete(token);
      return ok({ layer: kept.info, fc: kept.fc, ...(network ? { network } : {}) }, read.warnings);
    },

    /**
     * Layers saved by the page (IndexedDB) back into the engine; the network is rebuilt once, or
     * taken from `prebuilt` (transfer its bytes) when it was built from these very layers.
     */
    restoreLayers(records: UserLayerRecord[], onProgress?: ProgressFn, prebuilt?: MergedNetworkBundle): Result<{ layers: UserLayerInfo[]; network?: NetworkState }> {
      const before = new Map(layers);
      for (const r of records) {
        const { fc, ...info } = r;
        keep(info, fc);
      }
      if (!records.some((r) => r.role === 'network')) return ok({ layers: records.map((r) => layers.get(r.id)!.info) });
      const n = rebuildNetwork(onProgress, prebuilt);
      if (!n.ok) {
        // the other layers are still usable: keep them, without the network ones
        layers.clear();
        for (const [k, v] of before) layers.set(k, v);
        for (const r of records) if (r.role !== 'network') keep(r, r.fc);
        return n;
      }
      return ok({ layers: records.map((r) => layers.get(r.id)!.info), network: n.value });
    },

    /** Forgets a layer; a network layer's lines leave the routing network. */
    removeLayer(id: string): Result<{ removed: boolean; network?: NetworkState }> {
      const kept = layers.get(id);
      if (!kept) return ok({ removed: false });
      layers.delete(id);
      if (kept.info.role !== 'network') return ok({ removed: true });
      const r = rebuildNetwork();
      if (!r.ok) return r;
      return ok({ removed: true, network: r.value });
    },

    /** The current merged network as a bundle for the page to keep (null: no network layer merged). */
    mergedNetworkBundle(): MergedNetworkBundle | null {
      const key = mergeKey();
      if (!merged || !mergedState || !key) return null;
      const bytes = encodeNetwork({ graph: merged.graph, index: merged.index, landmarks: merged.landmarks ?? null });
      const { prebuilt: _p, ...state } = mergedState;
      return { key, bytes, names: merged.names, state };
    },

    listLayers(): UserLayerInfo[] {
      return [...layers.values()].map((l) => l.info);
    },

    /**
     * The layers imported with the role « Zone sensible (revue environnementale) », for the
     * environmental review: WGS84 FeatureCollections as importLayer returned them (any geometry
     * type: the review decides what it uses; names and properties are data, show them as text).
     * In import order; empty when there is none.
     */
    /** Road lines of the imported network layers (OSM highway=residential, tertiary…), for the roadbook. */
    roadLines(): { coords: [number, number][]; name?: string }[] {
      return [...layers.values()]
        .filter((l) => l.info.role === 'network')
        .flatMap((l) => l.lines.filter((line) => line.kind === EdgeKind.road).map((line) => ({ coords: line.coords, name: line.name })));
    },

    getSensitiveLayers(): SensitiveLayer[] {
      return [...layers.values()].filter((l) => l.info.role === 'sensitive').map((l) => ({ id: l.info.id, name: l.info.name, fc: l.fc }));
    },

    /**
     * Reads an opened file as a DEM (GeoTIFF or ESRI ASCII grid, in WGS84, Lambert-93 or Lambert
     * II étendu) and makes it the elevation source. On failure the current DEM stays.
     */
    async loadDemFile(token: string, from?: CrsCode): Promise<Result<DemInfo>> {
      const file = pending.get(token);
      if (!file) return fail('file.unreadable', { path: token });
      const r = await readDemFile(file.bytes, file.fileName, { from, name: file.fileName.split(/[/\\]/).pop() || file.fileName });
      if (!r.ok) return r;
      pending.delete(token);
      adoptDem(r.value);
      return ok(demInfo(r.value)!, r.warnings);
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
      const [w, s, e, n] = req.bbox;
      if (![w, s, e, n].every(Number.isFinite) || e < w || n < s) return fail('dem.tiles-none');
      // a little margin, so the grid covers the route's ends
      const m = 0.002;
      const range = tilesCovering([w - m, s - m, e + m, n + m], TERRAIN_TILE_ZOOM);
      if (range.count > MAX_TERRAIN_TILES) return fail('dem.tiles-too-many', { count: range.count, limit: MAX_TERRAIN_TILES });
      const jobs: Promise<DecodedTile>[] = [];
      // the first tile that fails cancels those still on their way: the DEM is all or nothing
      const cancel = new AbortController();
      for (let x = range.x0; x <= range.x1; x++) {
        for (let y = range.y0; y <= range.y1; y++) {
          jobs.push(
            (async () => {
              const got = await io.get(tileUrl(req.template, range.z, x, y), cancel.signal);
              if (!got.ok) throw new TileFetchError(got.error);
              const img = await io.decode(got.value);
              if (img.width !== img.height) throw new Error(`tuile ${img.width}×${img.height}`);
              return { x, y, size: img.width, rgba: img.data };
            })(),
          );
        }
      }
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
        return fail('dem.tiles-failed', { reason: err instanceof Error ? err.message : String(err) });
      }
      // fetched from a service: reported as the online source
      const grid = { ...mosaicToDem(tiles, range.z, [w - m, s - m, e + m, n + m], req.name), online: true };
      adoptDem(grid);
      return ok(demInfo(grid)!);
    },

    /** Back to the approximate relief the page loaded (null when there was none). */
    restoreApproximateDem(): DemInfo | null {
      if (hooks.getDem()?.approximate) return demInfo(hooks.getDem());
      hooks.setDem(approximateDem);
      return demInfo(approximateDem);
    },

    /** The current elevation source. */
    /** The DEM the user loaded (file or tiles), to keep it across reloads; null with the approximate relief. */
    importedDem(): DemGrid | null {
      const g = hooks.getDem();
      return g && !g.approximate ? g : null;
    },

    /** A DEM kept from an earlier session (see importedDem) becomes the elevation source again. */
    restoreDem(grid: DemGrid): DemInfo {
      adoptDem(grid);
      return demInfo(grid)!;
    },

    /**
     * The approximate relief, loaded while a user DEM is the source (it arrived after a restored
     * DEM): kept as the fallback of « Revenir au relief approché » rather than replacing it.
     */
    setFallbackRelief(grid: DemGrid): void {
      approximateDem = grid;
    },

    /** The relief approché kept behind a user DEM: it still answers where that DEM has no value. */
    reliefFallback(): DemGrid | null {
      return hooks.getDem()?.approximate ? null : approximateDem;
    },

    currentDem(): DemInfo | null {
      return demInfo(hooks.getDem());
    },
  };
}

/** One tile is a few tens of kilobytes: 20 s without it is a dead service, not a slow one. */
const TERRAIN_TILE_TIMEOUT_MS = 20_000;

export interface TerrainTileRequest {
  /** URL template with {z}, {x}, {y} */
  template: string;
  /** the service's name, shown as the elevation source */
  name: string;
  /** the route's [west, south, east, north] */
  bbox: [number, number, number, number];
}

/** How tiles are fetched and decoded: the HTTP adapter (cached: a route edited nearby asks the same tiles) and the browser's image decoding by default. */
export interface TileIo {
  get: (url: string, signal?: AbortSignal) => Promise<Result<ArrayBuffer>>;
  decode: (png: ArrayBuffer) => Promise<{ width: number; height: number; data: ArrayLike<number> }>;
}

class TileFetchError extends Error {
  constructor(readonly error: GeoError) {
    super(error.code);
  }
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

function demInfo(g: DemGrid | null): DemInfo | null {
  return g && { name: g.name, approximate: g.approximate, bbox: [g.west, g.south, g.east, g.north], width: g.width, height: g.height };
}

