// « Charger les zones protégées officielles »: the engine asks the official WFS layers
// (src/core/review/official-zones.ts: Natura 2000, ZNIEFF, APPB, réserves naturelles, sites
// classés on the Géoplateforme; the SRCE's Trame verte et bleue on Géo2France) for the route's
// extent, through the WFS client (src/adapters/wfs.ts, over the one HTTP adapter), and keeps each
// layer that has zones there as a sensitive layer (layer-engine.ts addFetchedLayer: listed, drawn
// and stored by the page like an imported file), marked `official` with its kind.
//
// Every layer is asked before any is kept: offline (every request fails) the answer is the one
// failure and nothing changes. A layer the server refuses (an unknown typeName) or answers badly
// is reported on its own; the others are kept. Asked again, a layer replaces itself (same id).

import type { FeatureCollection, GeoJsonProperties, Geometry } from 'geojson';
import { fail, ok, type Result } from '../src/core/errors';
import { importLayer } from '../src/core/import/layer';
import { OFFICIAL_WFS_ENDPOINTS, OFFICIAL_ZONE_SOURCES, officialZoneFeatures, officialZonesArea } from '../src/core/review/official-zones';
import { joinLegs } from '../src/core/route/leg';
import type { Position } from '../src/core/types';
import { fetchWfsLayer } from '../src/adapters/wfs';
import type { AddedLayer, OfficialSourceResult, OfficialZonesLoaded, OfficialZonesRequest, ProgressFn, UserLayerInfo } from './protocol';

export interface OfficialZonesEngineHooks {
  addFetchedLayer: (info: UserLayerInfo, fc: FeatureCollection<Geometry, GeoJsonProperties>, onProgress?: ProgressFn) => Result<AddedLayer>;
}

const segmentsOf = (route: OfficialZonesRequest['route']): Position[][] =>
  'legs' in route ? [joinLegs(route.legs)].filter((s) => s.length > 0) : route.segments.filter((s) => s.length > 0);

const officialLayerId = (sourceId: string) => `official-${sourceId}`;

export function officialZonesMethods(hooks: OfficialZonesEngineHooks) {
  return {
    /**
     * The official zones around `req.route`. Fails, changing nothing, without a route
     * ('wfs.no-route'), for a route too large ('wfs.area-too-large'), or when no layer could be
     * asked at all (the adapter's 'http.*' code: offline, timeout…). Otherwise every layer with
     * zones is kept; `sources` says what each gave, and why one failed.
     */
    async loadOfficialZones(req: OfficialZonesRequest): Promise<Result<OfficialZonesLoaded>> {
      const area = officialZonesArea(segmentsOf(req.route), req.margin_m);
      if (!area.ok) return area;
      const bbox = area.value;
      const sources = OFFICIAL_ZONE_SOURCES.filter((s) => !req.sources || req.sources.includes(s.id));
      if (sources.length === 0) return fail('wfs.no-route');
      const answers = await Promise.all(
        sources.map((s) => fetchWfsLayer(req.endpoints?.[s.service] ?? OFFICIAL_WFS_ENDPOINTS[s.service], s.typeName, bbox, { timeoutMs: req.timeoutMs })),
      );
      const firstAnswered = answers.find((a) => a.ok);
      // nothing answered: one failure, the network's (offline is said once, not per layer)
      if (!firstAnswered) {
        const first = answers[0];
        return first.ok ? fail('wfs.no-route') : first;
      }
      const added: AddedLayer[] = [];
      const results: OfficialSourceResult[] = sources.map((s, i) => {
        const a = answers[i];
        const base = { id: s.id, typeName: s.typeName, host: '', count: 0, fetched: null, warnings: [] };
        if (!a.ok) return { ...base, host: String(a.error.detail?.host ?? ''), error: a.error };
        const fetched = a.value.timeStamp?.slice(0, 10) ?? null;
        const fc = officialZoneFeatures(s, a.value.features, { host: a.value.host, timeStamp: a.value.timeStamp });
        const out = { ...base, host: a.value.host, fetched, warnings: a.warnings };
        if (fc.features.length === 0) return out;
        const name = req.names[s.id] ?? s.id;
        // the import every layer goes through: geometry checked and repaired, counts and extent
        const read = importLayer(JSON.stringify(fc), `${s.id}.geojson`, { from: 'EPSG:4326' });
        if (!read.ok) return read.error.code === 'import.no-features' ? out : { ...out, error: read.error };
        const l = read.value;
        const info: UserLayerInfo = {
          id: officialLayerId(s.id),
          name,
          role: 'sensitive',
          // where it came from, in the place of a file name: the server, the layer and the day
          fileName: [a.value.host, s.typeName, fetched].filter(Boolean).join(' · '),
          format: l.format,
          from: l.from,
          featureCount: l.fc.features.length,
          geometryCounts: l.geometryCounts,
          bbox: l.bbox,
          official: { kind: s.official, source: s.id, typeName: s.typeName, host: a.value.host, fetched, replaces: [...s.replaces] },
        };
        const kept = hooks.addFetchedLayer(info, l.fc);
        if (!kept.ok) return { ...out, error: kept.error };
        added.push(kept.value);
        return { ...out, count: info.featureCount, layerId: info.id, warnings: [...a.warnings, ...read.warnings] };
      });
      return ok({ added, sources: results, bbox });
    },
  };
}
