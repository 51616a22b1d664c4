// The placemarks of a KML as GeoJSON-shaped features, for a layer of areas (an APPB or a Natura
// 2000 perimeter exported from QGIS or drawn in Google Earth / My Maps): each Placemark's
// Polygon (outerBoundaryIs / innerBoundaryIs LinearRings), LineString and Point, MultiGeometry
// gathered, with its attributes — <name>, <description>, and ExtendedData as QGIS and ogr2ogr
// write it (SchemaData / SimpleData name="SITECODE") or as Google writes it (Data name=… /
// value) — as properties. Geometry is checked afterwards by the layer import (cleanGeometry):
// here an unreadable coordinate is simply kept as NaN, for it to be reported there.
// KML 2.2 (OGC 07-147r2): coordinates are "lon,lat[,alt]" tuples separated by whitespace.

import { childElements, childText, findElements, firstChildElement, type XmlElement } from '../gpx/dom';

export interface KmlFeature {
  name: string;
  properties: Record<string, string>;
  /** GeoJSON geometry, unchecked; null when the placemark has none */
  geometry: { type: string; coordinates?: unknown; geometries?: unknown[] } | null;
}

const GEOMETRIES = new Set(['Polygon', 'LineString', 'Point', 'MultiGeometry', 'LinearRing']);

/** True when the document holds at least one Polygon: it is read as a layer of areas, not as a track. */
export function kmlHasPolygons(root: XmlElement): boolean {
  return findElements(root, new Set(['Polygon'])).length > 0;
}

export function featuresFromKml(root: XmlElement): KmlFeature[] {
  return findElements(root, new Set(['Placemark'])).map((pm) => {
    const properties: Record<string, string> = {};
    const name = childText(pm, 'name');
    if (name) properties.name = name;
    const description = childText(pm, 'description');
    if (description) properties.description = description;
    const extended = firstChildElement(pm, 'ExtendedData');
    if (extended) {
      for (const data of childElements(extended, 'Data')) {
        const key = data.getAttribute('name');
        if (key) properties[key] = childText(data, 'value');
      }
      for (const schema of childElements(extended, 'SchemaData')) {
        for (const simple of childElements(schema, 'SimpleData')) {
          const key = simple.getAttribute('name');
          if (key) properties[key] = simple.textContent?.trim() ?? '';
        }
      }
    }
    const geometries = findElements(pm, GEOMETRIES).map(geometryOf);
    const geometry = geometries.length === 0 ? null : geometries.length === 1 ? geometries[0] : { type: 'GeometryCollection', geometries };
    return { name, properties, geometry };
  });
}

function geometryOf(el: XmlElement): NonNullable<KmlFeature['geometry']> {
  switch (el.localName) {
    case 'Polygon': {
      const outer = boundaryRings(el, 'outerBoundaryIs');
      const inner = boundaryRings(el, 'innerBoundaryIs');
      return { type: 'Polygon', coordinates: [...outer, ...inner] };
    }
    case 'LinearRing':
      return { type: 'Polygon', coordinates: [coords(el)] };
    case 'LineString':
      return { type: 'LineString', coordinates: coords(el) };
    case 'Point':
      return { type: 'Point', coordinates: coords(el)[0] ?? [] };
    default: {
      // MultiGeometry: its parts, nested ones included
      const parts = findElements(el, GEOMETRIES).map(geometryOf);
      if (parts.length > 0 && parts.every((g) => g.type === 'Polygon')) return { type: 'MultiPolygon', coordinates: parts.map((g) => g.coordinates) };
      if (parts.length > 0 && parts.every((g) => g.type === 'LineString')) return { type: 'MultiLineString', coordinates: parts.map((g) => g.coordinates) };
      return { type: 'GeometryCollection', geometries: parts };
    }
  }
}

function boundaryRings(polygon: XmlElement, boundary: string): number[][][] {
  return childElements(polygon, boundary).flatMap((b) => childElements(b, 'LinearRing').map(coords));
}

/** "lon,lat[,alt]" tuples separated by whitespace; "lon, lat" (a common slip) is tolerated. */
function coords(el: XmlElement): number[][] {
  const t = (firstChildElement(el, 'coordinates')?.textContent ?? '').replace(/\s*,\s*/g, ',').trim();
  if (t === '') return [];
  return t.split(/\s+/).map((tuple) => {
    const [x, y, z] = tuple.split(',').map((v) => (v.trim() === '' ? Number.NaN : Number(v)));
    return z === undefined || Number.isNaN(z) ? [x, y] : [x, y, z];
  });
}
