// Lines from GeoJSON text: every LineString and MultiLineString found in a geometry, a Feature,
// a FeatureCollection or a GeometryCollection, one segment per line, in document order.
// A track in Lambert-93, Lambert II étendu or Web Mercator (as QGIS exports them) is detected and
// converted as a layer import would, with a warning; a projection Cavalier does not know is said
// to be one, not reported as a bad latitude.

import { fail, ok, type GeoError, type Result } from '../errors';
import { crsConverter } from '../import/crs';
import { detectCrs } from '../import/detect-crs';
import { round7 } from '../import/reproject-geojson';
import type { Track } from '../types';
import { SegmentBuilder, type TrackReadOptions } from './points';

type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The type a GeoJSON text's top-level object has (RFC 7946, section 1.4). */
const GEOJSON_TYPES = new Set([
  'FeatureCollection',
  'Feature',
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

export function tracksFromGeoJson(text: string, fallbackName: string, options: TrackReadOptions = {}): Result<Track> {
  let data: Json;
  try {
    data = JSON.parse(text);
  } catch {
    return fail('file.not-json');
  }
  // a settings file, a package.json…: say so rather than "no track"
  if (!isObject(data) || typeof data.type !== 'string' || !GEOJSON_TYPES.has(data.type)) return fail('file.not-geojson');
  const lines: Json[][] = [];
  let name = '';
  // explicit stack instead of recursion: nesting depth comes from the file
  const stack: { node: Json; name: string }[] = [{ node: data, name: '' }];
  const topName = isObject(data) && typeof data.name === 'string' ? data.name.trim() : '';
  while (stack.length) {
    const item = stack.pop();
    if (!item || !isObject(item.node)) continue;
    const node = item.node;
    switch (node.type) {
      case 'FeatureCollection':
        if (Array.isArray(node.features)) pushAll(stack, node.features, '');
        break;
      case 'Feature': {
        const props = node.properties;
        const own = isObject(props) && typeof props.name === 'string' ? props.name.trim() : '';
        stack.push({ node: node.geometry, name: own });
        break;
      }
      case 'GeometryCollection':
        if (Array.isArray(node.geometries)) pushAll(stack, node.geometries, item.name);
        break;
      case 'LineString':
        lines.push(Array.isArray(node.coordinates) ? node.coordinates : []);
        if (!name) name = item.name;
        break;
      case 'MultiLineString':
        if (Array.isArray(node.coordinates)) {
          for (const l of node.coordinates) lines.push(Array.isArray(l) ? l : []);
        }
        if (!name) name = item.name;
        break;
      default:
        break;
    }
  }

  const crs = detectCrs(data);
  const from = crs.crs === 'unknown' || crs.crs === 'EPSG:4326' ? null : crs.crs;
  const convert = from ? crsConverter(from) : null;
  const toWgs84 = (x: number, y: number): [number, number] => {
    if (!convert) return [x, y];
    const [lon, lat] = convert(x, y);
    return [round7(lon), round7(lat)];
  };
  const builder = new SegmentBuilder();
  let badPoint: { x: number; y: number } | null = null;
  outer: for (const line of lines) {
    for (const p of line) {
      const [x, y, ele] = Array.isArray(p) ? p : [];
      const [lon, lat] = typeof x === 'number' && typeof y === 'number' ? toWgs84(x, y) : [NaN, NaN];
      const valid = builder.add(lon, lat, typeof ele === 'number' ? ele : undefined);
      if (!valid) {
        if (typeof x === 'number' && typeof y === 'number') badPoint = { x, y };
        break outer;
      }
    }
    builder.endSegment();
  }
  const segments = builder.result(options);
  if (!segments.ok) {
    const e = segments.error;
    // thousands, in a file we could not place, are metres of some projection (a latitude of 95 is a typo)
    if (e.code === 'file.bad-coordinate' && !from && badPoint && looksProjected(badPoint.x, badPoint.y)) {
      return fail('file.projected', { point: Number(e.detail?.point), x: badPoint.x, y: badPoint.y, ...(crs.declared ? { declared: crs.declared } : {}) });
    }
    return segments;
  }
  const warnings: GeoError[] = from ? [{ code: 'file.reprojected', detail: { crs: from } }, ...segments.warnings] : segments.warnings;
  return ok({ name: name || topName || fallbackName, segments: segments.value }, warnings);
}

const looksProjected = (x: number, y: number) => Number.isFinite(x) && Number.isFinite(y) && Math.max(Math.abs(x), Math.abs(y)) > 1000;

/** Pushes in reverse so that popping visits the items in document order. */
function pushAll(stack: { node: Json; name: string }[], items: Json[], name: string): void {
  for (let i = items.length - 1; i >= 0; i--) stack.push({ node: items[i], name });
}
