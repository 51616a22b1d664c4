// The tests' second GPX reader: a walk through an xmldom DOM, written independently of the
// scanner (src/core/gpx/scan-gpx.ts, the one reader of the app and the CLI), which
// test/core/scan-gpx.test.ts compares with it. It was the app's reader before the scanner;
// it only shares with it how collected points become items (gpxItems: segments, names,
// warnings), not how the text is read. Walked by hand rather than through @tmcw/togeojson,
// which silently drops points whose lat/lon do not parse and discards the times of a segment
// when one point lacks one.

import type { Result } from '../../src/core/errors';
import { childElements, childText, firstChildElement, type XmlElement } from '../../src/core/gpx/dom';
import { parseNumber, SegmentBuilder } from '../../src/core/gpx/points';
import { gpxItems } from '../../src/core/gpx/scan-gpx';
import { parseTime } from '../../src/core/gpx/time';
import type { Track } from '../../src/core/types';

export function tracksFromGpx(root: XmlElement, fallbackName: string): Result<Track[]> {
  const trks = childElements(root, 'trk');
  const rtes = childElements(root, 'rte');
  const counter = { badTimes: 0 };
  const metadata = firstChildElement(root, 'metadata');
  const trk = collect(
    trks.map((t) => childElements(t, 'trkseg')),
    'trkpt',
    counter,
  );
  const rte = collect([rtes], 'rtept', counter);
  return gpxItems(
    {
      trk,
      rte,
      metaName: metadata ? childText(metadata, 'name') : '',
      rootName: childText(root, 'name'), // GPX 1.0 puts it on the root
      trkName: firstName(trks),
      rteName: firstName(rtes),
      badTimes: counter.badTimes,
    },
    fallbackName,
  );
}

/** groups[k] is a list of elements (trkseg or rte) each holding one segment's points. */
function collect(groups: XmlElement[][], pointName: string, counter: { badTimes: number }): SegmentBuilder {
  const builder = new SegmentBuilder();
  for (const group of groups) {
    for (const holder of group) {
      for (const pt of childElements(holder, pointName)) {
        const ele = parseNumber(firstChildElement(pt, 'ele')?.textContent);
        const timeEl = firstChildElement(pt, 'time');
        const time = timeEl ? parseTime(timeEl.textContent ?? '') : NaN;
        if (timeEl && time !== time) counter.badTimes++;
        const valid = builder.add(parseNumber(pt.getAttribute('lon')), parseNumber(pt.getAttribute('lat')), Number.isFinite(ele) ? ele : undefined, time);
        if (!valid) return builder;
      }
      builder.endSegment();
    }
  }
  return builder;
}

function firstName(elements: XmlElement[]): string {
  for (const el of elements) {
    const name = childText(el, 'name');
    if (name) return name;
  }
  return '';
}
