// Reads the places of the embedded layers for the search and the map's names: fetching and
// parsing a few megabytes of GeoJSON (communes, cavaliers, shafts…) is kept off the page. A
// one-shot worker (places.worker.ts) runs it and ends; free of worker globals so node tests call it.

import type { FeatureCollection } from 'geojson';
import { placesFromLayer, type PlaceLayer } from '../src/core/search/places';
import type { Place } from '../src/core/search/types';

export interface PlacesRead {
  places: Place[];
  /** manifest ids whose GeoJSON could not be read (their places are missing, the rest are there) */
  failed: string[];
}

export async function readPlaces(layers: readonly PlaceLayer[], fetcher: typeof fetch = fetch): Promise<PlacesRead> {
  const read = await Promise.all(
    layers.map(async (layer) => {
      try {
        const res = await fetcher(layer.url);
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const fc = (await res.json()) as FeatureCollection;
        if (!fc || !Array.isArray(fc.features)) throw new Error('not a FeatureCollection');
        return { layer, places: placesFromLayer(layer, fc) };
      } catch {
        return { layer, places: null };
      }
    }),
  );
  return {
    places: read.flatMap((r) => r.places ?? []),
    failed: read.filter((r) => r.places === null).map((r) => r.layer.id),
  };
}
