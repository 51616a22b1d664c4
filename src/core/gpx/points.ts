// Point checks shared by the GPX, KML and GeoJSON readers.

import { fail, ok, type GeoError, type Result } from '../errors';
import { position } from '../geo/position';
import type { Position } from '../types';

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
 * A number from XML text. Stricter than parseFloat, which reads "50.4abc" as 50.4 and "" as NaN
 * but lets Number("") be 0: a missing attribute must not become the equator.
 */
export function parseNumber(text: string | null | undefined): number {
  if (text === null || text === undefined) return NaN;
  const t = text.trim();
  return t === '' ? NaN : Number(t);
}

export function isValidLonLat(lon: number, lat: number): boolean {
  return Number.isFinite(lon) && Number.isFinite(lat) && lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;
}

/**
 * Collects segments point by point, numbering every point of the file (valid or not) so that an
 * error can say which one is wrong. Segments under two points draw nothing and are dropped (and
 * counted: the result warns 'file.empty-segments').
 */
export class SegmentBuilder {
  readonly segments: Position[][] = [];
  private current: Position[] = [];
  private index = 0;
  private bad: number | null = null;
  private dropped = 0;
  private valid = 0;
  private lone: Position | null = null;

  /** Adds a point; returns false (and remembers the first bad index) when the point is invalid. */
  add(lon: number, lat: number, ele?: number): boolean {
    const i = this.index++;
    if (!isValidLonLat(lon, lat)) {
      this.bad ??= i;
      return false;
    }
    this.current.push(position(lon, lat, ele));
    this.valid++;
    return true;
  }

  endSegment(): void {
    if (this.current.length >= 2) this.segments.push(this.current);
    else {
      this.dropped++;
      if (this.current.length === 1) this.lone = this.current[0];
    }
    this.current = [];
  }

  /** The segments, or the first bad coordinate (index counts every point read, from 0). */
  result(options: TrackReadOptions = {}): Result<Position[][]> {
    if (this.current.length) this.endSegment();
    if (this.bad !== null) return fail('file.bad-coordinate', { index: this.bad, point: this.bad + 1 });
    if (this.segments.length === 0) {
      if (options.keepSinglePoint && this.valid === 1 && this.lone) return ok([[this.lone]], [{ code: 'file.single-point' }]);
      return fail('file.no-track');
    }
    const warnings: GeoError[] = this.dropped ? [{ code: 'file.empty-segments', detail: { count: this.dropped } }] : [];
    return ok(this.segments, warnings);
  }
}
