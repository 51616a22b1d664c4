// What the map shows of each review row (src/core/review/views.ts), golden files Turf style:
// test/fixtures/review-views/in/NAME.json holds track segments and zones; out/NAME.json the
// views of their review (lines and boxes per pass, per near zone).
//
// Second method: a pass's lines start at its entry and end at its exit, their GeographicLib
// length is the pass's length, and each box holds its lines.
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { prepareZones, reviewRoute, zonesFromGeoJson } from '../../src/core/review';
import { reviewViews } from '../../src/core/review/views';
import type { Position } from '../../src/core/types';
import { expectGolden, goldenNames, readInput, rounded } from '../helpers/golden';
import { karneyLength } from '../helpers/karney';

const MODULE = 'review-views';

describe('review views: golden files', () => {
  const names = goldenNames(MODULE);
  it('finds the fixtures', () => expect(names.length).toBeGreaterThanOrEqual(2));

  for (const name of names) {
    it(name, () => {
      const { segments, zones } = readInput<{ segments: Position[][]; zones: FeatureCollection }>(MODULE, name);
      const read = zonesFromGeoJson(zones, { file: name, layer: name, kind: name });
      if (!read.ok) throw new Error(read.error.code);
      const review = reviewRoute(segments, prepareZones(read.value.zones));
      const views = reviewViews(segments, review);
      expectGolden(MODULE, name, rounded(views));

      const inBox = (lines: [number, number][][], [w, s, e, n]: number[]) => lines.flat().every(([x, y]) => x >= w && x <= e && y >= s && y <= n);
      review.crossings.forEach((c, i) => {
        c.passes.forEach((p, k) => {
          const { lines, bbox } = views.passViews[i][k];
          expect(lines[0][0]).toEqual(p.entry);
          expect(lines.at(-1)?.at(-1)).toEqual(p.exit);
          expect(lines.reduce((s, l) => s + karneyLength(l), 0)).toBeCloseTo(p.length_m, 3);
          expect(inBox(lines, bbox)).toBe(true);
        });
      });
      review.near.forEach((n, i) => {
        expect(views.nearViews[i].lines).toEqual([[n.at, n.nearest]]);
        expect(inBox(views.nearViews[i].lines, views.nearViews[i].bbox)).toBe(true);
      });
    });
  }
});
