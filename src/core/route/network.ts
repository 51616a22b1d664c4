// A network ready for routing: the graph, its segment index and a router with reusable buffers
// (using landmarks when the network has them).
import { decodeNetwork, NetworkFileError } from '../graph/bundle';
import { fail, ok, type Result } from '../errors';
import type { Graph } from '../graph/graph';
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
}

export interface PrepareOptions {
  /** a prebuilt index of this graph (built here otherwise) */
  index?: SegmentIndex;
  landmarks?: Landmarks | null;
  /** component labels as network.bin carries them (computed on the first leg otherwise) */
  components?: Uint32Array | null;
}

export function prepareNetwork(graph: Graph, names: string[] = [], options: PrepareOptions = {}): RoutingNetwork {
  const index = options.index ?? buildSegmentIndex(graph);
  const landmarks = options.landmarks ?? null;
  return { graph, index, router: new Router(graph, landmarks, options.components ?? null), names, ...(landmarks ? { landmarks } : {}) };
}

/**
 * Same, from network.bin as read from disk or received from another thread (not copied): a
 * bundle with its prebuilt index (and landmarks), or a bare graph buffer whose index is built here.
 */
export function networkFromBuffer(buffer: ArrayBuffer, names: string[] = []): RoutingNetwork {
  const { graph, index, landmarks, components } = decodeNetwork(buffer);
  return prepareNetwork(graph, names, { index, landmarks, components });
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
