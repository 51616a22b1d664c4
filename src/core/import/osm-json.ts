// Overpass API answers in JSON (`[out:json]`): nodes, then ways listing node ids (`out body`),
// or ways carrying their own geometry (`out geom`, one {lat, lon} per node, null when clipped).

import type { Position } from 'geojson';
import { osmPosition, osmWaysToFeatures, type OsmWay, type OsmWaysResult } from './osm-ways';

/** True for a parsed JSON value that looks like an Overpass answer. */
export function isOverpassJson(v: unknown): v is { elements: unknown[] } {
  return isObject(v) && Array.isArray(v.elements) && v.type === undefined;
}

export function featuresFromOverpass(data: { elements: unknown[] }): OsmWaysResult & { relations: number } {
  const nodes = new Map<string, Position | null>();
  const raw: Record<string, unknown>[] = [];
  let relations = 0;
  for (const el of data.elements) {
    if (!isObject(el)) continue;
    if (el.type === 'node') nodes.set(idOf(el.id), osmPosition(el.lat, el.lon));
    else if (el.type === 'way') raw.push(el);
    else if (el.type === 'relation') relations++;
  }
  // resolved once every node is known: `out body; >; out skel qt;` lists nodes after the ways
  const ways: OsmWay[] = raw.map((el) => ({
    id: `way/${idOf(el.id)}`,
    tags: tagsOf(el.tags),
    points: Array.isArray(el.geometry)
      ? el.geometry.map((g: unknown) => (isObject(g) ? osmPosition(g.lat, g.lon) : null))
      : (Array.isArray(el.nodes) ? el.nodes : []).map((r: unknown) => nodes.get(idOf(r)) ?? null),
  }));
  return { ...osmWaysToFeatures(ways), relations };
}

const idOf = (v: unknown): string => (typeof v === 'number' || typeof v === 'string' ? String(v) : '');

function tagsOf(v: unknown): Record<string, string> {
  const tags = Object.create(null) as Record<string, string>; // a "__proto__" key is just a key
  if (!isObject(v)) return tags;
  for (const [k, val] of Object.entries(v)) if (typeof val === 'string') tags[k] = val;
  return tags;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
