// GPX tracks read straight from the text in one pass (indexOf, charCodeAt and two sticky
// regular expressions; no DOM, no intermediate tree). A DOM costs ~10 objects per point:
// xmldom + @tmcw/togeojson take ~10 s on a 100k-point file (10 MB), and the browser's DOMParser
// does not exist in workers. This scanner reads it in about 100 ms (test/bench/gpx.ts) and
// gives exactly the Track the DOM walk (read-gpx.ts) gives: the same segments, names and
// elevations, the same 'file.bad-coordinate' index, and 'file.not-xml' for a file that is not
// well-formed XML, because a truncated GPX must not load as its beginning.
//
// What it checks, as an XML parser would: tags nested and closed with the same name; one root
// with nothing but whitespace, comments and processing instructions around it; a well-formed
// XML declaration, first; quoted attributes without duplicates and without '<'; references
// that are predefined (&amp; &lt; &gt; &quot; &apos;) or numeric (&#233; &#xE9;); comments
// without '--'; closed CDATA sections; a DOCTYPE only before the root, without entity
// declarations; namespace prefixes declared (gpx:trkpt works when xmlns:gpx is declared, as in
// a namespace-aware parser). Line ends are normalised to "\n" in names, as XML requires.
//
// Where it departs from xmldom: it refuses what xmldom repairs and libxml2 refuses, attributes
// without quotes (lat=50.4), without '=' or without a value, and character references beyond
// U+10FFFF (xmldom turns them into garbage). Like xmldom, it keeps an '&' that starts no
// reference ("Lens & Liévin") as text, and accepts control characters in text and attributes
// run together (lat="1"lon="2").
//
// What it reads (element names compared without their prefix), as the DOM walk kept as the
// tests' second method does (test/core/read-gpx-dom.ts):
// - points: gpx/trk/trkseg/trkpt, one segment per trkseg, all trk together as one item;
//   gpx/rte/rtept, one segment per rte, all rte together as a second item (kind 'route'), so
//   that a file holding both loses neither; lat and lon attributes, the first <ele> and the
//   first <time> child (time.ts; a time that does not parse is dropped and counted);
// - name: gpx/metadata/name, else gpx/name (GPX 1.0), else the first non-empty name of the
//   trk (or rte) elements the points come from, else the file name; the routes of a file that
//   also has tracks take their own rte name first. Only the first <name> child of an element
//   counts, and its text is the whole text content (CDATA included, comments excluded),
//   trimmed, and cut to MAX_NAME_CHARS.
//
// This is the one GPX reader: track import, layer import and the CLI all come here.

import { fail, ok, type GeoError, type Result } from '../errors';
import type { Track } from '../types';
import { boundName, parseNumber, SegmentBuilder, type TrackReadOptions } from './points';
import { parseTime } from './time';

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const BANG = 33;
const QUOT = 34;
const HASH = 35;
const APOS = 39;
const MINUS = 45;
const DOT = 46;
const SLASH = 47;
const COLON = 58;
const SEMI = 59;
const LT = 60;
const EQ = 61;
const GT = 62;
const QMARK = 63;
const LBRACKET = 91;
const RBRACKET = 93;
const X = 120;

// ASCII classes; every character from U+0080 up counts as a name character (XML's name ranges
// are wider than anything a GPX uses, and a wrong guess there can only refuse a file).
const NAME_START = 1;
const NAME = 2;
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_:]/.test(ch)) CLASS[c] = NAME_START | NAME;
  else if (/[0-9.-]/.test(ch)) CLASS[c] = NAME;
}
/** charCodeAt beyond the end gives NaN, which is neither. */
const isNameStart = (c: number): boolean => (c < 128 ? (CLASS[c] & NAME_START) !== 0 : c >= 128);
const isXmlSpace = (c: number): boolean => c === SPACE || c === LF || c === TAB || c === CR;

