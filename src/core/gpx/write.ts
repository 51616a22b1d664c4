// GPX 1.1 writer. Element order follows the XSD exactly (devices and validators reject
// anything else): gpx(metadata(name, desc, time), wpt(ele, name, cmt, desc, sym, type)*,
// rte(name, rtept(ele, time))*, trk(name, trkseg(trkpt(ele, time)))). One trk per item: a
// Garmin Edge turns each trk into a separate course. A rte only for an item read from one
// (kind 'route', e.g. `cavalier gpx --select routes`): the app's own routes are written as trk,
// since devices recompute a rte and it can drift from the plan. Waypoints only when the caller
// gives them (points on the course): never turn or via points.
//
// Every file written validates against the XSD whatever the track holds: longitudes are
// normalised into [-180, 180) after rounding (179.99999996 is written -180.0000000, not 180),
// numbers never have an exponent, a point whose latitude or longitude is impossible is left out
// and an elevation beyond ±MAX_ABS_ELEVATION_M is not written; both are counted in the warnings.

import type { GeoError } from '../errors';
import type { Position, Track } from '../types';
import { asciiText } from './encoding';
import { escapeXml } from './escape';
import { isPlausibleElevation, MAX_ABS_ELEVATION_M } from './points';
import { formatTime, isWritableTime } from './time';

export interface WriteGpxOptions {
  creator?: string;
  /** the metadata name; the first item's name by default */
  name?: string;
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
  /** GPX `cmt`: short text sent to the device as it is (Garmin units show it as the point's comment) */
  cmt?: string;
  desc?: string;
  /** a symbol name as the device spells it, e.g. Garmin's 'Water Source' */
  sym?: string;
  /** free text in GPX; Garmin Connect turns known values into course points */
  type?: string;
}

/** The text, and what could not be written ('export.bad-coordinates', 'export.bad-elevations'). */
export interface GpxText {
  text: string;
  warnings: GeoError[];
}

/** 1e-7° is 1.1 cm: finer digits only add bytes. */
const COORD_DECIMALS = 7;
const COORD_SCALE = 1e7;
/** Points and elevations left out, over the whole file. */
interface Dropped {
  points: number;
  elevations: number;
}

export function writeGpx(items: Track | readonly Track[], opts: WriteGpxOptions = {}): GpxText {
  const list: readonly Track[] = Array.isArray(items) ? items : [items as Track];
  const dropped: Dropped = { points: 0, elevations: 0 };
  const creator = escapeXml(opts.creator ?? 'Cavalier');
  const name = escapeXml(opts.name ?? list[0]?.name ?? '');
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
  for (const w of opts.waypoints ?? []) {
    const line = writeWaypoint(w, dropped);
    if (line) out.push(line);
  }

  // the XSD puts every rte before the first trk
  for (const route of list.filter((t) => t.kind === 'route')) {
    const rteName = escapeXml(route.name);
    route.segments.forEach((segment, s) => {
      out.push('<rte>');
      if (rteName) out.push(`<name>${rteName}</name>`);
      if (segment.length) out.push(writePoints(segment, route.times?.[s], RTEPT, dropped));
      out.push('</rte>');
    });
  }
  for (const track of list.filter((t) => t.kind !== 'route')) {
    const trkName = escapeXml(track.name);
    out.push('<trk>');
    if (trkName) out.push(`<name>${trkName}</name>`);
    track.segments.forEach((segment, s) => {
      out.push('<trkseg>');
      if (segment.length) out.push(writePoints(segment, track.times?.[s], TRKPT, dropped));
      out.push('</trkseg>');
    });
    out.push('</trk>');
  }
  out.push('</gpx>', '');
  const warnings: GeoError[] = [];
  if (dropped.points) warnings.push({ code: 'export.bad-coordinates', detail: { count: dropped.points } });
  if (dropped.elevations) warnings.push({ code: 'export.bad-elevations', detail: { count: dropped.elevations, limit_m: MAX_ABS_ELEVATION_M } });
  return { text: out.join('\n'), warnings };
}

const validLat = (lat: number): boolean => Math.abs(lat) <= 90; // false for NaN

/** A finite longitude in [-180, 180] (before rounding: the writers round and fold 180 over). */
const wrapLon = (lon: number): number => (lon >= -180 && lon <= 180 ? lon : ((((lon + 180) % 360) + 360) % 360) - 180);

function writeWaypoint(w: GpxWaypoint, dropped: Dropped): string | null {
  if (!validLat(w.lat) || !Number.isFinite(w.lon)) {
    dropped.points++;
    return null;
  }
  // toFixed cannot give an exponent on these ranges
  let lon = wrapLon(w.lon).toFixed(COORD_DECIMALS);
  if (lon === '180.0000000') lon = '-180.0000000';
  const parts = [`<wpt lat="${w.lat.toFixed(COORD_DECIMALS)}" lon="${lon}">`];
  if (w.ele !== undefined && Number.isFinite(w.ele)) {
    if (isPlausibleElevation(w.ele)) parts.push(`<ele>${w.ele.toFixed(1)}</ele>`);
    else dropped.elevations++;
  }
  parts.push(`<name>${escapeXml(w.name)}</name>`);
  if (w.cmt) parts.push(`<cmt>${escapeXml(w.cmt)}</cmt>`);
  if (w.desc) parts.push(`<desc>${escapeXml(w.desc)}</desc>`);
  if (w.sym) parts.push(`<sym>${escapeXml(w.sym)}</sym>`);
  if (w.type) parts.push(`<type>${escapeXml(w.type)}</type>`);
  parts.push('</wpt>');
  return parts.join('');
}

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** The byte pieces of one kind of point line. */
interface PointTags {
  open: Uint8Array; // '<trkpt lat="'
  end: Uint8Array; // '</trkpt>'
}
const TRKPT: PointTags = { open: ascii('<trkpt lat="'), end: ascii('</trkpt>') };
const RTEPT: PointTags = { open: ascii('<rtept lat="'), end: ascii('</rtept>') };
const PT_LON = ascii('" lon="');
const PT_CLOSE = ascii('">');
const PT_ELE = ascii('<ele>');
const PT_END_ELE = ascii('</ele>');
const PT_TIME = ascii('<time>');
const PT_END_TIME = ascii('</time>');
const PT_END = ascii('"/>');
const NEWLINE = 10;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const ZULU = 90;
/** room for the longest point line: tags (~70 bytes), two coordinates, an elevation, a time */
const MAX_POINT_BYTES = 160;
/**
 * One scratch buffer for every call (the writer is synchronous): its bytes are decoded to a
 * string whenever it is nearly full, so a file of any size allocates no buffer of its own (16 MB
 * a call at 100k points made the collector run in the middle of the next write).
 */
