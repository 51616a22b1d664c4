// Pipeline step: the snapping network. Builds the routable graph from every line source held
// offline (cavaliers, véloroutes, OSM routes: data/steps/network-sources.ts), and the OSM paths
// downloaded with --osm (data/overpass.ts), and writes it for the
// worker (network.bin: the graph, its segment index and its ALT landmarks in one transferable
// buffer, see src/core/graph/bundle.ts), for the map (reseau.geojson, with the bridged gaps
// marked) and for the page's merges with imported layers (network-lines.geojson: the lines built).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, LineString } from 'geojson';
import { buildGraph, type NetworkReport } from '../src/core/graph/build';
import { encodeNetwork } from '../src/core/graph/bundle';
import { computeHierarchy } from '../src/core/graph/hierarchy';
import { computeLandmarks } from '../src/core/graph/landmarks';
import { buildSegmentIndex } from '../src/core/graph/nearest';
import { EdgeKind, edgeKindName } from '../src/core/graph/graph';
import { networkFileLines } from '../src/core/import/network';
import type { LayerManifest } from '../src/core/layers';
import { readOptionalCollection } from './io';
import { embeddedNetworkLines, linesCollection, NETWORK_SOURCES, networkCredits, sourceOfKind, type SourceFigures } from './steps/network-sources';

/** Line ends within this distance of another line are joined (see data/SOURCES.md for the effect on connectivity). */
export const JOIN_TOLERANCE_M = 100;

export interface NetworkMeta {
  version: 1;
  joinTolerance_m: number;
  names: string[];
  report: NetworkReport;
  /** per source: length read, left out as not built, shared with an earlier source, kept (m) */
  sources?: SourceFigures[];
}

/** the sources are clipped to the basin's box and this margin (degrees, about 4 km) */
const BOX_MARGIN_DEG = 0.05;

/** The box of the network's sources (and of the OSM paths asked for). */
export function networkBox(manifest: Pick<LayerManifest, 'bbox'>): [number, number, number, number] {
  const [w, s, e, n] = manifest.bbox;
  return [w - BOX_MARGIN_DEG, s - BOX_MARGIN_DEG, e + BOX_MARGIN_DEG, n + BOX_MARGIN_DEG];
}

export async function buildNetworkLayer(
  outDir: string,
  manifest: LayerManifest,
  rawDir?: string,
  /** the OSM paths of the basin (fetchOsmPaths), when the build was asked for them */
  osmPaths?: FeatureCollection | null,
): Promise<NetworkReport & { sources: SourceFigures[] }> {
  const cavaliers = JSON.parse(readFileSync(join(outDir, 'cavaliers.geojson'), 'utf8')) as FeatureCollection;
  const box = networkBox(manifest);
  const { lines, figures } = embeddedNetworkLines(
    {
      cavaliers,
      veloroutes: rawDir ? readOptionalCollection(rawDir, NETWORK_SOURCES[1].file!) : null,
      osmRoutes: rawDir ? readOptionalCollection(rawDir, NETWORK_SOURCES[2].file!) : null,
      osmPaths,
    },
    box,
  );
  const linesFc = linesCollection(lines);
  writeFileSync(join(outDir, 'network-lines.geojson'), JSON.stringify(linesFc));
  // built from the file as written, so that the page merging a layer with it gets the same graph
  const { graph, names, report } = buildGraph(networkFileLines(linesFc), { joinTolerance_m: JOIN_TOLERANCE_M });
  // the index, landmarks and contraction hierarchy are built here once rather than in every browser at load
  const bundle = encodeNetwork({ graph, index: buildSegmentIndex(graph), landmarks: computeLandmarks(graph), hierarchy: computeHierarchy(graph) });
  writeFileSync(join(outDir, 'network.bin'), new Uint8Array(bundle));
  const meta: NetworkMeta = { version: 1, joinTolerance_m: JOIN_TOLERANCE_M, names, report, sources: figures };
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
        source: gap ? 'Raccord calculé par Cavalier' : (sourceOfKind(graph.edgeKind[e])?.credit ?? ''),
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
    ...networkCredits(JOIN_TOLERANCE_M, report, figures),
    featureCount: graph.edgeCount,
    visible: true,
  });
  return { ...report, sources: figures };
}
