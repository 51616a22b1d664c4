// The worker's engine called directly in node, on the embedded network built by the pipeline.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import geodesicLib from 'geographiclib-geodesic';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../workers/engine';

const geod = geodesicLib.Geodesic.WGS84;
const refLength = (pts: number[][]) => pts.slice(1).reduce((s, p, i) => s + geod.Inverse(pts[i][1], pts[i][0], p[1], p[0]).s12!, 0);
const dataDir = join(import.meta.dirname, '../../public/data');

describe('engine on the embedded network', () => {
  const engine = createEngine();
  beforeAll(() => {
    const buf = readFileSync(join(dataDir, 'network.bin'));
    const meta = JSON.parse(readFileSync(join(dataDir, 'network.json'), 'utf8'));
    engine.loadNetwork(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer, meta.names);
  });

  it('snaps a click near a cavalier and refuses one in open country', () => {
    // a vertex of the network, moved ~30 m north
    const reseau = JSON.parse(readFileSync(join(dataDir, 'reseau.geojson'), 'utf8'));
    const [lon, lat] = reseau.features[100].geometry.coordinates[0];
    const s = engine.snap(lon, lat + 0.00027)!;
    expect(s).not.toBeNull();
    expect(s.distance_m).toBeLessThanOrEqual(31);
    expect(engine.snap(2.0, 51.0)).toBeNull();
  });

  it('routes a leg along the network whose length is the geodesic length of its points', async () => {
    const reseau = JSON.parse(readFileSync(join(dataDir, 'reseau.geojson'), 'utf8'));
    const path = reseau.features.find((f: { properties: { kind: string; length_m: number } }) => f.properties.kind === 'path' && f.properties.length_m > 2000);
    const coords = path.geometry.coordinates;
    const [leg] = await engine.legs([{ from: coords[0], to: coords[coords.length - 1], mode: 'network' }]);
    expect(leg.fallback).toBeUndefined();
    expect(leg.length_m).toBeCloseTo(refLength(leg.coords), 0);
    // at most the edge's own length (a shorter way round is allowed), and more than the straight line
    expect(leg.length_m).toBeLessThanOrEqual(path.properties.length_m + 0.1);
    expect(leg.length_m).toBeGreaterThanOrEqual(refLength([coords[0], coords[coords.length - 1]]) - 0.01);
  });

  it('falls back to a flagged straight line between unconnected pieces', async () => {
    const [leg] = await engine.legs([{ from: [2.3, 50.5], to: [2.31, 50.5], mode: 'network' }]);
    expect(leg.fallback).toBe('off-network');
    expect(leg.coords.length).toBe(2);
    const [straight] = await engine.legs([{ from: [2.3, 50.5], to: [2.31, 50.5], mode: 'straight' }]);
    expect(straight.fallback).toBeUndefined();
    expect(straight.length_m).toBeCloseTo(
      refLength([
        [2.3, 50.5],
        [2.31, 50.5],
      ]),
      3,
    );
  });

  it('analyses a drawn route: no elevation until a DEM is loaded, then the DEM is named', async () => {
    const legs = await engine.legs([{ from: [2.8, 50.43], to: [2.83, 50.43], mode: 'straight' }]);
    const before = engine.analyseLegs(legs);
    expect(before.profile).toBeNull();
    expect(before.elevationSource).toEqual({ kind: 'none' });
    const values = new Float32Array(4).fill(42);
    engine.loadDem({ name: 'test', approximate: true, west: 2.7, south: 50.4, east: 2.9, north: 50.5, width: 2, height: 2, values, nodata: -9999 });
    const after = engine.analyseLegs(legs);
    expect(after.elevationSource).toEqual({ kind: 'dem', name: 'test', approximate: true });
    expect(after.profile!.min).toBeCloseTo(42, 5);
    expect(after.profile!.ascent).toBe(0);
    engine.loadDem(null);
  });
});
