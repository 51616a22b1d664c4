// `cavalier route`, run as a user runs it, against the engine the page uses (workers/engine.ts)
// on the same network.bin: each point snapped by engine.snap, the legs by engine.legs, the
// way-type breakdown by engine.analyseLegs, as src/ui/hooks/use-route-editing.ts and the stats
// panel get them. The figures must be the app's, to the centimetre.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTrackFile } from '../src/core/gpx/read';
import { parseXmlWithXmldom } from '../src/core/gpx/xml';
import { DETOUR_RATIO } from '../src/core/route/leg';
import { createEngine } from '../workers/engine';
import { PROJECT_ROOT, runCavalier } from './helpers/cli';
import { ROUTES, TOWNS } from './bench/towns';

const dataDir = join(PROJECT_ROOT, 'public/data');
const bytes = (p: string) => {
  const b = readFileSync(p);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

async function appFigures(points: [number, number][]) {
  const engine = createEngine();
  const meta = JSON.parse(readFileSync(join(dataDir, 'network.json'), 'utf8')) as { names: string[] };
  engine.loadNetwork(bytes(join(dataDir, 'network.bin')), meta.names);
  // a click: snapped when a path is within the radius, kept where it is otherwise
  const snapped = points.map((p) => {
    const s = engine.snap(p[0], p[1]);
    return (s ? [s.lon, s.lat] : p) as [number, number];
  });
  const legs = await engine.legs(snapped.slice(1).map((to, i) => ({ from: snapped[i], to, mode: 'network' as const })));
  const stats = engine.analyseLegs(legs);
  return { snapped, legs, stats };
}

const pt = (p: [number, number]) => `${p[0]},${p[1]}`;
const cm = (a: number, b: number) => expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThanOrEqual(0.01);

describe('cavalier route', { timeout: 60_000 }, () => {
  // Béthune → Lens → Douai → Valenciennes, then a point in a field 1 km from any path
  const points: [number, number][] = [...ROUTES[0].map((t) => TOWNS[t]), [3.56, 50.3]];

  it('prints the app’s figures: length, metres off the network, legs, way types', async () => {
    const r = await runCavalier(['route', ...points.map(pt), '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const app = await appFigures(points);

    expect(out.legs).toHaveLength(app.legs.length);
    out.points.forEach((p: [number, number], i: number) => {
      expect(p[0]).toBeCloseTo(app.snapped[i][0], 6);
      expect(p[1]).toBeCloseTo(app.snapped[i][1], 6);
    });
    cm(out.length_m, app.stats.length_m);
    cm(out.straight_m, app.stats.ways?.['off-network'] ?? 0);
    app.legs.forEach((leg, i) => {
      cm(out.legs[i].length_m, leg.length_m);
      expect(out.legs[i].straight).toBe(leg.fallback !== undefined);
      expect(out.legs[i].fallback).toBe(leg.fallback ?? null);
      if (leg.detour === undefined) expect(out.legs[i].detour).toBeNull();
      else expect(out.legs[i].detour).toBeCloseTo(leg.detour, 3);
      expect(out.legs[i].flagged).toBe((leg.detour ?? 0) > DETOUR_RATIO);
    });
    for (const [k, m] of Object.entries(app.stats.ways ?? {})) cm(out.ways[k] ?? 0, m ?? 0);
    expect(Object.keys(out.ways).sort()).toEqual(
      Object.keys(app.stats.ways ?? {})
        .filter((k) => (app.stats.ways?.[k] ?? 0) > 0)
        .sort(),
    );

    // the field point is too far to snap: its leg is drawn straight, off the network
    expect(out.legs[3].fallback).toBe('off-network');
    expect(out.points[4]).toEqual([3.56, 50.3]);
    // the new sources carry the route: véloroutes and OSM routes besides the cavaliers
    expect(out.ways.veloroute).toBeGreaterThan(1000);
    expect((out.ways.hiking ?? 0) + (out.ways.cycleroute ?? 0)).toBeGreaterThan(1000);
  });

  it('writes the app’s GPX with --gpx', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cavalier-route-')), 'r.gpx');
    const some = points.slice(1, 3);
    const r = await runCavalier(['route', ...some.map(pt), '--gpx', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Distance\u00a0: [\d,]+\u00a0km/);
    const app = await appFigures(some);
    const engine = createEngine();
    const expected = engine.routeGpx('Parcours Cavalier', app.legs).text;
    const written = readFileSync(file, 'utf8');
    // same points; elevations: the app's engine here has no relief loaded, the CLI fills them
    const got = readTrackFile(written, 'r.gpx', { parseXml: parseXmlWithXmldom });
    const want = readTrackFile(expected, 'e.gpx', { parseXml: parseXmlWithXmldom });
    expect(got.ok && want.ok).toBe(true);
    if (!got.ok || !want.ok) return;
    const g = got.value.segments[0];
    const w = want.value.segments[0];
    expect(g.length).toBe(w.length);
    expect(g.map((p) => [p[0], p[1]])).toEqual(w.map((p) => [p[0], p[1]]));
    expect(g.filter((p) => p[2] !== undefined).length).toBeGreaterThan(g.length / 2);
  });

  it('says what is wrong in French', async () => {
    const one = await runCavalier(['route', '2.8,50.4']);
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/au moins deux points/);
    const bad = await runCavalier(['route', '2.8;50.4', '2.9,50.4']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/n’est pas un point LON,LAT/);
    const missing = await runCavalier(['route', '2.8,50.4', '2.9,50.4'], { CAVALIER_DATA_DIR: tmpdir() });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/npm run data:build/);
    expect(missing.stderr).not.toMatch(/^\s+at /m);
  });
});
