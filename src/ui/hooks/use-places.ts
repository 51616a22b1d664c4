// The places of the embedded layers (the search's index and the map's names), read once per
// manifest in a worker of their own (readPlacesInWorker).

import { useEffect, useState } from 'react';
import type { LayerManifest } from '../../core/layers';
import { placeKindOfLayer, type PlaceLayer } from '../../core/search/places';
import type { Place } from '../../core/search/types';
import { readPlacesInWorker } from '../../../workers/client';

export interface PlacesState {
  /** null while they are read */
  places: Place[] | null;
  /** manifest ids whose places could not be read; every id when the worker itself failed */
  failed: string[];
}

/** The layers the search reads, with absolute URLs (the worker resolves nothing against the page). */
function placeLayers(manifest: LayerManifest, base: string): PlaceLayer[] {
  const out: PlaceLayer[] = [];
  for (const entry of manifest.layers) {
    const kind = placeKindOfLayer(entry);
    if (kind && entry.url) out.push({ id: entry.id, kind, url: new URL(entry.url, base).href });
  }
  return out;
}

export function usePlaces(manifest: LayerManifest | null): PlacesState {
  const [state, setState] = useState<PlacesState>({ places: null, failed: [] });
  useEffect(() => {
    if (!manifest) return;
    let live = true;
    const layers = placeLayers(manifest, document.baseURI);
    readPlacesInWorker(layers)
      .then((r) => (performance.mark('cavalier:places'), r))
      .then((r) => live && setState({ places: r.places, failed: r.failed }))
      .catch((err: unknown) => {
        console.error('[cavalier] places could not be read', err);
        if (live) setState({ places: [], failed: layers.map((l) => l.id) });
      });
    return () => {
      live = false;
    };
  }, [manifest]);
  return state;
}
