// Golden files, Turf style: each test/fixtures/review/in/NAME.geojson holds a route (features with
// "role": "route") and zones (every other feature), and optionally "review": {buffer_m, corridor_m};
// test/fixtures/review/out/NAME.json is the review and the zone issues, rounded (mm, µ°).
// REGEN=1 rewrites the out files (and only then is a missing one written); read the diff before committing one.
//
// Each fixture is also checked against the second method (./review-reference.ts), so a golden
// file cannot freeze a wrong answer.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { prepareZones, reviewRoute, zonesFromGeoJson } from '../../src/core/review';
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
      const actual = rounded({ review, issues: valid.value.issues });
      // a missing expectation is a failure, never a silent pass: it is written only when asked
      expectGolden('review', name, actual);

      // the second method, zone by zone (zones the validation kept, read as Turf reads them)
      const dense = densify(segments, 0.5);
      for (const f of zoneFeatures) {
        // an INPN layer names its sites in SITENAME (src/core/review/zone-fields.ts)
        const zoneName = String(f.properties?.name ?? f.properties?.nom ?? f.properties?.SITENAME);
        const kept = valid.value.zones.find((z) => z.name === zoneName);
        if (!kept) continue;
        // a Polygon as repaired (closed rings, same order), a MultiPolygon as written
        const polygonFeature: Feature<Polygon | MultiPolygon> =
          f.geometry?.type === 'MultiPolygon'
            ? (f as Feature<MultiPolygon>)
            : { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: kept.parts } };
        const inside = kept.geometry === 'line' ? inBand(kept.parts, review.corridor_m) : inPolygon(polygonFeature);
        const ref = passesOf(dense, inside);
        const got = review.crossings.find((c) => c.zone === zoneName);
        const tol = (x: number) => Math.max(2, 0.005 * x);
        expect(Math.abs((got?.length_m ?? 0) - ref.inside_m), `${name} / ${zoneName}`).toBeLessThanOrEqual(tol(ref.inside_m));
        expect(got?.passes.length ?? 0, `${name} / ${zoneName} passes`).toBe(ref.passes.length);
        got?.passes.forEach((p, k) => {
          expect(Math.abs(p.from_km * 1000 - ref.passes[k].from_m)).toBeLessThanOrEqual(tol(ref.passes[k].from_m));
          expect(Math.abs(p.to_km * 1000 - ref.passes[k].to_m)).toBeLessThanOrEqual(tol(ref.passes[k].to_m));
        });
      }
    });
  }
});
