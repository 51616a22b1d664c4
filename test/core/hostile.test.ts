// Files a user might really drop (test/fixtures/hostile/README.md lists them with their expected
// outcome), through readTrackFile: the exact Result code for each, never an exception, and a
// track read before them left as it was.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/core/errors';
import { bboxOf } from '../../src/core/geo/bbox';
import { decodeText, textEncodingOf } from '../../src/core/gpx/encoding';
import { MAX_TRACK_FILE_CHARS, readTrackFile } from '../../src/core/gpx/read';
import { parseXmlWithXmldom } from '../../src/core/gpx/xml';
import { analyseTrack } from '../../src/core/route/analyse';
import type { Track } from '../../src/core/types';

const bytesOf = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/hostile/${name}`, import.meta.url)));
/** What the page hands over today: File.text(), which always decodes UTF-8. */
const asUtf8 = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);
/** What it should hand over: the bytes decoded in the encoding they are in. */
const decoded = (bytes: Uint8Array) => new TextDecoder(textEncodingOf(bytes)).decode(bytes);

let parsedXml = 0;
const deps = {
  parseXml: (text: string) => {
    parsedXml++;
    return parseXmlWithXmldom(text);
  },
};

/** readTrackFile, asserting that it returns instead of throwing. */
function read(text: string, fileName: string): Result<Track> {
  let r: Result<Track> | undefined;
  expect(() => (r = readTrackFile(text, fileName, deps))).not.toThrow();
  if (!r) throw new Error('unreachable');
  return r;
}
const readFixture = (name: string, fileName = name) => read(decoded(bytesOf(name)), fileName);

const gpx = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">\n<trk><name>Pauses</name>\n${body}</trk>\n</gpx>\n`;
const seg = '<trkseg><trkpt lat="50.43" lon="2.83"/><trkpt lat="50.44" lon="2.84"/></trkseg>\n';

describe('hostile and broken files (test/fixtures/hostile)', () => {
  it('truncated.gpx: refused as not XML, with the line where it stops', () => {
    const r = readFixture('truncated.gpx');
    expect(r).toMatchObject({ ok: false, error: { code: 'file.not-xml' } });
    expect(!r.ok && r.error.detail?.line).toBe(20); // the last line, where the point is cut
  });

  it('billion-laughs.gpx, xxe-parameter.gpx, xxe.kml: refused before any parser sees them', () => {
    parsedXml = 0;
    for (const name of ['billion-laughs.gpx', 'xxe-parameter.gpx', 'xxe.kml']) {
      expect(readFixture(name)).toEqual({ ok: false, error: { code: 'file.xml-entities' } });
    }
    expect(parsedXml).toBe(0);
  });

  it('NaN, Infinity and out-of-range coordinates: the first bad point is named', () => {
    const bad = (index: number) => ({ ok: false, error: { code: 'file.bad-coordinate', detail: { index, point: index + 1 } } });
    expect(readFixture('nan.gpx')).toEqual(bad(2));
    expect(readFixture('infinity.gpx')).toEqual(bad(1));
    expect(readFixture('out-of-range.gpx')).toEqual(bad(3));
    expect(readFixture('nan.kml')).toEqual(bad(1));
    expect(readFixture('out-of-range.geojson')).toEqual(bad(2)); // 1e999 parses as Infinity
    expect(readFixture('nan.geojson')).toEqual({ ok: false, error: { code: 'file.not-json' } }); // NaN is not JSON
  });

  it('hex-lat.gpx: lat="0x32" is refused, not read as 50', () => {
    expect(readFixture('hex-lat.gpx')).toEqual({ ok: false, error: { code: 'file.bad-coordinate', detail: { index: 1, point: 2 } } });
  });

  it('trk-and-rte.gpx, invalid-utf8.gpx, control-name.gpx: accepted, nothing dropped silently', () => {
    expect(readFixture('trk-and-rte.gpx')).toMatchObject({
      ok: true,
      value: { name: 'Sortie du 1er mai' },
      warnings: [
        { code: 'file.empty-segments', detail: { count: 1 } },
        { code: 'file.routes-left-out', detail: { count: 1 } },
      ],
    });
    const utf8 = decodeText(bytesOf('invalid-utf8.gpx'));
    expect(utf8.ok && utf8.warnings).toEqual([{ code: 'file.invalid-utf8', detail: { line: 4 } }]);
    expect(utf8.ok && read(utf8.value, 'invalid-utf8.gpx')).toMatchObject({ ok: true, value: { name: 'Li\uFFFDvin for\uFFFDt' } });
    expect(readFixture('control-name.gpx')).toMatchObject({ ok: true, value: { name: 'Boucle\u001b[2J\u001b]0;pwned\u0007 \u202efin' } });
  });

  it('single-point.gpx: kept, with the warning that it has no length', () => {
    const r = readFixture('single-point.gpx');
    expect(r).toEqual({
      ok: true,
      warnings: [{ code: 'file.single-point' }],
      value: { name: 'Départ seul', segments: [[[2.83, 50.43]]] },
    });
    // the rest of the app copes with it: no length, a bbox to frame it
    if (!r.ok) return;
    expect(analyseTrack(r.value.segments)).toMatchObject({ length_m: 0, points: 1, segments: 1, profile: null });
    expect(bboxOf(r.value.segments)).toEqual([2.83, 50.43, 2.83, 50.43]);
  });

  it('html-names.geojson: names kept as text, character for character', () => {
    const r = readFixture('html-names.geojson');
    expect(r).toMatchObject({ ok: true, value: { name: '<img src=x onerror=alert(1)>' } });
  });

  it('not-geojson.json: said to be JSON that is not GeoJSON', () => {
    expect(readFixture('not-geojson.json')).toEqual({ ok: false, error: { code: 'file.not-geojson' } });
    expect(read('[1, 2, 3]', 'liste.json')).toEqual({ ok: false, error: { code: 'file.not-geojson' } });
  });

  it('empty.gpx: empty', () => {
    expect(readFixture('empty.gpx')).toEqual({ ok: false, error: { code: 'file.empty' } });
  });

  it('image.png: an unknown format by its name, not XML when named .gpx', () => {
    const png = bytesOf('image.png');
    expect(textEncodingOf(png)).toBe('utf-8');
    expect(read(asUtf8(png), 'image.png')).toEqual({ ok: false, error: { code: 'file.unknown-format' } });
    expect(read(asUtf8(png), 'trace.gpx')).toEqual({ ok: false, error: { code: 'file.not-xml' } });
  });

  it('utf16le.gpx: read when decoded as UTF-16; refused as not XML when decoded as UTF-8 (File.text())', () => {
    const bytes = bytesOf('utf16le.gpx');
    expect(textEncodingOf(bytes)).toBe('utf-16le');
    expect(read(decoded(bytes), 'utf16le.gpx')).toEqual({
      ok: true,
      warnings: [],
      value: {
        name: 'Liévin – forêt',
        segments: [
          [
            [2.778, 50.423, 62],
            [2.779, 50.424, 63.5],
          ],
        ],
      },
    });
    expect(read(asUtf8(bytes), 'utf16le.gpx')).toEqual({ ok: false, error: { code: 'file.not-xml' } });
    // the same without a byte-order mark, and big-endian
    const noBom = bytes.subarray(2);
    expect(textEncodingOf(noBom)).toBe('utf-16le');
    const be = new Uint8Array(bytes.length);
    for (let i = 0; i + 1 < bytes.length; i += 2) [be[i], be[i + 1]] = [bytes[i + 1], bytes[i]];
    expect(textEncodingOf(be)).toBe('utf-16be');
    expect(read(decoded(be), 'be.gpx')).toMatchObject({ ok: true, value: { name: 'Liévin – forêt' } });
  });
});

