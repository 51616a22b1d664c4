// Reads the places of the embedded layers for the search and the map's names: fetching and
// parsing a few megabytes of GeoJSON (communes, cavaliers, shafts…) is kept off the page. A
// one-shot worker (places.worker.ts) runs it and ends; free of worker globals so node tests call it.

import type { FeatureCollection } from 'geojson';
import { dataFile } from '../src/adapters/data-files';
import type { Result } from '../src/core/errors';
import { placesFromLayer, type PlaceLayer } from '../src/core/search/places';
import type { Place } from '../src/core/search/types';

export interface PlacesRead {
  places: Place[];
  /** manifest ids whose GeoJSON could not be read (their places are missing, the rest are there) */
  failed: string[];
}

/** Reads one layer's file: the app's data-file door by default (absolute URLs from the page). */
export type ReadJson = (url: string) => Promise<Result<unknown>>;

export async function readPlaces(layers: readonly PlaceLayer[], readJson: ReadJson = (url) => dataFile(url, 'json')): Promise<PlacesRead> {
  const read = await Promise.all(
    layers.map(async (layer) => {
      const r = await readJson(layer.url);
      const fc = r.ok ? (r.value as FeatureCollection | null) : null;
      // a layer that cannot be read is named; the search works on the others
      if (!fc || !Array.isArray(fc.features)) return { layer, places: null };
      return { layer, places: placesFromLayer(layer, fc) };
    }),
  );
  return {
    places: read.flatMap((r) => r.places ?? []),
    failed: read.filter((r) => r.places === null).map((r) => r.layer.id),
  };
}
