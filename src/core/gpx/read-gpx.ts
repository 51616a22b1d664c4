// Tracks from a parsed GPX 1.0 or 1.1 document, walked through the DOM. readTrackFile no longer
// uses it (scan-gpx.ts reads GPX text directly, ~100 times faster and without a DOM); it stays
// for the layer import (src/core/import/layer.ts), which parses the document anyway, and as the
// second method the scanner is tested against (test/core/scan-gpx.test.ts). Walked by hand
// rather than through @tmcw/togeojson, which silently drops points whose lat/lon do not parse
// (so a corrupt file would look fine) and discards the times of a segment when one point lacks
// one.

import { ok, type Result } from '../errors';
import type { Track } from '../types';
import { childElements, childText, firstChildElement, type XmlElement } from './dom';
import { parseNumber, SegmentBuilder } from './points';

export function tracksFromGpx(root: XmlElement, fallbackName: string): Result<Track> {
  const trks = childElements(root, 'trk');
  const fromTrk = collect(trks.map((trk) => childElements(trk, 'trkseg')), 'trkpt');
  // a route only stands in for a track when the file has no usable track
  const rtes = childElements(root, 'rte');
  const lines = fromTrk.ok || rtes.length === 0 ? fromTrk : collect([rtes], 'rtept');
  if (!lines.ok) return lines;

  const name =
    childText(firstChildElement(root, 'metadata') ?? root, 'name') ||
    childText(root, 'name') || // GPX 1.0 puts it on the root
    firstName(fromTrk.ok ? trks : rtes) ||
    fallbackName;
  return ok({ name, segments: lines.value }, lines.warnings);
}

/** groups[k] is a list of elements (trkseg or rte) each holding one segment's points. */
function collect(groups: XmlElement[][], pointName: string): Result<Track['segments']> {
  const builder = new SegmentBuilder();
  for (const group of groups) {
    for (const holder of group) {
      for (const pt of childElements(holder, pointName)) {
        const ele = parseNumber(firstChildElement(pt, 'ele')?.textContent);
        const valid = builder.add(
          parseNumber(pt.getAttribute('lon')),
          parseNumber(pt.getAttribute('lat')),
          Number.isFinite(ele) ? ele : undefined,
        );
        if (!valid) return builder.result();
      }
      builder.endSegment();
    }
  }
  return builder.result();
}

function firstName(elements: XmlElement[]): string {
  for (const el of elements) {
    const name = childText(el, 'name');
    if (name) return name;
  }
  return '';
}
