// Sources and layers of the route being drawn: legs, control points, drag preview, hover marker, highlight.
// Plain data; the controller adds them above every embedded layer.

import type { ExpressionSpecification, LayerSpecification, GeoJSONSourceSpecification } from 'maplibre-gl';
import type { FeatureCollection, Feature, LineString, Point } from 'geojson';
import { segmentLength } from '../../core/geo/geodesic';
import { LABEL_FONT } from '../fonts';

const ROUTE_COLOR = '#1565c0';
const FALLBACK_COLOR = '#d32f2f';
/** a leg flagged as a detour (core isDetour): the organiser should look at it */
const DETOUR_COLOR = '#e65100';
const START_COLOR = '#2e7d32';
const END_COLOR = '#c62828';
const POINT_OUTLINE = '#263238';
const HOVER_COLOR = '#ff6d00';
const HIGHLIGHT_COLOR = '#ffd400';

const TRACK_COLOR = '#6a1b9a';

export const SRC = {
  tracks: 'cav-tracks',
  legs: 'cav-route-legs',
  points: 'cav-route-points',
  preview: 'cav-preview',
  hover: 'cav-hover',
  highlight: 'cav-highlight',
  coursePoints: 'cav-course-points',
} as const;

export const LYR = {
  tracks: 'cav-tracks',
  tracksActive: 'cav-tracks-active',
  highlight: 'cav-highlight',
  casing: 'cav-route-casing',
  legs: 'cav-route',
  legsDashed: 'cav-route-dashed',
  legsHit: 'cav-route-hit',
  detourLabels: 'cav-route-detour-labels',
  preview: 'cav-preview-line',
  previewPoint: 'cav-preview-point',
  points: 'cav-points',
  hover: 'cav-hover',
  coursePoints: 'cav-course-points',
  /** a loop's start and finish badges, side by side rather than one under the other */
  coursePointsLeft: 'cav-course-points-left',
  coursePointsRight: 'cav-course-points-right',
  coursePointIcons: 'cav-course-point-icons',
} as const;

export const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export function routeSources(): Record<string, GeoJSONSourceSpecification> {
  const src = (): GeoJSONSourceSpecification => ({ type: 'geojson', data: EMPTY, tolerance: 0.2 });
  return {
    [SRC.tracks]: src(),
    [SRC.highlight]: src(),
    [SRC.legs]: src(),
    [SRC.preview]: src(),
    [SRC.points]: src(),
    [SRC.hover]: src(),
    [SRC.coursePoints]: src(),
  };
}

const w = (base: number): ExpressionSpecification => ['interpolate', ['linear'], ['zoom'], 8, base * 0.7, 13, base, 17, base * 1.6];

