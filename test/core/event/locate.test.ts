import { describe, expect, it } from 'vitest';
import {
  addCoursePoint,
  deleteCoursePoint,
  kmOfPoint,
  moveCoursePoint,
  newFormula,
  pointAtKm,
  pointsEvery,
  refreshCoursePoints,
  sortedCoursePoints,
  updateCoursePoint,
} from '../../../src/core/event';
import type { Position } from '../../../src/core/types';
import { karney, karneyLength } from '../../helpers/karney';
import { counter, northLine } from './helpers';

// five 0.01° steps north along the 2.8° E meridian, elevation 30 m + 10 m per step
const LINE = northLine(2.8, 50.4, 5, 0.01, (i) => 30 + 10 * i);
const CM = 0.01;

describe('kmOfPoint', () => {
  it('projects a point beside the line: km along the meridian, offset across it (GeographicLib)', () => {
    const on = kmOfPoint(LINE, [2.801, 50.423])!;
    expect(on.km * 1000).toBeCloseTo(karney(2.8, 50.4, 2.8, 50.423), 2);
    expect(on.offset_m).toBeCloseTo(karney(2.8, 50.423, 2.801, 50.423), 1);
    expect(on.position[0]).toBe(2.8);
    expect(on.position[1]).toBeCloseTo(50.423, 9);
    // elevation interpolated between 50.42 (50 m) and 50.43 (60 m)
    expect(on.position[2]).toBeCloseTo(53, 6);
  });

  it('clamps beyond the ends, and handles empty and one-point lines', () => {
    expect(kmOfPoint(LINE, [2.8, 50.3])!.km).toBe(0);
    expect(kmOfPoint(LINE, [2.8, 50.6])!.km * 1000).toBeCloseTo(karneyLength(LINE), 2);
    expect(kmOfPoint([], [2.8, 50.4])).toBeNull();
    expect(kmOfPoint([[2.8, 50.4]], [2.8, 50.41])).toMatchObject({ km: 0 });
  });

  it('on an out-and-back, the km hint picks the passage', () => {
    const out = northLine(2.8, 50.4, 3, 0.01);
    const back = out.slice(0, -1).reverse();
    const line = [...out, ...back];
    const first = karney(2.8, 50.4, 2.8, 50.42);
    const second = karneyLength(out) + karney(2.8, 50.43, 2.8, 50.42);
    expect(kmOfPoint(line, [2.8001, 50.42], 1.9)!.km * 1000).toBeCloseTo(first, 2);
    expect(kmOfPoint(line, [2.8001, 50.42], 4.1)!.km * 1000).toBeCloseTo(second, 2);
    // a passage much farther away never wins, whatever the hint
    const farther: Position[] = [
      [2.8, 50.4],
      [2.8, 50.43],
      [2.81, 50.43],
      [2.81, 50.4],
    ];
    expect(kmOfPoint(farther, [2.8001, 50.42], 5)!.km * 1000).toBeCloseTo(karney(2.8, 50.4, 2.8, 50.42), 2);
  });

  it('pointAtKm interpolates position and elevation, clamped to the ends', () => {
    const half = karney(2.8, 50.4, 2.8, 50.425) / 1000;
    const p = pointAtKm(LINE, half)!;
    expect(p[1]).toBeCloseTo(50.425, 7);
    expect(p[2]).toBeCloseTo(55, 4);
    expect(pointAtKm(LINE, -1)).toEqual(LINE[0]);
    expect(pointAtKm(LINE, 99)).toEqual(LINE[5]);
    expect(pointAtKm([], 1)).toBeNull();
  });
});

describe('pointsEvery', () => {
  // along the equator a degree of longitude is 2πa/360 = 111 319.4908 m (a = 6 378 137 m)
  const DEG_M = 111_319.4908;
  it('puts a mark every step within each piece, counting no distance across the gap between pieces', () => {
    const a: Position[] = [
      [0, 0],
      [0.02, 0],
    ]; // 2 226.39 m
    const b: Position[] = [
      [1, 0],
      [1.01, 0],
      [1.03, 0],
    ]; // 3 339.58 m, 1 113.19 m then 2 226.39 m
    const marks = pointsEvery([a, b], 1000);
    expect(marks.map((m) => m.along_m)).toEqual([1000, 2000, 3000, 4000, 5000]);
    expect(marks[0].position[0]).toBeCloseTo(1000 / DEG_M, 9);
    expect(marks[1].position[0]).toBeCloseTo(2000 / DEG_M, 9);
    // 3 000 m is 3 000 − 2 226.39 = 773.61 m into b, on its first segment
    expect(marks[2].position[0]).toBeCloseTo(1 + (3000 - 0.02 * DEG_M) / DEG_M, 8);
    // 5 000 m is on b's second segment
    expect(marks[4].position[0]).toBeCloseTo(1 + (5000 - 0.02 * DEG_M) / DEG_M, 8);
    for (const m of marks) expect(m.position[1]).toBe(0);
  });

  it('gives no mark at the start or at an end that falls on a step, and stops at the limit', () => {
    const line: Position[] = [
      [0, 0],
      [2000 / DEG_M, 0],
    ];
    expect(pointsEvery([line], 1000).map((m) => m.along_m)).toEqual([1000]);
    expect(pointsEvery([line], 100, 3).map((m) => m.along_m)).toEqual([100, 200, 300]);
    expect(pointsEvery([line], 0)).toEqual([]);
    expect(pointsEvery([[[0, 0]]], 10)).toEqual([]);
  });

  it('interpolates the elevation where both ends have one', () => {
    const m = pointsEvery([LINE], 1000)[0];
    const first = karney(LINE[0][0], LINE[0][1], LINE[1][0], LINE[1][1]);
    expect(m.position[2]).toBeCloseTo(30 + (10 * 1000) / first, 1);
  });
});

