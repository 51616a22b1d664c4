// The path network as one ArrayBuffer (flatbush-style): built once, transferred to the worker
// without copying, and viewed through typed arrays. Nodes are junctions and dead ends only;
// each edge keeps its full polyline so routes follow the real path geometry.

const MAGIC = 0xca7a11e5;
const VERSION = 1;
const HEADER_WORDS = 8;

/** Way types carried by edges. Values are stored in a Uint8Array; keep them stable. */
export const EdgeKind = {
  path: 0,
  /** a bridged gap: a straight join between two network pieces whose ends lie within the join tolerance */
  gap: 1,
  cavalier: 2,
  track: 3,
  cycleway: 4,
  road: 5,
  terril: 6,
  /** a véloroute or voie verte of the regional scheme (built stretches only) */
  veloroute: 7,
  /** a waymarked hiking route (OpenStreetMap route relation): the path it follows is not typed */
  hiking: 8,
  /** a waymarked cycling route (OpenStreetMap route relation) */
  cycleroute: 9,
} as const;
export type EdgeKindName = keyof typeof EdgeKind;
export const edgeKindName = (k: number): EdgeKindName => (Object.keys(EdgeKind) as EdgeKindName[]).find((n) => EdgeKind[n] === k) ?? 'path';

interface GraphArrays {
  /** lon, lat of each node, interleaved */
  nodeCoords: Float64Array;
  /** lon, lat of every edge polyline vertex, edge after edge, in from → to order */
  coords: Float64Array;
  edgeLength: Float64Array;
  /** CSR adjacency: the edges touching node n are adjEdges[adjOffsets[n] .. adjOffsets[n + 1]] */
  adjOffsets: Uint32Array;
  adjEdges: Uint32Array;
  edgeFrom: Uint32Array;
  edgeTo: Uint32Array;
  /** edge e's vertices are coords[2 * edgeCoordStart[e] .. 2 * edgeCoordStart[e + 1]] */
  edgeCoordStart: Uint32Array;
  edgeKind: Uint8Array;
  /** name index of each edge into `names` (0xffffffff when unnamed) — names travel separately as JSON */
  edgeName: Uint32Array;
}

export class Graph implements GraphArrays {
  /** the buffer holding the graph; it may hold more (network.bin also carries the index and landmarks) */
  readonly data: ArrayBuffer;
  /** where the graph starts in `data`, and how many bytes it spans */
  readonly byteOffset: number;
  readonly byteLength: number;
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly coordCount: number;
  nodeCoords!: Float64Array;
  coords!: Float64Array;
  edgeLength!: Float64Array;
  adjOffsets!: Uint32Array;
  adjEdges!: Uint32Array;
  edgeFrom!: Uint32Array;
  edgeTo!: Uint32Array;
  edgeCoordStart!: Uint32Array;
  edgeKind!: Uint8Array;
  edgeName!: Uint32Array;

  private constructor(data: ArrayBuffer, byteOffset: number, nodeCount: number, edgeCount: number, coordCount: number) {
    this.data = data;
    this.byteOffset = byteOffset;
    this.byteLength = Graph.byteLength(nodeCount, edgeCount, coordCount);
    this.nodeCount = nodeCount;
    this.edgeCount = edgeCount;
    this.coordCount = coordCount;
    let offset = byteOffset + HEADER_WORDS * 4;
    const f64 = (n: number) => {
      const a = new Float64Array(data, offset, n);
      offset += n * 8;
      return a;
    };
    const u32 = (n: number) => {
      const a = new Uint32Array(data, offset, n);
      offset += n * 4;
      return a;
    };
    this.nodeCoords = f64(nodeCount * 2);
    this.coords = f64(coordCount * 2);
    this.edgeLength = f64(edgeCount);
    this.adjOffsets = u32(nodeCount + 1);
    this.adjEdges = u32(edgeCount * 2);
    this.edgeFrom = u32(edgeCount);
    this.edgeTo = u32(edgeCount);
    this.edgeCoordStart = u32(edgeCount + 1);
    this.edgeName = u32(edgeCount);
    this.edgeKind = new Uint8Array(data, offset, edgeCount);
  }

  static byteLength(nodeCount: number, edgeCount: number, coordCount: number): number {
    return (
      HEADER_WORDS * 4 +
      8 * (nodeCount * 2 + coordCount * 2 + edgeCount) +
      4 * (nodeCount + 1 + edgeCount * 2 + edgeCount * 2 + edgeCount + 1 + edgeCount) +
      edgeCount
    );
  }

  /** Allocates an empty graph of the given size; the builder fills its arrays. */
  static allocate(nodeCount: number, edgeCount: number, coordCount: number): Graph {
    const data = new ArrayBuffer(Graph.byteLength(nodeCount, edgeCount, coordCount));
    const header = new Uint32Array(data, 0, HEADER_WORDS);
    header.set([MAGIC, VERSION, nodeCount, edgeCount, coordCount]);
    return new Graph(data, 0, nodeCount, edgeCount, coordCount);
  }

  /** True when the buffer starts (at byteOffset) with a graph header. */
  static isGraph(data: ArrayBuffer, byteOffset = 0): boolean {
    return data.byteLength - byteOffset >= HEADER_WORDS * 4 && new Uint32Array(data, byteOffset, 1)[0] === MAGIC;
  }

  /**
   * Views an existing buffer (e.g. one received from another thread or read from network.bin):
   * no copy, so this costs microseconds whatever the size. byteOffset must be a multiple of 8
   * (the Float64 arrays are views).
   */
  static from(data: ArrayBuffer, byteOffset = 0, byteLength = data.byteLength - byteOffset): Graph {
    if (byteOffset % 8 !== 0) throw new Error('graph byteOffset must be a multiple of 8');
    if (byteLength < HEADER_WORDS * 4 || byteOffset + byteLength > data.byteLength) throw new Error('graph buffer too short');
    const [magic, version, nodeCount, edgeCount, coordCount] = new Uint32Array(data, byteOffset, HEADER_WORDS);
    if (magic !== MAGIC || version !== VERSION) throw new Error('not a Cavalier graph buffer (or a different version)');
    if (byteLength !== Graph.byteLength(nodeCount, edgeCount, coordCount)) throw new Error('graph buffer has the wrong size');
    return new Graph(data, byteOffset, nodeCount, edgeCount, coordCount);
  }

  /** The graph's own bytes (a view, not a copy). */
  bytes(): Uint8Array {
    return new Uint8Array(this.data, this.byteOffset, this.byteLength);
  }

  otherEnd(edge: number, node: number): number {
    return this.edgeFrom[edge] === node ? this.edgeTo[edge] : this.edgeFrom[edge];
  }
}
