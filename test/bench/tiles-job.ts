// One tiling job alone in its process, for test/bench/tiles.ts: peak RSS is the process's own.
// `node --import tsx test/bench/tiles-job.ts ours|peer EDGES` prints one JSON line.
//   ours: data/steps/tiles.ts (geojson-vt, mvt.ts, zlib on the thread pool, tiles dropped once written)
//   peer: geojson-vt + vt-pbf used plainly: one index, getTile down the tree, vt-pbf, zlib.gzipSync
// Both cut the same lines with the same options and write their tiles into a PMTiles archive.
import { gzipSync } from 'node:zlib';
import type { Feature, LineString } from 'geojson';
import GeoJSONVT from 'geojson-vt';
import vtpbf from 'vt-pbf';
import { PMTilesWriter, zxyToTileId } from '../../data/steps/pmtiles-writer';
import { buildTiles } from '../../data/steps/tiles';
import { syntheticNetwork } from './synthetic-network';

const [mode, edges] = [process.argv[2], Number(process.argv[3] ?? 500_000)];
const lines = syntheticNetwork({ targetEdges: edges });
const features: Feature<LineString>[] = lines.map((l) => ({
  type: 'Feature',
  properties: { kind: String(l.kind), name: l.name ?? '' },
  geometry: { type: 'LineString', coordinates: l.coords },
}));

// what both wrote: tile ids, sizes and an order-free checksum of the gzipped bytes
let tiles = 0;
let bytes = 0;
let sum = 0;
const seen = (z: number, x: number, y: number, b: Uint8Array) => {
  tiles++;
  bytes += b.length;
  let h = zxyToTileId(z, x, y) % 1_000_003;
  for (let i = 0; i < b.length; i += 61) h = (h * 31 + b[i]) % 1_000_003;
  sum = (sum + h) % 1_000_003;
};

const t = performance.now();
if (mode === 'ours') {
  await buildTiles([{ id: 'reseau', features }], { onTile: seen });
} else {
  const index = new GeoJSONVT(
    { type: 'FeatureCollection', features },
    { maxZoom: 14, indexMaxZoom: 5, indexMaxPoints: 100_000, extent: 4096, buffer: 64, tolerance: 3, generateId: true },
  );
  const writer = new PMTilesWriter();
  const visit = (z: number, x: number, y: number): void => {
    const tile = index.getTile(z, x, y);
    if (!tile) return;
    if (tile.features.length) {
      const gz = gzipSync(vtpbf.fromGeojsonVt({ reseau: tile }, { version: 2, extent: 4096 }), { level: 6 });
      writer.addTile(z, x, y, gz);
      seen(z, x, y, gz);
    }
    if (z < 14)
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ])
        visit(z + 1, 2 * x + dx, 2 * y + dy);
  };
  visit(0, 0, 0);
  writer.finish({ tileType: 1, tileCompression: 2, minZoom: 0, maxZoom: 14, bounds: [-180, -85, 180, 85], center: [0, 0, 0] }, {});
}
const ms = performance.now() - t;
const vertices = lines.reduce((n, l) => n + l.coords.length, 0);
console.log(JSON.stringify({ mode, ms, rssMb: process.resourceUsage().maxRSS / 1024, tiles, bytes, sum, lines: lines.length, vertices }));
