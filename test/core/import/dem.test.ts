// DEMs in Lambert-93: resampling onto WGS84, ASCII grids and GeoTIFFs. Reference positions come
// from cs2cs (proj-bin 9.1.1), hard-coded, e.g. printf '50.4281 2.8255\n' | cs2cs -f %.4f EPSG:4326 EPSG:2154
import { readFileSync } from 'node:fs';
import { writeArrayBuffer } from 'geotiff';
import { describe, expect, it } from 'vitest';
import { formatError } from '../../../src/i18n/messages';
import { sampleDem } from '../../../src/core/elevation/dem';
import { readGeoTiff } from '../../../src/core/elevation/geotiff';
import { readDemFile } from '../../../src/core/elevation/read-dem';
import { reprojectGrid, type SourceGrid } from '../../../src/core/elevation/reproject';
import type { DemGrid } from '../../../src/core/types';
import { karney } from '../../helpers/karney';

// 80 × 80 cells of 25 m around Lens, Lambert-93
const W = 687000;
const S = 7036000;
const N = 7038000;
const SIZE = 80;
const CELL = 25;

/** A plane in Lambert-93 metres: bilinear sampling reproduces it exactly. */
const plane = (x: number, y: number) => 30 + 0.01 * (x - W) + 0.02 * (y - S);

function l93Grid(value: (x: number, y: number, i: number, j: number) => number, nodata = -99999): SourceGrid {
  const values = new Float32Array(SIZE * SIZE);
  for (let j = 0; j < SIZE; j++) {
    for (let i = 0; i < SIZE; i++) values[j * SIZE + i] = value(W + (i + 0.5) * CELL, N - (j + 0.5) * CELL, i, j);
  }
  return { crs: 'EPSG:2154', west: W, south: S, east: W + SIZE * CELL, north: N, width: SIZE, height: SIZE, values, nodata };
}

// cs2cs EPSG:4326 → EPSG:2154 (lon, lat → x, y)
const PROBES: [[number, number], [number, number]][] = [
  [
    [2.83, 50.43],
    [687903.4527, 7036954.7],
  ],
  [
    [2.8255, 50.4281],
    [687582.7827, 7036743.745],
  ],
  [
    [2.8366, 50.4352],
    [688374.2813, 7037532.9736],
  ],
];

function ascText(src: SourceGrid): string {
  const rows: string[] = [];
  for (let j = 0; j < src.height; j++) rows.push(Array.from(src.values.subarray(j * src.width, (j + 1) * src.width)).join(' '));
  return `ncols ${src.width}\nnrows ${src.height}\nxllcorner ${src.west}\nyllcorner ${src.south}\ncellsize ${CELL}\nNODATA_value ${src.nodata}\n${rows.join('\n')}\n`;
}

function tiff(src: SourceGrid, extra: Record<string, unknown> = {}): ArrayBuffer {
  return writeArrayBuffer(src.values, {
    width: src.width,
    height: src.height,
    ModelPixelScale: [CELL, CELL, 0],
    ModelTiepoint: [0, 0, 0, src.west, src.north, 0],
    ProjectedCSTypeGeoKey: 2154,
    GTModelTypeGeoKey: 1,
    GTRasterTypeGeoKey: 1,
    GDAL_NODATA: String(src.nodata),
    ...extra,
  });
}

const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

