// Plain JSON shapes of the environmental review: zones as read from a layer, and what a review
// of a route against them reports. Everything here crosses the worker boundary by structured
// clone; the prepared (indexed) zones of ./zones.ts do not and stay in the worker.

/**
 * A sensitive zone, validated and normalised (./validate.ts).
 * A polygon zone is read with the even-odd rule over all its rings: outer rings and holes of
 * every part of a MultiPolygon go in one list, which is exact for valid geometry and gives a
 * documented answer for self-intersecting rings (see ./validate.ts).
 * A line zone (a TVB corridor) is a band of `corridor_m` on each side of its lines.
 */
export interface ZoneInput {
  /** unique within its layer (the feature's id, or its position in the file) */
  id: string;
  /** from the chosen name attribute or the layer's convention (SITENAME…), else the feature's `name` or `nom`, else a made-up label quoting the layer and the position */
  name: string;
  /** the official code (Natura 2000 SITECODE « FR3100474 », ZNIEFF ID_MNHN…) when the layer gives one (./zone-fields.ts) */
  code?: string;
  /** what it is, for the reader and for the breeding-season settings: 'APPB', 'ZNIEFF', 'corridor TVB'… */
  kind: string;
  /** the layer it comes from: 'protections', 'tvb-reservoirs', or an imported file's name */
  layer: string;
  geometry: 'polygon' | 'line';
  /** polygon: closed rings [lon, lat] (first = last); line: polylines */
  parts: [number, number][][];
  /** sensitive periods the zone's own attributes give (./validate.ts, read by ./season.ts); absent when none */
  season?: SeasonPeriod[];
}

/** A period of whole months, first and last month 1 to 12, both included (may run over the new year). */
export interface SeasonPeriod {
  from_month: number;
  to_month: number;
}

export interface ReviewOptions {
  /** zones not entered but within this distance of the route are listed as near (m); default 500 */
  buffer_m?: number;
  /** half-width of the band a line zone stands for (m, each side of the line); default 25 */
  corridor_m?: number;
}

export const DEFAULT_BUFFER_M = 500;
export const DEFAULT_CORRIDOR_M = 25;

/** One stretch of the route inside a zone. */
export interface ReviewPass {
  /** distance along the route where the pass begins and ends (km; gaps between track segments are not counted) */
  from_km: number;
  to_km: number;
  length_m: number;
  /** where the route enters and leaves the zone ([lon, lat]); the route's first point when it starts inside */
  entry: [number, number];
  exit: [number, number];
}

/** Where the route crosses the centre line of a line zone. */
export interface LineCrossing {
  at_km: number;
  at: [number, number];
}

export interface ZoneCrossing {
  zone: string;
  id: string;
  /** the zone's official code, when its layer gives one */
  code?: string;
  kind: string;
  layer: string;
  geometry: 'polygon' | 'line';
  /** total length inside (m) */
  length_m: number;
  /** length_m / route length (0 to 1) */
  share: number;
  /** in route order */
  passes: ReviewPass[];
  /** line zones only: each time the route crosses the line itself */
  line_crossings?: LineCrossing[];
  /** the zone's own sensitive periods (ZoneInput.season) */
  season?: SeasonPeriod[];
  /** a corridor cut into pieces (line zones of the layer sharing its name): the ids of the pieces entered, in route order */
  pieces?: string[];
}

export interface NearZone {
  zone: string;
  id: string;
  /** the zone's official code, when its layer gives one */
  code?: string;
  kind: string;
  layer: string;
  geometry: 'polygon' | 'line';
  /** shortest distance from the route to the zone (to its edge; to the centre line for a line zone), m */
  distance_m: number;
  /** where on the route the shortest distance is reached */
  at_km: number;
  at: [number, number];
  /** the zone's nearest point */
  nearest: [number, number];
}

export interface RouteReview {
  /** geodesic length, summed within track segments (as `cavalier stats`) */
  route_length_m: number;
  /** zones entered, in the order the route first enters them */
  crossings: ZoneCrossing[];
  /** zones within buffer_m but not entered, nearest first */
  near: NearZone[];
  buffer_m: number;
  corridor_m: number;
}
