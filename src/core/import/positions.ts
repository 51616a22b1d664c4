// Walks every position of a GeoJSON geometry, whatever its type, without recursion on nesting
// depth that comes from the file (GeometryCollections can nest).

import type { Geometry, Position } from 'geojson';

export function eachPosition(geometry: Geometry, fn: (p: Position) => void): void {
  const stack: Geometry[] = [geometry];
  while (stack.length) {
    const g = stack.pop();
    if (!g) continue;
    switch (g.type) {
      case 'Point':
        fn(g.coordinates);
        break;
      case 'MultiPoint':
      case 'LineString':
        for (const p of g.coordinates) fn(p);
        break;
      case 'MultiLineString':
      case 'Polygon':
        for (const l of g.coordinates) for (const p of l) fn(p);
        break;
      case 'MultiPolygon':
        for (const poly of g.coordinates) for (const l of poly) for (const p of l) fn(p);
        break;
      case 'GeometryCollection':
        for (let i = g.geometries.length - 1; i >= 0; i--) stack.push(g.geometries[i]);
        break;
    }
  }
}
