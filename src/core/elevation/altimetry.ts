// The IGN Géoplateforme altimetry service (RGE ALTI®, completed by the BD ALTI® where it has no
// data: the French reference, free), as requests to build and answers to read. Pure: the asking
// is src/adapters/altimetry.ts's.
//
// Followed: « Altimétrie REST API », version 0.32.1,
// https://geoplateforme.pages.gpf-tech.ign.fr/altimetrie/api-rest-calcul-altimetrique/usage/endpoints.html
// and https://geoservices.ign.fr/documentation/services/services-geoplateforme/altimetrie :
//   GET https://data.geopf.fr/altimetrie/1.0/calcul/alti/rest/elevationLine.json?lon=…|…&lat=…|…
//       &resource=ign_rgealti_wld&delimiter=|&indent=false&measures=false&zonly=true
//       &profile_mode=simple&sampling=N
//   (POST to the same address takes the same parameters as a JSON body)
//   → {"elevations":[z, …]} with zonly=true, {"elevations":[{"lon","lat","z","acc"}, …]} without;
//   −99999 where the resource has no data; lon and lat at most 5,000 each; 5 requests a second
//   from one address. With `sampling` equal to the number of points given, the profile is made of
//   those very points: each elevation answers the point at its rank.

export const ALTIMETRY_URL = 'https://data.geopf.fr/altimetrie/1.0/calcul/alti/rest/elevationLine.json';
const ALTIMETRY_RESOURCE = 'ign_rgealti_wld';
/** the source's own name (its words for « online » and its licence are the dictionary's: elevation.online, relief.online.attribution) */
export const ALTIMETRY_NAME = 'RGE ALTI® / BD ALTI® (IGN Géoplateforme)';
export const ALTIMETRY_MAX_SAMPLES = 5000;
const ALTIMETRY_NODATA = -99999;
/** 5 requests a second (the service's usage limit) */
export const ALTIMETRY_MIN_INTERVAL_MS = 200;
/** Past this, a request goes as POST: proxies and servers commonly refuse longer addresses. */
export const ALTIMETRY_MAX_URL_CHARS = 8000;

export interface AltimetryRequest {
  url: string;
  method: 'GET' | 'POST';
  /** the JSON body of a POST */
  body?: string;
  /** the points asked, in order: the answer's elevations are theirs, rank for rank */
  points: [number, number][];
}

const coord = (v: number) => v.toFixed(6);

/**
 * The requests for `points` (at most ALTIMETRY_MAX_SAMPLES each; a line needs two points, so a
 * last lone point is asked with its predecessor).
 */
export function altimetryRequests(points: readonly [number, number][], base = ALTIMETRY_URL, resource = ALTIMETRY_RESOURCE): AltimetryRequest[] {
  const out: AltimetryRequest[] = [];
  for (let i = 0; i < points.length; i += ALTIMETRY_MAX_SAMPLES) {
    const chunk = points.slice(i === 0 || points.length - i > 1 ? i : i - 1, i + ALTIMETRY_MAX_SAMPLES);
    if (chunk.length === 1) chunk.push(chunk[0]);
    const params: Record<string, string> = {
      lon: chunk.map((p) => coord(p[0])).join('|'),
      lat: chunk.map((p) => coord(p[1])).join('|'),
      resource,
      delimiter: '|',
      indent: 'false',
      measures: 'false',
      zonly: 'true',
      profile_mode: 'simple',
      sampling: String(chunk.length),
    };
    const query = Object.entries(params)
      .map(([k, v]) => `${k}=${k === 'lon' || k === 'lat' || k === 'delimiter' ? v : encodeURIComponent(v)}`)
      .join('&');
    const url = `${base}?${query}`;
    if (url.length <= ALTIMETRY_MAX_URL_CHARS) out.push({ url, method: 'GET', points: chunk });
    else out.push({ url: base, method: 'POST', body: JSON.stringify(params), points: chunk });
  }
  return out;
}

export type AltimetryAnswer =
  | { ok: true; elevations: (number | null)[] }
  | { ok: false; code: 'altimetry.incomplete' | 'altimetry.bad-answer'; detail: Record<string, string | number> };

/** The elevations of an answer, rank for rank with the points asked; null where the service has no data. */
export function readAltimetryAnswer(json: unknown, expected: number): AltimetryAnswer {
  const list = (json as { elevations?: unknown } | null)?.elevations;
  if (!Array.isArray(list)) return { ok: false, code: 'altimetry.bad-answer', detail: { expected: '{"elevations": […]}' } };
  const elevations: (number | null)[] = [];
  for (const e of list) {
    const z = typeof e === 'number' ? e : (e as { z?: unknown } | null)?.z;
    if (typeof z !== 'number' || !Number.isFinite(z)) return { ok: false, code: 'altimetry.bad-answer', detail: { expected: 'z' } };
    // −99999: no data there; anything far below the Dead Sea is no elevation either
    elevations.push(z === ALTIMETRY_NODATA || z < -1000 ? null : z);
  }
  if (elevations.length < expected) return { ok: false, code: 'altimetry.incomplete', detail: { expected, got: elevations.length } };
  if (elevations.length > expected) return { ok: false, code: 'altimetry.bad-answer', detail: { expected: `${expected} z`, got: elevations.length } };
  return { ok: true, elevations };
}
