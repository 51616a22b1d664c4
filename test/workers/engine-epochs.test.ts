// The engine owns change (workers/engine.ts): after each call it publishes the epochs that moved,
// and the page derives its keys from them; and it keeps its merged network between sessions
// itself, through a store (IndexedDB in the worker, a stand-in here).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NetworkBundleStore } from '../../src/adapters/network-store';
import { createEngine, type EngineOptions } from '../../workers/engine';
import type { EngineEpochs, MergedNetworkBundle, UserLayerRecord } from '../../workers/protocol';

const ROOT = join(import.meta.dirname, '../..');
const dataDir = join(ROOT, 'public/data');
const bytesOf = (b: Buffer | string): ArrayBuffer => {
  const buf = typeof b === 'string' ? Buffer.from(b, 'utf8') : b;
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
};
const meta = JSON.parse(readFileSync(join(dataDir, 'network.json'), 'utf8')) as { names: string[]; joinTolerance_m: number };

function engineWithNetwork(options?: EngineOptions) {
  const engine = createEngine(options);
  engine.loadNetwork(bytesOf(readFileSync(join(dataDir, 'network.bin'))), meta.names);
  engine.setEmbeddedNetworkLines(bytesOf(readFileSync(join(dataDir, 'cavaliers.geojson'))), meta.joinTolerance_m);
  return engine;
}

/** An OSM path joined to the cavalier nearest to the Overpass fixture (as layer-engine.test.ts builds it). */
function networkLayerText(engine: ReturnType<typeof createEngine>): string {
  const osm = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/import/overpass-loos.json'), 'utf8')) as { elements: Record<string, unknown>[] };
  const n1001 = osm.elements.find((e) => e.type === 'node' && e.id === 1001) as { lon: number; lat: number };
  const j = engine.snap(n1001.lon, n1001.lat, 2000)!;
  osm.elements.push({ type: 'way', id: 9001, nodes: [9000, 1001], tags: { highway: 'path' } }, { type: 'node', id: 9000, lon: j.lon, lat: j.lat });
  return JSON.stringify(osm);
}

function addLayer(engine: ReturnType<typeof createEngine>, text: string, name: string, role: 'network' | 'sensitive') {
  const opened = engine.openFile(bytesOf(text), name);
  if (!opened.ok) throw new Error(opened.error.code);
  if (!engine.previewLayer(opened.value.token).ok) throw new Error('preview');
  const added = engine.addLayer(opened.value.token, role);
  if (!added.ok) throw new Error(added.error.code);
  return added.value;
}

const zone = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: 'Marais' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [2.76, 50.44],
            [2.78, 50.44],
            [2.78, 50.45],
            [2.76, 50.45],
            [2.76, 50.44],
          ],
        ],
      },
    },
  ],
});

/** Lets the engine's deferred work (keeping the network) run. */
const settle = () => new Promise((r) => setTimeout(r, 0));

function memoryStore() {
  let kept: MergedNetworkBundle | null = null;
  const calls: string[] = [];
  const store: NetworkBundleStore = {
    load: async () => {
      calls.push('load');
      return kept && structuredClone(kept);
    },
    save: async (b) => {
      calls.push('save');
      kept = structuredClone(b);
    },
    remove: async () => {
      calls.push('remove');
      kept = null;
    },
  };
  return { store, calls, kept: () => kept };
}

describe('engine epochs', () => {
  it('each change moves its own epoch, and the listener hears of it; a call that changes nothing moves none', async () => {
    const engine = createEngine();
    const heard: EngineEpochs[] = [];
    const first = engine.watchEpochs((e) => heard.push(e));
    expect(first).toMatchObject({ network: 0, routing: 0, relief: 0, zones: 0, layers: 0 });
    expect(first.engine).toMatch(/^[a-z0-9]+$/);
    expect(createEngine().epochs().engine).not.toBe(first.engine);

    engine.loadNetwork(bytesOf(readFileSync(join(dataDir, 'network.bin'))), meta.names);
    await settle();
    expect(heard.at(-1)).toMatchObject({ network: 1, routing: 1, relief: 0 });

    const count = heard.length;
    engine.snap(2.8, 50.43);
    await engine.legs([{ from: [2.8, 50.43], to: [2.81, 50.43], mode: 'straight' }]);
    engine.setProvider({ kind: 'graph' });
    engine.setAvoid({ mode: 'off', factor: 9 });
    await settle();
    expect(heard.length).toBe(count);

    engine.setProvider({ kind: 'brouter', baseUrl: 'http://127.0.0.1:9/brouter', profile: 'trekking' });
    expect(engine.epochs()).toMatchObject({ network: 1, routing: 2 });
    engine.loadDem({
      name: 'test',
      approximate: true,
      west: 2.7,
      south: 50.4,
      east: 2.9,
      north: 50.5,
      width: 2,
      height: 2,
      values: new Float32Array(4),
      nodata: -9999,
    });
    expect(engine.epochs()).toMatchObject({ routing: 2, relief: 1 });
    await settle();
    expect(heard.at(-1)).toEqual(engine.epochs());
  });

  it('zones move the routing epoch only while avoiding them', () => {
    const engine = engineWithNetwork();
    const e0 = engine.epochs();
    const sensitive = addLayer(engine, zone, 'marais.geojson', 'sensitive');
    const e1 = engine.epochs();
    expect(e1.zones).toBeGreaterThan(e0.zones);
    expect(e1.layers).toBe(e0.layers + 1);
    expect(e1.routing).toBe(e0.routing);

    engine.setAvoid({ mode: 'penalise', factor: 5 });
    const e2 = engine.epochs();
    expect(e2.routing).toBe(e1.routing + 1);
    engine.removeLayer(sensitive.layer.id);
    const e3 = engine.epochs();
    expect(e3.zones).toBeGreaterThan(e2.zones);
    expect(e3.routing).toBe(e2.routing + 1);
    expect(e3.layers).toBe(e2.layers + 1);
    // the review's state says the same version
    expect(engine.reviewLayers().zonesVersion).toBe(e3.zones);
  });

  it('a network layer moves the network epoch and is kept by the engine itself: a new engine restores it without a rebuild', async () => {
    const { store, calls, kept } = memoryStore();
    const engine = engineWithNetwork({ networkStore: store });
    const before = engine.epochs();
    const added = addLayer(engine, networkLayerText(engine), 'overpass-loos.json', 'network');
    expect(engine.epochs()).toMatchObject({ network: before.network + 1, routing: before.routing + 1, layers: before.layers + 1 });
    await settle();
    expect(calls).toEqual(['save']);
    expect(kept()?.state.joins).toEqual(added.network!.joins);

    const record: UserLayerRecord = { ...added.layer, fc: added.fc };
    const next = engineWithNetwork({ networkStore: store });
    const r = await next.restoreLayers([structuredClone(record)]);
    expect(r.ok && r.value.network).toMatchObject({ merged: true, prebuilt: true });
    await settle();
    // read back, not saved again
    expect(calls).toEqual(['save', 'load']);
    // a node of the fixture to one of its ways' ends: only the merged network joins them
    const request = { from: [2.7679993, 50.4416072] as [number, number], to: [2.766, 50.447] as [number, number], mode: 'network' as const };
    const [leg] = await next.legs([request]);
    expect(leg.fallback).toBeUndefined();
    expect([leg]).toEqual(await engine.legs([request]));

    // the last network layer removed: the kept network goes too
    engine.removeLayer(added.layer.id);
    await settle();
    expect(calls.at(-1)).toBe('remove');
    expect(kept()).toBeNull();
  });
});
