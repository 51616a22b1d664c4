// The engine's relief: a user DEM over part of a route with the relief approché behind it, the
// online altimetry asked in the background (a local stub in the service's format), the terrils,
// and the GPX metadata saying where the elevations came from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FeatureCollection } from 'geojson';
import { clearHttpCache } from '../../src/adapters/http';
import type { DemGrid, Position } from '../../src/core/types';
import { createEngine } from '../../workers/engine';
import { startHttpStub, type HttpStub } from '../helpers/http-stub';

const grid = (name: string, west: number, east: number, value: number, approximate: boolean): DemGrid => ({
  name,
  approximate,
  west,
  south: 50.42,
  east,
  north: 50.44,
  width: 2,
  height: 2,
  values: new Float32Array(4).fill(value),
  nodata: -9999,
});

const line: Position[][] = [
  [
    [2.8, 50.43],
    [2.82, 50.43],
  ],
];

let stub: HttpStub;
let asked = 0;
beforeAll(async () => {
  clearHttpCache();
  stub = await startHttpStub({
    '/alti/elevationLine.json': (q: IncomingMessage, res: ServerResponse, body: string) => {
      asked++;
      const p = q.method === 'POST' ? JSON.parse(body) : Object.fromEntries(new URL(q.url ?? '/', 'http://s').searchParams);
      // the service's no-data east of 2.815 E
      const z = String(p.lon)
        .split('|')
        .map((lon) => (Number(lon) > 2.815 ? -99999 : 55));
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ elevations: z }));
    },
  });
});
afterAll(() => stub.close());

/** resolves at the next relief epoch the engine publishes */
function nextRelief(engine: ReturnType<typeof createEngine>): Promise<void> {
  const start = engine.epochs().relief;
  return new Promise((resolve) => {
    engine.watchEpochs((e) => {
      if (e.relief > start) resolve();
    });
  });
}

describe('engine relief', () => {
  it('a user DEM over half the route: half DEM, half relief approché, in the stats and the GPX metadata', () => {
    const engine = createEngine();
    engine.loadDem(grid('Relief approché', 2.7, 2.9, 30, true));
    engine.restoreDem(grid('mnt.asc', 2.79, 2.81, 100, false));
    const stats = engine.analyseTrack(line);
    expect(stats.elevationSources.map((s) => s.source)).toEqual(['dem', 'approximation']);
    expect(stats.elevationSources[0].share).toBeCloseTo(0.5, 1);
    expect(stats.profile!.max).toBe(100);
    expect(stats.profile!.min).toBeCloseTo(30, 6);
    const gpx = engine.writeGpx({ name: 'demi', segments: line });
    // the exported points take the DEM (2.80) and the relief approché (2.82)
    expect(gpx.text).toContain('<ele>100.0</ele>');
    expect(gpx.text).toContain('<ele>30.0</ele>');
    expect(gpx.text).toMatch(/<desc>Altitudes\u00a0: 51\u00a0% MNT «\u00a0mnt\.asc\u00a0», 49\u00a0% relief approché «\u00a0Relief approché\u00a0»<\/desc>/);
  });

  it('the online altimetry comes first when on: asked once in the background, then used, the relief approché where it has no data', async () => {
    const engine = createEngine();
    engine.loadDem(grid('Relief approché', 2.7, 2.9, 30, true));
    engine.setOnlineRelief({ url: `${stub.url}/alti/elevationLine.json` });
    const arrived = nextRelief(engine);
    const before = engine.analyseTrack(line);
    expect(before.elevationSources.map((s) => s.source)).toEqual(['approximation']);
    await arrived;
    const after = engine.analyseTrack(line);
    const shares = Object.fromEntries(after.elevationSources.map((s) => [s.source, s.share]));
    expect(shares.online).toBeCloseTo(0.75, 1);
    expect(shares.approximation).toBeCloseTo(0.25, 1);
    expect(after.profile!.max).toBe(55);
    // every point is known now, none of them no-data included: nothing more is asked
    const n = asked;
    engine.analyseTrack(line);
    expect(asked).toBe(n);
    expect(engine.onlineRelief()).toMatchObject({ on: true, problem: null });
    // switched off: the relief epoch moves (the figures shown change) and the relief approché answers again
    const epoch = engine.epochs().relief;
    engine.setOnlineRelief(null);
    expect(engine.epochs().relief).toBe(epoch + 1);
    expect(engine.analyseTrack(line).elevationSources.map((s) => s.source)).toEqual(['approximation']);
  });

  it('offline, the relief approché stays and the failure is told once, not per edit', async () => {
    const engine = createEngine();
    engine.loadDem(grid('Relief approché', 2.7, 2.9, 30, true));
    engine.setOnlineRelief({ url: 'http://127.0.0.1:9/alti/elevationLine.json' });
    const failed = nextRelief(engine).catch(() => {});
    engine.analyseTrack(line);
    // the failure moves no epoch: wait for the engine to be idle again through its state
    for (let i = 0; i < 100 && engine.onlineRelief().problem === null; i++) await new Promise((r) => setTimeout(r, 20));
    expect(engine.onlineRelief().problem?.code).toBe('http.offline');
    expect(engine.analyseTrack(line).elevationSources.map((s) => s.source)).toEqual(['approximation']);
    void failed;
  });

  it('over a terril the relief approché is said to miss the climb', () => {
    const engine = createEngine();
    engine.loadDem(grid('Relief approché', 2.7, 2.9, 30, true));
    const terril: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 'T074', name: '11/19', forme: 'Conique' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [2.805, 50.428],
                [2.81, 50.428],
                [2.81, 50.432],
                [2.805, 50.432],
                [2.805, 50.428],
              ],
            ],
          },
        },
      ],
    };
    const epoch = engine.epochs().relief;
    expect(engine.loadTerrils(terril)).toBe(1);
    // the figures already shown may now carry the warning
    expect(engine.epochs().relief).toBe(epoch + 1);
    const stats = engine.analyseTrack(line);
    expect(stats.ascentLowerBound).toBe(true);
    expect(stats.warnings).toContainEqual({ code: 'relief.terril-missing', detail: expect.objectContaining({ terrils: 'T074 · 11/19', count: 1 }) });
  });
});
