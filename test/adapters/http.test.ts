// The HTTP adapter (src/adapters/http.ts) against a local node:http server: every way an online
// source can fail comes back as a code with a French message, never as an exception.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clearHttpCache, httpGet, httpRequest, isOffline, onConnectivityChange, reserveTurn } from '../../src/adapters/http';
import { formatError } from '../../src/i18n/messages';
import { refusedUrl, startHttpStub, type HttpStub } from '../helpers/http-stub';

let stub: HttpStub;
let refused: string;

beforeAll(async () => {
  stub = await startHttpStub();
  refused = await refusedUrl();
});
afterAll(async () => {
  await stub.close();
});
beforeEach(() => clearHttpCache());

const host = () => new URL(stub.url).host;

describe('answers', () => {
  it('reads JSON, text and bytes', async () => {
    expect(await httpGet(`${stub.url}/json`, { as: 'json' })).toEqual({ ok: true, value: { a: 1, b: [2, 3] }, warnings: [] });
    expect(await httpGet(`${stub.url}/text`, { as: 'text' })).toMatchObject({ ok: true, value: 'bonjour' });
    const b = await httpGet(`${stub.url}/bytes`, { as: 'bytes' });
    expect(b.ok && [...new Uint8Array(b.value)]).toEqual([1, 2, 3, 250]);
  });

  it('posts a body with the headers given (Overpass takes its query so)', async () => {
    const r = await httpRequest(`${stub.url}/echo`, { as: 'json', method: 'POST', body: 'data=[out:json];', headers: { 'X-Client': 'Cavalier' } });
    expect(r.ok && r.value).toEqual({ method: 'POST', body: 'data=[out:json];', agent: 'Cavalier' });
  });

  it('keeps an answer in memory when asked, and gives a copy each time', async () => {
    const url = `${stub.url}/bytes?z=12`;
    const before = stub.hits.length;
    const first = await httpGet(url, { as: 'bytes', cache: true });
    const second = await httpGet(url, { as: 'bytes', cache: true });
    expect(stub.hits.length).toBe(before + 1);
    if (!first.ok || !second.ok) throw new Error('cached answer');
    expect(second.value).not.toBe(first.value);
    // the first copy given away (transferred to another thread) leaves the cached one whole
    structuredClone(first.value, { transfer: [first.value] });
    const third = await httpGet(url, { as: 'bytes', cache: true });
    expect(third.ok && [...new Uint8Array(third.value)]).toEqual([1, 2, 3, 250]);
    // without `cache`, asked again
    await httpGet(url, { as: 'bytes' });
    expect(stub.hits.length).toBe(before + 2);
  });
});

describe('failures, as codes', () => {
  it('HTTP 404: the status and the server’s words', async () => {
    const r = await httpGet(`${stub.url}/missing`, { as: 'bytes' });
    expect(r.ok ? 'ok' : r.error).toEqual({ code: 'http.status', detail: { url: `${stub.url}/missing`, host: host(), status: 404, body: 'no such tile' } });
    if (!r.ok) expect(formatError(r.error)).toBe(`Le serveur ${host()} a répondu par une erreur (HTTP 404)\u00a0: «\u00a0no such tile\u00a0».`);
  });

  it('HTTP 429: rate-limited, with the wait the server asks', async () => {
    const r = await httpGet(`${stub.url}/busy`, { as: 'json' });
    expect(r.ok ? 'ok' : r.error).toEqual({ code: 'http.rate-limited', detail: { url: `${stub.url}/busy`, host: host(), status: 429, retry_after_s: 30 } });
    if (!r.ok) expect(formatError(r.error, 'en')).toBe(`The server ${host()} limits the number of requests (HTTP 429): try again later (in 30 s).`);
  });

  it('a server that never answers, or stalls mid-body: a timeout', async () => {
    const never = await httpGet(`${stub.url}/never`, { as: 'json', timeoutMs: 150 });
    expect(never.ok ? 'ok' : never.error).toEqual({ code: 'http.timeout', detail: { url: `${stub.url}/never`, host: host(), timeout_s: 0.2 } });
    const stall = await httpGet(`${stub.url}/stall-body`, { as: 'json', timeoutMs: 150 });
    expect(stall.ok ? 'ok' : stall.error.code).toBe('http.timeout');
  });

  it('the caller’s signal: aborted, before or during the exchange', async () => {
    const early = new AbortController();
    early.abort();
    const before = stub.hits.length;
    const r1 = await httpGet(`${stub.url}/json`, { as: 'json', signal: early.signal });
    expect(r1.ok ? 'ok' : r1.error.code).toBe('http.aborted');
    expect(stub.hits.length).toBe(before);

    const late = new AbortController();
    const pending = httpGet(`${stub.url}/never`, { as: 'json', signal: late.signal });
    await waitFor(() => stub.hits.at(-1) === '/never');
    late.abort();
    const r2 = await pending;
    expect(r2.ok ? 'ok' : r2.error.code).toBe('http.aborted');
  });

  it('an answer cut short: truncated; an answer that is not the JSON asked for: bad answer', async () => {
    const cut = await httpGet(`${stub.url}/truncated`, { as: 'bytes' });
    expect(cut.ok ? 'ok' : cut.error).toEqual({ code: 'http.truncated', detail: { url: `${stub.url}/truncated`, host: host() } });
    const html = await httpGet(`${stub.url}/not-json`, { as: 'json' });
    expect(html.ok ? 'ok' : html.error).toEqual({ code: 'http.bad-answer', detail: { url: `${stub.url}/not-json`, host: host(), expected: 'JSON' } });
  });

  it('connection refused: offline, told once until a request gets through again', async () => {
    const told: boolean[] = [];
    const off = onConnectivityChange((o) => told.push(o));
    const r = await httpGet(`${refused}/x`, { as: 'json' });
    expect(r.ok ? 'ok' : r.error).toEqual({ code: 'http.offline', detail: { url: `${refused}/x`, host: new URL(refused).host } });
    if (!r.ok) expect(formatError(r.error)).toContain('vous êtes hors ligne');
    await httpGet(`${refused}/y`, { as: 'json' });
    expect(isOffline()).toBe(true);
    expect(told).toEqual([true]);
    await httpGet(`${stub.url}/json`, { as: 'json' });
    expect(isOffline()).toBe(false);
    expect(told).toEqual([true, false]);
    off();
  });

  it('an address that is not a URL', async () => {
    const r = await httpGet('data/network.bin', { as: 'bytes' });
    expect(r.ok ? 'ok' : r.error).toEqual({ code: 'http.bad-url', detail: { url: 'data/network.bin' } });
  });
});

