// The places of the embedded layers, for the search and the map's labels: one per commune,
// terril, friche or shaft, one per named cavalier or véloroute (its stretches gathered), each with
// a label point, a bbox and what picks its features out of its layer for the highlight.
//
// Which layer holds which kind is read from the manifest ids ('communes', 'terrils', 'cavaliers',
// 'puits', a 'friches' or 'veloroutes' layer when the pipeline embeds one), so a layer added to the
// pipeline under such an id is searched without touching this file.

import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { Place, PlaceKind } from './types';

export interface PlaceLayer {
  /** manifest id */
  id: string;
  kind: PlaceKind;
  /** where its GeoJSON is (absolute, for the worker that reads it) */
  url: string;
}

type EntryLike = { id: string; geometry: 'polygon' | 'line' | 'point'; status?: string; url?: string };

/** The kind of place a manifest layer holds, or null for layers that are not searched. */
export function placeKindOfLayer(entry: EntryLike): PlaceKind | null {
  if (entry.status === 'to-import' || !entry.url) return null;
  const id = entry.id.toLowerCase();
  // every commune of Nord and Pas-de-Calais is the dossier's list (communes crossed), not places:
  // searched, « Loos » would land in Loos (Nord) before Loos-en-Gohelle, and the basin's communes
  // would be labelled twice; the online geocoder finds the others
  if (id === 'communes-npdc') return null;
  if (id.includes('commune')) return 'commune';
  if (id.includes('terril')) return 'terril';
  if (id.includes('friche')) return 'friche';
  if (id.includes('puits') || id.includes('shaft')) return 'puits';
  if (entry.geometry !== 'line') return null;
  if (id.includes('velo') || id.includes('voie-verte') || id.includes('osm-route')) return 'veloroute';
  if (id.includes('cavalier')) return 'cavalier';
  return null;
}

type Props = Record<string, unknown>;

const text = (v: unknown): string | undefined => {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return undefined;
  const s = v.replace(/\s+/g, ' ').trim();
  return s ? s : undefined;
};

function firstText(p: Props, keys: readonly string[]): string | undefined {
  return firstField(p, keys)?.value;
}

/** The first of `keys` that holds a text, and that text. */
function firstField(p: Props, keys: readonly string[]): { key: string; value: string } | undefined {
  for (const key of keys) {
    const value = text(p[key]);
    if (value) return { key, value };
  }
  return undefined;
}

// the names the sources use: ours ('name'), the Mission's ('nom'), the ADAV's véloroutes, Cartofriches'
const NAME_KEYS = ['name', 'nom', 'nom_usuel', 'nom_tit_af', 'NOM_ITI', 'site_nom', 'NOM', 'Name'];

type Bbox = [number, number, number, number];

function extendBbox(b: Bbox, p: Position): void {
  if (p[0] < b[0]) b[0] = p[0];
  if (p[1] < b[1]) b[1] = p[1];
  if (p[0] > b[2]) b[2] = p[0];
  if (p[1] > b[3]) b[3] = p[1];
}

const emptyBbox = (): Bbox => [Infinity, Infinity, -Infinity, -Infinity];

function positionsOf(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
    case 'GeometryCollection':
      return g.geometries.flatMap(positionsOf);
  }
}

const finite = (p: Position): boolean => Number.isFinite(p[0]) && Number.isFinite(p[1]);

function bboxOf(positions: readonly Position[]): Bbox | null {
  const b = emptyBbox();
  for (const p of positions) if (finite(p)) extendBbox(b, p);
  return b[0] <= b[2] ? b : null;
}

function ringArea(ring: readonly Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return Math.abs(a / 2);
}

/**
 * A point inside a polygon for its label: on a few horizontal lines across it, the middle of the
 * widest stretch that lies inside (a centroid can fall outside a crescent-shaped commune).
 */
export function interiorPoint(rings: readonly (readonly Position[])[]): [number, number] | null {
  const outer = rings[0];
  const b = outer && bboxOf(outer);
  if (!b) return null;
  let best: { x: number; y: number; width: number } | null = null;
  for (const f of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
    const y = b[1] + (b[3] - b[1]) * f;
    const xs: number[] = [];
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [x1, y1] = ring[j];
        const [x2, y2] = ring[i];
        if (y1 > y !== y2 > y) xs.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
      }
    }
    xs.sort((p, q) => p - q);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      // lines near the middle win a tie: the label sits where the eye expects it
      const width = (xs[k + 1] - xs[k]) * (1 - Math.abs(f - 0.5) * 0.5);
      if (!best || width > best.width) best = { x: (xs[k] + xs[k + 1]) / 2, y, width };
    }
  }
  return best ? [best.x, best.y] : [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
}

