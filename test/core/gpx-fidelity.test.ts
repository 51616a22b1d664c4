// What a GPX keeps through Cavalier (issue 10): every file written validates against the GPX 1.1
// schema whatever the track holds; a file's tracks and routes are both read; point times survive
// reading, elevation filling and writing; one reader (the scanner) for the track and the layer
// import; numbers, names and bytes that are not what they seem are refused, bounded or reported.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { fillElevation } from '../../src/core/elevation/fill';
import { decodeText } from '../../src/core/gpx/encoding';
import { MAX_NAME_CHARS } from '../../src/core/gpx/points';
import { readTrackFile, readTrackItems } from '../../src/core/gpx/read';
import { formatTime, parseTime } from '../../src/core/gpx/time';
import { writeGpx } from '../../src/core/gpx/write';
import { parseXmlWithXmldom } from '../../src/core/gpx/xml';
import { importLayer } from '../../src/core/import/layer';
import type { Position, Track } from '../../src/core/types';
import { plainGpx } from './gpx-generate';

const deps = { parseXml: parseXmlWithXmldom };
const hostile = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/hostile/${name}`, import.meta.url)));
const text = (name: string) => {
  const d = decodeText(hostile(name));
  if (!d.ok) throw new Error(name);
  return d.value;
};
const xsd = readFileSync(new URL('../fixtures/gpx-1.1.xsd', import.meta.url), 'utf8');
const validate = (xml: string) => validateXML({ xml: [{ fileName: 'out.gpx', contents: xml }], schema: [{ fileName: 'gpx-1.1.xsd', contents: xsd }] });
const gpx = (body: string) => `<?xml version="1.0"?><gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1">${body}</gpx>`;
const T0 = Date.UTC(2024, 4, 1, 8);

