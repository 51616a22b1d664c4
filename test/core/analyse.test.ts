import { describe, expect, it } from 'vitest';
import { analyseTrack } from '../../src/core/route/analyse';
import type { DemGrid, Track } from '../../src/core/types';
import { karneyLength } from '../helpers/karney';

const track: Track = {
  name: 't',
  segments: [
    [
      [2.83, 50.43, 30],
      [2.835, 50.432, 32],
      [2.84, 50.433, 41],
    ],
    [
      [2.9, 50.5],
      [2.91, 50.51],
    ],
  ],
};

// one flat 40 m grid over the first segment only
const dem: DemGrid = {
  name: 'grille',
  approximate: true,
  west: 2.82,
  south: 50.42,
  east: 2.85,
  north: 50.44,
  width: 3,
  height: 2,
  values: new Float32Array(6).fill(40),
  nodata: -9999,
};

describe('analyseTrack', () => {
  it('sums lengths within segments, not across the gap, and profiles the file elevations', () => {
    const stats = analyseTrack(track.segments);
    const { warnings } = stats;
    expect(stats.length_m).toBeCloseTo(karneyLength(track.segments[0]) + karneyLength(track.segments[1]), 3);
    expect(stats.points).toBe(5);
    expect(stats.segments).toBe(2);
    expect(stats.elevationSource).toEqual({ kind: 'track' });
    expect(stats.profile?.ascent ?? NaN).toBeCloseTo(11, 6); // 30 → 41, steadily
    // the second segment has no elevation at all: said, not left as a silent flat line
    const first = karneyLength(track.segments[0]) / stats.length_m;
    expect(stats.elevationSources.map((s) => s.source)).toEqual(['none', 'track']);
    expect(stats.elevationSources[1].share).toBeCloseTo(first, 6);
    expect(warnings).toEqual([{ code: 'dem.partial-coverage', detail: { percent: Math.floor(100 * first) } }]);
  });

  it('takes elevations from a DEM and says how much of the track it covers', () => {
    const stats = analyseTrack(track.segments, { dem, preferDem: true });
    const { warnings } = stats;
    expect(stats.elevationSource).toEqual({ kind: 'dem', name: 'grille', approximate: true });
    expect(stats.profile?.min).toBe(40);
    expect(stats.profile?.max).toBe(40);
    expect(stats.profile?.ascent).toBe(0);
    expect(stats.points).toBe(5); // the file's points, not the densified ones
    expect(warnings.length).toBe(1);
    expect(warnings[0].code).toBe('dem.partial-coverage');
    const percent = Number(warnings[0].detail?.percent);
    expect(percent).toBeGreaterThan(0);
    expect(percent).toBeLessThan(100);
  });

  it("keeps the track's own elevations over a DEM unless told otherwise", () => {
    expect(analyseTrack(track.segments, { dem }).elevationSource).toEqual({ kind: 'track' });
  });

  it('reports no elevation source when nothing is known', () => {
    const flat: Track = { name: 'f', segments: track.segments.map((s) => s.map((p) => [p[0], p[1]])) };
    const stats = analyseTrack(flat.segments);
    expect(stats.profile).toBeNull();
    expect(stats.elevationSource).toEqual({ kind: 'none' });
  });
});
