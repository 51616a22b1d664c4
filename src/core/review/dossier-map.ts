// The maps of the Natura 2000 dossier, as projected geometry ready to draw as SVG: one overall
// map of the route and the sites concerned, and one detailed map per site crossed.
//
// Why SVG from here rather than a snapshot of the app's map: the figures a reader checks on a
// printed map (the written scale, the scale bar, the km marks, the labels) are computed, so they
// are tested like every other figure of the review, print sharp at any size, and the map is the
// same with or without WebGL. The projection is Web Mercator (EPSG:3857), the projection of the
// Géoplateforme's « PM » tile matrix set, so that the Plan IGN tiles of the basemap (when online)
// fall exactly under the drawing: the page only turns each tile's z/x/y into its URL.
//
// The scale is a round one (1:10 000, 1:25 000…), the smallest at which the frame fits the
// printed box; it is true at the frame's centre latitude (Web Mercator stretches by 1/cos φ, the
// ground scale is the Mercator one × cos φ; over the few kilometres of a frame the difference is
// under 0.1 %). One drawing unit is a quarter of a millimetre on paper.

import { pointsEvery } from '../event/locate';
import type { Bbox } from '../geo/bbox';
import type { Position } from '../types';

const R = 6378137;
/** drawing units per millimetre of paper */
export const UNITS_PER_MM = 4;
const NICE_SCALES = [2000, 5000, 10000, 15000, 20000, 25000, 50000, 75000, 100000, 150000, 200000, 250000, 500000, 1000000];
const BAR_LENGTHS = [50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 25000, 50000];

export type MapZoneStyle = 'natura2000' | 'protection' | 'reservoir' | 'corridor' | 'imported' | 'other';

export interface MapZoneInput {
  key: string;
  /** the label on the map: the site's code when it has one, else its name */
  label: string;
  layer: string;
  kind: string;
  geometry: 'polygon' | 'line';
  parts: [number, number][][];
  style: MapZoneStyle;
  inside: boolean;
}

export interface MapPlaceInput {
  kind: string;
  name: string;
  lonlat: [number, number];
}

export interface DossierMapInput {
  /** the route, by track segment (km run on within and across segments, as in the review) */
  segments: Position[][];
  zones: MapZoneInput[];
  places: MapPlaceInput[];
  /** place names drawn when there is no basemap (the communes' names), and whether a point is in the named area */
  labels: { name: string; at: [number, number]; contains?: (lon: number, lat: number) => boolean }[];
  /** the box every map frames (route and nearest points of the zones near) */
  bbox: Bbox;
  /** the box of each crossed site's passes, by zone key: its detailed map */
  siteBoxes: { key: string; bbox: Bbox }[];
}

interface MapTile {
  z: number;
  x: number;
  y: number;
  /** where it goes in drawing units, and its side */
  left: number;
  top: number;
  size: number;
}

interface MapZoneDrawn {
  key: string;
  label: string;
  style: MapZoneStyle;
  geometry: 'polygon' | 'line';
  /** SVG path data in drawing units */
  d: string;
  inside: boolean;
  /** where the label goes (inside the frame); null when no part of the zone is in it */
  labelAt: [number, number] | null;
}

export interface DossierMap {
  /** 'overall', or the key of the site it details */
  id: string;
  /** paper size (mm) and the same in drawing units */
  width_mm: number;
  height_mm: number;
  width: number;
  height: number;
  /** 1:scale, true at the centre latitude */
  scale: number;
  /** the frame on the ground, [west, south, east, north] */
  bbox: Bbox;
  tiles: MapTile[];
  zones: MapZoneDrawn[];
  route: string[];
  /** a mark every `kmStep` km along the route */
  kmStep: number;
  kmMarks: { km: number; x: number; y: number }[];
  places: { kind: string; name: string; x: number; y: number }[];
  labels: { name: string; x: number; y: number }[];
  scaleBar: { length_m: number; length: number };
}

const mercX = (lon: number) => (R * lon * Math.PI) / 180;
const mercY = (lat: number) => R * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const lonOf = (x: number) => (x / R) * (180 / Math.PI);
const latOf = (y: number) => (2 * Math.atan(Math.exp(y / R)) - Math.PI / 2) * (180 / Math.PI);