function polygonsOf(g: Geometry): Position[][][] {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(polygonsOf);
  return [];
}

function linesOf(g: Geometry): Position[][] {
  if (g.type === 'LineString') return [g.coordinates];
  if (g.type === 'MultiLineString') return g.coordinates;
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(linesOf);
  return [];
}

/** Planar length in degrees, corrected for latitude: enough to compare stretches and find a middle. */
function flatLength(line: readonly Position[]): number {
  let d = 0;
  for (let i = 1; i < line.length; i++) {
    const k = Math.cos((line[i][1] * Math.PI) / 180);
    d += Math.hypot((line[i][0] - line[i - 1][0]) * k, line[i][1] - line[i - 1][1]);
  }
  return d;
}

function middleOf(line: readonly Position[]): [number, number] {
  const half = flatLength(line) / 2;
  let d = 0;
  for (let i = 1; i < line.length; i++) {
    const k = Math.cos((line[i][1] * Math.PI) / 180);
    const step = Math.hypot((line[i][0] - line[i - 1][0]) * k, line[i][1] - line[i - 1][1]);
    if (d + step >= half && step > 0) {
      const t = (half - d) / step;
      return [line[i - 1][0] + t * (line[i][0] - line[i - 1][0]), line[i - 1][1] + t * (line[i][1] - line[i - 1][1])];
    }
    d += step;
  }
  return [line[0][0], line[0][1]];
}

