// The Géoplateforme altimetry client against a local stub that answers as the service documents
// (version 0.32.1, see src/core/elevation/altimetry.ts): {"elevations":[z…]} with zonly=true,
// −99999 where it has no data; and every way it can fail.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fetchElevations } from '../../src/adapters/altimetry';
import { clearHttpCache } from '../../src/adapters/http';
import { ALTIMETRY_MAX_SAMPLES, ALTIMETRY_MAX_URL_CHARS, altimetryRequests, readAltimetryAnswer } from '../../src/core/elevation/altimetry';
import { positionKey } from '../../src/core/elevation/sources';
import { formatError } from '../../src/i18n/messages';
import { startHttpStub, type HttpStub } from '../helpers/http-stub';

const PATH = '/altimetrie/1.0/calcul/alti/rest/elevationLine.json';

/** z = 20 + 1000·(lon − 2.7), the service's no-data east of 2.9 E */
const zAt = (lon: number) => (lon > 2.9 ? -99999 : Math.round((20 + 1000 * (lon - 2.7)) * 100) / 100);

/** the parameters of a GET or of a POST's JSON body */
function params(q: IncomingMessage, body: string): Record<string, string> {
  if (q.method === 'POST') return JSON.parse(body) as Record<string, string>;
  return Object.fromEntries(new URL(q.url ?? '/', 'http://stub').searchParams);
}

function service(mode: { cut?: number } = {}) {
  return (q: IncomingMessage, res: ServerResponse, body: string) => {
    const p = params(q, body);
    const lons = p.lon.split(p.delimiter).map(Number);
    const lats = p.lat.split(p.delimiter).map(Number);
    if (lons.length !== lats.length || Number(p.sampling) !== lons.length || p.resource !== 'ign_rgealti_wld' || p.zonly !== 'true') {
      res.writeHead(400, { 'Content-Type': 'application/json' }).end('{"error":{"code":"BAD_PARAMETER"}}');
      return;
    }
    const z = lons.map(zAt).slice(0, mode.cut ?? lons.length);
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ elevations: z }));
  };
}

let stub: HttpStub;
beforeAll(async () => {
  stub = await startHttpStub({
    [PATH]: service(),
    '/short/elevationLine.json': service({ cut: 2 }),
    '/busy/elevationLine.json': (_q, res) => res.writeHead(429, { 'Retry-After': '2' }).end(),
    '/slow/elevationLine.json': () => {},
    '/cut/elevationLine.json': (_q, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '200' });
      res.write('{"elevations":[31.5,', () => res.socket?.destroy());
    },
    '/odd/elevationLine.json': (_q, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"elevations":"none"}'),
  });
});
afterAll(() => stub.close());
beforeEach(() => clearHttpCache());

const pts: [number, number][] = [
  [2.8, 50.43],
  [2.85, 50.43],
  [2.95, 50.43],
];

describe('the Géoplateforme altimetry client', () => {
  it('asks the points as a line sampled at its own points, and reads each elevation for its point', async () => {
    const r = await fetchElevations(pts, { url: `${stub.url}${PATH}` });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.get(positionKey(2.8, 50.43))).toBe(120);
    expect(r.value.get(positionKey(2.85, 50.43))).toBe(170);
    // −99999: the service has no data there, so no elevation (the next source answers)
    expect(r.value.get(positionKey(2.95, 50.43))).toBeNull();
    const asked = new URL(`${stub.url}${PATH}`).pathname;
    expect(stub.hits.filter((h) => h === asked)).toHaveLength(1);
  });

  it('splits at 5,000 samples, posts what no address can hold, and never sends a one-point line', () => {
    const many = Array.from({ length: ALTIMETRY_MAX_SAMPLES + 1 }, (_, i) => [2.7 + i * 1e-5, 50.43] as [number, number]);
    const reqs = altimetryRequests(many, 'https://data.geopf.fr/x.json');
    expect(reqs.map((r) => r.points.length)).toEqual([ALTIMETRY_MAX_SAMPLES, 2]);
    expect(reqs[0].method).toBe('POST');
    expect(JSON.parse(reqs[0].body!)).toMatchObject({ resource: 'ign_rgealti_wld', delimiter: '|', zonly: 'true', profile_mode: 'simple', sampling: '5000' });
    expect(reqs[1].method).toBe('GET');
    expect(reqs[1].url.length).toBeLessThanOrEqual(ALTIMETRY_MAX_URL_CHARS);
    expect(reqs[1].url).toContain('lon=2.749990|2.750000&lat=50.430000|50.430000&resource=ign_rgealti_wld&delimiter=|');
    expect(altimetryRequests([[2.8, 50.43]])[0].points).toHaveLength(2);
  });

  it('a long route goes as POST and is read the same', async () => {
    const line = Array.from({ length: 800 }, (_, i) => [2.7 + i * 1e-4, 50.43] as [number, number]);
    const r = await fetchElevations(line, { url: `${stub.url}${PATH}` });
    expect(r.ok && r.value.size).toBe(800);
    expect(r.ok && r.value.get(positionKey(2.7 + 799e-4, 50.43))).toBeCloseTo(99.9, 6);
  });

  it('fails with a code, never an exception: HTTP 429, timeout, a cut connection, a short or odd answer', async () => {
    const busy = await fetchElevations(pts, { url: `${stub.url}/busy/elevationLine.json` });
    expect(busy).toMatchObject({ ok: false, error: { code: 'http.rate-limited', detail: { retry_after_s: 2 } } });
    const slow = await fetchElevations(pts, { url: `${stub.url}/slow/elevationLine.json`, timeoutMs: 150 });
    expect(slow).toMatchObject({ ok: false, error: { code: 'http.timeout' } });
    const cut = await fetchElevations(pts, { url: `${stub.url}/cut/elevationLine.json` });
    expect(cut).toMatchObject({ ok: false, error: { code: 'http.truncated' } });
    const short = await fetchElevations(pts, { url: `${stub.url}/short/elevationLine.json` });
    expect(short).toMatchObject({ ok: false, error: { code: 'altimetry.incomplete', detail: { expected: 3, got: 2 } } });
    if (!short.ok) expect(formatError(short.error, 'fr')).toContain('2 altitudes pour 3 demandées');
    const odd = await fetchElevations(pts, { url: `${stub.url}/odd/elevationLine.json` });
    expect(odd).toMatchObject({ ok: false, error: { code: 'altimetry.bad-answer' } });
  });

  it('reads the extended answer too ({lon, lat, z, acc})', () => {
    expect(
      readAltimetryAnswer(
        {
          elevations: [
            { lon: 2.8, lat: 50.43, z: 41.2, acc: 2.5 },
            { lon: 2.9, lat: 50.43, z: -99999, acc: 0 },
          ],
        },
        2,
      ),
    ).toEqual({
      ok: true,
      elevations: [41.2, null],
    });
  });
});
