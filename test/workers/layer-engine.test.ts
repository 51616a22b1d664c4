// The layer engine (workers/layer-engine.ts) called in node through createEngine, as the worker
// runs it: imported layers, their roles, the merge of an OSM export with the embedded network,
// and DEM files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, LineString } from 'geojson';
import { beforeEach, describe, expect, it } from 'vitest';
import { JOIN_TOLERANCE_M } from '../../data/network';
import type { EdgeKindName } from '../../src/core/graph/graph';
import { networkFileLines } from '../../src/core/import/network';
import { importLayer, MAX_LAYER_FILE_CHARS } from '../../src/core/import/layer';
import { MAX_DEM_FILE_BYTES } from '../../src/core/elevation/read-dem';
import { DEM_FILE_LIMIT_BYTES, LAYER_FILE_LIMIT_BYTES } from '../../src/ui/import-limits';
import { createEngine } from '../../workers/engine';
import type { UserLayerRecord } from '../../workers/protocol';
import { karneyLength } from '../helpers/karney';

const ROOT = join(import.meta.dirname, '../..');
const dataDir = join(ROOT, 'public/data');
const fixture = (p: string) => join(ROOT, 'test/fixtures', p);
const bytesOf = (buf: Buffer | string): ArrayBuffer => {
  const b = typeof buf === 'string' ? Buffer.from(buf, 'utf8') : buf;
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};
const fileBytes = (p: string) => bytesOf(readFileSync(p));
type LonLat = [number, number];

const meta = JSON.parse(readFileSync(join(dataDir, 'network.json'), 'utf8')) as { names: string[]; joinTolerance_m: number };
const reseau = JSON.parse(readFileSync(join(dataDir, 'reseau.geojson'), 'utf8')) as FeatureCollection<
  LineString,
  { kind: string; way: EdgeKindName; length_m: number }
>;

function freshEngine() {
  const engine = createEngine();
  engine.loadNetwork(fileBytes(join(dataDir, 'network.bin')), meta.names);
  engine.setEmbeddedNetworkLines(fileBytes(join(dataDir, 'network-lines.geojson')), meta.joinTolerance_m);
  return engine;
}

type Engine = ReturnType<typeof freshEngine>;

function importInto(
  engine: Engine,
  bytes: ArrayBuffer,
  fileName: string,
  role: 'network' | 'sensitive' | 'reference',
  from?: 'EPSG:2154' | 'EPSG:27572' | 'EPSG:4326',
) {
  const opened = engine.openFile(bytes, fileName);
  if (!opened.ok) throw new Error(opened.error.code);
  const preview = engine.previewLayer(opened.value.token, from);
  if (!preview.ok) throw new Error(preview.error.code);
  const added = engine.addLayer(opened.value.token, role);
  if (!added.ok) throw new Error(added.error.code);
  return { preview: preview.value, added: added.value };
}

/**
 * The Overpass fixture lies ~500 m from the nearest cavalier. The test links them as a real
 * export would (a path reaching the cavalier), with a way from node 1001 to the point of the
 * embedded network nearest to it, computed here from network.bin so that nothing derived from the
 * official layers is stored in the fixtures.
 */
function overpassJoinedToCavalier(engine: Engine) {
  const osm = JSON.parse(readFileSync(fixture('import/overpass-loos.json'), 'utf8')) as { elements: Record<string, unknown>[] };
  const n1001 = osm.elements.find((e) => e.type === 'node' && e.id === 1001) as { lon: number; lat: number };
  const junction = engine.snap(n1001.lon, n1001.lat, 2000);
  if (!junction) throw new Error('no cavalier within 2 km of the fixture');
  osm.elements.push(
    { type: 'way', id: 9001, nodes: [9000, 1001], tags: { highway: 'path', name: 'Sentier de liaison' } },
    { type: 'node', id: 9000, lon: junction.lon, lat: junction.lat },
  );
  return { text: JSON.stringify(osm), junction: [junction.lon, junction.lat] as LonLat };
}

