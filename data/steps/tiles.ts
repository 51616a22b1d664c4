// Vector tiles of the big layers (pure: features in, one PMTiles archive out).
//
// Rule (TILE_RULE): an embedded layer whose GeoJSON weighs 16 KB or more is ALSO served as vector
// tiles: one Mapbox Vector Tile source-layer per manifest id, all of them in one PMTiles v3 archive
// (public/data/layers.pmtiles). The map draws the tiles; the worker and the review keep reading the
// GeoJSON files (the tiles are simplified per zoom and are for display only).
//
// Tiles: geojson-vt cuts each layer (extent 4096, buffer 64, tolerance 3 — the same simplification
// maplibre applies to a GeoJSON source), mvt.ts encodes them (vt-pbf's bytes, twice as fast), and
// node's zlib gzips them on its thread pool while the next tiles are cut: gzip was the largest part
// of the time with fflate on the main thread (6.2 of 14.8 s on the benchmark's network). Feature ids are
// the feature's index in its GeoJSON file (what the GeoJSON source's generateId gives), so that a
// feature drawn across several tiles is one feature for the popups. MVT cannot store null: null
// properties are left out of the tiles and listed per layer (`nullable`) so the map can put them back.
//
// Memory: tiles are visited depth first and each geojson-vt tile is dropped once its children are
// done, so a regional layer (hundreds of thousands of lines) is cut without keeping every tile of
// every zoom in memory; only the encoded tiles are kept until the archive is written.

import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import GeoJSONVT from 'geojson-vt';
import { gzip } from 'node:zlib';
import { encodeTile, type VtFeature } from './mvt.ts';
import { Compression, PMTilesWriter, TileType, type PMTilesStats } from './pmtiles-writer.ts';

/**
 * Which embedded layers are tiled: GeoJSON of at least this many bytes. It was 200 KB; the layers
 * between (terrils, the basin's outline, neo-natural areas: 17–92 KB) were parsed and indexed
 * whole in maplibre's one worker before the first map could be drawn, where the tiles in view are
 * a few kB to decode: the first map came 1.19× sooner with them tiled (issue 15). The two files
 * under 16 KB (protections, the UNESCO cavaliers) stay GeoJSON sources.
 */
export const TILE_RULE = { minBytes: 16 * 1024 } as const;

export const shouldTile = (geojsonBytes: number): boolean => geojsonBytes >= TILE_RULE.minBytes;

export const TILE_MINZOOM = 0;
/** past this zoom maplibre overzooms the z14 tiles (0.4 m per tile unit at the basin's latitude) */
export const TILE_MAXZOOM = 14;
const EXTENT = 4096;
const BUFFER = 64;
const TOLERANCE = 3;

export interface TileLayerInput {
  id: string;
  features: readonly Feature<Geometry, GeoJsonProperties>[];
  description?: string;
}

interface TiledLayerInfo {
  id: string;
  /** property names in order of first appearance */
  fields: string[];
  /** properties present on every feature and null on some: left out of the tiles where null */
  nullable: string[];
  /** features of the source, in how many tiles of TILE_MAXZOOM the layer appears */
  features: number;
  tilesAtMaxZoom: number;
}

export interface TilesResult {
  bytes: Uint8Array;
  stats: PMTilesStats & { ms: number };
  layers: TiledLayerInfo[];
  bounds: [number, number, number, number];
}

interface BuildOptions {
  minzoom?: number;
  maxzoom?: number;
  /** gzip level of the tiles (default 6) */
  level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  attribution?: string;
  /**
   * Drop each geojson-vt tile once its subtree is written (default true). false keeps them all, as
   * a plain loop over geojson-vt does: the naive baseline of the benchmark (test/bench/tiles.ts).
   */
  forget?: boolean;
  /** called every 256 tiles visited (the benchmark samples memory with it) */
  onProgress?: (visited: number) => void;
  /** each tile written, gzipped (the benchmark checks that its peer wrote the same tiles) */
  onTile?: (z: number, x: number, y: number, bytes: Uint8Array) => void;
}

type VtIndex = GeoJSONVT & { tiles: Record<number, unknown> };

const toID = (z: number, x: number, y: number) => ((1 << z) * y + x) * 32 + z;

function describeFields(features: TileLayerInput['features']): { fields: string[]; nullable: string[]; types: Record<string, string> } {
  const order: string[] = [];
  const count = new Map<string, number>();
  const nulls = new Set<string>();
  const types: Record<string, string> = {};
  for (const f of features) {
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      if (!count.has(k)) order.push(k);
      count.set(k, (count.get(k) ?? 0) + 1);
      if (v === null || v === undefined) nulls.add(k);
      else if (!types[k]) types[k] = typeof v === 'number' ? 'Number' : typeof v === 'boolean' ? 'Boolean' : 'String';
    }
  }
  for (const k of order) types[k] ??= 'String';
  return { fields: order, nullable: order.filter((k) => nulls.has(k) && count.get(k) === features.length), types };
}