/** Bottom to top. */
export function routeLayers(): LayerSpecification[] {
  return [
    {
      // imported tracks: read-only, the active one (measured and exported) drawn stronger
      id: LYR.tracks,
      type: 'line',
      source: SRC.tracks,
      filter: ['!=', ['get', 'active'], true],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': TRACK_COLOR, 'line-width': w(3), 'line-opacity': 0.55 },
    },
    {
      id: LYR.tracksActive,
      type: 'line',
      source: SRC.tracks,
      filter: ['==', ['get', 'active'], true],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': TRACK_COLOR, 'line-width': w(5) },
    },
    {
      id: LYR.highlight,
      type: 'line',
      source: SRC.highlight,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': HIGHLIGHT_COLOR, 'line-width': w(16), 'line-opacity': 0.75 },
    },
    {
      id: LYR.casing,
      type: 'line',
      source: SRC.legs,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': w(8.5), 'line-opacity': 0.95 },
    },
    {
      id: LYR.legs,
      type: 'line',
      source: SRC.legs,
      filter: ['all', ['==', ['get', 'mode'], 'network'], ['!=', ['get', 'fallback'], true]],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      // in the colour of the formula drawn (setRouteColor), a detour in its own
      paint: { 'line-color': ['case', ['==', ['get', 'detour'], true], DETOUR_COLOR, ['get', 'color']], 'line-width': w(5) },
    },
    {
      // the detour flag written on the leg itself, so it is seen on the map and not only in the list
      id: LYR.detourLabels,
      type: 'symbol',
      source: SRC.legs,
      filter: ['all', ['==', ['get', 'detour'], true], ['!=', ['get', 'label'], '']],
      layout: {
        'symbol-placement': 'line-center',
        'text-field': ['get', 'label'],
        'text-font': [LABEL_FONT.bold],
        'text-size': 13,
        'text-offset': [0, -1],
        'text-allow-overlap': true,
      },
      paint: { 'text-color': DETOUR_COLOR, 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
    },
    {
      // straight legs dashed blue, fallback legs (routing failed, straight line instead) dashed red
      id: LYR.legsDashed,
      type: 'line',
      source: SRC.legs,
      filter: ['any', ['==', ['get', 'mode'], 'straight'], ['==', ['get', 'fallback'], true]],
      layout: { 'line-cap': 'butt', 'line-join': 'round' },
      paint: {
        'line-color': ['case', ['==', ['get', 'fallback'], true], FALLBACK_COLOR, ['get', 'color']],
        'line-width': w(5),
        'line-dasharray': [1.4, 1],
      },
    },
    {
      // wide invisible line: makes the route easy to grab for inserting a point
      id: LYR.legsHit,
      type: 'line',
      source: SRC.legs,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#000000', 'line-width': 16, 'line-opacity': 0 },
    },
    {
      id: LYR.preview,
      type: 'line',
      source: SRC.preview,
      filter: ['==', ['geometry-type'], 'LineString'],
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': ROUTE_COLOR, 'line-width': 2.5, 'line-dasharray': [2, 1.5], 'line-opacity': 0.85 },
    },
    {
      id: LYR.previewPoint,
      type: 'circle',
      source: SRC.preview,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': 7,
        'circle-color': '#ffffff',
        'circle-stroke-color': ROUTE_COLOR,
        'circle-stroke-width': 2.5,
      },
    },
    {
      id: LYR.points,
      type: 'circle',
      source: SRC.points,
      // the two ends of a loop are one place: the combined start/finish marker stands there
      // (formulas.ts), these circles stay to be grabbed, seen only as a ring when selected
      paint: {
        'circle-radius': ['case', ['==', ['get', 'selected'], true], 10, ['!=', ['get', 'role'], 'mid'], 7.5, 6],
        'circle-color': ['match', ['get', 'role'], 'first', START_COLOR, 'last', END_COLOR, '#ffffff'],
        'circle-opacity': ['match', ['get', 'role'], ['loop-start', 'loop-end'], 0, 1],
        'circle-stroke-color': ['match', ['get', 'role'], 'mid', POINT_OUTLINE, ['loop-start', 'loop-end'], POINT_OUTLINE, '#ffffff'],
        'circle-stroke-opacity': ['match', ['get', 'role'], ['loop-start', 'loop-end'], ['case', ['==', ['get', 'selected'], true], 1, 0], 1],
        'circle-stroke-width': ['case', ['==', ['get', 'selected'], true], 3, 2],
        'circle-pitch-alignment': 'map',
      },
    },
    // points on the course (start, aid stations, checkpoints…): a badge per kind, above the route;
    // a loop's start and finish badges (one place) side by side, the start on the left
    ...(
      [
        [LYR.coursePoints, '', [0, 0]],
        [LYR.coursePointsLeft, 'left', [-PAIR_OFFSET_PX, 0]],
        [LYR.coursePointsRight, 'right', [PAIR_OFFSET_PX, 0]],
      ] as const
    ).map(
      ([id, pair, translate]): LayerSpecification => ({
        id,
        type: 'circle',
        source: SRC.coursePoints,
        filter: ['==', ['get', 'pair'], pair],
        paint: {
          'circle-radius': ['case', ['==', ['get', 'selected'], true], 12, 10],
          'circle-color': ['match', ['get', 'kind'], ...COURSE_POINT_KIND_COLORS.flat(), '#455a64'] as unknown as ExpressionSpecification,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': ['case', ['==', ['get', 'selected'], true], 3.5, 2],
          'circle-pitch-alignment': 'map',
          'circle-translate': [...translate],
        },
      }),
    ),
    {
      // the badge's letter, drawn as an image (the offline style has no glyphs): see coursePointImages
      id: LYR.coursePointIcons,
      type: 'symbol',
      source: SRC.coursePoints,
      layout: {
        'icon-image': ['concat', 'cav-cp-', ['get', 'kind']],
        'icon-offset': ['match', ['get', 'pair'], 'left', ['literal', [-PAIR_OFFSET_PX, 0]], 'right', ['literal', [PAIR_OFFSET_PX, 0]], ['literal', [0, 0]]],
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
    },
    {
      id: LYR.hover,
      type: 'circle',
      source: SRC.hover,
      paint: {
        'circle-radius': 7,
        'circle-color': HOVER_COLOR,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2.5,
      },
    },
  ];
}

export type LonLat = [number, number];
/** A position as the state gives it; a third value (elevation) is ignored. */
export type LonLatLike = readonly [number, number] | readonly [number, number, number] | readonly number[];

interface RouteLegView {
  coordinates: readonly LonLatLike[];
  mode: 'network' | 'straight';
  fallback?: boolean;
  /** flagged as a detour by the core (drawn in DETOUR_COLOR) */
  detour?: boolean;
  /** the flag's text along the leg (« détour ×2,8 »), in the page's language */
  detourLabel?: string;
}

export interface RouteView {
  legs: readonly RouteLegView[];
  points: readonly LonLatLike[];
  selectedPoint?: number | null;
}

const ll = (p: LonLatLike): LonLat => [p[0], p[1]];

/** `color`: the drawn formula's (formulas.ts), the route's blue without an event. */
export function legsCollection(route: RouteView, color: string = ROUTE_COLOR): FeatureCollection<LineString> {
  const features: Feature<LineString>[] = [];
  route.legs.forEach((leg, i) => {
    if (leg.coordinates.length < 2) return;
    features.push({
      type: 'Feature',
      id: i,
      properties: { leg: i, mode: leg.mode, fallback: leg.fallback === true, detour: leg.detour === true, label: leg.detourLabel ?? '', color },
      geometry: { type: 'LineString', coordinates: leg.coordinates.map(ll) },
    });
  });
  return { type: 'FeatureCollection', features };
}

/** The ends of a route closer than this are one place: a loop, with one start/finish marker. */
const LOOP_ENDS_M = 3;

/** The route's control points: 'first', 'last' and 'mid'; a loop's ends are 'loop-start' and 'loop-end'. */
export function pointsCollection(points: readonly LonLatLike[], selected: number | null | undefined): FeatureCollection<Point> {
  const n = points.length;
  const a = points[0];
  const b = points[n - 1];
  const loop = n >= 3 && segmentLength(a[0], a[1], b[0], b[1]) < LOOP_ENDS_M;
  return {
    type: 'FeatureCollection',
    features: points.map((p, i) => ({
      type: 'Feature',
      id: i,
      properties: {
        index: i,
        role: i === 0 ? (loop ? 'loop-start' : 'first') : i === n - 1 ? (loop ? 'loop-end' : 'last') : 'mid',
        selected: selected === i,
      },
      geometry: { type: 'Point', coordinates: ll(p) },
    })),
  };
}

/** Dashed straight lines through `via` (and the ghost point itself), shown while dragging. */
export function previewCollection(from: LonLat | null, via: LonLat, to: LonLat | null, ghost: boolean): FeatureCollection {
  const features: Feature[] = [];
  const line = (a: LonLat, b: LonLat): Feature<LineString> => ({
    type: 'Feature',
    properties: {},
    geometry: { type: 'LineString', coordinates: [a, b] },
  });
  if (from) features.push(line(from, via));
  if (to) features.push(line(via, to));
  if (ghost) features.push({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: via } });
  return { type: 'FeatureCollection', features };
}