describe('course points', () => {
  const ids = counter('p');
  const withPoints = () => {
    let f = newFormula({ name: 'F' }, counter('f'));
    f = addCoursePoint(f, { kind: 'start', name: 'Départ', lonlat: [2.9, 50.5] }, LINE, ids);
    f = addCoursePoint(f, { kind: 'aid', name: 'Ravito', lonlat: [2.801, 50.423] }, LINE, ids);
    f = addCoursePoint(f, { kind: 'finish', name: 'Arrivée', lonlat: [0, 0] }, LINE, ids);
    return f;
  };

  it('are stored projected on the route; start and finish are its ends', () => {
    const f = withPoints();
    const [start, aid, finish] = f.coursePoints;
    expect(start).toMatchObject({ km: 0, lonlat: [2.8, 50.4] });
    expect(aid.lonlat[0]).toBe(2.8);
    expect(aid.km * 1000).toBeCloseTo(karney(2.8, 50.4, 2.8, 50.423), 2);
    expect(finish.km * 1000).toBeCloseTo(karneyLength(LINE), 2);
    expect(finish.lonlat).toEqual([LINE[5][0], LINE[5][1]]);
  });

  it('get their km again after the route is edited: a detour before the aid station adds its length', () => {
    const f = withPoints();
    // the first leg now bends 0.01° east on its way north
    const edited: Position[] = [[2.8, 50.4], [2.81, 50.405], ...LINE.slice(1)];
    const r = refreshCoursePoints(f, edited);
    const detour = karney(2.8, 50.4, 2.81, 50.405) + karney(2.81, 50.405, 2.8, 50.41);
    const aid = r.coursePoints[1];
    expect(aid.km * 1000).toBeCloseTo(detour + karney(2.8, 50.41, 2.8, 50.423), 1);
    expect(aid.lonlat).toEqual(f.coursePoints[1].lonlat); // the place stays, the km follows
    expect(r.coursePoints[2].km * 1000).toBeCloseTo(karneyLength(edited), 2);
    // nothing changes on the same geometry: the same object comes back
    expect(refreshCoursePoints(r, edited)).toBe(r);
    // and a shortened route pins the finish on its new end
    const short = refreshCoursePoints(f, LINE.slice(0, 3));
    expect(short.coursePoints[2].lonlat).toEqual([LINE[2][0], LINE[2][1]]);
  });

  it('keep their passage on an out-and-back when a detour is added before', () => {
    const out = northLine(2.8, 50.4, 3, 0.01);
    const line = [...out, ...out.slice(0, -1).reverse()];
    let f = newFormula({ name: 'AR' }, counter('g'));
    f = addCoursePoint(f, { kind: 'water', name: 'Eau', lonlat: [2.8001, 50.42] }, line, ids);
    // placed on the way back: move it with a hint-free projection, then fix its km as the UI would
    f = { ...f, coursePoints: [{ ...f.coursePoints[0], km: kmOfPoint(line, [2.8001, 50.42], 4.1)!.km }] };
    const edited: Position[] = [[2.8, 50.4], [2.805, 50.405], ...line.slice(1)];
    const r = refreshCoursePoints(f, edited);
    const expected = karneyLength(edited.slice(0, 5)) + karney(2.8, 50.43, 2.8, 50.42);
    expect(Math.abs(r.coursePoints[0].km * 1000 - expected)).toBeLessThan(CM);
  });

  it('move, update, delete and sort', () => {
    let f = withPoints();
    const aidId = f.coursePoints[1].id;
    f = moveCoursePoint(f, aidId, [2.7999, 50.411], LINE);
    expect(f.coursePoints[1].km * 1000).toBeCloseTo(karney(2.8, 50.4, 2.8, 50.411), 2);
    f = updateCoursePoint(f, aidId, { name: 'Ravito 1', cutoff: { minutesFromStart: 90 } });
    expect(f.coursePoints[1]).toMatchObject({ name: 'Ravito 1', cutoff: { minutesFromStart: 90 } });
    f = updateCoursePoint(f, aidId, { cutoff: null });
    expect(f.coursePoints[1].cutoff).toBeUndefined();
    const order = sortedCoursePoints([f.coursePoints[2], f.coursePoints[1], f.coursePoints[0]]).map((p) => p.kind);
    expect(order).toEqual(['start', 'aid', 'finish']);
    expect(deleteCoursePoint(f, aidId).coursePoints).toHaveLength(2);
    expect(deleteCoursePoint(f, 'nope')).toBe(f);
  });
});
