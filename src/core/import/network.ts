// Network lines from an imported layer, with a way type per line, so that an OpenStreetMap
// export (or any line layer) can be merged with the cavaliers into one graph: buildGraph on the
// concatenation splits crossings and joins ends that lie within its tolerance.
// Motorways and ways that do not exist on the ground yet are left out: no route may use them.

import type { FeatureCollection, GeoJsonProperties, Geometry, Position } from 'geojson';
import type { NetworkLine } from '../graph/build';
import { EdgeKind, type EdgeKindName } from '../graph/graph';

export interface NetworkFromLayerOptions {
  /** way type of lines whose properties say nothing (a GPX, a plain line layer); 'path' by default */
  defaultKind?: EdgeKindName;
}

/** OSM highway=* values → way type. Values not listed here take the default kind. */
const HIGHWAY_KIND: Record<string, EdgeKindName> = {
  cycleway: 'cycleway',
  track: 'track',
  path: 'path',
  footway: 'path',
  bridleway: 'path',
  steps: 'path',
  // paved streets and roads: what trail rules count as asphalt
  pedestrian: 'road',
  living_street: 'road',
  residential: 'road',
  service: 'road',
  unclassified: 'road',
  tertiary: 'road',
  tertiary_link: 'road',
  secondary: 'road',
  secondary_link: 'road',
  primary: 'road',
  primary_link: 'road',
  road: 'road',
};

/** Not walkable, or not built: never part of a course. */
const EXCLUDED_HIGHWAYS = new Set([
  'motorway',
  'motorway_link',
  'trunk',
  'trunk_link',
  'construction',
  'proposed',
  'planned',
  'abandoned',
  'razed',
  'raceway',
  'bus_guideway',
  'busway',
  'platform',
  'elevator',
  'corridor',
]);

export function networkLinesFromLayer(fc: FeatureCollection<Geometry | null, GeoJsonProperties>, opts: NetworkFromLayerOptions = {}): NetworkLine[] {
  const fallback = opts.defaultKind ?? 'path';
  const lines: NetworkLine[] = [];
  for (const f of fc.features) {
    if (!f.geometry) continue;
    const props = f.properties ?? {};
    const kind = kindOf(props, fallback);
    if (kind === null) continue;
    const name = nameOf(props);
    // a way tagged highway=* comes from OpenStreetMap, whose ways meet only at shared nodes
    const exact = str(props.highway) !== '' || props.exact === true;
    for (const part of lineParts(f.geometry)) {
      const coords = part.map((p) => [p[0], p[1]] as [number, number]);
      const line: NetworkLine = name === undefined ? { coords, kind: EdgeKind[kind] } : { coords, kind: EdgeKind[kind], name };
      if (exact) line.exact = true;
      lines.push(line);
    }
  }
  return lines;
}

/** The way type a feature's properties give, or null for a way that must not be routed on. */
function kindOf(p: Record<string, unknown>, fallback: EdgeKindName): EdgeKindName | null {
  // our own exports (reseau.geojson writes `way`) and files edited by hand
  for (const k of ['way', 'kind']) {
    const v = p[k];
    if (typeof v === 'string' && v in EdgeKind && v !== 'gap') return v as EdgeKindName;
  }
  // the Mission Bassin Minier's cavaliers: id_troncon on the buffer-zone lines, "… (cavalier)"
  // in `objet` on the UNESCO elements, forme "Cavalier" in the terril inventory
  if (typeof p.id_troncon === 'string' || /cavalier/i.test(str(p.objet)) || /^cavalier$/i.test(str(p.forme))) return 'cavalier';
  if (/cavalier/i.test(str(p.type))) return 'cavalier';
  const highway = str(p.highway);
  if (highway) {
    if (EXCLUDED_HIGHWAYS.has(highway)) return null;
    return HIGHWAY_KIND[highway] ?? fallback;
  }
  return fallback;
}

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

function nameOf(p: Record<string, unknown>): string | undefined {
  const v = str(p.name) || str(p.nom);
  return v || undefined;
}

function lineParts(g: Geometry): Position[][] {
  switch (g.type) {
    case 'LineString':
      return [g.coordinates];
    case 'MultiLineString':
      return g.coordinates;
    case 'GeometryCollection':
      return g.geometries.flatMap(lineParts);
    default:
      // points and areas are not paths
      return [];
  }
}

/**
 * The lines of the embedded network's file (data/network-lines.geojson, or a cavaliers file),
 * exactly as the pipeline builds network.bin from them and as the engine merges imported layers
 * with them: each line of the kind its `kind` says (a cavaliers file says none: cavalier; a join
 * is never read back as one), named by `name`.
 */
export function networkFileLines(fc: FeatureCollection<Geometry | null, GeoJsonProperties>): NetworkLine[] {
  const lines: NetworkLine[] = [];
  for (const f of fc.features) {
    const g = f.geometry;
    if (!g) continue;
    const name = typeof f.properties?.name === 'string' ? f.properties.name : undefined;
    const k = f.properties?.kind;
    const kind = typeof k === 'string' && k in EdgeKind && k !== 'gap' ? EdgeKind[k as keyof typeof EdgeKind] : EdgeKind.cavalier;
    const exact = f.properties?.exact === true;
    const parts = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
    for (const p of parts) {
      const line: NetworkLine = { coords: p.map((c) => [c[0], c[1]] as [number, number]), kind, name };
      if (exact) line.exact = true;
      lines.push(line);
    }
  }
  return lines;
}