interface Frame {
  /** Mercator metres of the frame's west and north edges */
  x0: number;
  y0: number;
  /** drawing units per Mercator metre */
  k: number;
  width: number;
  height: number;
  scale: number;
}

/** The round scale at which the box (grown by `margin`) fits the paper, and the frame centred on it. */
function frameOf(bbox: Bbox, width_mm: number, height_mm: number, margin = 0.08, minScale = 5000): Frame {
  const [w, s, e, n] = bbox;
  const cos = Math.cos((((s + n) / 2) * Math.PI) / 180);
  // ground metres across and up the box, margins included
  const gw = (mercX(e) - mercX(w)) * cos * (1 + 2 * margin);
  const gh = (mercY(n) - mercY(s)) * cos * (1 + 2 * margin);
  // at 1:scale a ground metre is 1000 / scale mm of paper: the box fits when scale ≥ ground m × 1000 / paper mm
  const needed = Math.max(gw / width_mm, gh / height_mm) * 1000;
  const scale = NICE_SCALES.find((v) => v >= needed && v >= minScale) ?? NICE_SCALES[NICE_SCALES.length - 1];
  const k = (UNITS_PER_MM * 1000 * cos) / scale;
  const width = width_mm * UNITS_PER_MM;
  const height = height_mm * UNITS_PER_MM;
  const cx = (mercX(w) + mercX(e)) / 2;
  const cy = (mercY(s) + mercY(n)) / 2;
  return { x0: cx - width / 2 / k, y0: cy + height / 2 / k, k, width, height, scale };
}

const project = (f: Frame, lon: number, lat: number): [number, number] => [(mercX(lon) - f.x0) * f.k, (f.y0 - mercY(lat)) * f.k];
const r1 = (v: number) => Math.round(v * 10) / 10;

/**
 * SVG path data of a line or ring. Points beyond a guard band (the frame's own size on every
 * side) are clamped to it, as renderers clip, and runs along the band merged: a site much larger
 * than a detailed map costs a few points outside it, not its whole outline. The band is wide
 * enough that an edge between two points outside it does not cross the frame (the zones' edges
 * are metres to tens of metres, the frames hundreds of metres at least). Points closer than half
 * a unit to the last kept one are dropped.
 */
function pathOf(f: Frame, pts: readonly (readonly number[])[], close: boolean): string {
  const [x0, x1, y0, y1] = [-f.width, 2 * f.width, -f.height, 2 * f.height];
  const kept: [number, number][] = [];
  const onBand = (p: [number, number], q: [number, number]) =>
    (p[0] === q[0] && (p[0] === x0 || p[0] === x1)) || (p[1] === q[1] && (p[1] === y0 || p[1] === y1));
  pts.forEach((p, i) => {
    const [x, y] = project(f, p[0], p[1]);
    const c: [number, number] = [Math.min(x1, Math.max(x0, x)), Math.min(y1, Math.max(y0, y))];
    const n = kept.length;
    const last = i === pts.length - 1;
    if (n > 0 && !last && Math.abs(c[0] - kept[n - 1][0]) < 0.5 && Math.abs(c[1] - kept[n - 1][1]) < 0.5) return;
    // three points in a row along one side of the band: the middle one says nothing
    if (n >= 2 && onBand(kept[n - 2], kept[n - 1]) && onBand(kept[n - 1], c) && (kept[n - 2][0] === c[0] || kept[n - 2][1] === c[1])) kept[n - 1] = c;
    else kept.push(c);
  });
  const d = kept.map(([x, y], i) => `${i ? 'L' : 'M'}${r1(x)} ${r1(y)}`).join('');
  return d && close ? `${d}Z` : d;
}

const within = (f: Frame, x: number, y: number, pad = 0) => x >= pad && y >= pad && x <= f.width - pad && y <= f.height - pad;

