// The engine's methods for layers the user imports (GeoJSON in WGS84 / Lambert-93 / Lambert II
// étendu / Web Mercator, zipped shapefiles, GPX, KML and KMZ, .osm, Overpass JSON: read by the
// core's layerText and importLayer, as the CLI reads them), and the files opened for them or for a
// DEM. Spread into createEngine() (engine.ts). This engine owns the files and the layers; the
// network their lines are merged into is the routing engine's (routing-engine.ts), the DEM the
// relief engine's (relief-engine.ts).
//
// A file goes through three steps, so that its bytes cross to the worker once (transferred) and
// the dialog can show what the file holds before anything changes:
//   openFile(bytes, name)                → a token (the bytes stay here)
//   previewLayer(token, from?, progress, swapAxes?) → what importLayer read: projection, counts,
//                                          warnings (a proposal of another reading among them)
//   addLayer(token, role, id?, progress?, zoneFields?) → the layer is kept; role 'network' merges
//                                          its lines with the embedded network (same builder, same
//                                          tolerance); role 'sensitive' keeps the attributes chosen
//                                          for its zones' name and code (the preview proposes them)
// or, for a DEM, loadDemFile(token, from?) (relief-engine.ts). discardFile(token) forgets a file the user gave up.
//
// Roles:
//  - 'network': its lines (networkLinesFromLayer: OSM highway=* → way type) are handed to the
//    routing engine, which merges them with the embedded cavaliers (src/core/graph/merge.ts);
//    removing the last network layer puts the embedded network back.
//  - 'sensitive': kept for the environmental review — getSensitiveLayers() returns them.
//  - 'reference': shown on the map only (the page keeps the FeatureCollection for that).
//
// Kept free of worker globals, like engine.ts, so node tests can call it directly.

import type { FeatureCollection, GeoJsonProperties, Geometry } from 'geojson';
import { MAX_DEM_FILE_BYTES } from '../src/core/elevation/read-dem';
import { fail, ok, type GeoError, type Result } from '../src/core/errors';
import type { NetworkLine } from '../src/core/graph/build';
import { EdgeKind } from '../src/core/graph/graph';
import type { CrsCode } from '../src/core/import/crs';
import { MAX_LAYER_FILE_CHARS, type ImportedLayer } from '../src/core/import/layer';
import { importLayerText, layerText, type LayerText } from '../src/core/import/layer-file';
import { networkLinesFromLayer } from '../src/core/import/network';
import { proposeZoneFields, type ZoneFields } from '../src/core/review/zone-fields';
import type { NetworkLayerLines } from './routing-engine';
import type {
  AddedLayer,
  LayerPreview,
  LayerRole,
  MergedNetworkBundle,
  NetworkState,
  ProgressFn,
  SensitiveLayer,
  UserLayerInfo,
  UserLayerRecord,
} from './protocol';

export interface LayerEngineHooks {
  /** the routing engine's merge of the network layers' lines (routing-engine.ts mergeLayers) */
  mergeNetwork: (layers: NetworkLayerLines[], onProgress?: ProgressFn, prebuilt?: MergedNetworkBundle) => Result<NetworkState>;
}

interface PendingFile {
  fileName: string;
  bytes: ArrayBuffer;
  /** the text read from the bytes (a zip's GeoJSON or KML), kept for the next previews */
  text?: LayerText;
  /** what decoding the bytes found (invalid UTF-8) */
  textWarnings?: GeoError[];
  /** the last preview's layer, reused by addLayer */
  read?: ImportedLayer;
}

interface KeptLayer {
  info: UserLayerInfo;
  fc: FeatureCollection<Geometry, GeoJsonProperties>;
  lines: NetworkLine[];
}

/** Largest file accepted (bytes): the text limit of layers, the byte limit of DEMs. */
const MAX_IMPORT_FILE_BYTES = Math.max(MAX_LAYER_FILE_CHARS, MAX_DEM_FILE_BYTES);

