// Point checks shared by the GPX, KML and GeoJSON readers.

import { fail, type Result } from '../errors';
import { position } from '../geo/position';
import type { Position } from '../types';

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
 * error can say which one is wrong. Segments under two points draw nothing and are dropped.
 */
export class SegmentBuilder {
  readonly segments: Position[][] = [];
  private current: Position[] = [];
  private index = 0;
  private bad: number | null = null;

  /** Adds a point; returns false (and remembers the first bad index) when the point is invalid. */
  add(lon: number, lat: number, ele?: number): boolean {
    const i = this.index++;
    if (!isValidLonLat(lon, lat)) {
      this.bad ??= i;
      return false;
    }
    this.current.push(position(lon, lat, ele));
    return true;
  }

  endSegment(): void {
    if (this.current.length >= 2) this.segments.push(this.current);
    this.current = [];
  }

  /** The segments, or the first bad coordinate (index counts every point read, from 0). */
  result(): Result<Position[][]> {
    this.endSegment();
    if (this.bad !== null) return fail('file.bad-coordinate', { index: this.bad, point: this.bad + 1 });
    if (this.segments.length === 0) return fail('file.no-track');
    return { ok: true, value: this.segments, warnings: [] };
  }
}
