import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { MAX_TRACK_FILE_CHARS, readTrackFile } from '../../src/core/gpx/read';
import { writeGpx } from '../../src/core/gpx/write';
import { parseXmlWithXmldom } from '../../src/core/gpx/xml';
import type { Position, Track } from '../../src/core/types';

/** The text writeGpx writes (its warnings are checked where they matter). */
const gpxText = (...args: Parameters<typeof writeGpx>): string => writeGpx(...args).text;

const fixturePath = (name: string) => new URL(`../fixtures/gpx/${name}`, import.meta.url);
const fixture = (name: string) => readFileSync(fixturePath(name), 'utf8');
const deps = { parseXml: parseXmlWithXmldom };
const read = (name: string) => readTrackFile(fixture(name), name, deps);
const readText = (text: string, name = 'inline.gpx') => readTrackFile(text, name, deps);
const xsd = readFileSync(new URL('../fixtures/gpx-1.1.xsd', import.meta.url), 'utf8');

async function validate(xml: string) {
  return validateXML({
    xml: [{ fileName: 'out.gpx', contents: xml }],
    schema: [{ fileName: 'gpx-1.1.xsd', contents: xsd }],
  });
}

const gpx11 = (body: string) => `<?xml version="1.0"?><gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1">${body}</gpx>`;
const kml = (body: string) => `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2">${body}</kml>`;

describe('readTrackFile: fixtures', () => {
  it('reads a two-segment track with elevations, keeping the segments apart', () => {
    expect(read('two-segments.gpx')).toEqual({
      ok: true,
      warnings: [],
      value: {
        name: 'Boucle du 11/19',
        segments: [
          [
            [2.83, 50.43, 35],
            [2.831, 50.431, 37.5],
            [2.8325, 50.432, 40.2],
          ],
          [
            [2.84, 50.44, 45],
            [2.841, 50.4405, 44.1],
          ],
        ],
        // the times the file has, NaN where a point has none
        times: [
          [Date.UTC(2024, 4, 1, 8), NaN, Date.UTC(2024, 4, 1, 8, 2)],
          [NaN, NaN],
        ],
      },
    });
  });

  it('reads a track without elevation as 2D points, named after the file', () => {
    const r = read('no-ele.gpx');
    expect(r.ok && r.value).toEqual({
      name: 'no-ele',
      segments: [
        [
          [2.83, 50.43],
          [2.84, 50.435],
          [2.842, 50.44],
        ],
      ],
    });
  });

  it('takes a route when there is no track, elevation per point', () => {
    const r = read('route-only.gpx');
    expect(r.ok && r.value).toEqual({
      kind: 'route',
      name: 'Itinéraire Loos-en-Gohelle',
      segments: [
        [
          [2.786, 50.4575, 70],
          [2.79, 50.46],
          [2.795, 50.462, 180.5],
        ],
      ],
    });
  });

  it('reads a KML LineString', () => {
    const r = read('line.kml');
    expect(r.ok && r.value).toEqual({
      name: 'Chemin des cavaliers',
      segments: [
        [
          [2.83, 50.43, 35],
          [2.831, 50.431, 36.5],
          [2.832, 50.432, 38],
        ],
      ],
    });
  });

  it('reads the lines of a GeoJSON FeatureCollection as segments', () => {
    const r = read('lines.geojson');
    expect(r.ok && r.value).toEqual({
      name: 'Liaison Liévin',
      segments: [
        [
          [2.83, 50.43, 35],
          [2.84, 50.44, 40.5],
          [2.85, 50.44],
        ],
        [
          [2.86, 50.45],
          [2.87, 50.46],
        ],
        [
          [2.88, 50.47, 60],
          [2.89, 50.48, 61],
        ],
      ],
    });
  });

  it('fails on a truncated file instead of returning its beginning', () => {
    const r = read('truncated.gpx');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('file.not-xml');
    expect(r.error.detail?.line).toBeGreaterThanOrEqual(7);
  });

  it('fails on text that is not XML', () => {
    expect(read('not-xml.gpx')).toEqual({ ok: false, error: { code: 'file.not-xml' } });
    expect(readText('<html><body><p>page</body></html>', 'x.gpx')).toMatchObject({
      ok: false,
      error: { code: 'file.not-xml' },
    });
  });

  it('fails when there is no track, route or line', () => {
    expect(read('no-track.gpx')).toEqual({ ok: false, error: { code: 'file.no-track' } });
  });

  it('reports the first bad coordinate with its index among all points', () => {
    expect(read('lat95.gpx')).toEqual({
      ok: false,
      error: { code: 'file.bad-coordinate', detail: { index: 1, point: 2 } },
    });
    expect(read('nan-lon.gpx')).toEqual({
      ok: false,
      error: { code: 'file.bad-coordinate', detail: { index: 3, point: 4 } },
    });
  });

  it('refuses entity declarations: expansion bombs and external entities', () => {
    expect(read('entity-bomb.gpx')).toEqual({ ok: false, error: { code: 'file.xml-entities' } });
    expect(read('xxe.kml')).toEqual({ ok: false, error: { code: 'file.xml-entities' } });
    // the xmldom wrapper refuses them too when used on its own
    expect(parseXmlWithXmldom(fixture('xxe.kml'))).toEqual({ ok: false, error: { code: 'file.xml-entities' } });
  });

  it('reads a name full of HTML as plain text, and writes it back escaped', () => {
    const r = read('html-name.gpx');
    expect(r.ok && r.value.name).toBe('<img src=x onerror=alert(1)> & "Lens" \'');
    if (!r.ok) return;
    const out = gpxText(r.value);
    expect(out).not.toContain('<img');
    expect(out).toContain('<name>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Lens&quot; &apos;</name>');
  });
});

