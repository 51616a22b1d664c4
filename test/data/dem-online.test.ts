// `data:build -- --dem-online`: the basin's DEM asked of the altimetry service, here a local
// stub answering in the documented format ({"elevations":[z…]}, −99999 for no data).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchBasinDem } from '../../data/dem-online';
import { sampleDem } from '../../src/core/elevation/dem';
import { startHttpStub, type HttpStub } from '../helpers/http-stub';

let stub: HttpStub;
beforeAll(async () => {
  stub = await startHttpStub({
    '/alti.json': (q: IncomingMessage, res: ServerResponse, body: string) => {
      const p = q.method === 'POST' ? JSON.parse(body) : Object.fromEntries(new URL(q.url ?? '/', 'http://s').searchParams);
      const lons = String(p.lon).split('|').map(Number);
      const lats = String(p.lat).split('|').map(Number);
      // a cone 140 m above a 30 m plain at (2.785, 50.445); no data west of 2.771
      const z = lons.map((lon, i) =>
        lon < 2.771 ? -99999 : Math.round((30 + Math.max(0, 140 - 40000 * Math.hypot(lon - 2.785, lats[i] - 50.445))) * 100) / 100,
      );
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ elevations: z }));
    },
    '/busy.json': (_q, res) => res.writeHead(429).end(),
  });
});
afterAll(() => stub.close());

describe('the basin DEM from the altimetry service', () => {
  it('fills the grid cell by cell, the terril in it, no data where the service has none', async () => {
    const seen: number[] = [];
    const r = await fetchBasinDem({ bbox: [2.77, 50.44, 2.8, 50.45], url: `${stub.url}/alti.json`, onProgress: (d) => seen.push(d) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect([r.grid.width, r.grid.height]).toEqual([30, 10]);
    expect(seen).toEqual([300]);
    expect(r.grid.approximate).toBe(false);
    // the cone is a few cells across: the grid keeps most of its 140 m
    expect(sampleDem(r.grid, 2.785, 50.445)).toBeGreaterThan(130);
    expect(sampleDem(r.grid, 2.799, 50.441)).toBeCloseTo(30, 6);
    expect(sampleDem(r.grid, 2.7705, 50.445)).toBeNull();
  });

  it('offline or refused: a reason in French, no grid', async () => {
    expect(await fetchBasinDem({ bbox: [2.77, 50.44, 2.78, 50.45], url: `${stub.url}/busy.json` })).toEqual({
      ok: false,
      why: 'le service limite les demandes (HTTP 429)',
    });
    const off = await fetchBasinDem({ bbox: [2.77, 50.44, 2.78, 50.45], url: 'http://127.0.0.1:9/alti.json' });
    expect(off).toEqual({ ok: false, why: 'service injoignable (hors ligne ?)' });
  });
});
