// Adds and removes the embedded layers of the manifest (data/*.geojson and data/layers.pmtiles next to the page).
//
// An entry with `tiles` (the big layers, see data/steps/tiles.ts) is drawn from the vector tiles of
// its PMTiles archive: one vector source per archive, one source-layer per manifest id. The others
// are GeoJSON sources whose id is the manifest id. `useTiles: false` draws every layer from its
// GeoJSON (the app's `?tuiles=non` switch, used by the drag benchmark as the naive baseline).

import type { FeatureCollection } from 'geojson';
import type { AddLayerObject, GeoJSONSource, Map as MapLibreMap, SourceSpecification } from 'maplibre-gl';
import { addToStyle } from '../style-batch';
import type { LayerManifest, LayerManifestEntry } from '../../core/layers';
import { familyRank, layersFor } from '../styles';
import { pmtilesUrl, registerPmtilesProtocol } from '../pmtiles-protocol';
import { creditText } from '../../i18n/layers';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Source id of the vector tiles of one archive. */
const tilesSourceId = (url: string): string => `cav-tiles:${url}`;

/** Entries that have data to draw, bottom to top. */
export function drawableEntries(manifest: LayerManifest | null | undefined): LayerManifestEntry[] {
  return (manifest?.layers ?? []).filter((e) => e.status !== 'to-import' && typeof e.url === 'string').sort((a, b) => familyRank(a) - familyRank(b));
}

export interface EmbeddedLayers {
  /** maplibre layer ids, bottom to top */
  layerIds: string[];
  /** maplibre source ids added */
  sourceIds: string[];
  /** manifest id → the maplibre source drawing it */
  sourceOf: Record<string, string>;
  /** manifest ids drawn from vector tiles */
  tiled: string[];
  /**
   * GeoJSON layers hidden at the start: their source is added empty and its file is read when
   * the layer is first shown (loadDeferred). manifest id → absolute URL.
   */
  deferred: Record<string, string>;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * Adds the sources of the entries (GeoJSON URLs and archives resolved against the page) and their
 * styled layers under `beforeId`.
 */
export function addEmbeddedLayers(
  map: MapLibreMap,
  entries: LayerManifestEntry[],
  visibility: Record<string, boolean>,
  beforeId: string,
  options: { useTiles?: boolean; lang?: 'fr' | 'en' } = {},
): EmbeddedLayers {
  const out: EmbeddedLayers = { layerIds: [], sourceIds: [], sourceOf: {}, tiled: [], deferred: {} };
  const credit = (e: LayerManifestEntry) => escapeHtml(creditText(e.source, options.lang ?? 'fr'));
  const useTiles = options.useTiles ?? true;
  // one vector source per archive; its attribution lists the sources of every layer it holds
  const sources: [string, SourceSpecification][] = [];
  const layers: [AddLayerObject, string][] = [];
  const archives = new Map<string, LayerManifestEntry[]>();
  if (useTiles) for (const e of entries) if (e.tiles) archives.set(e.tiles.url, [...(archives.get(e.tiles.url) ?? []), e]);
  if (archives.size) registerPmtilesProtocol();
  for (const [url, held] of archives) {
    const id = tilesSourceId(url);
    // the tiles' address and zooms given here, from the manifest, rather than a TileJSON read from
    // the archive (`url: 'pmtiles://…'`): that read went through the page's main thread, header then
    // metadata, while the first frames were drawn, and no tile was asked for before it came back
    sources.push([
      id,
      {
        type: 'vector',
        tiles: [`${pmtilesUrl(url)}/{z}/{x}/{y}.mvt`],
        minzoom: Math.min(...held.map((e) => e.tiles!.minzoom)),
        maxzoom: Math.max(...held.map((e) => e.tiles!.maxzoom)),
        // maplibre renders attributions as HTML: the manifest text is escaped
        attribution: [...new Set(held.map(credit))].join(' ; '),
      },
    ]);
    out.sourceIds.push(id);
  }
  for (const entry of entries) {
    const tiles = useTiles ? entry.tiles : undefined;
    let source = entry.id;
    const visible = visibility[entry.id] ?? entry.visible;
    if (tiles) {
      source = tilesSourceId(tiles.url);
      out.tiled.push(entry.id);
    } else {
      const url = new URL(entry.url!, document.baseURI).href;
      // a hidden layer's file is not read at the start: its download, parse and indexing in
      // maplibre's one worker came before the visible layers' and held the first map back
      if (!visible) out.deferred[entry.id] = url;
      sources.push([entry.id, { type: 'geojson', data: visible ? url : EMPTY, attribution: credit(entry), generateId: true }]);
      out.sourceIds.push(entry.id);
    }
    out.sourceOf[entry.id] = source;
    for (const layer of layersFor(entry, visible, tiles ? { source, sourceLayer: tiles.sourceLayer } : undefined)) {
      layers.push([layer, beforeId]);
      out.layerIds.push(layer.id);
    }
  }
  addToStyle(map, { sources, layers });
  return out;
}

/** Reads the file of a layer added hidden (EmbeddedLayers.deferred), once; true when it started a read. */
export function loadDeferred(map: MapLibreMap, layers: EmbeddedLayers, id: string): boolean {
  const url = layers.deferred[id];
  if (url === undefined) return false;
  delete layers.deferred[id];
  (map.getSource(id) as GeoJSONSource | undefined)?.setData(url);
  return true;
}

export function removeEmbeddedLayers(map: MapLibreMap, layerIds: string[], sourceIds: string[]): void {
  for (const id of layerIds) if (map.getLayer(id)) map.removeLayer(id);
  for (const id of sourceIds) if (map.getSource(id)) map.removeSource(id);
}