describe('reprojectGrid', () => {
  it('reproduces a plane given in Lambert-93 at points placed by cs2cs (within 1 mm of altitude)', () => {
    const dem = reprojectGrid(l93Grid(plane), { name: 'BD ALTI' });
    expect(dem.name).toBe('BD ALTI');
    expect(dem.approximate).toBe(false);
    for (const [[lon, lat], [x, y]] of PROBES) expect(sampleDem(dem, lon, lat)).toBeCloseTo(plane(x, y), 3);
  });

  it('keeps the cells about 25 m on the ground and covers the source', () => {
    const dem = reprojectGrid(l93Grid(plane), { name: 'x' });
    const dx = (dem.east - dem.west) / dem.width;
    const dy = (dem.north - dem.south) / dem.height;
    const mid = (dem.north + dem.south) / 2;
    expect(karney(dem.west, mid, dem.west + dx, mid)).toBeCloseTo(25, 1);
    expect(karney(dem.west, mid, dem.west, mid + dy)).toBeCloseTo(25, 1);
    // the source's corners, by cs2cs EPSG:2154 EPSG:4326, lie inside the result
    expect(dem.west).toBeLessThanOrEqual(2.8177976112 - 0.0005);
    expect(dem.north).toBeGreaterThanOrEqual(50.4390295093);
    expect(dem.width).toBeGreaterThanOrEqual(SIZE);
    expect(dem.width).toBeLessThanOrEqual(SIZE + 2);
  });

  it('puts a summit where cs2cs puts its Lambert-93 position (orientation, no flip)', () => {
    // one 100 m cell at column 20, row 39: centre (687512.5, 7037012.5) → 2.8245039214, 50.4305111862
    const dem = reprojectGrid(
      l93Grid((_x, _y, i, j) => (i === 20 && j === 39 ? 100 : 0)),
      { name: 'x' },
    );
    let best = 0;
    for (let k = 1; k < dem.values.length; k++) if (dem.values[k] > dem.values[best]) best = k;
    const i = best % dem.width;
    const j = Math.floor(best / dem.width);
    const dx = (dem.east - dem.west) / dem.width;
    const dy = (dem.north - dem.south) / dem.height;
    const lon = dem.west + (i + 0.5) * dx;
    const lat = dem.north - (j + 0.5) * dy;
    expect(karney(lon, lat, 2.8245039214, 50.4305111862)).toBeLessThan(25);
    expect(dem.values[best]).toBeGreaterThan(25);
  });

  it('turns what a nodata cell weighs in into nodata', () => {
    // column 39, row 60: centre (687987.5, 7036487.5) → 2.8311952001, 50.4258076061
    const dem = reprojectGrid(
      l93Grid((x, y, i, j) => (i === 39 && j === 60 ? -99999 : plane(x, y))),
      { name: 'x' },
    );
    expect(dem.nodata).toBe(-99999);
    expect(sampleDem(dem, 2.8311952001, 50.4258076061)).toBeNull();
    expect(sampleDem(dem, ...PROBES[0][0])).toBeCloseTo(plane(...PROBES[0][1]), 3);
  });

  it('returns a WGS84 grid as it is', () => {
    const src: SourceGrid = {
      crs: 'EPSG:4326',
      west: 2.8,
      south: 50.4,
      east: 2.9,
      north: 50.5,
      width: 1,
      height: 1,
      values: Float32Array.of(7),
      nodata: -9999,
    };
    const dem = reprojectGrid(src, { name: 'w', approximate: true });
    expect(dem).toEqual({
      name: 'w',
      approximate: true,
      west: 2.8,
      south: 50.4,
      east: 2.9,
      north: 50.5,
      width: 1,
      height: 1,
      values: Float32Array.of(7),
      nodata: -9999,
    });
  });
});

