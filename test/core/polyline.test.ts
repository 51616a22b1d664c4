import { describe, expect, it } from 'vitest';
import { decodePolyline, encodePolyline } from '../../src/core/route/polyline';
import type { LonLat } from '../../src/core/route/model';

// Google's published example (developers.google.com/maps/documentation/utilities/polylinealgorithm):
// points (38.5, -120.2), (40.7, -120.95), (43.252, -126.453) encode to this string.
const GOOGLE: LonLat[] = [
  [-120.2, 38.5],
  [-120.95, 40.7],
  [-126.453, 43.252],
];
const GOOGLE_TEXT = '_p~iF~ps|U_ulLnnqC_mqNvxq`@';

describe('encoded polyline', () => {
  it('gives Google’s reference string for Google’s reference points', () => {
    expect(encodePolyline(GOOGLE)).toBe(GOOGLE_TEXT);
  });

  it('decodes Google’s reference string to Google’s points', () => {
    const back = decodePolyline(GOOGLE_TEXT)!;
    expect(back).toHaveLength(3);
    back.forEach((p, i) => {
      expect(p[0]).toBeCloseTo(GOOGLE[i][0], 9);
      expect(p[1]).toBeCloseTo(GOOGLE[i][1], 9);
    });
  });

  it('encodes single values as the algorithm’s own worked example: −179.9832104 → `~oia@', () => {
    // the page's step-by-step example encodes one value; as a latitude of a first point
    expect(encodePolyline([[0, -179.9832104]]).slice(0, 6)).toBe('`~oia@');
  });

  it('round-trips routes of the basin to the precision asked (1e-6° at precision 6)', () => {
    let seed = 11;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let k = 0; k < 50; k++) {
      const pts: LonLat[] = Array.from({ length: 1 + Math.floor(rand() * 200) }, () => [2.3 + rand() * 1.2, 50.2 + rand() * 0.5]);
      for (const precision of [5, 6]) {
        const back = decodePolyline(encodePolyline(pts, precision), precision)!;
        expect(back).toHaveLength(pts.length);
        back.forEach((p, i) => {
          expect(Math.abs(p[0] - pts[i][0])).toBeLessThanOrEqual(0.5 / 10 ** precision + 1e-12);
          expect(Math.abs(p[1] - pts[i][1])).toBeLessThanOrEqual(0.5 / 10 ** precision + 1e-12);
        });
        // decoding then encoding again gives the same string
        expect(encodePolyline(back, precision)).toBe(encodePolyline(pts, precision));
      }
    }
    // negative and zero deltas, the far corners of the world
    const corners: LonLat[] = [
      [-180, -90],
      [180, 90],
      [0, 0],
      [0, 0],
      [-0.000001, 0.000001],
    ];
    expect(decodePolyline(encodePolyline(corners, 6), 6)).toEqual(corners.map(([x, y]) => [x === 0 ? 0 : x, y]));
  });

  it('refuses what is not a polyline', () => {
    expect(decodePolyline('_p~iF~ps|U_ulLnnqC_mqNvxq')).toBeNull(); // cut in the middle of a value
    expect(decodePolyline('_p~iF')).toBeNull(); // a latitude without its longitude
    expect(decodePolyline('ab cd')).toBeNull(); // a space is below the alphabet
    expect(decodePolyline('')).toEqual([]);
  });
});