export { ll as toLonLat };

export interface TrackView {
  id: string;
  segments: readonly (readonly LonLatLike[])[];
  active: boolean;
}

export function tracksCollection(tracks: readonly TrackView[]): FeatureCollection<LineString> {
  const features: Feature<LineString>[] = [];
  for (const t of tracks)
    for (const seg of t.segments)
      if (seg.length >= 2)
        features.push({ type: 'Feature', properties: { id: t.id, active: t.active }, geometry: { type: 'LineString', coordinates: seg.map(ll) } });
  return { type: 'FeatureCollection', features };
}

// ── points on the course ──────────────────────────────────────────────────────

export type CoursePointKindView = 'start' | 'finish' | 'aid' | 'checkpoint' | 'marshal' | 'danger' | 'water' | 'info' | 'parking' | 'public';

/** Badge colour and letter of each kind (French initials: Départ, Arrivée, Ravitaillement, Pointage, Signaleur, Eau, Véhicules, Tribune). */
export const COURSE_POINT_STYLE: Readonly<Record<CoursePointKindView, { color: string; letter: string }>> = {
  start: { color: '#2e7d32', letter: 'D' },
  finish: { color: '#c62828', letter: 'A' },
  aid: { color: '#ef6c00', letter: 'R' },
  checkpoint: { color: '#1565c0', letter: 'P' },
  marshal: { color: '#6a1b9a', letter: 'S' },
  danger: { color: '#d50000', letter: '!' },
  water: { color: '#0288d1', letter: 'E' },
  info: { color: '#455a64', letter: 'i' },
  // Véhicules (the parking), Tribune (where spectators stand)
  parking: { color: '#37474f', letter: 'V' },
  public: { color: '#8d6e63', letter: 'T' },
};

