// The one door to the network, as PMTiles reads every archive through its `Source`: every online
// source (BRouter, terrain tiles, and the Overpass, altimetry, geocoder and WFS clients to come)
// asks through httpRequest / httpGet and gets a Result, never an exception, with codes the user
// can be told in French (src/i18n/messages.ts): a timeout, an abort, no connection, an HTTP
// status, an answer cut short or unreadable. Runs in the page, the worker and node alike (only
// `fetch`, `AbortController` and timers), so the tests drive it against a local node:http server.

import { fail, ok, type Result } from '../core/errors';

export interface HttpBodies {
  json: unknown;
  bytes: ArrayBuffer;
  text: string;
}

export type HttpAs = keyof HttpBodies;

export interface HttpOptions<A extends HttpAs> {
  as: A;
  /** for the whole exchange, headers and body (a server that stalls mid-body is caught too); 0: none */
  timeoutMs?: number;
  signal?: AbortSignal;
  /**
   * keep a successful answer in memory, keyed by method, URL and body (terrain tiles, altimetry
   * by position): a second ask costs nothing and works offline
   */
  cache?: boolean;
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
  /** at most this many requests at once to the URL's origin (Overpass' usage policy: one) */
  maxConcurrent?: number;
  /**
   * at least this long between the starts of two requests to the URL's origin (the Géoplateforme
   * altimetry: 5 a second, 200 ms); a cached answer waits for nothing
   */
  minIntervalMs?: number;
}

/** BRouter's and the tile services' answers come within seconds; a stuck server must not hang a leg. */
const HTTP_TIMEOUT_MS = 20_000;

/** What the memory cache holds at most: a few hundred terrain tiles. */
const HTTP_CACHE_MAX_BYTES = 48 * 1024 * 1024;
const HTTP_CACHE_MAX_ENTRIES = 2000;

/** The server's own words in an error answer (BRouter explains its refusals) are quoted, this long at most. */
const BODY_EXCERPT_CHARS = 200;

// ── connectivity ─────────────────────────────────────────────────────────────

type ConnectivityListener = (offline: boolean) => void;
let offline = false;
const listeners = new Set<ConnectivityListener>();

/**
 * Told once when requests start failing for want of a connection, and once when one gets through
 * again: a page offline gets one notice, not one per tile or leg.
 */
export function onConnectivityChange(fn: ConnectivityListener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function isOffline(): boolean {
  return offline;
}

function setOffline(value: boolean): void {
  if (offline === value) return;
  offline = value;
  for (const fn of [...listeners]) fn(value);
}

// ── cache and per-origin queues ──────────────────────────────────────────────

const cache = new Map<string, ArrayBuffer>();
let cachedBytes = 0;

function remember(key: string, bytes: ArrayBuffer): void {
  if (bytes.byteLength > HTTP_CACHE_MAX_BYTES / 4) return;
  const old = cache.get(key);
  if (old) cachedBytes -= old.byteLength;
  cache.delete(key);
  cache.set(key, bytes);
  cachedBytes += bytes.byteLength;
  // a Map iterates in insertion order: the first keys are the least recently used
  for (const [k, b] of cache) {
    if (cachedBytes <= HTTP_CACHE_MAX_BYTES && cache.size <= HTTP_CACHE_MAX_ENTRIES) break;
    cache.delete(k);
    cachedBytes -= b.byteLength;
  }
}

function recall(key: string): ArrayBuffer | undefined {
  const b = cache.get(key);
  if (!b) return undefined;
  cache.delete(key);
  cache.set(key, b);
  return b;
}

/** Forgets every cached answer (tests; a user who changes a service's address gets fresh answers anyway). */
export function clearHttpCache(): void {
  cache.clear();
  cachedBytes = 0;
}

const queues = new Map<string, { running: number; waiting: (() => void)[] }>();

async function slot(origin: string, max: number, signal: AbortSignal): Promise<(() => void) | null> {
  const queue = queues.get(origin) ?? { running: 0, waiting: [] };
  queues.set(origin, queue);
  if (queue.running >= max) {
    const admitted = await new Promise<boolean>((resolve) => {
      const go = () => {
        signal.removeEventListener('abort', leave);
        resolve(true);
      };
      const leave = () => {
        queue.waiting = queue.waiting.filter((w) => w !== go);
        resolve(false);
      };
      queue.waiting.push(go);
      signal.addEventListener('abort', leave, { once: true });
    });
    if (!admitted) return null;
  }
  queue.running++;
  return () => {
    queue.running--;
    queue.waiting.shift()?.();
    if (queue.running === 0 && queue.waiting.length === 0) queues.delete(origin);
  };
}

// ── spacing per origin ───────────────────────────────────────────────────────

const turns = new Map<string, number>();

/**
 * How long a request to `origin` asked at `now` must wait so that requests leave at least
 * `interval` ms apart, its turn reserved in `book` (origin → when the next one may leave).
 */
export function reserveTurn(book: Map<string, number>, origin: string, interval: number, now: number): number {
  const at = Math.max(now, book.get(origin) ?? now);
  book.set(origin, at + interval);
  return at - now;
}

/** Resolves after `ms`, or false at once when the signal aborts. */
function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  if (ms <= 0) return Promise.resolve(!signal.aborted);
  return new Promise((resolve) => {
    const done = (v: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', stop);
      resolve(v);
    };
    const stop = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal.addEventListener('abort', stop, { once: true });
  });
}

