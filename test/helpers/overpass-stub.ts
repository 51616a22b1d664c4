// A local Overpass API for the tests and the benchmark: it answers the interpreter's POST in
// Overpass's own JSON (`[out:json]` … `out geom`), from the real OSM extract of central Lille
// (../shared/data/raw/osm-lille-2017/, ODbL, © les contributeurs d'OpenStreetMap) brought back
// from Web Mercator to WGS84, the ways filtered by the query's box and highway classes as the
// server does. Format followed (Overpass API 0.7.62, JSON output, version 0.6):
//   https://dev.overpass-api.de/overpass-doc/en/targets/formats.html
//   https://wiki.openstreetmap.org/wiki/Overpass_API/Output_Formats
// The routes under other prefixes misbehave as the real server does: /timeout/ never answers,
// /busy/ answers 429 (Overpass's rate limit), /cut/ drops the connection mid-answer, /cut-json/
// ends a 200 answer mid-JSON, /remark/ writes a runtime error in `remark` after some elements,
// /html/ is a proxy's page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveRawDir } from '../../data/io';
import { startHttpStub, type HttpStub } from './http-stub';

export interface StubWay {
  id: number;
  tags: Record<string, string>;
  /** [lon, lat] */
  coords: [number, number][];
}

const R = 6378137;
const toLonLat = (x: number, y: number): [number, number] => [
  Math.round((((x / R) * 180) / Math.PI) * 1e7) / 1e7,
  Math.round((((2 * Math.atan(Math.exp(y / R)) - Math.PI / 2) * 180) / Math.PI) * 1e7) / 1e7,
];

const LILLE_SAMPLE = 'osm-lille-2017/highway_line.epsg3857.json';

/** The 1,457 highway lines of the Lille extract as OSM ways (tags: the extract's non-null columns). */
export function lilleWays(rawDir = resolveRawDir()): StubWay[] {
  const path = join(rawDir, LILLE_SAMPLE);
  const fc = JSON.parse(readFileSync(path, 'utf8')) as {
    features: { geometry: { type: string; coordinates: number[][] }; properties: Record<string, unknown> }[];
  };
  return fc.features
    .filter((f) => f.geometry?.type === 'LineString')
    .map((f) => {
      const tags: Record<string, string> = {};
      for (const [k, v] of Object.entries(f.properties)) if (v !== null && k !== 'osm_id' && k !== 'z_order') tags[k] = String(v);
      return { id: Number(f.properties.osm_id), tags, coords: f.geometry.coordinates.map((c) => toLonLat(c[0], c[1])) };
    });
}

/** Copies of the ways moved by [dlon, dlat] each, with ids of their own: an answer as large as wanted. */
export function replicate(ways: readonly StubWay[], offsets: readonly [number, number][]): StubWay[] {
  const out: StubWay[] = [];
  offsets.forEach(([dx, dy], k) => {
    for (const w of ways)
      out.push({ id: w.id + k * 1e9, tags: w.tags, coords: w.coords.map((c) => [Math.round((c[0] + dx) * 1e7) / 1e7, Math.round((c[1] + dy) * 1e7) / 1e7]) });
  });
  return out;
}

