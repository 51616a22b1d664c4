// The Géoplateforme geocoder as an extra source of the place search (core/search/types.ts
// PlaceSource): addresses, streets, localities and communes of the BAN, asked through the one HTTP
// adapter when online.
//
// Format followed: « API Géoplateforme - Géocodage », geoservices.ign.fr/documentation/services/
// services-geoplateforme/geocodage (search operation, swagger linked there), which keeps the BAN
// address API's format (adresse.data.gouv.fr/api-doc/adresse): GET /geocodage/search?q=…&limit=…
// &lat=…&lon=… (a position that favours nearby answers; `index` defaults to « address »), answered
// by a GeoJSON FeatureCollection of Points whose properties hold `label`, `score` (0–1), `type`
// (housenumber, street, locality, municipality), `name`, `postcode`, `city`, `citycode` and
// `context` (« 62, Pas-de-Calais, Hauts-de-France »). Usage is limited to 50 requests a second per
// IP (HTTP 429 beyond): the search asks once the typing pauses, never per key.

import type { Place, PlaceSource } from '../core/search/types';
import { httpGet } from './http';

const GEOPLATEFORME_URL = 'https://data.geopf.fr';

/** An answer comes within a second; past this the embedded results stand alone. */
const GEOCODER_TIMEOUT_MS = 6000;

/** Answers scored under this match a word or two of the query by chance. */
const MIN_SCORE = 0.3;

/** How much ground a result stands for, for the map to frame it: a commune is not a house. */
const HALF_SIZE_DEG: Record<string, number> = { municipality: 0.02, locality: 0.006, street: 0.004, housenumber: 0 };

export interface GeocoderOptions {
  /** the service's origin (a local stub in the tests) */
  baseUrl?: string;
  timeoutMs?: number;
}

/** The failure of a search, with the HTTP adapter's code ('http.offline', 'http.timeout'…). */
export class GeocoderError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** The places of a geocoder answer, best first; null when it is not the documented FeatureCollection. */
export function placesFromGeocoder(answer: unknown, limit: number): Place[] | null {
  const fc = answer as { type?: unknown; features?: unknown };
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) return null;
  const out: { place: Place; score: number }[] = [];
  fc.features.forEach((f: { geometry?: { type?: string; coordinates?: unknown }; properties?: Record<string, unknown> }, i) => {
    const c = f?.geometry?.type === 'Point' && Array.isArray(f.geometry.coordinates) ? (f.geometry.coordinates as unknown[]) : null;
    const p = f?.properties ?? {};
    const label = text(p.label);
    if (!c || !label || typeof c[0] !== 'number' || typeof c[1] !== 'number' || !Number.isFinite(c[0]) || !Number.isFinite(c[1])) return;
    const score = typeof p.score === 'number' ? p.score : 0;
    if (score < MIN_SCORE) return;
    const [lon, lat] = [c[0], c[1]];
    const type = text(p.type) ?? 'housenumber';
    const d = HALF_SIZE_DEG[type] ?? 0;
    // a commune's label is its bare name: the département and region tell which one
    const context = type === 'municipality' ? text(p.context) : undefined;
    out.push({
      score,
      place: {
        id: `geoplateforme:${text(p.id) ?? `${i}:${label}`}`,
        kind: 'address',
        // the label holds the postcode and commune already; the name alone for a commune
        name: type === 'municipality' ? (text(p.name) ?? label) : label,
        ...(context ? { context } : {}),
        point: [lon, lat],
        // at the basin’s 50° N a degree of longitude is 0.64 as long as one of latitude
        bbox: [r6(lon - d), r6(lat - d * 0.64), r6(lon + d), r6(lat + d * 0.64)],
        layerId: '',
      },
    });
  });
  return out
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((x) => x.place);
}

/** The Géoplateforme geocoder as a PlaceSource: rejects (GeocoderError) offline or on an error, so the search keeps its own results. */
export function geoplateformeGeocoder(options: GeocoderOptions = {}): PlaceSource {
  const base = (options.baseUrl ?? GEOPLATEFORME_URL).replace(/\/+$/, '');
  return {
    id: 'geoplateforme',
    async search(query, { signal, limit, near }) {
      const params = new URLSearchParams({ q: query, limit: String(limit) });
      if (near) {
        params.set('lat', near[1].toFixed(5));
        params.set('lon', near[0].toFixed(5));
      }
      // the core's AbortLike, as the adapter's AbortSignal
      const controller = new AbortController();
      if (signal.aborted) controller.abort();
      else signal.addEventListener('abort', () => controller.abort());
      const r = await httpGet(`${base}/geocodage/search?${params}`, {
        as: 'json',
        timeoutMs: options.timeoutMs ?? GEOCODER_TIMEOUT_MS,
        signal: controller.signal,
        cache: true,
      });
      if (!r.ok) throw new GeocoderError(r.error.code);
      const places = placesFromGeocoder(r.value, limit);
      if (!places) throw new GeocoderError('http.bad-answer');
      return places;
    },
  };
}
