// The default cost model shared by the router and the landmark preprocessing: an edge costs its
// length times a factor of its kind. Both must use the very same factors (the same Float32 values),
// or the landmark bounds would not be lower bounds of the router's costs.
import { EdgeKind, type Graph } from './graph';

/** Bridged gaps cost a little more than real paths, so routes keep to the paths where they can. */
export const GAP_COST = 1.2;

/** Cost factor of every edge under the default model (1, or GAP_COST on bridged gaps). */
export function defaultEdgeCost(graph: Graph): Float32Array {
  const cost = new Float32Array(graph.edgeCount);
  for (let e = 0; e < graph.edgeCount; e++) cost[e] = graph.edgeKind[e] === EdgeKind.gap ? GAP_COST : 1;
  return cost;
}
