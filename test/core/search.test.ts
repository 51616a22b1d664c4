// The place search, Turf style: each test/fixtures/search/in/NAME.json holds layers (manifest id,
// kind, GeoJSON) and queries; test/fixtures/search/out/NAME.json is, per query, the places found
// (id, name, score) best first. REGEN=1 rewrites the out files (and only then is a missing one
// written); read the diff before committing one. Beside the golden files: the folding of text,
// the spellings of terril numbers, and label points checked inside every real commune.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { normalize, refVariants } from '../../src/core/search/normalize';
import { communeMinZoom, interiorPoint, placeKindOfLayer, placesFromLayer } from '../../src/core/search/places';
import { buildSearchIndex, searchPlaces } from '../../src/core/search/search';
import type { Place, PlaceKind } from '../../src/core/search/types';

const dir = join(import.meta.dirname, '../fixtures/search');
const names = readdirSync(join(dir, 'in'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

interface Fixture {
  layers: { id: string; kind: PlaceKind; geojson: FeatureCollection }[];
  queries: string[];
}

const placesOf = (fx: Fixture): Place[] => fx.layers.flatMap((l) => placesFromLayer(l, l.geojson));

describe('search golden files', () => {
  it('finds the fixtures', () => expect(names.length).toBeGreaterThanOrEqual(2));

  for (const name of names) {
    it(name, () => {
      const fx = JSON.parse(readFileSync(join(dir, 'in', `${name}.json`), 'utf8')) as Fixture;
      const index = buildSearchIndex(placesOf(fx));
      const actual = Object.fromEntries(
        fx.queries.map((q) => [q, searchPlaces(index, q, 6).map((h) => ({ id: h.place.id, name: h.place.name, score: h.score }))]),
      );
      const outPath = join(dir, 'out', `${name}.json`);
      if (process.env.REGEN === '1') writeFileSync(outPath, `${JSON.stringify(actual, null, 1)}\n`);
      expect(existsSync(outPath), `${outPath} is missing: run with REGEN=1 and read the diff`).toBe(true);
      expect(actual).toEqual(JSON.parse(readFileSync(outPath, 'utf8')));
    });
  }

  // what the golden files say, in words (so that a regenerated file cannot quietly turn them around)
  it('ranks as an organiser expects', () => {
    const fx = JSON.parse(readFileSync(join(dir, 'in', 'basin.json'), 'utf8')) as Fixture;
    const index = buildSearchIndex(placesOf(fx));
    const first = (q: string) => searchPlaces(index, q, 5)[0]?.place.name;
    expect(first('Loos')).toBe('Loos-en-Gohelle');
    expect(first('LOÖS')).toBe('Loos-en-Gohelle');
    expect(first('lens')).toBe('Lens');
    expect(first('liévin')).toBe('Liévin');
    expect(first('lievin')).toBe('Liévin');
    expect(first('T074')).toBe('11/19 de Lens Est');
    expect(first('74')).toBe('11/19 de Lens Est');
    expect(first('t74a')).toBe('11/19 de Lens Ouest');
    expect(first('pinchon')).toBe('Pinchonvalles');
    expect(first('noeux')).toBe('Nœux-les-Mines');
    expect(first('3 de noeux')).toBe('Loisinord'); // its official name, beside the usual one
    expect(first('fosse 5 loos')).toBe('Fosse 5 — Loos-en-Gohelle');
    // two stretches of one cavalier are one place
    expect(searchPlaces(index, 'voie ferree fosse 11', 5).filter((h) => h.place.kind === 'cavalier')).toHaveLength(1);
    expect(searchPlaces(index, '   ')).toEqual([]);
    expect(searchPlaces(index, 'zzz')).toEqual([]);
    // as good a match: communes before terrils, the bigger commune first
    expect(searchPlaces(index, 'lo', 3).map((h) => h.place.name)).toEqual(['Loos-en-Gohelle', 'Loison-sous-Lens', 'Loisinord']);
  });
});

describe('search text', () => {
  it('folds case, accents, ligatures and punctuation', () => {
    expect(normalize('  Nœux-les-Mines ')).toBe('noeux les mines');
    expect(normalize('ÉLEU-DIT-LEAUWETTE')).toBe('eleu dit leauwette');
    expect(normalize('11/19 de Lens')).toBe('11 19 de lens');
    expect(normalize('ch’Remblai')).toBe('ch remblai');
    expect(normalize('Fosse 1 — Annezin')).toBe('fosse 1 annezin');
  });

  it('spells terril numbers the ways they are typed', () => {
    expect(refVariants('T074a').sort()).toEqual(['074a', '74a', 't074a', 't74a']);
    expect(refVariants('T260').sort()).toEqual(['260', 't260']);
    expect(refVariants('V31').sort()).toEqual(['31', 'v31']);
  });
});

describe('places of the layers', () => {
  it('reads the kind of a manifest layer from its id', () => {
    const e = (id: string, geometry: 'polygon' | 'line' | 'point' = 'polygon') => ({ id, geometry, url: `data/${id}.geojson` });
    expect(placeKindOfLayer(e('communes'))).toBe('commune');
    expect(placeKindOfLayer(e('terrils'))).toBe('terril');
    expect(placeKindOfLayer(e('cavaliers', 'line'))).toBe('cavalier');
    expect(placeKindOfLayer(e('cavaliers-unesco'))).toBeNull(); // the listed footprints, not named lines
    expect(placeKindOfLayer(e('puits', 'point'))).toBe('puits');
    expect(placeKindOfLayer(e('friches', 'point'))).toBe('friche');
    expect(placeKindOfLayer(e('veloroutes', 'line'))).toBe('veloroute');
    expect(placeKindOfLayer(e('reseau', 'line'))).toBeNull();
    expect(placeKindOfLayer({ id: 'friches', geometry: 'polygon', status: 'to-import' })).toBeNull();
  });

  it('puts a label point inside a crescent, where a centroid falls outside', () => {
    // a C open to the east: its centroid is in the hole
    const c = [
      [
        [0, 0],
        [3, 0],
        [3, 1],
        [1, 1],
        [1, 2],
        [3, 2],
        [3, 3],
        [0, 3],
        [0, 0],
      ],
    ];
    const p = interiorPoint(c)!;
    expect(booleanPointInPolygon(p, { type: 'Polygon', coordinates: c })).toBe(true);
  });

  it('labels every real commune inside itself', () => {
    const fc = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/data/communes.geojson'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
    const places = placesFromLayer({ id: 'communes', kind: 'commune' }, fc);
    expect(places).toHaveLength(fc.features.length);
    const outside = places.filter((p, i) => !booleanPointInPolygon(p.point, fc.features[i]));
    expect(outside.map((p) => p.name)).toEqual([]);
    const loos = places.find((p) => p.name === 'Loos-en-Gohelle')!;
    expect(loos.match).toEqual({ key: 'insee', value: '62528' });
    expect(communeMinZoom(loos.population)).toBe(10);
  });
});
