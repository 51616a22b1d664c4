// The GPX scanner against the DOM walk it replaced in readTrackFile (xmldom + read-gpx.ts, the
// second method): the same Result for every fixture and for generated files, and where the two
// disagree on broken text, a third parser (libxml2, through xmllint-wasm) must side with the
// scanner.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { fail, type Result } from '../../src/core/errors';
import { tracksFromGpx } from './read-gpx-dom';
import { MAX_NAME_CHARS } from '../../src/core/gpx/points';
import { rootLocalName, scanGpx } from '../../src/core/gpx/scan-gpx';
import { parseXmlWithXmldom } from '../../src/core/gpx/xml';
import { declaresEntities } from '../../src/core/gpx/xml-guard';
import type { Track } from '../../src/core/types';
import { plainGpx, seeded, variedGpx } from './gpx-generate';

/** The XML text readTrackFile hands to a reader: no byte-order mark, no leading blank. */
function xmlPart(text: string): string {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const start = body.search(/\S/);
  return start > 0 ? body.slice(start) : body;
}

/** Second method: the reading readTrackFile did before the scanner. */
function viaDom(text: string, name = 'fichier'): Result<Track[]> {
  const xml = xmlPart(text);
  if (declaresEntities(xml)) return fail('file.xml-entities');
  const doc = parseXmlWithXmldom(xml);
  if (!doc.ok) return doc;
  const root = doc.value.documentElement;
  return root?.localName === 'gpx' ? tracksFromGpx(root, name) : fail('file.unknown-format');
}

/** The scanner, dispatched as readTrackFile dispatches (other roots go to the DOM). */
function viaScanner(text: string, name = 'fichier'): Result<Track[]> {
  const xml = xmlPart(text);
  if (declaresEntities(xml)) return fail('file.xml-entities');
  return rootLocalName(xml) === 'gpx' ? scanGpx(xml, name) : viaDom(text, name);
}

/** Results compared whole, except the line of a 'file.not-xml' (each parser says where it stopped). */
const comparable = (r: Result<Track[]>) => (!r.ok && r.error.code === 'file.not-xml' ? { ok: false, error: { code: 'file.not-xml' } } : r);

/** libxml2's verdict on each text: well-formed, namespaces included (one xmllint run for all). */
async function libxml2WellFormed(texts: string[]): Promise<boolean[]> {
  const files = texts.map((contents, i) => ({ fileName: `in${i}.gpx`, contents }));
  const r = await validateXML({ xml: files, normalization: 'format' });
  const refused = new Set(r.errors.map((e) => e.loc?.fileName));
  for (const m of r.rawOutput.matchAll(/^(in\d+\.gpx):\d+: namespace error/gm)) refused.add(m[1]);
  return files.map((f) => !refused.has(f.fileName));
}

const fixtureDir = (dir: string) => new URL(`../fixtures/${dir}/`, import.meta.url);
const gpxFixtures = ['gpx', 'hostile'].flatMap((dir) =>
  readdirSync(fixtureDir(dir))
    .filter((f) => f.endsWith('.gpx'))
    .map((f) => ({ name: `${dir}/${f}`, text: readFileSync(new URL(f, fixtureDir(dir)), 'utf8') })),
);

const pts = '<trkseg><trkpt lat="50.1" lon="2.1"/><trkpt lat="50.2" lon="2.2"/></trkseg>';
const doc = (body: string) => `<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">${body}</gpx>`;

