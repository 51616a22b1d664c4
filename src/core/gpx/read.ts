// Reads a track from the text of a GPX, KML or GeoJSON file. GPX is scanned straight from the
// text (scan-gpx.ts: no DOM, 100k points in well under 100 ms); KML goes through an XML parser,
// injected so the core stays free of the DOM: pass parseXmlWithXmldom (./xml.ts) in node and in
// workers. The content decides the format (a .gpx that holds JSON is read as JSON); the
// extension only chooses the error message when the content is neither.
//
// What a planner does with a file that is barely a track: a single point is kept (with the
// warning 'file.single-point': it has no length, but the user sees where it is); segments of
// fewer than two points are dropped with the warning 'file.empty-segments'.
//
// A file may hold more than one thing to list: a GPX with both trk and rte gives the tracks and
// the routes as two items (readTrackItems). readTrackFile gives the first and warns
// 'file.routes-left-out' about the others, for callers that take one track.

import { fail, ok, type Result } from '../errors';
import type { Track } from '../types';
import type { XmlDocument } from './dom';
import { boundName, MAX_NAME_CHARS, type TrackReadOptions } from './points';
import { tracksFromGeoJson } from './read-geojson';
import { tracksFromKml } from './read-kml';
import { rootLocalName, scanGpx } from './scan-gpx';
import { declaresEntities } from './xml-guard';

/** 200 MiB of text: beyond this the DOM alone would exhaust a browser tab's memory. */
export const MAX_TRACK_FILE_CHARS = 200 * 1024 * 1024;

type TrackFormat = 'gpx' | 'kml' | 'geojson';

export interface ReadTrackDeps {
  /** for KML; GPX does not need it */
  parseXml(text: string): Result<XmlDocument>;
}

const AS_TRACK: TrackReadOptions = { keepSinglePoint: true };

/** The first item of the file (its tracks, else its routes); the others are counted in a warning. */
export function readTrackFile(text: string, fileName: string, deps: ReadTrackDeps): Result<Track> {
  const r = readTrackItems(text, fileName, deps);
  if (!r.ok) return r;
  const [first, ...rest] = r.value;
  const left = rest.reduce((n, t) => n + t.segments.length, 0);
  const warnings = left ? [...r.warnings, { code: 'file.routes-left-out' as const, detail: { count: left } }] : r.warnings;
  return ok(first, warnings);
}

/** Everything the file holds, as separate items (never an empty list). */
export function readTrackItems(text: string, fileName: string, deps: ReadTrackDeps): Result<Track[]> {
  const r = readItems(text, fileName, deps);
  if (!r.ok) return r;
  return ok(
    r.value.map((t) => (t.name.length > MAX_NAME_CHARS ? { ...t, name: boundName(t.name) } : t)),
    r.warnings,
  );
}

function readItems(text: string, fileName: string, deps: ReadTrackDeps): Result<Track[]> {
  if (text.length > MAX_TRACK_FILE_CHARS) {
    return fail('file.too-large', { limit_mb: MAX_TRACK_FILE_CHARS / 1024 / 1024 });
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // BOM
  const start = body.search(/\S/);
  if (start < 0) return fail('file.empty');
  const fallbackName = baseName(fileName);
  const first = body[start];

  if (first === '{' || first === '[') return single(tracksFromGeoJson(body, fallbackName, AS_TRACK));
  if (first === '<') {
    if (declaresEntities(body)) return fail('file.xml-entities');
    // some exporters emit a blank line before <?xml, which strict parsers reject
    const xml = start > 0 ? body.slice(start) : body;
    if (rootLocalName(xml) === 'gpx') return scanGpx(xml, fallbackName, AS_TRACK);
    const doc = deps.parseXml(xml);
    if (!doc.ok) return doc;
    const root = doc.value.documentElement;
    // a prolog the sniffing refused but the parser took: the scanner has the last word on GPX
    if (root?.localName === 'gpx') return scanGpx(xml, fallbackName, AS_TRACK);
    if (root?.localName === 'kml') return single(tracksFromKml(root, fallbackName, AS_TRACK));
    return fail('file.unknown-format');
  }
  switch (formatFromName(fileName)) {
    case 'gpx':
    case 'kml':
      return fail('file.not-xml');
    case 'geojson':
      return fail('file.not-json');
    default:
      return fail('file.unknown-format');
  }
}

const single = (r: Result<Track>): Result<Track[]> => (r.ok ? ok([r.value], r.warnings) : r);

function formatFromName(fileName: string): TrackFormat | null {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'gpx') return 'gpx';
  if (ext === 'kml') return 'kml';
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  return null;
}

/** "courses/Boucle des terrils.gpx" → "Boucle des terrils". */
function baseName(fileName: string): string {
  const file = fileName.split(/[/\\]/).pop() ?? fileName;
  const dot = file.lastIndexOf('.');
  const stem = dot > 0 ? file.slice(0, dot) : file;
  return stem.trim() || file;
}
