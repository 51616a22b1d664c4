// Reading the places of the embedded layers: every layer fetched, one that fails is named and
// the others still give their places.
import { describe, expect, it } from 'vitest';
import { readPlaces } from '../../workers/place-engine';
import { startHttpStub } from '../helpers/http-stub';

const fc = (features: unknown[]) => ({ type: 'FeatureCollection', features });

describe('readPlaces', () => {
  it('reads every layer and names the ones it could not read', async () => {
    const json = (body: unknown) => (_q: unknown, res: import('node:http').ServerResponse) =>
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    const stub = await startHttpStub({
      '/communes.geojson': json(
        fc([
          {
            type: 'Feature',
            properties: { name: 'Lens', insee: '62498', population: 31415 },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [2.8, 50.4],
                  [2.85, 50.4],
                  [2.85, 50.45],
                  [2.8, 50.45],
                  [2.8, 50.4],
                ],
              ],
            },
          },
        ]),
      ),
      '/terrils.geojson': (_q, res) => res.writeHead(404).end('not found'),
      '/puits.geojson': (_q, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"type":"Feat'),
    });
    const r = await readPlaces([
      { id: 'communes', kind: 'commune', url: `${stub.url}/communes.geojson` },
      { id: 'terrils', kind: 'terril', url: `${stub.url}/terrils.geojson` },
      { id: 'puits', kind: 'puits', url: `${stub.url}/puits.geojson` },
    ]);
    await stub.close();
    expect(r.places.map((p) => [p.id, p.name, p.population])).toEqual([['communes:62498', 'Lens', 31415]]);
    expect(r.failed).toEqual(['terrils', 'puits']);
  });
});
