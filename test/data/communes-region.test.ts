// The communes of Nord and Pas-de-Calais for the dossier (data/steps/communes-region.ts): the step
// on small features in france-geojson's shape, and the built layer (public/data/communes-npdc.geojson)
// against a route that leaves the basin: Lens to Boulogne-sur-Mer, wholly in Pas-de-Calais, is
// covered end to end (the basin's communes alone leave most of it « à compléter »).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { regionCommunes } from '../../data/steps/communes-region';
import type { AnyFeature } from '../../data/steps/geo';
import { communesCrossed, communeZones } from '../../src/core/review/communes';
import { karneyLength } from '../helpers/karney';

const square = (w: number, s: number): AnyFeature['geometry'] => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [w + 1, s],
      [w + 1, s],
      [w + 1, s + 1],
      [w, s + 1],
      [w, s],
    ],
  ],
});

describe('communes of Nord and Pas-de-Calais', () => {
  it('keeps the name and the INSEE code, once per code, repeated points dropped, sorted by code', () => {
    const f = (code: unknown, nom: unknown, w: number): AnyFeature => ({ type: 'Feature', properties: { code, nom, extra: 1 }, geometry: square(w, 50) });
    const out = regionCommunes([
      [f('62498', 'Lens', 2), f('59350', 'Lille', 3)],
      [f('62498', 'Lens bis', 4), f('', 'Sans code', 5), f('62001', null, 6)],
    ]);
    expect(out.map((c) => c.properties)).toEqual([
      { name: 'Lille', insee: '59350' },
      { name: 'Lens', insee: '62498' },
    ]);
    // the repeated corner is gone: 5 positions for a square ring
    expect((out[1].geometry as { coordinates: number[][][] }).coordinates[0]).toHaveLength(5);
  });

  const ROOT = join(import.meta.dirname, '../..');
  // built by `npm run data:build` from raw/france-geojson
  const built = join(ROOT, 'public/data/communes-npdc.geojson');
  it('the built layer covers a route out of the basin end to end, the basin’s layer does not', () => {
    const route: [number, number][] = [
      [2.8319, 50.4322], // Lens
      [2.2, 50.6],
      [1.6138, 50.7264], // Boulogne-sur-Mer
    ];
    const length = karneyLength(route);
    const region = communeZones(JSON.parse(readFileSync(built, 'utf8')))!;
    const crossed = communesCrossed(route, region);
    const covered = crossed.reduce((s, c) => s + c.length_m, 0);
    // every metre is in exactly one commune (a partition: no gap, no overlap), to the metre
    expect(Math.abs(covered - length)).toBeLessThan(1);
    expect(crossed.map((c) => c.name)).toEqual(expect.arrayContaining(['Lens', 'Boulogne-sur-Mer']));
    expect(crossed.every((c) => /^(59|62)\d{3}$/.test(c.insee))).toBe(true);
    const basin = communeZones(JSON.parse(readFileSync(join(ROOT, 'public/data/communes.geojson'), 'utf8')))!;
    expect(communesCrossed(route, basin).reduce((s, c) => s + c.length_m, 0)).toBeLessThan(length / 2);
  });
});
