// The BRouter routing provider against a local stub that answers in BRouter's format.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brouterUrl, parseBrouterAnswer } from '../../src/core/routing/brouter';
import { createEngine } from '../../workers/engine';
import { karneyLength } from '../helpers/karney';
import { brouterAnswer, startBrouterStub, type BrouterStub } from '../helpers/brouter-stub';

const A: [number, number] = [2.83, 50.43];
const B: [number, number] = [2.85, 50.44];
const DETOUR: [number, number] = [2.86, 50.425];
let stub: BrouterStub;

beforeAll(async () => {
  stub = await startBrouterStub(DETOUR);
});
afterAll(async () => {
  await stub.close();
});

describe('BRouter request and answer', () => {
  it('builds the standard request', () => {
    const url = new URL(
      brouterUrl(A, B, {
        baseUrl: 'http://h/brouter',
        profile: 'trekking',
        nogos: [[2.84, 50.43, 250]],
        polygons: [
          [
            [2.8, 50.4],
            [2.81, 50.4],
            [2.81, 50.41],
          ],
        ],
      }),
    );
    expect(url.searchParams.get('lonlats')).toBe('2.830000,50.430000|2.850000,50.440000');
    expect(url.searchParams.get('profile')).toBe('trekking');
    expect(url.searchParams.get('format')).toBe('geojson');
    expect(url.searchParams.get('nogos')).toBe('2.840000,50.430000,250');
    expect(url.searchParams.get('polygons')).toBe('2.800000,50.400000,2.810000,50.400000,2.810000,50.410000');
  });

  it('reads the geometry and the way types from the messages table', () => {
    const r = parseBrouterAnswer(
      brouterAnswer([
        [...A, 40],
        [...DETOUR, 45],
        [...B, 42],
      ]),
    );
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.coords).toEqual([A, DETOUR, B]);
    expect(r.value.length_m).toBeCloseTo(karneyLength([A, DETOUR, B]), 1);
    // 700 m of track and 300 m of residential in the messages, scaled to the measured length
    expect(r.value.ways.track! / r.value.length_m).toBeCloseTo(0.7, 9);
    expect(r.value.ways.road! / r.value.length_m).toBeCloseTo(0.3, 9);
  });

  it('refuses an answer that is not BRouter GeoJSON', () => {
    expect(parseBrouterAnswer('<html>proxy error</html>')).toMatchObject({ ok: false, error: { code: 'routing.provider-answer' } });
    expect(parseBrouterAnswer('{"type":"FeatureCollection","features":[]}')).toMatchObject({ ok: false });
  });
});

describe('engine with the BRouter provider (local stub server)', () => {
  it('routes network legs through the server, straight legs locally', async () => {
    const engine = createEngine();
    engine.setProvider({ kind: 'brouter', baseUrl: stub.url, profile: 'trekking' });
    const before = stub.requests.length;
    const [viaServer, straight] = await engine.legs([
      { from: A, to: B, mode: 'network' },
      { from: B, to: A, mode: 'straight' },
    ]);
    expect(stub.requests.length).toBe(before + 1);
    expect(stub.requests.at(-1)).toMatchObject({ profile: 'trekking', format: 'geojson', lonlats: [A, B] });
    expect(viaServer.coords).toEqual([A, DETOUR, B]);
    expect(viaServer.fallback).toBeUndefined();
    expect(straight.coords).toEqual([B, A]);
    // with a server, clicks are not snapped to the embedded network (the server snaps to its own)
    expect(engine.snap(2.0, 51.0)).toEqual({ lon: 2.0, lat: 51.0, distance_m: 0 });
  });

  it("turns BRouter's refusal into a flagged straight leg with the server's words", async () => {
    const engine = createEngine();
    engine.setProvider({ kind: 'brouter', baseUrl: stub.url, profile: 'island' });
    const [leg] = await engine.legs([{ from: A, to: B, mode: 'network' }]);
    expect(leg.fallback).toBe('no-path');
    expect(leg.coords).toEqual([A, B]);
    expect(leg.problem).toEqual({ code: 'routing.provider-refused', detail: { status: 400, message: 'target island detected for section 0' } });
  });

  it('says when the server cannot be reached', async () => {
    const engine = createEngine();
    engine.setProvider({ kind: 'brouter', baseUrl: 'http://127.0.0.1:9/brouter', profile: 'trekking' });
    const [leg] = await engine.legs([{ from: A, to: B, mode: 'network' }]);
    expect(leg.fallback).toBe('no-path');
    expect(leg.problem?.code).toBe('routing.provider-unreachable');
  });
});