describe('scanGpx gives what the DOM walk gave', () => {
  it.each(gpxFixtures.map((f) => [f.name, f.text]))('fixture %s', (name, text) => {
    expect(comparable(viaScanner(text, name))).toEqual(comparable(viaDom(text, name)));
  });

  it('the fixtures are not all failures', () => {
    expect(gpxFixtures.filter((f) => viaScanner(f.text).ok).length).toBeGreaterThanOrEqual(5);
  });

  it('400 generated files, valid or with bad coordinates, give the same Result', () => {
    const rnd = seeded(2024);
    const outcomes = new Set<string>();
    for (let k = 0; k < 400; k++) {
      const text = variedGpx(rnd, k % 3 === 0 ? 0.1 : 0);
      const dom = viaDom(text);
      expect(viaScanner(text), text).toEqual(dom);
      outcomes.add(dom.ok ? 'ok' : dom.error.code);
    }
    // the generator reaches every outcome, so the comparison means something
    expect([...outcomes].sort()).toEqual(['file.bad-coordinate', 'file.no-track', 'ok']);
  });

  it('a 5k-point export and a 1k-point Garmin file with extensions give the same track', () => {
    for (const text of [plainGpx(5_000), plainGpx(1_000, true)]) {
      const ours = viaScanner(text);
      expect(ours.ok && ours.value[0].segments[0].length).toBe(text.includes('gpxtpx') ? 1_000 : 5_000);
      expect(ours).toEqual(viaDom(text));
    }
  });

  it('every truncation of a file is refused by both', () => {
    const text =
      `\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE gpx>\n<!-- export -->\n<g:gpx version="1.1" xmlns:g="http://www.topografix.com/GPX/1/1">` +
      `<g:metadata><g:name>A &amp; B <![CDATA[<c>]]></g:name></g:metadata>\n<g:trk><g:name>T&#233;</g:name><g:trkseg>\n` +
      `<g:trkpt lat="50.1" lon='2.1'><g:ele>5</g:ele><!-- p --></g:trkpt>\n<g:trkpt lon="2.2" lat="50.2"/>\n</g:trkseg></g:trk>\n` +
      `<g:rte><g:rtept lat="50.3" lon="2.3"/><g:rtept lat="50.4" lon="2.4"/></g:rte><?pi fin?></g:gpx>`;
    expect(viaScanner(text)).toMatchObject({ ok: true, value: [{ name: 'A & B <c>' }, { name: 'A & B <c>', kind: 'route' }] });
    for (let cut = 0; cut < text.length; cut++) {
      const part = text.slice(0, cut);
      if (!part.trim()) continue; // readTrackFile says 'file.empty' before any reader
      const ours = viaScanner(part);
      expect(comparable(ours), `cut at ${cut}`).toEqual(comparable(viaDom(part)));
      expect(ours.ok).toBe(false);
    }
  });

  it('on 1,000 damaged files, disagreements are only text the scanner refuses and libxml2 refuses too', async () => {
    const rnd = seeded(99);
    const marks = ['<', '>', '&', '"', "'", '/', '=', ';', '!', '-', '[', ']', '?', ':', ' ', 'a', '\n', '#'];
    const refusedByScannerOnly: string[] = [];
    for (let k = 0; k < 1000; k++) {
      let text = variedGpx(rnd, 0.05);
      const at = Math.floor(rnd() * text.length);
      if (k % 2 === 0) text = text.slice(0, at) + text.slice(at + 1);
      else text = text.slice(0, at) + marks[Math.floor(rnd() * marks.length)] + text.slice(at);
      const ours = comparable(viaScanner(text));
      const dom = comparable(viaDom(text));
      if (JSON.stringify(ours) === JSON.stringify(dom)) continue;
      // the scanner is never the lenient one
      expect(ours, text).toEqual({ ok: false, error: { code: 'file.not-xml' } });
      refusedByScannerOnly.push(xmlPart(text));
    }
    expect(refusedByScannerOnly.length).toBeGreaterThan(0);
    expect(refusedByScannerOnly.length).toBeLessThan(50); // ~2 %: malformed attributes xmldom repairs
    expect(await libxml2WellFormed(refusedByScannerOnly)).toEqual(refusedByScannerOnly.map(() => false));
  }, 60_000);
});

/** The first item (the tracks, else the routes), as a one-track caller takes it. */
const firstItem = (r: Result<Track[]>): Result<Track> => (r.ok ? { ok: true, value: r.value[0], warnings: r.warnings } : r);

