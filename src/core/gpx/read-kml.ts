// Lines from a parsed KML document: every LineString (also inside MultiGeometry and folders)
// and every gx:Track, in document order, one segment each. Polygons are areas, not routes.

import { ok, type Result } from '../errors';
import type { Track } from '../types';
import { childElements, childText, findElements, firstChildElement, type XmlElement } from './dom';
import { parseNumber, SegmentBuilder, type TrackReadOptions } from './points';

const LINES = new Set(['LineString', 'Track']);

export function tracksFromKml(root: XmlElement, fallbackName: string, options: TrackReadOptions = {}): Result<Track> {
  const builder = new SegmentBuilder();
  lines: for (const line of findElements(root, LINES)) {
    const tuples = line.localName === 'Track' ? gxCoords(line) : lineCoords(line);
    for (const t of tuples) {
      if (!builder.add(t[0], t[1], t[2])) break lines;
    }
    builder.endSegment();
  }
  const segments = builder.result(options);
  if (!segments.ok) return segments;

  const doc = firstChildElement(root, 'Document');
  const name = (doc ? childText(doc, 'name') : '') || firstPlacemarkName(root) || fallbackName;
  return ok({ name, segments: dropZeroAltitudes(segments.value) }, segments.warnings);
}

/** "lon,lat[,alt]" tuples separated by whitespace; "lon, lat" (a common slip) is tolerated. */
function lineCoords(line: XmlElement): number[][] {
  const text = firstChildElement(line, 'coordinates')?.textContent ?? '';
  const tuples = text.replace(/\s*,\s*/g, ',').trim();
  if (tuples === '') return [];
  return tuples.split(/\s+/).map((tuple) => {
    const parts = tuple.split(',');
    return [parseNumber(parts[0]), parseNumber(parts[1]), parseNumber(parts[2])];
  });
}

/** gx:coord holds "lon lat alt" separated by spaces. */
function gxCoords(track: XmlElement): number[][] {
  return childElements(track, 'coord').map((c) => {
    const parts = (c.textContent ?? '').trim().split(/\s+/);
    return [parseNumber(parts[0]), parseNumber(parts[1]), parseNumber(parts[2])];
  });
}

function firstPlacemarkName(root: XmlElement): string {
  for (const pm of findElements(root, new Set(['Placemark']))) {
    const name = childText(pm, 'name');
    if (name) return name;
  }
  return '';
}

/**
 * KML writers put altitude 0 on every point when they have none (Google Earth's clampToGround
 * lines, My Maps exports). A route at exactly sea level all along is not credible in the
 * Bassin Minier: treat all-zero altitudes as unknown rather than as a flat profile.
 */
function dropZeroAltitudes(segments: Track['segments']): Track['segments'] {
  const allZero = segments.every((s) => s.every((p) => p.length < 3 || p[2] === 0));
  if (!allZero) return segments;
  return segments.map((s) => s.map((p) => [p[0], p[1]]));
}
