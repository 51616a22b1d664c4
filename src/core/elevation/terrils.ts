// Where the relief approché is silent about a climb. It is interpolated from mine-shaft collars,
// which stand on the plain: the terrils (the 11/19 rises about 140 m above it) are not in it at
// all. A stretch whose elevations come from it and that runs over a terril has its climb missing,
// so the ascent is only a lower bound, and the figures must say so.

import type { FeatureCollection, Geometry } from 'geojson';
import { segmentLength } from '../geo/geodesic';
import type { GeoError } from '../errors';
import type { Draped, ElevationLayer } from './sources';

export interface TerrilArea {
  /** « T074 » */
  id: string;
  name: string;
  /** polygons, each its outer ring then its holes, [lon, lat] */
  polygons: [number, number][][][];
  bbox: [number, number, number, number];
}

/**
 * Shapes of the terrils layer that do not rise above the plain: the cavaliers (the embankments the
 * routes run on), the levelled heaps (« arasé… ») and the settling ponds. A route along a cavalier
 * has no climb missing.
 */
const FLAT_FORM = /^(cavalier|aras|bassin)/i;

/**
 * The terrils layer (public/data/terrils.geojson: properties id, name or nom, forme) as areas,
 * those that rise above the plain only.
 */
export function terrilAreas(fc: FeatureCollection<Geometry | null>): TerrilArea[] {
  const out: TerrilArea[] = [];
  for (const f of fc.features) {
    const g = f.geometry;
    if (FLAT_FORM.test(String(f.properties?.forme ?? ''))) continue;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue;
    const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as [number, number][][][];
    let w = Infinity;
    let s = Infinity;
    let e = -Infinity;
    let n = -Infinity;
    for (const poly of polygons) {
      for (const [x, y] of poly[0] ?? []) {
        if (x < w) w = x;
        if (x > e) e = x;
        if (y < s) s = y;
        if (y > n) n = y;
      }
    }
    if (!(w <= e && s <= n)) continue;
    const p = f.properties ?? {};
    const id = String(p.id ?? f.id ?? '');
    const name = String(p.name ?? p.nom ?? '');
    out.push({ id, name, polygons, bbox: [w, s, e, n] });
  }
  return out;
}

function inRing(ring: readonly [number, number][], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inArea(a: TerrilArea, x: number, y: number): boolean {
  const [w, s, e, n] = a.bbox;
  if (x < w || x > e || y < s || y > n) return false;
  return a.polygons.some((poly) => poly.length > 0 && inRing(poly[0], x, y) && !poly.slice(1).some((hole) => inRing(hole, x, y)));
}

export interface TerrilCrossing {
  id: string;
  name: string;
  /** metres of the route over the terril with elevations from the relief approché */
  length_m: number;
}

/** Below this, a route only grazes a terril's edge: its climb is not what is missing. */
const TERRIL_MIN_CROSSING_M = 30;

/**
 * The terrils the route crosses where its elevations come from an approximate source. A piece
 * counts when both its ends are over the terril and at least one of them took the approximation.
 */
export function terrilCrossings(draped: Draped, layers: readonly ElevationLayer[], terrils: readonly TerrilArea[]): TerrilCrossing[] {
  if (terrils.length === 0) return [];
  const approx = new Set(layers.map((l, i) => (l.source === 'approximation' ? i : -99)));
  const metres = new Map<TerrilArea, number>();
  draped.segments.forEach((pts, s) => {
    const from = draped.from[s];
    let prev: TerrilArea | undefined;
    for (let i = 0; i < pts.length; i++) {
      const [x, y] = pts[i];
      const here = prev && inArea(prev, x, y) ? prev : terrils.find((t) => inArea(t, x, y));
      if (i > 0 && here && here === prev && (approx.has(from[i]) || approx.has(from[i - 1]))) {
        metres.set(here, (metres.get(here) ?? 0) + segmentLength(pts[i - 1][0], pts[i - 1][1], x, y));
      }
      prev = here;
    }
  });
  return [...metres]
    .filter(([, m]) => m >= TERRIL_MIN_CROSSING_M)
    .sort((a, b) => b[1] - a[1])
    .map(([t, m]) => ({ id: t.id, name: t.name, length_m: m }));
}

/** « T074 · 11/19 » */
function terrilLabel(t: { id: string; name: string }): string {
  return t.id && t.name ? `${t.id} · ${t.name}` : t.id || t.name;
}

/** The warning the panel and `cavalier stats` show: which terrils, and that the ascent is a minimum. */
export function terrilWarning(crossings: readonly TerrilCrossing[]): GeoError | null {
  if (crossings.length === 0) return null;
  const shown = crossings.slice(0, 3).map(terrilLabel);
  const more = crossings.length - shown.length;
  return {
    code: 'relief.terril-missing',
    detail: {
      terrils: more > 0 ? `${shown.join(', ')} (+${more})` : shown.join(', '),
      count: crossings.length,
      length_m: Math.round(crossings.reduce((m, c) => m + c.length_m, 0)),
    },
  };
}
