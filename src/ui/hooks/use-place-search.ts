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
  /**
   * an extra source could not be asked (offline, an error): said with the results of the query
   * on which it first failed, and not again while it rests (see REST_MS)
   */
  unavailable: boolean;
}

const LOCAL_LIMIT = 8;
const EXTRA_LIMIT = 5;
/** extra sources are online services: asked once the typing pauses, never on every key */
const EXTRA_DELAY_MS = 350;
const EXTRA_MIN_CHARS = 3;
const NO_SOURCES: readonly PlaceSource[] = [];
/**
 * A source that failed is left alone this long (or until the browser says it is back online):
 * offline, each query would otherwise wait for a failure and say « Recherche en ligne… » again.
 */
const REST_MS = 120_000;

export interface PlaceSearchOptions {
  /** where the user looks (the map's centre): the geocoder favours answers near it */
  near?: () => [number, number] | undefined;
}

export function usePlaceSearch(
  places: readonly Place[] | null,
  query: string,
  sources: readonly PlaceSource[] = NO_SOURCES,
  options: PlaceSearchOptions = {},
): PlaceSearchState {
  // the index waits for the first query: opening the app costs nothing
  const indexRef = useRef<{ places: readonly Place[]; index: SearchIndex } | null>(null);
  const trimmed = query.trim();
  const local = useMemo(() => {
    if (!places || !trimmed) return [];
    if (indexRef.current?.places !== places) indexRef.current = { places, index: buildSearchIndex(places) };
    return searchPlaces(indexRef.current.index, trimmed, LOCAL_LIMIT).map((h): PlaceResult => ({ place: h.place, source: 'embedded' }));
  }, [places, trimmed]);

  const [extra, setExtra] = useState<{ query: string; results: PlaceResult[]; pending: boolean; unavailable: boolean }>({
    query: '',
    results: [],
    pending: false,
    unavailable: false,
  });
  // source id → until when it rests (ms, performance.now())
  const [resting, setResting] = useState<ReadonlyMap<string, number>>(new Map());
  const nearRef = useRef(options.near);
  nearRef.current = options.near;

  useEffect(() => {
    if (resting.size === 0) return;
    const wake = () => setResting(new Map());
    window.addEventListener('online', wake);
    return () => window.removeEventListener('online', wake);
  }, [resting]);

  useEffect(() => {
    const now = performance.now();
    const active = sources.filter((s) => (resting.get(s.id) ?? 0) <= now);
    if (active.length === 0 || trimmed.length < EXTRA_MIN_CHARS) {
      // a source just put to rest: the query that found it failing still says so, once
      setExtra((e) => (e.query === trimmed && !e.pending ? e : { query: trimmed, results: [], pending: false, unavailable: false }));
      return;
    }
    const controller = new AbortController();
    setExtra({ query: trimmed, results: [], pending: true, unavailable: false });
    const timer = setTimeout(() => {
      const near = nearRef.current?.();
      void Promise.allSettled(
        active.map((s) =>
          s
            .search(trimmed, { signal: controller.signal, limit: EXTRA_LIMIT, ...(near ? { near } : {}) })
            .then((found) => found.map((place) => ({ place, source: s.id }))),
        ),
      ).then((settled) => {
        if (controller.signal.aborted) return;
        // a source that failed (offline, an error) simply adds nothing: the embedded results stand
        const results = settled.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
        const failed = active.filter((_, i) => settled[i].status === 'rejected');
        setExtra({ query: trimmed, results, pending: false, unavailable: failed.length > 0 });
        if (failed.length) {
          const until = performance.now() + REST_MS;
          setResting((r) => new Map([...r, ...failed.map((s) => [s.id, until] as const)]));
        }
      });
    }, EXTRA_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [sources, trimmed, resting]);

  return useMemo(
    () => ({
      results: extra.query === trimmed ? [...local, ...extra.results] : local,
      pending: extra.query === trimmed && extra.pending,
      unavailable: extra.query === trimmed && extra.unavailable,
    }),
    [local, extra, trimmed],
  );
}
