// The names on the map and the place search, wired: the places of the embedded layers read in a
// worker (usePlaces), written on the map (controller.setPlaces), searched as the user types
// (usePlaceSearch) and, once chosen, framed and marked (controller.showPlace).
//
// `sources` is where an online geocoder plugs in (core/search/types.ts PlaceSource): the
// Géoplateforme's address search, once src/adapters has its HTTP client. None is given yet.

import { useEffect, useState, type ReactNode } from 'react';
import type { LayerManifest } from '../core/layers';
import type { PlaceSource } from '../core/search/types';
import type { MapController } from '../map/map-controller';
import { SearchBox } from '../ui/components/SearchBox';
import { usePlaceSearch } from '../ui/hooks/use-place-search';
import { usePlaces } from '../ui/hooks/use-places';
import './search.css';

export interface PlaceSearchSetup {
  manifest: LayerManifest | null;
  controller: MapController | null;
  sources?: readonly PlaceSource[];
}

export function usePlaceSearchBox({ manifest, controller, sources }: PlaceSearchSetup): { box: ReactNode } {
  const { places, failed } = usePlaces(manifest);
  const [query, setQuery] = useState('');
  const { results, pending } = usePlaceSearch(places, query, sources);
  useEffect(() => controller?.setPlaces(places ?? []), [controller, places]);
  const ready = places === null ? null : places.length > 0 || failed.length === 0;
  return {
    box: (
      <SearchBox
        query={query}
        onQueryChange={setQuery}
        results={results}
        pending={pending}
        ready={ready}
        onChoose={(place) => controller?.showPlace(place)}
        onClear={() => controller?.showPlace(null)}
      />
    ),
  };
}