// What an open element is to the reader, from its parent's role and its local name.
const OTHER = 0;
const ROOT = 1;
const METADATA = 2;
const TRK = 3;
const TRKSEG = 4;
const TRKPT = 5;
const RTE = 6;
const RTEPT = 7;
const ROOT_NAME = 8;
const META_NAME = 9;
const TRK_NAME = 10;
const RTE_NAME = 11;
const ELE = 12;
const TIME = 13;

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const JS_SPACE = /^\s*$/;
const DOCTYPE_ID =
  /SYSTEM[ \t\n\r]+(?:"[^"]*"|'[^']*')|PUBLIC[ \t\n\r]+(?:"[-'()+,./:=?;!*#@$_% \r\na-zA-Z0-9]*"|'[-()+,./:=?;!*#@$_% \r\na-zA-Z0-9]*')[ \t\n\r]+(?:"[^"]*"|'[^']*')/y;
const XML_DECL =
  /<\?xml[ \t\n\r]+version[ \t\n\r]*=[ \t\n\r]*(?:'1\.[0-9]+'|"1\.[0-9]+")(?:[ \t\n\r]+encoding[ \t\n\r]*=[ \t\n\r]*(?:'[A-Za-z][-A-Za-z0-9._]*'|"[A-Za-z][-A-Za-z0-9._]*"))?(?:[ \t\n\r]+standalone[ \t\n\r]*=[ \t\n\r]*(?:'(?:yes|no)'|"(?:yes|no)"))?[ \t\n\r]*\?>/y;
const PLAIN_POINT =
  /<trkpt[ \t\n\r]+(lat|lon)[ \t\n\r]*=[ \t\n\r]*"([^"<&]*)"[ \t\n\r]+(lat|lon)[ \t\n\r]*=[ \t\n\r]*"([^"<&]*)"[ \t\n\r]*(?:\/>|>[ \t\n\r]*(?:<ele>([^<&]*)<\/ele>[ \t\n\r]*)?(?:<time>[^<&]*<\/time>[ \t\n\r]*)?<\/trkpt[ \t\n\r]*>)/y;

/** Set by scanName: the position of the name's colon (-1 when none), and how many it has. */
let nameColon = -1;
let nameColons = 0;

/** End of the name starting at i (whose first character the caller has checked). */
function scanName(text: string, i: number): number {
  let colon = -1;
  let colons = 0;
  // the class test by hand: the first parse of a file runs partly unoptimised, where calls cost
  for (;;) {
    const c = text.charCodeAt(i);
    if (c < 128 ? (CLASS[c] & NAME) === 0 : !(c >= 128)) break;
    if (c === COLON) {
      colon = i;
      colons++;
    }
    i++;
  }
  nameColon = colon;
  nameColons = colons;
  return i;
}

/** A qualified name has at most one colon, neither first nor last. */
const validQName = (start: number, end: number): boolean => nameColons === 0 || (nameColons === 1 && nameColon > start && nameColon < end - 1);

function sameText(text: string, a: number, b: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false;
  return true;
}

/** [A-Za-z0-9_], as \\w in a regular expression. */
const isWordChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/**
 * Where reading resumes after the '&' at a: after the ';' of a predefined entity or of a
 * character reference to a code point that exists, or a + 1 for an '&' that starts no reference
 * ("Lens & Liévin", "&#;": kept as text, as xmldom does); -1 for a broken or unknown reference
 * ("AT&T", "&amp", "&eacute;", "&#xZZ;"). The reference must end before `end`.
 */
function referenceEnd(text: string, a: number, end: number): number {
  let i = a + 1;
  let c = text.charCodeAt(i);
  if (c === HASH) {
    if (!isWordChar(text.charCodeAt(i + 1))) return a + 1;
    i++;
    const hex = text.charCodeAt(i) === X;
    if (hex) i++;
    const digits = i;
    let cp = 0;
    for (; ; i++) {
      c = text.charCodeAt(i);
      let d: number;
      if (c >= 48 && c <= 57) d = c - 48;
      else if (hex && c >= 97 && c <= 102) d = c - 87;
      else if (hex && c >= 65 && c <= 70) d = c - 55;
      else break;
      cp = cp * (hex ? 16 : 10) + d;
      if (cp > 0x10ffff) return -1;
    }
    return i > digits && i < end && c === SEMI ? i + 1 : -1;
  }
  if (!isWordChar(c)) return a + 1;
  for (const name of ['amp;', 'lt;', 'gt;', 'quot;', 'apos;']) {
    if (text.startsWith(name, i)) return i + name.length <= end ? i + name.length : -1;
  }
  return -1;
}

const normaliseLineEnds = (s: string): string => (s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s);

/** Character data as the DOM gives it: line ends normalised, references replaced (all valid). */
function decodeText(raw: string): string {
  const s = normaliseLineEnds(raw);
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (_, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
    name !== undefined ? PREDEFINED[name] : String.fromCodePoint(parseInt(hex ?? dec ?? '', hex !== undefined ? 16 : 10)),
  );
}

/**
 * The number in text[s, e), equal to parseNumber(text.slice(s, e)). Plain decimals of up to 15
 * digits are read without making a string: an integer below 2^53 divided by an exact power of
 * ten is correctly rounded, as Number() is. Anything else goes through parseNumber.
 */
function numberIn(text: string, s: number, e: number): number {
  let i = s;
  const neg = text.charCodeAt(i) === MINUS;
  if (neg) i++;
  let m = 0;
  let digits = 0;
  let frac = -1;
  for (; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (frac >= 0) frac++;
    } else if (c === DOT && frac < 0) frac = 0;
    else return parseNumber(text.slice(s, e));
  }
  if (digits === 0 || digits > 15) return parseNumber(text.slice(s, e));
  const v = frac > 0 ? m / POW10[frac] : m;
  return neg ? -v : v;
}

/**
 * End (after '>') of the DOCTYPE starting at lt: a name, an optional external id, an optional
 * internal subset (skipped: comments and quoted literals honoured, declarations not checked);
 * -1 when malformed or unterminated, -2 when the subset declares an entity.
 */
function doctypeEnd(text: string, lt: number): number {
  let i = lt + 9;
  if (!isXmlSpace(text.charCodeAt(i))) return -1;
  while (isXmlSpace(text.charCodeAt(i))) i++;
  if (!isNameStart(text.charCodeAt(i))) return -1;
  i = scanName(text, i);
  while (isXmlSpace(text.charCodeAt(i))) i++;
  if (text.startsWith('SYSTEM', i) || text.startsWith('PUBLIC', i)) {
    DOCTYPE_ID.lastIndex = i;
    if (!DOCTYPE_ID.test(text)) return -1;
    i = DOCTYPE_ID.lastIndex;
    while (isXmlSpace(text.charCodeAt(i))) i++;
  }
  if (text.charCodeAt(i) === LBRACKET) {
    for (i++; ; ) {
      const c = text.charCodeAt(i);
      if (c !== c) return -1; // NaN: end of text
      if (c === RBRACKET) break;
      if (c === QUOT || c === APOS) {
        const j = text.indexOf(c === QUOT ? '"' : "'", i + 1);
        if (j < 0) return -1;
        i = j + 1;
      } else if (c === LT && text.startsWith('<!--', i)) {
        i = commentEnd(text, i);
        if (i < 0) return -1;
      } else if (c === LT && text.startsWith('<!ENTITY', i)) {
        return -2;
      } else i++;
    }
    i++;
    while (isXmlSpace(text.charCodeAt(i))) i++;
  }
  return text.charCodeAt(i) === GT ? i + 1 : -1;
}

/** End of the comment starting at lt, or -1 (unterminated, or '--' inside). */
function commentEnd(text: string, lt: number): number {
  const j = text.indexOf('--', lt + 4);
  return j >= 0 && text.charCodeAt(j + 2) === GT ? j + 3 : -1;
}

function notXml<T>(text: string, at: number): Result<T> {
  let line = 1;
  for (let k = text.indexOf('\n'); k >= 0 && k < at; k = text.indexOf('\n', k + 1)) line++;
  return fail('file.not-xml', { line });
}

/**
 * The local name of the root element (gpx, kml…), read past the XML declaration, comments,
 * processing instructions and DOCTYPE; null when the text does not start like XML.
 */
export function rootLocalName(text: string): string | null {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (isXmlSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== LT) return null;
    const c = text.charCodeAt(i + 1);
    if (c === QMARK) {
      const j = text.indexOf('?>', i + 2);
      if (j < 0) return null;
      i = j + 2;
    } else if (text.startsWith('<!--', i)) {
      i = commentEnd(text, i);
      if (i < 0) return null;
    } else if (text.startsWith('<!DOCTYPE', i)) {
      i = doctypeEnd(text, i);
      if (i < 0) return null;
    } else if (isNameStart(c)) {
      const end = scanName(text, i + 1);
      if (!validQName(i + 1, end)) return null;
      return text.slice(nameColon >= 0 ? nameColon + 1 : i + 1, end);
    } else return null;
  }
}

