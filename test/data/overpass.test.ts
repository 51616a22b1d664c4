// `npm run data:build -- --osm` against a local Overpass (test/helpers/overpass-stub.ts, the real
// Lille extract in Overpass's `out geom` JSON): the cells asked one at a time, the cache, the
// failures the server has (timeout, 429, an answer cut, a runtime error in `remark`, offline),
// and the paths built into the embedded network with the other sources.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FeatureCollection, LineString } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNetworkLayer, type NetworkMeta } from '../../data/network';
import { fetchOsmPaths, osmFailureText, PIPELINE_USER_AGENT, readOsmFiles, type FetchOsmOptions } from '../../data/overpass';
import { resolveRawDir } from '../../data/io';
import { EdgeKind } from '../../src/core/graph/graph';
import type { LayerManifest } from '../../src/core/layers';
import { sourceOfKind } from '../../data/steps/network-sources';
import { refusedUrl } from '../helpers/http-stub';
import { lilleWays, overpassJson, startOverpassStub, type OverpassStub } from '../helpers/overpass-stub';

const ROOT = path.join(import.meta.dirname, '../..');
// central Lille, where the extract lies, in four cells
const LILLE: [number, number, number, number] = [3.02, 50.62, 3.09, 50.66];

let stub: OverpassStub;
let tmp: string;
beforeAll(async () => {
  stub = await startOverpassStub();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cavalier-osm-'));
});
afterAll(async () => {
  await stub.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const cacheOf = (name: string) => path.join(tmp, name);
const fetchFrom = (url: string, cache: string, extra: Partial<FetchOsmOptions> = {}) =>
  fetchOsmPaths({ box: LILLE, url, cacheDir: cacheOf(cache), cell_deg: 0.035, timeout_s: 5, ...extra });

describe('fetching the basin’s paths', () => {
  it('asks the cells one at a time, identified, and reads every usable way once', async () => {
    const before = stub.queries.length;
    const lines: string[] = [];
    const r = await fetchFrom(stub.interpreter, 'ok', { progress: (l) => lines.push(l) });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.cells).toBe(4);
    expect(r.value.cached).toBe(0);
    // 1,169 ways of the extract are of the classes kept and open (see test/core/import/overpass.test.ts);
    // those crossing a cell's edge come in two answers and are kept once
    expect(r.value.ways).toBe(1169);
    expect(r.value.timestamp).toBe('2017-02-23T00:00:00Z');
    const asked = stub.queries.slice(before);
    expect(asked).toHaveLength(4);
    expect(stub.maxInFlight()).toBe(1);
    expect(asked.every((q) => q.userAgent === PIPELINE_USER_AGENT && q.contentType === 'application/x-www-form-urlencoded')).toBe(true);
    expect(asked.every((q) => q.query.startsWith('[out:json][timeout:5]'))).toBe(true);
    expect(lines.at(-1)).toMatch(/^ {2}OSM : cellule 4\/4 lue — 1 169 chemins, [\d,]+ Mo$/);
    expect(fs.readdirSync(cacheOf('ok')).filter((f) => f.endsWith('.json'))).toHaveLength(4);
  });

  it('reads a second build from the cache, asking nothing', async () => {
    const before = stub.queries.length;
    const r = await fetchFrom(stub.interpreter, 'ok');
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value).toMatchObject({ cells: 4, cached: 4, ways: 1169 });
    expect(stub.queries.length).toBe(before);
  });

  it('stops on a server that does not answer in time', async () => {
    const r = await fetchFrom(stub.at('timeout'), 'timeout', { timeoutMs: 300 });
    expect(!r.ok && r.error).toMatchObject({ code: 'http.timeout', detail: { cell: 1, cells: 4 } });
    expect(fs.readdirSync(cacheOf('timeout'))).toEqual([]);
  });

  it('says how long to wait on HTTP 429', async () => {
    const r = await fetchFrom(stub.at('busy'), 'busy', { rateLimitRetries: 0 });
    expect(!r.ok && r.error).toMatchObject({ code: 'http.rate-limited', detail: { retry_after_s: 12 } });
    if (!r.ok) expect(osmFailureText(r.error, cacheOf('busy'))).toMatch(/limite le nombre de demandes \(HTTP 429\), réessayez dans 12 s/);
  });

  it('keeps nothing of an answer cut short: the connection dropped, or the JSON ended early', async () => {
    const dropped = await fetchFrom(stub.at('cut'), 'cut');
    expect(!dropped.ok && dropped.error.code).toBe('http.truncated');
    const early = await fetchFrom(stub.at('cut-json'), 'cut-json');
    expect(!early.ok && early.error.code).toBe('overpass.incomplete');
    expect(fs.readdirSync(cacheOf('cut-json'))).toEqual([]);
  });

  it('takes a runtime error in remark for a failure, though the status was 200', async () => {
    const r = await fetchFrom(stub.at('remark'), 'remark');
    expect(!r.ok && r.error).toMatchObject({
      code: 'overpass.runtime-error',
      detail: { remark: 'runtime error: Query timed out in "query" at line 3 after 25 seconds.' },
    });
    expect(fs.readdirSync(cacheOf('remark'))).toEqual([]);
    const html = await fetchFrom(stub.at('html'), 'html');
    expect(!html.ok && html.error.code).toBe('overpass.bad-answer');
  });

  it('says in French what to do when offline', async () => {
    const r = await fetchFrom(`${await refusedUrl()}/api/interpreter`, 'offline');
    expect(!r.ok && r.error.code).toBe('http.offline');
    if (r.ok) return;
    const text = osmFailureText(r.error, cacheOf('offline'));
    expect(text).toMatch(/^Chemins OpenStreetMap non téléchargés \(cellule 1\/4\) : impossible de joindre 127\.0\.0\.1:\d+ : cette machine est hors ligne/);
    expect(text).toContain('« npm run data:build -- --osm » une fois connecté');
    expect(text).toContain('n’a pas été modifié');
    // an address without a host still names something
    expect(osmFailureText({ code: 'http.offline', detail: { host: '' } })).toMatch(/impossible de joindre le service Overpass :/);
  });
});

