// Reads any layer file the app accepts into a WGS84 FeatureCollection: GeoJSON (in WGS84,
// Lambert-93, Lambert II étendu or Web Mercator), OpenStreetMap (Overpass JSON, .osm XML), GPX
// and KML tracks, KML areas (a KML holding a Polygon: one feature per placemark, its
// ExtendedData as properties; ./kml-features.ts). Zipped shapefiles and KMZ are unzipped first
// (./layer-file.ts). Bad features are skipped with a reason rather than failing the file; the file
// fails only when nothing usable is left, when its projection is unknown (the caller then asks the
// user), or when nothing lands in France (with another reading proposed when one lands in the
// region).
// Names and properties are copied as data: nothing here builds HTML, and the UI must show them
// as text.

import type { Feature, FeatureCollection, GeoJsonProperties, Geometry } from 'geojson';
import { fail, ok, type ErrorCode, type GeoError, type Result } from '../errors';
import { childText, firstChildElement, type XmlDocument, type XmlElement } from '../gpx/dom';
import { MAX_TRACK_FILE_CHARS } from '../gpx/read';
import { tracksFromKml } from '../gpx/read-kml';
import { rootLocalName, scanGpx } from '../gpx/scan-gpx';
import { parseXmlWithXmldom } from '../gpx/xml';
import { declaresEntities } from '../gpx/xml-guard';
import type { Track } from '../types';
import { cleanGeometry } from './clean-geometry';
import { crsConverter, type CrsCode, type PointConverter } from './crs';
import { detectCrs, proposeCrs, WGS84_BY_FORMAT, type CrsDetection } from './detect-crs';
import { inFrance } from './france';
import { featuresFromKml, kmlHasPolygons } from './kml-features';
import { featuresFromOsmXml } from './osm-xml';
import { featuresFromOverpass, isOverpassJson } from './osm-json';
import { parseJson } from './parse-json';
import { eachPosition } from './positions';
import { reprojectGeometry } from './reproject-geojson';

/** 200 MiB of text, as for tracks: beyond it parsing alone would exhaust a browser tab. Check File.size against it before reading. */
export const MAX_LAYER_FILE_CHARS = MAX_TRACK_FILE_CHARS;

/** At most this many skipped features are listed (the 'import.skipped' warning gives the full count). */
const MAX_SKIPPED_LISTED = 1000;

/** 'shapefile': a zipped shapefile, read into GeoJSON by the layer engine (src/core/import/zip.ts) */
export type LayerFormat = 'geojson' | 'overpass-json' | 'osm-xml' | 'gpx' | 'kml' | 'kmz' | 'shapefile';

export interface SkippedFeature {
  /** position of the feature in the file's list (GeoJSON features, or OSM ways), from 0 */
  index: number;
  /** its name, id or '' (data: show it as text) */
  name: string;
  reason: ErrorCode;
}

export interface ImportedLayer {
  /** the FeatureCollection's `name` member, the track's name, or the file name without extension */
  name: string;
  format: LayerFormat;
  /** WGS84, 7 decimals, no `crs` member */
  fc: FeatureCollection<Geometry, GeoJsonProperties>;
  /** what the file says or implies about its coordinate system */
  crs: CrsDetection;
  /** the system the coordinates were read in: `opts.from` when given, else `crs.crs` */
  from: CrsCode;
  /** x and y were exchanged before conversion (`opts.swapAxes`) */
  swapAxes: boolean;
  /** features holding each kind of geometry (a GeometryCollection may count in several) */
  geometryCounts: { point: number; line: number; polygon: number };
  /** [west, south, east, north] of the imported features */
  bbox: [number, number, number, number];
  /** the same array as the Result's warnings */
  warnings: GeoError[];
  /** the first MAX_SKIPPED_LISTED skipped features */
  skipped: SkippedFeature[];
}

