// BRouter's standard HTTP API (https://github.com/abrensch/brouter, server/request/ServerHandler):
// the request URL and the reading of its `format=geojson` answer. No I/O here: the adapter
// (src/adapters/brouter-http.ts) does the fetch, so tests can plug in a stub server.
import type { Result } from '../errors';
import { fail, ok } from '../errors';
import { positionsLength } from '../geo/geodesic';
import type { EdgeKindName } from '../graph/graph';
import type { Leg } from '../route/leg';

export interface BrouterOptions {
  /** e.g. http://localhost:17777/brouter */
  baseUrl: string;
  /** a profile installed on the server: 'trekking', 'hiking-mountain', 'fastbike'… */
  profile: string;
  /** circles to avoid: [lon, lat, radius_m] */
  nogos?: [number, number, number][];
  /** polygons to avoid, each a closed or open ring of [lon, lat] */
  polygons?: [number, number][][];
}

const coord = (x: number) => x.toFixed(6);

export function brouterUrl(from: [number, number], to: [number, number], o: BrouterOptions): string {
  const params = [
    `lonlats=${coord(from[0])},${coord(from[1])}|${coord(to[0])},${coord(to[1])}`,
    `profile=${encodeURIComponent(o.profile)}`,
    'alternativeidx=0',
    'format=geojson',
  ];
  if (o.nogos?.length) params.push(`nogos=${o.nogos.map(([x, y, r]) => `${coord(x)},${coord(y)},${Math.round(r)}`).join('|')}`);
  if (o.polygons?.length) params.push(`polygons=${o.polygons.map((ring) => ring.map(([x, y]) => `${coord(x)},${coord(y)}`).join(',')).join('|')}`);
  const sep = o.baseUrl.includes('?') ? '&' : '?';
  return `${o.baseUrl}${sep}${params.join('&')}`;
}

interface BrouterFeature {
  geometry?: { type?: string; coordinates?: unknown };
  properties?: { messages?: unknown; 'track-length'?: unknown };
}

/** OSM highway values → the way types the stats panel breaks a route down by. */
function wayKind(tags: string): EdgeKindName {
  const highway = /(?:^|\s)highway=([a-z_]+)/.exec(tags)?.[1] ?? '';
  if (highway === 'cycleway') return 'cycleway';
  if (highway === 'track') return 'track';
  if (['path', 'footway', 'bridleway', 'steps', 'pedestrian'].includes(highway)) return 'path';
  if (highway) return 'road';
  return 'path';
}

/**
 * A leg from BRouter's GeoJSON answer. Elevations in the answer are dropped: the app takes
 * elevation from one source for the whole route (the DEM), and says which.
 * The way-type breakdown comes from the `messages` table (one row per way, with its length).
 */
export function parseBrouterAnswer(text: string): Result<Omit<Leg, 'mode'>> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('routing.provider-answer', { detail: text.slice(0, 200) });
  }
  const feature = (json as { features?: BrouterFeature[] } | null)?.features?.[0];
  const raw = feature?.geometry?.type === 'LineString' ? feature.geometry.coordinates : null;
  if (!Array.isArray(raw) || raw.length < 2) return fail('routing.provider-answer', { detail: 'features[0].geometry: LineString' });
  const coords: [number, number][] = [];
  for (const [i, p] of raw.entries()) {
    // the detail points into the answer (no words: the message around it is translated)
    if (!Array.isArray(p) || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return fail('routing.provider-answer', { detail: `coordinates[${i}]` });
    coords.push([p[0] as number, p[1] as number]);
  }
  const length_m = positionsLength(coords);
  const ways: Leg['ways'] = {};
  const messages = feature?.properties?.messages;
  if (Array.isArray(messages) && Array.isArray(messages[0])) {
    const header = messages[0] as unknown[];
    const iDist = header.indexOf('Distance');
    const iTags = header.indexOf('WayTags');
    let counted = 0;
    for (const row of messages.slice(1)) {
      if (!Array.isArray(row)) continue;
      const d = Number(row[iDist]);
      if (!Number.isFinite(d)) continue;
      const k = wayKind(String(row[iTags] ?? ''));
      ways[k] = (ways[k] ?? 0) + d;
      counted += d;
    }
    // BRouter's distances are its own (spherical, rounded to the metre): scale them to our length
    if (counted > 0) for (const k of Object.keys(ways) as (keyof Leg['ways'])[]) ways[k] = (ways[k]! * length_m) / counted;
  }
  if (Object.keys(ways).length === 0) ways.path = length_m;
  return ok({ coords, length_m, ways });
}
