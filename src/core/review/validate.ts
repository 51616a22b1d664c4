// Zones from a GeoJSON layer, checked and repaired before any review. Imported layers are often
// rough (rings left open by hand digitising, bow-ties, empty features): the review must never
// crash on them nor lose a zone without saying so. Every problem becomes a warning naming the
// zone; the zone is then repaired, kept as it is under a stated reading, or left out.
//
// - Unclosed ring: closed by repeating its first vertex (zone.unclosed-ring).
// - Ring with fewer than three distinct vertices, or all on one line: left out (zone.degenerate-ring);
//   when it was a polygon's outer ring its holes go with it, since a hole with no shell around it
//   would read as inside.
// - Self-intersecting ring (a bow-tie, a loop): kept, and read with the even-odd rule that the
//   review uses for every zone (zone.self-intersection, with where it crosses itself). A bow-tie's
//   two lobes are inside; where a loop covers the same ground twice is outside. This is the fill
//   rule 'evenodd' of SVG and canvas, so the map can draw exactly what the review counts. It is
//   cheaper and more predictable than rebuilding the polygon (GEOS's MakeValid), which would need
//   a noding step we do not have in the browser.
// - Empty geometry, points, or coordinates that are not numbers: zone left out
//   (zone.empty-geometry, zone.unsupported-geometry, zone.bad-coordinate).
// - Coordinates that are numbers but not degrees (Lambert-93 metres…): the whole file is refused
//   (zones.not-wgs84). Reprojecting is the import's job, not the review's.
//
// A zone's identity (./zone-fields.ts): its name and code from the chosen attributes (`fields`),
// else from the official convention the layer follows (Natura 2000 SITECODE/SITENAME, ZNIEFF
// ID_MNHN/NOM…), else its name is its `name` or `nom` property. Its kind: the convention's type
// (ZSC, ZPS, ZNIEFF I…) when the layer follows one, else the first of `kindProperties` present
// (`kind`, then `type`, by default), else the type the layer's name says (zps, znieff2, apb…),
// else the source's kind (the file's name for --zones files).

import { fail, ok, type GeoError, type Result } from '../errors';
import type { ZoneInput } from './types';
import { zoneIdentityReader, type ZoneFields } from './zone-fields';
import { zoneSeasonOf } from './zone-season';

export interface ZoneSource {
  /** shown in messages: the file name, or the layer title */
  file: string;
  /** layer id recorded on each zone */
  layer: string;
  /** kind of the zones whose properties give none */
  kind: string;
  /** properties read for a zone's own kind, in order; [] to give every zone `kind`. Default ['kind', 'type']. */
  kindProperties?: readonly string[];
  /** the attributes giving each zone's name and code (the user's choice); absent: the layer's convention, else `name` / `nom` */
  fields?: ZoneFields;
}

export interface ValidZones {
  zones: ZoneInput[];
  /** one per problem, each naming its zone (detail.name, detail.layer) */
  issues: GeoError[];
}

type Json = unknown;
type Pt = [number, number];

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Thrown inside the walk when the file is not in degrees; caught below and returned as a value. */
class NotDegrees {
  constructor(
    readonly x: number,
    readonly y: number,
  ) {}
}

export function zonesFromGeoJson(data: unknown, source: ZoneSource): Result<ValidZones> {
  const crs = declaredCrs(data);
  const features = collectFeatures(data);
  if (features.length === 0) return fail('zones.none', { file: source.file });
  if (crs && !/CRS84|4326/i.test(crs)) {
    const first = firstPosition(features);
    return fail('zones.not-wgs84', { file: source.file, x: first?.[0] ?? '?', y: first?.[1] ?? '?', crs });
  }
  const zones: ZoneInput[] = [];
  const issues: GeoError[] = [];
  const kindProps = source.kindProperties ?? ['kind', 'type'];
  // the type a layer's name says is read from its title or file name (the layer id of an imported layer means nothing)
  const identity = zoneIdentityReader(features, source.file, source.fields);
  try {
    features.forEach((feature, i) => {
      const props = isObject(feature.properties) ? feature.properties : {};
      const own = identity(props);
      const name = own.name ?? text(props.name) ?? text(props.nom) ?? `${source.file} n°${i + 1}`;
      const id = text(props.id) ?? text(feature.id) ?? String(i + 1);
      // a `kind` written by Cavalier itself (the official WFS layers: the source's zone type) is the
      // source's word and goes first; otherwise a convention's type goes before the layer's properties
      const stated = kindProps.includes('kind') ? text(props.kind) : null;
      let kind = stated ?? (own.convention ? own.kind : null) ?? source.kind;
      if (!own.convention && !stated) {
        const given = kindProps.map((key) => text(props[key])).find((k) => k !== null);
        kind = given ?? own.kind ?? source.kind;
      }
      const said = (code: GeoError['code'], extra: Record<string, string | number> = {}) =>
        issues.push({ code, detail: { name, layer: source.layer, ...extra } });
      const made = zonesOfFeature(feature.geometry, said);
      if (made === 'bad-coordinate') return void said('zone.bad-coordinate');
      if (made === null) return;
      const season = zoneSeasonOf(props);
      const base = { name, ...(own.code ? { code: own.code } : {}), kind, layer: source.layer, ...(season ? { season } : {}) };
      if (made.rings.length && made.lines.length) {
        // a GeometryCollection mixing both: one zone of each, told apart by their ids
        zones.push({ ...base, id: `${id}#surface`, geometry: 'polygon', parts: made.rings });
        zones.push({ ...base, id: `${id}#ligne`, geometry: 'line', parts: made.lines });
      } else if (made.rings.length) zones.push({ ...base, id, geometry: 'polygon', parts: made.rings });
      else if (made.lines.length) zones.push({ ...base, id, geometry: 'line', parts: made.lines });
      else said('zone.empty-geometry');
    });
  } catch (e) {
    if (e instanceof NotDegrees) return fail('zones.not-wgs84', { file: source.file, x: e.x, y: e.y });
    throw e;
  }
  return ok({ zones, issues }, []);
}