describe('the paths in the embedded network', () => {
  let out: string;
  let meta: NetworkMeta;
  beforeAll(async () => {
    const r = await fetchFrom(stub.interpreter, 'ok');
    if (!r.ok) throw new Error(r.error.code);
    out = path.join(tmp, 'data');
    fs.mkdirSync(out);
    // the layers the network step reads, as the pipeline left them
    fs.copyFileSync(path.join(ROOT, 'public/data/cavaliers.geojson'), path.join(out, 'cavaliers.geojson'));
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'public/data/layers.json'), 'utf8')) as LayerManifest;
    await buildNetworkLayer(out, manifest, resolveRawDir(), r.value.fc);
    meta = JSON.parse(fs.readFileSync(path.join(out, 'network.json'), 'utf8')) as NetworkMeta;
  }, 120_000);

  it('keeps the OSM paths after the other sources, with their figures', () => {
    expect(meta.sources?.map((s) => s.id)).toEqual(['cavaliers', 'veloroutes', 'osm-routes', 'osm-paths']);
    const osm = meta.sources!.find((s) => s.id === 'osm-paths')!;
    expect(osm.features).toBe(1169);
    // most of the extract is kept; what a footway along its street or a véloroute shares is not taken twice
    expect(osm.kept_m).toBeGreaterThan(0.6 * osm.input_m);
    expect(osm.shared_m).toBeGreaterThan(0);
    expect(osm.kept_m + osm.shared_m).toBeCloseTo(osm.input_m, 3);
  });

  it('writes lines, map features and the network with their source and way type', () => {
    const lines = JSON.parse(fs.readFileSync(path.join(out, 'network-lines.geojson'), 'utf8')) as FeatureCollection<
      LineString,
      { kind: string; source: string }
    >;
    const osm = lines.features.filter((f) => f.properties.source === 'osm-paths');
    expect(new Set(osm.map((f) => f.properties.kind))).toEqual(new Set(['path', 'track', 'cycleway', 'road']));
    const reseau = JSON.parse(fs.readFileSync(path.join(out, 'reseau.geojson'), 'utf8')) as FeatureCollection<LineString, { way: string; source: string }>;
    const tracks = reseau.features.filter((f) => f.properties.way === 'track');
    expect(tracks.length).toBeGreaterThan(0);
    expect(tracks.every((f) => f.properties.source === '© les contributeurs d’OpenStreetMap')).toBe(true);
    expect(sourceOfKind(EdgeKind.road)?.licence).toBe('ODbL 1.0');
    expect(fs.statSync(path.join(out, 'network.bin')).size).toBeGreaterThan(0);
  });
});

