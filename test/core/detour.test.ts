// The detour flag: a network leg longer than DETOUR_RATIO times its crow-fly distance (issue 12).
import { describe, expect, it } from 'vitest';
import { positionsLength } from '../../src/core/geo/geodesic';
import { buildGraph } from '../../src/core/graph/build';
import { EdgeKind } from '../../src/core/graph/graph';
import { computeLeg, DETOUR_RATIO, isDetour, straightLeg, withDetour } from '../../src/core/route/leg';
import { prepareNetwork } from '../../src/core/route/network';
import { planRoute, routeFigures } from '../../src/core/route/plan';

// a U: up the west side, across the top, down the east side; A and B are the feet, 1.4 km apart
const A: [number, number] = [2.8, 50.4];
const B: [number, number] = [2.82, 50.4];
const u: [number, number][] = [A, [2.8, 50.41], [2.82, 50.41], B];
// and a straight cavalier further north, from C to D
const C: [number, number] = [2.8, 50.43];
const D: [number, number] = [2.82, 50.43];
const net = prepareNetwork(
  buildGraph(
    [
      { coords: u, kind: EdgeKind.cavalier },
      { coords: [C, D], kind: EdgeKind.veloroute },
    ],
    { joinTolerance_m: 0 },
  ).graph,
);

describe('detour flag', () => {
  it('is the network length over the crow-fly distance, computed in the core', () => {
    const leg = computeLeg(net, A, B, 'network');
    const crow = positionsLength([A, B]);
    expect(leg.fallback).toBeUndefined();
    expect(leg.length_m).toBeCloseTo(positionsLength(u), 3);
    // by hand: 1112.4 + 1421.9 + 1112.4 m round a 1421.9 m gap = 2.56
    expect(leg.detour).toBeCloseTo(leg.length_m / crow, 9);
    expect(leg.detour).toBeCloseTo(2.565, 2);
    expect(isDetour(leg)).toBe(true);
  });

  it('is not raised on a leg that follows a straight path', () => {
    const leg = computeLeg(net, C, D, 'network');
    expect(leg.detour).toBeCloseTo(1, 6);
    expect(isDetour(leg)).toBe(false);
    expect(DETOUR_RATIO).toBe(2);
  });

  it('is absent on straight legs, fallbacks and points a few metres apart', () => {
    expect(computeLeg(net, A, B, 'straight').detour).toBeUndefined();
    // A and C are on pieces that do not meet: drawn straight
    const noPath = computeLeg(net, A, C, 'network');
    expect(noPath.fallback).toBe('no-path');
    expect(noPath.detour).toBeUndefined();
    expect(isDetour(noPath)).toBe(false);
    expect(computeLeg(net, A, [2.8, 50.4002], 'network').detour).toBeUndefined();
  });

  it('is set on legs of another routing provider too', () => {
    const routed = { ...straightLeg(A, B, 'network'), coords: u, length_m: positionsLength(u), ways: { path: positionsLength(u) } };
    const { fallback: _f, ...plain } = routed;
    expect(withDetour(plain, A, B).detour).toBeCloseTo(2.565, 2);
    expect(withDetour(straightLeg(A, B, 'straight'), A, B).detour).toBeUndefined();
  });

  it('reaches the figures of cavalier route', () => {
    const { legs } = planRoute(net, [A, B, [2.82, 50.41]]);
    const f = routeFigures(legs);
    expect(f.legs.map((l) => l.flagged)).toEqual([true, false]);
    expect(f.legs[0].detour).toBeCloseTo(2.565, 2);
    expect(f.legs[0].straight).toBe(false);
    expect(f.ways.cavalier).toBeCloseTo(f.length_m, 6);
    expect(f.straight_m).toBe(0);
  });
});