interface FeatureLike {
  geometry: Json;
  properties: Json;
  id: Json;
}

function collectFeatures(data: Json): FeatureLike[] {
  if (!isObject(data)) return [];
  if (data.type === 'FeatureCollection') {
    return Array.isArray(data.features) ? data.features.filter(isObject).map((f) => ({ geometry: f.geometry, properties: f.properties, id: f.id })) : [];
  }
  if (data.type === 'Feature') return [{ geometry: data.geometry, properties: data.properties, id: data.id }];
  if (typeof data.type === 'string' && 'coordinates' in data) return [{ geometry: data, properties: {}, id: undefined }];
  if (data.type === 'GeometryCollection') return [{ geometry: data, properties: {}, id: undefined }];
  return [];
}

/** The legacy `crs` member (GeoJSON 2008), which QGIS still writes for projected exports. */
function declaredCrs(data: Json): string | null {
  if (!isObject(data) || !isObject(data.crs) || !isObject(data.crs.properties)) return null;
  const name = data.crs.properties.name;
  return typeof name === 'string' ? name : null;
}

function firstPosition(features: FeatureLike[]): Pt | null {
  for (const f of features) {
    let node: Json = isObject(f.geometry) ? f.geometry.coordinates : null;
    while (Array.isArray(node) && Array.isArray(node[0])) node = node[0];
    if (Array.isArray(node) && typeof node[0] === 'number' && typeof node[1] === 'number') return [node[0], node[1]];
  }
  return null;
}