export interface ImportLayerOptions {
  /** the coordinate system chosen by the user; overrides detection (GPX, KML and OSM are always WGS84) */
  from?: CrsCode;
  /**
   * Read each position as (y, x): for a file written latitude first. Ignored, like `from`, for
   * GPX, KML and OSM, whose attributes name each axis.
   */
  swapAxes?: boolean;
  /** XML parser; @xmldom/xmldom by default, which works in node and in workers */
  parseXml?: (text: string) => Result<XmlDocument>;
  /**
   * Called as features are checked and converted (every PROGRESS_STEP features, and at the end),
   * for a progress bar. Parsing the text comes before and reports nothing: JSON.parse cannot.
   */
  onProgress?: (done: number, total: number) => void;
}

const PROGRESS_STEP = 5000;

interface Candidate {
  index: number;
  name: string;
  id?: string | number;
  properties: GeoJsonProperties;
  geometry: unknown;
}

interface Read {
  format: LayerFormat;
  name: string;
  crs: CrsDetection;
  candidates: Candidate[];
  skipped: SkippedFeature[];
  warnings: GeoError[];
}

export function importLayer(text: string, fileName: string, opts: ImportLayerOptions = {}): Result<ImportedLayer> {
  if (text.length > MAX_LAYER_FILE_CHARS) return fail('file.too-large', { limit_mb: MAX_LAYER_FILE_CHARS / 1024 / 1024 });
  const read = readLayer(text, fileName, opts);
  if (!read.ok) return read;
  return finish(read.value, opts.from, opts.swapAxes === true, opts.onProgress);
}

/**
 * GeoJSON already in memory (a zipped shapefile's features, read by zip.ts): read as importLayer
 * reads the same file's text, without writing it out and parsing it back.
 */
export function importGeoJsonValue(value: unknown, fileName: string, opts: Omit<ImportLayerOptions, 'parseXml'> = {}): Result<ImportedLayer> {
  const geo = fromGeoJson(value, baseName(fileName));
  if (!geo.ok) return geo;
  return finish(geo.value, opts.from, opts.swapAxes === true, opts.onProgress);
}

/**
 * An Overpass answer already parsed (the engine's « chemins OpenStreetMap de cette zone »), read
 * as importLayer reads an Overpass file: the same features, counts, warnings and bbox.
 */
export function importOverpassAnswer(answer: { elements: unknown[] }, name: string, opts: Pick<ImportLayerOptions, 'onProgress'> = {}): Result<ImportedLayer> {
  return finish(fromOsm('overpass-json', name, featuresFromOverpass(answer), []), undefined, false, opts.onProgress);
}

function readLayer(text: string, fileName: string, opts: ImportLayerOptions): Result<Read> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const start = body.search(/\S/);
  if (start < 0) return fail('file.empty');
  const stem = baseName(fileName);
  const first = body[start];

  if (first === '{' || first === '[') {
    const parsed = parseJson(body);
    if (!parsed.ok) return parsed;
    const { value, repairedNaN } = parsed.value;
    const warnings: GeoError[] = repairedNaN ? [{ code: 'import.nan-repaired' }] : [];
    if (isOverpassJson(value)) return ok(fromOsm('overpass-json', stem, featuresFromOverpass(value), warnings));
    const geo = fromGeoJson(value, stem);
    if (!geo.ok) return geo;
    return ok({ ...geo.value, warnings: [...warnings, ...geo.value.warnings] });
  }

  if (first === '<') {
    if (declaresEntities(body)) return fail('file.xml-entities');
    const xml = start > 0 ? body.slice(start) : body;
    // GPX through the track import's own scanner, never a DOM: a DOM of a 2-million-point file
    // takes gigabytes (`cavalier import` ran out of heap on one that `stats` reads in seconds)
    if (rootLocalName(xml) === 'gpx') return gpxLayer(xml, stem);
    const doc = (opts.parseXml ?? parseXmlWithXmldom)(xml);
    if (!doc.ok) return doc;
    const root = doc.value.documentElement;
    if (root?.localName === 'osm') return ok(fromOsm('osm-xml', stem, featuresFromOsmXml(root), []));
    // a prolog the sniffing refused but the parser took: the scanner has the last word on GPX
    if (root?.localName === 'gpx') return gpxLayer(xml, stem);
    if (root?.localName === 'kml') {
      // areas (an APPB, a Natura 2000 perimeter): every placemark with its attributes
      if (kmlHasPolygons(root)) return ok(fromKmlPlacemarks(root, stem));
      const track = tracksFromKml(root, stem);
      if (!track.ok) return track;
      return ok(fromTracks('kml', [track.value], track.warnings));
    }
    return fail('file.unknown-format');
  }

  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'gpx' || ext === 'kml' || ext === 'osm') return fail('file.not-xml');
  if (ext === 'geojson' || ext === 'json') return fail('file.not-json');
  return fail('file.unknown-format');
}

