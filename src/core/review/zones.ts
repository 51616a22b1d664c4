// Zones made ready for reviews: one flatbush index over the zones' bounding boxes, built once per
// layer; each zone's vertices in typed arrays, made the first time a route's corridor meets its
// box (zoneAt), and its index over edges only when a route first comes near a large zone
// (./edges.ts): most of a layer's zones are never approached, and cost only their box.
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
  /** the layer's zones with at least one edge, in the order of `index` */
  inputs: readonly ZoneInput[];
  /** `inputs` made ready for the walks, built on first use by zoneAt: only the zones a route's corridor has met */
  zones: (PreparedZone | undefined)[];
  /** bounding boxes of `inputs`, same order; null when there is no zone */
  index: Flatbush | null;
  /** zones given without a single edge: left out, and said so (./validate.ts never produces them) */
  issues: GeoError[];
}

/**
 * The layer's bounding boxes and their index: one pass over the vertices, no copy. The typed
 * arrays of a zone are made by zoneAt when a review first needs them (at 50,000 zones a route
 * comes near a few thousand; copying all of them cost more than the review).
 */
export function prepareZones(inputs: readonly ZoneInput[]): PreparedZones {
  const kept: ZoneInput[] = [];
  const issues: GeoError[] = [];
  const boxes = new Float64Array(4 * inputs.length);
  for (const input of inputs) {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    let edges = 0;
    for (const part of input.parts) {
      if (part.length >= 2) edges += part.length - 1;
      for (let k = 0; k < part.length; k++) {
        const x = part[k][0];
        const y = part[k][1];
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
    if (edges === 0) {
      issues.push({ code: 'zone.empty-geometry', detail: { name: input.name, layer: input.layer } });
      continue;
    }
    const k = 4 * kept.length;
    boxes[k] = minX;
    boxes[k + 1] = minY;
    boxes[k + 2] = maxX;
    boxes[k + 3] = maxY;
    kept.push(input);
  }
  const zones = new Array<PreparedZone | undefined>(kept.length);
  if (kept.length === 0) return { inputs: kept, zones, index: null, issues };
  const index = new Flatbush(kept.length);
  for (let k = 0; k < 4 * kept.length; k += 4) index.add(boxes[k], boxes[k + 1], boxes[k + 2], boxes[k + 3]);
  index.finish();
  return { inputs: kept, zones, index, issues };
}

/** Zone i of the index, its typed arrays made on first use and kept for later reviews. */
export function zoneAt(prepared: PreparedZones, i: number): PreparedZone {
  let zone = prepared.zones[i];
  if (!zone) {
    zone = prepareOne(prepared.inputs[i]);
    prepared.zones[i] = zone;
  }
  return zone;
}

/** Only for zones with at least one edge (prepareZones left the others out). */
function prepareOne(input: ZoneInput): PreparedZone {
  let vertexCount = 0;
  let edgeCount = 0;
  for (const part of input.parts) {
    vertexCount += part.length;
    if (part.length >= 2) edgeCount += part.length - 1;
  }
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