describe('politeness', () => {
  it('one request at a time to an origin when asked; a queued request can be cancelled', async () => {
    // a server of its own: the others' aborted exchanges may still be closing on the shared one
    const stub = await startHttpStub();
    const url = `${stub.url}/hold`;
    const before = stub.hits.length;
    const a = httpGet(url, { as: 'text', maxConcurrent: 1 });
    const b = httpGet(url, { as: 'text', maxConcurrent: 1 });
    const gone = new AbortController();
    const c = httpGet(url, { as: 'text', maxConcurrent: 1, signal: gone.signal });
    await waitFor(() => stub.hits.length === before + 1);
    gone.abort();
    expect(await c).toMatchObject({ ok: false, error: { code: 'http.aborted' } });
    stub.releaseHeld();
    await waitFor(() => stub.hits.length === before + 2);
    stub.releaseHeld();
    expect(await a).toMatchObject({ ok: true, value: 'ok' });
    expect(await b).toMatchObject({ ok: true, value: 'ok' });
    // the cancelled one never reached the server
    expect(stub.hits.length).toBe(before + 2);
    expect(stub.maxInFlight()).toBe(1);
    await stub.close();
  });
});

async function waitFor(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!cond()) throw new Error('condition never met');
}

describe('spacing per server (minIntervalMs: the Géoplateforme altimetry allows 5 requests a second)', () => {
  it('books each request its turn, interval apart, from when the last one may leave', () => {
    const book = new Map<string, number>();
    // three asked at once, 200 ms apart: they leave at 0, 200 and 400
    expect([0, 0, 0].map((t) => reserveTurn(book, 'https://data.geopf.fr', 200, t))).toEqual([0, 200, 400]);
    // one asked at 500 waits for the slot at 600; one asked after the book is clear leaves at once
    expect(reserveTurn(book, 'https://data.geopf.fr', 200, 500)).toBe(100);
    expect(reserveTurn(book, 'https://data.geopf.fr', 200, 2000)).toBe(0);
    // another server has its own turns
    expect(reserveTurn(book, 'http://127.0.0.1:1', 200, 2000)).toBe(0);
  });

  it('sends every request in the order asked, and an abort while waiting its turn sends nothing', async () => {
    const spaced = await startHttpStub();
    try {
      const urls = [1, 2, 3].map((i) => `${spaced.url}/json?n=${i}`);
      const answers = await Promise.all(urls.map((u) => httpGet(u, { as: 'json', minIntervalMs: 60 })));
      expect(answers.every((a) => a.ok)).toBe(true);
      expect(spaced.hits).toEqual(['/json', '/json', '/json']);
      const ctl = new AbortController();
      const first = httpGet(`${spaced.url}/json?n=4`, { as: 'json', minIntervalMs: 60_000 });
      const waiting = httpGet(`${spaced.url}/json?n=5`, { as: 'json', minIntervalMs: 60_000, signal: ctl.signal });
      ctl.abort();
      expect(await waiting).toMatchObject({ ok: false, error: { code: 'http.aborted' } });
      await first;
      expect(spaced.hits).toHaveLength(4);
    } finally {
      await spaced.close();
    }
  });
});
