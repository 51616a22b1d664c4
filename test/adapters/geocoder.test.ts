// The Géoplateforme geocoder (src/adapters/geocoder.ts) against a local stub answering in the
// service's documented format (a GeoJSON FeatureCollection of Points with label, score, type,
// city, context…), and every way it fails: offline, HTTP 429, an answer that is not the format.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clearHttpCache } from '../../src/adapters/http';
import { GeocoderError, geoplateformeGeocoder, placesFromGeocoder } from '../../src/adapters/geocoder';
import { refusedUrl, startHttpStub, type HttpStub } from '../helpers/http-stub';

/** What /geocodage/search answers for « loos » near Lens (shape of the BAN / Géoplateforme answer). */
const ANSWER = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [2.7847, 50.4583] },
      properties: {
        label: 'Rue de Loos 62300 Lens',
        score: 0.71,
        id: '62498_1234',
        name: 'Rue de Loos',
        postcode: '62300',
        citycode: '62498',
        city: 'Lens',
        context: '62, Pas-de-Calais, Hauts-de-France',
        type: 'street',
        _type: 'address',
      },
    },
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [2.7921, 50.4573] },
      properties: {
        label: 'Loos-en-Gohelle',
        score: 0.93,
        id: '62528',
        name: 'Loos-en-Gohelle',
        postcode: '62750',
        citycode: '62528',
        city: 'Loos-en-Gohelle',
        context: '62, Pas-de-Calais, Hauts-de-France',
        type: 'municipality',
        _type: 'address',
      },
    },
    // matched by chance: left out
    { type: 'Feature', geometry: { type: 'Point', coordinates: [5.1, 45.2] }, properties: { label: 'Les Loges', score: 0.12, type: 'locality' } },
    // no position: left out
    { type: 'Feature', geometry: null, properties: { label: 'Sans position', score: 0.9 } },
  ],
  query: 'loos',
};

let stub: HttpStub;
const queries: URLSearchParams[] = [];

beforeAll(async () => {
  stub = await startHttpStub({
    '/geocodage/search': (q, res) => {
      const params = new URL(q.url ?? '/', 'http://stub').searchParams;
      queries.push(params);
      const text = params.get('q');
      if (text === 'trop') return void res.writeHead(429, { 'Retry-After': '5' }).end();
      if (text === 'html') return void res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"error":"not a collection"}');
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(ANSWER));
    },
  });
});
afterAll(async () => {
  await stub.close();
});
beforeEach(() => clearHttpCache());

const signal = () => new AbortController().signal;

describe('Géoplateforme geocoder', () => {
  it('asks /geocodage/search with q, limit and the map’s centre, and reads the answer best first', async () => {
    const geocoder = geoplateformeGeocoder({ baseUrl: `${stub.url}/` });
    const places = await geocoder.search('loos', { signal: signal(), limit: 5, near: [2.83123456, 50.43219876] });
    const q = queries.at(-1)!;
    expect(Object.fromEntries(q)).toEqual({ q: 'loos', limit: '5', lat: '50.43220', lon: '2.83123' });
    expect(places).toEqual([
      {
        id: 'geoplateforme:62528',
        kind: 'address',
        name: 'Loos-en-Gohelle',
        context: '62, Pas-de-Calais, Hauts-de-France',
        point: [2.7921, 50.4573],
        // a commune framed ± 0.02° of longitude, 0.0128° of latitude
        bbox: [2.7721, 50.4445, 2.8121, 50.4701],
        layerId: '',
      },
      {
        id: 'geoplateforme:62498_1234',
        kind: 'address',
        name: 'Rue de Loos 62300 Lens',
        point: [2.7847, 50.4583],
        bbox: [2.7807, 50.45574, 2.7887, 50.46086],
        layerId: '',
      },
    ]);
  });

  it('keeps to the limit asked', () => {
    expect(placesFromGeocoder(ANSWER, 1)?.map((p) => p.name)).toEqual(['Loos-en-Gohelle']);
    expect(placesFromGeocoder({ type: 'Feature' }, 5)).toBeNull();
    expect(placesFromGeocoder({ type: 'FeatureCollection', features: [] }, 5)).toEqual([]);
  });

  it('rejects with the adapter’s code offline, when rate-limited, or on an answer in another format', async () => {
    const offline = geoplateformeGeocoder({ baseUrl: await refusedUrl() });
    await expect(offline.search('loos', { signal: signal(), limit: 5 })).rejects.toEqual(new GeocoderError('http.offline'));
    const geocoder = geoplateformeGeocoder({ baseUrl: stub.url });
    await expect(geocoder.search('trop', { signal: signal(), limit: 5 })).rejects.toMatchObject({ code: 'http.rate-limited' });
    await expect(geocoder.search('html', { signal: signal(), limit: 5 })).rejects.toMatchObject({ code: 'http.bad-answer' });
  });

  it('honours the abort of a newer query', async () => {
    const geocoder = geoplateformeGeocoder({ baseUrl: stub.url });
    const c = new AbortController();
    c.abort();
    await expect(geocoder.search('loos', { signal: c.signal, limit: 5 })).rejects.toMatchObject({ code: 'http.aborted' });
  });
});
