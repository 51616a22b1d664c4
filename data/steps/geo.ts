// Small GeoJSON helpers for the data pipeline (pure, no fs).

import type { Feature, FeatureCollection, Geometry, GeoJsonProperties } from 'geojson';
import { eachPosition } from '../../src/core/import/positions.ts';

export type Props = Record<string, unknown>;
export type AnyFeature = Feature<Geometry | null, GeoJsonProperties>;
export type AnyCollection = FeatureCollection<Geometry | null, GeoJsonProperties>;
export type OutFeature<P extends Props = Props> = Feature<Geometry, P>;

export const collection = <P extends Props>(features: OutFeature<P>[]): FeatureCollection<Geometry, P> => ({
  type: 'FeatureCollection',
  features,
});

/** Features with an empty or null geometry cannot be drawn: they are left out and counted. */
export function dropEmptyGeometries(fc: AnyCollection): { features: Feature<Geometry, GeoJsonProperties>[]; dropped: number[] } {
  const features: Feature<Geometry, GeoJsonProperties>[] = [];
  const dropped: number[] = [];
  fc.features.forEach((f, i) => {
    if (f.geometry && !isEmptyGeometry(f.geometry)) features.push(f as Feature<Geometry, GeoJsonProperties>);
    else dropped.push(i);
  });
  return { features, dropped };
}

function isEmptyGeometry(g: Geometry): boolean {
  if (g.type === 'GeometryCollection') return g.geometries.every(isEmptyGeometry);
  const c: unknown = g.coordinates;
  return !Array.isArray(c) || c.length === 0;
}

export type BBox = [number, number, number, number];

export function bboxOf(features: readonly { geometry: Geometry | null }[]): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features) {
    if (!f.geometry) continue;
    eachPosition(f.geometry, ([x, y]) => {
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    });
  }
  return b;
}

/** Rounds a bbox outwards to `decimals` places. */
export function roundBBoxOut(b: BBox, decimals = 3): BBox {
  const f = 10 ** decimals;
  return [Math.floor(b[0] * f) / f, Math.floor(b[1] * f) / f, Math.ceil(b[2] * f) / f, Math.ceil(b[3] * f) / f];
}
