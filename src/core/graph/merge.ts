// An imported network layer merged with the embedded network: one graph built from both sets of
// lines by the pipeline's own builder and tolerance, so that a merged network routes exactly as
// if the pipeline had been given the layer too. The joins the builder adds between the imported
// lines and the rest are returned apart: the map shows them dashed, as unchecked links. The
// embedded network's own joins are left out of that list (network.json's map already shows them).

import { buildGraph, type NetworkLine } from './build';
import { EdgeKind, type Graph } from './graph';

export interface MergedLines {
  graph: Graph;
  names: string[];
  components: number;
  /** the joins this merge added, as lines [lon, lat][] */
  joins: [number, number][][];
}

export interface MergeOptions {
  joinTolerance_m: number;
  /** joinKeys of the embedded lines built alone (computed here when absent; worth keeping across merges) */
  baseJoinKeys?: ReadonlySet<string>;
}

// the builder moves line vertices while noding: the callers' lines must stay as given
const lineCopy = (l: NetworkLine): NetworkLine => ({ ...l, coords: l.coords.map((c) => [c[0], c[1]] as [number, number]) });

export function mergeNetworkLines(base: readonly NetworkLine[], layers: readonly (readonly NetworkLine[])[], options: MergeOptions): MergedLines {
  const { joinTolerance_m } = options;
  const baseKeys = options.baseJoinKeys ?? baseJoinKeys(base, joinTolerance_m);
  const built = buildGraph([...base, ...layers.flat()].map(lineCopy), { joinTolerance_m });
  const joins = joinEdges(built.graph)
    .filter((g) => !baseKeys.has(g.key))
    .map((g) => g.coords);
  return { graph: built.graph, names: built.names, components: built.report.components, joins };
}

/** The joins of the embedded lines built alone: those a merge does not report. */
export function baseJoinKeys(base: readonly NetworkLine[], joinTolerance_m: number): Set<string> {
  const built = buildGraph(base.map(lineCopy), { joinTolerance_m });
  return new Set(joinEdges(built.graph).map((g) => g.key));
}

// a join is known by its two ends, to 1e-7° (1 cm), whichever way it runs
const round = (v: number) => Math.round(v * 1e7);
function joinKey(a: readonly number[], b: readonly number[]): string {
  const ka = `${round(a[0])},${round(a[1])}`;
  const kb = `${round(b[0])},${round(b[1])}`;
  return ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
}

function joinEdges(g: Graph): { key: string; coords: [number, number][] }[] {
  const out: { key: string; coords: [number, number][] }[] = [];
  for (let e = 0; e < g.edgeCount; e++) {
    if (g.edgeKind[e] !== EdgeKind.gap) continue;
    const coords: [number, number][] = [];
    for (let v = g.edgeCoordStart[e]; v < g.edgeCoordStart[e + 1]; v++) coords.push([g.coords[2 * v], g.coords[2 * v + 1]]);
    out.push({ key: joinKey(coords[0], coords[coords.length - 1]), coords });
  }
  return out;
}
