// « Charger les zones protégées officielles »: the official protected areas around a route, asked
// of two WFS 2.0 servers, and read here (pure: the adapter src/adapters/wfs.ts does the asking,
// through the one HTTP adapter). What this file knows: which layers to ask, how a GetFeature URL
// is written, how its GeoJSON answer is read and paged, and how a feature becomes a sensitive
// zone with its identity (code, name, type, date, source).
//
// What was followed (looked up December 2026):
//  - The Géoplateforme WFS, https://data.geopf.fr/wfs/ows, WFS 2.0.0 (IGN, « Sélection d’objets
//    WFS », cartes.gouv.fr documentation: IGNF/cartes.gouv.fr-documentation, guides-utilisateur/
//    utiliser-les-services-de-la-geoplateforme/diffusion/wfs.md): GetFeature with TYPENAMES,
//    30 requests a second at most. The news « Évolution à impact fort sur les services WFS et
//    WMS‑V de la Géoplateforme » (geoservices.ign.fr/actualites/2026-13-03-evolution-wfs-et-wms-v-gpf)
//    shows the paging used (STARTINDEX / COUNT=5000 at most) and says no more than two layers in
//    one URL: we ask one layer per request.
//  - The INPN / PatriNat layers on that server, as the projects that use them name them (the
//    happign R package's list of MNHN layers, and several open pipelines): patrinat_sic:sic
//    (Natura 2000, directive Habitats: SIC and ZSC), patrinat_zps:zps (directive Oiseaux),
//    patrinat_znieff1:znieff1, patrinat_znieff2:znieff2, patrinat_apb:apb (arrêtés de protection
//    de biotope), patrinat_rnn:rnn, patrinat_rnr:rnr (réserves naturelles nationales et
//    régionales), patrinat_sc:sc (sites classés). They share PatriNat's harmonised schema:
//    `id_mnhn` (the site code, FR3100504 for a Natura 2000 site), `nom_site`, `url_fiche`.
//  - Axis order: the server is a GeoServer. Its « Axis ordering » page (docs.geoserver.org,
//    services/wfs/axis_order) says the short form « EPSG:4326 » is read longitude/latitude, as
//    GeoJSON writes them (the urn form would be latitude/longitude): SRSNAME=EPSG:4326 and
//    BBOX=west,south,east,north,EPSG:4326.
//  - The answer (outputFormat=application/json) is GeoServer's WFS 2.0 GeoJSON: a
//    FeatureCollection with `numberMatched` (a number, or "unknown"), `numberReturned`,
//    `totalFeatures` and `timeStamp` beside the features. A refusal (an unknown typeName) is an
//    OWS ExceptionReport in XML (ows:Exception exceptionCode="InvalidParameterValue" with its
//    ows:ExceptionText), with HTTP 400 or, from some servers, 200.
//  - The regional Trame verte et bleue (réservoirs de biodiversité and corridors of the SRCE
//    Nord-Pas-de-Calais, taken over by the SRADDET Hauts-de-France) is published by the regional
//    platform Géo2France, a GeoServer at https://www.geo2france.fr/geoserver/ows. The exact
//    names of those two layers could not be confirmed from here: GEO2FRANCE_TVB_TYPENAMES below
//    is a documented constant to check against the server's GetCapabilities. A wrong name costs
//    only that layer: the server refuses it (an ExceptionReport), the review says so, and the
//    national layers load all the same.

import { fail, ok, type GeoError, type Result } from '../errors';
import { bboxOf, type Bbox } from '../geo/bbox';
import type { Position } from '../types';

/** The kinds of zone an official layer stands for: an embedded approximation of that kind leaves the review when one is there. */
export type OfficialKind = 'protections' | 'reservoirs' | 'corridors';

export type OfficialService = 'geoplateforme' | 'geo2france';

export const OFFICIAL_WFS_ENDPOINTS: Record<OfficialService, string> = {
  geoplateforme: 'https://data.geopf.fr/wfs/ows',
  geo2france: 'https://www.geo2france.fr/geoserver/ows',
};

/**
 * The SRCE Nord-Pas-de-Calais layers on Géo2France: NOT confirmed (see the head of this file).
 * Check them in https://www.geo2france.fr/geoserver/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetCapabilities.
 */
export const GEO2FRANCE_TVB_TYPENAMES = {
  reservoirs: 'srce_npdc:reservoirs_biodiversite',
  corridors: 'srce_npdc:corridors_ecologiques',
} as const;