describe('readDemFile: ESRI ASCII grids', () => {
  it('reads a Lambert-93 grid (detected from its extent) and resamples it', async () => {
    const dem = unwrap(await readDemFile(ascText(l93Grid(plane)), 'dalles/BDALTIV2_25M_0687_7038.asc'));
    expect(dem.name).toBe('BDALTIV2_25M_0687_7038');
    for (const [[lon, lat], [x, y]] of PROBES) expect(sampleDem(dem, lon, lat)).toBeCloseTo(plane(x, y), 3);
  });

  it('reads the same grid from bytes', async () => {
    const text = ascText(l93Grid(plane));
    const bytes = new TextEncoder().encode(text);
    const fromBytes = unwrap(await readDemFile(bytes.buffer, 'a.asc'));
    expect(fromBytes).toEqual(unwrap(await readDemFile(text, 'a.asc')));
  });

  it('asks for the system when the extent fits none, and uses the one given', async () => {
    const odd = ascText(l93Grid(plane)).replace(`xllcorner ${W}`, 'xllcorner 5000000');
    expect(await readDemFile(odd, 'a.asc')).toEqual({ ok: false, error: { code: 'crs.unknown' } });
    const asGiven = await readDemFile(ascText(l93Grid(plane)), 'a.asc', { from: 'EPSG:2154', name: 'RGE ALTI' });
    expect(asGiven.ok && asGiven.value.name).toBe('RGE ALTI');
  });

  it('keeps WGS84 grids unchanged', async () => {
    const dem = unwrap(await readDemFile(readFileSync('test/fixtures/dem/plane.asc', 'utf8'), 'plane.asc'));
    expect(dem.name).toBe('plane');
  });

  it('refuses a header declaring more cells than can be loaded, in French, before allocating them', async () => {
    const text = 'ncols 100000\nnrows 100000\nxllcorner 687000\nyllcorner 7036000\ncellsize 25\n1 2 3\n';
    const r = await readDemFile(text, 'enorme.asc');
    expect(r).toEqual({ ok: false, error: { code: 'dem.too-many-cells', detail: { ncols: 100000, nrows: 100000, limit_mcells: 50 } } });
    if (r.ok) return;
    expect(formatError(r.error, 'fr')).toBe(
      'MNT trop grand\u00a0: son en-tête déclare 100000\u00a0×\u00a0100000 cellules, au-delà des 50\u00a0millions de cellules que Cavalier peut charger. Découpez-le ou rééchantillonnez-le à un pas plus large.',
    );
    // at the limit the header is believed, and the values then counted
    const atLimit = await readDemFile('ncols 10000\nnrows 5000\nxllcorner 687000\nyllcorner 7036000\ncellsize 25\n1 2 3\n', 'a.asc');
    expect(atLimit).toEqual({ ok: false, error: { code: 'dem.invalid-grid', detail: { reason: 'count', expected: 50_000_000, found: 3 } } });
  });

  it('refuses a file over 200 MB before reading it', async () => {
    const big = { byteLength: 200 * 1024 * 1024 + 1 } as ArrayBuffer;
    expect(await readDemFile(big, 'big.tif')).toEqual({ ok: false, error: { code: 'file.too-large', detail: { limit_mb: 200 } } });
  });
});

