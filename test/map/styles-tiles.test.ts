// Styles of a tiled layer: the same layers as from GeoJSON, each reading the entry's source-layer.
import { describe, expect, it } from 'vitest';
import { layersFor } from '../../src/map/styles';
import { BUILT_LAYERS } from '../../data/steps/manifest';

describe('layersFor with vector tiles', () => {
  for (const entry of BUILT_LAYERS) {
    it(`${entry.id}: same layers, on the archive's source with source-layer '${entry.id}'`, () => {
      const plain = layersFor(entry, true);
      const tiled = layersFor(entry, true, { source: 'cav-tiles:data/layers.pmtiles', sourceLayer: entry.id });
      expect(tiled.map((l) => l.id)).toEqual(plain.map((l) => l.id));
      tiled.forEach((l, i) => {
        expect(l).toMatchObject({ source: 'cav-tiles:data/layers.pmtiles', 'source-layer': entry.id });
        // everything else (type, paint, layout, filter) is the GeoJSON layer's
        const { source: _a, 'source-layer': _b, ...rest } = l as typeof l & { source: string; 'source-layer': string };
        const { source: _c, ...restPlain } = plain[i] as typeof l & { source: string };
        expect(rest).toEqual(restPlain);
      });
      expect(plain.every((l) => (l as { source?: string }).source === entry.id && !('source-layer' in l))).toBe(true);
    });
  }
});
