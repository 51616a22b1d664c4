import { describe, expect, it } from 'vitest';
import { closeLoop, isClosedLoop, moveLoopStart, reverseRoute, routeStretch } from '../../../src/core/event';
import type { LonLat, RouteModel } from '../../../src/core/route/model';
import { karney } from '../../helpers/karney';

const A: LonLat = [2.8, 50.4];
const B: LonLat = [2.81, 50.4];
const C: LonLat = [2.81, 50.41];
const D: LonLat = [2.8, 50.41];
const open: RouteModel = { name: 'r', points: [A, B, C, D], modes: ['network', 'straight', 'network'] };

describe('loops', () => {
  it('closes a loop once, with the given mode for the way back', () => {
    const loop = closeLoop(open, 'straight');
    expect(loop.points).toEqual([A, B, C, D, A]);
    expect(loop.modes).toEqual(['network', 'straight', 'network', 'straight']);
    expect(isClosedLoop(loop)).toBe(true);
    expect(isClosedLoop(open)).toBe(false);
    expect(closeLoop(loop)).toBe(loop);
    const one: RouteModel = { name: 'r', points: [A], modes: [] };
    expect(closeLoop(one)).toBe(one);
  });

  it('moves the start to another control point, keeping the path and its direction', () => {
    const loop = closeLoop(open, 'straight'); // legs AB n, BC s, CD n, DA s
    const fromC = moveLoopStart(loop, { point: 2 });
    expect(fromC.points).toEqual([C, D, A, B, C]);
    expect(fromC.modes).toEqual(['network', 'straight', 'network', 'straight']);
    // the same legs, each with its own mode: compare as a set of (from, to, mode)
    const legs = (r: RouteModel) => r.modes.map((m, i) => `${r.points[i]}>${r.points[i + 1]}:${m}`).sort();
    expect(legs(fromC)).toEqual(legs(loop));
    expect(moveLoopStart(loop, { point: 0 })).toBe(loop);
    expect(moveLoopStart(loop, { point: 4 })).toBe(loop);
    expect(moveLoopStart(loop, { point: 9 })).toBe(loop);
    expect(moveLoopStart(open, { point: 2 })).toBe(open);
  });

  it('moves the start inside a leg: the leg is split, both halves keep its mode', () => {
    const loop = closeLoop(open, 'straight');
    const M: LonLat = [2.81, 50.405];
    const fromM = moveLoopStart(loop, { leg: 1, lonlat: M });
    expect(fromM.points).toEqual([M, C, D, A, B, M]);
    expect(fromM.modes).toEqual(['straight', 'network', 'straight', 'network', 'straight']);
    // in the closing leg too
    const N: LonLat = [2.8, 50.405];
    expect(moveLoopStart(loop, { leg: 3, lonlat: N }).points).toEqual([N, A, B, C, D, N]);
  });

  it('reverses points and leg modes together', () => {
    const r = reverseRoute(open);
    expect(r.points).toEqual([D, C, B, A]);
    expect(r.modes).toEqual(['network', 'straight', 'network']);
    expect(reverseRoute(reverseRoute(open))).toEqual(open);
  });
});

describe('routeStretch', () => {
  // legs as the worker would give them: A→B with a bend, B→C straight, C→D
  const legs = [{ coords: [A, [2.805, 50.401] as LonLat, B] }, { coords: [B, C] }, { coords: [C, D] }];
  const ab = karney(A[0], A[1], 2.805, 50.401) + karney(2.805, 50.401, B[0], B[1]);
  const bc = karney(B[0], B[1], C[0], C[1]);

  it('cuts inside legs and keeps the control points and modes in between', () => {
    // from 100 m before B to halfway up B→C
    const from = (ab - 100) / 1000;
    const to = (ab + bc / 2) / 1000;
    const s = routeStretch(open, legs, from, to, 'extrait');
    expect(s.name).toBe('extrait');
    expect(s.modes).toEqual(['network', 'straight']);
    expect(s.points).toHaveLength(3);
    expect(s.points[1]).toEqual(B);
    // the first cut lies on the bend's second part, 100 m from B (GeographicLib)
    expect(karney(s.points[0][0], s.points[0][1], B[0], B[1])).toBeCloseTo(100, 1);
    expect(s.points[2][0]).toBeCloseTo(2.81, 12);
    expect(s.points[2][1]).toBeCloseTo(50.405, 6);
  });

  it('cuts on control points without adding any, in either order of the kms, and refuses what it cannot do', () => {
    const s = routeStretch(open, legs, (ab + bc) / 1000, ab / 1000);
    expect(s.points).toEqual([B, C]);
    expect(s.modes).toEqual(['straight']);
    expect(routeStretch(open, legs, -5, 99).points).toEqual(open.points);
    expect(routeStretch(open, legs.slice(1), 0, 1).points).toEqual([]);
    expect(routeStretch(open, legs, 0.5, 0.5).points).toEqual([]);
  });
});
