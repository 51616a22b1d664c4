// `cavalier stats` and its elevation sources: the share of each, the relief approché as the last
// resort (--relief), and the terril warning, on the real command.
import { describe, expect, it } from 'vitest';
import { runCavalier } from './helpers/cli';

const fixture = (name: string) => `test/fixtures/${name}`;

describe('cavalier stats: where the elevations come from', { timeout: 30_000 }, () => {
  it('a grid over half the route: half grid, half relief approché, in elevation_sources', async () => {
    // plane.asc spans 2.82–2.85 E; the route runs 2.83 → 2.87 E along 50.435 N: its first half is on the grid
    const r = await runCavalier(['stats', fixture('gpx/half-plane.gpx'), '--dem', fixture('dem/plane.asc'), '--relief', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.elevation_sources).toEqual([
      { source: 'dem', name: 'plane.asc', share: expect.closeTo(0.5, 2) },
      { source: 'approximation', name: expect.stringContaining('Relief approché'), share: expect.closeTo(0.5, 2) },
    ]);
    expect(out.elevation_sources[0].share + out.elevation_sources[1].share).toBeCloseTo(1, 6);
    // on the grid: z = 100 + 1000·(lon − 2.82) + 2000·(lat − 50.42), from 140 at the start to 157.5
    // at its easternmost cell centre (2.8475 E), held from there to its edge
    expect(out.max_ele_m).toBeCloseTo(157.5, 0);
    expect(out.ascent_lower_bound).toBe(false);
    expect(out.warnings).toEqual([]);
  });

  it('the grid alone: the other half is reported as without elevation, on stderr too', async () => {
    const r = await runCavalier(['stats', fixture('gpx/half-plane.gpx'), '--dem', fixture('dem/plane.asc'), '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.elevation_sources.map((s: { source: string }) => s.source).sort()).toEqual(['dem', 'none']);
    expect(out.warnings.map((w: { code: string }) => w.code)).toEqual(['dem.partial-coverage']);
    expect(r.stderr).toContain('ne couvrent que 50');
  });

  it('across the 11/19 on the relief approché: the climb is said to be missing, the ascent a minimum', async () => {
    const r = await runCavalier(['stats', fixture('gpx/over-11-19.gpx'), '--relief', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.elevation_source).toBe('dem');
    expect(out.elevation_sources).toEqual([{ source: 'approximation', name: expect.stringContaining('Relief approché'), share: 1 }]);
    expect(out.ascent_lower_bound).toBe(true);
    const w = out.warnings.find((x: { code: string }) => x.code === 'relief.terril-missing');
    expect(w.message).toContain('T074 · 11/19 de Lens Est');
    expect(w.message).toContain('140');
    expect(w.message).toContain('minimum');
    const text = await runCavalier(['stats', fixture('gpx/over-11-19.gpx'), '--relief']);
    expect(text.stdout).toMatch(/Dénivelé\u00a0: \+\d+\u00a0m au moins/);
    expect(text.stderr).toContain('ne contient pas les terrils');
  });
});
