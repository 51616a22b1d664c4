// Elevation profile and climb figures.
//
// Method (also in the README):
// 1. Points without elevation are ignored for elevation, but distances are measured along the
//    whole line (ellipsoidal, see geo/geodesic.ts), so the profile's x axis is the route's length.
// 2. Each segment is resampled at an even step of at most 20 m (the step ends exactly on the
//    segment's last point); routes long enough to need more than 5000 samples get a coarser
//    step. Elevation is interpolated linearly in distance between the points that carry one,
//    and held constant before the first and after the last of them. The map position of each
//    sample is interpolated the same way, for hovering.
// 3. The resampled elevations are smoothed by a centred moving mean over a 100 m window
//    (5 samples at 20 m). Near the ends of a segment the window shrinks symmetrically,
//    so a steady slope is left untouched and the end points keep their value.
// 4. Ascent and descent are counted with a 5 m hysteresis: a climb or a drop is only counted
//    once the smoothed elevation has moved more than 5 m away from the last turning point,
//    and it is then counted in full from that turning point. Wiggles under 5 m add nothing.
// 5. Minimum and maximum are taken on the smoothed values. Segments of a multi-segment track
//    are profiled separately and their ascent and descent summed: the jump between the end of
//    one recording and the start of the next is not a climb.
// Why: GPS elevation noise of a few metres on every point inflates a raw sum by 20 % or more
// (a raw sum is still available as rawGain, for comparison). Every step is a single pass: O(n).

import { cumulativeDistances } from '../geo/geodesic';
import { elevationOf } from '../geo/position';
import type { ElevationProfile, Position } from '../types';

const PROFILE_STEP_M = 20;
const PROFILE_MAX_SAMPLES = 5000;
const SMOOTHING_WINDOW_M = 100;
const HYSTERESIS_M = 5;

interface SegmentSamples {
  distances: Float64Array;
  elevations: Float64Array;
  lonlats: [number, number][];
}

/** Profile of a single line; null when fewer than two of its points carry an elevation. */
export function elevationProfile(coords: readonly Position[]): ElevationProfile | null {
  return segmentsProfile([coords]);
}

/**
 * Profile of a multi-segment track: distances run on across segments (the gaps between them
 * count for nothing), climbs are summed per segment. Segments without elevation are skipped
 * but still advance the distance. Null when no segment has two points with an elevation.
 * `cums`, the cumulative distances of each segment where the caller has them already (the
 * draping measures them), spares a second geodesic pass.
 */
export function segmentsProfile(
  segments: readonly (readonly Position[])[],
  cums: readonly Float64Array[] = segments.map((s) => cumulativeDistances(s)),
): ElevationProfile | null {
  let total = 0;
  for (const c of cums) total += c.length ? c[c.length - 1] : 0;
  // Each segment adds up to two samples beyond length/step, hence the 2 per segment in the budget.
  const budget = Math.max(1, PROFILE_MAX_SAMPLES - 2 * segments.length);
  const step = Math.max(PROFILE_STEP_M, total / budget);

  const parts: { offset: number; samples: SegmentSamples; smooth: Float64Array }[] = [];
  let count = 0;
  let ascent = 0;
  let descent = 0;
  let offset = 0;
  for (let s = 0; s < segments.length; s++) {
    const cum = cums[s];
    const samples = resample(segments[s], cum, step);
    if (samples) {
      const smooth = movingMean(samples.elevations, samples.distances);
      const climb = hysteresisClimb(smooth, HYSTERESIS_M);
      ascent += climb.ascent;
      descent += climb.descent;
      parts.push({ offset, samples, smooth });
      count += smooth.length;
    }
    offset += cum.length ? cum[cum.length - 1] : 0;
  }
  if (parts.length === 0) return null;

  // plain arrays, as the profile crosses to the page and into the saved session
  const distances: number[] = new Array(count);
  const elevations: number[] = new Array(count);
  const lonlats: [number, number][] = new Array(count);
  let min = Infinity;
  let max = -Infinity;
  let at = 0;
  for (const { offset, samples, smooth } of parts) {
    for (let i = 0; i < smooth.length; i++, at++) {
      const e = smooth[i];
      distances[at] = offset + samples.distances[i];
      elevations[at] = e;
      lonlats[at] = samples.lonlats[i];
      if (e < min) min = e;
      if (e > max) max = e;
    }
  }
  return { distances, elevations, lonlats, ascent, descent, min, max };
}

/** Sum of every rise and every drop between consecutive points that carry an elevation, unsmoothed. */
export function rawGain(coords: readonly Position[]): { ascent: number; descent: number } {
  let ascent = 0;
  let descent = 0;
  let prev: number | undefined;
  for (const p of coords) {
    const e = elevationOf(p);
    if (e === undefined) continue;
    if (prev !== undefined) {
      if (e > prev) ascent += e - prev;
      else descent += prev - e;
    }
    prev = e;
  }
  return { ascent, descent };
}