function fromGeoJson(value: unknown, stem: string): Result<Read> {
  if (!isObject(value)) return fail('import.not-geojson');
  const candidates: Candidate[] = [];
  let name = stem;
  switch (value.type) {
    case 'FeatureCollection':
      if (!Array.isArray(value.features)) return fail('import.not-geojson');
      if (typeof value.name === 'string' && value.name.trim()) name = value.name.trim();
      value.features.forEach((f: unknown, index: number) => candidates.push(candidateOf(f, index)));
      break;
    case 'Feature':
      candidates.push(candidateOf(value, 0));
      break;
    case 'Point':
    case 'MultiPoint':
    case 'LineString':
    case 'MultiLineString':
    case 'Polygon':
    case 'MultiPolygon':
    case 'GeometryCollection':
      candidates.push({ index: 0, name: '', properties: {}, geometry: value });
      break;
    default:
      return fail('import.not-geojson');
  }
  return ok({ format: 'geojson', name, crs: detectCrs(value), candidates, skipped: [], warnings: [] });
}

function candidateOf(f: unknown, index: number): Candidate {
  // not a Feature: give it a geometry that cleanGeometry reports as unsupported
  if (!isObject(f) || f.type !== 'Feature') return { index, name: '', properties: {}, geometry: { type: String(isObject(f) ? f.type : typeof f) } };
  const properties: GeoJsonProperties = isObject(f.properties) ? f.properties : {};
  const id = typeof f.id === 'string' || typeof f.id === 'number' ? f.id : undefined;
  return { index, name: featureName(properties, id), id, properties, geometry: f.geometry };
}

function fromOsm(format: LayerFormat, stem: string, osm: ReturnType<typeof featuresFromOverpass>, warnings: GeoError[]): Read {
  const w = [...warnings];
  if (osm.ignored + osm.relations > 0) w.push({ code: 'import.osm-ignored', detail: { count: osm.ignored + osm.relations } });
  if (osm.withMissingNodes > 0) w.push({ code: 'import.osm-missing-nodes', detail: { count: osm.withMissingNodes } });
  const candidates = osm.features.map(
    (f, i): Candidate => ({
      index: osm.wayIndex[i],
      name: f.properties.name ?? String(f.id ?? ''),
      id: f.id,
      properties: { ...f.properties },
      geometry: f.geometry,
    }),
  );
  return { format, name: stem, crs: WGS84_BY_FORMAT, candidates, skipped: osm.skipped, warnings: w };
}

function gpxLayer(xml: string, stem: string): Result<Read> {
  const items = scanGpx(xml, stem);
  if (!items.ok) return items;
  return ok(fromTracks('gpx', items.value, items.warnings));
}

function fromKmlPlacemarks(root: XmlElement, stem: string): Read {
  const candidates = featuresFromKml(root).map((f, index): Candidate => ({ index, name: f.name, properties: f.properties, geometry: f.geometry }));
  const doc = root.firstChild ? firstChildElement(root, 'Document') : null;
  const name = (doc ? childText(doc, 'name') : '') || stem;
  return { format: 'kml', name, crs: WGS84_BY_FORMAT, candidates, skipped: [], warnings: [] };
}

/** One feature per item: a GPX's tracks and its routes (kind 'route') are two features. */
function fromTracks(format: 'gpx' | 'kml', tracks: Track[], warnings: GeoError[]): Read {
  const candidates = tracks.map((track, index): Candidate => {
    const geometry =
      track.segments.length === 1 ? { type: 'LineString', coordinates: track.segments[0] } : { type: 'MultiLineString', coordinates: track.segments };
    const properties: GeoJsonProperties = track.kind === 'route' ? { name: track.name, gpx: 'rte' } : { name: track.name };
    return { index, name: track.name, properties, geometry };
  });
  return { format, name: tracks[0].name, crs: WGS84_BY_FORMAT, candidates, skipped: [], warnings };
}