describe('layer engine: import', () => {
  let engine: Engine;
  beforeEach(() => {
    engine = freshEngine();
  });

  it('a Lambert-93 GeoJSON lands on the same WGS84 coordinates as the core reads them', () => {
    const text = readFileSync(fixture('import/cavaliers-l93-crs.geojson'), 'utf8');
    const core = importLayer(text, 'cavaliers-l93-crs.geojson');
    if (!core.ok) throw new Error(core.error.code);
    const { preview, added } = importInto(engine, bytesOf(text), 'cavaliers-l93-crs.geojson', 'reference');
    expect(preview.crs).toMatchObject({ crs: 'EPSG:2154', by: 'crs-member' });
    expect(preview.from).toBe('EPSG:2154');
    expect(preview.name).toBe('zt-cavaliers (extrait, Lambert-93)');
    expect(added.fc).toEqual(core.value.fc);
    expect(added.layer).toMatchObject({ role: 'reference', fileName: 'cavaliers-l93-crs.geojson', featureCount: core.value.fc.features.length });
    // a reference layer does not touch the network
    expect(added.network).toBeUndefined();
    expect(engine.listLayers().map((l) => l.id)).toEqual([added.layer.id]);
  });

  it('an unknown projection must be chosen: the same opened file is read again with it', () => {
    // Lambert-93 coordinates under a name Cavalier does not know (ArcGIS's code for Lambert-93)
    const text = readFileSync(fixture('import/cavaliers-l93-crs.geojson'), 'utf8').replace('urn:ogc:def:crs:EPSG::2154', 'ESRI:102110');
    const opened = engine.openFile(new TextEncoder().encode(text).buffer as ArrayBuffer, 'esri.geojson');
    if (!opened.ok) throw new Error(opened.error.code);
    const first = engine.previewLayer(opened.value.token);
    expect(first.ok).toBe(false);
    if (!first.ok) expect(first.error).toEqual({ code: 'crs.unknown', detail: { declared: 'ESRI:102110' } });
    // nothing may be added before a successful preview
    expect(engine.addLayer(opened.value.token, 'reference').ok).toBe(false);
    const second = engine.previewLayer(opened.value.token, 'EPSG:2154');
    expect(second.ok && second.value.from).toBe('EPSG:2154');
    expect(engine.addLayer(opened.value.token, 'reference').ok).toBe(true);
  });

  it('a file written latitude first is refused with the swap proposed, then read with the axes exchanged', () => {
    const opened = engine.openFile(fileBytes(fixture('import/cavaliers-latlon.geojson')), 'cavaliers-latlon.geojson');
    if (!opened.ok) throw new Error(opened.error.code);
    const first = engine.previewLayer(opened.value.token);
    expect(!first.ok && first.error.code).toBe('import.axes-swapped');
    const second = engine.previewLayer(opened.value.token, undefined, undefined, true);
    expect(second.ok && second.value.swapAxes).toBe(true);
    expect(engine.addLayer(opened.value.token, 'reference').ok).toBe(true);
  });

  it('reports progress while converting, and skipped features with their reasons', () => {
    const calls: [string, number, number][] = [];
    const opened = engine.openFile(fileBytes(fixture('import/invalid-geometries.geojson')), 'invalid-geometries.geojson');
    if (!opened.ok) throw new Error(opened.error.code);
    const p = engine.previewLayer(opened.value.token, undefined, (phase, done, total) => calls.push([phase, done, total]));
    if (!p.ok) throw new Error(p.error.code);
    expect(calls[0][0]).toBe('read');
    expect(calls.at(-1)).toEqual(['convert', expect.any(Number), expect.any(Number)]);
    expect(calls.at(-1)![1]).toBe(calls.at(-1)![2]);
    expect(p.value.skippedCount).toBeGreaterThan(0);
    expect(p.value.skipped.length).toBe(p.value.skippedCount);
    expect(p.value.warnings.map((w) => w.code)).toContain('import.skipped');
  });

  it('a broken file fails with a code and leaves the layers as they were', () => {
    const { added } = importInto(engine, fileBytes(fixture('import/cavaliers-l93-crs.geojson')), 'a.geojson', 'reference');
    for (const [text, code] of [
      ['{"type": "FeatureCollection", "features": [', 'file.not-json'],
      ['<gpx><trk>', 'file.not-xml'],
      ['{"type": "Topology"}', 'import.not-geojson'],
    ] as const) {
      const opened = engine.openFile(bytesOf(text), 'casse.geojson');
      if (!opened.ok) throw new Error(opened.error.code);
      const r = engine.previewLayer(opened.value.token);
      expect(r.ok ? 'ok' : r.error.code).toBe(code);
    }
    expect(engine.openFile(new ArrayBuffer(0), 'vide.geojson')).toEqual({ ok: false, error: { code: 'file.empty' } });
    // the page refuses larger files before reading them, with the core's limits
    expect(LAYER_FILE_LIMIT_BYTES).toBe(MAX_LAYER_FILE_CHARS);
    expect(DEM_FILE_LIMIT_BYTES).toBe(MAX_DEM_FILE_BYTES);
    expect(engine.listLayers().map((l) => l.id)).toEqual([added.layer.id]);
  });

  it('keeps sensitive layers for the environmental review, and only those', () => {
    const l93 = fileBytes(fixture('import/cavaliers-l93-crs.geojson'));
    importInto(engine, l93.slice(0), 'ref.geojson', 'reference');
    const sensitive = importInto(engine, fileBytes(fixture('import/mixed-geometries.geojson')), 'zones.geojson', 'sensitive');
    const zones = engine.getSensitiveLayers();
    expect(zones).toHaveLength(1);
    expect(zones[0]).toEqual({ id: sensitive.added.layer.id, name: sensitive.added.layer.name, fc: sensitive.added.fc });
    engine.removeLayer(sensitive.added.layer.id);
    expect(engine.getSensitiveLayers()).toEqual([]);
  });
});