export function layerMethods(hooks: LayerEngineHooks) {
  const pending = new Map<string, PendingFile>();
  const layers = new Map<string, KeptLayer>();
  let seq = 0;

  const networkLayers = (): NetworkLayerLines[] =>
    [...layers.values()].filter((l) => l.info.role === 'network' && l.lines.length > 0).map((l) => ({ id: l.info.id, lines: l.lines }));

  /** The routing network rebuilt from the embedded lines and every network layer (or taken from a kept bundle of it). */
  const rebuildNetwork = (onProgress?: ProgressFn, prebuilt?: MergedNetworkBundle) => hooks.mergeNetwork(networkLayers(), onProgress, prebuilt);

  function textOf(file: PendingFile): Result<LayerText> {
    if (file.text === undefined) {
      const read = layerText(new Uint8Array(file.bytes));
      if (!read.ok) return read;
      file.text = read.value;
      file.textWarnings = read.warnings;
    }
    return ok(file.text, file.textWarnings);
  }

  function keep(info: UserLayerInfo, fc: FeatureCollection<Geometry, GeoJsonProperties>): KeptLayer {
    const lines = info.role === 'network' ? networkLinesFromLayer(fc) : [];
    const kept: KeptLayer = { info: info.role === 'network' ? { ...info, networkLines: lines.length } : info, fc, lines };
    layers.set(info.id, kept);
    return kept;
  }

  /** Keeps a layer; a network layer rebuilds the routing network, and on failure nothing changes. */
  function keepAndMerge(info: UserLayerInfo, fc: FeatureCollection<Geometry, GeoJsonProperties>, onProgress?: ProgressFn): Result<AddedLayer> {
    const previous = layers.get(info.id);
    const kept = keep(info, fc);
    let network: NetworkState | undefined;
    if (info.role === 'network' || previous?.info.role === 'network') {
      const r = rebuildNetwork(onProgress);
      if (!r.ok) {
        if (previous) layers.set(info.id, previous);
        else layers.delete(info.id);
        return r;
      }
      network = r.value;
    }
    return ok({ layer: kept.info, fc: kept.fc, ...(network ? { network } : {}) });
  }

  const methods = {
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
      // a shapefile's size was checked on its zip (and on what inflating it gave: zip.ts)
      if (read.value.text !== undefined && read.value.text.length > MAX_LAYER_FILE_CHARS)
        return fail('file.too-large', { limit_mb: MAX_LAYER_FILE_CHARS / 1024 / 1024 });
      // decoding's warnings first: the layer's name may be one of the damaged texts
      const r = importLayerText(read.value, read.warnings, file.fileName, {
        from,
        swapAxes,
        onProgress: onProgress && ((d, t) => onProgress('convert', d, t)),
      });
      if (!r.ok) {
        file.read = undefined;
        return r;
      }
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
          zoneFields: proposeZoneFields(layer.fc.features, `${layer.name} ${file.fileName}`),
        },
        r.warnings,
      );
    },

    /**
     * Keeps the previewed layer under `role` (and `id`, when the page names it). Role 'network'
     * rebuilds the routing network with its lines; if that fails the layer is not kept and
     * nothing changes. `zoneFields`: the attributes chosen for the zones' name and code (role
     * 'sensitive'; absent, the layer's convention is read).
     */
    addLayer(token: string, role: LayerRole, id?: string, onProgress?: ProgressFn, zoneFields?: ZoneFields): Result<AddedLayer> {
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
        ...(role === 'sensitive' && zoneFields ? { zoneFields } : {}),
      };
      const r = keepAndMerge(info, read.fc, onProgress);
      if (!r.ok) return r;
      pending.delete(token);
      return ok(r.value, read.warnings);
    },

    /** A layer the engine fetched itself (the OSM paths of an area: osm-engine.ts), kept and merged as a file's. */
    addFetchedLayer(info: UserLayerInfo, fc: FeatureCollection<Geometry, GeoJsonProperties>, onProgress?: ProgressFn): Result<AddedLayer> {
      return keepAndMerge(info, fc, onProgress);
    },

    /**
     * Layers saved by the page (IndexedDB) back into the engine; the network is rebuilt once, or
     * taken from `prebuilt` (transfer its bytes) when it was built from these very layers.
     */
    restoreLayers(
      records: UserLayerRecord[],
      onProgress?: ProgressFn,
      prebuilt?: MergedNetworkBundle,
    ): Result<{ layers: UserLayerInfo[]; network?: NetworkState }> {
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

    listLayers(): UserLayerInfo[] {
      return [...layers.values()].map((l) => l.info);
    },

    /** Road lines of the imported network layers (OSM highway=residential, tertiary…), for the roadbook. */
    roadLines(): { coords: [number, number][]; name?: string }[] {
      return [...layers.values()]
        .filter((l) => l.info.role === 'network')
        .flatMap((l) => l.lines.filter((line) => line.kind === EdgeKind.road).map((line) => ({ coords: line.coords, name: line.name })));
    },

    /**
     * The layers imported with the role « Zone sensible (revue environnementale) », for the
     * environmental review: WGS84 FeatureCollections as importLayer returned them (any geometry
     * type: the review decides what it uses; names and properties are data, show them as text).
     * In import order; empty when there is none.
     */
    getSensitiveLayers(): SensitiveLayer[] {
      return [...layers.values()]
        .filter((l) => l.info.role === 'sensitive')
        .map((l) => ({
          id: l.info.id,
          name: l.info.name,
          fc: l.fc,
          ...(l.info.official ? { official: l.info.official } : {}),
          ...(l.info.zoneFields ? { zoneFields: l.info.zoneFields } : {}),
        }));
    },
  };

  return {
    methods,
    /** an opened file, for the relief engine's loadDemFile */
    fileOf: (token: string) => pending.get(token),
    forgetFile: (token: string) => void pending.delete(token),
  };
}
