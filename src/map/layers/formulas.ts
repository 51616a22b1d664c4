// Every formula of the event on the map (issue 14): the other formulas faded in their own
// colours under the one being drawn (drawn bold by route.ts, in its colour), direction arrows
// along every route, km markers every 10, 5 or 1 km as one zooms in, and the stretches several
// formulas share drawn with a dark casing of their own. Positions (km markers, shared stretches)
// come computed from the core; this file only turns them into sources and layers.

import type { ExpressionSpecification, GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection, LineString, MultiLineString, Point } from 'geojson';
import { LABEL_FONT } from '../fonts';
import { SRC as ROUTE_SRC, type LonLatLike } from './route';

/**
 * One colour per formula, in the order of the event (the first is the route's usual blue). Reds
 * and oranges are left out: they say a fallback leg and a detour on the drawn route.
 */
const FORMULA_COLORS = ['#1565c0', '#00897b', '#8e24aa', '#c2185b', '#5d4037', '#3949ab', '#7cb342', '#00acc1'] as const;

export const formulaColor = (index: number): string => FORMULA_COLORS[((index % FORMULA_COLORS.length) + FORMULA_COLORS.length) % FORMULA_COLORS.length];

const SHARED_COLOR = '#263238';
const KM_INK = '#263238';

export const FSRC = {
  formulas: 'cav-formulas',
  shared: 'cav-shared',
  km: 'cav-km',
} as const;

const FLYR = {
  shared: 'cav-shared',
  formulas: 'cav-formulas',
  formulasArrows: 'cav-formulas-arrows',
  routeArrows: 'cav-route-arrows',
  startFinish: 'cav-start-finish',
  kmDot: (step: number) => `cav-km-${step}`,
  kmText: (step: number) => `cav-km-${step}-text`,
} as const;

/** The arrow image (a chevron pointing along the line) and the combined start/finish marker. */
const ARROW_IMAGE = 'cav-arrow';
const START_FINISH_IMAGE = 'cav-start-finish';

/** km steps and the zoom from which each is shown: 10 km always, 5 km from z11, every km from z13 */
const KM_STEPS: readonly { step: 1 | 5 | 10; minzoom: number }[] = [
  { step: 10, minzoom: 0 },
  { step: 5, minzoom: 11 },
  { step: 1, minzoom: 13 },
];

export function formulaSources(): Record<string, GeoJSONSourceSpecification> {
  const src = (): GeoJSONSourceSpecification => ({ type: 'geojson', data: { type: 'FeatureCollection', features: [] }, tolerance: 0.2 });
  return { [FSRC.formulas]: src(), [FSRC.shared]: src(), [FSRC.km]: src() };
}

const w = (base: number): ExpressionSpecification => ['interpolate', ['linear'], ['zoom'], 8, base * 0.7, 13, base, 17, base * 1.6];

const arrows = (id: string, source: string, spacing: number, opacity: number): LayerSpecification => ({
  id,
  type: 'symbol',
  source,
  layout: {
    'symbol-placement': 'line',
    'symbol-spacing': spacing,
    'icon-image': ARROW_IMAGE,
    'icon-size': ['interpolate', ['linear'], ['zoom'], 10, 0.6, 15, 0.9, 18, 1.1],
    'icon-rotation-alignment': 'map',
    'icon-allow-overlap': true,
    'icon-ignore-placement': true,
  },
  paint: { 'icon-opacity': opacity },
});

/** Under the route's casing, bottom to top: the shared casing, the other formulas and their arrows. */
export function formulaLayersBelowRoute(): LayerSpecification[] {
  return [
    {
      // a dark casing, wider than the routes' white one: « this stretch is used by several formulas »
      id: FLYR.shared,
      type: 'line',
      source: FSRC.shared,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': SHARED_COLOR, 'line-width': w(13), 'line-opacity': 0.5 },
    },
    {
      id: FLYR.formulas,
      type: 'line',
      source: FSRC.formulas,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': ['get', 'color'], 'line-width': w(3.5), 'line-opacity': 0.5 },
    },
    arrows(FLYR.formulasArrows, FSRC.formulas, 120, 0.7),
  ];
}