function resample(coords: readonly Position[], cum: Float64Array, maxStep: number): SegmentSamples | null {
  // distances and values of the points that carry an elevation: the line's own distances
  // while every point has one (the common case, spared a copy)
  let eleDist: Float64Array = cum;
  const eleVal = new Float64Array(coords.length);
  let m = 0;
  for (let i = 0; i < coords.length; i++) {
    const e = elevationOf(coords[i]);
    if (e === undefined) {
      if (eleDist === cum) {
        eleDist = new Float64Array(coords.length);
        eleDist.set(cum.subarray(0, m));
      }
      continue;
    }
    eleDist[m] = cum[i];
    eleVal[m++] = e;
  }
  if (m < 2) return null;

  const length = cum[cum.length - 1];
  const intervals = length > 0 ? Math.ceil(length / maxStep) : 0;
  const n = intervals + 1;
  const distances = new Float64Array(n);
  const elevations = new Float64Array(n);
  const lonlats: [number, number][] = new Array(n);

  let j = 0; // segment of the line holding the sample
  let k = 0; // interval between elevation-bearing points holding the sample
  for (let i = 0; i < n; i++) {
    // the last sample sits exactly on the end, whatever the rounding of i * step
    const d = i === intervals ? length : (length * i) / intervals;
    distances[i] = d;

    while (j < cum.length - 2 && cum[j + 1] < d) j++;
    const a = coords[j];
    const b = coords[Math.min(j + 1, coords.length - 1)];
    const span = cum[Math.min(j + 1, cum.length - 1)] - cum[j];
    const t = span > 0 ? Math.min(1, Math.max(0, (d - cum[j]) / span)) : 0;
    lonlats[i] = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];

    while (k < m - 2 && eleDist[k + 1] < d) k++;
    const d0 = eleDist[k];
    const d1 = eleDist[k + 1];
    if (d <= d0) elevations[i] = eleVal[k];
    else if (d >= d1) elevations[i] = eleVal[k + 1];
    else elevations[i] = eleVal[k] + ((eleVal[k + 1] - eleVal[k]) * (d - d0)) / (d1 - d0);
  }
  return { distances, elevations, lonlats };
}

/** Centred mean over SMOOTHING_WINDOW_M, shrinking symmetrically at the ends (prefix sums: O(n)). */
function movingMean(values: Float64Array, distances: Float64Array): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  if (n < 2) {
    out.set(values);
    return out;
  }
  const step = distances[n - 1] / (n - 1);
  const half = step > 0 ? Math.max(0, Math.round((SMOOTHING_WINDOW_M / step - 1) / 2)) : 0;
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + values[i];
  for (let i = 0; i < n; i++) {
    const r = Math.min(half, i, n - 1 - i);
    out[i] = (prefix[i + r + 1] - prefix[i - r]) / (2 * r + 1);
  }
  return out;
}

/**
 * Climb counted between confirmed turning points. Until a direction is confirmed, the lowest
 * and highest values seen so far are both candidate turning points.
 */
function hysteresisClimb(values: ArrayLike<number>, threshold: number): { ascent: number; descent: number } {
  const { ascent, descent } = hysteresisTurns(values, threshold);
  return { ascent, descent };
}

/**
 * The same count, with the rises it counted: [index of the low, index of the high] of each,
 * in order (the last one may end at the last value, a climb still going on).
 */
function hysteresisTurns(values: ArrayLike<number>, threshold: number): { ascent: number; descent: number; rises: [number, number][] } {
  let ascent = 0;
  let descent = 0;
  const rises: [number, number][] = [];
  if (values.length === 0) return { ascent, descent, rises };
  let dir = 0; // +1 climbing, -1 descending, 0 not yet known
  let lo = 0;
  let hi = 0;
  let turn = 0; // index of the last confirmed turning point
  let extreme = 0; // index of the furthest value reached in the current direction
  for (let i = 1; i < values.length; i++) {
    const v = values[i];
    if (dir === 0) {
      if (v < values[lo]) lo = i;
      if (v > values[hi]) hi = i;
      if (v - values[lo] > threshold) {
        dir = 1;
        turn = lo;
        extreme = i;
      } else if (values[hi] - v > threshold) {
        dir = -1;
        turn = hi;
        extreme = i;
      }
    } else if (dir === 1) {
      if (v > values[extreme]) extreme = i;
      else if (values[extreme] - v > threshold) {
        ascent += values[extreme] - values[turn];
        rises.push([turn, extreme]);
        turn = extreme;
        extreme = i;
        dir = -1;
      }
    } else {
      if (v < values[extreme]) extreme = i;
      else if (v - values[extreme] > threshold) {
        descent += values[turn] - values[extreme];
        turn = extreme;
        extreme = i;
        dir = 1;
      }
    }
  }
  if (dir === 1) {
    ascent += values[extreme] - values[turn];
    rises.push([turn, extreme]);
  } else if (dir === -1) descent += values[turn] - values[extreme];
  return { ascent, descent, rises };
}

/**
 * The headline ascent of a profile, cut along its distance: for each sample, the climb from the
 * start to it, counted as `ascent` counts it (the rises between the turning points of the 5 m
 * hysteresis on the smoothed elevations). Inside a rise the climb so far is the highest point
 * reached since its low; elsewhere it does not move. So the last value is the profile's
 * `ascent` (one segment), and the climb between two distances — a roadbook's row — is a
 * difference that adds up to it. Samples of a multi-segment profile are taken as one line.
 */
export function cumulativeAscent(profile: Pick<ElevationProfile, 'elevations'>): Float64Array {
  const e = profile.elevations;
  const out = new Float64Array(e.length);
  const { rises } = hysteresisTurns(e, HYSTERESIS_M);
  let base = 0;
  let at = 0;
  for (const [lo, hi] of rises) {
    for (; at < lo; at++) out[at] = base;
    let top = e[lo];
    for (; at <= hi; at++) {
      if (e[at] > top) top = e[at];
      out[at] = base + (top - e[lo]);
    }
    base += e[hi] - e[lo];
  }
  for (; at < e.length; at++) out[at] = base;
  return out;
}
