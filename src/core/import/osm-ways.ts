// OpenStreetMap ways with a highway tag, as line features. Shared by the Overpass JSON and the
// .osm XML readers, which only differ in how they list nodes and ways.
// Only highway, name and surface are kept: they are what the network and the stats panel use,
// and an OSM export must stay recognisable as ODbL data (the id says which way it was).

import type { Feature, LineString, MultiLineString, Position } from 'geojson';
import type { ErrorCode } from '../errors';

export interface OsmWay {
  id: string;
  /** the way's nodes in order; null where the node is missing from the file */
  points: (Position | null)[];
  tags: Record<string, string>;
}

interface OsmLineProps {
  highway: string;
  name?: string;
  surface?: string;
}

export interface OsmWaysResult {
  features: Feature<LineString | MultiLineString, OsmLineProps>[];
  /** for each feature, the way's position among the file's ways (from 0), as in `skipped` */
  wayIndex: number[];
  skipped: { index: number; name: string; reason: ErrorCode }[];
  /** ways without a highway tag (buildings, land use…) */
  ignored: number;
  /** highway ways that lost nodes (a bbox extract cuts ways at its edge) */
  withMissingNodes: number;
}

export function osmWaysToFeatures(ways: Iterable<OsmWay>): OsmWaysResult {
  const out: OsmWaysResult = { features: [], wayIndex: [], skipped: [], ignored: 0, withMissingNodes: 0 };
  let index = -1;
  for (const way of ways) {
    index++;
    const highway = way.tags.highway;
    if (!highway) {
      out.ignored++;
      continue;
    }
    // the parts between missing nodes: joining across a gap would draw a road that is not there
    const runs: Position[][] = [[]];
    let missing = false;
    for (const p of way.points) {
      if (p === null) {
        missing = true;
        if (runs[runs.length - 1].length) runs.push([]);
      } else runs[runs.length - 1].push(p);
    }
    if (missing) out.withMissingNodes++;
    const parts = runs.filter((r) => r.length >= 2);
    if (parts.length === 0) {
      out.skipped.push({ index, name: way.tags.name ?? way.id, reason: missing ? 'import.osm-missing-nodes' : 'import.invalid-geometry' });
      continue;
    }
    const properties: OsmLineProps = { highway };
    if (way.tags.name !== undefined) properties.name = way.tags.name;
    if (way.tags.surface !== undefined) properties.surface = way.tags.surface;
    out.wayIndex.push(index);
    out.features.push({
      type: 'Feature',
      id: way.id,
      properties,
      geometry: parts.length === 1 ? { type: 'LineString', coordinates: parts[0] } : { type: 'MultiLineString', coordinates: parts },
    });
  }
  return out;
}

/** A node's position, or null when its latitude or longitude is missing or out of range. */
export function osmPosition(lat: unknown, lon: unknown): Position | null {
  const y = typeof lat === 'string' ? (lat.trim() === '' ? NaN : Number(lat)) : lat;
  const x = typeof lon === 'string' ? (lon.trim() === '' ? NaN : Number(lon)) : lon;
  if (typeof x !== 'number' || typeof y !== 'number') return null;
  if (!(Number.isFinite(x) && Number.isFinite(y) && x >= -180 && x <= 180 && y >= -90 && y <= 90)) return null;
  return [x, y];
}