function labelPoint(g: Geometry): [number, number] | null {
  const polygons = polygonsOf(g);
  if (polygons.length) {
    let largest = polygons[0];
    for (const p of polygons) if (ringArea(p[0] ?? []) > ringArea(largest[0] ?? [])) largest = p;
    return interiorPoint(largest);
  }
  const lines = linesOf(g).filter((l) => l.length >= 2);
  if (lines.length) {
    let longest = lines[0];
    for (const l of lines) if (flatLength(l) > flatLength(longest)) longest = l;
    return middleOf(longest);
  }
  const p = positionsOf(g).find(finite);
  return p ? [p[0], p[1]] : null;
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
const roundPoint = (p: [number, number]): [number, number] => [round6(p[0]), round6(p[1])];
const roundBbox = (b: Bbox): Bbox => [round6(b[0]), round6(b[1]), round6(b[2]), round6(b[3])];

/** « T074 », « T074a »: the Mission's terril numbers. */
const TERRIL_REF = /^T\d+[a-z]?$/i;

function uniqueWords(list: readonly (string | undefined)[], max = 4): string | undefined {
  const seen = new Set<string>();
  for (const item of list) for (const part of (item ?? '').split(',')) if (part.trim()) seen.add(part.trim());
  const all = [...seen];
  return all.length ? all.slice(0, max).join(', ') + (all.length > max ? '…' : '') : undefined;
}

/** One place per feature: communes, terrils, friches, shafts. */
function featurePlace(layer: Pick<PlaceLayer, 'id' | 'kind'>, f: Feature, index: number): Place | null {
  if (!f.geometry) return null;
  const p = (f.properties ?? {}) as Props;
  const point = labelPoint(f.geometry);
  const bbox = bboxOf(positionsOf(f.geometry));
  if (!point || !bbox) return null;
  const base = { kind: layer.kind, point: roundPoint(point), bbox: roundBbox(bbox), layerId: layer.id };
  switch (layer.kind) {
    case 'commune': {
      const name = firstText(p, NAME_KEYS);
      if (!name) return null;
      const insee = text(p.insee) ?? text(p.code) ?? text(p.INSEE_COM);
      const population = typeof p.population === 'number' && Number.isFinite(p.population) ? p.population : undefined;
      return {
        ...base,
        id: `${layer.id}:${insee ?? name}`,
        name,
        ...(population !== undefined ? { population } : {}),
        match: insee ? { key: 'insee', value: insee } : { key: 'name', value: name },
      };
    }
    case 'terril': {
      const id = text(p.id);
      const ref = id && TERRIL_REF.test(id) ? id : undefined;
      const name = firstText(p, NAME_KEYS) ?? ref;
      if (!name) return null;
      const official = text(p.nom);
      return {
        ...base,
        id: `${layer.id}:${ref ?? index}`,
        name,
        ...(ref ? { ref } : {}),
        ...(official && official !== name ? { aliases: [official] } : {}),
        ...(text(p.communes) ? { context: text(p.communes) } : {}),
        match: ref ? { key: 'id', value: ref } : { key: 'name', value: name },
      };
    }
    case 'friche': {
      const raw = firstText(p, ['site_nom', ...NAME_KEYS]);
      if (!raw) return null;
      // Cartofriches names of call-for-projects files end with « friche: <the site's name> »
      const tail = /friche\s*:\s*(.+)$/i.exec(raw)?.[1]?.trim();
      const name = tail || raw;
      const siteId = text(p.site_id);
      const context = text(p.comm_nom) ?? text(p.commune);
      const status = text(p.site_statut) ?? text(p.statut);
      return {
        ...base,
        id: `${layer.id}:${siteId ?? index}`,
        name,
        ...(tail && tail !== raw ? { aliases: [raw] } : {}),
        ...(context ? { context } : {}),
        ...(status ? { status } : {}),
        ...(siteId ? { match: { key: 'site_id', value: siteId } } : {}),
      };
    }
    default: {
      const name = firstText(p, NAME_KEYS);
      if (!name) return null;
      const alias = text(p.fosse_alias);
      const context = text(p.commune) ?? text(p.communes);
      return {
        ...base,
        id: `${layer.id}:${index}`,
        name,
        ...(alias ? { aliases: [alias] } : {}),
        ...(context ? { context } : {}),
      };
    }
  }
}

/** One place per name for lines: a cavalier or a véloroute is made of many stretches. */
function linePlaces(layer: Pick<PlaceLayer, 'id' | 'kind'>, fc: FeatureCollection): Place[] {
  const groups = new Map<string, { name: string; key: string; ref?: string; lines: Position[][]; communes: string[] }>();
  for (const f of fc.features) {
    if (!f.geometry) continue;
    const p = (f.properties ?? {}) as Props;
    const field = firstField(p, NAME_KEYS);
    if (!field) continue;
    const lines = linesOf(f.geometry).filter((l) => l.length >= 2);
    if (!lines.length) continue;
    const name = field.value;
    const g = groups.get(name) ?? { name, key: field.key, lines: [], communes: [] };
    const ref = text(p.ref) ?? (text(p.NUMERO_VEL) ? `V${text(p.NUMERO_VEL)}` : undefined);
    if (ref && !g.ref) g.ref = ref;
    g.lines.push(...lines);
    const communes = text(p.communes);
    if (communes) g.communes.push(communes);
    groups.set(name, g);
  }
  const out: Place[] = [];
  for (const g of groups.values()) {
    const bbox = bboxOf(g.lines.flat());
    if (!bbox) continue;
    let longest = g.lines[0];
    for (const l of g.lines) if (flatLength(l) > flatLength(longest)) longest = l;
    const context = uniqueWords(g.communes);
    out.push({
      id: `${layer.id}:${g.name}`,
      kind: layer.kind,
      name: g.name,
      ...(g.ref ? { ref: g.ref } : {}),
      ...(context ? { context } : {}),
      point: roundPoint(middleOf(longest)),
      bbox: roundBbox(bbox),
      layerId: layer.id,
      match: { key: g.key, value: g.name },
    });
  }
  return out;
}

/** The places of one layer's GeoJSON. Features without a name or a geometry are left out. */
export function placesFromLayer(layer: Pick<PlaceLayer, 'id' | 'kind'>, fc: FeatureCollection): Place[] {
  if (layer.kind === 'cavalier' || layer.kind === 'veloroute') return linePlaces(layer, fc);
  const out: Place[] = [];
  fc.features.forEach((f, i) => {
    const place = featurePlace(layer, f, i);
    if (place) out.push(place);
  });
  return out;
}

/** Population above which a commune's name shows from zoom 8, 9… (the map's labels). */
export function communeMinZoom(population: number | undefined): number {
  const p = population ?? 0;
  return p >= 30000 ? 8 : p >= 12000 ? 9 : p >= 5000 ? 10 : p >= 2000 ? 11 : 12;
}
