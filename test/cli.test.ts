// Runs the real `cavalier` command (node src/cli/cavalier.mjs) on fixture files.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCavalier } from './helpers/cli';
import { validateXML } from 'xmllint-wasm';
import { formatError, interpolate, messages } from '../src/i18n/messages';
import { karneyLength } from './helpers/karney';

const fixture = (name: string) => `test/fixtures/${name}`;

const cavalier = (...args: string[]) => runCavalier(args);

const noStack = (text: string) => expect(text).not.toMatch(/^\s+at /m);

// The two segments of test/fixtures/gpx/two-segments.gpx, as written in the file.
const SEG1 = [
  [2.83, 50.43],
  [2.831, 50.431],
  [2.8325, 50.432],
];
const SEG2 = [
  [2.84, 50.44],
  [2.841, 50.4405],
];

describe('cavalier stats', { timeout: 30_000 }, () => {
  it('--json gives the geodesic length over the segments and the smoothed climb', async () => {
    const r = await cavalier('stats', fixture('gpx/two-segments.gpx'), '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).sort()).toEqual(
      [
        'ascent_m',
        'descent_m',
        'elevation_source',
        'elevation_sources',
        'ascent_lower_bound',
        'warnings',
        'length_m',
        'max_ele_m',
        'min_ele_m',
        'points',
        'routes',
        'segments',
      ].sort(),
    );
    expect(out.elevation_sources).toEqual([{ source: 'track', name: 'altitudes du fichier', share: 1 }]);
    expect(out.warnings).toEqual([]);
    // GeographicLib, summed within each segment; the 1.1 km jump between segments is not counted
    expect(out.length_m).toBeCloseTo(karneyLength(SEG1) + karneyLength(SEG2), 1);
    expect(out.points).toBe(5);
    expect(out.segments).toBe(2);
    // by hand: segment 1 climbs steadily 35 → 40.2 (5.2 m, over the 5 m threshold);
    // segment 2 drops 45 → 44.1 (0.9 m, under it); extremes are segment ends
    expect(out.ascent_m).toBeCloseTo(5.2, 6);
    expect(out.descent_m).toBe(0);
    expect(out.min_ele_m).toBe(35);
    expect(out.max_ele_m).toBe(45);
    expect(out.elevation_source).toBe('track');
  });

  it('--dem takes elevations from an ASCII grid instead of the file', async () => {
    // plane.asc holds z = 100 + 1000·(lon − 2.82) + 2000·(lat − 50.42) at its cell centres, which
    // bilinear interpolation reproduces exactly: segment 1 goes 130 → 136.5, segment 2 160 → 162
    const r = await cavalier('stats', fixture('gpx/two-segments.gpx'), '--dem', fixture('dem/plane.asc'), '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.length_m).toBeCloseTo(karneyLength(SEG1) + karneyLength(SEG2), 1);
    expect(out.points).toBe(5);
    expect(out.ascent_m).toBeCloseTo(6.5, 6);
    expect(out.descent_m).toBe(0);
    expect(out.min_ele_m).toBeCloseTo(130, 6);
    expect(out.max_ele_m).toBeCloseTo(162, 6);
    expect(out.elevation_source).toBe('dem');
  });

  it('gives null climb figures when nothing is known about elevation', async () => {
    const r = await cavalier('stats', fixture('gpx/no-ele.gpx'), '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ points: 3, segments: 1, ascent_m: null, descent_m: null, min_ele_m: null, max_ele_m: null, elevation_source: 'none' });
    const pts = [
      [2.83, 50.43],
      [2.84, 50.435],
      [2.842, 50.44],
    ];
    expect(out.length_m).toBeCloseTo(karneyLength(pts), 1);
    // a grid that misses the route says so on stderr, and stdout stays pure JSON
    const off = await cavalier('stats', fixture('gpx/route-only.gpx'), '--dem', fixture('dem/plane.asc'), '--json');
    expect(off.code).toBe(0);
    expect(JSON.parse(off.stdout)).toMatchObject({ ascent_m: null, elevation_source: 'none' });
    expect(off.stderr).toContain('ne couvrent que 0');
  });

  it('prints a French summary without --json', async () => {
    const r = await cavalier('stats', fixture('gpx/two-segments.gpx'));
    expect(r.code).toBe(0);
    const km = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format((karneyLength(SEG1) + karneyLength(SEG2)) / 1000);
    expect(r.stdout).toContain('Boucle du 11/19');
    expect(r.stdout).toContain(`Distance\u00a0: ${km}\u00a0km (2 segments, 5 points)`);
    expect(r.stdout).toContain('Dénivelé\u00a0: +5\u00a0m');
    expect(r.stdout).toContain('altitudes du fichier');
  });

  it('speaks English with CAVALIER_LANG=en, the same figures in English number style', async () => {
    const r = await runCavalier(['stats', fixture('gpx/two-segments.gpx')], { CAVALIER_LANG: 'en' });
    expect(r.code).toBe(0);
    const km = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format((karneyLength(SEG1) + karneyLength(SEG2)) / 1000);
    expect(r.stdout).toContain(`Distance: ${km} km (2 segments, 5 points)`);
    expect(r.stdout).toContain('Elevation gain: +5 m');
    expect(r.stdout).not.toMatch(/Dénivelé|altitudes du fichier/);
    const bad = await runCavalier(['stats', fixture('gpx/two-segments.gpx'), '--bogus'], { CAVALIER_LANG: 'en' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('cavalier: unknown option “--bogus”.');
    expect(bad.stderr).toContain('cavalier stats FILE');
    const missing = await runCavalier(['stats', 'nowhere.gpx'], { CAVALIER_LANG: 'en' });
    expect(missing.stderr).toBe('cavalier: Cannot read the file “nowhere.gpx” (file not found).\n');
  });
});

describe('cavalier gpx', { timeout: 30_000 }, () => {
  it('writes GPX 1.1 that validates against the schema and keeps the points', async () => {
    const r = await cavalier('gpx', fixture('gpx/two-segments.gpx'), '--name', 'Trace <renommée> & co');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const result = await validateXML({
      xml: [{ fileName: 'out.gpx', contents: r.stdout }],
      schema: [{ fileName: 'gpx-1.1.xsd', contents: readFileSync(new URL('fixtures/gpx-1.1.xsd', import.meta.url), 'utf8') }],
    });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(r.stdout).toContain('<name>Trace &lt;renommée&gt; &amp; co</name>');
    expect(r.stdout.match(/<trkseg>/g)?.length).toBe(2);
    const pts = [...r.stdout.matchAll(/lat="([^"]+)" lon="([^"]+)"><ele>([^<]+)</g)].map((m) => [m[2], m[1], m[3]]);
    expect(pts).toEqual([
      ['2.8300000', '50.4300000', '35.0'],
      ['2.8310000', '50.4310000', '37.5'],
      ['2.8325000', '50.4320000', '40.2'],
      ['2.8400000', '50.4400000', '45.0'],
      ['2.8410000', '50.4405000', '44.1'],
    ]);
  });
});

describe('cavalier file decoding', { timeout: 30_000 }, () => {
  it('reads a file declared ISO-8859-1 as Latin-1 and writes UTF-8', async () => {
    const r = await cavalier('gpx', fixture('gpx/latin1.gpx'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<name>Liévin, forêt</name>');
  });
});

describe('cavalier errors', { timeout: 30_000 }, () => {
  it('a broken file: exit 1, one French sentence, no stack', async () => {
    const r = await cavalier('stats', fixture('gpx/truncated.gpx'), '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^cavalier : Le fichier n’est pas un XML valide \(ligne \d+\)/);
    noStack(r.stderr);
    const bad = await cavalier('gpx', fixture('gpx/lat95.gpx'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Coordonnée invalide au point n°\u00a02');
    noStack(bad.stderr);
    const bomb = await cavalier('stats', fixture('gpx/entity-bomb.gpx'));
    expect(bomb.code).toBe(1);
    expect(bomb.stderr).toContain('entités XML');
  });

  it('a missing file or a non-grid: exit 1 with the reason; a Lambert-93 grid is reprojected', async () => {
    const missing = await cavalier('stats', 'test/fixtures/gpx/absent.gpx');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('fichier introuvable');
    noStack(missing.stderr);
    // a 2×1 grid of 25 m cells at Lens (Lambert-93): it covers only the first points of the track
    const lambert = await cavalier('stats', fixture('gpx/two-segments.gpx'), '--dem', fixture('dem/lambert93.asc'), '--json');
    expect(lambert.code).toBe(0);
    expect(JSON.parse(lambert.stdout)).toMatchObject({ elevation_source: 'dem' });
    expect(lambert.stderr).toContain('ne couvrent que');
    const notGrid = await cavalier('stats', fixture('gpx/two-segments.gpx'), '--dem', fixture('gpx/two-segments.gpx'));
    expect(notGrid.code).toBe(1);
    expect(notGrid.stderr).toContain('Grille d’altitude ASCII (.asc) invalide');
  });

  it('usage errors exit 2 with the usage; --help exits 0', async () => {
    const unknown = await cavalier('frobnicate', 'x.gpx');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('commande inconnue');
    expect(unknown.stderr).toContain('Usage');
    const none = await cavalier();
    expect(none.code).toBe(2);
    const opt = await cavalier('stats', fixture('gpx/two-segments.gpx'), '--bogus');
    expect(opt.code).toBe(2);
    expect(opt.stderr).toContain('option inconnue');
    noStack(opt.stderr);
    const help = await cavalier('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('cavalier stats FICHIER');
  });
});

describe('messages', () => {
  it('fills placeholders and drops optional parts whose values are missing', () => {
    expect(formatError({ code: 'file.not-xml', detail: { line: 7 } })).toBe(
      'Le fichier n’est pas un XML valide (ligne 7)\u00a0: est-il tronqué ou corrompu\u00a0?',
    );
    expect(formatError({ code: 'file.not-xml' }, 'en')).toBe('The file is not valid XML: is it truncated or corrupt?');
    expect(formatError({ code: 'file.bad-coordinate', detail: { index: 3, point: 4 } }, 'en')).toBe(
      'Invalid coordinate at point #4: latitude or longitude missing, unreadable or out of range.',
    );
    expect(interpolate('a {x} b[ ({y})]', { x: '<i>' })).toBe('a <i> b');
    expect(interpolate('{missing}')).toBe('?');
  });

  it('has a French and an English text for every code, with the same placeholders', () => {
    const codes = Object.keys(messages.fr).sort();
    expect(Object.keys(messages.en).sort()).toEqual(codes);
    // plain {key} and counted {key|one|other} (src/i18n/plural.ts) alike
    const keys = (t: string) => [...new Set([...t.matchAll(/\{(\w+)[}|]/g)].map((m) => m[1]))].sort();
    for (const code of codes as (keyof typeof messages.fr)[]) {
      expect(messages.fr[code].length).toBeGreaterThan(10);
      expect(keys(messages.en[code])).toEqual(keys(messages.fr[code]));
    }
  });
});

const fr = (code: Parameters<typeof formatError>[0]['code'], detail?: Record<string, string | number>) =>
  formatError(detail ? { code, detail } : { code }, 'fr');
const warning = (code: Parameters<typeof formatError>[0]['code'], detail?: Record<string, string | number>) => `cavalier : attention : ${fr(code, detail)}\n`;
const validGpx11 = async (xml: string) =>
  (
    await validateXML({
      xml: [{ fileName: 'out.gpx', contents: xml }],
      schema: [{ fileName: 'gpx-1.1.xsd', contents: readFileSync(new URL('fixtures/gpx-1.1.xsd', import.meta.url), 'utf8') }],
    })
  ).valid;

describe('a file with both tracks (trk) and routes (rte)', { timeout: 30_000 }, () => {
  const both = fixture('hostile/trk-and-rte.gpx');

  it('stats measures the tracks, counts the routes and warns, as the app does about the one-point segment', async () => {
    const r = await cavalier('stats', both, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ points: 3, segments: 1, routes: 1 });
    expect(r.stderr).toBe(warning('file.empty-segments', { count: 1 }) + warning('file.routes-left-out', { count: 1 }));
    const text = await cavalier('stats', both);
    expect(text.stdout).toContain('Itinéraires (rte) dans le fichier\u00a0: 1');
    const routes = await cavalier('stats', both, '--select', 'routes', '--json');
    expect(JSON.parse(routes.stdout)).toMatchObject({ points: 3, segments: 1, routes: 1 });
    expect(routes.stderr).toBe(warning('file.empty-segments', { count: 1 }));
  });

  it('gpx writes what --select asks: the tracks by default (with the warning), the routes, or all', async () => {
    const tracks = await cavalier('gpx', both);
    expect(tracks.code).toBe(0);
    expect(tracks.stderr).toContain(fr('file.routes-left-out', { count: 1 }));
    expect(tracks.stdout).toContain('<trk>');
    expect(tracks.stdout).not.toContain('<rte>');
    const routes = await cavalier('gpx', both, '--select', 'routes');
    expect(routes.stdout).toContain('<rte>\n<name>Itinéraire prévu</name>\n<rtept lat="50.4300000" lon="2.8300000"><ele>35.0</ele></rtept>');
    expect(routes.stdout).not.toContain('<trk>');
    expect(routes.stderr).not.toContain(fr('file.routes-left-out', { count: 1 }));
    const all = await cavalier('gpx', both, '--select', 'all');
    expect(all.stdout.indexOf('<rte>')).toBeLessThan(all.stdout.indexOf('<trk>')); // the XSD's order
    for (const out of [tracks, routes, all]) expect(await validGpx11(out.stdout)).toBe(true);
    const wrong = await cavalier('gpx', both, '--select', 'waypoints');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--select attend tracks, routes ou all');
  });

  it('gpx keeps the times of a recorded track', async () => {
    const r = await cavalier('gpx', both);
    expect(r.stdout).toContain('<trkpt lat="50.4301000" lon="2.8301000"><ele>35.2</ele><time>2024-05-01T08:00:00Z</time></trkpt>');
    expect(r.stdout).toContain('<time>2024-05-01T08:20:30Z</time>');
  });
});

describe('cavalier on files that are not what they seem', { timeout: 30_000 }, () => {
  it('lat="0x32" is refused, not read as 50', async () => {
    const r = await cavalier('stats', fixture('hostile/hex-lat.gpx'));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`cavalier : ${fr('file.bad-coordinate', { index: 1, point: 2 })}\n`);
  });

  it('stats escapes control characters and bidi overrides of names instead of printing them raw', async () => {
    const r = await cavalier('stats', fixture('hostile/control-name.gpx'));
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(r.stdout.split('\n')[0]).toBe('Boucle\\x1B[2J\\x1B]0;pwned\\x07 \\u202Efin');
  });

  it('invalid UTF-8 is read with a warning, not silently replaced', async () => {
    const r = await cavalier('stats', fixture('hostile/invalid-utf8.gpx'));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(warning('file.invalid-utf8', { line: 4 }));
    expect(r.stdout.split('\n')[0]).toBe('Li\uFFFDvin for\uFFFDt');
  });

  it('gpx writes an elevation of 1e300 nowhere, and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cavalier-gpx-'));
    const file = join(dir, 'e.gpx');
    writeFileSync(
      file,
      '<gpx version="1.1" creator="t"><trk><trkseg><trkpt lat="50" lon="180"><ele>1e300</ele></trkpt><trkpt lat="50.1" lon="179.99999996"/></trkseg></trk></gpx>',
    );
    const r = await cavalier('gpx', file);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(warning('file.bad-elevation', { count: 1, limit_m: 20_000 }));
    expect(r.stdout).toContain('<trkpt lat="50.0000000" lon="-180.0000000"/>\n<trkpt lat="50.1000000" lon="-180.0000000"/>');
    expect(await validGpx11(r.stdout)).toBe(true);
  });
});
