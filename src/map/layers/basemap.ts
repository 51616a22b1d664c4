// The optional online basemap: one raster layer directly above the background, under everything else.

import type { Map as MapLibreMap } from 'maplibre-gl';
import { BASEMAPS, basemapSourceId, type BasemapId } from '../styles';

export type OnlineBasemap = Exclude<BasemapId, 'none'>;

export function applyBasemap(map: MapLibreMap, id: BasemapId): void {
  for (const other of Object.keys(BASEMAPS) as OnlineBasemap[]) {
    if (other === id) continue;
    const sid = basemapSourceId(other);
    if (map.getLayer(sid)) map.removeLayer(sid);
    if (map.getSource(sid)) map.removeSource(sid);
  }
  if (id === 'none') return;
  const sid = basemapSourceId(id);
  if (map.getSource(sid)) return;
  map.addSource(sid, BASEMAPS[id]);
  const beforeId = map.getStyle().layers[1]?.id; // [0] is the background
  map.addLayer({ id: sid, type: 'raster', source: sid, paint: { 'raster-fade-duration': 150 } }, beforeId);
}

/** The online basemap a source id belongs to, if any. */
export function basemapOfSource(sourceId: string | undefined): OnlineBasemap | null {
  if (!sourceId) return null;
  for (const id of Object.keys(BASEMAPS) as OnlineBasemap[]) if (basemapSourceId(id) === sourceId) return id;
  return null;
}
