// What lies under the pointer: a control point, a point on the course, a leg of the route, the
// features of the drawn layers. Asked of the rendered map (what the user sees is what is hit),
// through the one query a fake map can answer in a unit test (test/map/gestures.test.ts).
import { LYR } from './layers/route';

export interface ScreenPoint {
  x: number;
  y: number;
}

/** A rendered feature, as much of maplibre's MapGeoJSONFeature as hit-testing reads. */
export interface HitFeature {
  id?: string | number;
  source: string;
  sourceLayer?: string;
  properties: Record<string, unknown> | null;
}

type Box = [[number, number], [number, number]];

/** The part of maplibre's Map that hit-testing uses. */
export interface QueryMap {
  queryRenderedFeatures(box: Box, options: { layers: string[] }): HitFeature[];
}

// radii in pixels: a point is a small target, the route's hit line is already wide
const POINT_RADIUS_PX = 3;
const COURSE_POINT_RADIUS_PX = 4;
const LEG_RADIUS_PX = 1;
const FEATURE_RADIUS_PX = 3;

const box = (p: ScreenPoint, r: number): Box => [
  [p.x - r, p.y - r],
  [p.x + r, p.y + r],
];

/** Index of the control point under `p`, or null. */
export function hitPoint(map: QueryMap, p: ScreenPoint): number | null {
  const i = map.queryRenderedFeatures(box(p, POINT_RADIUS_PX), { layers: [LYR.points] })[0]?.properties?.index;
  return typeof i === 'number' ? i : null;
}

/** Id of the point on the course under `p` (its disc or its icon), or null. */
export function hitCoursePoint(map: QueryMap, p: ScreenPoint): string | null {
  const id = map.queryRenderedFeatures(box(p, COURSE_POINT_RADIUS_PX), { layers: [LYR.coursePoints, LYR.coursePointIcons] })[0]?.properties?.id;
  return typeof id === 'string' ? id : null;
}

/** Index of the leg under `p`, or null. */
export function hitLeg(map: QueryMap, p: ScreenPoint): number | null {
  const i = map.queryRenderedFeatures(box(p, LEG_RADIUS_PX), { layers: [LYR.legsHit] })[0]?.properties?.leg;
  return typeof i === 'number' ? i : null;
}

/** Features of `layers` under `p`, each once. */
export function hitFeatures<F extends HitFeature>(
  map: { queryRenderedFeatures(box: Box, options: { layers: string[] }): F[] },
  p: ScreenPoint,
  layers: string[],
): F[] {
  if (layers.length === 0) return [];
  const seen = new Set<string>();
  const out: F[] = [];
  for (const f of map.queryRenderedFeatures(box(p, FEATURE_RADIUS_PX), { layers })) {
    // a feature cut across several tiles comes once per tile: same source, source-layer and id
    const key = `${f.source}:${f.sourceLayer ?? ''}:${String(f.id)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}