/** The tiles of the Web Mercator pyramid under the frame, about two tile pixels per drawing unit, at most 80 tiles. */
function tilesOf(f: Frame): MapTile[] {
  const world = 2 * Math.PI * R;
  let z = Math.min(18, Math.max(0, Math.ceil(Math.log2((2 * f.k * world) / 256))));
  for (;;) {
    const side = world / 2 ** z; // Mercator metres per tile
    // tile x counts from the antimeridian eastwards, y from the north down
    const tx0 = Math.floor((f.x0 + world / 2) / side);
    const tx1 = Math.floor((f.x0 + f.width / f.k + world / 2) / side);
    const ty0 = Math.floor((world / 2 - f.y0) / side);
    const ty1 = Math.floor((world / 2 - (f.y0 - f.height / f.k)) / side);
    if ((tx1 - tx0 + 1) * (ty1 - ty0 + 1) <= 80 || z === 0) {
      const out: MapTile[] = [];
      for (let y = ty0; y <= ty1; y++)
        for (let x = tx0; x <= tx1; x++)
          out.push({ z, x, y, left: r1((x * side - world / 2 - f.x0) * f.k), top: r1((f.y0 - (world / 2 - y * side)) * f.k), size: r1(side * f.k) });
      return out;
    }
    z--;
  }
}

/** Marks every `step` km along the route (distance within segments only, as the review counts it). */
function kmMarksOf(f: Frame, segments: readonly Position[][], step_km: number): DossierMap['kmMarks'] {
  const marks: DossierMap['kmMarks'] = [];
  for (const m of pointsEvery(segments, step_km * 1000)) {
    const [x, y] = project(f, m.position[0], m.position[1]);
    if (within(f, x, y)) marks.push({ km: Math.round(m.along_m / 100) / 10, x: r1(x), y: r1(y) });
  }
  return marks;
}

/** Where a zone's label goes: the mean of its vertices inside the frame; a polygon covering the whole frame gets its centre. */
function labelPoint(f: Frame, z: MapZoneInput): [number, number] | null {
  let sx = 0;
  let sy = 0;
  let n = 0;
  for (const part of z.parts)
    for (const p of part) {
      const [x, y] = project(f, p[0], p[1]);
      if (within(f, x, y, 12)) {
        sx += x;
        sy += y;
        n++;
      }
    }
  if (n > 0) return [r1(sx / n), r1(sy / n)];
  if (z.geometry === 'polygon' && containsPoint(z.parts, lonOf(f.x0 + f.width / 2 / f.k), latOf(f.y0 - f.height / 2 / f.k)))
    return [r1(f.width / 2), r1(f.height / 3)];
  return null;
}

/** the box a label takes (drawing units): about 0.6 em a character at 13 units */
const LABEL_CHAR = 7.5;
const LABEL_HEIGHT = 16;

/**
 * Labels that would overlap one already placed (the zones crossed first) move down a line, up
 * to three times, else go: the zone stays drawn and named in the tables.
 */
function declutter(zones: MapZoneDrawn[]): void {
  const placed: { x0: number; x1: number; y0: number; y1: number }[] = [];
  const order = zones.filter((z) => z.labelAt).sort((a, b) => Number(b.inside) - Number(a.inside));
  for (const z of order) {
    const [x, y] = z.labelAt!;
    const half = (z.label.length * LABEL_CHAR) / 2;
    let at: [number, number] | null = null;
    for (let k = 0; k < 4 && !at; k++) {
      const box = { x0: x - half, x1: x + half, y0: y + k * LABEL_HEIGHT - LABEL_HEIGHT, y1: y + k * LABEL_HEIGHT };
      if (!placed.some((p) => p.x0 < box.x1 && box.x0 < p.x1 && p.y0 < box.y1 && box.y0 < p.y1)) {
        placed.push(box);
        at = [x, r1(y + k * LABEL_HEIGHT)];
      }
    }
    z.labelAt = at;
  }
}

/** Even-odd point in polygon over every ring (the review's own rule, ./types.ts). */
function containsPoint(rings: readonly [number, number][][], lon: number, lat: number): boolean {
  let inside = false;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  return inside;
}