describe('a saved Overpass answer instead of the server (--osm-file)', () => {
  const ways = lilleWays();
  const write = (name: string, value: unknown) => {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
    return file;
  };
  /** the same ways as `out body; >; out skel qt;` writes them: node ids on the ways, the nodes after */
  const outBody = () => {
    const geom = overpassJson(ways) as { elements: { type: string; nodes: number[]; geometry: { lat: number; lon: number }[] }[] };
    const nodes = new Map<number, { lat: number; lon: number }>();
    for (const w of geom.elements) w.nodes.forEach((id, i) => nodes.set(id, w.geometry[i]));
    return {
      ...geom,
      elements: [...geom.elements.map(({ geometry: _g, ...w }) => w), ...[...nodes].map(([id, p]) => ({ type: 'node', id, lat: p.lat, lon: p.lon }))],
    };
  };

  it('reads the same usable ways as the cells asked online, in either of the two forms Overpass writes', () => {
    const geom = readOsmFiles([write('geom.json', overpassJson(ways))]);
    const body = readOsmFiles([write('body.json', outBody())]);
    if (!geom.ok || !body.ok) throw new Error('not read');
    // the 1,169 ways the server test keeps (osmPathUsable), from one file
    expect(geom.value.ways).toBe(1169);
    expect(geom.value.timestamp).toBe('2017-02-23T00:00:00Z');
    expect(body.value.fc.features.map((f) => f.geometry)).toEqual(geom.value.fc.features.map((f) => f.geometry));
  });

  it('takes a way found in two overlapping files once', () => {
    const a = write('a.json', overpassJson(ways.slice(0, 800)));
    const b = write('b.json', overpassJson(ways.slice(600)));
    const r = readOsmFiles([a, b]);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.ways).toBe(1169);
    expect(new Set(r.value.fc.features.map((f) => f.id)).size).toBe(1169);
  });

  it('says in French what is wrong with a file, and that public/data/ is untouched', () => {
    const text = (files: string[]) => {
      const r = readOsmFiles(files);
      if (r.ok) throw new Error('read');
      return osmFailureText(r.error);
    };
    const missing = path.join(tmp, 'absent.json');
    expect(text([missing])).toBe(
      `Chemins OpenStreetMap de « ${missing} » non lus : le fichier ne se lit pas (ENOENT). Le réseau de public/data/ n’a pas été modifié.`,
    );
    expect(text([write('gpx.json', '<gpx version="1.1"></gpx>')])).toMatch(/non lus : ce n’est pas une réponse Overpass au format JSON/);
    expect(text([write('cut.json', JSON.stringify(overpassJson(ways)).slice(0, 5000))])).toMatch(/non lus : ce n’est pas une réponse Overpass/);
    const buildings = overpassJson([
      {
        id: 1,
        tags: { building: 'yes' },
        coords: [
          [3.05, 50.63],
          [3.051, 50.63],
          [3.051, 50.631],
          [3.05, 50.63],
        ],
      },
    ]);
    expect(text([write('buildings.json', buildings)])).toMatch(/non lus : il ne contient aucun chemin, piste ou petite route utilisable\./);
  });
});