function finish(read: Read, chosen: CrsCode | undefined, swapAsked: boolean, onProgress?: (done: number, total: number) => void): Result<ImportedLayer> {
  const warnings = [...read.warnings];
  const skipped: SkippedFeature[] = [...read.skipped];
  let skippedCount = read.skipped.length;
  const skip = (s: SkippedFeature) => {
    skippedCount++;
    if (skipped.length < MAX_SKIPPED_LISTED) skipped.push(s);
  };

  // geometry first: a file with nothing drawable should say so, not ask for a projection
  const usable: { c: Candidate; geometry: Geometry; closedRings: number }[] = [];
  // checking and converting are about equal halves of the work
  const total = read.candidates.length * 2;
  let done = 0;
  const tick = () => {
    if (++done % PROGRESS_STEP === 0) onProgress?.(done, total);
  };
  for (const c of read.candidates) {
    tick();
    const cleaned = cleanGeometry(c.geometry);
    if (cleaned.ok) usable.push({ c, geometry: cleaned.geometry, closedRings: cleaned.closedRings });
    else skip({ index: c.index, name: c.name, reason: cleaned.reason });
  }
  if (usable.length === 0) return fail('import.no-features', { skipped: skippedCount });

  let from: CrsCode;
  if (read.crs.by === 'format') {
    from = 'EPSG:4326';
    if (chosen && chosen !== from) warnings.push({ code: 'import.from-ignored', detail: { format: FORMAT_NAMES[read.format], crs: chosen } });
  } else if (chosen) from = chosen;
  else if (read.crs.crs !== 'unknown') {
    from = read.crs.crs;
    // degrees without a crs member are plain RFC 7946 GeoJSON: nothing to tell
    if (read.crs.by === 'coordinates' && (from !== 'EPSG:4326' || read.crs.conflict)) {
      warnings.push({ code: 'import.crs-guessed', detail: read.crs.declared ? { crs: from, declared: read.crs.declared } : { crs: from } });
    }
  } else return fail('crs.unknown', read.crs.declared ? { declared: read.crs.declared } : undefined);

  const swapAxes = swapAsked && read.crs.by !== 'format';
  const toWgs84 = crsConverter(from, 'EPSG:4326');
  const convert: PointConverter = swapAxes ? (x, y) => toWgs84(y, x) : toWgs84;
  const features: Feature<Geometry, GeoJsonProperties>[] = [];
  const counts = { point: 0, line: 0, polygon: 0 };
  const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const outside: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  // the positions as written, for proposing another reading of them
  const written: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  let closedRings = 0;

  done = read.candidates.length * 2 - usable.length;
  for (const { c, geometry: source, closedRings: closed } of usable) {
    tick();
    eachPosition(source, ([x, y]) => grow(written, x, y));
    const geometry = reprojectGeometry(source, convert);
    let inside = true;
    const fb: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
    eachPosition(geometry, ([x, y]) => {
      if (!inFrance(x, y)) inside = false; // NaN too: off the NTF grid
      if (Number.isFinite(x) && Number.isFinite(y)) grow(fb, x, y);
    });
    if (fb[0] <= fb[2]) {
      const target = inside ? bbox : outside;
      grow(target, fb[0], fb[1]);
      grow(target, fb[2], fb[3]);
    }
    if (!inside) {
      skip({ index: c.index, name: c.name, reason: 'import.outside-france' });
      continue;
    }
    closedRings += closed;
    for (const family of families(geometry)) counts[family]++;
    const feature: Feature<Geometry, GeoJsonProperties> = { type: 'Feature', properties: c.properties, geometry };
    if (c.id !== undefined) feature.id = c.id;
    features.push(feature);
  }

  onProgress?.(total, total);
  // GPX, KML and OSM name their axes: only a GeoJSON can be read the wrong way
  const proposal = read.crs.by === 'format' ? null : proposeCrs(written, from, swapAxes);
  const landed = union(bbox, outside);
  const proposed: GeoError | null = proposal && {
    code: proposal.crs === from ? 'import.axes-swapped' : 'import.crs-proposed',
    detail: {
      crs: from,
      ...(proposal.crs === from ? {} : { proposed: proposal.crs }),
      ...(landed ? { lon: round2((landed[0] + landed[2]) / 2), lat: round2((landed[1] + landed[3]) / 2) } : {}),
    },
  };
  if (features.length === 0) {
    if (proposed) return fail(proposed.code, proposed.detail);
    // every usable feature is outside: the extent says where the file landed, which usually
    // shows the wrong projection
    const ext =
      outside[0] <= outside[2] ? { west: round2(outside[0]), south: round2(outside[1]), east: round2(outside[2]), north: round2(outside[3]) } : undefined;
    return fail('import.outside-france', { crs: from, ...ext });
  }

  if (proposed) warnings.push(proposed);
  if (closedRings > 0) warnings.push({ code: 'import.rings-closed', detail: { count: closedRings } });
  const present = (Object.keys(counts) as (keyof typeof counts)[]).filter((k) => counts[k] > 0);
  if (present.length > 1) warnings.push({ code: 'import.mixed-geometry', detail: { types: present.map((k) => FAMILY_NAMES[k]).join(', ') } });
  if (skippedCount > 0) warnings.push({ code: 'import.skipped', detail: { count: skippedCount, total: skippedCount + features.length } });

  const layer: ImportedLayer = {
    name: read.name,
    format: read.format,
    fc: { type: 'FeatureCollection', features },
    crs: read.crs,
    from,
    swapAxes,
    geometryCounts: counts,
    bbox,
    warnings,
    skipped,
  };
  return ok(layer, warnings);
}

