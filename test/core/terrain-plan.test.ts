// Which terrain tiles a route needs (src/core/elevation/terrain-tiles.ts planTerrainTiles),
// golden files Turf style: test/fixtures/terrain-plan/in/NAME.json holds a URL template and a
// route's box ([west, south, east, north], null for NaN); out/NAME.json the plan or the error.
//
// Second method: the tile range recomputed here from the Web Mercator formulas (written apart
// from the core's), over the box grown by the margin.
import { describe, expect, it } from 'vitest';
import { planTerrainTiles, tileOfImage } from '../../src/core/elevation/terrain-tiles';
import { expectGolden, goldenNames, readInput } from '../helpers/golden';

const MODULE = 'terrain-plan';
const Z = 12;

function tileXY(lon: number, lat: number): [number, number] {
  const n = 2 ** Z;
  const s = Math.sin((lat * Math.PI) / 180);
  return [Math.floor(((lon + 180) / 360) * n), Math.floor((0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n)];
}

describe('terrain tiles of a route: golden files', () => {
  const names = goldenNames(MODULE);
  it('finds the fixtures', () => expect(names.length).toBeGreaterThanOrEqual(6));

  for (const name of names) {
    it(name, () => {
      const { template, bbox } = readInput<{ template: string; bbox: (number | null)[] }>(MODULE, name);
      const box = bbox.map((v) => v ?? NaN) as [number, number, number, number];
      const plan = planTerrainTiles(template, box);
      expectGolden(MODULE, name, plan);
      if (!plan.ok) return;
      const [w, s, e, n] = plan.value.bbox;
      const [x0, y0] = tileXY(w, n);
      const [x1, y1] = tileXY(e, s);
      expect(plan.value.tiles.map((t) => [t.x, t.y])).toEqual(
        Array.from({ length: x1 - x0 + 1 }, (_, i) => Array.from({ length: y1 - y0 + 1 }, (_, j) => [x0 + i, y0 + j])).flat(),
      );
      for (const t of plan.value.tiles) expect(t.url).toBe(template.replaceAll('{z}', String(Z)).replaceAll('{x}', String(t.x)).replaceAll('{y}', String(t.y)));
    });
  }
});

describe('tileOfImage', () => {
  it('takes a square image as a tile and refuses any other', () => {
    const data = new Uint8Array(4 * 4);
    expect(tileOfImage(3, 4, { width: 2, height: 2, data })).toEqual({ ok: true, value: { x: 3, y: 4, size: 2, rgba: data }, warnings: [] });
    expect(tileOfImage(3, 4, { width: 4, height: 1, data })).toEqual({ ok: false, error: { code: 'dem.tiles-failed', detail: { reason: 'tuile 4×1' } } });
  });
});
