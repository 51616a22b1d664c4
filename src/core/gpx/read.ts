// Reads a track from the text of a GPX, KML or GeoJSON file. GPX is scanned straight from the
// text (scan-gpx.ts: no DOM, 100k points in well under 100 ms); KML goes through an XML parser,
// injected so the core stays free of the DOM: pass parseXmlWithXmldom (./xml.ts) in node and in
// workers. The content decides the format (a .gpx that holds JSON is read as JSON); the
// extension only chooses the error message when the content is neither.
//
// What a planner does with a file that is barely a track: a single point is kept (with the
// warning 'file.single-point': it has no length, but the user sees where it is); segments of
// fewer than two points are dropped with the warning 'file.empty-segments'.

import { fail, type Result } from '../errors';
import type { Track } from '../types';
import type { XmlDocument } from './dom';
import type { TrackReadOptions } from './points';
import { tracksFromGeoJson } from './read-geojson';
import { tracksFromKml } from './read-kml';
import { rootLocalName, scanGpx } from './scan-gpx';
import { declaresEntities } from './xml-guard';

/** 200 MiB of text: beyond this the DOM alone would exhaust a browser tab's memory. */
export const MAX_TRACK_FILE_CHARS = 200 * 1024 * 1024;

export type TrackFormat = 'gpx' | 'kml' | 'geojson';

export interface ReadTrackDeps {
  /** for KML; GPX does not need it */
  parseXml(text: string): Result<XmlDocument>;
}

const AS_TRACK: TrackReadOptions = { keepSinglePoint: true };

export function readTrackFile(text: string, fileName: string, deps: ReadTrackDeps): Result<Track> {
  if (text.length > MAX_TRACK_FILE_CHARS) {
    return fail('file.too-large', { limit_mb: MAX_TRACK_FILE_CHARS / 1024 / 1024 });
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // BOM
  const start = body.search(/\S/);
  if (start < 0) return fail('file.empty');
  const fallbackName = baseName(fileName);
  const first = body[start];

  if (first === '{' || first === '[') return tracksFromGeoJson(body, fallbackName, AS_TRACK);
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
    if (root?.localName === 'kml') return tracksFromKml(root, fallbackName, AS_TRACK);
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

export function formatFromName(fileName: string): TrackFormat | null {
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