describe('scanGpx reads XML as XML', () => {
  const read = (text: string) => firstItem(scanGpx(text, 'fichier'));

  it('reads names through CDATA, comments, nested elements, references and CRLF', () => {
    const r = read(
      doc(
        '<metadata><name> Caf&#233; &#x00E9;t&#xE9; &amp; &lt;b&gt; <!-- x -->&quot;A&apos;<![CDATA[<i>&amp;</i>]]><sub>!</sub>\r\nfin </name></metadata>' +
          `<trk>${pts}</trk>`,
      ),
    );
    expect(r.ok && r.value.name).toBe('Café été & <b> "A\'<i>&amp;</i>!\nfin');
  });

  it('keeps the name rules: metadata, then GPX 1.0 root name, then the first named trk; first <name> only', () => {
    expect(read(doc(`<name>Racine</name><trk><name>Trace</name>${pts}</trk>`))).toMatchObject({ value: { name: 'Racine' } });
    expect(read(doc(`<metadata><name> </name></metadata><trk><name/><name>Non</name>${pts}</trk><trk><name>Oui</name></trk>`))).toMatchObject({
      value: { name: 'Oui' },
    });
    expect(read(doc(`<trk>${pts}</trk><rte><name>Route</name></rte>`))).toMatchObject({ value: { name: 'fichier' } });
  });

  it('reads attributes in either quote style and order, with spaces around "="', () => {
    const r = read(doc(`<trk><trkseg><trkpt lon='2.1' lat = "50.1"/><trkpt\n lat='50.2'\tlon="2.2" ><ele>5</ele></trkpt></trkseg></trk>`));
    expect(r.ok && r.value.segments).toEqual([
      [
        [2.1, 50.1],
        [2.2, 50.2, 5],
      ],
    ]);
  });

  it('reads prefixed elements when the prefix is declared, and refuses them when not', () => {
    const declared = `<gpx:gpx xmlns:gpx="http://www.topografix.com/GPX/1/1"><gpx:trk><gpx:trkseg><gpx:trkpt lat="1" lon="2"/><gpx:trkpt lat="3" lon="4"><gpx:ele>7</gpx:ele></gpx:trkpt></gpx:trkseg></gpx:trk></gpx:gpx>`;
    expect(read(declared)).toEqual({
      ok: true,
      warnings: [],
      value: {
        name: 'fichier',
        segments: [
          [
            [2, 1],
            [4, 3, 7],
          ],
        ],
      },
    });
    expect(read(declared.replace(' xmlns:gpx="http://www.topografix.com/GPX/1/1"', ''))).toMatchObject({ ok: false, error: { code: 'file.not-xml' } });
    // a declaration holds inside its element only
    expect(read(doc(`<a xmlns:x="u"/><x:b/><trk>${pts}</trk>`))).toMatchObject({ ok: false, error: { code: 'file.not-xml' } });
  });

  it('skips a byte-order mark, a declaration, a DOCTYPE without entities, processing instructions', () => {
    const text = `\uFEFF<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!-- c --><?pi x?><!DOCTYPE gpx SYSTEM "gpx.dtd">\n${doc(`<trk>${pts}</trk>`)}\n<!-- fin -->\n`;
    expect(read(text)).toMatchObject({
      ok: true,
      value: {
        segments: [
          [
            [2.1, 50.1],
            [2.2, 50.2],
          ],
        ],
      },
    });
  });

  it.each([
    ['an unclosed trkseg', doc('<trk><trkseg><trkpt lat="1" lon="2"/><trkpt lat="3" lon="4"/></trk>')],
    ['an unclosed trk', doc(`<trk>${pts}`)],
    ['an unclosed gpx', `<gpx><trk>${pts}</trk>`],
    ['no root at all', '<?xml version="1.0"?>\n<!-- rien -->\n'],
    ['tags closed in the wrong order', doc('<trk><trkseg><trkpt lat="1" lon="2"></trkseg></trkpt></trk>')],
    ['a stray end tag', doc(`<trk>${pts}</trk></trk>`)],
    ['text after the root', `${doc(`<trk>${pts}</trk>`)}suite`],
    ['a second root', `${doc(`<trk>${pts}</trk>`)}<gpx/>`],
    ['an XML declaration not first', `<!-- c --><?xml version="1.0"?>${doc(`<trk>${pts}</trk>`)}`],
    ['a malformed XML declaration', `<?xml encoding="UTF-8"?>${doc(`<trk>${pts}</trk>`)}`],
    ['an unknown entity', doc(`<trk><name>&eacute;</name>${pts}</trk>`)],
    ['a reference without ;', doc(`<trk><name>AT&T</name>${pts}</trk>`)],
    ['"<" in an attribute', doc(`<trk><name a="<">n</name>${pts}</trk>`)],
    ['a duplicated attribute', doc('<trk><trkseg><trkpt lat="1" lat="1" lon="2"/><trkpt lat="3" lon="4"/></trkseg></trk>')],
    ['"--" in a comment', doc(`<!-- a -- b --><trk>${pts}</trk>`)],
    ['an unclosed comment', doc(`<trk>${pts}</trk><!-- `)],
    ['an unclosed CDATA section', doc(`<trk><name><![CDATA[x</name>${pts}</trk>`)],
    ['CDATA outside the root', `<![CDATA[x]]>${doc(`<trk>${pts}</trk>`)}`],
    ['a name starting with a digit', doc(`<trk><1a/>${pts}</trk>`)],
    ['two colons in a name', doc(`<trk><a:b:c/>${pts}</trk>`)],
  ])('refuses %s as not XML', (_, text) => {
    const r = read(text);
    expect(r).toMatchObject({ ok: false, error: { code: 'file.not-xml' } });
    expect(viaDom(text)).toMatchObject({ ok: false, error: { code: 'file.not-xml' } });
  });

  it('says on which line the text stops being XML', () => {
    const text = `<?xml version="1.0"?>\n<gpx>\n<trk>\n<trkseg>\n<trkpt lat="1" lon="2"/>\n<trkpt lat="3 lon="4"/>\n</trkseg></trk></gpx>`;
    expect(read(text)).toEqual({ ok: false, error: { code: 'file.not-xml', detail: { line: 6 } } });
    expect(read(`<gpx>\n<trk>\n${pts}`)).toEqual({ ok: false, error: { code: 'file.not-xml', detail: { line: 3 } } });
  });

  it('refuses entity declarations itself, without expanding anything', () => {
    const bomb = `<!DOCTYPE gpx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>${doc(`<trk><name>&b;</name>${pts}</trk>`)}`;
    expect(read(bomb)).toEqual({ ok: false, error: { code: 'file.xml-entities' } });
  });

  it('keeps "&" that starts no reference as text, as xmldom does', () => {
    const text = doc(`<trk><name>Lens & Liévin &#; &</name>${pts}</trk>`);
    expect(read(text)).toMatchObject({ ok: true, value: { name: 'Lens & Liévin &#; &' } });
    expect(read(text)).toEqual(firstItem(viaDom(text)));
  });

  it('is stricter than xmldom on malformed attributes and impossible characters, as libxml2 is', async () => {
    const cases = [
      doc('<trk><trkseg><trkpt lat=50.1 lon="2.1"/><trkpt lat="50.2" lon="2.2"/></trkseg></trk>'), // unquoted
      doc('<trk><trkseg><trkpt lat="50.1" lon="2.1" checked/><trkpt lat="50.2" lon="2.2"/></trkseg></trk>'), // no value
      doc('<trk><trkseg><trkpt lat"50.1" lon="2.1"/><trkpt lat="50.2" lon="2.2"/></trkseg></trk>'), // no '='
      doc(`<trk><name>&#x110000;</name>${pts}</trk>`), // beyond U+10FFFF
    ];
    for (const text of cases) {
      expect(read(text)).toMatchObject({ ok: false, error: { code: 'file.not-xml' } });
      expect(viaDom(text).ok).toBe(true); // xmldom repairs them
    }
    // the arbiter can say yes: a well-formed file in the same run
    expect(await libxml2WellFormed([...cases, doc(`<trk>${pts}</trk>`)])).toEqual([false, false, false, false, true]);
  });

  it('reads numbers as Number does, fast path or not', () => {
    const values = ['50.4300000', '-0', '0', '50.', '.5', '+50.1', ' 50.2 ', '5.04e1', '50.430000000000000001', '12345678901234567'];
    for (const v of values) {
      const text = doc(`<trk><trkseg><trkpt lat="${v}" lon="2"/><trkpt lat='${v}' lon='3'/></trkseg></trk>`);
      const r = read(text);
      const n = Number(v.trim());
      if (Math.abs(n) > 90) expect(r).toMatchObject({ ok: false, error: { code: 'file.bad-coordinate' } });
      else {
        expect(r.ok && r.value.segments[0].map((p) => p[1])).toEqual([n, n]);
        expect(r).toEqual(firstItem(viaDom(text)));
      }
    }
  });

  it('refuses hexadecimal, binary, octal and Infinity, which Number reads (lat="0x32" was 50)', () => {
    for (const v of ['0x32', '0X32', '0b1', '0o7', 'Infinity', '-Infinity', '1_0', '']) {
      const text = doc(`<trk><trkseg><trkpt lat="50.1" lon="2"/><trkpt lat="${v}" lon="3"/></trkseg></trk>`);
      expect(read(text), v).toEqual({ ok: false, error: { code: 'file.bad-coordinate', detail: { index: 1, point: 2 } } });
      expect(viaDom(text), v).toEqual(read(text));
    }
    // an elevation in hexadecimal is no elevation
    const ele = doc('<trk><trkseg><trkpt lat="50.1" lon="2"><ele>0x10</ele></trkpt><trkpt lat="50.2" lon="2"/></trkseg></trk>');
    expect(read(ele)).toMatchObject({
      ok: true,
      value: {
        segments: [
          [
            [2, 50.1],
            [2, 50.2],
          ],
        ],
      },
    });
  });

  it('dispatches on the root: rootLocalName', () => {
    expect(rootLocalName('<?xml version="1.0"?>\n<!-- c --><!DOCTYPE gpx><g:gpx xmlns:g="u"/>')).toBe('gpx');
    expect(rootLocalName('\uFEFF<kml xmlns="http://www.opengis.net/kml/2.2">')).toBe('kml');
    expect(rootLocalName('<TrainingCenterDatabase/>')).toBe('TrainingCenterDatabase');
    expect(rootLocalName('hello')).toBeNull();
    expect(rootLocalName('<!-- unclosed <gpx>')).toBeNull();
    expect(scanGpx('<kml/>', 'x')).toEqual({ ok: false, error: { code: 'file.unknown-format' } });
  });
});

