// The optional online basemap: one raster layer directly above the background, under everything else.

import type { Map as MapLibreMap, RasterSourceSpecification } from 'maplibre-gl';
import { BASEMAPS, basemapSourceId, scan25Source, type BasemapId } from '../styles';

export type OnlineBasemap = Exclude<BasemapId, 'none'>;

const ONLINE: readonly OnlineBasemap[] = ['osm', 'ign', 'scan25'];

export interface BasemapOptions {
  /** the user's Géoplateforme key, without which SCAN 25 is not drawn */
  scan25Key?: string;
}

function sourceOf(id: OnlineBasemap, options: BasemapOptions): RasterSourceSpecification | null {
  if (id === 'scan25') return options.scan25Key ? scan25Source(options.scan25Key) : null;
  return BASEMAPS[id];
}

export function applyBasemap(map: MapLibreMap, id: BasemapId, options: BasemapOptions = {}): void {
  const spec = id === 'none' ? null : sourceOf(id, options);
  for (const other of ONLINE) {
    const sid = basemapSourceId(other);
    const source = map.getSource(sid) as { tiles?: string[] } | undefined;
    // the same basemap with another key is added again
    if (other === id && spec && source && source.tiles?.[0] === spec.tiles?.[0]) continue;
    if (map.getLayer(sid)) map.removeLayer(sid);
    if (source) map.removeSource(sid);
  }
  if (!spec || id === 'none') return;
  const sid = basemapSourceId(id);
  if (map.getSource(sid)) return;
  map.addSource(sid, spec);
  const beforeId = map.getStyle().layers[1]?.id; // [0] is the background
  map.addLayer({ id: sid, type: 'raster', source: sid, paint: { 'raster-fade-duration': 150 } }, beforeId);
}

/** The online basemap a source id belongs to, if any. */
export function basemapOfSource(sourceId: string | undefined): OnlineBasemap | null {
  if (!sourceId) return null;
  for (const id of ONLINE) if (basemapSourceId(id) === sourceId) return id;
  return null;
}
