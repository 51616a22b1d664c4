// Second method for the track readers: @tmcw/togeojson (the reference converter) must see the
// same points in every valid fixture. Our reader walks the XML itself only so that it can report
// bad coordinates (togeojson drops them silently, see the last test).
import { readFileSync } from 'node:fs';
import { gpx, kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { readTrackFile } from '../../src/core/gpx/read';
import { parseXmlWithXmldom } from '../../src/core/gpx/xml';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/gpx/${name}`, import.meta.url), 'utf8');
type Line = { geometry: { type: string; coordinates: number[][] | number[][][] } | null };

function togeojsonLines(name: string): number[][][] {
  const doc = new DOMParser().parseFromString(fixture(name), 'text/xml');
  const fc = (name.endsWith('.kml') ? kml(doc as unknown as Document) : gpx(doc as unknown as Document)) as unknown as { features: Line[] };
  const lines: number[][][] = [];
  for (const f of fc.features) {
    if (f.geometry?.type === 'LineString') lines.push(f.geometry.coordinates as number[][]);
    if (f.geometry?.type === 'MultiLineString') lines.push(...(f.geometry.coordinates as number[][][]));
  }
  return lines;
}

describe('track readers agree with @tmcw/togeojson', () => {
  for (const name of ['two-segments.gpx', 'no-ele.gpx', 'route-only.gpx', 'html-name.gpx', 'line.kml']) {
    it(name, () => {
      const ours = readTrackFile(fixture(name), name, { parseXml: parseXmlWithXmldom });
      if (!ours.ok) throw new Error(`${name} should read: ${ours.error.code}`);
      const ref = togeojsonLines(name);
      expect(ours.value.segments.length).toBe(ref.length);
      ours.value.segments.forEach((seg, i) => {
        expect(seg.length).toBe(ref[i].length);
        seg.forEach((p, j) => {
          expect(p[0]).toBeCloseTo(ref[i][j][0], 9);
          expect(p[1]).toBeCloseTo(ref[i][j][1], 9);
          if (p.length === 3 && ref[i][j].length === 3) expect(p[2]).toBeCloseTo(ref[i][j][2], 9);
        });
      });
    });
  }

  it('togeojson silently drops a point with an unreadable longitude; we report it', () => {
    const ours = readTrackFile(fixture('nan-lon.gpx'), 'nan-lon.gpx', { parseXml: parseXmlWithXmldom });
    expect(ours.ok).toBe(false);
    const pointsInFile = (fixture('nan-lon.gpx').match(/<trkpt/g) ?? []).length;
    const ref = togeojsonLines('nan-lon.gpx').reduce((n, l) => n + l.length, 0);
    expect(ref).toBeLessThan(pointsInFile);
  });
});
