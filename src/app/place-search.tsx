// The names on the map and the place search, wired: the places of the embedded layers read in a
// worker (usePlaces), written on the map (controller.setPlaces), searched as the user types
// (usePlaceSearch) and, once chosen, framed and marked (controller.showPlace).
//
// `sources` is where the online geocoders plug in (core/search/types.ts PlaceSource): by default
// the Géoplateforme's address search (src/adapters/geocoder.ts), favouring the map's centre.

import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { LayerManifest } from '../core/layers';
import type { PlaceSource } from '../core/search/types';
import { geoplateformeGeocoder } from '../adapters/geocoder';
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

const DEFAULT_SOURCES: readonly PlaceSource[] = [geoplateformeGeocoder()];

export function usePlaceSearchBox({ manifest, controller, sources = DEFAULT_SOURCES }: PlaceSearchSetup): { box: ReactNode } {
  const { places, failed } = usePlaces(manifest);
  const [query, setQuery] = useState('');
  const near = useCallback((): [number, number] | undefined => {
    const c = controller?.map.getCenter();
    return c ? [c.lng, c.lat] : undefined;
  }, [controller]);
  const { results, pending, unavailable } = usePlaceSearch(places, query, sources, { near });
  useEffect(() => controller?.setPlaces(places ?? []), [controller, places]);
  const ready = places === null ? null : places.length > 0 || failed.length === 0;
  return {
    box: (
      <SearchBox
        query={query}
        onQueryChange={setQuery}
        results={results}
        pending={pending}
        unavailable={unavailable}
        ready={ready}
        onChoose={(place) => controller?.showPlace(place)}
        onClear={() => controller?.showPlace(null)}
      />
    ),
  };
}
