// Lines from GeoJSON text: every LineString and MultiLineString found in a geometry, a Feature,
// a FeatureCollection or a GeometryCollection, one segment per line, in document order.

import { fail, ok, type Result } from '../errors';
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

  const builder = new SegmentBuilder();
  outer: for (const line of lines) {
    for (const p of line) {
      const [lon, lat, ele] = Array.isArray(p) ? p : [];
      const valid = builder.add(
        typeof lon === 'number' ? lon : NaN,
        typeof lat === 'number' ? lat : NaN,
        typeof ele === 'number' ? ele : undefined,
      );
      if (!valid) break outer;
    }
    builder.endSegment();
  }
  const segments = builder.result(options);
  if (!segments.ok) return segments;
  return ok({ name: name || topName || fallbackName, segments: segments.value }, segments.warnings);
}

/** Pushes in reverse so that popping visits the items in document order. */
function pushAll(stack: { node: Json; name: string }[], items: Json[], name: string): void {
  for (let i = items.length - 1; i >= 0; i--) stack.push({ node: items[i], name });
}
