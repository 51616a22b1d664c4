// Golden files, Turf style: each test/fixtures/review/in/NAME.geojson holds a route (features with
// "role": "route") and zones (every other feature), and optionally "review": {buffer_m, corridor_m};
// test/fixtures/review/out/NAME.json is the review and the zone issues, rounded (mm, µ°). A
// fixture with "event": {load, settings} also holds the season review (src/core/review/season.ts):
// exposure on the union of the zones, per layer, and per zone.
// REGEN=1 rewrites the out files (and only then is a missing one written); read the diff before committing one.
//
// Each fixture is also checked against the second method (./review-reference.ts), so a golden
// file cannot freeze a wrong answer.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { prepareZones, reviewRoute, seasonOverDays, zonesFromGeoJson, type SeasonLoad, type SeasonSettings } from '../../src/core/review';
import type { Position } from '../../src/core/types';
import { expectGolden, rounded } from '../helpers/golden';
import { densify, inBand, inPolygon, passesOf } from './review-reference';

const dir = join(import.meta.dirname, '../fixtures/review');
const names = readdirSync(join(dir, 'in'))
  .filter((f) => f.endsWith('.geojson'))
  .map((f) => f.replace(/\.geojson$/, ''));

function load(name: string) {
  const fc = JSON.parse(readFileSync(join(dir, 'in', `${name}.geojson`), 'utf8')) as FeatureCollection & {
    review?: { buffer_m?: number; corridor_m?: number };
    event?: { load: SeasonLoad; settings?: SeasonSettings };
  };
  const routeFeatures = fc.features.filter((f) => f.properties?.role === 'route') as Feature<LineString | MultiLineString>[];
  const segments: Position[][] = routeFeatures.flatMap((f) =>
    f.geometry.type === 'LineString' ? [f.geometry.coordinates as Position[]] : (f.geometry.coordinates as Position[][]),
  );
  const zoneFeatures = fc.features.filter((f) => f.properties?.role !== 'route');
  return { fc, segments, zoneFeatures };
}

describe('review golden files', () => {
  it('finds the fixtures', () => expect(names.length).toBeGreaterThanOrEqual(10));

  for (const name of names) {
    it(name, () => {
      const { fc, segments, zoneFeatures } = load(name);
      const valid = zonesFromGeoJson({ ...fc, features: zoneFeatures }, { file: `${name}.geojson`, layer: name, kind: name });
      expect(valid.ok).toBe(true);
      if (!valid.ok) return;
      const review = reviewRoute(segments, prepareZones(valid.value.zones), fc.review ?? {});
      const season = fc.event ? seasonOverDays(review, fc.event.load, fc.event.settings) : null;
      const actual = rounded({ review, issues: valid.value.issues, ...(season ? { season } : {}) });
      // a missing expectation is a failure, never a silent pass: it is written only when asked
      expectGolden('review', name, actual);

      // the second method, zone by zone (zones the validation kept, read as Turf reads them); the
      // pieces of a corridor (line zones sharing a name) are one band, the union of theirs
      const dense = densify(segments, 0.5);
      const tol = (x: number) => Math.max(2, 0.005 * x);
      const insideOf = new Map<string, (lon: number, lat: number) => boolean>();
      for (const f of zoneFeatures) {
        // an INPN layer names its sites in SITENAME (src/core/review/zone-fields.ts)
        const zoneName = String(f.properties?.name ?? f.properties?.nom ?? f.properties?.SITENAME);
        const kept = valid.value.zones.find((z) => z.name === zoneName);
        if (!kept || insideOf.has(zoneName)) continue;
        // a Polygon as repaired (closed rings, same order), a MultiPolygon as written
        const polygonFeature: Feature<Polygon | MultiPolygon> =
          f.geometry?.type === 'MultiPolygon'
            ? (f as Feature<MultiPolygon>)
            : { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: kept.parts } };
        const pieces = valid.value.zones.filter((z) => z.name === zoneName && z.geometry === 'line').flatMap((z) => z.parts);
        const inside = kept.geometry === 'line' ? inBand(pieces, review.corridor_m) : inPolygon(polygonFeature);
        insideOf.set(zoneName, inside);
        const ref = passesOf(dense, inside);
        const got = review.crossings.find((c) => c.zone === zoneName);
        expect(Math.abs((got?.length_m ?? 0) - ref.inside_m), `${name} / ${zoneName}`).toBeLessThanOrEqual(tol(ref.inside_m));
        expect(got?.passes.length ?? 0, `${name} / ${zoneName} passes`).toBe(ref.passes.length);
        got?.passes.forEach((p, k) => {
          expect(Math.abs(p.from_km * 1000 - ref.passes[k].from_m)).toBeLessThanOrEqual(tol(ref.passes[k].from_m));
          expect(Math.abs(p.to_km * 1000 - ref.passes[k].to_m)).toBeLessThanOrEqual(tol(ref.passes[k].to_m));
        });
      }
      // a corridor is crossed once, and near at most once, whatever its pieces
      const names = review.crossings.map((c) => c.zone);
      expect(new Set(names).size, `${name}: one crossing per zone name`).toBe(names.length);
      for (const n of review.near) if (n.geometry === 'line') expect(names).not.toContain(n.zone);

      // the exposure, on the union: participants × laps × metres inside at least one zone (the dense steps again)
      if (season?.ok && fc.event) {
        const people = fc.event.load.participants * Math.max(1, fc.event.load.laps ?? 1);
        const inAny = (lon: number, lat: number) => [...insideOf.values()].some((f) => f(lon, lat));
        const union_m = passesOf(dense, inAny).inside_m;
        expect(Math.abs(season.value.exposure_person_km - (people * union_m) / 1000)).toBeLessThanOrEqual((people * tol(union_m)) / 1000);
        const inSeasonNames = season.value.flags.filter((f) => f.in_season).map((f) => f.zone);
        const inSeasonAny = (lon: number, lat: number) => inSeasonNames.some((z) => insideOf.get(z)?.(lon, lat));
        const season_m = passesOf(dense, inSeasonAny).inside_m;
        expect(Math.abs(season.value.in_season_exposure_person_km - (people * season_m) / 1000)).toBeLessThanOrEqual((people * tol(season_m)) / 1000);
        // one layer here: its figure is the union's
        expect(season.value.by_layer.map((l) => l.exposure_person_km)).toEqual([season.value.exposure_person_km]);
      }
    });
  }
});
