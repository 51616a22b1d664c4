// The GPX reading peer of the bench (gpx-peers.ts) reads what a hand says the file holds, and the
// bench's equality check tells a differing point from the same ones: else the bench's "same points
// on both sides" would prove nothing.
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { fail } from '../../src/core/errors';
import { readTrackFile } from '../../src/core/gpx/read';
import { FXP_OPTIONS, fxpGpxPoints, samePoints } from './gpx-peers';

// one trk of two segments; a point without ele or time, a time with milliseconds
const GPX = `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>t</name>
<trkseg><trkpt lat="50.4300000" lon="2.8300000"><ele>35.5</ele><time>2024-05-01T08:00:00Z</time></trkpt><trkpt lat="50.44" lon="2.84"/></trkseg>
<trkseg><trkpt lat="-0.5" lon="-1.25"><ele>-2</ele></trkpt><trkpt lat="1" lon="2"><time>2024-05-01T08:00:01.500Z</time></trkpt></trkseg>
</trk></gpx>`;

const fxp = new XMLParser(FXP_OPTIONS);
const peer = () => fxpGpxPoints((t) => fxp.parse(t), GPX);

function ours() {
  const r = readTrackFile(GPX, 't.gpx', { parseXml: () => fail('file.not-xml') });
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

describe('GPX reading peer (bench)', () => {
  it('fast-xml-parser walked gives the points a hand reads in the file', () => {
    const p = peer();
    expect([...p.lon]).toEqual([2.83, 2.84, -1.25, 2]);
    expect([...p.lat]).toEqual([50.43, 50.44, -0.5, 1]);
    expect([...p.ele]).toEqual([35.5, NaN, -2, NaN]);
    expect([...p.time]).toEqual([Date.UTC(2024, 4, 1, 8), NaN, NaN, Date.UTC(2024, 4, 1, 8, 0, 1, 500)]);
  });

  it('samePoints finds Cavalier and the peer equal here, and says where they differ', () => {
    expect(samePoints(ours(), peer())).toBeNull();
    const p = peer();
    p.ele[2] = -3;
    expect(samePoints(ours(), p)).toMatch(/^point 2: /);
    const q = peer();
    q.time[1] = 0; // a time where the file has none
    expect(samePoints(ours(), q)).toMatch(/^point 1: /);
    const short = peer();
    for (const k of ['lon', 'lat', 'ele', 'time'] as const) short[k] = short[k].subarray(0, 3);
    expect(samePoints(ours(), short)).toBe('the peer has 3 points, Cavalier more');
    const long = peer();
    for (const k of ['lon', 'lat', 'ele', 'time'] as const) long[k] = Float64Array.of(...long[k], 0);
    expect(samePoints(ours(), long)).toBe('Cavalier has 4 points, the peer 5');
  });
});
