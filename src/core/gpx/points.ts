// Point checks shared by the GPX, KML and GeoJSON readers.

import { fail, ok, type GeoError, type Result } from '../errors';
import { position } from '../geo/position';
import type { Position, Track } from '../types';

/** How a reader treats a file that is not quite a track. */
export interface TrackReadOptions {
  /**
   * Accept a file whose only point is a single valid one, as a one-point segment with the
   * warning 'file.single-point' (it has no length, but it is what the file holds and the user
   * sees where it is). Off by default: a layer import wants lines only.
   */
  keepSinglePoint?: boolean;
}

/**
 * Decimal notation, an exponent tolerated (some writers put one on elevations). Number() alone
 * reads "0x32" as 50, "0b1" as 1 and "Infinity" as a number: a file holding those is broken, not
 * a latitude.
 */
const DECIMAL = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

/**
 * A number from XML text. Stricter than parseFloat, which reads "50.4abc" as 50.4 and "" as NaN
 * but lets Number("") be 0: a missing attribute must not become the equator.
 */
export function parseNumber(text: string | null | undefined): number {
  if (text === null || text === undefined) return NaN;
  const t = text.trim();
  return DECIMAL.test(t) ? Number(t) : NaN;
}

function isValidLonLat(lon: number, lat: number): boolean {
  return Number.isFinite(lon) && Number.isFinite(lat) && lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;
}

/**
 * Beyond ±20 000 m an elevation is a unit slip or garbage (Everest is 8 849 m, the deepest mine
 * 4 km): readers drop it (the point stays, without elevation) and the writer never writes it.
 */
export const MAX_ABS_ELEVATION_M = 20_000;

export const isPlausibleElevation = (ele: number): boolean => Number.isFinite(ele) && Math.abs(ele) <= MAX_ABS_ELEVATION_M;

/**
 * Names are labels: a file's 20 MB <name> would freeze every list that shows it, so what is kept
 * is cut here, once, for every reader.
 */
export const MAX_NAME_CHARS = 200;

export function boundName(name: string): string {
  if (name.length <= MAX_NAME_CHARS) return name;
  // never cut a surrogate pair in two
  let end = MAX_NAME_CHARS - 1;
  const c = name.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${name.slice(0, end).trimEnd()}…`;
}

/**
 * Collects segments point by point, numbering every point of the file (valid or not) so that an
 * error can say which one is wrong. Segments under two points draw nothing and are dropped (and
 * counted: the result warns 'file.empty-segments').
 */
export class SegmentBuilder {
  readonly segments: Position[][] = [];
  /** per-point times (ms since 1970, NaN for none), parallel to segments */
  private readonly segmentTimes: number[][] = [];
  private current: Position[] = [];
  private currentTimes: number[] = [];
  private index = 0;
  private bad: number | null = null;
  private dropped = 0;
  private valid = 0;
  private lone: Position | null = null;
  private loneTime = NaN;
  private timed = false;
  private badElevations = 0;

  /**
   * Adds a point; returns false (and remembers the first bad index) when the point is invalid.
   * An implausible elevation is dropped and counted; `time` is ms since 1970 (NaN: none).
   */
  add(lon: number, lat: number, ele?: number, time = NaN): boolean {
    const i = this.index++;
    if (!isValidLonLat(lon, lat)) {
      this.bad ??= i;
      return false;
    }
    let e = ele;
    if (e !== undefined && Number.isFinite(e) && !isPlausibleElevation(e)) {
      this.badElevations++;
      e = undefined;
    }
    this.current.push(position(lon, lat, e));
    this.currentTimes.push(time);
    if (time === time) this.timed = true;
    this.valid++;
    return true;
  }

  endSegment(): void {
    if (this.current.length >= 2) {
      this.segments.push(this.current);
      this.segmentTimes.push(this.currentTimes);
    } else {
      this.dropped++;
      if (this.current.length === 1) {
        this.lone = this.current[0];
        this.loneTime = this.currentTimes[0];
      }
    }
    this.current = [];
    this.currentTimes = [];
  }

  /**
   * The segments (with their times when the file has any), or the first bad coordinate (index
   * counts every point read, from 0).
   */
  track(name: string, options: TrackReadOptions = {}): Result<Track> {
    const r = this.result(options);
    if (!r.ok) return r;
    const track: Track = { name, segments: r.value };
    if (this.timed) {
      const times = r.value === this.segments ? this.segmentTimes : [[this.loneTime]];
      if (times.some((s) => s.some((t) => t === t))) track.times = times;
    }
    return ok(track, r.warnings);
  }

  /** The segments, or the first bad coordinate (index counts every point read, from 0). */
  result(options: TrackReadOptions = {}): Result<Position[][]> {
    if (this.current.length) this.endSegment();
    if (this.bad !== null) return fail('file.bad-coordinate', { index: this.bad, point: this.bad + 1 });
    const warnings: GeoError[] = this.badElevations
      ? [{ code: 'file.bad-elevation', detail: { count: this.badElevations, limit_m: MAX_ABS_ELEVATION_M } }]
      : [];
    if (this.segments.length === 0) {
      if (options.keepSinglePoint && this.valid === 1 && this.lone) return ok([[this.lone]], [...warnings, { code: 'file.single-point' }]);
      return fail('file.no-track');
    }
    if (this.dropped) warnings.push({ code: 'file.empty-segments', detail: { count: this.dropped } });
    return ok(this.segments, warnings);
  }
}