/** The names whose point is in the frame; when none is, the name of the area under the frame's centre, written near the top. */
function labelsOf(f: Frame, labels: DossierMapInput['labels']): DossierMap['labels'] {
  const out = labels
    .map((l) => {
      const [x, y] = project(f, l.at[0], l.at[1]);
      return { name: l.name, x: r1(x), y: r1(y) };
    })
    .filter((p) => within(f, p.x, p.y, 20));
  if (out.length > 0) return out;
  const lon = lonOf(f.x0 + f.width / 2 / f.k);
  const lat = latOf(f.y0 - f.height / 2 / f.k);
  const under = labels.find((l) => l.contains?.(lon, lat));
  return under ? [{ name: under.name, x: r1(f.width / 2), y: 28 }] : [];
}

/** The bar's length: a round 1-2-2.5-5 length near a quarter of the map's width. */
function scaleBarOf(f: Frame): DossierMap['scaleBar'] {
  const groundWidth = (f.width / UNITS_PER_MM) * (f.scale / 1000);
  const target = groundWidth / 4;
  const length_m = [...BAR_LENGTHS].reverse().find((l) => l <= target) ?? BAR_LENGTHS[0];
  return { length_m, length: r1(((length_m * 1000) / f.scale) * UNITS_PER_MM) };
}

function drawMap(input: DossierMapInput, id: string, bbox: Bbox, size: { w: number; h: number }, kmStep: number, minScale: number): DossierMap {
  const f = frameOf(bbox, size.w, size.h, 0.08, minScale);
  const zones = input.zones.map((z) => ({
    key: z.key,
    label: z.label,
    style: z.style,
    geometry: z.geometry,
    d: z.parts.map((p) => pathOf(f, p, z.geometry === 'polygon')).join(''),
    inside: z.inside,
    labelAt: labelPoint(f, z),
  }));
  declutter(zones);
  return {
    id,
    width_mm: size.w,
    height_mm: size.h,
    width: f.width,
    height: f.height,
    scale: f.scale,
    bbox: [lonOf(f.x0), latOf(f.y0 - f.height / f.k), lonOf(f.x0 + f.width / f.k), latOf(f.y0)],
    tiles: tilesOf(f),
    zones,
    route: input.segments.filter((s) => s.length >= 2).map((s) => pathOf(f, s, false)),
    kmStep,
    kmMarks: kmMarksOf(f, input.segments, kmStep),
    places: input.places
      .map((p) => {
        const [x, y] = project(f, p.lonlat[0], p.lonlat[1]);
        return { kind: p.kind, name: p.name, x: r1(x), y: r1(y) };
      })
      .filter((p) => within(f, p.x, p.y)),
    labels: labelsOf(f, input.labels),
    scaleBar: scaleBarOf(f),
  };
}

/** Paper sizes (mm) of the maps: the overall map fills the width of an A4 page, the detailed ones are shorter. */
const OVERALL_MAP_MM = { w: 180, h: 200 };
const SITE_MAP_MM = { w: 180, h: 130 };
/** a detailed map frames at least this much ground around its passes (m, each way) */
const SITE_MIN_HALF_M = 600;

/** Grows a box so that it spans at least 2 × half_m each way. */
function atLeast(bbox: Bbox, half_m: number): Bbox {
  const [w, s, e, n] = bbox;
  const lat = (s + n) / 2;
  const dLat = half_m / 111_320;
  const dLon = half_m / (111_320 * Math.cos((lat * Math.PI) / 180));
  const cx = (w + e) / 2;
  const cy = (s + n) / 2;
  return [Math.min(w, cx - dLon), Math.min(s, cy - dLat), Math.max(e, cx + dLon), Math.max(n, cy + dLat)];
}

/** The overall map, then one detailed map per site crossed (km marks every 5 km overall, every km in the detailed maps). */
export function dossierMaps(input: DossierMapInput): DossierMap[] {
  const overall = drawMap(input, 'overall', input.bbox, OVERALL_MAP_MM, 5, 5000);
  const sites = input.siteBoxes.map((s) => drawMap(input, s.key, atLeast(s.bbox, SITE_MIN_HALF_M), SITE_MAP_MM, 1, 2000));
  return [overall, ...sites];
}