function boundsOf(layers: readonly TileLayerInput[]): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as number[];
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
    } else for (const d of c as unknown[]) visit(d);
  };
  for (const l of layers)
    for (const f of l.features) {
      const g = f.geometry;
      if (g.type === 'GeometryCollection') for (const h of g.geometries) visit((h as { coordinates: unknown }).coordinates);
      else visit(g.coordinates);
    }
  return [w, s, e, n];
}

/** Non-scalar property values become JSON text (MVT values are scalars); the map shows them as text. */
function scalarProperties(f: Feature<Geometry, GeoJsonProperties>): Feature<Geometry, GeoJsonProperties> {
  const p = f.properties;
  if (!p || Object.values(p).every((v) => v === null || typeof v !== 'object')) return f;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) out[k] = v !== null && typeof v === 'object' ? JSON.stringify(v) : v;
  return { ...f, properties: out };
}

/** gzip jobs in flight at most: enough to keep the thread pool busy, few enough to bound memory */
const IN_FLIGHT = 64;

/** Cuts the layers into vector tiles and writes one PMTiles archive (bytes in memory). */
export async function buildTiles(layers: readonly TileLayerInput[], options: BuildOptions = {}): Promise<TilesResult> {
  const t0 = performance.now();
  const minzoom = options.minzoom ?? TILE_MINZOOM;
  const maxzoom = options.maxzoom ?? TILE_MAXZOOM;
  const level = options.level ?? 6;
  const names = layers.map((l) => l.id);
  if (new Set(names).size !== names.length) throw new Error('tuiles : identifiants de couches en double');

  const indexes = layers.map(
    (l) =>
      new GeoJSONVT(
        { type: 'FeatureCollection', features: l.features.map(scalarProperties) as Feature[] },
        { maxZoom: maxzoom, indexMaxZoom: 5, indexMaxPoints: 100_000, extent: EXTENT, buffer: BUFFER, tolerance: TOLERANCE, generateId: true },
      ) as VtIndex,
  );
  const tilesAtMax = new Array<number>(layers.length).fill(0);
  const writer = new PMTilesWriter();
  const forget = options.forget ?? true;
  let visited = 0;
  let failed: Error | null = null;
  const inFlight = new Set<Promise<void>>();
  const compress = (z: number, x: number, y: number, pbf: Uint8Array) => {
    const job = new Promise<void>((resolve) =>
      gzip(pbf, { level }, (err, out) => {
        if (err) failed ??= err;
        else {
          const bytes = new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
          writer.addTile(z, x, y, bytes);
          options.onTile?.(z, x, y, bytes);
        }
        resolve();
      }),
    ).then(() => {
      inFlight.delete(job);
    });
    inFlight.add(job);
  };

  // depth first over the tiles where at least one layer has features (clipped into the tile, even
  // when simplification drops them all at this zoom: a commune is smaller than a pixel at z0)
  const visit = async (z: number, x: number, y: number, alive: number[]): Promise<void> => {
    const present: Record<string, { features: VtFeature[] }> = {};
    const next: number[] = [];
    for (const i of alive) {
      const t = indexes[i].getTileRaw(z, x, y) as { features: VtFeature[] } | null;
      const internal = indexes[i].tiles[toID(z, x, y)] as { numFeatures: number } | undefined;
      if (!t || !internal || internal.numFeatures === 0) continue;
      next.push(i);
      if (t.features.length > 0) {
        present[names[i]] = t;
        if (z === maxzoom) tilesAtMax[i]++;
      }
    }
    if (next.length === 0) return;
    if (options.onProgress && ++visited % 256 === 0) options.onProgress(visited);
    if (z >= minzoom && Object.keys(present).length > 0) {
      compress(z, x, y, encodeTile(present, { version: 2, extent: EXTENT }));
      if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    }
    if (z < maxzoom) {
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ])
        await visit(z + 1, 2 * x + dx, 2 * y + dy, next);
    }
    // this tile and its descendants are written: geojson-vt may forget them
    if (forget) for (const i of next) delete indexes[i].tiles[toID(z, x, y)];
  };
  await visit(
    0,
    0,
    0,
    layers.map((_, i) => i),
  );
  await Promise.all(inFlight);
  if (failed) throw failed;

  const bounds = boundsOf(layers);
  const infos: TiledLayerInfo[] = [];
  const vectorLayers = layers.map((l, i) => {
    const { fields, nullable, types } = describeFields(l.features);
    infos.push({ id: l.id, fields, nullable, features: l.features.length, tilesAtMaxZoom: tilesAtMax[i] });
    return { id: l.id, description: l.description ?? '', minzoom, maxzoom, fields: types };
  });
  const { bytes, stats } = writer.finish(
    {
      tileType: TileType.Mvt,
      tileCompression: Compression.Gzip,
      minZoom: minzoom,
      maxZoom: maxzoom,
      bounds,
      center: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, Math.min(Math.max(minzoom, 9), maxzoom)],
    },
    {
      name: 'cavalier',
      format: 'pbf',
      type: 'overlay',
      generator: 'cavalier data/steps/tiles.ts (geojson-vt + mvt.ts)',
      ...(options.attribution ? { attribution: options.attribution } : {}),
      vector_layers: vectorLayers,
    },
  );
  return { bytes, stats: { ...stats, ms: Math.round(performance.now() - t0) }, layers: infos, bounds };
}