describe('hostile files made in the test', () => {
  it('10k empty segments: dropped with a warning, the real one kept', () => {
    const text = gpx('<trkseg></trkseg>\n'.repeat(5_000) + seg + '<trkseg/>\n'.repeat(5_000));
    const r = read(text, 'pauses.gpx');
    expect(r).toEqual({
      ok: true,
      warnings: [{ code: 'file.empty-segments', detail: { count: 10_000 } }],
      value: {
        name: 'Pauses',
        segments: [
          [
            [2.83, 50.43],
            [2.84, 50.44],
          ],
        ],
      },
    });
    expect(read(gpx('<trkseg></trkseg>\n'.repeat(10_000)), 'vide.gpx')).toEqual({ ok: false, error: { code: 'file.no-track' } });
  });

  it('a GeoJSON over 200 MB: refused on its length, before parsing', () => {
    // a rope: concatenation does not copy, so this costs nothing until something reads it
    const filler = ' '.repeat(MAX_TRACK_FILE_CHARS);
    const huge = `{"type":"FeatureCollection","features":[${filler}{ not json`;
    expect(huge.length).toBeGreaterThan(MAX_TRACK_FILE_CHARS);
    // had it been parsed, the answer would be 'file.not-json' (the text ends in broken JSON)
    expect(read(huge, 'enorme.geojson')).toEqual({ ok: false, error: { code: 'file.too-large', detail: { limit_mb: 200 } } });
  });

  it('a track read before all of these is untouched, and reads the same again', () => {
    const good = gpx(seg);
    const before = read(good, 'bonne.gpx');
    const snapshot = structuredClone(before);
    for (const name of ['truncated.gpx', 'billion-laughs.gpx', 'xxe.kml', 'nan.gpx', 'single-point.gpx', 'html-names.geojson', 'image.png', 'utf16le.gpx']) {
      readFixture(name);
    }
    read(gpx('<trkseg/>'.repeat(10_000)), 'vide.gpx');
    expect(before).toEqual(snapshot);
    expect(read(good, 'bonne.gpx')).toEqual(snapshot);
  });
});