/** Above the drawn route, under its control points: its arrows, the km markers, a loop's start/finish. */
export function formulaLayersAboveRoute(): LayerSpecification[] {
  const layers: LayerSpecification[] = [arrows(FLYR.routeArrows, ROUTE_SRC.legs, 90, 1)];
  for (const { step, minzoom } of KM_STEPS) {
    const filter: ExpressionSpecification = ['==', ['get', 'step'], step];
    layers.push(
      {
        id: FLYR.kmDot(step),
        type: 'circle',
        source: FSRC.km,
        minzoom,
        filter,
        paint: {
          'circle-radius': step === 1 ? 7.5 : 9,
          'circle-color': '#ffffff',
          'circle-stroke-color': KM_INK,
          'circle-stroke-width': step === 1 ? 1.5 : 2,
          'circle-pitch-alignment': 'map',
        },
      },
      {
        id: FLYR.kmText(step),
        type: 'symbol',
        source: FSRC.km,
        minzoom,
        filter,
        layout: {
          'text-field': ['to-string', ['get', 'km']],
          'text-font': [LABEL_FONT.bold],
          'text-size': step === 1 ? 9.5 : 10.5,
          'text-allow-overlap': true,
          'text-ignore-placement': true,
        },
        paint: { 'text-color': KM_INK },
      },
    );
  }
  layers.push({
    // a loop's two ends are one place: one marker, half start (green), half finish (red)
    id: FLYR.startFinish,
    type: 'symbol',
    source: ROUTE_SRC.points,
    filter: ['==', ['get', 'role'], 'loop-start'],
    layout: { 'icon-image': START_FINISH_IMAGE, 'icon-allow-overlap': true, 'icon-ignore-placement': true },
  });
  return layers;
}

/** The other formulas of the event, each in its colour (the drawn one goes through route.ts). */
export interface FormulaLineView {
  id: string;
  color: string;
  /** the formula's legs as computed so far (a leg still computed is left out) */
  lines: readonly (readonly LonLatLike[])[];
}

export interface SharedStretchView {
  formulas: readonly string[];
  coordinates: readonly LonLatLike[];
}

export interface KmMarkerView {
  km: number;
  lonlat: LonLatLike;
  step: 1 | 5 | 10;
}

const ll = (p: LonLatLike): [number, number] => [p[0], p[1]];

export function formulasCollection(formulas: readonly FormulaLineView[]): FeatureCollection<MultiLineString> {
  const features: Feature<MultiLineString>[] = [];
  for (const f of formulas) {
    const lines = f.lines.filter((l) => l.length >= 2).map((l) => l.map(ll));
    if (lines.length) features.push({ type: 'Feature', properties: { id: f.id, color: f.color }, geometry: { type: 'MultiLineString', coordinates: lines } });
  }
  return { type: 'FeatureCollection', features };
}

export function sharedCollection(stretches: readonly SharedStretchView[]): FeatureCollection<LineString> {
  return {
    type: 'FeatureCollection',
    features: stretches
      .filter((s) => s.coordinates.length >= 2)
      .map((s) => ({
        type: 'Feature',
        properties: { formulas: s.formulas.join(' '), count: s.formulas.length },
        geometry: { type: 'LineString', coordinates: s.coordinates.map(ll) },
      })),
  };
}

export function kmCollection(markers: readonly KmMarkerView[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: markers.map((m) => ({ type: 'Feature', properties: { km: m.km, step: m.step }, geometry: { type: 'Point', coordinates: ll(m.lonlat) } })),
  };
}

/** The arrow (a white chevron with a dark edge, pointing right: along the line) and the start/finish marker. */
export function formulaImages(pixelRatio = 1): { name: string; image: ImageData; pixelRatio: number }[] {
  if (typeof document === 'undefined') return [];
  const draw = (w: number, h: number, paint: (ctx: CanvasRenderingContext2D) => void) => {
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(w * pixelRatio);
    canvas.height = Math.round(h * pixelRatio);
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    ctx.scale(pixelRatio, pixelRatio);
    paint(ctx);
    return ctx.getImageData(0, 0, canvas.width, canvas.height);
  };
  const arrow = draw(14, 14, (ctx) => {
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    const chevron = () => {
      ctx.beginPath();
      ctx.moveTo(4, 2.5);
      ctx.lineTo(10, 7);
      ctx.lineTo(4, 11.5);
      ctx.stroke();
    };
    ctx.strokeStyle = 'rgba(38, 50, 56, 0.85)';
    ctx.lineWidth = 4.5;
    chevron();
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 2.2;
    chevron();
  });
  // a loop starts and ends at one place: one marker, green (start) and red (finish) halves, a white ring
  const startFinish = draw(22, 22, (ctx) => {
    const c = 11;
    const r = 8;
    ctx.fillStyle = '#2e7d32';
    ctx.beginPath();
    ctx.moveTo(c, c);
    ctx.arc(c, c, r, Math.PI * 0.75, Math.PI * 1.75);
    ctx.fill();
    ctx.fillStyle = '#c62828';
    ctx.beginPath();
    ctx.moveTo(c, c);
    ctx.arc(c, c, r, Math.PI * 1.75, Math.PI * 2.75);
    ctx.fill();
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(c, c, r, 0, Math.PI * 2);
    ctx.stroke();
  });
  const out: { name: string; image: ImageData; pixelRatio: number }[] = [];
  if (arrow) out.push({ name: ARROW_IMAGE, image: arrow, pixelRatio });
  if (startFinish) out.push({ name: START_FINISH_IMAGE, image: startFinish, pixelRatio });
  return out;
}
