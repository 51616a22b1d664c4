// Pipeline step: the vector tiles of the big embedded layers (see data/steps/tiles.ts for the rule).
// Reads the GeoJSON files already written to outDir, writes public/data/layers.pmtiles and records
// `tiles` on the manifest entries it tiled. The GeoJSON files stay: the worker and the review read them.
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, Geometry, GeoJsonProperties } from 'geojson';
import type { LayerManifest } from '../src/core/layers';
import { writeBytes } from './io';
import { TILE_MAXZOOM, TILE_MINZOOM, buildTiles, shouldTile, type TilesResult } from './steps/tiles';

const TILES_FILE = 'layers.pmtiles';

export interface TilesReport {
  layers: string[];
  bytes: number;
  tiles: number;
  contents: number;
  ms: number;
}

export async function buildTilesLayer(outDir: string, manifest: LayerManifest): Promise<TilesReport> {
  const chosen = manifest.layers.filter((l) => {
    if (l.status === 'to-import' || !l.url) return false;
    const file = join(outDir, '..', l.url);
    return existsSync(file) && shouldTile(statSync(file).size);
  });
  const target = join(outDir, TILES_FILE);
  for (const l of manifest.layers) delete l.tiles;
  if (chosen.length === 0) {
    rmSync(target, { force: true });
    return { layers: [], bytes: 0, tiles: 0, contents: 0, ms: 0 };
  }
  const inputs = chosen.map((l) => {
    const fc = JSON.parse(readFileSync(join(outDir, '..', l.url!), 'utf8')) as FeatureCollection<Geometry, GeoJsonProperties>;
    return { id: l.id, features: fc.features, description: l.title.fr };
  });
  const attribution = [...new Set(chosen.map((l) => l.source))].join(' ; ');
  const result: TilesResult = await buildTiles(inputs, { attribution });
  writeBytes(target, result.bytes);
  for (const l of chosen) {
    const info = result.layers.find((i) => i.id === l.id)!;
    l.tiles = {
      url: `data/${TILES_FILE}`,
      sourceLayer: l.id,
      minzoom: TILE_MINZOOM,
      maxzoom: TILE_MAXZOOM,
      ...(info.nullable.length ? { nullable: info.nullable } : {}),
    };
  }
  return {
    layers: chosen.map((l) => l.id),
    bytes: result.bytes.length,
    tiles: result.stats.addressedTiles,
    contents: result.stats.tileContents,
    ms: result.stats.ms,
  };
}
