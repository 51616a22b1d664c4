// The MVT encoder of the pipeline against vt-pbf, the reference it replaces: the same bytes for
// every tile of real layers (polygons, lines, points) and for the property and geometry cases
// vt-pbf handles specially (null, negative, fractional, boolean, object values; long features;
// ids; text beyond ASCII). Then one tile read back with @mapbox/vector-tile, a third reader.
import fs from 'node:fs';
import path from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import type { Feature, FeatureCollection } from 'geojson';
import GeoJSONVT from 'geojson-vt';
import { PbfReader } from 'pbf';
import vtpbf from 'vt-pbf';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OUT_DIR } from '../../data/io.ts';
import { encodeTile, type VtFeature } from '../../data/steps/mvt.ts';

const OPTIONS = { version: 2, extent: 4096 };

type Index = GeoJSONVT & { tileCoords: { z: number; x: number; y: number }[] };
const index = (features: Feature[], maxZoom = 10) =>
  new GeoJSONVT(
    { type: 'FeatureCollection', features },
    { maxZoom, indexMaxZoom: maxZoom, indexMaxPoints: 0, extent: 4096, buffer: 64, tolerance: 3, generateId: true },
  ) as Index;

const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

function compareAll(layers: Record<string, Index>): number {
  let tiles = 0;
  const coords = new Map<string, { z: number; x: number; y: number }>();
  for (const idx of Object.values(layers)) for (const c of idx.tileCoords) coords.set(`${c.z}/${c.x}/${c.y}`, c);
  for (const { z, x, y } of coords.values()) {
    const raw: Record<string, { features: VtFeature[] }> = {};
    const legacy: Record<string, unknown> = {};
    for (const [name, idx] of Object.entries(layers)) {
      const t = idx.getTileRaw(z, x, y) as { features: VtFeature[] } | null;
      if (t?.features.length) {
        raw[name] = t;
        legacy[name] = idx.getTile(z, x, y);
      }
    }
    if (!Object.keys(raw).length) continue;
    const ours = encodeTile(raw, OPTIONS);
    const ref = vtpbf.fromGeojsonVt(legacy as never, OPTIONS);
    if (!same(ours, ref)) throw new Error(`tile ${z}/${x}/${y} differs: ${ours.length} bytes against ${ref.length}`);
    tiles++;
  }
  return tiles;
}

const read = (name: string) => (JSON.parse(fs.readFileSync(path.join(DEFAULT_OUT_DIR, name), 'utf8')) as FeatureCollection).features;

describe('encodeTile', () => {
  it('writes the bytes vt-pbf writes for every tile of real polygon, line and point layers', { timeout: 60_000 }, () => {
    const layers = {
      communes: index(read('communes.geojson'), 12),
      cavaliers: index(read('cavaliers.geojson'), 12),
      puits: index(read('puits.geojson'), 12),
    };
    expect(compareAll(layers)).toBeGreaterThan(50);
  });

  it('writes the same bytes for the values and shapes vt-pbf treats apart', { timeout: 60_000 }, () => {
    const long = Array.from({ length: 30_000 }, (_, i) => [2.5 + i * 1e-5, 50.4 + Math.sin(i / 50) * 0.01]);
    const features: Feature[] = [
      {
        type: 'Feature',
        properties: { n: -12, big: 2 ** 40, f: 1.5, yes: true, no: false, nul: null, o: { a: [1, 2] }, s: 'Nœux-les-Mines · 11/19 «\u00a0é\u00a0» 🏃' },
        geometry: { type: 'LineString', coordinates: long },
      },
      {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'MultiPoint',
          coordinates: [
            [2.6, 50.41],
            [2.61, 50.42],
            [2.62, 50.405],
          ],
        },
      },
      {
        type: 'Feature',
        properties: { n: -12, s: 'x' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [2.55, 50.38],
              [2.65, 50.38],
              [2.65, 50.45],
              [2.55, 50.45],
              [2.55, 50.38],
            ],
            [
              [2.58, 50.4],
              [2.6, 50.4],
              [2.6, 50.42],
              [2.58, 50.4],
            ],
          ],
        },
      },
    ];
    expect(compareAll({ cas: index(features, 12) })).toBeGreaterThan(10);
  });

  it('is read back by @mapbox/vector-tile as the features given', () => {
    const t = index([
      { type: 'Feature', properties: { name: 'T074', h: 140, lens: true }, geometry: { type: 'Point', coordinates: [2.79, 50.45] } },
      {
        type: 'Feature',
        properties: { name: 'cavalier', d: -3.25 },
        geometry: {
          type: 'LineString',
          coordinates: [
            [2.7, 50.4],
            [2.8, 50.5],
          ],
        },
      },
    ]).getTileRaw(7, 64, 43) as { features: VtFeature[] };
    const vt = new VectorTile(new PbfReader(encodeTile({ l: t }, OPTIONS)));
    const layer = vt.layers.l;
    expect(layer.version).toBe(2);
    expect(layer.extent).toBe(4096);
    expect(layer.length).toBe(2);
    expect(layer.feature(0).properties).toEqual({ name: 'T074', h: 140, lens: true });
    expect(layer.feature(0).id).toBe(0);
    expect(layer.feature(1).properties).toEqual({ name: 'cavalier', d: -3.25 });
    const line = layer.feature(1).loadGeometry()[0];
    expect(line).toHaveLength(2);
    // lon 2.7 in the units of tile x = 64 at z7: ((2.7 + 180) / 360 × 128 − 64) × 4096
    expect(line[0].x).toBe(Math.round((((2.7 + 180) / 360) * 128 - 64) * 4096));
  });
});
