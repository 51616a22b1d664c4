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