function text(v: Json): string | null {
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

type Say = (code: GeoError['code'], extra?: Record<string, string | number>) => void;

/**
 * The rings (outer and holes, all parts) and lines of a geometry, repaired; null when the
 * geometry is absent or unsupported (already said); 'bad-coordinate' when a position is unreadable.
 */
function zonesOfFeature(geometry: Json, say: Say): { rings: Pt[][]; lines: Pt[][] } | null | 'bad-coordinate' {
  if (!isObject(geometry)) {
    say('zone.empty-geometry');
    return null;
  }
  const rings: Pt[][] = [];
  const lines: Pt[][] = [];
  const flags = { unclosed: false, selfCross: null as Pt | null, degenerate: false };
  const stack: Json[] = [geometry];
  let unsupported: string | null = null;
  while (stack.length) {
    const g = stack.pop();
    if (!isObject(g)) continue;
    const c = g.coordinates;
    switch (g.type) {
      case 'Polygon':
        if (!addPolygon(c, rings, flags)) return 'bad-coordinate';
        break;
      case 'MultiPolygon':
        if (!Array.isArray(c)) break;
        for (const poly of c) if (!addPolygon(poly, rings, flags)) return 'bad-coordinate';
        break;
      case 'LineString':
        if (!addLine(c, lines)) return 'bad-coordinate';
        break;
      case 'MultiLineString':
        if (!Array.isArray(c)) break;
        for (const l of c) if (!addLine(l, lines)) return 'bad-coordinate';
        break;
      case 'GeometryCollection':
        if (Array.isArray(g.geometries)) for (let k = g.geometries.length - 1; k >= 0; k--) stack.push(g.geometries[k]);
        break;
      default:
        unsupported ??= typeof g.type === 'string' ? g.type : '?';
    }
  }
  if (flags.unclosed) say('zone.unclosed-ring');
  if (flags.degenerate) say('zone.degenerate-ring');
  if (flags.selfCross) say('zone.self-intersection', { lon: round6(flags.selfCross[0]), lat: round6(flags.selfCross[1]) });
  if (unsupported && rings.length === 0 && lines.length === 0) {
    say('zone.unsupported-geometry', { type: unsupported });
    return null;
  }
  return { rings, lines };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** Positions of a ring or line, consecutive repeats removed; null when one is unreadable. */
function positions(c: Json): Pt[] | null {
  if (!Array.isArray(c)) return [];
  const out: Pt[] = [];
  for (const p of c) {
    if (!Array.isArray(p)) return null;
    const [x, y] = p;
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return null;
    if (x < -180 || x > 180 || y < -90 || y > 90) throw new NotDegrees(x, y);
    const last = out[out.length - 1];
    if (!last || last[0] !== x || last[1] !== y) out.push([x, y]);
  }
  return out;
}

interface RingFlags {
  unclosed: boolean;
  selfCross: Pt | null;
  degenerate: boolean;
}

/** Adds a polygon's usable rings; false when a coordinate is unreadable. */
function addPolygon(c: Json, rings: Pt[][], flags: RingFlags): boolean {
  if (!Array.isArray(c)) return true;
  for (let r = 0; r < c.length; r++) {
    const ring = positions(c[r]);
    if (ring === null) return false;
    if (ring.length === 0) continue;
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (ring.length > 1 && (first[0] !== last[0] || first[1] !== last[1])) {
      ring.push([first[0], first[1]]);
      flags.unclosed = true;
    } else if (ring.length === 1) ring.push([first[0], first[1]]);
    // closed: n + 1 positions for n distinct vertices
    if (ring.length < 4 || flat(ring)) {
      flags.degenerate = true;
      if (r === 0) return true; // no shell: its holes go with it
      continue;
    }
    flags.selfCross ??= selfIntersection(ring);
    rings.push(ring);
  }
  return true;
}

function addLine(c: Json, lines: Pt[][]): boolean {
  const line = positions(c);
  if (line === null) return false;
  if (line.length >= 2) lines.push(line);
  return true;
}

/** True when every vertex lies on one line: no area at all (a bow-tie's signed area is 0 too, so that is not the test). */
function flat(ring: Pt[]): boolean {
  const a = ring[0];
  const b = ring.find((p) => p[0] !== a[0] || p[1] !== a[1]);
  if (!b) return true;
  return ring.every((p) => orient(a, b, p) === 0);
}

/**
 * Where the ring first crosses or touches itself, or null. Edges that share a vertex along the
 * ring are not compared. Small rings (most terrils) compare every pair behind a box test; larger
 * ones sweep along x, comparing only edges whose x-ranges overlap (near n log n for real rings,
 * quadratic only for pathological ones).
 */
function selfIntersection(ring: Pt[]): Pt | null {
  const n = ring.length - 1; // edges
  if (n < 4) return null; // a triangle cannot cross itself
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lo[i] = Math.min(ring[i][0], ring[i + 1][0]);
    hi[i] = Math.max(ring[i][0], ring[i + 1][0]);
  }
  if (n <= SWEEP_FROM) {
    for (let i = 0; i < n; i++) {
      for (let j = i + 2; j < n; j++) {
        const hit = pairMeets(ring, lo, hi, n, i, j);
        if (hit) return hit;
      }
    }
    return null;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => lo[a] - lo[b]);
  for (let a = 0; a < n; a++) {
    const i = order[a];
    for (let b = a + 1; b < n && lo[order[b]] <= hi[i]; b++) {
      const hit = pairMeets(ring, lo, hi, n, i, order[b]);
      if (hit) return hit;
    }
  }
  return null;
}

/** Where edges i and j of the ring meet, or null; neighbours along the ring are not compared. */
function pairMeets(ring: Pt[], lo: Float64Array, hi: Float64Array, n: number, i: number, j: number): Pt | null {
  const gap = Math.abs(i - j);
  if (gap === 1 || gap === n - 1) return null;
  if (lo[j] > hi[i] || lo[i] > hi[j]) return null;
  const a = ring[i];
  const b = ring[i + 1];
  const c = ring[j];
  const d = ring[j + 1];
  if (Math.max(c[1], d[1]) < Math.min(a[1], b[1]) || Math.min(c[1], d[1]) > Math.max(a[1], b[1])) return null;
  return segmentsMeet(a, b, c, d);
}

/** Up to this many edges, comparing all pairs is cheaper than sorting for a sweep. */
const SWEEP_FROM = 48;

const orient = (a: Pt, b: Pt, c: Pt) => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
const within = (a: Pt, b: Pt, p: Pt) =>
  Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);

/** A point where segments ab and cd meet, or null. */
function segmentsMeet(a: Pt, b: Pt, c: Pt, d: Pt): Pt | null {
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) {
    const r = o3 / (o3 - o4);
    return [a[0] + r * (b[0] - a[0]), a[1] + r * (b[1] - a[1])];
  }
  if (o1 === 0 && within(a, b, c)) return c;
  if (o2 === 0 && within(a, b, d)) return d;
  if (o3 === 0 && within(c, d, a)) return a;
  if (o4 === 0 && within(c, d, b)) return b;
  return null;
}