/**
 * What a GPX 1.0 or 1.1 file holds (a leading byte-order mark is skipped; the XML declaration,
 * when present, must come first): its tracks as one item, then its routes as another (kind
 * 'route'), whichever exist; never an empty list. A root other than <gpx> gives
 * 'file.unknown-format'.
 */
export function scanGpx(text: string, fallbackName: string, options: TrackReadOptions = {}): Result<Track[]> {
  const s = new GpxScanner(text);
  if (!s.run()) {
    if (s.outcome === 'entities') return fail('file.xml-entities');
    if (s.outcome === 'not-gpx') return fail('file.unknown-format');
    return notXml(text, s.errorAt);
  }
  return gpxItems(
    { trk: s.trk, rte: s.rte, metaName: s.metaName, rootName: s.rootName, trkName: s.trkName, rteName: s.rteName, badTimes: s.badTimes },
    fallbackName,
    options,
  );
}

/** What a GPX reader collected; also filled by the DOM walk the tests compare the scanner with. */
export interface GpxCollected {
  trk: SegmentBuilder;
  rte: SegmentBuilder;
  metaName: string;
  rootName: string;
  trkName: string;
  rteName: string;
  /** <time> elements that held no xsd:dateTime */
  badTimes: number;
}

/** The items of a GPX file from what its reader collected. */
export function gpxItems(c: GpxCollected, fallbackName: string, options: TrackReadOptions = {}): Result<Track[]> {
  const fileName = c.metaName || c.rootName;
  let trk = c.trk.track(boundName(fileName || c.trkName || fallbackName));
  if (!trk.ok && trk.error.code !== 'file.no-track') return trk;
  let rte = c.rte.track(boundName((trk.ok && c.rteName) || fileName || c.rteName || fallbackName));
  if (!rte.ok && rte.error.code !== 'file.no-track') return rte;
  // a single point stands in only when there is nothing else
  if (!trk.ok && !rte.ok && options.keepSinglePoint) {
    trk = c.trk.track(boundName(fileName || c.trkName || fallbackName), options);
    if (!trk.ok) rte = c.rte.track(boundName(fileName || c.rteName || fallbackName), options);
  }
  const items: Track[] = [];
  const warnings: GeoError[][] = [];
  if (trk.ok) {
    items.push(trk.value);
    warnings.push(trk.warnings);
  }
  if (rte.ok) {
    items.push({ ...rte.value, kind: 'route' });
    warnings.push(rte.warnings);
  }
  if (items.length === 0) return fail('file.no-track');
  if (c.badTimes) warnings.push([{ code: 'file.bad-time', detail: { count: c.badTimes } }]);
  return ok(items, mergeWarnings(warnings));
}

