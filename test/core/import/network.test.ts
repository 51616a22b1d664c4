import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/core/graph/build';
import { EdgeKind, edgeKindName } from '../../../src/core/graph/graph';
import { importLayer } from '../../../src/core/import/layer';
import { networkLinesFromLayer } from '../../../src/core/import/network';
import { karney } from '../../helpers/karney';

function layer(name: string): FeatureCollection {
  const r = importLayer(readFileSync(`test/fixtures/import/${name}`, 'utf8'), name);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.fc;
}

const fc = (props: Record<string, unknown>[]): FeatureCollection => ({
  type: 'FeatureCollection',
  features: props.map((properties, i) => ({
    type: 'Feature',
    properties,
    geometry: {
      type: 'LineString',
      coordinates: [
        [2.8 + i * 0.01, 50.4],
        [2.8 + i * 0.01, 50.41],
      ],
    },
  })),
});

describe('networkLinesFromLayer', () => {
  it('maps OSM highway tags to way types and leaves motorways out', () => {
    const lines = networkLinesFromLayer(layer('overpass-loos.json'));
    expect(lines.map((l) => [edgeKindName(l.kind), l.name])).toEqual([
      ['path', 'Sentier du terril'],
      ['track', undefined],
      ['road', 'Rue des Alouettes'],
      ['cycleway', "Véloroute (coupée par l'extrait)"],
    ]);
    expect(lines[0].coords).toEqual([
      [2.7679993, 50.4416072],
      [2.7666439, 50.4443072],
    ]);
  });

  it.each([
    [{ highway: 'footway' }, 'path'],
    [{ highway: 'bridleway' }, 'path'],
    [{ highway: 'steps' }, 'path'],
    [{ highway: 'tertiary' }, 'road'],
    [{ highway: 'unclassified' }, 'road'],
    [{ highway: 'living_street' }, 'road'],
    [{ highway: 'something_new' }, 'path'],
    [{ id_troncon: '001_01', nom: 'Voie ferrée' }, 'cavalier'],
    [{ objet: 'B (cavalier)' }, 'cavalier'],
    [{ forme: 'Cavalier' }, 'cavalier'],
    [{ way: 'terril' }, 'terril'],
    [{ kind: 'cycleway' }, 'cycleway'],
    [{ way: 'gap' }, 'path'],
    [{}, 'path'],
  ])('%j → %s', (props, kind) => {
    expect(edgeKindName(networkLinesFromLayer(fc([props]))[0].kind)).toBe(kind);
  });

  it('uses the default kind for lines that say nothing, and skips points and areas', () => {
    const lines = networkLinesFromLayer(layer('mixed-geometries.geojson'), { defaultKind: 'track' });
    // the line feature and the line inside the GeometryCollection
    expect(lines.map((l) => [l.kind, l.coords.length])).toEqual([
      [EdgeKind.track, 2],
      [EdgeKind.track, 2],
    ]);
  });

  it('splits a MultiLineString into one line per part', () => {
    const lines = networkLinesFromLayer(layer('cavaliers-l93-crs.geojson'));
    expect(lines.map((l) => edgeKindName(l.kind))).toEqual(['cavalier', 'cavalier', 'cavalier']);
    expect(lines[0].name).toBe('Voie ferrée fosse 11 - fosse 19 (Loos-en-Gohelle)');
  });
});

describe('an OSM export merged with the cavaliers', () => {
  // the Overpass path starts 10 m (Lambert-93 grid metres) from the middle of the Lambert-93
  // cavalier, at right angles: the two networks do not touch
  const cavalier = networkLinesFromLayer(layer('cavaliers-l93-crs.geojson')).slice(0, 1);
  const osm = networkLinesFromLayer(layer('overpass-loos.json'));

  it('is one connected component, joined by a bridged gap of about 10 m', () => {
    const { graph, report } = buildGraph([...cavalier, ...osm]);
    expect(report.components).toBe(1);
    expect(report.gaps).toBe(1);
    const gap = [...graph.edgeKind].indexOf(EdgeKind.gap);
    // Lambert-93's scale factor at 50.44° N is 1.00145 (proj -S): 10 grid metres are 9.986 m on
    // the ground at right angles; buildGraph finds the foot of the gap in a local flat frame,
    // which lengthens it by a few centimetres
    expect(graph.edgeLength[gap]).toBeGreaterThanOrEqual(9.98);
    expect(graph.edgeLength[gap]).toBeLessThan(10.05);
    const [a, b] = [graph.edgeFrom[gap], graph.edgeTo[gap]].map((n) => [graph.nodeCoords[2 * n], graph.nodeCoords[2 * n + 1]]);
    expect(karney(a[0], a[1], b[0], b[1])).toBeCloseTo(graph.edgeLength[gap], 3);
    expect(new Set([...graph.edgeKind].map(edgeKindName))).toEqual(new Set(['cavalier', 'path', 'track', 'road', 'cycleway', 'gap']));
  });

  it('stays in two pieces when the join tolerance is under the gap', () => {
    expect(buildGraph([...cavalier, ...osm], { joinTolerance_m: 5 }).report.components).toBe(2);
    // and the OSM ways alone, which share their nodes, are one piece
    expect(buildGraph(osm).report.components).toBe(1);
  });
});
