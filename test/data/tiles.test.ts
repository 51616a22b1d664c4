// The PMTiles writer and the vector tiles of the big layers, read back with independent code:
// the `pmtiles` package (reader, over the bytes in memory), @mapbox/vector-tile + pbf (MVT decoder),
// and tile/pixel arithmetic written here from the Web Mercator formulas.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Feature, FeatureCollection, Geometry, GeoJsonProperties } from 'geojson';
import { PMTiles, zxyToTileId as refTileId, type Source, type RangeResponse } from 'pmtiles';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { PMTilesWriter, TileType, Compression, zxyToTileId } from '../../data/steps/pmtiles-writer.ts';
import { TILE_RULE, buildTiles, shouldTile } from '../../data/steps/tiles.ts';
import { DEFAULT_OUT_DIR } from '../../data/io.ts';

/** a pmtiles Source over bytes in memory */
function memorySource(bytes: Uint8Array, key = 'memory'): Source {
  return {
    getKey: () => key,
    getBytes: async (offset: number, length: number): Promise<RangeResponse> => ({
      data: bytes.slice(offset, offset + length).buffer as ArrayBuffer,
    }),
  };
}

const EXTENT = 4096;

/** lon/lat → fractional tile coordinates at zoom z (Web Mercator, written independently of geojson-vt) */
function toTile(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const x = ((lon + 180) / 360) * n;
  const s = Math.sin((lat * Math.PI) / 180);
  const y = (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n;
  return [x, y];
}

function decode(data: ArrayBuffer): VectorTile {
  return new VectorTile(new PbfReader(new Uint8Array(data)));
}

describe('PMTiles v3 writer', () => {
  it('numbers tiles on the Hilbert curve like the reference reader', () => {
    for (let z = 0; z <= 6; z++) for (let x = 0; x < 2 ** z; x++) for (let y = 0; y < 2 ** z; y++) expect(zxyToTileId(z, x, y)).toBe(refTileId(z, x, y));
    // a few deep tiles (the basin at z14 and z20)
    for (const [z, x, y] of [
      [14, 8300, 5450],
      [14, 8365, 5477],
      [20, 531_234, 349_876],
      [26, 33_554_431, 0],
    ])
      expect(zxyToTileId(z, x, y)).toBe(refTileId(z, x, y));
    // hand-checked: z1 is 1 + Hilbert order (0,0) (0,1) (1,1) (1,0)
    expect([zxyToTileId(0, 0, 0), zxyToTileId(1, 0, 0), zxyToTileId(1, 0, 1), zxyToTileId(1, 1, 1), zxyToTileId(1, 1, 0)]).toEqual([0, 1, 2, 3, 4]);
  });

  it('writes a header, metadata and tiles that the pmtiles package reads back; identical tiles are stored once', async () => {
    const w = new PMTilesWriter();
    const same = new Uint8Array([1, 2, 3, 4, 5]);
    const other = new Uint8Array([9, 8, 7]);
    // tile ids 3 and 4 are consecutive (z1 (1,1) then (1,0)): a run of the same content
    w.addTile(1, 1, 1, same);
    w.addTile(1, 1, 0, same);
    w.addTile(0, 0, 0, other);
    w.addTile(2, 3, 3, same); // same content, not consecutive: a second entry at the same offset
    const { bytes, stats } = w.finish(
      { tileType: TileType.Mvt, tileCompression: Compression.None, minZoom: 0, maxZoom: 2, bounds: [2.2, 50.2, 3.7, 50.7], center: [3, 50.4, 1] },
      { name: 'test', vector_layers: [{ id: 'a', fields: {} }] },
    );
    expect(stats).toMatchObject({ addressedTiles: 4, tileEntries: 3, tileContents: 2, leafDirectories: 0, bytes: bytes.length });
    expect(new TextDecoder().decode(bytes.slice(0, 7))).toBe('PMTiles');
    const p = new PMTiles(memorySource(bytes));
    const h = await p.getHeader();
    expect(h).toMatchObject({
      specVersion: 3,
      rootDirectoryOffset: 127,
      numAddressedTiles: 4,
      numTileEntries: 3,
      numTileContents: 2,
      clustered: true,
      internalCompression: 2,
      tileCompression: 1,
      tileType: 1,
      minZoom: 0,
      maxZoom: 2,
      centerZoom: 1,
    });
    expect(h.minLon).toBeCloseTo(2.2, 6);
    expect(h.maxLat).toBeCloseTo(50.7, 6);
    expect(h.tileDataLength).toBe(same.length + other.length);
    expect(await p.getMetadata()).toEqual({ name: 'test', vector_layers: [{ id: 'a', fields: {} }] });
    const get = async (z: number, x: number, y: number) => {
      const r = await p.getZxy(z, x, y);
      return r ? [...new Uint8Array(r.data)] : null;
    };
    expect(await get(1, 1, 1)).toEqual([...same]);
    expect(await get(1, 1, 0)).toEqual([...same]);
    expect(await get(2, 3, 3)).toEqual([...same]);
    expect(await get(0, 0, 0)).toEqual([...other]);
    expect(await get(1, 0, 0)).toBeNull();
    expect(await get(2, 0, 0)).toBeNull();
  });

  it('moves entries to leaf directories when the root would pass 16 KiB, and they still read back', { timeout: 60_000 }, async () => {
    const w = new PMTilesWriter();
    // ~100,000 tiles of z9 with irregular gaps and lengths (a regular pattern would gzip into a small root)
    let seed = 12345;
    const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const tile = (x: number, y: number) => {
      const len = 1 + ((x * 31 + y * 17) % 97);
      return Uint8Array.from({ length: len }, (_, i) => (x + y * 3 + i) & 255);
    };
    const kept: [number, number][] = [];
    for (let x = 0; x < 512; x++)
      for (let y = 0; y < 512; y++)
        if (rnd() < 0.4) {
          w.addTile(9, x, y, tile(x, y));
          kept.push([x, y]);
        }
    const { bytes, stats } = w.finish({ tileType: TileType.Mvt, tileCompression: Compression.None, minZoom: 9, maxZoom: 9, bounds: [-180, -85, 180, 85] }, {});
    expect(stats.leafDirectories).toBeGreaterThan(1);
    const p = new PMTiles(memorySource(bytes));
    const h = await p.getHeader();
    expect(h.rootDirectoryLength).toBeLessThanOrEqual(16384 - 127);
    expect(h.leafDirectoryLength).toBeGreaterThan(0);
    expect(h.numAddressedTiles).toBe(kept.length);
    for (const k of [0, 1, 777, 20_000, kept.length - 1]) {
      const [x, y] = kept[k];
      const r = await p.getZxy(9, x, y);
      expect([...new Uint8Array(r!.data)]).toEqual([...tile(x, y)]);
    }
    expect(await p.getZxy(9, 511, 511).then((r) => r && [...new Uint8Array(r.data)])).toEqual(
      kept.some(([x, y]) => x === 511 && y === 511) ? [...tile(511, 511)] : undefined,
    );
  });
});

describe('vector tiles of the layers', () => {
  it('tiles GeoJSON of 16 KB or more (the rule written in the manifest)', () => {
    expect(TILE_RULE.minBytes).toBe(16_384);
    expect(shouldTile(16_384)).toBe(true);
    expect(shouldTile(16_383)).toBe(false);
  });

  it('puts a point where the Mercator formulas say (hand-checked) with its properties and id', async () => {
    // lat 66.51326°: Mercator y = 1/4 of the world, i.e. the middle of tile z1 (1, 0) vertically;
    // lon 90°: the middle of tile z1 x = 1 horizontally → (2048, 2048) in a 4096 tile
    const features: Feature<Geometry, GeoJsonProperties>[] = [
      {
        type: 'Feature',
        properties: { name: 'milieu', n: 3, ok: true, gone: null, nested: { a: 1 } },
        geometry: { type: 'Point', coordinates: [90, 66.51326044311186] },
      },
    ];
    const r = await buildTiles([{ id: 'pts', features }], { minzoom: 0, maxzoom: 1 });
    const p = new PMTiles(memorySource(r.bytes));
    expect(await p.getZxy(1, 0, 0)).toBeUndefined();
    const t = decode((await p.getZxy(1, 1, 0))!.data);
    const f = t.layers.pts.feature(0);
    expect(t.layers.pts.length).toBe(1);
    expect(f.id).toBe(0);
    expect(f.properties).toEqual({ name: 'milieu', n: 3, ok: true, nested: '{"a":1}' });
    expect(f.loadGeometry()).toEqual([[{ x: 2048, y: 2048 }]]);
    expect(r.layers[0]).toMatchObject({ id: 'pts', fields: ['name', 'n', 'ok', 'gone', 'nested'], nullable: ['gone'] });
    const meta = (await p.getMetadata()) as { vector_layers: { id: string; fields: Record<string, string> }[] };
    expect(meta.vector_layers[0]).toMatchObject({ id: 'pts', fields: { name: 'String', n: 'Number', ok: 'Boolean', gone: 'String', nested: 'String' } });
  });

  // Turf-style fixtures: test/fixtures/tiles/in/<name>.geojson → out/<name>.json, written by hand
  const fixtures = path.join(path.dirname(new URL(import.meta.url).pathname), '../fixtures/tiles');
  for (const file of fs.readdirSync(path.join(fixtures, 'in')).filter((f) => f.endsWith('.geojson'))) {
    const name = file.replace(/\.geojson$/, '');
    it(`fixture ${name}: tiles decode to the hand-written expectation`, async () => {
      const fc = JSON.parse(fs.readFileSync(path.join(fixtures, 'in', file), 'utf8')) as FeatureCollection<Geometry, GeoJsonProperties>;
      const expected = JSON.parse(fs.readFileSync(path.join(fixtures, 'out', `${name}.json`), 'utf8')) as {
        zoom: number;
        tiles: Record<string, { id: number; type: number; geometry: number[][][]; properties: Record<string, unknown> }[]>;
      };
      const z = expected.zoom;
      const p = new PMTiles(memorySource((await buildTiles([{ id: name, features: fc.features }], { minzoom: z, maxzoom: z })).bytes));
      const got: Record<string, unknown[]> = {};
      for (let x = 0; x < 2 ** z; x++)
        for (let y = 0; y < 2 ** z; y++) {
          const r = await p.getZxy(z, x, y);
          if (!r) continue;
          const layer = decode(r.data).layers[name];
          got[`${z}/${x}/${y}`] = Array.from({ length: layer.length }, (_, i) => {
            const f = layer.feature(i);
            return { id: f.id, type: f.type, geometry: f.loadGeometry().map((ring) => ring.map((pt) => [pt.x, pt.y])), properties: f.properties };
          });
        }
      expect(got).toEqual(expected.tiles);
    });
  }

  // The real layers built by `npm run data:ensure` (pretest): every feature at z14, where geojson-vt
  // simplifies nothing, with its properties, and every vertex within the tile quantisation.
  // Missing data is a failure (pretest builds it), never a skip.
  const dataDir = DEFAULT_OUT_DIR;
  it('keeps every feature, property and vertex of puits, reseau and communes at z14', async () => {
    const read = (id: string) => JSON.parse(fs.readFileSync(path.join(dataDir, `${id}.geojson`), 'utf8')) as FeatureCollection<Geometry, GeoJsonProperties>;
    const src = { puits: read('puits'), reseau: read('reseau'), communes: read('communes') };
    const r = await buildTiles(Object.entries(src).map(([id, fc]) => ({ id, features: fc.features })));
    const p = new PMTiles(memorySource(r.bytes));
    const h = await p.getHeader();
    expect([h.minZoom, h.maxZoom, h.tileType, h.tileCompression]).toEqual([0, 14, 1, 2]);
    const z = 14;
    const [x0, y1] = toTile(h.minLon, h.minLat, z).map(Math.floor);
    const [x1, y0] = toTile(h.maxLon, h.maxLat, z).map(Math.floor);
    const seen: Record<string, Set<number>> = { puits: new Set(), reseau: new Set(), communes: new Set() };
    let worst = 0; // largest distance (tile units) from a decoded line/point vertex to its source vertex
    let tiles = 0;
    for (let x = x0; x <= x1; x++)
      for (let y = y0; y <= y1; y++) {
        const res = await p.getZxy(z, x, y);
        if (!res) continue;
        tiles++;
        const t = decode(res.data);
        for (const id of ['puits', 'reseau', 'communes'] as const) {
          const layer = t.layers[id];
          if (!layer) continue;
          expect(layer.extent).toBe(EXTENT);
          for (let i = 0; i < layer.length; i++) {
            const f = layer.feature(i);
            const source = src[id].features[f.id!];
            seen[id].add(f.id!);
            // properties equal, null ones left out (MVT has no null)
            const expected = Object.fromEntries(Object.entries(source.properties ?? {}).filter(([, v]) => v !== null));
            expect(f.properties).toEqual(expected);
            if (id === 'communes') continue; // polygons: clipped rings, counted and named only
            // each decoded vertex is a source vertex (within rounding), or a clip point on the buffered tile edge
            const coords: number[][] =
              source.geometry.type === 'Point' ? [source.geometry.coordinates] : source.geometry.type === 'LineString' ? source.geometry.coordinates : [];
            const px = coords.map(([lon, lat]) => toTile(lon, lat, z)).map(([tx, ty]) => [(tx - x) * EXTENT, (ty - y) * EXTENT]);
            for (const ring of f.loadGeometry())
              for (const v of ring) {
                const onEdge = v.x <= -64 + 1 || v.x >= EXTENT + 64 - 1 || v.y <= -64 + 1 || v.y >= EXTENT + 64 - 1;
                if (onEdge) continue;
                const d = Math.min(...px.map(([a, b]) => Math.hypot(a - v.x, b - v.y)));
                worst = Math.max(worst, d);
              }
          }
        }
      }
    expect(tiles).toBeGreaterThan(500);
    // every feature of every layer is in the z14 tiles
    expect(seen.puits.size).toBe(src.puits.features.length);
    expect(seen.reseau.size).toBe(src.reseau.features.length);
    expect(seen.communes.size).toBe(src.communes.features.length);
    // rounding to the 4096 grid moves a vertex by at most √2/2 unit (0.27 m at z14 here)
    expect(worst).toBeGreaterThan(0); // the check ran on vertices
    expect(worst).toBeLessThanOrEqual(Math.SQRT1_2 + 1e-9);
    // communes: the tile holding Lens's town hall has the commune named Lens
    const [lx, ly] = toTile(2.8318, 50.4322, z);
    const lens = decode((await p.getZxy(z, Math.floor(lx), Math.floor(ly)))!.data).layers.communes;
    const names = Array.from({ length: lens.length }, (_, i) => lens.feature(i).properties.name);
    expect(names).toContain('Lens');
    // the whole embedded network (1,600 km since the véloroutes and OSM routes) cut and read back
  }, 60_000);
});