export interface OfficialZoneSource {
  /** stable: the imported layer is `official-<id>`, fetched again it replaces itself */
  id: string;
  service: OfficialService;
  typeName: string;
  /** the review's kind of each zone (its breeding season is set by kind) */
  zoneType: string;
  official: OfficialKind;
  /** the embedded approximate layers (src/core/review/embedded.ts) this one stands in for */
  replaces: readonly string[];
  /** who makes the data, for the source line */
  producer: string;
  /** the typeName was found in public use; false for the regional constants to check */
  confirmed: boolean;
}

const INPN = 'INPN / PatriNat (MNHN, OFB)';
const SRCE = 'DREAL / Région Hauts-de-France — SRCE Nord-Pas-de-Calais';
const inpn = (id: string, typeName: string, zoneType: string, replaces: readonly string[] = ['protections']): OfficialZoneSource => ({
  id,
  service: 'geoplateforme',
  typeName,
  zoneType,
  official: 'protections',
  replaces,
  producer: INPN,
  confirmed: true,
});

export const OFFICIAL_ZONE_SOURCES: readonly OfficialZoneSource[] = [
  inpn('n2000-sic', 'patrinat_sic:sic', 'Natura 2000 SIC/ZSC'),
  inpn('n2000-zps', 'patrinat_zps:zps', 'Natura 2000 ZPS'),
  inpn('znieff1', 'patrinat_znieff1:znieff1', 'ZNIEFF I'),
  inpn('znieff2', 'patrinat_znieff2:znieff2', 'ZNIEFF II'),
  inpn('appb', 'patrinat_apb:apb', 'APPB'),
  inpn('rnn', 'patrinat_rnn:rnn', 'RNN'),
  inpn('rnr', 'patrinat_rnr:rnr', 'RNR'),
  inpn('sites-classes', 'patrinat_sc:sc', 'site classé', ['sites-classes']),
  {
    id: 'tvb-reservoirs',
    service: 'geo2france',
    typeName: GEO2FRANCE_TVB_TYPENAMES.reservoirs,
    zoneType: 'réservoir TVB',
    official: 'reservoirs',
    replaces: ['tvb-reservoirs'],
    producer: SRCE,
    confirmed: false,
  },
  {
    id: 'tvb-corridors',
    service: 'geo2france',
    typeName: GEO2FRANCE_TVB_TYPENAMES.corridors,
    zoneType: 'corridor TVB',
    official: 'corridors',
    replaces: ['tvb-corridors'],
    producer: SRCE,
    confirmed: false,
  },
];

// ── the area asked ───────────────────────────────────────────────────────────

/** Around the route: the near zones of the review (500 m by default) lie well inside. */
const OFFICIAL_ZONES_MARGIN_M = 2000;
/** A box larger than this on a side (km) is not one event's course: refused before anything is asked. */
const OFFICIAL_ZONES_MAX_SIDE_KM = 200;

const M_PER_DEG_LAT = 111_320;
const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * The box the layers are asked for: the route's extent grown by `margin_m` on every side
 * ('wfs.no-route' without a route, 'wfs.area-too-large' past OFFICIAL_ZONES_MAX_SIDE_KM).
 */
export function officialZonesArea(segments: readonly (readonly Position[])[], margin_m = OFFICIAL_ZONES_MARGIN_M): Result<Bbox> {
  const extent = bboxOf(segments);
  if (!extent) return fail('wfs.no-route');
  const [w, s, e, n] = extent;
  const dLat = margin_m / M_PER_DEG_LAT;
  // a degree of longitude shortens with the cosine of the latitude: taken where it is shortest (the
  // latitude farthest from the equator), the margin is at least margin_m all along the box's sides
  const cos = Math.cos((Math.max(Math.abs(s), Math.abs(n)) * Math.PI) / 180);
  const dLon = margin_m / (M_PER_DEG_LAT * Math.max(cos, 1e-6));
  const box: Bbox = [r6(w - dLon), r6(s - dLat), r6(e + dLon), r6(n + dLat)];
  const widthKm = ((box[2] - box[0]) * M_PER_DEG_LAT * Math.cos((((box[1] + box[3]) / 2) * Math.PI) / 180)) / 1000;
  const heightKm = ((box[3] - box[1]) * M_PER_DEG_LAT) / 1000;
  const side = Math.max(widthKm, heightKm);
  if (side > OFFICIAL_ZONES_MAX_SIDE_KM) return fail('wfs.area-too-large', { side_km: Math.round(side), limit_km: OFFICIAL_ZONES_MAX_SIDE_KM });
  return ok(box);
}

