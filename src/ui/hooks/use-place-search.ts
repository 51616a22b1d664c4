// The results of a place search as the user types: the embedded index at once (built on the first
// query, a few milliseconds), then what the extra sources answer (an online geocoder: the seam is
// core/search/types.ts `PlaceSource`), asked after a pause in the typing, the older query aborted.

import { useEffect, useMemo, useRef, useState } from 'react';
import { buildSearchIndex, searchPlaces, type SearchIndex } from '../../core/search/search';
import type { Place, PlaceSource } from '../../core/search/types';

export interface PlaceResult {
  place: Place;
  /** 'embedded', or the id of the extra source that found it */
  source: string;
}

export interface PlaceSearchState {
  results: PlaceResult[];
  /** extra sources still being asked */
  pending: boolean;
}

const LOCAL_LIMIT = 8;
const EXTRA_LIMIT = 5;
/** extra sources are online services: asked once the typing pauses, never on every key */
const EXTRA_DELAY_MS = 350;
const EXTRA_MIN_CHARS = 3;
const NO_SOURCES: readonly PlaceSource[] = [];

export function usePlaceSearch(places: readonly Place[] | null, query: string, sources: readonly PlaceSource[] = NO_SOURCES): PlaceSearchState {
  // the index waits for the first query: opening the app costs nothing
  const indexRef = useRef<{ places: readonly Place[]; index: SearchIndex } | null>(null);
  const trimmed = query.trim();
  const local = useMemo(() => {
    if (!places || !trimmed) return [];
    if (indexRef.current?.places !== places) indexRef.current = { places, index: buildSearchIndex(places) };
    return searchPlaces(indexRef.current.index, trimmed, LOCAL_LIMIT).map((h): PlaceResult => ({ place: h.place, source: 'embedded' }));
  }, [places, trimmed]);

  const [extra, setExtra] = useState<{ query: string; results: PlaceResult[]; pending: boolean }>({ query: '', results: [], pending: false });
  useEffect(() => {
    if (sources.length === 0 || trimmed.length < EXTRA_MIN_CHARS) {
      setExtra({ query: trimmed, results: [], pending: false });
      return;
    }
    const controller = new AbortController();
    setExtra({ query: trimmed, results: [], pending: true });
    const timer = setTimeout(() => {
      void Promise.allSettled(
        sources.map((s) =>
          s.search(trimmed, { signal: controller.signal, limit: EXTRA_LIMIT }).then((found) => found.map((place) => ({ place, source: s.id }))),
        ),
      ).then((settled) => {
        if (controller.signal.aborted) return;
        // a source that failed (offline, an error) simply adds nothing: the embedded results stand
        const results = settled.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
        setExtra({ query: trimmed, results, pending: false });
      });
    }, EXTRA_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [sources, trimmed]);

  return useMemo(
    () => ({
      results: extra.query === trimmed ? [...local, ...extra.results] : local,
      pending: extra.query === trimmed && extra.pending,
    }),
    [local, extra, trimmed],
  );
}
