// Pipeline step: the snapping network. Builds the routable graph from the cavaliers miniers
// (the only path network available offline) and writes it for the worker (network.bin: the graph,
// its segment index and its ALT landmarks in one transferable buffer, see src/core/graph/bundle.ts)
// and for the map (reseau.geojson, with the bridged gaps marked).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, LineString } from 'geojson';
import { buildGraph, type NetworkReport } from '../src/core/graph/build';
import { encodeNetwork } from '../src/core/graph/bundle';
import { computeLandmarks } from '../src/core/graph/landmarks';
import { buildSegmentIndex } from '../src/core/graph/nearest';
import { EdgeKind, edgeKindName } from '../src/core/graph/graph';
import { networkFileLines } from '../src/core/import/network';
import type { LayerManifest } from '../src/core/layers';

/** Line ends within this distance of another line are joined (see data/SOURCES.md for the effect on connectivity). */
export const JOIN_TOLERANCE_M = 50;

export interface NetworkMeta {
  version: 1;
  joinTolerance_m: number;
  names: string[];
  report: NetworkReport;
}

export async function buildNetworkLayer(outDir: string, manifest: LayerManifest): Promise<NetworkReport> {
  const cavaliers = JSON.parse(readFileSync(join(outDir, 'cavaliers.geojson'), 'utf8')) as FeatureCollection;
  const { graph, names, report } = buildGraph(networkFileLines(cavaliers), { joinTolerance_m: JOIN_TOLERANCE_M });
  // the index and landmarks are built here once rather than in every browser at load
  const bundle = encodeNetwork({ graph, index: buildSegmentIndex(graph), landmarks: computeLandmarks(graph) });
  writeFileSync(join(outDir, 'network.bin'), new Uint8Array(bundle));
  const meta: NetworkMeta = { version: 1, joinTolerance_m: JOIN_TOLERANCE_M, names, report };
  writeFileSync(join(outDir, 'network.json'), JSON.stringify(meta));

  const features: Feature<LineString>[] = [];
  for (let e = 0; e < graph.edgeCount; e++) {
    const coords: [number, number][] = [];
    for (let v = graph.edgeCoordStart[e]; v < graph.edgeCoordStart[e + 1]; v++) coords.push([graph.coords[2 * v], graph.coords[2 * v + 1]]);
    const gap = graph.edgeKind[e] === EdgeKind.gap;
    features.push({
      type: 'Feature',
      properties: {
        kind: gap ? 'gap' : 'path',
        way: edgeKindName(graph.edgeKind[e]),
        name: gap ? 'Raccord (tronçon interrompu, non vérifié)' : (names[graph.edgeName[e]] ?? ''),
        length_m: Math.round(graph.edgeLength[e] * 10) / 10,
      },
      geometry: { type: 'LineString', coordinates: coords },
    });
  }
  writeFileSync(join(outDir, 'reseau.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));

  manifest.layers = manifest.layers.filter((l) => l.id !== 'reseau');
  manifest.layers.push({
    id: 'reseau',
    title: { fr: 'Réseau de tracé (accroche)', en: 'Routing network (snapping)' },
    group: 'network',
    geometry: 'line',
    status: 'approximation',
    url: 'data/reseau.geojson',
    source: 'Mission Bassin Minier Nord-Pas de Calais / data.gouv.fr / geo2france — Licence Ouverte Etalab 2.0 ; raccords calculés par Cavalier',
    licence: 'Licence Ouverte Etalab 2.0',
    note: {
      fr: `Les cavaliers miniers officiels, reliés entre eux là où leurs extrémités sont à moins de ${JOIN_TOLERANCE_M} m (raccords en pointillés : coupures réelles possibles, route, bâti). Continuité et praticabilité non vérifiées sur le terrain. ${report.components} morceaux non reliés.`,
      en: `The official cavaliers miniers, joined where their ends lie within ${JOIN_TOLERANCE_M} m (dashed joins: real gaps are possible, a road, buildings). Continuity and walkability not checked on the ground. ${report.components} unconnected pieces.`,
    },
    featureCount: graph.edgeCount,
    visible: true,
  });
  return report;
}
