// Checks one geometry read from a file and rebuilds it as typed GeoJSON, or says why it cannot
// be used. Parsed JSON is untrusted: nothing is cast before it is checked.
// Repairs are limited to what is unambiguous: an unclosed polygon ring is closed, empty parts of
// a multi-geometry are dropped, a fourth coordinate (M) or a non-numeric altitude is dropped.
// Everything else (a NaN, a line of one point, a ring of two) skips the feature, with a reason.

import type { Geometry, Position } from 'geojson';
import type { ErrorCode } from '../errors';

export type CleanGeometry = { ok: true; geometry: Geometry; closedRings: number } | { ok: false; reason: ErrorCode };

class Skip {
  constructor(readonly reason: ErrorCode) {}
}

/** GeometryCollections nested deeper than this are not real data. */
const MAX_DEPTH = 8;

export function cleanGeometry(input: unknown): CleanGeometry {
  const state = { closedRings: 0 };
  try {
    const geometry = clean(input, state, 0);
    if (geometry === null) return { ok: false, reason: 'import.empty-geometry' };
    return { ok: true, geometry, closedRings: state.closedRings };
  } catch (e) {
    if (e instanceof Skip) return { ok: false, reason: e.reason };
    throw e;
  }
}

/** null when the geometry is empty (GeoJSON allows empty coordinate arrays and null geometries). */
function clean(g: unknown, state: { closedRings: number }, depth: number): Geometry | null {
  if (g === null || g === undefined) return null;
  if (!isObject(g) || typeof g.type !== 'string') throw new Skip('import.unsupported-geometry');
  const c = g.coordinates;
  switch (g.type) {
    case 'Point':
      if (Array.isArray(c) && c.length === 0) return null;
      return { type: 'Point', coordinates: position(c) };
    case 'MultiPoint': {
      const pts = list(c).map(position);
      return pts.length ? { type: 'MultiPoint', coordinates: pts } : null;
    }
    case 'LineString': {
      const line = list(c);
      return line.length ? { type: 'LineString', coordinates: lineString(line) } : null;
    }
    case 'MultiLineString': {
      const lines = list(c)
        .map(list)
        .filter((l) => l.length > 0)
        .map(lineString);
      return lines.length ? { type: 'MultiLineString', coordinates: lines } : null;
    }
    case 'Polygon': {
      const rings = list(c);
      return rings.length ? { type: 'Polygon', coordinates: polygon(rings, state) } : null;
    }
    case 'MultiPolygon': {
      const polys = list(c)
        .map(list)
        .filter((p) => p.length > 0)
        .map((p) => polygon(p, state));
      return polys.length ? { type: 'MultiPolygon', coordinates: polys } : null;
    }
    case 'GeometryCollection': {
      if (depth >= MAX_DEPTH) throw new Skip('import.unsupported-geometry');
      const parts: Geometry[] = [];
      for (const child of list(g.geometries)) {
        const cleaned = clean(child, state, depth + 1);
        if (cleaned) parts.push(cleaned);
      }
      return parts.length ? { type: 'GeometryCollection', geometries: parts } : null;
    }
    default:
      throw new Skip('import.unsupported-geometry');
  }
}

function list(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new Skip('import.invalid-geometry');
  return v;
}

function position(v: unknown): Position {
  if (!Array.isArray(v) || v.length < 2) throw new Skip('import.bad-coordinate');
  const [x, y, z] = v as unknown[];
  // Number("2.8") would accept strings; a file that writes numbers as strings is broken
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
    throw new Skip('import.bad-coordinate');
  }
  return typeof z === 'number' && Number.isFinite(z) ? [x, y, z] : [x, y];
}

function lineString(points: unknown[]): Position[] {
  const line = points.map(position);
  if (line.length < 2) throw new Skip('import.invalid-geometry');
  return line;
}

function polygon(rings: unknown[], state: { closedRings: number }): Position[][] {
  return rings.map((r) => {
    const ring = list(r).map(position);
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (first && (first[0] !== last[0] || first[1] !== last[1])) {
      ring.push([...first]);
      state.closedRings++;
    }
    // a ring needs three distinct corners, so four positions once closed
    if (ring.length < 4) throw new Skip('import.invalid-geometry');
    return ring;
  });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
