// The engine's routing state, and its only owner: the embedded network (network.bin), its lines
// (for merging network layers with them), the merged network when network layers exist, the
// routing provider (the graph or a BRouter server), and the avoid cost that the review supplies.
//
// The review prices the edges (it owns the zones); this engine only asks for the price of the
// network it routes on. With avoid mode off nothing is supplied, and a leg never reaches the
// review. The merged network is kept between sessions by engine.ts (it saves this bundle). The merge itself is src/core/graph/merge.ts; what stays here is which network is
// current and the cached bundle of the merged one.
//
// Kept free of worker globals, like engine.ts, so node tests can call it directly.

import { brouterLeg } from '../src/adapters/brouter-http';
import { fail, ok, type Result } from '../src/core/errors';
import { encodeNetwork } from '../src/core/graph/bundle';
import type { NetworkLine } from '../src/core/graph/build';
import { baseJoinKeys, mergeNetworkLines } from '../src/core/graph/merge';
import { nearestOnNetwork } from '../src/core/graph/nearest';
import { networkFileLines } from '../src/core/import/network';
import { decodeUtf8 } from '../src/core/gpx/encoding';
import { computeLeg, SNAP_RADIUS_M, straightLeg, withDetour, type Leg, type LegRequest } from '../src/core/route/leg';
import { prepareNetwork, readNetwork, type RoutingNetwork } from '../src/core/route/network';
import type { FeatureCollection, GeoJsonProperties, Geometry } from 'geojson';
import type { MergedNetworkBundle, NetworkState, ProgressFn, RoutingProviderSetting } from './protocol';

/** The price of avoiding zones on one network: cost factors per edge, and what to say of a leg that still goes inside. */
export interface AvoidCost {
  edgeCost: Float32Array;
  /** « interdire »: the leg's stretch inside, or null when it stays out */
  unavoidable?: (coords: [number, number][]) => Leg['unavoidable'] | null;
}

/** Asked once per leg on the graph; null: nothing to avoid on this network. */
export type AvoidCostSource = (network: RoutingNetwork) => AvoidCost | null;

/** A network layer's lines, as the layer engine keeps them. */
export interface NetworkLayerLines {
  id: string;
  lines: NetworkLine[];
}

function stateOf(n: RoutingNetwork | null, isMerged: boolean, joins: NetworkState['joins']['features'] = []): NetworkState {
  return {
    merged: isMerged,
    nodes: n?.graph.nodeCount ?? 0,
    edges: n?.graph.edgeCount ?? 0,
    components: 0,
    joins: { type: 'FeatureCollection', features: joins },
  };
}