describe('every GPX written validates against the schema, whatever the input', () => {
  const awkward: Track = {
    name: 'Antiméridien',
    segments: [
      [
        [180, 10, 1e300],
        [179.99999996, 10, -1e300],
        [-180.00000004, 10, 20_000],
        [540, 10, -20_000.04],
        [-179.99999994, 10, 1e-300],
        [Number.NaN, 10, 5],
        [2.83, 95, 5],
        [2.83, Number.NaN],
        [1e300, -90, Number.POSITIVE_INFINITY],
      ],
    ],
    times: [[T0, Number.NaN, -1e20, 1e20, T0 + 1500, T0, T0, T0, Number.NaN]],
  };

  it('folds longitudes into [-180, 180) after rounding, never writes an exponent, counts what it leaves out', async () => {
    const out = writeGpx(awkward);
    const lons = [...out.text.matchAll(/lon="([^"]+)"/g)].map((m) => m[1]);
    expect(lons).toEqual(['-180.0000000', '-180.0000000', '-180.0000000', '-180.0000000', '-179.9999999', expect.stringMatching(/^-?\d{1,3}\.\d{7}$/)]);
    expect(out.text).not.toMatch(/\d[eE][+-]?\d/);
    expect([...out.text.matchAll(/<ele>([^<]+)<\/ele>/g)].map((m) => m[1])).toEqual(['20000.0', '0.0']);
    expect(out.text).toContain('<time>2024-05-01T08:00:01.500Z</time>');
    expect(out.warnings).toEqual([
      { code: 'export.bad-coordinates', detail: { count: 3 } },
      { code: 'export.bad-elevations', detail: { count: 3, limit_m: 20_000 } }, // Infinity is no elevation, as NaN
    ]);
    const result = await validate(out.text);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('the same for waypoints and routes', async () => {
    const out = writeGpx([{ ...awkward, kind: 'route' }, awkward], {
      waypoints: [
        { lon: 179.99999996, lat: 10, ele: 1e300, name: 'A' },
        { lon: 2, lat: Number.NaN, name: 'B' },
      ],
    });
    expect(out.text).toContain('<wpt lat="10.0000000" lon="-180.0000000"><name>A</name></wpt>');
    expect(out.text).toContain('<rte>');
    expect(out.warnings).toEqual([
      { code: 'export.bad-coordinates', detail: { count: 7 } },
      { code: 'export.bad-elevations', detail: { count: 7, limit_m: 20_000 } },
    ]);
    expect((await validate(out.text)).valid).toBe(true);
  });

  it('an elevation of 1e300 read from a file is dropped with a count, the point kept', () => {
    const r = readTrackFile(
      gpx(
        '<trk><trkseg><trkpt lat="50" lon="2"><ele>1e300</ele></trkpt><trkpt lat="50.1" lon="2"><ele>-25000</ele></trkpt><trkpt lat="50.2" lon="2"><ele>12</ele></trkpt></trkseg></trk>',
      ),
      'e.gpx',
      deps,
    );
    expect(r).toEqual({
      ok: true,
      value: {
        name: 'e',
        segments: [
          [
            [2, 50],
            [2, 50.1],
            [2, 50.2, 12],
          ],
        ],
      },
      warnings: [{ code: 'file.bad-elevation', detail: { count: 2, limit_m: 20_000 } }],
    });
  });
});

describe('a GPX with both trk and rte loses neither', () => {
  it('readTrackItems gives the tracks and the routes as two items', () => {
    const r = readTrackItems(text('trk-and-rte.gpx'), 'trk-and-rte.gpx', deps);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map((t) => [t.name, t.kind, t.segments.map((s) => s.length)])).toEqual([
      ['Sortie du 1er mai', undefined, [3]],
      ['Itinéraire prévu', 'route', [3]],
    ]);
    // the one-point segment of the track is left out and said, as everywhere
    expect(r.warnings).toEqual([{ code: 'file.empty-segments', detail: { count: 1 } }]);
  });

  it('readTrackFile takes the tracks and says that routes were left out', () => {
    const r = readTrackFile(text('trk-and-rte.gpx'), 'trk-and-rte.gpx', deps);
    expect(r.ok && r.value.name).toBe('Sortie du 1er mai');
    expect(r.ok && r.warnings).toEqual([
      { code: 'file.empty-segments', detail: { count: 1 } },
      { code: 'file.routes-left-out', detail: { count: 1 } },
    ]);
  });

  it('the layer import makes a feature of each', () => {
    const r = importLayer(text('trk-and-rte.gpx'), 'trk-and-rte.gpx');
    expect(r.ok && r.value.fc.features.map((f) => f.properties)).toEqual([{ name: 'Sortie du 1er mai' }, { name: 'Itinéraire prévu', gpx: 'rte' }]);
  });
});

describe('times are kept', () => {
  it('reads <time> per point, in the fast path and the general one, offsets applied', () => {
    const r = readTrackFile(
      gpx(
        '<trk><trkseg><trkpt lat="50" lon="2"><ele>1</ele><time>2024-05-01T08:00:00Z</time></trkpt>' +
          "<trkpt lat='50.1' lon='2'><time> 2024-05-01T10:00:05.25+02:00 </time></trkpt>" +
          '<trkpt lat="50.2" lon="2"><time>hier</time></trkpt><trkpt lat="50.3" lon="2"/></trkseg></trk>',
      ),
      't.gpx',
      deps,
    );
    expect(r.ok && r.value.times).toEqual([[T0, T0 + 5250, Number.NaN, Number.NaN]]);
    expect(r.ok && r.warnings).toEqual([{ code: 'file.bad-time', detail: { count: 1 } }]);
  });

  it('survive writing, reading back, and filling elevations (which moves no point)', () => {
    const first = readTrackFile(plainGpx(2_000), 'p.gpx', deps);
    if (!first.ok) throw new Error('plainGpx must read');
    expect(first.value.times?.[0].slice(0, 3)).toEqual([T0, T0 + 1000, T0 + 2000]);
    const filled: Track = { ...first.value, segments: first.value.segments.map((s) => fillElevation(s, null)) };
    const back = readTrackFile(writeGpx(filled).text, 'p.gpx', deps);
    expect(back.ok && back.value).toEqual(first.value);
  });

  it('parseTime and formatTime agree with Date on what both read, and refuse the rest', () => {
    for (const s of ['2024-05-01T08:00:00Z', '2024-02-29T23:59:59.999Z', '1999-12-31T23:00:00-01:30', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z']) {
      expect(parseTime(s), s).toBe(Date.parse(s));
    }
    expect(parseTime('2024-05-01T08:00:00')).toBe(T0); // no zone: UTC, as GPX says
    for (const s of ['2023-02-29T00:00:00Z', '2024-13-01T00:00:00Z', '2024-05-01 08:00:00Z', '24-05-01T08:00:00Z', '2024-05-01T08:00:00+25:00', '0x10', '']) {
      expect(parseTime(s), s).toBeNaN();
    }
    expect(formatTime(T0)).toBe('2024-05-01T08:00:00Z');
    expect(formatTime(T0 + 7)).toBe('2024-05-01T08:00:00.007Z');
    expect(formatTime(Number.NaN)).toBeNull();
    expect(formatTime(Date.UTC(10000, 0, 1))).toBeNull();
  });
});

describe('one GPX reader for every path', () => {
  it('the layer import reads GPX without a DOM (no XML parser called)', () => {
    let parsed = 0;
    const parseXml = (t: string) => {
      parsed++;
      return parseXmlWithXmldom(t);
    };
    const r = importLayer(plainGpx(1_000), 'p.gpx', { parseXml });
    expect(r.ok && r.value.fc.features.length).toBe(1);
    expect(parsed).toBe(0);
  });
});

describe('names and bytes', () => {
  it('a 20 MB track name is kept to MAX_NAME_CHARS', () => {
    const long = 'é'.repeat(20 * 1024 * 1024);
    const r = readTrackItems(gpx(`<trk><name>${long}</name><trkseg><trkpt lat="50" lon="2"/><trkpt lat="50.1" lon="2"/></trkseg></trk>`), 'n.gpx', deps);
    expect(r.ok && r.value[0].name.length).toBe(MAX_NAME_CHARS);
    expect(r.ok && r.value[0].name.endsWith('…')).toBe(true);
    const layer = importLayer(gpx(`<trk><name>${long}</name><trkseg><trkpt lat="50" lon="2"/><trkpt lat="50.1" lon="2"/></trkseg></trk>`), 'n.gpx');
    expect(layer.ok && layer.value.name.length).toBe(MAX_NAME_CHARS);
  });

  it('invalid UTF-8 is decoded with U+FFFD and a warning naming the line', () => {
    const d = decodeText(hostile('invalid-utf8.gpx'));
    expect(d.ok && d.warnings).toEqual([{ code: 'file.invalid-utf8', detail: { line: 4 } }]);
    expect(d.ok && d.value).toContain('Li\uFFFDvin');
    expect(decodeText(new TextEncoder().encode('<gpx>Liévin</gpx>'))).toEqual({ ok: true, value: '<gpx>Liévin</gpx>', warnings: [] });
  });

  it('segments of positions stay plain arrays (structured clone, JSON)', () => {
    const r = readTrackFile(gpx('<trk><trkseg><trkpt lat="50" lon="2"/><trkpt lat="50.1" lon="2"/></trkseg></trk>'), 'x.gpx', deps);
    const seg: Position[] | undefined = r.ok ? r.value.segments[0] : undefined;
    expect(Array.isArray(seg)).toBe(true);
    expect(r.ok && 'times' in r.value).toBe(false); // no time in the file: no times member
  });
});
