// The paths of an area asked of the Overpass API: the query, the answer checked, the ways kept.
// Pure: the pipeline (data/overpass.ts) and the engine (workers/osm-engine.ts) do the fetching
// through src/adapters/http.ts and give the answer here; osm-json.ts then reads its ways, as it
// reads an Overpass export the user imports.
//
// Formats followed: the JSON output of Overpass API 0.7 (`[out:json]`, version 0.6, `elements`,
// and `out geom`, which gives each way its `bounds`, `nodes` and `geometry` as {lat, lon}), and the
// `remark` member in which Overpass reports a runtime error in an answer whose status is still 200
// (a query that ran out of time or memory after it started writing):
//   https://dev.overpass-api.de/overpass-doc/en/targets/formats.html
//   https://wiki.openstreetmap.org/wiki/Overpass_API/Output_Formats
// Settings: https://wiki.openstreetmap.org/wiki/Overpass_API/Overpass_QL#Settings

import { fail, ok, type Result } from '../errors';
import type { Bbox } from '../geo/bbox';
import { metresPerDegree } from '../geo/geodesic';

/** The public instance; the pipeline and the app both allow another (a local one, a test stub). */
export const OVERPASS_API_URL = 'https://overpass-api.de/api/interpreter';

/**
 * The highway classes asked for. Every class a walker, rider or cyclist uses off the road
 * (path, footway, bridleway, cycleway, steps, track, pedestrian), and the small roads that join
 * them and that an event may follow for a few hundred metres (living_street, residential,
 * unclassified, service, tertiary). Left out: primary, secondary, trunk and motorway (and their
 * links), which no course of the basin's events runs along, and whose crossings are where a path
 * meets them anyway; the not-yet-built and the gone (construction, proposed, abandoned).
 */
export const OSM_PATH_HIGHWAYS = [
  'path',
  'footway',
  'bridleway',
  'cycleway',
  'steps',
  'track',
  'pedestrian',
  'living_street',
  'residential',
  'unclassified',
  'service',
  'tertiary',
] as const;

/** service=* values that are not a way through: a car park's lanes, a drive to one house. */
const DEAD_SERVICE = new Set(['parking_aisle', 'driveway', 'drive-through', 'emergency_access']);

/**
 * Whether a way of the answer is a way an event may use: of the classes asked, not closed to the
 * public (access=private / no, unless foot, horse or bicycle says otherwise), not an area
 * (area=yes: a square's outline is not a path), not a car park's lane.
 */
export function osmPathUsable(tags: Record<string, unknown> | undefined | null): boolean {
  if (!tags) return false;
  const highway = tags.highway;
  if (typeof highway !== 'string' || !(OSM_PATH_HIGHWAYS as readonly string[]).includes(highway)) return false;
  if (tags.area === 'yes') return false;
  if (highway === 'service' && typeof tags.service === 'string' && DEAD_SERVICE.has(tags.service)) return false;
  const closed = (v: unknown) => v === 'private' || v === 'no';
  const open = (v: unknown) => v === 'yes' || v === 'designated' || v === 'permissive';
  if (closed(tags.access) && !(open(tags.foot) || open(tags.horse) || open(tags.bicycle))) return false;
  return true;
}

export interface OverpassQueryOptions {
  /** the server's own limit on the query's run (s): it stops, and says so, rather than hold a slot */
  timeout_s: number;
  /** the most memory the server may give the query (bytes): an answer too big fails at once */
  maxsize_bytes: number;
}

/**
 * The query for the paths of a box ([west, south, east, north]; Overpass wants south, west,
 * north, east). `out geom` gives each way its coordinates, so that no node list is needed;
 * `qt` sorts by place rather than id, which the server does faster. The comment after the
 * settings names the app in the server's logs: a browser may not set a User-Agent.
 */
export function overpassPathsQuery(bbox: Bbox, opts: OverpassQueryOptions): string {
  const [w, s, e, n] = bbox.map((v) => Math.round(v * 1e6) / 1e6);
  return [
    `[out:json][timeout:${Math.round(opts.timeout_s)}][maxsize:${Math.round(opts.maxsize_bytes)}];`,
    '// Cavalier, planificateur de parcours du Bassin Minier : chemins, pistes et petites routes',
    `way["highway"~"^(${OSM_PATH_HIGHWAYS.join('|')})$"](${s},${w},${n},${e});`,
    'out geom qt;',
  ].join('\n');
}

