// The embedded network built from its three sources (data/steps/network-sources.ts): what each
// keeps, the joins and components, against fixtures computed by hand (test/fixtures/network/README.md).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/core/graph/build';
import { EdgeKind } from '../../src/core/graph/graph';
import { JOIN_TOLERANCE_M } from '../../data/network';
import { networkFileLines } from '../../src/core/import/network';
import { embeddedNetworkLines, linesCollection, osmRouteExists, sourceOfKind, veloroutesBuilt } from '../../data/steps/network-sources';

const dir = join(import.meta.dirname, '../fixtures/network');
const names = readdirSync(join(dir, 'in'))
  .filter((f) => f.endsWith('.geojson'))
  .map((f) => f.replace(/\.geojson$/, ''));
const km = (m: number) => Math.round(m / 10) / 100;

function build(name: string) {
  const fc = JSON.parse(readFileSync(join(dir, 'in', `${name}.geojson`), 'utf8')) as FeatureCollection;
  const of = (source: string): FeatureCollection => ({
    type: 'FeatureCollection',
    features: fc.features.filter((f: Feature) => f.properties?.source === source),
  });
  const { lines, figures } = embeddedNetworkLines({ cavaliers: of('cavaliers'), veloroutes: of('veloroutes'), osmRoutes: of('osm-routes') }, [2, 50, 4, 51]);
  // as data/network.ts does: through the file the page reads back
  const built = buildGraph(networkFileLines(linesCollection(lines)), { joinTolerance_m: JOIN_TOLERANCE_M });
  return { lines, figures, ...built };
}

describe('network build on the three sources (fixtures)', () => {
  it('finds the fixtures', () => expect(names.length).toBeGreaterThanOrEqual(1));
  for (const name of names) {
    it(name, () => {
      const { report, figures } = build(name);
      const actual = {
        components: report.components,
        edges: report.edges,
        nodes: report.nodes,
        joins: report.gaps,
        joins_m: Math.round(report.gapLength_m),
        length_km: km(report.length_m),
        sources: figures.map((f) => ({ id: f.id, input_km: km(f.input_m), notBuilt_km: km(f.notBuilt_m), shared_km: km(f.shared_m), kept_km: km(f.kept_m) })),
      };
      const outPath = join(dir, 'out', `${name}.json`);
      expect(existsSync(outPath), `${outPath} is missing: write it by hand`).toBe(true);
      expect(actual).toEqual(JSON.parse(readFileSync(outPath, 'utf8')));
    });
  }

  it('gives every edge its source and kind', () => {
    const { graph } = build('three-sources');
    const kinds = new Set(Array.from(graph.edgeKind));
    expect(kinds).toEqual(new Set([EdgeKind.cavalier, EdgeKind.veloroute, EdgeKind.hiking, EdgeKind.gap]));
    expect(sourceOfKind(EdgeKind.veloroute)?.licence).toBe('ODbL 1.0');
    expect(sourceOfKind(EdgeKind.hiking)?.credit).toMatch(/OpenStreetMap/);
    expect(sourceOfKind(EdgeKind.cavalier)?.licence).toMatch(/Licence Ouverte/);
  });
});

describe('what exists on the ground', () => {
  it('routes on the véloroutes whose works are done, and on the advised itineraries', () => {
    for (const v of ['travaux termines', 'travaux termines brochure', 'travaux termines conforme attentes', 'Travaux termine'])
      expect(veloroutesBuilt({ AVANCE_TRA: v, Type_voie: '1' })).toBe(true);
    expect(veloroutesBuilt({ AVANCE_TRA: null, Type_voie: '4' })).toBe(true);
    for (const v of ['Non démarré', 'Travaux programmés', 'Etudes préalables en cours', 'Inconnu'])
      expect(veloroutesBuilt({ AVANCE_TRA: v, Type_voie: '1' })).toBe(false);
    expect(veloroutesBuilt({ AVANCE_TRA: null, Type_voie: '0' })).toBe(false);
  });

  it('leaves out the OSM routes still proposed', () => {
    expect(osmRouteExists({ name: 'Véloroute du Bassin Minier, en projet' })).toBe(false);
    expect(osmRouteExists({ name: 'EuroVelo 5 - Via Romea Francigena - partie France 1 - En projet' })).toBe(false);
    expect(osmRouteExists({ name: 'Chemin des Galibots' })).toBe(true);
  });
});