/** One warning per code, counts added up (the tracks' and the routes' dropped segments…). */
function mergeWarnings(lists: readonly GeoError[][]): GeoError[] {
  const out: GeoError[] = [];
  for (const w of lists.flat()) {
    const same = out.find((o) => o.code === w.code);
    const n = w.detail?.count;
    if (same && typeof n === 'number' && typeof same.detail?.count === 'number') same.detail = { ...same.detail, count: same.detail.count + n };
    else if (!same) out.push(w.detail ? { ...w, detail: { ...w.detail } } : w);
  }
  return out;
}

/**
 * The scan's state. One small method per kind of markup, so that V8 optimises each quickly
 * (a file is read once: the first run is the one that counts); every method returns the
 * position after what it read, or -1 with errorAt set.
 */
class GpxScanner {
  readonly trk = new SegmentBuilder();
  readonly rte = new SegmentBuilder();
  trkDead = false; // a bad point was met: the builder has its answer
  rteDead = false;
  hasRte = false;

  rootName = '';
  metaName = '';
  trkName = '';
  rteName = '';
  rootNameSeen = false;
  metadataSeen = false;
  metaNameSeen = false;
  trkNameSeen = false;
  rteNameSeen = false;

  // the point being read
  lat = NaN;
  lon = NaN;
  ele = NaN;
  eleSeen = false;
  time = NaN;
  timeSeen = false;
  badTimes = 0;

  // text content being collected (a name, an <ele>): the depth of its element (0: none), and
  // either one raw region of the text (capS >= 0) or the decoded string
  capDepth = 0;
  capS = -1;
  capE = -1;
  capStr = '';

  // open elements: where each qualified name is in the text, its role, and how many namespace
  // prefixes were declared when it opened
  readonly stStart: number[] = [];
  readonly stLen: number[] = [];
  readonly stRole: number[] = [];
  readonly stNs: number[] = [];
  depth = 0;
  readonly prefixes: string[] = [];
  /** the same prefixes counted, for files that declare many (a linear search would be quadratic) */
  readonly prefixCount = new Map<string, number>();

  // attributes of the tag being read
  readonly atStart: number[] = [];
  readonly atLen: number[] = [];
  readonly atColon: number[] = [];

  state = 0; // 0 before the root, 1 inside it, 2 after it
  doctypeSeen = false;
  nextLt = 0; // the next '<' after the current position, or len
  nextAmp = -1; // the next '&' at or after the current position, or len; may lag behind
  hadRef = false; // whether the last region checkRefs saw holds a reference
  plainMisses = 0; // points plainPoint could not read

  outcome: 'ok' | 'not-xml' | 'entities' | 'not-gpx' = 'ok';
  errorAt = 0;

  readonly len: number;
  readonly docStart: number;