// ── the request ──────────────────────────────────────────────────────────────

function decode<A extends HttpAs>(bytes: ArrayBuffer, as: A, where: Record<string, string>): Result<HttpBodies[A]> {
  if (as === 'bytes') return ok(bytes as HttpBodies[A]);
  const text = new TextDecoder().decode(bytes);
  if (as === 'text') return ok(text as HttpBodies[A]);
  try {
    return ok(JSON.parse(text) as HttpBodies[A]);
  } catch {
    return fail('http.bad-answer', { ...where, expected: 'JSON' });
  }
}

function retryAfterSeconds(value: string | null): number | undefined {
  if (!value) return undefined;
  const s = Number(value);
  if (Number.isFinite(s) && s >= 0) return Math.round(s);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, Math.round((at - Date.now()) / 1000)) : undefined;
}

/**
 * One HTTP exchange. Failures come back as codes: 'http.timeout' (detail timeout_s),
 * 'http.aborted' (the caller's signal), 'http.offline' (no connection, refused, DNS, CORS: the
 * browser does not tell them apart), 'http.status' (detail status and the server's words as body),
 * 'http.rate-limited' (429, detail retry_after_s when the server says), 'http.truncated' (the
 * connection dropped mid-answer), 'http.bad-answer' (not the JSON asked for), 'http.bad-url'.
 */
export async function httpRequest<A extends HttpAs>(url: string, options: HttpOptions<A>): Promise<Result<HttpBodies[A]>> {
  const { as, timeoutMs = HTTP_TIMEOUT_MS, signal, method = 'GET', body, headers, maxConcurrent, minIntervalMs } = options;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail('http.bad-url', { url });
  }
  const where = { url, host: parsed.host };
  const key = `${method} ${url}${body === undefined ? '' : `\n${body}`}`;
  if (options.cache) {
    const hit = recall(key);
    // a copy: the caller may transfer the buffer to another thread, which would empty the cached one
    if (hit) return decode(as === 'bytes' ? hit.slice(0) : hit, as, where);
  }
  if (signal?.aborted) return fail('http.aborted', where);

  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  const stopped = (): Result<never> | null =>
    timedOut ? fail('http.timeout', { ...where, timeout_s: Math.round(timeoutMs / 100) / 10 }) : signal?.aborted ? fail('http.aborted', where) : null;
  // the clock starts once admitted: a request waiting its turn (Overpass: one at a time) has not yet asked anything
  let release = maxConcurrent && maxConcurrent > 0 ? await slot(parsed.origin, maxConcurrent, controller.signal) : () => {};
  // its turn, once admitted: a service's rate limit (5 a second) counts the requests that leave
  if (release && minIntervalMs && minIntervalMs > 0) {
    const wait = reserveTurn(turns, parsed.origin, minIntervalMs, Date.now());
    if (!(await pause(wait, controller.signal))) {
      release();
      release = null;
    }
  }
  const expire = () => {
    timedOut = true;
    controller.abort();
  };
  const timer = release && timeoutMs > 0 ? setTimeout(expire, timeoutMs) : undefined;
  try {
    if (!release) return fail('http.aborted', where);
    let res: Response;
    try {
      res = await fetch(url, { method, body, headers, signal: controller.signal });
    } catch {
      const s = stopped();
      if (s) return s;
      setOffline(true);
      return fail('http.offline', where);
    }
    setOffline(false);
    let bytes: ArrayBuffer;
    try {
      bytes = await res.arrayBuffer();
    } catch {
      return stopped() ?? fail('http.truncated', where);
    }
    if (!res.ok) {
      const excerpt = new TextDecoder()
        .decode(bytes.slice(0, BODY_EXCERPT_CHARS * 4))
        .trim()
        .slice(0, BODY_EXCERPT_CHARS);
      if (res.status === 429) {
        const retry = retryAfterSeconds(res.headers.get('retry-after'));
        return fail('http.rate-limited', { ...where, status: 429, ...(retry !== undefined ? { retry_after_s: retry } : {}) });
      }
      return fail('http.status', { ...where, status: res.status, ...(excerpt ? { body: excerpt } : {}) });
    }
    const out = decode(bytes, as, where);
    if (out.ok && options.cache) remember(key, as === 'bytes' ? bytes.slice(0) : bytes);
    return out;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    release?.();
  }
}

/** A GET through httpRequest. */
export function httpGet<A extends HttpAs>(url: string, options: Omit<HttpOptions<A>, 'method' | 'body'>): Promise<Result<HttpBodies[A]>> {
  return httpRequest(url, options);
}
