// A network ready for routing: the graph, its segment index and a router with reusable buffers
// (using landmarks when the network has them).
import { decodeNetwork, NetworkFileError } from '../graph/bundle';
import { fail, ok, type Result } from '../errors';
import type { Graph } from '../graph/graph';
import type { Hierarchy } from '../graph/hierarchy';
import type { Landmarks } from '../graph/landmarks';
import { buildSegmentIndex, type SegmentIndex } from '../graph/nearest';
import { Router } from '../graph/route';

export interface RoutingNetwork {
  graph: Graph;
  index: SegmentIndex;
  router: Router;
  /** edge names (graph.edgeName indexes this list) */
  names: string[];
  /** ALT landmarks, when network.bin carries them (the router already uses them) */
  landmarks?: Landmarks;
  /** contraction hierarchy of the default costs, when network.bin carries it (the router uses it) */
  hierarchy?: Hierarchy;
}

export interface PrepareOptions {
  /** a prebuilt index of this graph (built here otherwise) */
  index?: SegmentIndex;
  landmarks?: Landmarks | null;
  /** component labels as network.bin carries them (computed on the first leg otherwise) */
  components?: Uint32Array | null;
  hierarchy?: Hierarchy | null;
}

export function prepareNetwork(graph: Graph, names: string[] = [], options: PrepareOptions = {}): RoutingNetwork {
  const index = options.index ?? buildSegmentIndex(graph);
  const landmarks = options.landmarks ?? null;
  const hierarchy = options.hierarchy ?? null;
  return {
    graph,
    index,
    router: new Router(graph, landmarks, options.components ?? null, hierarchy),
    names,
    ...(landmarks ? { landmarks } : {}),
    ...(hierarchy ? { hierarchy } : {}),
  };
}

/**
 * Same, from network.bin as read from disk or received from another thread (not copied): a
 * bundle with its prebuilt index (and landmarks), or a bare graph buffer whose index is built here.
 */
export function networkFromBuffer(buffer: ArrayBuffer, names: string[] = []): RoutingNetwork {
  const { graph, index, landmarks, components, hierarchy } = decodeNetwork(buffer);
  return prepareNetwork(graph, names, { index, landmarks, components, hierarchy });
}

/**
 * networkFromBuffer as a value: a file of another version is 'network.outdated', one cut short
 * or damaged (the graph's and landmarks' own checks included) 'network.corrupt'.
 */
export function readNetwork(buffer: ArrayBuffer, names: string[] = []): Result<RoutingNetwork> {
  try {
    return ok(networkFromBuffer(buffer, names));
  } catch (e) {
    return fail(e instanceof NetworkFileError ? e.code : 'network.corrupt');
  }
}
