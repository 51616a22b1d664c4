// Reading the places of the embedded layers: every layer fetched, one that fails is named and
// the others still give their places.
import { describe, expect, it } from 'vitest';
import { readPlaces } from '../../workers/place-engine';

const fc = (features: unknown[]) => ({ type: 'FeatureCollection', features });

describe('readPlaces', () => {
  it('reads every layer and names the ones it could not read', async () => {
    const answers: Record<string, () => Response> = {
      'http://x/communes.geojson': () =>
        Response.json(
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
      'http://x/terrils.geojson': () => new Response('not found', { status: 404 }),
      'http://x/puits.geojson': () => new Response('{"type":"Feat', { status: 200 }),
    };
    const fetcher = (async (url: string) => answers[url]()) as unknown as typeof fetch;
    const r = await readPlaces(
      [
        { id: 'communes', kind: 'commune', url: 'http://x/communes.geojson' },
        { id: 'terrils', kind: 'terril', url: 'http://x/terrils.geojson' },
        { id: 'puits', kind: 'puits', url: 'http://x/puits.geojson' },
      ],
      fetcher,
    );
    expect(r.places.map((p) => [p.id, p.name, p.population])).toEqual([['communes:62498', 'Lens', 31415]]);
    expect(r.failed).toEqual(['terrils', 'puits']);
  });
});