/** Format names quoted in messages (the same in French and English). */
const FORMAT_NAMES: Record<LayerFormat, string> = {
  geojson: 'GeoJSON',
  'overpass-json': 'Overpass (OpenStreetMap)',
  'osm-xml': 'OpenStreetMap (.osm)',
  gpx: 'GPX',
  kml: 'KML',
  kmz: 'KMZ',
  shapefile: 'Shapefile',
};

/** GeoJSON's own type names: the messages quote them in both languages. */
const FAMILY_NAMES = { point: 'Point', line: 'LineString', polygon: 'Polygon' } as const;

function families(g: Geometry): Set<'point' | 'line' | 'polygon'> {
  const out = new Set<'point' | 'line' | 'polygon'>();
  const stack: Geometry[] = [g];
  while (stack.length) {
    const x = stack.pop();
    if (!x) continue;
    if (x.type === 'GeometryCollection') stack.push(...x.geometries);
    else if (x.type === 'Point' || x.type === 'MultiPoint') out.add('point');
    else if (x.type === 'LineString' || x.type === 'MultiLineString') out.add('line');
    else out.add('polygon');
  }
  return out;
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/** The extent of two extents; null when both are empty. */
function union(a: readonly number[], b: readonly number[]): [number, number, number, number] | null {
  const u: [number, number, number, number] = [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
  return u[0] <= u[2] ? u : null;
}

function grow(b: [number, number, number, number], x: number, y: number): void {
  if (x < b[0]) b[0] = x;
  if (y < b[1]) b[1] = y;
  if (x > b[2]) b[2] = x;
  if (y > b[3]) b[3] = y;
}

/** The name a user would recognise: the usual attribute names of French open data, else the id. */
function featureName(p: Record<string, unknown>, id: string | number | undefined): string {
  for (const k of ['name', 'nom', 'NOM', 'Name', 'NAME', 'libelle', 'LIBELLE', 'toponyme']) {
    const v = p[k];
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (typeof v === 'number') return String(v);
  }
  return id === undefined ? '' : String(id);
}

/** "couches/Chemins.geojson" → "Chemins". */
function baseName(fileName: string): string {
  const file = fileName.split(/[/\\]/).pop() ?? fileName;
  const dot = file.lastIndexOf('.');
  const stem = dot > 0 ? file.slice(0, dot) : file;
  return stem.trim() || file;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