describe('readDemFile and readGeoTiff: GeoTIFF', () => {
  it('reads a Lambert-93 Float32 GeoTIFF to the same grid as the same data in ASCII', async () => {
    const src = l93Grid((x, y, i, j) => (i === 39 && j === 60 ? -99999 : plane(x, y)));
    const fromTiff = unwrap(await readDemFile(tiff(src), 'dalle.tif'));
    const fromAsc = unwrap(await readDemFile(ascText(src), 'dalle.asc'));
    expect(fromTiff).toEqual(fromAsc);
    const raw = unwrap(await readGeoTiff(tiff(src)));
    expect([raw.crs, raw.west, raw.south, raw.east, raw.north, raw.nodata]).toEqual(['EPSG:2154', W, S, W + SIZE * CELL, N, -99999]);
  });

  it('reads a north-up ModelTransformation like the equivalent scale and tie point', async () => {
    const src = l93Grid(plane);
    const affine = writeArrayBuffer(src.values, {
      width: SIZE,
      height: SIZE,
      ModelTransformation: [CELL, 0, 0, W, 0, -CELL, 0, N, 0, 0, 0, 0, 0, 0, 0, 1],
      ProjectedCSTypeGeoKey: 2154,
      GTModelTypeGeoKey: 1,
      GDAL_NODATA: '-99999',
    });
    expect(unwrap(await readGeoTiff(affine))).toEqual(unwrap(await readGeoTiff(tiff(src))));
  });

  it('reads a WGS84 GeoTIFF without resampling', async () => {
    const buf = writeArrayBuffer(Float32Array.of(1, 2, 3, 4, 5, 6), {
      width: 3,
      height: 2,
      ModelPixelScale: [0.001, 0.001, 0],
      ModelTiepoint: [0, 0, 0, 2.83, 50.43, 0],
      GeographicTypeGeoKey: 4326,
      GTModelTypeGeoKey: 2,
      GTRasterTypeGeoKey: 1,
    });
    const dem = unwrap(await readDemFile(buf, 'w.tif'));
    expect([dem.west, dem.north, dem.width, dem.height, dem.nodata]).toEqual([2.83, 50.43, 3, 2, -9999]);
    expect(dem.east).toBeCloseTo(2.833, 12);
    expect(dem.south).toBeCloseTo(50.428, 12);
    expect(Array.from(dem.values)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('reads a big-endian Int16 PixelIsPoint file written without the geotiff package', async () => {
    const bytes = readFileSync('test/fixtures/dem/lambert93-int16-point.tif');
    const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const raw = unwrap(await readGeoTiff(buf));
    // the tie point is the first pixel's centre: the corner is half a cell up and left
    expect([raw.crs, raw.west, raw.north, raw.east, raw.south, raw.nodata]).toEqual(['EPSG:2154', 687000, 7038000, 687150, 7037875, -32768]);
    expect(Array.from(raw.values.subarray(0, 8))).toEqual([10, 20, 30, 40, 50, 60, 70, 80]);
    expect(raw.values[3 * 6 + 4]).toBe(-32768);
    const dem: DemGrid = unwrap(await readDemFile(buf, 'x.tif'));
    // centre of the cell holding 150 (row 2, column 2): (687062.5, 7037937.5) → 2.8181498221, 50.4388056074
    expect(sampleDem(dem, 2.8181498221, 50.4388056074)).toBeCloseTo(150, 3);
    // centre of the nodata cell: (687112.5, 7037912.5) → 2.8188534284, 50.4385822198
    expect(sampleDem(dem, 2.8188534284, 50.4385822198)).toBeNull();
  });

  it('refuses a TIFF whose header declares more cells than can be loaded', async () => {
    const buf = tiff(l93Grid(plane));
    // ImageWidth (256) and ImageLength (257) in the first IFD: 60,000 × 60,000
    const dv = new DataView(buf);
    const le = dv.getUint16(0) === 0x4949;
    const ifd = dv.getUint32(4, le);
    for (let k = 0, n = dv.getUint16(ifd, le); k < n; k++) {
      const e = ifd + 2 + 12 * k;
      const tag = dv.getUint16(e, le);
      if (tag !== 256 && tag !== 257) continue;
      if (dv.getUint16(e + 2, le) === 3) dv.setUint16(e + 8, 60000, le);
      else dv.setUint32(e + 8, 60000, le);
    }
    expect(await readDemFile(buf, 'enorme.tif')).toEqual({
      ok: false,
      error: { code: 'dem.too-many-cells', detail: { ncols: 60000, nrows: 60000, limit_mcells: 50 } },
    });
  });

  it('refuses systems it cannot convert, rotated grids and broken files', async () => {
    const src = l93Grid(plane);
    expect(await readGeoTiff(tiff(src, { ProjectedCSTypeGeoKey: 3857 }))).toEqual({
      ok: false,
      error: { code: 'dem.unsupported-tiff', detail: { epsg: 3857 } },
    });
    const rotated = writeArrayBuffer(src.values, {
      width: SIZE,
      height: SIZE,
      ModelTransformation: [25, 5, 0, W, 5, -25, 0, N, 0, 0, 0, 0, 0, 0, 0, 1],
      ProjectedCSTypeGeoKey: 2154,
      GTModelTypeGeoKey: 1,
    });
    expect(await readGeoTiff(rotated)).toEqual({ ok: false, error: { code: 'dem.unsupported-tiff' } });
    const truncated = tiff(src).slice(0, 200);
    const r = await readDemFile(truncated, 'cut.tif');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('dem.invalid-grid');
  });

  it('uses the extent, or the caller’s choice, when the geokeys name no system', async () => {
    const src = l93Grid(plane);
    const userDefined = tiff(src, { ProjectedCSTypeGeoKey: 32767 });
    expect(unwrap(await readGeoTiff(userDefined)).crs).toBe('EPSG:2154');
    expect(unwrap(await readGeoTiff(userDefined, { from: 'EPSG:27572' })).crs).toBe('EPSG:27572');
  });
});
