// Whole-route operations for formulas: close a loop, move its start, reverse it, and take a
// stretch of another route. They work on control points and leg modes only; the legs are
// derived again by the worker, which gives the same paths: a stretch of a shortest path is a
// shortest path, and a reversed leg is routed on the same (undirected) network.
import { cumulativeDistances } from '../geo/geodesic';
import type { LegMode } from '../route/leg';
import type { LonLat, RouteModel } from '../route/model';
import type { Position } from '../types';
import { pointAtDistance } from './locate';

const same = (a: LonLat, b: LonLat): boolean => a[0] === b[0] && a[1] === b[1];

/** A closed loop ends on its first control point and has at least one point in between. */
export function isClosedLoop(route: RouteModel): boolean {
  const { points } = route;
  return points.length >= 3 && same(points[0], points[points.length - 1]);
}

/** Adds a last leg back to the first point; a route already closed or under two points is returned as is. */
export function closeLoop(route: RouteModel, mode: LegMode = 'network'): RouteModel {
  const { points, modes } = route;
  if (points.length < 2 || isClosedLoop(route) || same(points[0], points[points.length - 1])) return route;
  return { ...route, points: [...points, points[0]], modes: [...modes, mode] };
}

export type LoopStart = { point: number } | { leg: number; lonlat: LonLat };

/**
 * Starts a closed loop somewhere else, keeping its path and direction: at an existing control
 * point, or at a point inside a leg (which then becomes a control point, both halves keeping
 * the leg's mode). Anything but a closed loop, or an index out of range, is returned as is.
 */
export function moveLoopStart(route: RouteModel, at: LoopStart): RouteModel {
  if (!isClosedLoop(route)) return route;
  // the distinct points of the ring and the mode of the leg leaving each one
  let ring = route.points.slice(0, -1);
  let modes = route.modes.slice();
  let start: number;
  if ('point' in at) {
    if (!Number.isInteger(at.point) || at.point < 0 || at.point >= route.points.length) return route;
    start = at.point % ring.length; // the last point is the first
  } else {
    if (!Number.isInteger(at.leg) || at.leg < 0 || at.leg >= modes.length) return route;
    ring = [...ring.slice(0, at.leg + 1), at.lonlat, ...ring.slice(at.leg + 1)];
    modes = [...modes.slice(0, at.leg + 1), modes[at.leg], ...modes.slice(at.leg + 1)];
    start = at.leg + 1;
  }
  if (start === 0) return route; // only an existing point can be the start already
  const rotated = [...ring.slice(start), ...ring.slice(0, start)];
  return { ...route, points: [...rotated, rotated[0]], modes: [...modes.slice(start), ...modes.slice(0, start)] };
}

/** The same path the other way round. */
export function reverseRoute(route: RouteModel): RouteModel {
  if (route.points.length < 2) return route;
  return { ...route, points: route.points.slice().reverse(), modes: route.modes.slice().reverse() };
}

/** What routeStretch needs of a leg: its line (the worker's Leg fits). */
export interface LegLine {
  coords: readonly Position[];
}

/**
 * The distance (m) of each control point from the start along the route's legs: one more
 * entry than legs, the last being the route's length. Measured as routeStretch measures, so
 * a km read here cuts the route at that very point.
 */
export function controlPointDistances(legs: readonly LegLine[]): number[] {
  const out = [0];
  for (const l of legs) {
    const c = cumulativeDistances(l.coords);
    out.push(out[out.length - 1] + (c.length ? c[c.length - 1] : 0));
  }
  return out;
}

/** Closer than this to a control point, a cut is made at the control point itself (no 10 cm leg). */
const CUT_SNAP_M = 0.5;

/**
 * The part of a route between two kilometres, as a new route: a control point at each cut,
 * the control points in between, and the modes of the legs they came from. `legs` are the
 * route's derived legs, one per mode, which place the cuts. Kilometres are clamped to the route
 * and taken in increasing order; a stretch under a metre, or a route whose legs are not all
 * known, gives an empty route.
 */
export function routeStretch(route: RouteModel, legs: readonly LegLine[], fromKm: number, toKm: number, name = route.name): RouteModel {
  const empty: RouteModel = { name, points: [], modes: [] };
  if (route.modes.length === 0 || legs.length !== route.modes.length || legs.some((l) => l.coords.length === 0)) return empty;
  const cums = legs.map((l) => cumulativeDistances(l.coords));
  const starts: number[] = [0];
  for (const c of cums) starts.push(starts[starts.length - 1] + c[c.length - 1]);
  const total = starts[starts.length - 1];
  let a = Math.min(total, Math.max(0, Math.min(fromKm, toKm) * 1000));
  let b = Math.min(total, Math.max(0, Math.max(fromKm, toKm) * 1000));
  if (!(b - a >= 1)) return empty;

  // control point i sits at starts[i]; snap cuts that fall on one
  const snap = (d: number): number => {
    for (const s of starts) if (Math.abs(s - d) <= CUT_SNAP_M) return s;
    return d;
  };
  a = snap(a);
  b = snap(b);
  const legAt = (d: number, preferNext: boolean): number => {
    for (let i = 0; i < legs.length; i++) {
      if (d < starts[i + 1] || (d === starts[i + 1] && !preferNext)) return i;
    }
    return legs.length - 1;
  };
  const cutPoint = (d: number, leg: number): LonLat => {
    const p = pointAtDistance(legs[leg].coords, cums[leg], d - starts[leg]);
    return [p[0], p[1]];
  };
  const cutOrControl = (d: number, leg: number): LonLat => {
    const onPoint = starts.indexOf(d);
    return onPoint >= 0 ? route.points[onPoint] : cutPoint(d, leg);
  };

  const first = legAt(a, true);
  const last = legAt(b, false);
  const points: LonLat[] = [cutOrControl(a, first)];
  const modes: LegMode[] = [];
  for (let i = first; i <= last; i++) {
    modes.push(route.modes[i]);
    points.push(i === last ? cutOrControl(b, last) : route.points[i + 1]);
  }
  return { name, points, modes };
}