export function routingMethods() {
  let embedded: RoutingNetwork | null = null;
  let merged: RoutingNetwork | null = null;
  let mergedState: NetworkState | null = null;
  let provider: RoutingProviderSetting = { kind: 'graph' };
  let avoidCost: AvoidCostSource | null = null;

  // the embedded network's lines and tolerance (data/network.ts), and their own joins
  let baseLines: NetworkLine[] | null = null;
  let joinTolerance_m = 50;
  let baseKeys: ReadonlySet<string> | undefined;
  /** the layers of the current merge, for its key */
  let mergedLayers: NetworkLayerLines[] = [];

  const network = (): RoutingNetwork | null => merged ?? embedded;

  /** What a merge is built from: the embedded network and lines, the tolerance, the network layers. */
  function mergeKey(layers: readonly NetworkLayerLines[]): string | null {
    if (!embedded || !baseLines) return null;
    const ids = layers.map((l) => `${l.id}:${l.lines.length}`).sort();
    return ['v1', joinTolerance_m, baseLines.length, embedded.graph.nodeCount, embedded.graph.edgeCount, ...ids].join('|');
  }

  /** A leg on the graph; `avoided`: under the supplied avoid cost, when there is one. */
  function graphLeg(r: LegRequest, avoided = true): Leg {
    const net = network();
    const c = avoided && avoidCost && r.mode === 'network' && net ? avoidCost(net) : null;
    if (!c) return computeLeg(net, r.from, r.to, r.mode);
    const leg = computeLeg(net, r.from, r.to, r.mode, { edgeCost: c.edgeCost });
    if (c.unavoidable && leg.fallback === undefined) {
      const inside = c.unavoidable(leg.coords);
      if (inside) leg.unavoidable = inside;
    }
    return leg;
  }

  /**
   * The routing network built from the embedded lines and these network layers (or taken from a
   * kept bundle of exactly them); no layer: the embedded network again.
   */
  function mergeLayers(layers: NetworkLayerLines[], onProgress?: ProgressFn, prebuilt?: MergedNetworkBundle): Result<NetworkState> {
    const withLines = layers.filter((l) => l.lines.length > 0);
    if (withLines.length === 0) {
      merged = null;
      mergedState = null;
      mergedLayers = [];
      return ok(stateOf(network(), false));
    }
    if (!baseLines) return fail('network.empty');
    onProgress?.('network', 0, 0);
    // a kept bundle that cannot be read (damaged storage, another version) only costs the rebuild below
    const kept = prebuilt && prebuilt.key === mergeKey(withLines) ? readNetwork(prebuilt.bytes, prebuilt.names) : null;
    if (prebuilt && kept?.ok) {
      merged = kept.value;
      mergedState = { ...prebuilt.state, prebuilt: true };
      mergedLayers = withLines;
      return ok(mergedState);
    }
    // the embedded lines' own joins, computed once: only the merge's new ones are shown
    baseKeys ??= baseJoinKeys(baseLines, joinTolerance_m);
    const built = mergeNetworkLines(
      baseLines,
      withLines.map((l) => l.lines),
      { joinTolerance_m, baseJoinKeys: baseKeys },
    );
    merged = prepareNetwork(built.graph, built.names);
    mergedLayers = withLines;
    const joins: NetworkState['joins']['features'] = built.joins.map((coords) => ({
      type: 'Feature',
      properties: { kind: 'gap' },
      geometry: { type: 'LineString', coordinates: coords },
    }));
    mergedState = { ...stateOf(merged, true, joins), components: built.components };
    return ok(mergedState);
  }

  const methods = {
    /** Takes ownership of the buffer (transfer it): network.bin as written by the pipeline. */
    loadNetwork(buffer: ArrayBuffer, names: string[]): Result<{ nodes: number; edges: number }> {
      const read = readNetwork(buffer, names);
      if (!read.ok) return read;
      embedded = read.value;
      // a merge was built on the previous embedded network: the next change of the layers merges again
      merged = null;
      mergedState = null;
      return ok({ nodes: embedded.graph.nodeCount, edges: embedded.graph.edgeCount });
    },

    /**
     * The embedded network's lines, for merging imported network layers with them: the bytes of
     * data/network-lines.geojson (transferred) and network.json's joinTolerance_m. Call it before
     * adding or restoring a network layer. Returns the number of lines.
     */
    setEmbeddedNetworkLines(bytes: ArrayBuffer, tolerance_m: number): number {
      const fc = JSON.parse(decodeUtf8(new Uint8Array(bytes))) as FeatureCollection<Geometry | null, GeoJsonProperties>;
      baseLines = networkFileLines(fc);
      joinTolerance_m = tolerance_m;
      baseKeys = undefined;
      return baseLines.length;
    },

    hasEmbeddedNetworkLines(): boolean {
      return baseLines !== null;
    },

    /** The current merged network as a bundle for the page to keep (null: no network layer merged). */
    mergedNetworkBundle(): MergedNetworkBundle | null {
      const key = mergeKey(mergedLayers);
      if (!merged || !mergedState || !key) return null;
      const bytes = encodeNetwork({ graph: merged.graph, index: merged.index, landmarks: merged.landmarks ?? null, hierarchy: merged.hierarchy ?? null });
      const { prebuilt: _p, ...state } = mergedState;
      return { key, bytes, names: merged.names, state };
    },

    setProvider(setting: RoutingProviderSetting): void {
      provider = setting;
    },

    /**
     * The nearest point of the network, or null when no path lies within the radius.
     * With a BRouter server the server snaps to its own (much denser) network: the point is kept as clicked.
     */
    snap(lon: number, lat: number, radius_m = SNAP_RADIUS_M): { lon: number; lat: number; distance_m: number } | null {
      if (provider.kind === 'brouter') return { lon, lat, distance_m: 0 };
      const net = network();
      if (!net) return null;
      const s = nearestOnNetwork(net.graph, net.index, lon, lat, radius_m);
      return s && { lon: s.lon, lat: s.lat, distance_m: s.distance_m };
    },

    async legs(requests: LegRequest[]): Promise<Leg[]> {
      const p = provider;
      if (p.kind === 'graph') return requests.map((r) => graphLeg(r));
      return Promise.all(
        requests.map(async (r) => {
          if (r.mode === 'straight') return straightLeg(r.from, r.to, 'straight');
          const { leg, error } = await brouterLeg(r.from, r.to, p);
          return error ? { ...leg, problem: error } : withDetour(leg, r.from, r.to);
        }),
      );
    },
  };

  return {
    methods,
    network,
    provider: (): RoutingProviderSetting => provider,
    mergeLayers,
    graphLeg,
    /** The review's price of its zones for the next legs; null (avoid mode off): legs are plain shortest paths. */
    supplyAvoidCost(source: AvoidCostSource | null): void {
      avoidCost = source;
    },
  };
}