const scratch = new Uint8Array(1 << 20);
const HALF_TURN = 180 * COORD_SCALE;

/**
 * The point lines of a segment, written as ASCII bytes and decoded once. No string is made per
 * point: not for the numbers, and not for the times either (the minute's 'YYYY-MM-DDTHH:MM:' is
 * made once per minute, the seconds written as digits), which keeps it ahead of toFixed and a
 * template string per point (test/bench/gpx.ts). Lines are separated by "\n", none trailing.
 * Numbers go through integers (never an exponent); impossible values are counted in `dropped`.
 */
function writePoints(points: readonly Position[], times: readonly number[] | undefined, tags: PointTags, dropped: Dropped): string {
  const buf = scratch;
  const pieces: string[] = [];
  let o = 0;
  // a plain loop: TypedArray.set costs more than it saves on a dozen bytes
  const put = (bytes: Uint8Array): void => {
    for (let k = 0; k < bytes.length; k++) buf[o++] = bytes[k];
  };
  const digits = new Uint8Array(24);
  // n units of 10^-decimals with exactly `decimals` digits after the point; |n| is a safe
  // integer, as every caller's range guarantees
  const units = (n: number, decimals: number): void => {
    if (n < 0) {
      buf[o++] = MINUS;
      n = -n;
    }
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
  // rounding is half away from zero like toFixed; x * scale can land a hair off a decimal tie,
  // so rare last digits differ from toFixed by one unit
  const scaled = (x: number, scale: number): number => {
    const n = Math.round(Math.abs(x) * scale);
    return x < 0 ? -n : n;
  };
  let first = true;
  let prefixMinute = Number.NaN;
  let prefix: Uint8Array = new Uint8Array(0);
  for (let i = 0; i < points.length; i++) {
    const p = points[i];
    const lat = p[1];
    const lon = p[0];
    if (!(Math.abs(lat) <= 90) || !Number.isFinite(lon)) {
      dropped.points++;
      continue;
    }
    if (o > buf.length - MAX_POINT_BYTES) {
      pieces.push(asciiText(buf.subarray(0, o)));
      o = 0;
    }
    if (!first) buf[o++] = NEWLINE;
    first = false;
    put(tags.open);
    units(scaled(lat, COORD_SCALE), COORD_DECIMALS);
    put(PT_LON);
    // folded after rounding: 179.99999996 rounds to 180.0000000, which the XSD refuses
    let lonN = scaled(wrapLon(lon), COORD_SCALE);
    if (lonN >= HALF_TURN) lonN -= 2 * HALF_TURN;
    units(lonN, COORD_DECIMALS);
    let ele = p.length === 3 ? p[2] : NaN;
    if (!Number.isFinite(ele))
      ele = NaN; // Infinity is no elevation, as NaN
    else if (!isPlausibleElevation(ele)) {
      dropped.elevations++;
      ele = NaN;
    }
    // formatTime's answer, without a Date per point: the minute's prefix is made once per minute
    const ms = times ? Math.floor(times[i]) : Number.NaN;
    const hasTime = isWritableTime(ms);
    if (ele !== ele && !hasTime) {
      put(PT_END);
      continue;
    }
    put(PT_CLOSE);
    if (ele === ele) {
      put(PT_ELE);
      units(scaled(ele, 10), 1);
      put(PT_END_ELE);
    }
    if (hasTime) {
      put(PT_TIME);
      const minute = Math.floor(ms / 60_000);
      if (minute !== prefixMinute) {
        prefixMinute = minute;
        const iso = formatTime(minute * 60_000) ?? new Date(minute * 60_000).toISOString();
        prefix = ascii(iso.slice(0, iso.lastIndexOf(':') + 1)); // '2024-05-01T08:00:'
      }
      put(prefix);
      const inMinute = ms - minute * 60_000;
      const second = Math.floor(inMinute / 1000);
      buf[o++] = ZERO + Math.floor(second / 10);
      buf[o++] = ZERO + (second % 10);
      const milli = inMinute - second * 1000;
      if (milli !== 0) {
        buf[o++] = DOT;
        buf[o++] = ZERO + Math.floor(milli / 100);
        buf[o++] = ZERO + (Math.floor(milli / 10) % 10);
        buf[o++] = ZERO + (milli % 10);
      }
      buf[o++] = ZULU;
      put(PT_END_TIME);
    }
    put(tags.end);
  }
  // one decode per megabyte of bytes (ASCII, so UTF-8 as it is), not one string per point
  pieces.push(asciiText(buf.subarray(0, o)));
  return pieces.length === 1 ? pieces[0] : pieces.join('');
}
