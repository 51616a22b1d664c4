import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { densify, drapeOnSources, fillFromSources, gridLayer, positionKey, samplesLayer } from '../../src/core/elevation/sources';
import { terrilAreas, terrilCrossings } from '../../src/core/elevation/terrils';
import { analyseTrack } from '../../src/core/route/analyse';
import type { DemGrid, Position } from '../../src/core/types';

const flat = (name: string, west: number, east: number, value: number, approximate: boolean): DemGrid => ({
  name,
  approximate,
  west,
  south: 50.42,
  east,
  north: 50.44,
  width: 2,
  height: 2,
  values: new Float32Array(4).fill(value),
  nodata: -9999,
});

// a user DEM at 100 m over the western half of the line (it ends at 2.81), the relief approché at 30 m everywhere
const dem = flat('mnt.asc', 2.79, 2.81, 100, false);
const approx = flat('Relief approché', 2.7, 2.9, 30, true);
// 2.80 → 2.82 along a parallel: 1,421 m, the DEM's edge in its middle
const line: Position[] = [
  [2.8, 50.43],
  [2.82, 50.43],
];

describe('elevation per point from the best source', () => {
  it('a DEM over half the route gives half DEM, half approximation, and the profile follows both', () => {
    const stats = analyseTrack([line], { layers: [gridLayer(dem), gridLayer(approx)] });
    // 72 pieces of 19.7 m (1,421 m / 20, rounded up): point 36 lies on the DEM's edge, which
    // belongs to it, so points 0..36 are DEM and 37..72 approximation; the piece 36 → 37 is
    // credited half to each: 36.5 / 72 of the length is DEM
    expect(Math.ceil(stats.length_m / 20)).toBe(72);
    expect(stats.elevationSources).toHaveLength(2);
    const bySource = Object.fromEntries(stats.elevationSources.map((s) => [s.source, s]));
    expect(bySource.dem.name).toBe('mnt.asc');
    expect(bySource.dem.share).toBeCloseTo(36.5 / 72, 9);
    expect(bySource.approximation.name).toBe('Relief approché');
    expect(bySource.approximation.share).toBeCloseTo(35.5 / 72, 9);
    const p = stats.profile!;
    // not a flat line at the DEM's last value: 100 m on the DEM, 30 m beyond it
    expect(p.elevations[0]).toBe(100);
    expect(p.elevations[p.elevations.length - 1]).toBeCloseTo(30, 9);
    expect(p.max).toBe(100);
    expect(p.min).toBeCloseTo(30, 9);
    expect(p.descent).toBeCloseTo(70, 6);
    expect(p.ascent).toBe(0);
    expect(stats.warnings).toEqual([]);
  });

  it('with the DEM alone the other half has no elevation, and says so', () => {
    const stats = analyseTrack([line], { dem });
    expect(stats.elevationSources.map((s) => [s.source, s.share * 72])).toEqual([
      ['dem', expect.closeTo(36.5, 9)],
      ['none', expect.closeTo(35.5, 9)],
    ]);
    expect(stats.warnings).toEqual([{ code: 'dem.partial-coverage', detail: { percent: 50 } }]);
  });

  it("keeps the file's own elevations where it has them, and asks the sources only where it has not", () => {
    // own ele on the first 3 points (2.80 → 2.81), none on the last (2.82)
    const track: Position[] = [
      [2.8, 50.43, 50],
      [2.805, 50.43, 52],
      [2.81, 50.43, 54],
      [2.82, 50.43],
    ];
    const d = drapeOnSources([track], [gridLayer(approx)]);
    // the first two pieces are not densified (both ends carry an elevation): 3 points, then 36 pieces of ~19.7 m
    expect(d.segments[0].slice(0, 3)).toEqual(track.slice(0, 3));
    expect(d.segments[0]).toHaveLength(3 + 36);
    const shares = Object.fromEntries(d.shares.map((s) => [s.source, s.share]));
    // the file's own half, plus half of the first densified piece (it starts on the file's last value)
    expect(shares.track).toBeCloseTo(0.5 + 0.5 / 72, 3);
    expect(shares.approximation).toBeCloseTo(0.5 - 0.5 / 72, 3);
    expect(d.segments[0].at(-1)).toEqual([2.82, 50.43, 30]);
  });

  it('the online samples answer at the very positions asked, and the exported points take their values', () => {
    const pts = densify(line, 500);
    expect(pts).toHaveLength(4);
    const cache = new Map(pts.map((p, i) => [positionKey(p[0], p[1]), i === 3 ? null : 60 + i]));
    const online = samplesLayer('online', 'RGE ALTI', cache);
    // the service's no-data (null) at the end: the relief approché answers there
    expect(fillFromSources(pts, [online, gridLayer(approx)]).map((p) => p[2])).toEqual([60, 61, 62, 30]);
    const d = drapeOnSources([line], [online, gridLayer(approx)], { step: 500 });
    expect(d.shares.map((s) => s.source)).toEqual(['online', 'approximation']);
    expect(d.shares[0].share).toBeCloseTo(5 / 6, 6); // 2.5 of 3 pieces
  });
});

describe('the relief approché says where it misses a terril', () => {
  const data = resolve(import.meta.dirname, '../../public/data');
  const terrils = terrilAreas(JSON.parse(readFileSync(resolve(data, 'terrils.geojson'), 'utf8')) as FeatureCollection);
  const head = JSON.parse(readFileSync(resolve(data, 'relief.json'), 'utf8')) as Omit<DemGrid, 'values'>;
  const bin = readFileSync(resolve(data, 'relief.bin'));
  const relief: DemGrid = { ...head, values: new Float32Array(bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength)) };
  // west to east over the 11/19 de Lens Est (T074, 2.7804–2.7860 E at 50.4452 N)
  const over1119: Position[] = [
    [2.776, 50.4452],
    [2.79, 50.4452],
  ];

  it('over the 11/19 with the relief approché: a warning naming it, the ascent a lower bound', () => {
    const stats = analyseTrack([over1119], { dem: relief, terrils });
    expect(stats.elevationSources.map((s) => s.source)).toEqual(['approximation']);
    expect(stats.ascentLowerBound).toBe(true);
    const w = stats.warnings.find((x) => x.code === 'relief.terril-missing');
    expect(w?.detail?.terrils).toContain('T074 · 11/19 de Lens Est');
    expect(Number(w?.detail?.length_m)).toBeGreaterThan(200);
    // the relief approché has the plain there: nothing like the terril's 140 m
    expect(stats.profile!.max - stats.profile!.min).toBeLessThan(20);
  });

  it('no warning where a measured DEM gives the elevations over the terril', () => {
    const measured = { ...flat('RGE ALTI', 2.77, 2.8, 70, false), south: 50.44, north: 50.45 };
    const stats = analyseTrack([over1119], { layers: [gridLayer(measured), gridLayer(relief)], terrils });
    expect(stats.ascentLowerBound).toBe(false);
    expect(stats.warnings.map((w) => w.code)).not.toContain('relief.terril-missing');
  });

  it('a cavalier (the embankment routes run on) is no terril to climb', () => {
    // along the Cavalier du 15 de Lens (T078a, forme « Cavalier »), and well away from any raised terril
    const d = drapeOnSources(
      [
        [
          [2.8055, 50.4473],
          [2.8125, 50.4475],
        ],
      ],
      [gridLayer(relief)],
    );
    expect(terrils.some((t) => t.id === 'T078a')).toBe(false);
    expect(terrilCrossings(d, [gridLayer(relief)], terrils)).toEqual([]);
  });
});
