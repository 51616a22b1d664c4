// The communes a route crosses, for the Natura 2000 dossier (the form asks which communes the
// event passes through). The commune layer is read as zones of kind 'commune' whose id is the
// INSEE code, and reviewed like any zone layer: each commune's length is its stretch inside.

import type { FeatureCollection, GeoJsonProperties, Geometry } from 'geojson';
import { reviewRoute } from './crossings';
import type { RouteInput } from './route-frame';
import { zonesFromGeoJson } from './validate';
import { prepareZones, type PreparedZones } from './zones';

export interface CommuneCrossing {
  name: string;
  /** code INSEE when the layer gives it */
  insee: string;
  length_m: number;
  share: number;
}

/** A commune layer (features named by `name` or `nom`, code in `insee` or `code`) ready for communesCrossed; null when it cannot be read. */
export function communeZones(data: unknown): PreparedZones | null {
  try {
    const fc = data as FeatureCollection<Geometry, GeoJsonProperties> | null;
    const features = (fc?.features ?? []).map((f) => ({
      ...f,
      properties: { name: f.properties?.name ?? f.properties?.nom, id: f.properties?.insee ?? f.properties?.code },
    }));
    const read = zonesFromGeoJson({ type: 'FeatureCollection', features }, { file: 'communes', layer: 'communes', kind: 'commune' });
    return read.ok ? prepareZones(read.value.zones) : null;
  } catch {
    // a file that is not a FeatureCollection at all (features not a list, null features)
    return null;
  }
}

/** The communes the route crosses, longest stretch first (then by name). */
export function communesCrossed(route: RouteInput, communes: PreparedZones): CommuneCrossing[] {
  const r = reviewRoute(route, communes, { buffer_m: 0 });
  return r.crossings
    .map((c) => ({ name: c.zone, insee: c.id, length_m: c.length_m, share: c.share }))
    .sort((a, b) => b.length_m - a.length_m || a.name.localeCompare(b.name));
}
