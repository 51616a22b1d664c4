// The app's own data files (public/data/*: the network, the relief, the layers' manifest and
// GeoJSON), resolved against the page's address so that a build served under a sub-path finds
// them. The worker has no page address (its own is the script's): it is given the page's as an
// absolute base, or absolute URLs. Read through the HTTP adapter, so a missing or damaged file
// is a code the user is told, like any other answer.

import { fail, type Result } from '../core/errors';
import { httpGet, type HttpAs, type HttpBodies } from './http';

export interface DataFileOptions {
  /** absolute URL the path is read against; default: the page's (document.baseURI) */
  base?: string;
  signal?: AbortSignal;
}

/** The absolute URL of a data file; null when there is no base to read a relative path against. */
export function dataFileUrl(path: string, base?: string): string | null {
  const from = base ?? (typeof document !== 'undefined' ? document.baseURI : undefined);
  try {
    return new URL(path, from).href;
  } catch {
    return null;
  }
}

/**
 * One data file, as JSON, bytes or text. Failures are 'data.unavailable' (detail path, the HTTP
 * status when the server answered one, and the adapter's code as cause).
 */
export async function dataFile<A extends HttpAs>(path: string, as: A, options: DataFileOptions = {}): Promise<Result<HttpBodies[A]>> {
  const url = dataFileUrl(path, options.base);
  if (!url) return fail('data.unavailable', { path, cause: 'http.bad-url' });
  // no timeout: a file of tens of megabytes on a slow link is slow, not lost; the browser's own
  // HTTP cache already keeps these files, so no memory cache either
  const r = await httpGet(url, { as, timeoutMs: 0, signal: options.signal });
  if (r.ok) return r;
  const status = r.error.detail?.status;
  return fail('data.unavailable', { path, cause: r.error.code, ...(status !== undefined ? { status } : {}) });
}
