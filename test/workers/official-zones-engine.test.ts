// « Charger les zones protégées officielles » through the engine, as the worker runs it, against a
// local GeoServer-like WFS (test/helpers/wfs-stub.ts) standing for the Géoplateforme and
// Géo2France: the layers with zones around the route kept as sensitive layers, marked official
// with their kind, reviewed with their identity (metres inside checked against GeographicLib);
// the regional layers whose names the server does not know reported on their own; asked again,
// the layers replace themselves; offline, one failure and nothing changes.
import type { Feature } from 'geojson';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clearHttpCache } from '../../src/adapters/http';
import { OFFICIAL_ZONE_SOURCES } from '../../src/core/review/official-zones';
import { formatError } from '../../src/i18n/messages';
import { createEngine } from '../../workers/engine';
import type { OfficialZonesRequest } from '../../workers/protocol';
import { refusedUrl } from '../helpers/http-stub';
import { karney } from '../helpers/karney';
import { startWfsStub, type WfsStub } from '../helpers/wfs-stub';

// a straight route along the parallel 50.4° N, and two official zones across it
const ROUTE: [number, number][] = [
  [3.0, 50.4],
  [3.2, 50.4],
];
const rect = (w: number, s: number, e: number, n: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});
const SIC: Feature = {
  type: 'Feature',
  geometry: rect(3.049, 50.39, 3.101, 50.41),
  properties: { id_mnhn: 'FR3100504', nom_site: 'Pelouses métallicoles de la plaine de la Scarpe', date_maj: '2021-03-04' },
};
const ZNIEFF: Feature = {
  type: 'Feature',
  geometry: rect(3.15, 50.395, 3.17, 50.405),
  properties: { id_mnhn: '310013698', nom_site: 'Terril de Germignies', date_maj: '2019-11-20' },
};
// far from the route: the server leaves it out of the box
const FAR: Feature = { type: 'Feature', geometry: rect(4.5, 49.0, 4.6, 49.1), properties: { id_mnhn: 'FR2100999', nom_site: 'Loin' } };

let stub: WfsStub;
beforeAll(async () => {
  stub = await startWfsStub({
    'patrinat_sic:sic': { features: [SIC, FAR] },
    'patrinat_zps:zps': { features: [] },
    'patrinat_znieff1:znieff1': { features: [ZNIEFF] },
    'patrinat_znieff2:znieff2': { features: [] },
    'patrinat_apb:apb': { features: [] },
    'patrinat_rnn:rnn': { features: [] },
    'patrinat_rnr:rnr': { features: [] },
    'patrinat_sc:sc': { features: [] },
    // the SRCE layers are not served: their names are refused, as a server that does not know them would
  });
});
afterAll(() => stub.close());
beforeEach(() => clearHttpCache());

const names = Object.fromEntries(OFFICIAL_ZONE_SOURCES.map((s) => [s.id, `Couche ${s.id}`]));
const ask = (over: Partial<OfficialZonesRequest> = {}): OfficialZonesRequest => ({
  route: { segments: [ROUTE] },
  names,
  endpoints: { geoplateforme: `${stub.url}/wfs/ows`, geo2france: `${stub.url}/geoserver/ows` },
  timeoutMs: 3000,
  ...over,
});

describe('official zones through the engine', () => {
  it('keeps the layers with zones as official sensitive layers, reviewed with their identity', async () => {
    const engine = createEngine();
    stub.asked.length = 0;
    const r = await engine.loadOfficialZones(ask());
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    // one request per layer, one layer per request (the Géoplateforme takes two at most), over the route's box
    expect(stub.asked.map((p) => p.get('TYPENAMES')).sort()).toEqual(OFFICIAL_ZONE_SOURCES.map((s) => s.typeName).sort());
    expect(r.value.added.map((a) => a.layer.id)).toEqual(['official-n2000-sic', 'official-znieff1']);
    const sic = r.value.added[0].layer;
    expect([sic.name, sic.role, sic.featureCount, sic.fileName]).toEqual([
      'Couche n2000-sic',
      'sensitive',
      1,
      `${new URL(stub.url).host} · patrinat_sic:sic · 2026-12-03`,
    ]);
    expect(sic.official).toEqual({
      kind: 'protections',
      source: 'n2000-sic',
      typeName: 'patrinat_sic:sic',
      host: new URL(stub.url).host,
      fetched: '2026-12-03',
      replaces: ['protections'],
    });
    // the layer engine hands the review the mark with the layer
    expect(engine.getSensitiveLayers().map((l) => [l.id, l.official?.kind])).toEqual([
      ['official-n2000-sic', 'protections'],
      ['official-znieff1', 'protections'],
    ]);
    // the SRCE layers: refused by name, each said on its own; the empty ones: no layer
    const bySource = Object.fromEntries(r.value.sources.map((s) => [s.id, s]));
    expect(bySource['tvb-reservoirs'].error?.code).toBe('wfs.exception');
    expect(formatError(bySource['tvb-corridors'].error!, 'fr')).toContain('a refusé la couche');
    expect([bySource['n2000-zps'].count, bySource['n2000-zps'].error, bySource['n2000-zps'].layerId]).toEqual([0, undefined, undefined]);

    const review = engine.review([ROUTE], { buffer_m: 500 }).review;
    const got = review.crossings.filter((c) => c.layer.startsWith('official-')).map((c) => ({ id: c.id, zone: c.zone, kind: c.kind, m: c.length_m }));
    expect(got.map((c) => [c.id, c.zone, c.kind])).toEqual([
      ['FR3100504', 'Pelouses métallicoles de la plaine de la Scarpe', 'Natura 2000 SIC/ZSC'],
      ['310013698', 'Terril de Germignies', 'ZNIEFF I'],
    ]);
    // metres inside: along the parallel between the zone's sides, by GeographicLib (the route's great circle is 5 m off the parallel at most)
    expect(Math.abs(got[0].m - karney(3.049, 50.4, 3.101, 50.4))).toBeLessThan(1);
    expect(Math.abs(got[1].m - karney(3.15, 50.4, 3.17, 50.4))).toBeLessThan(1);
  });

  it('asked again, replaces its layers instead of adding copies', async () => {
    const engine = createEngine();
    await engine.loadOfficialZones(ask());
    const again = await engine.loadOfficialZones(ask());
    expect(again.ok).toBe(true);
    expect(engine.listLayers().map((l) => l.id)).toEqual(['official-n2000-sic', 'official-znieff1']);
  });

  it('offline: one failure, the network’s, and nothing changes', async () => {
    const engine = createEngine();
    const before = engine.epochs();
    const down = await refusedUrl();
    const r = await engine.loadOfficialZones(ask({ endpoints: { geoplateforme: `${down}/wfs/ows`, geo2france: `${down}/geoserver/ows` } }));
    if (r.ok) throw new Error('loaded');
    expect(r.error.code).toBe('http.offline');
    expect(formatError(r.error, 'fr')).toMatch(/^Impossible de joindre 127\.0\.0\.1:\d+\u00a0: vous êtes hors ligne/);
    expect(engine.listLayers()).toEqual([]);
    const after = engine.epochs();
    expect([after.layers, after.zones]).toEqual([before.layers, before.zones]);
  });

  it('without a route, asks nothing', async () => {
    const engine = createEngine();
    const n = stub.asked.length;
    const r = await engine.loadOfficialZones(ask({ route: { segments: [] } }));
    expect(r.ok ? null : r.error.code).toBe('wfs.no-route');
    expect(stub.asked.length).toBe(n);
  });
});