/** The request body: a form field, as the API documents it (and a « simple » request for a browser: no preflight). */
export const overpassRequestBody = (query: string): string => `data=${encodeURIComponent(query)}`;

export interface OverpassAnswer {
  elements: unknown[];
  /** the data's date, osm3s.timestamp_osm_base */
  timestamp?: string;
}

/**
 * An answer's text checked: JSON cut short ('overpass.incomplete'), something else than an
 * Overpass answer ('overpass.bad-answer', an HTML page of a proxy), or a runtime error that the
 * server wrote in `remark` after the elements it had ('overpass.runtime-error': those elements
 * are a part of the area, never taken for all of it).
 */
export function readOverpassAnswer(text: string): Result<OverpassAnswer> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // the server writes as it goes: an answer that starts as JSON and does not parse was cut
    return /^\s*\{/.test(text) ? fail('overpass.incomplete', { bytes: text.length }) : fail('overpass.bad-answer');
  }
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { elements?: unknown }).elements)) return fail('overpass.bad-answer');
  const v = value as { elements: unknown[]; remark?: unknown; osm3s?: { timestamp_osm_base?: unknown } };
  if (typeof v.remark === 'string' && /error/i.test(v.remark)) return fail('overpass.runtime-error', { remark: v.remark.slice(0, 200) });
  const timestamp = typeof v.osm3s?.timestamp_osm_base === 'string' ? v.osm3s.timestamp_osm_base : undefined;
  return ok(timestamp ? { elements: v.elements, timestamp } : { elements: v.elements });
}

/**
 * The answer with only the ways an event may use (osmPathUsable), and each way once: the cells
 * of a large area overlap on the ways that cross their edges (`seen`, shared between cells).
 */
export function usablePathElements(answer: OverpassAnswer, seen: Set<number | string> = new Set()): { elements: unknown[] } {
  const elements: unknown[] = [];
  for (const el of answer.elements) {
    if (typeof el !== 'object' || el === null) continue;
    const e = el as { type?: unknown; id?: unknown; tags?: Record<string, unknown> };
    if (e.type !== 'way' || !osmPathUsable(e.tags)) continue;
    const id = typeof e.id === 'number' || typeof e.id === 'string' ? e.id : null;
    if (id !== null) {
      if (seen.has(id)) continue;
      seen.add(id);
    }
    elements.push(el);
  }
  return { elements };
}

/** Area of a box (km²), at its middle latitude. */
export function bboxArea_km2(b: Bbox): number {
  const m = metresPerDegree((b[1] + b[3]) / 2);
  return (Math.max(0, b[2] - b[0]) * m.x * Math.max(0, b[3] - b[1]) * m.y) / 1e6;
}

/**
 * The view the app asks for at most: 10 km × 10 km. The basin's densest towns (Lens, Liévin,
 * Hénin) hold about 30 km of such ways per km², a few megabytes of answer per 10 km², which a
 * phone still reads and merges in seconds; the whole basin is the pipeline's job.
 */
const OVERPASS_MAX_VIEW_KM2 = 100;

/** The box checked for the app: finite, not empty, not larger than `limit_km2`. */
export function checkOverpassArea(b: Bbox, limit_km2 = OVERPASS_MAX_VIEW_KM2): Result<Bbox> {
  if (!b.every(Number.isFinite) || b[2] <= b[0] || b[3] <= b[1] || b[1] < -90 || b[3] > 90) return fail('overpass.bad-area');
  const area = bboxArea_km2(b);
  if (area > limit_km2) return fail('overpass.area-too-large', { area_km2: Math.round(area), limit_km2 });
  return ok(b);
}

/**
 * The box cut into cells of at most `cell_deg` on a side, west to east then south to north: the
 * pipeline asks for the basin one cell at a time (one request at a time, each within the
 * server's limits, each kept in the cache on its own so that a failed run resumes).
 */
export function overpassCells(b: Bbox, cell_deg: number): Bbox[] {
  const nx = Math.max(1, Math.ceil((b[2] - b[0]) / cell_deg - 1e-9));
  const ny = Math.max(1, Math.ceil((b[3] - b[1]) / cell_deg - 1e-9));
  const dx = (b[2] - b[0]) / nx;
  const dy = (b[3] - b[1]) / ny;
  const cells: Bbox[] = [];
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++)
      cells.push([b[0] + i * dx, b[1] + j * dy, i === nx - 1 ? b[2] : b[0] + (i + 1) * dx, j === ny - 1 ? b[3] : b[1] + (j + 1) * dy]);
  return cells;
}
