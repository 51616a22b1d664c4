// Zones made ready for reviews: vertices in typed arrays and one flatbush index over the zones'
// bounding boxes, built once per layer. The per-zone index over edges is built only when a route
// first comes near a large zone (./edges.ts): most of a layer's zones are never approached.
//
// A PreparedZones holds flatbush instances, which do not survive structured clone: prepare the
// zones where the reviews run (the worker) and send only plain ZoneInput values there.

import Flatbush from 'flatbush';
import type { GeoError } from '../errors';
import type { SeasonPeriod, ZoneInput } from './types';

export interface PreparedZone {
  id: string;
  name: string;
  code?: string;
  kind: string;
  layer: string;
  geometry: 'polygon' | 'line';
  /** the zone's own sensitive periods (ZoneInput.season) */
  season?: SeasonPeriod[];
  /** every vertex of every ring (or line), interleaved lon, lat */
  xy: Float64Array;
  /** for each edge, the index (in vertices, not in xy) of its first vertex; the second is the next one */
  edges: Uint32Array;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  /** built on first use by edgesInBox for zones with many edges; null until then or when not worth it */
  edgeIndex: Flatbush | null;
}

export interface PreparedZones {
  zones: PreparedZone[];
  /** bounding boxes of `zones`, same order; null when there is no zone */
  index: Flatbush | null;
  /** zones given without a single edge: left out, and said so (./validate.ts never produces them) */
  issues: GeoError[];
}

export function prepareZones(inputs: readonly ZoneInput[]): PreparedZones {
  const zones: PreparedZone[] = [];
  const issues: GeoError[] = [];
  for (const input of inputs) {
    const zone = prepareOne(input);
    if (zone) zones.push(zone);
    else issues.push({ code: 'zone.empty-geometry', detail: { name: input.name, layer: input.layer } });
  }
  if (zones.length === 0) return { zones, index: null, issues };
  const index = new Flatbush(zones.length);
  for (const z of zones) index.add(z.minX, z.minY, z.maxX, z.maxY);
  index.finish();
  return { zones, index, issues };
}

/** null for a zone without a single edge. */
function prepareOne(input: ZoneInput): PreparedZone | null {
  let vertexCount = 0;
  let edgeCount = 0;
  for (const part of input.parts) {
    vertexCount += part.length;
    if (part.length >= 2) edgeCount += part.length - 1;
  }
  if (edgeCount === 0) return null;
  const xy = new Float64Array(vertexCount * 2);
  const edges = new Uint32Array(edgeCount);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let v = 0;
  let e = 0;
  for (const part of input.parts) {
    for (let k = 0; k < part.length; k++) {
      const x = part[k][0];
      const y = part[k][1];
      xy[2 * v] = x;
      xy[2 * v + 1] = y;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      // the last vertex of a part starts no edge: parts are separate rings or lines
      if (k + 1 < part.length) edges[e++] = v;
      v++;
    }
  }
  return {
    id: input.id,
    name: input.name,
    ...(input.code !== undefined ? { code: input.code } : {}),
    kind: input.kind,
    layer: input.layer,
    geometry: input.geometry,
    ...(input.season ? { season: input.season } : {}),
    xy,
    edges,
    minX,
    minY,
    maxX,
    maxY,
    edgeIndex: null,
  };
}