  constructor(readonly text: string) {
    this.len = text.length;
    this.docStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  fail(at: number, outcome: 'not-xml' | 'entities' | 'not-gpx' = 'not-xml'): number {
    this.errorAt = at;
    this.outcome = outcome;
    return -1;
  }

  run(): boolean {
    const text = this.text;
    const len = this.len;
    let pos = this.docStart;
    this.nextLt = indexOrEnd(text, '<', pos);
    for (;;) {
      const lt = this.nextLt;
      if (lt > pos && !this.chars(pos, lt)) return false;
      if (lt >= len) break;
      const c1 = text.charCodeAt(lt + 1);
      if (c1 === SLASH) pos = this.endTag(lt);
      else if (c1 === BANG || c1 === QMARK) pos = this.markup(lt, c1);
      else pos = this.startTag(lt, c1);
      if (pos < 0) return false;
    }
    if (this.state !== 2) return this.fail(len) >= 0; // no root, or elements left open
    return true;
  }

  /** Checks the references in text[s, e); false at a bad '&'. Sets hadRef. */
  checkRefs(s: number, e: number): boolean {
    this.hadRef = false;
    let amp = this.nextAmp;
    if (amp >= e) return true;
    const text = this.text;
    if (amp < s) amp = indexOrEnd(text, '&', s);
    while (amp < e) {
      const r = referenceEnd(text, amp, e);
      if (r < 0) {
        this.nextAmp = amp;
        return this.fail(amp) >= 0;
      }
      this.hadRef = true;
      amp = indexOrEnd(text, '&', r);
    }
    this.nextAmp = amp;
    return true;
  }

  /** Character data text[s, e) between two pieces of markup. */
  chars(s: number, e: number): boolean {
    if (this.depth === 0) {
      return JS_SPACE.test(this.text.slice(s, e)) || this.fail(s) >= 0;
    }
    if (!this.checkRefs(s, e)) return false;
    if (this.capDepth !== 0) {
      if (this.capS < 0 && this.capStr === '' && !this.hadRef) {
        this.capS = s;
        this.capE = e;
      } else this.captureMore(decodeText(this.text.slice(s, e)));
    }
    return true;
  }

  /** Adds decoded text to the capture, turning a pending raw region into a string first. */
  captureMore(decoded: string): void {
    if (this.capS >= 0) this.capStr = normaliseLineEnds(this.text.slice(this.capS, this.capE));
    this.capS = -1;
    this.capStr += decoded;
  }

  /** Comments, CDATA sections, the DOCTYPE and processing instructions. */
  markup(lt: number, c1: number): number {
    const text = this.text;
    let end: number;
    if (c1 === QMARK) {
      // <?xml …?> only as the very first thing
      const ts = lt + 2;
      if (!isNameStart(text.charCodeAt(ts))) return this.fail(lt);
      const te = scanName(text, ts);
      if (te - ts === 3 && text.slice(ts, te).toLowerCase() === 'xml') {
        // the XML declaration: first, and well-formed (version, then encoding and standalone)
        XML_DECL.lastIndex = lt;
        end = lt === this.docStart && XML_DECL.test(text) ? XML_DECL.lastIndex : -1;
      } else {
        const j = text.indexOf('?>', te);
        end = j >= 0 && (j === te || isXmlSpace(text.charCodeAt(te))) ? j + 2 : -1;
      }
    } else if (text.startsWith('<!--', lt)) {
      end = commentEnd(text, lt);
    } else if (text.startsWith('<![CDATA[', lt)) {
      const j = this.depth === 0 ? -1 : text.indexOf(']]>', lt + 9);
      if (j >= 0 && this.capDepth !== 0) this.captureMore(normaliseLineEnds(text.slice(lt + 9, j)));
      end = j < 0 ? -1 : j + 3;
    } else if (text.startsWith('<!DOCTYPE', lt) && this.state === 0 && !this.doctypeSeen) {
      end = doctypeEnd(text, lt);
      if (end === -2) return this.fail(lt, 'entities');
      this.doctypeSeen = true;
    } else end = -1;
    if (end < 0) return this.fail(lt);
    this.nextLt = indexOrEnd(text, '<', end);
    return end;
  }

  endTag(lt: number): number {
    const text = this.text;
    const ns = lt + 2;
    const top = this.depth - 1;
    if (top < 0 || !isNameStart(text.charCodeAt(ns))) return this.fail(lt);
    let i = scanName(text, ns);
    if (i - ns !== this.stLen[top] || !sameText(text, this.stStart[top], ns, i - ns)) return this.fail(lt);
    let c = text.charCodeAt(i);
    while (c === SPACE || c === LF || c === TAB || c === CR) c = text.charCodeAt(++i);
    if (c !== GT) return this.fail(lt);
    this.depth = top;
    if (this.prefixes.length !== this.stNs[top]) this.undeclare(this.stNs[top]);
    const role = this.stRole[top];
    if (role !== OTHER) this.close(role);
    this.nextLt = indexOrEnd(text, '<', i + 1);
    return i + 1;
  }

  /** What an element with this local name is, given the role of its parent. */
  roleOf(ls: number, le: number): number {
    const text = this.text;
    const parent = this.stRole[this.depth - 1];
    switch (parent) {
      case TRKSEG:
        return isWord(text, ls, le, 'trkpt') ? TRKPT : OTHER;
      case TRKPT:
      case RTEPT:
        if (!this.eleSeen && isWord(text, ls, le, 'ele')) return ELE;
        return !this.timeSeen && isWord(text, ls, le, 'time') ? TIME : OTHER;
      case ROOT:
        if (isWord(text, ls, le, 'trk')) return TRK;
        if (isWord(text, ls, le, 'rte')) return RTE;
        if (isWord(text, ls, le, 'name')) return this.rootNameSeen ? OTHER : ROOT_NAME;
        if (isWord(text, ls, le, 'metadata')) return this.metadataSeen ? OTHER : METADATA;
        return OTHER;
      case TRK:
        if (isWord(text, ls, le, 'trkseg')) return TRKSEG;
        return !this.trkNameSeen && isWord(text, ls, le, 'name') ? TRK_NAME : OTHER;
      case RTE:
        if (isWord(text, ls, le, 'rtept')) return RTEPT;
        return !this.rteNameSeen && isWord(text, ls, le, 'name') ? RTE_NAME : OTHER;
      case METADATA:
        return !this.metaNameSeen && isWord(text, ls, le, 'name') ? META_NAME : OTHER;
      default:
        return OTHER; // inside an element the reader ignores, or inside a name or <ele>
    }
  }

  startTag(lt: number, c1: number): number {
    const text = this.text;
    const ns = lt + 1;
    if (!isNameStart(c1)) return this.fail(lt);
    let i = scanName(text, ns);
    if (nameColons !== 0 && !validQName(ns, i)) return this.fail(lt);
    const colon = nameColon;
    const ls = colon >= 0 ? colon + 1 : ns;
    const le = i;

    let role: number;
    if (this.depth === 0) {
      if (this.state !== 0) return this.fail(lt); // a second root
      if (!isWord(text, ls, le, 'gpx')) return this.fail(lt, 'not-gpx');
      role = ROOT;
      this.state = 1;
    } else role = this.roleOf(ls, le);
    if (role === TRKPT && colon < 0 && !this.trkDead && this.plainMisses < 16) {
      const end = this.plainPoint(lt);
      if (end >= 0) return end;
      this.plainMisses++; // points with extensions, attributes in single quotes…: stop trying
    }
    const point = role === TRKPT || role === RTEPT;
    if (point) {
      this.lat = NaN;
      this.lon = NaN;
      this.ele = NaN;
      this.eleSeen = false;
      this.time = NaN;
      this.timeSeen = false;
    }

    // attributes, up to '>' or '/>'; no '<' may come before the tag ends
    const nextLt = indexOrEnd(text, '<', ns);
    this.nextLt = nextLt;
    const prefixes = this.prefixes;
    const nsBefore = prefixes.length;
    let nAttr = 0;
    let attrColons = 0;
    let manyAttrs: Set<string> | null = null;
    let selfClosing = false;
    for (;;) {
      let c = text.charCodeAt(i);
      while (c === SPACE || c === LF || c === TAB || c === CR) c = text.charCodeAt(++i);
      if (c === GT) {
        i++;
        break;
      }
      if (c === SLASH) {
        i++;
        while (isXmlSpace(text.charCodeAt(i))) i++;
        if (text.charCodeAt(i) !== GT) return this.fail(lt);
        i++;
        selfClosing = true;
        break;
      }
      if (!isNameStart(c)) return this.fail(lt);
      const as = i;
      i = scanName(text, as);
      const ae = i;
      if (nameColons !== 0 && !validQName(as, ae)) return this.fail(lt);
      const acolon = nameColon;
      if (acolon >= 0) attrColons++;
      c = text.charCodeAt(i);
      while (c === SPACE || c === LF || c === TAB || c === CR) c = text.charCodeAt(++i);
      if (c !== EQ) return this.fail(lt);
      c = text.charCodeAt(++i);
      while (c === SPACE || c === LF || c === TAB || c === CR) c = text.charCodeAt(++i);
      const q = c;
      if (q !== QUOT && q !== APOS) return this.fail(lt);
      const vs = i + 1;
      const ve = text.indexOf(q === QUOT ? '"' : "'", vs);
      if (ve < 0 || ve > nextLt) return this.fail(lt);
      if (!this.checkRefs(vs, ve)) return -1;
      if (nAttr < 16) {
        for (let k = 0; k < nAttr; k++) {
          if (this.atLen[k] === ae - as && sameText(text, this.atStart[k], as, ae - as)) return this.fail(lt);
        }
      } else {
        // a tag with many attributes: a set, as comparing each with all would be quadratic
        if (nAttr === 16) {
          manyAttrs = new Set<string>();
          for (let k = 0; k < nAttr; k++) manyAttrs.add(text.slice(this.atStart[k], this.atStart[k] + this.atLen[k]));
        }
        const name = text.slice(as, ae);
        if (manyAttrs?.has(name)) return this.fail(lt);
        manyAttrs?.add(name);
      }
      this.atStart[nAttr] = as;
      this.atLen[nAttr] = ae - as;
      this.atColon[nAttr] = acolon;
      nAttr++;
      if (acolon === as + 5 && isWord(text, as, acolon, 'xmlns')) {
        if (ve === vs) return this.fail(lt); // xmlns:p="" declares nothing
        this.declare(text.slice(acolon + 1, ae));
      } else if (point && ae - as === 3) {
        const isLat = isWord(text, as, ae, 'lat');
        if (isLat || isWord(text, as, ae, 'lon')) {
          const v = this.hadRef ? parseNumber(decodeText(text.slice(vs, ve))) : numberIn(text, vs, ve);
          if (isLat) this.lat = v;
          else this.lon = v;
        }
      }
      i = ve + 1;
    }
    // prefixes, now that the tag's own declarations are known
    if ((colon >= 0 || attrColons > 0) && !this.prefixesDeclared(ns, colon, nAttr)) return this.fail(lt);

    if (role !== OTHER) this.open(role);
    if (selfClosing) {
      if (prefixes.length !== nsBefore) this.undeclare(nsBefore);
      if (role !== OTHER) this.close(role);
    } else {
      const d = this.depth;
      this.stStart[d] = ns;
      this.stLen[d] = le - ns;
      this.stRole[d] = role;
      this.stNs[d] = nsBefore;
      this.depth = d + 1;
    }
    return i;
  }

  /**
   * A whole <trkpt> in the form most writers use (lat and lon in double quotes, then at most an
   * <ele> and a <time>, nothing to decode), read by one regular expression; -1 when the point
   * is in any other form, for the general path to read. Same result as the general path: the
   * expression only matches well-formed text without references.
   */
  plainPoint(lt: number): number {
    const text = this.text;
    PLAIN_POINT.lastIndex = lt;
    if (!PLAIN_POINT.test(text)) return -1;
    const end = PLAIN_POINT.lastIndex;
    // the expression has checked the layout: find the pieces without allocating anything
    let i = lt + 6;
    while (text.charCodeAt(i) !== 108 /* l */) i++;
    const latFirst = text.charCodeAt(i + 1) === 97; /* a */
    const v1 = text.indexOf('"', i) + 1;
    const e1 = text.indexOf('"', v1);
    i = e1 + 1;
    while (text.charCodeAt(i) !== 108) i++;
    if ((text.charCodeAt(i + 1) === 97) === latFirst) return -1; // the same attribute twice
    const v2 = text.indexOf('"', i) + 1;
    const e2 = text.indexOf('"', v2);
    const a = numberIn(text, v1, e1);
    const b = numberIn(text, v2, e2);
    let ele = NaN;
    let time = NaN;
    let k = text.indexOf('<', e2);
    if (k < end && text.startsWith('<ele>', k)) {
      const ee = text.indexOf('<', k + 5);
      ele = numberIn(text, k + 5, ee);
      k = text.indexOf('<', ee + 1);
    }
    if (k < end && text.startsWith('<time>', k)) time = this.timeIn(k + 6, text.indexOf('<', k + 6));
    if (!this.trk.add(latFirst ? b : a, latFirst ? a : b, Number.isFinite(ele) ? ele : undefined, time)) this.trkDead = true;
    this.nextLt = indexOrEnd(text, '<', end);
    return end;
  }

  timeInString(s: string): number {
    const t = parseTime(s);
    if (t !== t) this.badTimes++;
    return t;
  }

  /** The time in text[s, e), counted when it is not one. */
  timeIn(s: number, e: number): number {
    const t = parseTime(this.text, s, e);
    if (t !== t) this.badTimes++;
    return t;
  }

  /** The element's prefix and its attributes' prefixes are declared (xmlns:p itself aside). */
  prefixesDeclared(ns: number, colon: number, nAttr: number): boolean {
    const text = this.text;
    if (colon >= 0 && !this.prefixDeclared(ns, colon)) return false;
    for (let k = 0; k < nAttr; k++) {
      const ac = this.atColon[k];
      const as = this.atStart[k];
      if (ac >= 0 && !(ac === as + 5 && isWord(text, as, ac, 'xmlns')) && !this.prefixDeclared(as, ac)) return false;
    }
    return true;
  }

  /** The prefix text[s, e) is declared by an enclosing element or the tag itself ('xml' always is). */
  prefixDeclared(s: number, e: number): boolean {
    const text = this.text;
    if (isWord(text, s, e, 'xml')) return true;
    const prefixes = this.prefixes;
    if (prefixes.length > 16) return this.prefixCount.has(text.slice(s, e));
    for (let k = prefixes.length - 1; k >= 0; k--) if (isWord(text, s, e, prefixes[k])) return true;
    return false;
  }

  declare(prefix: string): void {
    this.prefixes.push(prefix);
    this.prefixCount.set(prefix, (this.prefixCount.get(prefix) ?? 0) + 1);
  }

  /** Forgets the declarations made after the first n. */
  undeclare(n: number): void {
    const prefixes = this.prefixes;
    while (prefixes.length > n) {
      const p = prefixes.pop() ?? '';
      const left = (this.prefixCount.get(p) ?? 1) - 1;
      if (left > 0) this.prefixCount.set(p, left);
      else this.prefixCount.delete(p);
    }
  }

  open(role: number): void {
    switch (role) {
      case METADATA:
        this.metadataSeen = true;
        this.metaNameSeen = false;
        break;
      case TRK:
        this.trkNameSeen = false;
        break;
      case RTE:
        this.hasRte = true;
        this.rteNameSeen = false;
        break;
      case ROOT_NAME:
        this.rootNameSeen = true;
        break;
      case META_NAME:
        this.metaNameSeen = true;
        break;
      case TRK_NAME:
        this.trkNameSeen = true;
        break;
      case RTE_NAME:
        this.rteNameSeen = true;
        break;
      case ELE:
        this.eleSeen = true;
        break;
      case TIME:
        this.timeSeen = true;
        break;
      default:
        break;
    }
    if (role >= ROOT_NAME) {
      this.capDepth = this.depth + 1;
      this.capS = -1;
      this.capStr = '';
    }
  }

  /** An element ends: its end tag, or the '/>' of its start tag. */
  close(role: number): void {
    switch (role) {
      case TRKPT:
        if (!this.trkDead && !this.trk.add(this.lon, this.lat, Number.isFinite(this.ele) ? this.ele : undefined, this.time)) this.trkDead = true;
        return;
      case RTEPT:
        if (!this.rteDead && !this.rte.add(this.lon, this.lat, Number.isFinite(this.ele) ? this.ele : undefined, this.time)) this.rteDead = true;
        return;
      case TRKSEG:
        if (!this.trkDead) this.trk.endSegment();
        return;
      case RTE:
        if (!this.rteDead) this.rte.endSegment();
        return;
      case ROOT:
        this.state = 2;
        return;
      case ELE:
        this.ele = this.capS >= 0 ? numberIn(this.text, this.capS, this.capE) : parseNumber(this.capStr);
        break;
      case TIME:
        this.time = this.capS >= 0 ? this.timeIn(this.capS, this.capE) : this.timeInString(this.capStr);
        break;
      case ROOT_NAME:
      case META_NAME:
      case TRK_NAME:
      case RTE_NAME: {
        const v = (this.capS >= 0 ? normaliseLineEnds(this.text.slice(this.capS, this.capE)) : this.capStr).trim();
        if (role === ROOT_NAME) this.rootName = v;
        else if (role === META_NAME) this.metaName = v;
        else if (role === TRK_NAME) this.trkName ||= v;
        else this.rteName ||= v;
        break;
      }
      default:
        return;
    }
    this.capDepth = 0;
    this.capS = -1;
    this.capStr = '';
  }
}

function indexOrEnd(text: string, what: string, from: number): number {
  const k = text.indexOf(what, from);
  return k < 0 ? text.length : k;
}

/** text[s, e) is exactly this ASCII word. */
function isWord(text: string, s: number, e: number, word: string): boolean {
  if (e - s !== word.length) return false;
  for (let k = 0; k < word.length; k++) if (text.charCodeAt(s + k) !== word.charCodeAt(k)) return false;
  return true;
}