describe('layer engine: an OSM export merged with the embedded network', () => {
  let engine: Engine;
  beforeEach(() => {
    engine = freshEngine();
  });

  it('reads the embedded lines exactly as the pipeline does', () => {
    const fc = JSON.parse(readFileSync(join(dataDir, 'network-lines.geojson'), 'utf8'));
    expect(engine.setEmbeddedNetworkLines(fileBytes(join(dataDir, 'network-lines.geojson')), JOIN_TOLERANCE_M)).toBe(networkFileLines(fc).length);
    expect(meta.joinTolerance_m).toBe(JOIN_TOLERANCE_M);
  });

  it('routes from a cavalier onto the imported paths, with their way types', async () => {
    const { text, junction } = overpassJoinedToCavalier(engine);
    // a cavalier edge that ends at the junction: start from its other end
    const edge = reseau.features
      .filter((f) => f.properties.kind === 'path')
      .find((f) => {
        const c = f.geometry.coordinates;
        return [c[0], c[c.length - 1]].some((p) => karneyLength([p as LonLat, junction]) < 1);
      });
    if (!edge) throw new Error('no cavalier edge at the junction');
    const ec = edge.geometry.coordinates as LonLat[];
    const start = karneyLength([ec[0], junction]) < 1 ? ec[ec.length - 1] : ec[0];
    const end: LonLat = [2.766, 50.447]; // node 1003: end of the track (way 102)
    const request = { from: start, to: end, mode: 'network' as const };

    const [before] = await engine.legs([request]);
    expect(before.fallback).toBeDefined();

    const { added, preview } = importInto(engine, bytesOf(text), 'overpass-loos.json', 'network');
    expect(preview.format).toBe('overpass-json');
    expect(added.network?.merged).toBe(true);
    // motorways are not routable: ways 101, 102, 103, 105 and the link
    expect(added.layer.networkLines).toBe(5);

    const [leg] = await engine.legs([request]);
    expect(leg.fallback).toBeUndefined();
    // the embedded edge at the junction: a cavalier, a véloroute or an OSM route (network-lines.geojson)
    expect(leg.ways[edge.properties.way]).toBeCloseTo(edge.properties.length_m, -1);
    expect(leg.ways.path).toBeGreaterThan(400); // the link and the terril path
    expect(leg.ways.track).toBeGreaterThan(250);
    expect(leg.ways.road ?? 0).toBe(0);
    // the length is the geodesic length of the line followed, which passes the junction and nodes 1001, 1002
    expect(leg.length_m).toBeCloseTo(karneyLength(leg.coords as LonLat[]), 0);
    for (const p of [junction, [2.7679993, 50.4416072], [2.7666439, 50.4443072]] as LonLat[]) {
      expect(Math.min(...leg.coords.map((c) => karneyLength([c as LonLat, p])))).toBeLessThan(0.5);
    }
    // a click on the imported road now snaps to it
    const onRoad = engine.snap(2.7685, 50.44725, 50);
    expect(onRoad).not.toBeNull();
    const [roadLeg] = await engine.legs([{ from: end, to: [2.77, 50.4475], mode: 'network' }]);
    expect(roadLeg.ways.road).toBeGreaterThan(250);

    // removing the layer puts the embedded network back
    const removed = engine.removeLayer(added.layer.id);
    expect(removed.ok && removed.value.network?.merged).toBe(false);
    const [after] = await engine.legs([request]);
    expect(after.fallback).toBeDefined();
  });

  it('restores saved network layers in one rebuild, and refuses a merge without the embedded lines', async () => {
    const { text } = overpassJoinedToCavalier(engine);
    const { added } = importInto(engine, bytesOf(text), 'overpass-loos.json', 'network');
    const record: UserLayerRecord = { ...added.layer, fc: added.fc };

    const restored = freshEngine();
    const r = await restored.restoreLayers([structuredClone(record)]);
    expect(r.ok && r.value.network?.merged).toBe(true);
    const [leg] = await restored.legs([{ from: [2.7679993, 50.4416072], to: [2.766, 50.447], mode: 'network' }]);
    expect(leg.fallback).toBeUndefined();
    expect(leg.length_m).toBeGreaterThan(0);

    const bare = createEngine();
    bare.loadNetwork(fileBytes(join(dataDir, 'network.bin')), meta.names);
    const refused = await bare.restoreLayers([structuredClone(record)]);
    expect(refused.ok ? 'ok' : refused.error.code).toBe('network.empty');
    expect(bare.listLayers()).toEqual([]);
  });

  it('restores from a kept bundle of the merged network: same routes, no rebuild; a bundle of other layers is ignored', async () => {
    const { text } = overpassJoinedToCavalier(engine);
    const { added } = importInto(engine, bytesOf(text), 'overpass-loos.json', 'network');
    const record: UserLayerRecord = { ...added.layer, fc: added.fc };
    const bundle = engine.mergedNetworkBundle();
    expect(bundle).not.toBeNull();
    expect(bundle!.state.joins).toEqual(added.network!.joins);
    const requests = [
      { from: [2.7679993, 50.4416072] as LonLat, to: [2.766, 50.447] as LonLat, mode: 'network' as const },
      { from: [2.77, 50.4475] as LonLat, to: [2.7679993, 50.4416072] as LonLat, mode: 'network' as const },
    ];
    const expected = await engine.legs(requests);

    const fromBundle = freshEngine();
    const r = await fromBundle.restoreLayers([structuredClone(record)], undefined, structuredClone(bundle!));
    expect(r.ok && r.value.network?.prebuilt).toBe(true);
    expect(r.ok && r.value.network?.joins).toEqual(added.network!.joins);
    expect(await fromBundle.legs(requests)).toEqual(expected);
    // and its own bundle is the same network again
    expect(fromBundle.mergedNetworkBundle()!.key).toBe(bundle!.key);

    // a bundle built from another set of layers (here: none of these ids) is not used: rebuilt, same routes
    const other = freshEngine();
    const stale = { ...structuredClone(bundle!), key: bundle!.key.replace(added.layer.id, 'another-layer') };
    const rebuilt = await other.restoreLayers([structuredClone(record)], undefined, stale);
    expect(rebuilt.ok && rebuilt.value.network?.merged).toBe(true);
    expect(rebuilt.ok && rebuilt.value.network?.prebuilt).toBeUndefined();
    expect(await other.legs(requests)).toEqual(expected);

    // no network layer, no bundle
    engine.removeLayer(added.layer.id);
    expect(engine.mergedNetworkBundle()).toBeNull();
  });

  it('shows the joins it made between the imported lines and the cavaliers, not the embedded ones', () => {
    // a path whose end stops 20 m short of the cavalier: the builder bridges it
    const { junction } = overpassJoinedToCavalier(engine);
    const near: LonLat = [junction[0] - 0.00028, junction[1]]; // ~20 m west
    const fc = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { highway: 'footway' }, geometry: { type: 'LineString', coordinates: [[2.7679993, 50.4416072], near] } }],
    };
    const { added } = importInto(engine, bytesOf(JSON.stringify(fc)), 'sentier.geojson', 'network');
    const joins = added.network!.joins.features;
    expect(joins.length).toBeGreaterThanOrEqual(1);
    expect(joins.some((j) => j.geometry.coordinates.some((c) => karneyLength([c as LonLat, near]) < 0.5))).toBe(true);
  });
});

