// « Charger les chemins OpenStreetMap de cette zone »: the engine asks the Overpass API for the
// paths of the view, reads the answer as it reads an Overpass file the user imports, and keeps
// it as a network layer (layer-engine.ts: merged with the embedded network, the page stores it in
// IndexedDB like any imported layer). The area is checked, the query built and the answer read
// by the core (src/core/import/overpass.ts); only the fetching is here, through the HTTP adapter.
//
// Overpass's usage policy: one request at a time (maxConcurrent 1: a second call waits for the
// first), a bounded area (OVERPASS_MAX_VIEW_KM2), the server's own `[timeout:]` and
// `[maxsize:]` and a timeout of ours a little longer. A page may not set User-Agent, and any
// header a browser does not count as « simple » makes it send a CORS preflight first, which not
// every Overpass instance answers: the request is a plain form POST, the browser sends its
// Origin and Referer, and the query's first comment names Cavalier in the server's logs.

import { fail, type Result } from '../src/core/errors';
import {
  checkOverpassArea,
  OVERPASS_API_URL,
  overpassPathsQuery,
  overpassRequestBody,
  readOverpassAnswer,
  usablePathElements,
} from '../src/core/import/overpass';
import { importOverpassAnswer } from '../src/core/import/layer';
import { httpRequest } from '../src/adapters/http';
import type { AddedLayer, OsmPathsRequest, ProgressFn, UserLayerInfo } from './protocol';
import type { FeatureCollection, GeoJsonProperties, Geometry } from 'geojson';

/** A view of 100 km² answers within seconds; past a minute the server is overloaded. */
const OSM_VIEW_TIMEOUT_S = 60;
/** a view's answer is a few megabytes: this bound makes the server refuse a runaway at once */
const OSM_VIEW_MAXSIZE_BYTES = 128 * 1024 * 1024;

export interface OsmEngineHooks {
  addFetchedLayer: (info: UserLayerInfo, fc: FeatureCollection<Geometry, GeoJsonProperties>, onProgress?: ProgressFn) => Result<AddedLayer>;
  hasEmbeddedNetworkLines: () => boolean;
}

export function osmMethods(hooks: OsmEngineHooks) {
  return {
    /**
     * The paths of `req.bbox` (the view) as a network layer named `req.name`. Fails, changing
     * nothing, on a view too large ('overpass.area-too-large'), offline or on a server error (the
     * adapter's 'http.*' codes), on an answer cut short or a runtime error ('overpass.*'), or on
     * an area without paths ('overpass.no-paths').
     */
    async loadOsmPaths(req: OsmPathsRequest, onProgress?: ProgressFn): Promise<Result<AddedLayer>> {
      const area = checkOverpassArea(req.bbox);
      if (!area.ok) return area;
      if (!hooks.hasEmbeddedNetworkLines()) return fail('network.empty');
      const url = req.url ?? OVERPASS_API_URL;
      onProgress?.('read', 0, 0);
      const query = overpassPathsQuery(area.value, { timeout_s: OSM_VIEW_TIMEOUT_S, maxsize_bytes: OSM_VIEW_MAXSIZE_BYTES });
      const got = await httpRequest(url, {
        as: 'text',
        method: 'POST',
        body: overpassRequestBody(query),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        timeoutMs: req.timeoutMs ?? (OSM_VIEW_TIMEOUT_S + 15) * 1000,
        maxConcurrent: 1,
      });
      if (!got.ok) return got;
      const answer = readOverpassAnswer(got.value);
      if (!answer.ok) return answer;
      const usable = usablePathElements(answer.value);
      if (usable.elements.length === 0) return fail('overpass.no-paths');
      const layer = importOverpassAnswer(usable, req.name, { onProgress: onProgress && ((d, t) => onProgress('convert', d, t)) });
      if (!layer.ok) return layer.error.code === 'import.no-features' ? fail('overpass.no-paths') : layer;
      const l = layer.value;
      const date = answer.value.timestamp?.slice(0, 10);
      const info: UserLayerInfo = {
        id: req.id ?? `osm-${Date.now().toString(36)}`,
        name: req.name,
        role: 'network',
        // where it came from, in the place of a file name: the server and the data's date
        fileName: date ? `${hostOf(url)} · ${date}` : hostOf(url),
        format: 'overpass-json',
        from: l.from,
        featureCount: l.fc.features.length,
        geometryCounts: l.geometryCounts,
        bbox: l.bbox,
      };
      const added = hooks.addFetchedLayer(info, l.fc, onProgress);
      return added.ok ? { ...added, warnings: l.warnings } : added;
    },
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
