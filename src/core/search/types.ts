// What the search finds: a place of the embedded layers (a commune, a terril, a cavalier…) or,
// through an extra source, of an online service (an address from a geocoder).

export type PlaceKind = 'commune' | 'terril' | 'cavalier' | 'veloroute' | 'friche' | 'puits' | 'address';

export interface Place {
  /** unique among the places of one index: `<layer id>:<key>` */
  id: string;
  kind: PlaceKind;
  /** the name shown */
  name: string;
  /** a number the place is known by: the terril's « T074 », the véloroute's « V31 » */
  ref?: string;
  /** other names it is searched by (a terril's official name beside its usual one) */
  aliases?: string[];
  /** where it is, in words: the communes of a terril, the commune of a shaft; searched with a low weight */
  context?: string;
  /** a friche's status (« friche potentielle » is unverified) */
  status?: string;
  population?: number;
  /** label point: inside the polygon, on the line, or the point itself */
  point: [number, number];
  /** [west, south, east, north] */
  bbox: [number, number, number, number];
  /** the manifest layer it comes from ('' for an extra source) */
  layerId: string;
  /** the property that picks its features out of that layer, for the map's highlight */
  match?: { key: string; value: string | number };
}

/**
 * Another source of places, asked after the embedded index (the Géoplateforme geocoder for
 * addresses, when online). It answers with places already ranked; it must honour `signal`
 * (a newer query aborts the older one) and reject rather than hang when offline.
 */
export interface PlaceSource {
  readonly id: string;
  search(query: string, options: { signal: AbortLike; limit: number; near?: [number, number] }): Promise<Place[]>;
}

/** What the core needs of an AbortSignal (the core is built without the DOM library). */
interface AbortLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void): void;
}