describe('layer engine: DEM files', () => {
  it('loads an ASCII grid in Lambert-93 as the elevation source; a bad file keeps the current one; back to the relief', async () => {
    const engine = createEngine();
    const relief = {
      name: 'Relief approché',
      approximate: true,
      west: 2.7,
      south: 50.4,
      east: 2.9,
      north: 50.5,
      width: 2,
      height: 2,
      values: new Float32Array([50, 60, 70, 80]),
      nodata: -9999,
    };
    engine.loadDem(relief);
    const opened = engine.openFile(fileBytes(fixture('dem/lambert93.asc')), 'lambert93.asc');
    if (!opened.ok) throw new Error(opened.error.code);
    const r = await engine.loadDemFile(opened.value.token);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value).toMatchObject({ name: 'lambert93.asc', approximate: false });
    expect(engine.currentDem()?.name).toBe('lambert93.asc');

    // a WGS84 grid replaces it in turn; a route inside it takes its elevations from it
    const plane = engine.openFile(fileBytes(fixture('dem/plane.asc')), 'plane.asc');
    if (!plane.ok) throw new Error(plane.error.code);
    const p = await engine.loadDemFile(plane.value.token);
    if (!p.ok) throw new Error(p.error.code);
    const stats = engine.analyseTrack([
      [
        [2.83, 50.435],
        [2.84, 50.435],
      ],
    ]);
    expect(stats.elevationSource).toEqual({ kind: 'dem', name: 'plane.asc', approximate: false });
    // the plane rises 5 m per 0.005° eastwards along a parallel: 10 m over the route
    expect(stats.profile!.max - stats.profile!.min).toBeCloseTo(10, 0);

    for (const [text, name] of [
      ['pas une grille', 'x.asc'],
      ['ncols 2\nnrows 1\nxllcorner -5000000\nyllcorner 9000000\ncellsize 25\n1 2\n', 'ailleurs.asc'],
    ]) {
      const bad = engine.openFile(bytesOf(text), name);
      if (!bad.ok) throw new Error(bad.error.code);
      const failed = await engine.loadDemFile(bad.value.token);
      expect(failed.ok).toBe(false);
      expect(engine.currentDem()?.name).toBe('plane.asc');
    }

    expect(engine.restoreApproximateDem()).toMatchObject({ name: 'Relief approché', approximate: true });
    expect(engine.currentDem()?.approximate).toBe(true);
    // already on the relief: nothing changes
    expect(engine.restoreApproximateDem()?.name).toBe('Relief approché');
  });
});