describe('scanGpx stays linear on hostile structure', () => {
  // No time is asserted: quadratic behaviour on these inputs would take minutes and blow the test's
  // timeout, linear takes milliseconds.
  const timed = (text: string) => ({ r: firstItem(scanGpx(text, 'x')) });

  it('many attributes, many namespace declarations, deep nesting, many references', () => {
    const attrs = Array.from({ length: 50_000 }, (_, i) => ` a${i}="${i}"`).join('');
    const many = timed(doc(`<trk${attrs}>${pts}</trk>`));
    expect(many.r.ok).toBe(true);
    expect(timed(doc(`<trk${attrs} a7="again">${pts}</trk>`)).r).toMatchObject({ ok: false, error: { code: 'file.not-xml' } });

    const decls = Array.from({ length: 20_000 }, (_, i) => ` xmlns:p${i}="u${i}"`).join('');
    const prefixed = Array.from({ length: 20_000 }, (_, i) => `<p${i}:x/>`).join('');
    const ns = timed(`<gpx${decls}>${prefixed}<trk>${pts}</trk></gpx>`);
    expect(ns.r.ok).toBe(true);

    const depth = 200_000;
    const deep = timed(doc(`${'<e>'.repeat(depth)}${'</e>'.repeat(depth)}<trk>${pts}</trk>`));
    expect(deep.r.ok).toBe(true);

    const refs = timed(doc(`<trk><name>${'&amp;'.repeat(100_000)}</name>${pts}</trk>`));
    // decoded in full, then cut to a label's length
    expect(refs.r.ok && refs.r.value.name).toBe(`${'&'.repeat(MAX_NAME_CHARS - 1)}…`);
  });
});
