// A WFS 2.0 client for one layer over a box, through the one HTTP adapter (./http.ts: timeouts,
// cancellation, cache, French error codes, offline said once): the GetFeature pages of
// `typeName` asked one after the other (STARTINDEX), read and paged by the core
// (src/core/review/official-zones.ts, where the formats followed are cited). A refusal comes back
// as 'wfs.exception' with the server's words, whether the server answers it with HTTP 400 (the
// adapter keeps the start of the body) or with 200.

import { ok, type GeoError, type Result } from '../core/errors';
import type { Bbox } from '../core/geo/bbox';
import { nextStartIndex, readWfsPage, WFS_MAX_PAGES, WFS_PAGE_SIZE, wfsException, wfsGetFeatureUrl } from '../core/review/official-zones';
import { httpGet } from './http';

/** A page of a few hundred polygons comes within seconds; a stuck server must not hold the button. */
const WFS_TIMEOUT_MS = 45_000;

export interface WfsFetchOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  /** features per page (COUNT) */
  pageSize?: number;
  /** pages followed at most */
  maxPages?: number;
}

export interface WfsLayerAnswer {
  features: unknown[];
  /** what the server said the query matches (null: it did not say) */
  numberMatched: number | null;
  /** the first page's timeStamp */
  timeStamp: string | null;
  /** stopped at maxPages: a warning 'wfs.truncated' comes with it */
  truncated: boolean;
  host: string;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

const withHost = (e: GeoError, host: string): GeoError => ({ ...e, detail: { ...e.detail, host } });

/** Every feature of `typeName` over `bbox` (longitude/latitude), page after page. */
export async function fetchWfsLayer(endpoint: string, typeName: string, bbox: Bbox, options: WfsFetchOptions = {}): Promise<Result<WfsLayerAnswer>> {
  const count = options.pageSize ?? WFS_PAGE_SIZE;
  const maxPages = options.maxPages ?? WFS_MAX_PAGES;
  const host = hostOf(endpoint);
  const features: unknown[] = [];
  let numberMatched: number | null = null;
  let timeStamp: string | null = null;
  let start = 0;
  for (let pageNo = 1; ; pageNo++) {
    const got = await httpGet(wfsGetFeatureUrl(endpoint, typeName, bbox, start, count), {
      as: 'text',
      timeoutMs: options.timeoutMs ?? WFS_TIMEOUT_MS,
      signal: options.signal,
      // the same route asked again (or after a reload of the layer) costs nothing
      cache: true,
      // the Géoplateforme allows 30 requests a second: two at a time is polite and enough
      maxConcurrent: 2,
    });
    if (!got.ok) {
      const body = got.error.code === 'http.status' ? String(got.error.detail?.body ?? '') : '';
      const refused = body ? wfsException(body, typeName) : null;
      return { ok: false, error: refused ? withHost({ ...refused, detail: { ...refused.detail, status: got.error.detail?.status ?? '' } }, host) : got.error };
    }
    const page = readWfsPage(got.value, typeName);
    if (!page.ok) return { ok: false, error: withHost(page.error, host) };
    features.push(...page.value.features);
    if (pageNo === 1) {
      numberMatched = page.value.numberMatched;
      timeStamp = page.value.timeStamp;
    }
    const next = nextStartIndex(page.value, start, count);
    if (next === null) return ok({ features, numberMatched, timeStamp, truncated: false, host });
    if (pageNo >= maxPages)
      return ok({ features, numberMatched, timeStamp, truncated: true, host }, [
        { code: 'wfs.truncated', detail: { layer: typeName, host, count: features.length, matched: numberMatched ?? '?' } },
      ]);
    start = next;
  }
}