// ── the request ──────────────────────────────────────────────────────────────

/** Features asked per page (the Géoplateforme gives 5,000 at most; ZNIEFF outlines are heavy). */
export const WFS_PAGE_SIZE = 1000;
/** Pages followed at most for one layer: past this the layer is kept with a warning ('wfs.truncated'). */
export const WFS_MAX_PAGES = 10;

/** Query parameters as URLSearchParams writes them (form encoding), which the core has no DOM or node types for. */
function formEncoded(params: Record<string, string>): string {
  const enc = (v: string) =>
    encodeURIComponent(v)
      .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
      .replace(/%20/g, '+');
  return Object.entries(params)
    .map(([k, v]) => `${enc(k)}=${enc(v)}`)
    .join('&');
}

/** One GetFeature page of one layer over `bbox`, in GeoJSON, in longitude/latitude. */
export function wfsGetFeatureUrl(endpoint: string, typeName: string, bbox: Bbox, startIndex: number, count = WFS_PAGE_SIZE): string {
  const params = formEncoded({
    SERVICE: 'WFS',
    VERSION: '2.0.0',
    REQUEST: 'GetFeature',
    TYPENAMES: typeName,
    OUTPUTFORMAT: 'application/json',
    SRSNAME: 'EPSG:4326',
    BBOX: `${bbox.join(',')},EPSG:4326`,
    COUNT: String(count),
    STARTINDEX: String(startIndex),
  });
  return `${endpoint}${endpoint.includes('?') ? '&' : '?'}${params}`;
}

// ── the answer ───────────────────────────────────────────────────────────────

export interface WfsPage {
  features: unknown[];
  /** all the features the query matches, when the server says (GeoServer may write "unknown") */
  numberMatched: number | null;
  numberReturned: number;
  /** when the server answered (ISO), when it says */
  timeStamp: string | null;
}

const EXCERPT = 200;
const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The OWS ExceptionReport of a refusal (WFS 2.0; the ServiceExceptionReport of WFS 1.x too), or null when the text is none. */
export function wfsException(text: string, typeName: string): GeoError | null {
  if (!/<(?:\w+:)?(?:Service)?ExceptionReport\b/.test(text)) return null;
  const code = /exceptionCode\s*=\s*"([^"]*)"/.exec(text)?.[1] ?? /\bcode\s*=\s*"([^"]*)"/.exec(text)?.[1];
  const said = /<(?:\w+:)?(?:ExceptionText|ServiceException)\b[^>]*>([\s\S]*?)<\/(?:\w+:)?(?:ExceptionText|ServiceException)>/.exec(text)?.[1];
  const words = said ? unescapeXml(said).replace(/\s+/g, ' ').trim().slice(0, EXCERPT) : '';
  return { code: 'wfs.exception', detail: { layer: typeName, ...(code ? { exception: code } : {}), ...(words ? { text: words } : {}) } };
}

/**
 * One page of a GetFeature answer: the features and the counts, or 'wfs.exception' (the server
 * refused: its ExceptionReport) or 'wfs.bad-answer' (neither GeoJSON nor a refusal).
 */
export function readWfsPage(text: string, typeName: string): Result<WfsPage> {
  const head = text.trimStart();
  if (head.startsWith('<')) return { ok: false, error: wfsException(head, typeName) ?? { code: 'wfs.bad-answer', detail: { layer: typeName } } };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('wfs.bad-answer', { layer: typeName });
  }
  const fc = json as { type?: unknown; features?: unknown; numberMatched?: unknown; numberReturned?: unknown; timeStamp?: unknown };
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) return fail('wfs.bad-answer', { layer: typeName });
  const count = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null);
  return ok({
    features: fc.features,
    numberMatched: count(fc.numberMatched),
    numberReturned: count(fc.numberReturned) ?? fc.features.length,
    timeStamp: typeof fc.timeStamp === 'string' ? fc.timeStamp : null,
  });
}

/**
 * Where the next page starts, or null when this one was the last: WFS 2.0 paging by STARTINDEX,
 * ended by numberMatched when the server gives it, else by a page shorter than asked.
 */
