// The roadbook's map and profile as numbers: positions checked by hand on a line going north
// (x constant, y proportional to the distance) and on the hand-made profile of roadbook.test.ts.
import { describe, expect, it } from 'vitest';
import { newFormula, roadbook } from '../../../src/core/event';
import type { CoursePoint, Formula } from '../../../src/core/event/model';
import type { ElevationProfile, Position } from '../../../src/core/types';
import { karney, karneyLength } from '../../helpers/karney';
import { counter, northLine } from './helpers';

const LAP = northLine(2.8, 50.4, 5, 0.01);
const L = karneyLength(LAP);
const PROFILE: ElevationProfile = { distances: [0, 2000, 4000, L], elevations: [0, 50, 20, 80], lonlats: [], ascent: 110, descent: 30, min: 0, max: 80 };
const pt = (id: string, kind: CoursePoint['kind'], km: number, name = id): CoursePoint => ({ id, kind, name, lonlat: [0, 0], km });

function formula(laps: number): Formula {
  return {
    ...newFormula({ name: 'XC', laps, loop: laps > 1 }, counter()),
    coursePoints: [pt('a', 'aid', 1, 'Ravito'), pt('cp', 'checkpoint', 3, 'Contrôle')],
  };
}

describe('roadbook map', () => {
  it('draws the lap north-up to scale, with a mark every 500 m on a 5.6 km lap', () => {
    const rb = roadbook(formula(1), LAP, { profile: PROFILE, crossings: [{ km: 4.5, name: 'D 937' }] });
    const map = rb.map!;
    // a line going north fills the height (460 − 2 × 24 padding), centred across
    expect(map.start).toEqual([350, 436]);
    expect(map.finish[0]).toBeCloseTo(350, 6);
    expect(map.finish[1]).toBeCloseTo(24, 6);
    expect(map.loop).toBe(false);
    expect(map.kmMarks.map((m) => m.km)).toEqual([0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5]);
    // each mark is up the line in proportion to its distance (GeographicLib length of the line)
    for (const m of map.kmMarks) {
      expect(m.at[0]).toBeCloseTo(350, 6);
      expect(m.at[1]).toBeCloseTo(436 - ((m.km * 1000) / L) * 412, 0);
    }
    // the aid station at 1 km, the checkpoint at 3 km, the crossing at 4.5 km, the finish at the top
    expect(map.points.map((p) => [p.kind, Math.round(p.at[1])])).toEqual([
      ['aid', Math.round(436 - (1000 / L) * 412)],
      ['checkpoint', Math.round(436 - (3000 / L) * 412)],
      ['crossing', Math.round(436 - (4500 / L) * 412)],
      ['finish', 24],
    ]);
    // the scale bar: a round length, in units at the map's scale (412 units for the line's length)
    expect([1000, 2000, 2500, 5000]).toContain(map.scale.metres);
    expect((map.scale.units / map.scale.metres) * karney(2.8, 50.4, 2.8, 50.45)).toBeCloseTo(412, 0);
    expect(map.path.startsWith('M350 436L350')).toBe(true);
  });

  it('says a loop is a loop, so start and finish are drawn apart', () => {
    const out = northLine(2.8, 50.4, 5, 0.002);
    const loop: Position[] = [...out, [2.81, 50.41], [2.81, 50.4], [2.8, 50.4]];
    expect(roadbook(formula(1), loop).map!.loop).toBe(true);
  });
});

describe('roadbook profile', () => {
  it('puts every row on the elevation line at its km, laps one after the other', () => {
    const rb = roadbook(formula(2), LAP, { profile: PROFILE });
    const p = rb.profile!;
    const { left, right, top, bottom } = p.plot;
    // 0–80 m in 20 m ticks, 0–2L km in round ticks
    expect(p.yTicks.map((t) => t.m)).toEqual([0, 20, 40, 60, 80]);
    expect(p.xTicks[0]).toEqual({ km: 0, x: left });
    const x = (km: number) => left + ((km * 1000) / (2 * L)) * (right - left);
    const y = (m: number) => bottom - (m / 80) * (bottom - top);
    const byRow = (kind: string, lap: number) => p.points[rb.rows.findIndex((r) => r.kind === kind && r.lap === lap)].at;
    // aid at 1 km: 25 m (half of the first 50 m); on lap 2 at L + 1 km, the same
    expect(byRow('aid', 1)[0]).toBeCloseTo(x(1), 6);
    expect(byRow('aid', 1)[1]).toBeCloseTo(y(25), 6);
    expect(byRow('aid', 2)[0]).toBeCloseTo(x(L / 1000 + 1), 6);
    expect(byRow('aid', 2)[1]).toBeCloseTo(y(25), 6);
    // checkpoint at 3 km: halfway down from 50 to 20 m
    expect(byRow('checkpoint', 1)[1]).toBeCloseTo(y(35), 6);
    // the lap end is at 80 m, the finish at the right edge
    expect(byRow('lap', 1)[1]).toBeCloseTo(y(80), 6);
    expect(byRow('finish', 2)[0]).toBeCloseTo(right, 6);
    // the line: 4 samples a lap, twice
    expect(p.line.match(/[ML]/g)).toHaveLength(8);
    expect(p.area.endsWith('Z')).toBe(true);
  });

  it('has no profile without elevations, and no map without a line', () => {
    expect(roadbook(formula(1), LAP).profile).toBeNull();
    expect(roadbook(formula(1), []).map).toBeNull();
  });
});