describe('OSM paths among the loose sources', () => {
  // by hand, at 50.40–50.41° N: C a cavalier on 50.40; OSM ways P1 crossing C, P2 a street on
  // 50.41 with a vertex at 3.01, P3 a footbridge over P2 at 3.015 (no shared node), P4 a track
  // through P2's vertex, P5 a footway 4.4 m beside P2 for 427 m (0.006°) that then leaves north
  const line = (coords: [number, number][], properties: Record<string, unknown>): Feature => ({
    type: 'Feature',
    properties,
    geometry: { type: 'LineString', coordinates: coords },
  });
  const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
  const cavaliers = fc([
    line(
      [
        [3.0, 50.4],
        [3.02, 50.4],
      ],
      { name: 'C' },
    ),
  ]);
  const osmPaths = fc([
    line(
      [
        [3.005, 50.395],
        [3.005, 50.405],
      ],
      { highway: 'footway', name: 'P1' },
    ),
    line(
      [
        [3.0, 50.41],
        [3.01, 50.41],
        [3.02, 50.41],
      ],
      { highway: 'residential', name: 'P2' },
    ),
    line(
      [
        [3.015, 50.405],
        [3.015, 50.415],
      ],
      { highway: 'footway', name: 'P3' },
    ),
    line(
      [
        [3.01, 50.405],
        [3.01, 50.41],
        [3.01, 50.415],
      ],
      { highway: 'track', name: 'P4' },
    ),
    line(
      [
        [3.002, 50.41004],
        [3.008, 50.41004],
        [3.008, 50.415],
      ],
      { highway: 'footway', name: 'P5' },
    ),
  ]);
  const { lines } = embeddedNetworkLines({ cavaliers, osmPaths }, [2, 50, 4, 51]);
  const read = networkFileLines(linesCollection(lines));
  const { graph, report } = buildGraph(read, { joinTolerance_m: JOIN_TOLERANCE_M });
  const degreeAt = (lon: number, lat: number) => {
    const n = [...Array(graph.nodeCount).keys()].find(
      (k) => Math.abs(graph.nodeCoords[2 * k] - lon) < 1e-9 && Math.abs(graph.nodeCoords[2 * k + 1] - lat) < 1e-9,
    );
    return n === undefined ? 0 : graph.adjOffsets[n + 1] - graph.adjOffsets[n];
  };

  it('keeps the OSM ways exact through the file the page reads back, the piece of P5 cut beside its street too', () => {
    const exact = (name: string) => read.filter((l) => l.name === name).map((l) => l.exact === true);
    expect(exact('C')).toEqual([false]);
    for (const p of ['P1', 'P2', 'P3', 'P4', 'P5']) expect(exact(p)).toEqual([true]);
    // P5's 427 m beside P2 is not taken twice: what is left starts at its turn north
    const p5 = read.find((l) => l.name === 'P5')!;
    expect(p5.coords[0][0]).toBeGreaterThan(3.0075);
  });

  it('makes junctions at shared nodes and at loose crossings, none on the footbridge', () => {
    expect(degreeAt(3.01, 50.41)).toBe(4);
    expect(degreeAt(3.005, 50.4)).toBe(4);
    expect(degreeAt(3.015, 50.41)).toBe(0);
  });

  it('joins the cut footway back to the street it ran beside (within 25 m), and nothing else', () => {
    expect(report.gaps).toBe(1);
    expect(report.gapLength_m).toBeGreaterThan(4);
    expect(report.gapLength_m).toBeLessThan(13);
    // {C, P1}, {P2, P4, P5}, {P3}
    expect(report.components).toBe(3);
  });
});