export function nextStartIndex(page: WfsPage, startIndex: number, count: number): number | null {
  const got = page.numberReturned;
  if (got <= 0) return null;
  const next = startIndex + got;
  if (page.numberMatched !== null) return next < page.numberMatched ? next : null;
  return got < count ? null : next;
}

// ── features as zones ────────────────────────────────────────────────────────

/** Field names of the zone's identity, in order, case ignored: PatriNat's schema first, then the INPN downloads' and the SRCE's. */
const CODE_FIELDS = ['id_mnhn', 'sitecode', 'code_site', 'id_srce', 'code', 'identifiant', 'id'];
const NAME_FIELDS = ['nom_site', 'sitename', 'nom', 'name', 'libelle', 'lib'];
const DATE_FIELDS = ['date_maj', 'date_modif', 'date_modification', 'date_creation', 'date_crea', 'date_arrete', 'date'];
const URL_FIELDS = ['url_fiche', 'url'];

type Props = Record<string, unknown>;

function field(props: Props, names: readonly string[]): string | undefined {
  const lower = new Map(Object.keys(props).map((k) => [k.toLowerCase(), k]));
  for (const n of names) {
    const key = lower.get(n);
    const v = key === undefined ? undefined : props[key];
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  }
  return undefined;
}

/** An ISO day from a date field (« 2019-05-14 », « 2019-05-14T00:00:00Z », « 2019-05-14Z »), else the value as it is. */
function day(v: string | undefined): string | undefined {
  if (!v) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(v);
  return m ? m[1] : v;
}

/** What every zone of an official layer carries, besides its own properties. */
export interface OfficialZoneProperties {
  /** the code, made unique within the layer (« FR3100504#2 » for a site's second feature) */
  id: string;
  /** the site's code (id_mnhn: FR3100504, 310013698…), else the server's feature id */
  code: string;
  name: string;
  /** the review's kind: the source's zoneType */
  kind: string;
  /** the data's own date when a field gives it, else the day the server answered */
  date: string | null;
  /** producer, server and layer */
  source: string;
  official: OfficialKind;
  url?: string;
}

/**
 * The features of a layer's answer as sensitive zones: the server's properties kept, and the
 * identity the review reads (`id` = the code, `name`, `kind` = the source's zone type) with
 * `code`, `date`, `source` and `official`. Features without a geometry are left out (counted by
 * the import that follows).
 */
export function officialZoneFeatures(
  source: OfficialZoneSource,
  features: readonly unknown[],
  answered: { host: string; timeStamp: string | null },
): { type: 'FeatureCollection'; features: { type: 'Feature'; id?: string | number; geometry: unknown; properties: Props & OfficialZoneProperties }[] } {
  const fetched = day(answered.timeStamp ?? undefined) ?? null;
  const sourceLine = `${source.producer} — ${answered.host}, ${source.typeName}`;
  // a site cut into several features keeps its code; the review's ids stay unique within the layer
  const seen = new Map<string, number>();
  const out = features.flatMap((f, i) => {
    const feat = f as { id?: unknown; geometry?: unknown; properties?: unknown } | null;
    if (!feat || typeof feat !== 'object' || !feat.geometry) return [];
    const props: Props = feat.properties && typeof feat.properties === 'object' ? (feat.properties as Props) : {};
    const serverId = typeof feat.id === 'string' || typeof feat.id === 'number' ? String(feat.id) : undefined;
    const code = field(props, CODE_FIELDS) ?? serverId ?? String(i + 1);
    const name = field(props, NAME_FIELDS) ?? code;
    const url = field(props, URL_FIELDS);
    const n = (seen.get(code) ?? 0) + 1;
    seen.set(code, n);
    const identity: OfficialZoneProperties = {
      id: n === 1 ? code : `${code}#${n}`,
      code,
      name,
      kind: source.zoneType,
      date: day(field(props, DATE_FIELDS)) ?? fetched,
      source: sourceLine,
      official: source.official,
      ...(url ? { url } : {}),
    };
    // the server's own `type`, `kind`, `name`… would override the identity: the identity wins, the rest is kept
    return [{ type: 'Feature' as const, ...(serverId ? { id: serverId } : {}), geometry: feat.geometry, properties: { ...props, ...identity } }];
  });
  return { type: 'FeatureCollection', features: out };
}