describe('readTrackFile: formats and quirks', () => {
  it('rejects empty and oversized text before parsing', () => {
    expect(readText('')).toEqual({ ok: false, error: { code: 'file.empty' } });
    expect(readText(' \n\t\uFEFF')).toEqual({ ok: false, error: { code: 'file.empty' } });
    expect(readText('\uFEFF  \n')).toEqual({ ok: false, error: { code: 'file.empty' } });
    const huge = ' '.repeat(MAX_TRACK_FILE_CHARS + 1); // a rope: cheap until flattened
    let parsed = false;
    const r = readTrackFile(huge, 'big.gpx', {
      parseXml: (t) => {
        parsed = true;
        return parseXmlWithXmldom(t);
      },
    });
    expect(r).toEqual({ ok: false, error: { code: 'file.too-large', detail: { limit_mb: 200 } } });
    expect(parsed).toBe(false);
  });

  it('picks the format from the content, the extension only for the error', () => {
    const geojson = '{"type":"LineString","coordinates":[[2.83,50.43],[2.84,50.44]]}';
    expect(readText(geojson, 'misnamed.gpx')).toMatchObject({ ok: true, value: { name: 'misnamed' } });
    expect(readText('{"type": ', 'a.geojson')).toEqual({ ok: false, error: { code: 'file.not-json' } });
    expect(readText('hello', 'a.json')).toEqual({ ok: false, error: { code: 'file.not-json' } });
    expect(readText('hello', 'a.kml')).toEqual({ ok: false, error: { code: 'file.not-xml' } });
    expect(readText('\u0000\u0001FIT', 'a.fit')).toEqual({ ok: false, error: { code: 'file.unknown-format' } });
    expect(readText('<TrainingCenterDatabase/>', 'a.tcx')).toEqual({
      ok: false,
      error: { code: 'file.unknown-format' },
    });
  });

  it('accepts a byte-order mark and blank lines before the XML declaration', () => {
    const text = `\uFEFF\n\n${gpx11('<trk><trkseg><trkpt lat="1" lon="2"/><trkpt lat="1.5" lon="2.5"/></trkseg></trk>')}`;
    expect(readText(text, 'x.gpx')).toMatchObject({
      ok: true,
      value: {
        segments: [
          [
            [2, 1],
            [2.5, 1.5],
          ],
        ],
      },
    });
  });

  it('reads GPX 1.0 names, prefixed elements, and every trk of the file', () => {
    const v10 =
      '<gpx version="1.0" xmlns="http://www.topografix.com/GPX/1/0"><name>Ancien</name>' +
      '<trk><trkseg><trkpt lat="1" lon="2"/><trkpt lat="3" lon="4"/></trkseg></trk></gpx>';
    expect(readText(v10)).toMatchObject({ ok: true, value: { name: 'Ancien' } });
    const prefixed =
      '<g:gpx xmlns:g="http://www.topografix.com/GPX/1/1"><g:trk><g:name>P</g:name>' +
      '<g:trkseg><g:trkpt lat="1" lon="2"><g:ele>5</g:ele></g:trkpt><g:trkpt lat="3" lon="4"/></g:trkseg></g:trk>' +
      '<g:trk><g:trkseg><g:trkpt lat="5" lon="6"/><g:trkpt lat="7" lon="8"/></g:trkseg></g:trk></g:gpx>';
    expect(readText(prefixed)).toEqual({
      ok: true,
      warnings: [],
      value: {
        name: 'P',
        segments: [
          [
            [2, 1, 5],
            [4, 3],
          ],
          [
            [6, 5],
            [8, 7],
          ],
        ],
      },
    });
  });

  it('prefers the track to a route, and keeps an unreadable ele as unknown', () => {
    const both = gpx11(
      '<rte><rtept lat="9" lon="9"/><rtept lat="9.1" lon="9.1"/></rte>' +
        '<trk><trkseg><trkpt lat="1" lon="2"><ele>n/a</ele></trkpt><trkpt lat="3" lon="4"><ele> 12.5 </ele></trkpt></trkseg></trk>',
    );
    expect(readText(both)).toMatchObject({
      ok: true,
      value: {
        segments: [
          [
            [2, 1],
            [4, 3, 12.5],
          ],
        ],
      },
    });
  });

  it('treats a missing lat or lon as a bad coordinate, not as 0', () => {
    const missing = gpx11('<trk><trkseg><trkpt lat="1" lon="2"/><trkpt lat="3"/></trkseg></trk>');
    expect(readText(missing)).toEqual({ ok: false, error: { code: 'file.bad-coordinate', detail: { index: 1, point: 2 } } });
    const lon = gpx11('<trk><trkseg><trkpt lat="1" lon="2"/><trkpt lat="3" lon="180.5"/></trkseg></trk>');
    expect(readText(lon)).toMatchObject({ ok: false, error: { code: 'file.bad-coordinate' } });
  });

  it('reads KML MultiGeometry, gx:Track, "lon, lat" slips, and drops all-zero altitudes', () => {
    const text = kml(
      '<Document><Placemark><name>Multi</name><MultiGeometry>' +
        '<LineString><coordinates>2.83,50.43,0 2.84,50.44,0</coordinates></LineString>' +
        '<LineString><coordinates>2.85, 50.45,0\n 2.86 ,50.46,0</coordinates></LineString>' +
        '</MultiGeometry></Placemark>' +
        '<Placemark><Polygon><outerBoundaryIs><LinearRing><coordinates>0,0 1,0 1,1 0,0</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>' +
        '</Document>',
    );
    expect(readText(text, 'm.kml')).toEqual({
      ok: true,
      warnings: [],
      value: {
        name: 'Multi',
        segments: [
          [
            [2.83, 50.43],
            [2.84, 50.44],
          ],
          [
            [2.85, 50.45],
            [2.86, 50.46],
          ],
        ],
      },
    });
    const gx = kml(
      '<Placemark xmlns:gx="http://www.google.com/kml/ext/2.2"><gx:Track>' +
        '<when>2024-01-01T00:00:00Z</when><gx:coord>2.83 50.43 40</gx:coord><gx:coord>2.84 50.44 42.5</gx:coord>' +
        '</gx:Track></Placemark>',
    );
    expect(readText(gx, 'enregistrement.kml')).toEqual({
      ok: true,
      warnings: [],
      value: {
        name: 'enregistrement',
        segments: [
          [
            [2.83, 50.43, 40],
            [2.84, 50.44, 42.5],
          ],
        ],
      },
    });
    const bad = kml('<Placemark><LineString><coordinates>2.83,50.43 abc,50.44</coordinates></LineString></Placemark>');
    expect(readText(bad, 'b.kml')).toEqual({ ok: false, error: { code: 'file.bad-coordinate', detail: { index: 1, point: 2 } } });
    const noLine = kml('<Placemark><Point><coordinates>2.83,50.43</coordinates></Point></Placemark>');
    expect(readText(noLine, 'p.kml')).toEqual({ ok: false, error: { code: 'file.no-track' } });
  });

  it('checks GeoJSON coordinates too', () => {
    const bad = '{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[2.8,50.4],[2.9,"50"]]}}';
    expect(readText(bad, 'b.geojson')).toEqual({ ok: false, error: { code: 'file.bad-coordinate', detail: { index: 1, point: 2 } } });
    const points = '{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[2.8,50.4]}}';
    expect(readText(points, 'p.geojson')).toEqual({ ok: false, error: { code: 'file.no-track' } });
  });
});

