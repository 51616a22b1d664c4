// network.bin: the graph, its segment index, its connected components and optionally its landmarks
// and its contraction hierarchy in one ArrayBuffer, so the page fetches one file and transfers it to the worker without a copy,
// and the worker only lays typed-array views over it. Rebuilding the index at load would cost ~1 s
// at 500k edges (2.4M segments), the landmarks a few seconds and the component labels ~70 ms (the
// router needs them for its first leg); viewing them costs microseconds.
//
// Layout (little-endian, every section 8-byte aligned so that Float64 views are legal):
//   0  u32 magic, u32 version
//   8  u32 graph offset, u32 graph length
//  16  u32 index offset, u32 index length        (a flatbush buffer, Float32 boxes)
//  24  u32 landmarks offset, u32 landmarks length (0, 0 when absent)
//  32  f64 longitude scale of the index frame
//  40  u32 components offset, u32 components length (Uint32 label per node, see components.ts)
//  48  u32 hierarchy offset, u32 hierarchy length (0, 0 when absent; see hierarchy.ts)
//  56  reserved up to HEADER_BYTES
// Version 2 added the components, version 3 the hierarchy; an older file is 'network.outdated'
// (npm run data:build).
import { connectedComponents } from './components';
import { Graph } from './graph';
import { Hierarchy } from './hierarchy';
import { Landmarks } from './landmarks';
import { buildSegmentIndex, segmentIndexFromData, type SegmentIndex } from './nearest';

const MAGIC = 0xca7a0b17;
const VERSION = 3;
const HEADER_BYTES = 64;

const align8 = (n: number) => Math.ceil(n / 8) * 8;

/** network.bin cannot be used: built by another version of the pipeline, or cut short; the message for the user comes from the code. */
export class NetworkFileError extends Error {
  constructor(readonly code: 'network.outdated' | 'network.corrupt') {
    super(code);
  }
}

export interface NetworkParts {
  graph: Graph;
  index: SegmentIndex;
  landmarks: Landmarks | null;
  /** component label of each node (null for a bare graph buffer: the router labels on its first leg) */
  components: Uint32Array | null;
  /** contraction hierarchy of the default costs (null when the file has none: the router uses ALT) */
  hierarchy: Hierarchy | null;
}

/** True when the buffer is a bundle (false for a bare graph buffer, as older pipelines wrote). */
export function isNetworkBundle(buffer: ArrayBuffer): boolean {
  return buffer.byteLength >= HEADER_BYTES && new Uint32Array(buffer, 0, 1)[0] === MAGIC;
}

export function encodeNetwork(parts: { graph: Graph; index: SegmentIndex; landmarks?: Landmarks | null; hierarchy?: Hierarchy | null }): ArrayBuffer {
  const { graph, index } = parts;
  const landmarks = parts.landmarks ?? null;
  const hierarchy = parts.hierarchy ?? null;
  const labels = connectedComponents(graph).label;
  // the index's own bytes: one read from a bundle is a view into the whole file, from its byteOffset
  // to the end of its item ids (copying `data` whole would nest the old file inside the new one)
  const fb = index.index;
  const indexEnd = fb._indices.byteOffset + fb._indices.byteLength;
  const indexBytes = new Uint8Array(fb.data as ArrayBuffer, fb.byteOffset, indexEnd - fb.byteOffset);
  const graphOffset = HEADER_BYTES;
  const indexOffset = align8(graphOffset + graph.byteLength);
  const compOffset = align8(indexOffset + indexBytes.byteLength);
  const lmOffset = align8(compOffset + labels.byteLength);
  const lmEnd = landmarks ? lmOffset + landmarks.byteLength : compOffset + labels.byteLength;
  const chOffset = align8(lmEnd);
  const total = hierarchy ? chOffset + hierarchy.byteLength : lmEnd;
  const out = new ArrayBuffer(total);
  const bytes = new Uint8Array(out);
  bytes.set(graph.bytes(), graphOffset);
  bytes.set(indexBytes, indexOffset);
  new Uint32Array(out, compOffset, labels.length).set(labels);
  if (landmarks) bytes.set(landmarks.bytes(), lmOffset);
  if (hierarchy) bytes.set(hierarchy.bytes(), chOffset);
  new Uint32Array(out, 0, 8).set([
    MAGIC,
    VERSION,
    graphOffset,
    graph.byteLength,
    indexOffset,
    indexBytes.byteLength,
    landmarks ? lmOffset : 0,
    landmarks ? landmarks.byteLength : 0,
  ]);
  new Float64Array(out, 32, 1)[0] = index.lonScale;
  new Uint32Array(out, 40, 4).set([compOffset, labels.byteLength, hierarchy ? chOffset : 0, hierarchy ? hierarchy.byteLength : 0]);
  return out;
}

/**
 * Views the parts of a bundle (no copy). A bare graph buffer is accepted too: its index is then
 * built here, and it has no landmarks.
 */
export function decodeNetwork(buffer: ArrayBuffer): NetworkParts {
  if (!isNetworkBundle(buffer)) {
    const graph = Graph.from(buffer);
    return { graph, index: buildSegmentIndex(graph), landmarks: null, components: null, hierarchy: null };
  }
  const [, version, gOff, gLen, iOff, iLen, lOff, lLen] = new Uint32Array(buffer, 0, 8);
  if (version !== VERSION) throw new NetworkFileError('network.outdated');
  if (iOff + iLen > buffer.byteLength || lOff + lLen > buffer.byteLength) throw new NetworkFileError('network.corrupt');
  const graph = Graph.from(buffer, gOff, gLen);
  const lonScale = new Float64Array(buffer, 32, 1)[0];
  const index = segmentIndexFromData(graph, buffer, iOff, lonScale);
  const landmarks = lLen > 0 ? Landmarks.from(buffer, lOff, lLen) : null;
  if (landmarks && landmarks.nodeCount !== graph.nodeCount) throw new NetworkFileError('network.corrupt');
  const [cOff, cLen, hOff, hLen] = new Uint32Array(buffer, 40, 4);
  if (cLen !== 4 * graph.nodeCount || cOff % 4 !== 0 || cOff + cLen > buffer.byteLength) throw new NetworkFileError('network.corrupt');
  const components = new Uint32Array(buffer, cOff, graph.nodeCount);
  if (hOff + hLen > buffer.byteLength) throw new NetworkFileError('network.corrupt');
  const hierarchy = hLen > 0 ? Hierarchy.from(buffer, hOff, hLen) : null;
  if (hierarchy && (hierarchy.nodeCount !== graph.nodeCount || hierarchy.edgeCount !== graph.edgeCount)) throw new NetworkFileError('network.corrupt');
  return { graph, index, landmarks, components, hierarchy };
}
