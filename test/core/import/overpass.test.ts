// The Overpass query, the check of its answers and the choice of ways (src/core/import/overpass.ts),
// on answers written as the server writes them (test/helpers/overpass-stub.ts: the real Lille extract).
import { describe, expect, it } from 'vitest';
import { featuresFromOverpass } from '../../../src/core/import/osm-json';
import {
  bboxArea_km2,
  checkOverpassArea,
  OSM_PATH_HIGHWAYS,
  osmPathUsable,
  overpassCells,
  overpassPathsQuery,
  overpassRequestBody,
  readOverpassAnswer,
  usablePathElements,
} from '../../../src/core/import/overpass';
import { lilleWays, overpassJson, parseQuery } from '../../helpers/overpass-stub';

describe('the query', () => {
  const q = overpassPathsQuery([2.7, 50.4, 2.9, 50.5], { timeout_s: 60, maxsize_bytes: 64 * 1024 * 1024 });
  it('asks JSON with the server-side timeout and memory bound, and names the app', () => {
    expect(q.split('\n')[0]).toBe('[out:json][timeout:60][maxsize:67108864];');
    expect(q).toMatch(/^\/\/ Cavalier/m);
    expect(q.trim().endsWith('out geom qt;')).toBe(true);
  });
  it('gives the box south, west, north, east and every class chosen', () => {
    expect(parseQuery(q)).toEqual({ bbox: [2.7, 50.4, 2.9, 50.5], highways: [...OSM_PATH_HIGHWAYS], timeout_s: 60 });
    expect(q).toContain('(50.4,2.7,50.5,2.9)');
  });
  it('is sent as the form field data', () => {
    expect(new URLSearchParams(overpassRequestBody(q)).get('data')).toBe(q);
  });
});

describe('the answer', () => {
  it('reads an answer and its date', () => {
    const r = readOverpassAnswer(JSON.stringify(overpassJson([])));
    expect(r).toEqual({ ok: true, value: { elements: [], timestamp: '2017-02-23T00:00:00Z' }, warnings: [] });
  });
  it('refuses a runtime error written in remark, even with elements before it', () => {
    const text = JSON.stringify(overpassJson(lilleWays().slice(0, 3), { remark: 'runtime error: Query run out of memory using about 2048 MB of RAM.' }));
    const r = readOverpassAnswer(text);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toEqual({ code: 'overpass.runtime-error', detail: { remark: 'runtime error: Query run out of memory using about 2048 MB of RAM.' } });
  });
  it('tells an answer cut short from a page that is not Overpass', () => {
    const text = JSON.stringify(overpassJson(lilleWays().slice(0, 20)));
    const cut = readOverpassAnswer(text.slice(0, text.length - 40));
    expect(!cut.ok && cut.error.code).toBe('overpass.incomplete');
    const html = readOverpassAnswer('<html><body>rate_limited</body></html>');
    expect(!html.ok && html.error.code).toBe('overpass.bad-answer');
    const geojson = readOverpassAnswer('{"type":"FeatureCollection","features":[]}');
    expect(!geojson.ok && geojson.error.code).toBe('overpass.bad-answer');
  });
});

describe('the ways kept', () => {
  it('keeps the classes asked, open to the public, not areas nor car park lanes', () => {
    expect(osmPathUsable({ highway: 'path' })).toBe(true);
    expect(osmPathUsable({ highway: 'primary' })).toBe(false);
    expect(osmPathUsable({ highway: 'track', access: 'private' })).toBe(false);
    expect(osmPathUsable({ highway: 'track', access: 'no', horse: 'designated' })).toBe(true);
    expect(osmPathUsable({ highway: 'pedestrian', area: 'yes' })).toBe(false);
    expect(osmPathUsable({ highway: 'service', service: 'parking_aisle' })).toBe(false);
    expect(osmPathUsable({ highway: 'service', service: 'alley' })).toBe(true);
    expect(osmPathUsable(undefined)).toBe(false);
  });

  it('reads the Lille extract: 1,169 of its 1,457 ways (counted from the extract by a separate script)', () => {
    const answer = readOverpassAnswer(JSON.stringify(overpassJson(lilleWays())));
    if (!answer.ok) throw new Error(answer.error.code);
    const seen = new Set<number | string>();
    const usable = usablePathElements(answer.value, seen);
    expect(usable.elements).toHaveLength(1169);
    // a second cell giving the same ways adds none
    expect(usablePathElements(answer.value, seen).elements).toHaveLength(0);
    const { features, skipped } = featuresFromOverpass(usable);
    expect(features).toHaveLength(1169);
    expect(skipped).toEqual([]);
    expect(new Set(features.map((f) => f.properties.highway))).toEqual(new Set(OSM_PATH_HIGHWAYS.filter((h) => h !== 'bridleway')));
  });
});

describe('areas', () => {
  it('measures a box and refuses one too large for the app', () => {
    // 0.1° × 0.1° at 50.45° N: 7.1 km × 11.1 km
    expect(bboxArea_km2([2.8, 50.4, 2.9, 50.5])).toBeCloseTo(78.9, 0);
    expect(checkOverpassArea([2.8, 50.4, 2.9, 50.5]).ok).toBe(true);
    // 0.5° × 0.3° there: 35.5 km × 33.4 km
    const big = checkOverpassArea([2.5, 50.3, 3.0, 50.6]);
    expect(!big.ok && big.error).toEqual({ code: 'overpass.area-too-large', detail: { area_km2: 1185, limit_km2: 100 } });
    expect(!checkOverpassArea([3, 50, 2, 51]).ok && 'refused').toBe('refused');
  });
  it('cuts a box into cells that cover it exactly', () => {
    const cells = overpassCells([2.185, 50.2, 3.728, 50.676], 0.2);
    expect(cells).toHaveLength(8 * 3);
    expect(cells[0][0]).toBe(2.185);
    expect(cells[cells.length - 1][2]).toBe(3.728);
    expect(cells[cells.length - 1][3]).toBe(50.676);
    expect(cells.every((c) => c[2] - c[0] <= 0.2 + 1e-12 && c[3] - c[1] <= 0.2 + 1e-12)).toBe(true);
  });
});
