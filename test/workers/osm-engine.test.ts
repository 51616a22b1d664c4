// « Charger les chemins OpenStreetMap de cette zone » through the engine, as the worker runs it,
// against a local Overpass answering in its `out geom` JSON from the real Lille extract
// (test/helpers/overpass-stub.ts): the view's paths merged like an imported network layer, kept
// as a record the page stores and gives back, and the failures (a view too large, timeout, 429,
// an answer cut, a runtime error in remark, offline) changing nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearHttpCache } from '../../src/adapters/http';
import { formatError } from '../../src/i18n/messages';
import { createEngine } from '../../workers/engine';
import type { OsmPathsRequest, UserLayerRecord } from '../../workers/protocol';
import { refusedUrl } from '../helpers/http-stub';
import { startOverpassStub, type OverpassStub } from '../helpers/overpass-stub';

const dataDir = join(import.meta.dirname, '../../public/data');
const bytes = (p: string) => {
  const b = readFileSync(p);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};
const meta = JSON.parse(readFileSync(join(dataDir, 'network.json'), 'utf8')) as { names: string[]; joinTolerance_m: number };

function freshEngine() {
  const engine = createEngine();
  engine.loadNetwork(bytes(join(dataDir, 'network.bin')), meta.names);
  engine.setEmbeddedNetworkLines(bytes(join(dataDir, 'network-lines.geojson')), meta.joinTolerance_m);
  return engine;
}

// the Grand-Place and the streets around it, 2.1 km × 1.9 km
const VIEW: [number, number, number, number] = [3.045, 50.628, 3.075, 50.645];
// a footway of the extract, 15 m from nothing of the embedded network
const RUE = [3.0633, 50.6369] as const;

let stub: OverpassStub;
beforeAll(async () => {
  stub = await startOverpassStub();
});
afterAll(() => stub.close());

const ask = (over: Partial<OsmPathsRequest> = {}): OsmPathsRequest => ({
  bbox: VIEW,
  name: 'Chemins OpenStreetMap',
  url: stub.interpreter,
  timeoutMs: 2000,
  ...over,
});

describe('OSM paths of the view', () => {
  it('are merged with the embedded network as an imported network layer, and come back from their record', async () => {
    clearHttpCache();
    const engine = freshEngine();
    expect(engine.snap(RUE[0], RUE[1], 50)).toBeNull();
    const before = stub.queries.length;
    const r = await engine.loadOsmPaths(ask({ id: 'osm-lille' }));
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(stub.queries.length).toBe(before + 1);
    const q = stub.queries.at(-1)!;
    // a plain form POST: no header a browser would have to ask leave for (CORS preflight)
    expect(q.contentType).toBe('application/x-www-form-urlencoded');
    expect(q.query).toMatch(/^\[out:json\]\[timeout:60\]\[maxsize:134217728\];\n\/\/ Cavalier/);
    expect(q.query).toContain('(50.628,3.045,50.645,3.075)');
    const { layer, network } = r.value;
    expect(layer).toMatchObject({
      id: 'osm-lille',
      role: 'network',
      format: 'overpass-json',
      from: 'EPSG:4326',
      fileName: `${new URL(stub.url).host} · 2017-02-23`,
    });
    expect(layer.featureCount).toBeGreaterThan(500);
    expect(layer.networkLines).toBeGreaterThanOrEqual(layer.featureCount);
    expect(network?.merged).toBe(true);
    const snapped = engine.snap(RUE[0], RUE[1], 50);
    expect(snapped?.distance_m).toBeLessThan(30);
    expect(engine.listLayers().map((l) => l.id)).toEqual(['osm-lille']);

    // the record the page keeps in IndexedDB, into a new engine (a reload)
    const record: UserLayerRecord = { ...layer, fc: r.value.fc };
    const again = freshEngine();
    const restored = await again.restoreLayers([JSON.parse(JSON.stringify(record)) as UserLayerRecord]);
    if (!restored.ok) throw new Error(restored.error.code);
    expect(restored.value.network?.merged).toBe(true);
    expect(again.snap(RUE[0], RUE[1], 50)?.distance_m).toBeCloseTo(snapped!.distance_m, 6);
    expect(stub.queries.length).toBe(before + 1);
  });

  it('refuses a view too large before asking anything, in French', async () => {
    const engine = freshEngine();
    const before = stub.queries.length;
    const r = await engine.loadOsmPaths(ask({ bbox: [2.6, 50.3, 3.2, 50.6] }));
    expect(!r.ok && r.error.code).toBe('overpass.area-too-large');
    if (!r.ok)
      expect(formatError(r.error, 'fr')).toMatch(
        /^La zone affichée est trop grande pour charger les chemins OpenStreetMap \(1 ?\d{3}\u00a0km², limite 100\u00a0km²\)\u00a0: zoomez/,
      );
    expect(stub.queries.length).toBe(before);
  });

  const failures: [string, () => string, string][] = [
    ['a server that does not answer', () => stub.at('timeout'), 'http.timeout'],
    ['HTTP 429', () => stub.at('busy'), 'http.rate-limited'],
    ['a connection dropped mid-answer', () => stub.at('cut'), 'http.truncated'],
    ['JSON cut short', () => stub.at('cut-json'), 'overpass.incomplete'],
    ['a runtime error in remark', () => stub.at('remark'), 'overpass.runtime-error'],
  ];
  for (const [what, url, code] of failures)
    it(`changes nothing on ${what}`, async () => {
      const engine = freshEngine();
      const r = await engine.loadOsmPaths(ask({ url: url(), timeoutMs: 300 }));
      expect(!r.ok && r.error.code).toBe(code);
      expect(engine.listLayers()).toEqual([]);
      expect(engine.snap(RUE[0], RUE[1], 50)).toBeNull();
      if (!r.ok) expect(formatError(r.error, 'fr')).not.toMatch(/\{|\}/);
    });

  it('says so offline, and on an area without paths', async () => {
    const engine = freshEngine();
    const off = await engine.loadOsmPaths(ask({ url: `${await refusedUrl()}/api/interpreter` }));
    expect(!off.ok && off.error.code).toBe('http.offline');
    if (!off.ok) expect(formatError(off.error, 'fr')).toMatch(/hors ligne/);
    const empty = await engine.loadOsmPaths(ask({ bbox: [2.9, 50.4, 2.91, 50.41] }));
    expect(!empty.ok && empty.error.code).toBe('overpass.no-paths');
  });
});