type Box = [number, number, number, number];
const boundsOf = (coords: [number, number][]): Box => {
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  for (const [x, y] of coords) {
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return [w, s, e, n];
};

/** The ways of an answer as the server writes them with `out geom`: bounds, node ids, geometry, tags. */
export function overpassJson(ways: readonly StubWay[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  const nodeIds = new Map<string, number>();
  const nodeOf = (c: [number, number]) => {
    const k = `${c[0]},${c[1]}`;
    let id = nodeIds.get(k);
    if (id === undefined) nodeIds.set(k, (id = nodeIds.size + 1));
    return id;
  };
  return {
    version: 0.6,
    generator: 'Overpass API 0.7.62.1 084b4234 (Cavalier test stub)',
    osm3s: {
      timestamp_osm_base: '2017-02-23T00:00:00Z',
      copyright: 'The data included in this document is from www.openstreetmap.org. The data is made available under ODbL.',
    },
    elements: ways.map((w) => {
      const [minlon, minlat, maxlon, maxlat] = boundsOf(w.coords);
      return {
        type: 'way',
        id: w.id,
        bounds: { minlat, minlon, maxlat, maxlon },
        nodes: w.coords.map(nodeOf),
        geometry: w.coords.map(([lon, lat]) => ({ lat, lon })),
        tags: w.tags,
      };
    }),
    ...extra,
  };
}

/** The box `(s,w,n,e)` and the highway classes `^(a|b|…)$` of a query. */
export function parseQuery(query: string): { bbox: Box | null; highways: string[] | null; timeout_s: number | null } {
  const b = /\((-?[\d.]+),(-?[\d.]+),(-?[\d.]+),(-?[\d.]+)\)/.exec(query);
  const h = /\["highway"~"\^\(([^)]*)\)\$"\]/.exec(query);
  const t = /\[timeout:(\d+)\]/.exec(query);
  return {
    bbox: b ? [Number(b[2]), Number(b[1]), Number(b[4]), Number(b[3])] : null,
    highways: h ? h[1].split('|') : null,
    timeout_s: t ? Number(t[1]) : null,
  };
}

function answerFor(ways: readonly StubWay[], query: string): Record<string, unknown> {
  const { bbox, highways } = parseQuery(query);
  const picked = ways.filter((w) => {
    if (highways && !highways.includes(w.tags.highway)) return false;
    if (!bbox) return true;
    const [w0, s0, e0, n0] = boundsOf(w.coords);
    return w0 <= bbox[2] && e0 >= bbox[0] && s0 <= bbox[3] && n0 >= bbox[1];
  });
  return overpassJson(picked);
}

export interface OverpassStub extends HttpStub {
  /** the interpreter's address (…/api/interpreter); `at('busy')` the one of a misbehaving route */
  interpreter: string;
  at: (prefix: 'timeout' | 'busy' | 'cut' | 'cut-json' | 'remark' | 'html') => string;
  /** the queries received, in order, with the User-Agent they came with */
  queries: { query: string; userAgent: string | null; contentType: string | null }[];
}

const queryOf = (body: string) => {
  const form = new URLSearchParams(body);
  return form.get('data') ?? body;
};

export async function startOverpassStub(ways: readonly StubWay[] = lilleWays()): Promise<OverpassStub> {
  const queries: OverpassStub['queries'] = [];
  const json = { 'Content-Type': 'application/json; charset=utf-8' };
  const note = (req: { headers: Record<string, string | string[] | undefined> }, body: string) => {
    const query = queryOf(body);
    queries.push({ query, userAgent: (req.headers['user-agent'] as string) ?? null, contentType: (req.headers['content-type'] as string) ?? null });
    return query;
  };
  const stub = await startHttpStub({
    '/api/interpreter': (req, res, body) => {
      const text = JSON.stringify(answerFor(ways, note(req, body)));
      res.writeHead(200, json).end(text);
    },
    '/timeout/api/interpreter': (req, _res, body) => {
      note(req, body);
    },
    '/busy/api/interpreter': (req, res, body) => {
      note(req, body);
      // what overpass-api.de answers when a client has no slot left
      res
        .writeHead(429, { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': '12' })
        .end('<html><body><p>The server is probably too busy to handle your request.</p><p><strong>Error</strong>: rate_limited</p></body></html>');
    },
    '/cut/api/interpreter': (req, res, body) => {
      const text = Buffer.from(JSON.stringify(answerFor(ways, note(req, body))));
      res.writeHead(200, { ...json, 'Content-Length': String(text.length) });
      res.write(text.subarray(0, Math.floor(text.length / 2)), () => res.socket?.destroy());
    },
    '/cut-json/api/interpreter': (req, res, body) => {
      const text = JSON.stringify(answerFor(ways, note(req, body)));
      res.writeHead(200, json).end(text.slice(0, Math.floor(text.length / 2)));
    },
    '/remark/api/interpreter': (req, res, body) => {
      const all = answerFor(ways, note(req, body)) as { elements: unknown[] };
      const text = JSON.stringify({
        ...all,
        elements: all.elements.slice(0, 10),
        remark: 'runtime error: Query timed out in "query" at line 3 after 25 seconds.',
      });
      res.writeHead(200, json).end(text);
    },
    '/html/api/interpreter': (req, res, body) => {
      note(req, body);
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!DOCTYPE html><html><body>Portail captif</body></html>');
    },
  });
  return {
    ...stub,
    interpreter: `${stub.url}/api/interpreter`,
    at: (prefix) => `${stub.url}/${prefix}/api/interpreter`,
    queries,
  };
}