describe('writeGpx', () => {
  const twoSegments = (): Track => {
    const r = read('two-segments.gpx');
    if (!r.ok) throw new Error('fixture two-segments.gpx must read');
    return r.value;
  };

  /** A wiggly track near Lens with elevations on most points and 2D points here and there. */
  const synthetic = (n: number, segments = 2): Track => {
    const segs: Position[][] = [];
    for (let s = 0; s < segments; s++) {
      const seg: Position[] = [];
      for (let i = 0; i < n; i++) {
        const lon = 2.83 + s * 0.1 + i * 1.234567e-5 + 1e-4 * Math.sin(i / 9);
        const lat = 50.43 - i * 0.987654e-5 + 1e-4 * Math.cos(i / 13);
        seg.push(i % 17 === 5 ? [lon, lat] : [lon, lat, 30 + 40 * Math.sin(i / 50) + i * 1e-3]);
      }
      segs.push(seg);
    }
    return { name: 'Synthétique', segments: segs };
  };

  it('writes the XSD element order with 7-decimal coordinates and 1-decimal elevations', () => {
    const out = gpxText(twoSegments(), { time: '2024-05-01T08:00:00Z', description: 'Aller & retour' });
    expect(out.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="Cavalier"')).toBe(true);
    expect(out).toContain('<metadata><name>Boucle du 11/19</name><desc>Aller &amp; retour</desc><time>2024-05-01T08:00:00Z</time></metadata>');
    expect(out).toContain(
      '<trk>\n<name>Boucle du 11/19</name>\n<trkseg>\n<trkpt lat="50.4300000" lon="2.8300000"><ele>35.0</ele><time>2024-05-01T08:00:00Z</time></trkpt>',
    );
    expect(out.match(/<trk>/g)?.length).toBe(1);
    expect(out.match(/<trkseg>/g)?.length).toBe(2);
    expect(gpxText({ name: 'x', segments: [[[2.5, 50.25]]] })).toContain('<trkpt lat="50.2500000" lon="2.5000000"/>');
    // padding and signs: small and negative values, elevation below sea level
    expect(gpxText({ name: 'x', segments: [[[-0.0000123, 0.5, -2.25]]] })).toContain('<trkpt lat="0.5000000" lon="-0.0000123"><ele>-2.3</ele></trkpt>');
    // the same digits as toFixed on ordinary values
    const rnd = Array.from({ length: 200 }, (_, i) => [((i * 7919) % 3600) / 10 - 180 + i * 1.37e-5, ((i * 104729) % 1800) / 10 - 90]);
    const text = gpxText({ name: 'x', segments: [rnd.map(([lon, lat]) => [lon, lat] as Position)] });
    const written = [...text.matchAll(/lat="([^"]+)" lon="([^"]+)"/g)].map((m) => [m[2], m[1]]);
    expect(written).toEqual(rnd.map(([lon, lat]) => [lon.toFixed(7), lat.toFixed(7)]));
    expect(gpxText({ name: '', segments: [] }, { creator: 'A&B' })).toContain('creator="A&amp;B"');
  });

  it('round-trips through readTrackFile: same points to 1e-7, same elevations', () => {
    const track = synthetic(700, 3);
    const back = readText(gpxText(track), 'rt.gpx');
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.value.name).toBe('Synthétique');
    expect(back.value.segments.length).toBe(3);
    track.segments.forEach((seg, s) => {
      const got = back.value.segments[s];
      expect(got.length).toBe(seg.length);
      seg.forEach((p, i) => {
        expect(Math.abs(got[i][0] - p[0])).toBeLessThanOrEqual(0.5e-7 + 1e-12);
        expect(Math.abs(got[i][1] - p[1])).toBeLessThanOrEqual(0.5e-7 + 1e-12);
        expect(got[i].length).toBe(p.length);
        if (p.length === 3) expect(Math.abs((got[i][2] ?? NaN) - p[2])).toBeLessThanOrEqual(0.05 + 1e-9);
      });
    });
    // values already at the written precision come back exactly
    const fixed = twoSegments();
    const again = readText(gpxText(fixed), 'rt.gpx');
    expect(again.ok && again.value).toEqual(fixed);
  });

  it('is read identically by the independent gpxparser package', () => {
    // gpxparser is CommonJS and installs jsdom-global's window.DOMParser itself when required
    const require = createRequire(import.meta.url);
    interface GpxParserPoint {
      lat: number;
      lon: number;
      ele: number | null;
    }
    interface GpxParser {
      parse(xml: string): void;
      tracks: { name: string; points: GpxParserPoint[] }[];
    }
    const GpxParserCtor = require('gpxparser') as new () => GpxParser;
    const track = synthetic(300, 2);
    const parser = new GpxParserCtor();
    parser.parse(gpxText(track));
    expect(parser.tracks.length).toBe(1);
    expect(parser.tracks[0].name).toBe('Synthétique');
    // gpxparser merges the segments of a track
    const ours = track.segments.flat();
    const theirs = parser.tracks[0].points;
    expect(theirs.length).toBe(ours.length);
    theirs.forEach((p, i) => {
      expect(Math.abs(p.lon - ours[i][0])).toBeLessThanOrEqual(0.5e-7 + 1e-12);
      expect(Math.abs(p.lat - ours[i][1])).toBeLessThanOrEqual(0.5e-7 + 1e-12);
      const e = ours[i].length === 3 ? ours[i][2] : null;
      if (e === null || e === undefined) expect(p.ele).toBeNull();
      else expect(Math.abs((p.ele ?? NaN) - e)).toBeLessThanOrEqual(0.05 + 1e-9);
    });
  });

  it('validates against the GPX 1.1 schema, HTML name and all', async () => {
    const track = { ...synthetic(50, 2), name: '<img src=x onerror=alert(1)> & \u0007bell' };
    const result = await validate(gpxText(track, { time: '2024-05-01T08:00:00Z', description: '<b>gras</b>' }));
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect((await validate(gpxText({ name: '', segments: [] }))).valid).toBe(true);
  });

  it('the schema check can fail: lat=95 and a wrong element order are invalid', async () => {
    const good = gpxText(twoSegments(), { time: '2024-05-01T08:00:00Z' });
    const lat95 = good.replace('lat="50.4310000"', 'lat="95.0000000"');
    expect(lat95).not.toBe(good);
    expect((await validate(lat95)).valid).toBe(false);
    // <time> before <name> in metadata breaks the sequence
    const order = good.replace(
      '<metadata><name>Boucle du 11/19</name><time>2024-05-01T08:00:00Z</time></metadata>',
      '<metadata><time>2024-05-01T08:00:00Z</time><name>Boucle du 11/19</name></metadata>',
    );
    expect(order).not.toBe(good);
    expect((await validate(order)).valid).toBe(false);
  });
});

