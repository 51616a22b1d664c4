// The review's route frame: the pieces measured with the carried sine (pieceLengthsInto) against
// segmentLength one by one, and a frame built from the frame before an edit against one built
// afresh, on edits of every kind (middle, start, end, points added or removed, a segment split).
import { describe, expect, it } from 'vitest';
import { pieceLengthsInto, segmentLength } from '../../src/core/geo/geodesic';
import { routeFrame, type RouteFrame } from '../../src/core/review/route-frame';
import type { Position } from '../../src/core/types';

function rng(seed: number) {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

/** A wandering line of `n` points from (lon, lat), steps of about `step` degrees. */
function walk(n: number, lon: number, lat: number, step: number, seed: number): Position[] {
  const r = rng(seed);
  const out: Position[] = [[lon, lat]];
  for (let i = 1; i < n; i++) {
    const [x, y] = out[i - 1];
    out.push([x + step * (r() - 0.3), Math.max(-89, Math.min(89, y + step * (r() - 0.5)))]);
  }
  return out;
}

function expectSameFrame(a: RouteFrame, b: RouteFrame): void {
  expect(Array.from(a.x)).toEqual(Array.from(b.x));
  expect(Array.from(a.y)).toEqual(Array.from(b.y));
  expect(Array.from(a.gap)).toEqual(Array.from(b.gap));
  expect(a.len.length).toBe(b.len.length);
  // the worst piece and the worst distance from the start, relative (a gap piece is 0 on both sides)
  let len = 0;
  let cum = 0;
  for (let j = 0; j < a.len.length; j++) len = Math.max(len, Math.abs(a.len[j] - b.len[j]) / (b.len[j] + 1e-9));
  for (let j = 0; j < a.cum.length; j++) cum = Math.max(cum, Math.abs(a.cum[j] - b.cum[j]) / (b.cum[j] + 1e-9));
  expect(len).toBeLessThan(1e-12);
  expect(cum).toBeLessThan(1e-9);
  expect(Math.abs(a.length_m - b.length_m)).toBeLessThanOrEqual(1e-9 * b.length_m);
}

describe('pieceLengthsInto', () => {
  const cases: [string, Position[]][] = [
    ['10 m steps in the basin', walk(5000, 2.8, 50.4, 0.0001, 1)],
    ['1 km steps in the basin', walk(2000, 2.8, 50.4, 0.01, 2)],
    ['steps of tens of kilometres (Vincenty beyond 20 km)', walk(300, 2.8, 50.4, 0.5, 3)],
    ['near the pole', walk(2000, 10, 85, 0.01, 4)],
    ['across the antimeridian', walk(2000, 179.9, -40, 0.001, 5)],
    ['big jumps in latitude (re-anchored)', walk(500, 0, 0, 5, 6)],
  ];
  for (const [name, line] of cases) {
    it(`gives segmentLength's lengths: ${name}`, () => {
      const x = Float64Array.from(line, (p) => p[0]);
      const y = Float64Array.from(line, (p) => p[1]);
      const len = new Float64Array(line.length - 1);
      pieceLengthsInto(x, y, 0, line.length, len);
      let worst = 0;
      for (let j = 0; j < len.length; j++) {
        const ref = segmentLength(x[j], y[j], x[j + 1], y[j + 1]);
        worst = Math.max(worst, Math.abs(len[j] - ref) / Math.max(ref, 1e-9));
      }
      expect(worst).toBeLessThan(1e-13);
    });
  }

  it('fills only the pieces asked for', () => {
    const line = walk(100, 2.8, 50.4, 0.001, 7);
    const x = Float64Array.from(line, (p) => p[0]);
    const y = Float64Array.from(line, (p) => p[1]);
    const len = new Float64Array(99).fill(-1);
    pieceLengthsInto(x, y, 10, 21, len); // points 10 … 20: pieces 10 … 19
    expect(len[9]).toBe(-1);
    expect(len[20]).toBe(-1);
    for (let j = 10; j < 20; j++) expect(len[j]).toBeCloseTo(segmentLength(x[j], y[j], x[j + 1], y[j + 1]), 9);
  });
});

describe('routeFrame from the frame before an edit', () => {
  const route = walk(20_001, 2.3, 50.4, 0.0002, 11);
  const previous = routeFrame(route);
  const moved = (p: Position): Position => [p[0] + 0.0003, p[1] - 0.0002];
  const edits: [string, Position[] | Position[][]][] = [
    ['5 km moved in the middle', [...route.slice(0, 8000), ...route.slice(8000, 8500).map(moved), ...route.slice(8500)]],
    ['points added in the middle', [...route.slice(0, 8000), [2.9, 50.5], [2.91, 50.51], ...route.slice(8000)]],
    ['points removed in the middle', [...route.slice(0, 8000), ...route.slice(9000)]],
    ['the start moved', [moved(route[0]), ...route.slice(1)]],
    ['the end moved', [...route.slice(0, -1), moved(route[route.length - 1])]],
    ['points appended', [...route, [3.5, 50.6], [3.51, 50.61]]],
    ['the first half dropped', route.slice(10_000)],
    ['the same route', route.slice()],
    ['everything moved', route.map(moved)],
    ['split into two segments at the same points', [route.slice(0, 10_000), route.slice(10_000)]],
    ['one point', [route[0]]],
    ['no point', []],
  ];
  for (const [name, edited] of edits) {
    it(`gives the frame built afresh: ${name}`, () => {
      expectSameFrame(routeFrame(edited, previous), routeFrame(edited));
    });
  }

  it('gives the frame built afresh when the frame before had segments and the new route joins them', () => {
    const split = routeFrame([route.slice(0, 10_000), route.slice(10_000)]);
    expectSameFrame(routeFrame(route, split), previous);
  });
});
