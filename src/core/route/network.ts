// A network ready for routing: the graph, its segment index and a router with reusable buffers.
import { Graph } from '../graph/graph';
import { buildSegmentIndex, type SegmentIndex } from '../graph/nearest';
import { Router } from '../graph/route';

export interface RoutingNetwork {
  graph: Graph;
  index: SegmentIndex;
  router: Router;
  /** edge names (graph.edgeName indexes this list) */
  names: string[];
}

export function prepareNetwork(graph: Graph, names: string[] = []): RoutingNetwork {
  return { graph, index: buildSegmentIndex(graph), router: new Router(graph), names };
}

/** Same, from a buffer read from network.bin or received from another thread (not copied). */
export function networkFromBuffer(buffer: ArrayBuffer, names: string[] = []): RoutingNetwork {
  return prepareNetwork(Graph.from(buffer), names);
}