describe('writeGpx times (issue 15: no Date per point)', () => {
  it('spells every instant as Date.toISOString does (".000Z" as "Z"), across minutes, milliseconds and before 1970', () => {
    const base = Date.UTC(2024, 4, 1, 7, 59, 58);
    const YEAR_1 = Date.parse('0001-01-01T00:00:00Z'); // xsd:dateTime's first plain year (Date.UTC maps 1 to 1901)
    const times = [
      base,
      base + 1000,
      base + 2500.7,
      base + 62_001,
      base + 3_600_000 - 1,
      Date.UTC(1969, 11, 31, 23, 59, 59, 999),
      -1,
      0,
      YEAR_1,
      YEAR_1 - 1,
      Number.NaN,
    ];
    const points: Position[] = times.map((_, i) => [2.8 + i * 1e-4, 50.4, 40 + i]);
    const text = writeGpx({ name: 'horaires', segments: [points], times: [times] }).text;
    const written = [...text.matchAll(/<trkpt[^>]*>(?:<ele>[^<]*<\/ele>)?(?:<time>([^<]*)<\/time>)?<\/trkpt>/g)].map((m) => m[1] ?? null);
    // independent reference: the Date object, one per point
    const expected = times.map((t) => {
      if (!(t >= YEAR_1) || !(t <= Date.UTC(9999, 11, 31, 23, 59, 59, 999))) return null;
      const iso = new Date(Math.floor(t)).toISOString();
      return iso.replace(/\.000Z$/, 'Z');
    });
    expect(written).toEqual(expected);
    expect(written[2]).toBe('2024-05-01T08:00:00.500Z');
    expect(written[5]).toBe('1969-12-31T23:59:59.999Z');
    expect(written[8]).toBe('0001-01-01T00:00:00Z');
  });
});
