// Network layers merged with the embedded lines (src/core/graph/merge.ts), golden files Turf
// style: test/fixtures/merge-network/in/NAME.geojson holds the embedded lines (role "base", read
// by networkFileLines as the pipeline reads cavaliers.geojson), the layer's lines (any other
// feature, read by networkLinesFromLayer) and joinTolerance_m; out/NAME.json gives the graph's
// counts, the joins the merge adds, and the metres by kind of way.
//
// Second method: each kind's metres equal the GeographicLib length of the input lines of that
// kind (noding splits lines, it adds or loses nothing), and the joins' metres that of the joins.
import type { Feature, FeatureCollection, LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { edgeKindName, EdgeKind } from '../../src/core/graph/graph';
import { baseJoinKeys, mergeNetworkLines } from '../../src/core/graph/merge';
import { networkFileLines, networkLinesFromLayer } from '../../src/core/import/network';
import { expectGolden, goldenNames, readInput, rounded } from '../helpers/golden';
import { karneyLength } from '../helpers/karney';

const MODULE = 'merge-network';

describe('network merge: golden files', () => {
  const names = goldenNames(MODULE, 'geojson');
  it('finds the fixtures', () => expect(names.length).toBeGreaterThanOrEqual(5));

  for (const name of names) {
    it(name, () => {
      const fc = readInput<FeatureCollection<LineString> & { joinTolerance_m: number }>(MODULE, name, 'geojson');
      const isBase = (f: Feature) => f.properties?.role === 'base';
      const base = networkFileLines({ ...fc, features: fc.features.filter(isBase) });
      const layer = networkLinesFromLayer({ ...fc, features: fc.features.filter((f) => !isBase(f)) });
      const before = JSON.stringify(layer);
      const m = mergeNetworkLines(base, [layer], { joinTolerance_m: fc.joinTolerance_m });
      // the callers' lines are not moved by the noding
      expect(JSON.stringify(layer)).toBe(before);
      // the keys kept by the engine across merges give the same joins
      expect(mergeNetworkLines(base, [layer], { joinTolerance_m: fc.joinTolerance_m, baseJoinKeys: baseJoinKeys(base, fc.joinTolerance_m) }).joins).toEqual(
        m.joins,
      );

      const metres: Record<string, number> = {};
      for (let e = 0; e < m.graph.edgeCount; e++) {
        const k = edgeKindName(m.graph.edgeKind[e]);
        metres[k] = (metres[k] ?? 0) + m.graph.edgeLength[e];
      }
      const mm = Object.fromEntries(Object.entries(metres).map(([k, v]) => [k, Math.round(v * 1000) / 1000]));
      expectGolden(MODULE, name, rounded({ nodes: m.graph.nodeCount, edges: m.graph.edgeCount, components: m.components, joins: m.joins, metres_m: mm }));

      const expected: Record<string, number> = {};
      for (const l of [...base, ...layer]) expected[edgeKindName(l.kind)] = (expected[edgeKindName(l.kind)] ?? 0) + karneyLength(l.coords);
      for (const [k, v] of Object.entries(metres)) {
        if (k === edgeKindName(EdgeKind.gap)) continue;
        expect(v, k).toBeCloseTo(expected[k], 2);
      }
      const joinsInGraph = metres.gap ?? 0;
      expect(m.joins.reduce((s, j) => s + karneyLength(j), 0)).toBeLessThanOrEqual(joinsInGraph + 1e-6);
    });
  }
});
