// Adds and removes the embedded layers of the manifest (data/*.geojson next to the page).

import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LayerManifest, LayerManifestEntry } from '../../core/layers';
import { familyRank, layersFor } from '../styles';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Entries that have data to draw, bottom to top. */
export function drawableEntries(manifest: LayerManifest | null | undefined): LayerManifestEntry[] {
  return (manifest?.layers ?? [])
    .filter((e) => e.status !== 'to-import' && typeof e.url === 'string')
    .sort((a, b) => familyRank(a) - familyRank(b));
}

/**
 * Adds one GeoJSON source per entry (id = manifest id, URL resolved against the page) and its
 * styled layers under `beforeId`. Returns the ids of the maplibre layers added.
 */
export function addEmbeddedLayers(
  map: MapLibreMap,
  entries: LayerManifestEntry[],
  visibility: Record<string, boolean>,
  beforeId: string,
): string[] {
  const added: string[] = [];
  for (const entry of entries) {
    map.addSource(entry.id, {
      type: 'geojson',
      data: new URL(entry.url!, document.baseURI).href,
      // maplibre renders attributions as HTML: the manifest text is escaped
      attribution: escapeHtml(entry.source),
      generateId: true,
    });
    for (const layer of layersFor(entry, visibility[entry.id] ?? entry.visible)) {
      map.addLayer(layer, beforeId);
      added.push(layer.id);
    }
  }
  return added;
}

export function removeEmbeddedLayers(map: MapLibreMap, layerIds: string[], sourceIds: string[]): void {
  for (const id of layerIds) if (map.getLayer(id)) map.removeLayer(id);
  for (const id of sourceIds) if (map.getSource(id)) map.removeSource(id);
}