const COURSE_POINT_KIND_COLORS = Object.entries(COURSE_POINT_STYLE).map(([k, v]) => [k, v.color]);

export interface CoursePointView {
  id: string;
  kind: CoursePointKindView;
  lonlat: LonLatLike;
  selected?: boolean;
}

/** half the gap between a loop's start and finish badges, in pixels (a badge is 20 px wide) */
const PAIR_OFFSET_PX = 11;

export function coursePointsCollection(points: readonly CoursePointView[]): FeatureCollection<Point> {
  // a start and a finish at one place (a loop): drawn side by side
  const start = points.find((p) => p.kind === 'start');
  const finish = points.find((p) => p.kind === 'finish');
  const paired = !!start && !!finish && segmentLength(start.lonlat[0], start.lonlat[1], finish.lonlat[0], finish.lonlat[1]) < LOOP_ENDS_M;
  return {
    type: 'FeatureCollection',
    features: points.map((p, i) => ({
      type: 'Feature',
      id: i,
      properties: { id: p.id, kind: p.kind, selected: p.selected === true, pair: paired && p === start ? 'left' : paired && p === finish ? 'right' : '' },
      geometry: { type: 'Point', coordinates: ll(p.lonlat) },
    })),
  };
}

/** The letters of the badges as images (name 'cav-cp-<kind>'); empty where a canvas is not available. */
export function coursePointImages(pixelRatio = 1): { name: string; image: ImageData; pixelRatio: number }[] {
  if (typeof document === 'undefined') return [];
  const size = Math.round(20 * pixelRatio);
  const out: { name: string; image: ImageData; pixelRatio: number }[] = [];
  for (const [kind, { letter }] of Object.entries(COURSE_POINT_STYLE)) {
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const ctx = canvas.getContext('2d');
    if (!ctx) return [];
    ctx.fillStyle = '#ffffff';
    ctx.font = `bold ${Math.round(13 * pixelRatio)}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(letter, size / 2, size / 2 + pixelRatio);
    out.push({ name: `cav-cp-${kind}`, image: ctx.getImageData(0, 0, size, size), pixelRatio });
  }
  return out;
}
