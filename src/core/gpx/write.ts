// GPX 1.1 writer. Element order follows the XSD exactly (devices and validators reject
// anything else): gpx(metadata(name, desc, time), wpt(ele, name, desc, sym, type)*,
// trk(name, trkseg(trkpt(ele)))). One trk per file: a Garmin Edge turns each trk into a
// separate course. No rte: devices recompute a rte and it can drift from the plan. Waypoints
// only when the caller gives them (points on the course): never turn or via points.

import { elevationOf } from '../geo/position';
import type { Position, Track } from '../types';
import { escapeXml } from './escape';

export interface WriteGpxOptions {
  creator?: string;
  /** xsd:dateTime, e.g. new Date().toISOString(); left to the caller so output is reproducible */
  time?: string;
  description?: string;
  /** written before the trk, as the XSD requires */
  waypoints?: readonly GpxWaypoint[];
}

export interface GpxWaypoint {
  lon: number;
  lat: number;
  ele?: number;
  name: string;
  desc?: string;
  /** a symbol name as the device spells it, e.g. Garmin's 'Water Source' */
  sym?: string;
  /** free text in GPX; Garmin Connect turns known values into course points */
  type?: string;
}

/** 1e-7° is 1.1 cm: finer digits only add bytes. */
const COORD_DECIMALS = 7;
const COORD_SCALE = 1e7;

export function writeGpx(track: Track, opts: WriteGpxOptions = {}): string {
  const creator = escapeXml(opts.creator ?? 'Cavalier');
  const name = escapeXml(track.name);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<gpx version="1.1" creator="${creator}" xmlns="http://www.topografix.com/GPX/1/1" ` +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd">',
  ];
  const meta: string[] = [];
  if (name) meta.push(`<name>${name}</name>`);
  if (opts.description) meta.push(`<desc>${escapeXml(opts.description)}</desc>`);
  if (opts.time) meta.push(`<time>${escapeXml(opts.time)}</time>`);
  if (meta.length) out.push(`<metadata>${meta.join('')}</metadata>`);
  for (const w of opts.waypoints ?? []) out.push(writeWaypoint(w));

  out.push('<trk>');
  if (name) out.push(`<name>${name}</name>`);
  for (const segment of track.segments) {
    out.push('<trkseg>');
    if (segment.length) out.push(writePoints(segment));
    out.push('</trkseg>');
  }
  out.push('</trk>', '</gpx>', '');
  return out.join('\n');
}

function writeWaypoint(w: GpxWaypoint): string {
  const parts = [`<wpt lat="${w.lat.toFixed(COORD_DECIMALS)}" lon="${w.lon.toFixed(COORD_DECIMALS)}">`];
  if (w.ele !== undefined && Number.isFinite(w.ele)) parts.push(`<ele>${w.ele.toFixed(1)}</ele>`);
  parts.push(`<name>${escapeXml(w.name)}</name>`);
  if (w.desc) parts.push(`<desc>${escapeXml(w.desc)}</desc>`);
  if (w.sym) parts.push(`<sym>${escapeXml(w.sym)}</sym>`);
  if (w.type) parts.push(`<type>${escapeXml(w.type)}</type>`);
  parts.push('</wpt>');
  return parts.join('');
}

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const PT_LAT = ascii('<trkpt lat="');
const PT_LON = ascii('" lon="');
const PT_ELE = ascii('"><ele>');
const PT_END_ELE = ascii('</ele></trkpt>');
const PT_END = ascii('"/>');
const NEWLINE = 10;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
/** room for the longest point line: tags (~45 bytes), two coordinates, an elevation */
const MAX_POINT_BYTES = 128;

/**
 * The trkpt lines of a segment, written as ASCII bytes and decoded once. On 100k points this
 * takes about half the time of toFixed and a template string per point (cold, as an export
 * runs), because no intermediate strings are made. Lines are separated by "\n", none trailing.
 */
function writePoints(points: readonly Position[]): string {
  const buf = new Uint8Array(points.length * MAX_POINT_BYTES);
  let o = 0;
  // a plain loop: TypedArray.set costs more than it saves on a dozen bytes
  const put = (bytes: Uint8Array): void => {
    for (let k = 0; k < bytes.length; k++) buf[o++] = bytes[k];
  };
  const digits = new Uint8Array(24);
  // x with exactly `decimals` digits after the point, through an integer. Rounding is half away
  // from zero like toFixed; x * scale can land a hair off a decimal tie, so rare last digits
  // differ from toFixed by one unit.
  const num = (x: number, decimals: number, scale: number): void => {
    let n = Math.round(Math.abs(x) * scale);
    if (!Number.isSafeInteger(n)) {
      put(ascii(x.toFixed(decimals))); // NaN or absurd values: written as toFixed spells them
      return;
    }
    if (x < 0 && n > 0) buf[o++] = MINUS;
    let len = 0;
    do {
      const d = n % 10;
      digits[len++] = ZERO + d;
      n = (n - d) / 10;
    } while (n > 0 || len <= decimals);
    for (let k = len - 1; k >= 0; k--) {
      buf[o++] = digits[k];
      if (k === decimals) buf[o++] = DOT;
    }
  };
  for (let i = 0; i < points.length; i++) {
    const p = points[i];
    if (i > 0) buf[o++] = NEWLINE;
    put(PT_LAT);
    num(p[1], COORD_DECIMALS, COORD_SCALE);
    put(PT_LON);
    num(p[0], COORD_DECIMALS, COORD_SCALE);
    const ele = elevationOf(p);
    if (ele === undefined) put(PT_END);
    else {
      put(PT_ELE);
      num(ele, 1, 10);
      put(PT_END_ELE);
    }
  }
  // fromCharCode in slices: one call with millions of arguments would overflow the stack.
  // apply takes the typed array as it is (spreading it would iterate); the cast is for the
  // lib typing of apply, which wants number[].
  const parts: string[] = [];
  for (let k = 0; k < o; k += 8192) {
    const slice = buf.subarray(k, Math.min(o, k + 8192)) as unknown as number[];
    parts.push(String.fromCharCode.apply(null, slice));
  }
  return parts.join('');
}
