// The Géoplateforme altimetry client: the elevations of points, asked through the one HTTP door
// (src/adapters/http.ts: 5 requests a second, one at a time). The cache by position is the
// caller's (the engine keeps every elevation it was given, by positionKey): an answer cut short
// must not be kept by URL and served again. The requests and the reading of answers are the core's
// (src/core/elevation/altimetry.ts, where the API version followed is written down).

import { ALTIMETRY_MIN_INTERVAL_MS, ALTIMETRY_URL, altimetryRequests, readAltimetryAnswer } from '../core/elevation/altimetry';
import { positionKey } from '../core/elevation/sources';
import { fail, ok, type Result } from '../core/errors';
import { httpRequest } from './http';

/** An answer of 5,000 elevations comes within seconds; a stuck service must not hold the profile. */
const ALTIMETRY_TIMEOUT_MS = 20_000;

export interface AltimetryOptions {
  /** the service's address (a local stub in tests) */
  url?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/**
 * The elevations of the points, by positionKey (null where the service has no data). All or
 * nothing: the first request that fails gives its code (http.*, altimetry.*) and the rest are not asked.
 */
export async function fetchElevations(points: readonly [number, number][], options: AltimetryOptions = {}): Promise<Result<Map<string, number | null>>> {
  const out = new Map<string, number | null>();
  const base = options.url ?? ALTIMETRY_URL;
  for (const req of altimetryRequests(points, base)) {
    const r = await httpRequest(req.url, {
      as: 'json',
      method: req.method,
      body: req.body,
      headers: req.body ? { 'Content-Type': 'application/json' } : undefined,
      maxConcurrent: 1,
      minIntervalMs: ALTIMETRY_MIN_INTERVAL_MS,
      timeoutMs: options.timeoutMs ?? ALTIMETRY_TIMEOUT_MS,
      signal: options.signal,
    });
    if (!r.ok) return r;
    const answer = readAltimetryAnswer(r.value, req.points.length);
    if (!answer.ok) return fail(answer.code, { host: new URL(base).host, ...answer.detail });
    req.points.forEach((p, i) => out.set(positionKey(p[0], p[1]), answer.elevations[i]));
  }
  return ok(out);
}
