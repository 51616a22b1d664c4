// Every shape that crosses the thread boundary between the page and the engine's worker, in one
// file (as maplibre-gl-js keeps its actor messages): types only, no code. The page imports these
// and workers/client.ts, never an engine file; the engines import them to type their methods.

import type { FeatureCollection, GeoJsonProperties, Geometry, LineString } from 'geojson';
import type { SimplifyReport } from '../src/core/event/simplify';
import type { GeoError, Result } from '../src/core/errors';
import type { Bbox } from '../src/core/geo/bbox';
import type { CrsCode } from '../src/core/import/crs';
import type { CrsDetection } from '../src/core/import/detect-crs';
import type { LayerFormat, SkippedFeature } from '../src/core/import/layer';
import type { RouteReview, SeasonReview, SeasonSettings } from '../src/core/review/index';
import type { CommuneCrossing } from '../src/core/review/communes';
import type { OfficialKind } from '../src/core/review/official-zones';
import type { ZoneAttributes } from '../src/core/review/dossier';
import type { DossierMap, MapPlaceInput } from '../src/core/review/dossier-map';
import type { SeasonLoad } from '../src/core/review/season';
import type { ZoneFieldProposal, ZoneFields } from '../src/core/review/zone-fields';
import type { ReviewView } from '../src/core/review/views';
import type { LayerChoice, ReviewGroup } from '../src/core/review/selection';
import type { ZoneChange } from '../src/core/review/avoid';
import type { Leg } from '../src/core/route/leg';
import type { LonLat } from '../src/core/route/model';
import type { WaySurfaces } from '../src/core/route/ways';
import type { BrouterOptions } from '../src/core/routing/brouter';
import type { Position } from '../src/core/types';

// ── routing ───────────────────────────────────────────────────────────────────────────────────

/** Which engine computes 'network' legs: the embedded graph, or a BRouter server (see README). */
export type RoutingProviderSetting = { kind: 'graph' } | ({ kind: 'brouter' } & BrouterOptions);

// ── change (engine.ts) ────────────────────────────────────────────────────────────────────────

/**
 * How many times each piece of the engine's state has changed, published by the engine after
 * every call (watchEpochs): the page derives its keys from these (cached legs, figures, the
 * review's zones, the relief label) and counts nothing itself.
 */
export interface EngineEpochs {
  /** this engine's own id: a restarted worker counts from zero again, under another id */
  engine: string;
  /** the routing network: the embedded one loaded, network layers merged or removed */
  network: number;
  /** anything a leg depends on: the network, the provider, the avoid setting, and the zones while avoiding */
  routing: number;
  /** the elevation source: the approximate relief, a DEM file, online tiles, a DEM restored */
  relief: number;
  /** the review's zones: embedded layers loaded, sensitive layers added, replaced or removed */
  zones: number;
  /** the imported layers: added, removed, restored */
  layers: number;
}

// ── events and formulas (event-engine.ts) ─────────────────────────────────────────────────────

export interface PlacedPoint {
  lonlat: LonLat;
  km: number;
  /** distance from the click to the route (m) */
  offset_m: number;
}

/** A GPX file as the page needs it: the text, and what to tell the user. */
export interface GpxFileOut {
  formulaId: string;
  fileName: string;
  text: string;
  points: number;
  simplification: SimplifyReport | null;
}

export interface ZipOut {
  zip: Uint8Array;
  files: { formulaId: string; fileName: string; points: number; simplification: SimplifyReport | null }[];
  /** ids of formulas left out (no route) */
  skipped: string[];
}

// ── imported layers and DEM files (layer-engine.ts) ───────────────────────────────────────────

export type LayerRole = 'network' | 'sensitive' | 'reference';

/** What the dialog shows of a file before it is imported. */
export interface LayerPreview {
  token: string;
  fileName: string;
  /** the layer's own name (FeatureCollection `name`, track name) or the file name without extension */
  name: string;
  format: LayerFormat;
  crs: CrsDetection;
  /** the system the coordinates were read in */
  from: CrsCode;
  /** read with x and y exchanged */
  swapAxes: boolean;
  featureCount: number;
  geometryCounts: { point: number; line: number; polygon: number };
  bbox: [number, number, number, number];
  warnings: GeoError[];
  /** all skipped features (the list below holds at most MAX_SKIPPED_LISTED) */
  skippedCount: number;
  skipped: SkippedFeature[];
  /** the attributes likely to name and code its zones, and the official convention recognised (src/core/review/zone-fields.ts) */
  zoneFields: ZoneFieldProposal;
}

/** An imported layer as the page lists it (everything but the features). */
export interface UserLayerInfo {
  id: string;
  name: string;
  role: LayerRole;
  fileName: string;
  format: LayerFormat;
  from: CrsCode;
  featureCount: number;
  geometryCounts: { point: number; line: number; polygon: number };
  bbox: [number, number, number, number];
  /** lines handed to the network (role 'network' only) */
  networkLines?: number;
  /** fetched from an official WFS (« Charger les zones protégées officielles »): which kind it stands for */
  official?: OfficialLayerMark;
  /** the attributes the user chose for the zones' name and code (role 'sensitive'); absent: the layer's convention */
  zoneFields?: ZoneFields;
}

/** An official layer (official-zones-engine.ts): the embedded approximations of its kind leave the review when it is there. */
interface OfficialLayerMark {
  kind: OfficialKind;
  /** the source's id in OFFICIAL_ZONE_SOURCES (src/core/review/official-zones.ts) */
  source: string;
  typeName: string;
  host: string;
  /** the day the server answered (ISO) */
  fetched: string | null;
  /** the embedded layer ids it stands in for */
  replaces: string[];
}

/** A layer the page gives back (restored from storage): WGS84 features, as addLayer returned them. */
export interface UserLayerRecord extends UserLayerInfo {
  fc: FeatureCollection<Geometry, GeoJsonProperties>;
}

/** The routing network after a change of the network layers. */
export interface NetworkState {
  /** true when imported lines are merged in; false: the embedded network alone */
  merged: boolean;
  nodes: number;
  edges: number;
  components: number;
  /** joins made by the builder between imported lines and the rest (ends within the tolerance): shown dashed on the map */
  joins: FeatureCollection<LineString, { kind: 'gap' }>;
  /** restored from a kept bundle (MergedNetworkBundle) rather than rebuilt */
  prebuilt?: boolean;
}

/**
 * The merged network as one buffer (graph + segment index, src/core/graph/bundle.ts), for the page
 * to keep: restoring the layers with it loads the network in milliseconds where a regional OSM
 * export takes seconds to rebuild. `key` says what it was built from; a bundle whose key is not
 * the engine's (another set of network layers, another embedded network or tolerance) is ignored.
 */
export interface MergedNetworkBundle {
  key: string;
  bytes: ArrayBuffer;
  names: string[];
  state: NetworkState;
}

export interface AddedLayer {
  layer: UserLayerInfo;
  fc: FeatureCollection<Geometry, GeoJsonProperties>;
  /** present when the routing network changed (role 'network') */
  network?: NetworkState;
}

/** « Charger les chemins OpenStreetMap de cette zone » (osm-engine.ts). */
export interface OsmPathsRequest {
  /** the view, [west, south, east, north] */
  bbox: [number, number, number, number];
  /** the layer's name, in the page's language */
  name: string;
  id?: string;
  /** the Overpass interpreter; the public instance by default */
  url?: string;
  /** our limit on the exchange (ms), for tests; the server's own limit plus a margin by default */
  timeoutMs?: number;
}

export interface DemInfo {
  name: string;
  approximate: boolean;
  bbox: [number, number, number, number];
  width: number;
  height: number;
}

export interface SensitiveLayer {
  id: string;
  name: string;
  fc: FeatureCollection<Geometry, GeoJsonProperties>;
  /** an official layer fetched online, with its kind */
  official?: OfficialLayerMark;
  /** the attributes giving each zone's name and code, as chosen on import */
  zoneFields?: ZoneFields;
}

/** « Charger les zones protégées officielles » (official-zones-engine.ts). */
export interface OfficialZonesRequest {
  /** the route whose extent (grown by margin_m) is asked */
  route: ReviewRoute;
  margin_m?: number;
  /** each source's layer name in the page's language, by source id */
  names: Record<string, string>;
  /** the sources to ask (ids); all by default */
  sources?: string[];
  /** the servers, by service ('geoplateforme', 'geo2france'): the public ones by default */
  endpoints?: Partial<Record<'geoplateforme' | 'geo2france', string>>;
  timeoutMs?: number;
}

/** What one source gave. */
export interface OfficialSourceResult {
  id: string;
  typeName: string;
  host: string;
  /** zones kept (0: nothing there; no layer added) */
  count: number;
  /** the layer's id when one was added */
  layerId?: string;
  /** the day the server answered */
  fetched: string | null;
  error?: GeoError;
  warnings: GeoError[];
}

export interface OfficialZonesLoaded {
  added: AddedLayer[];
  sources: OfficialSourceResult[];
  bbox: Bbox;
}

/** Progress of a long step, for the dialog's bar: `total` 0 means "no measure" (parsing, merging). */
export type ProgressFn = (phase: 'read' | 'convert' | 'network', done: number, total: number) => void;

// ── environmental review (review-engine.ts) ───────────────────────────────────────────────────

/** An embedded layer to load: its manifest id and title, and where to read it. */
export interface ReviewLayerSource {
  id: string;
  /** shown in the panel, the dossier and the zone messages (the manifest's French title) */
  title: string;
  /** absolute URL the worker fetches (the page resolves data/… against its own address) */
  url?: string;
  /** or the GeoJSON itself */
  data?: unknown;
}

export interface ReviewLayerInfo {
  id: string;
  title: string;
  origin: 'embedded' | 'imported';
  /** an embedded approximation (src/core/review/embedded.ts), listed apart */
  approximate: boolean;
  /** what it stands for: an imported layer of a group replaces the approximation of that group */
  groups: ReviewGroup[];
  /** the review uses it, and why (src/core/review/selection.ts) */
  reviewed: boolean;
  choice: LayerChoice;
  /** for 'replaced': the ids of the imported layers that replace it */
  replacedBy: string[];
  /** zones kept after validation, by geometry */
  polygons: number;
  lines: number;
  /** zone problems (detail.name: the zone, detail.layer: the layer's title); format with formatError */
  issues: GeoError[];
  /** the layer could not be read at all (then it has no zones) */
  error?: GeoError;
}

export interface ReviewLayersState {
  zonesVersion: number;
  layers: ReviewLayerInfo[];
  /** the commune layer is loaded (the dossier lists the communes crossed) */
  communes: boolean;
}

export type AvoidMode = 'off' | 'penalise' | 'forbid';

export interface AvoidSettings {
  mode: AvoidMode;
  /** « pénaliser »: each metre inside costs this many metres (≥ 1); default 5 */
  factor: number;
  /** ids of the layers to avoid; null or absent: every layer with areas */
  layers?: string[] | null;
}

export interface ReviewOptionsIn {
  buffer_m?: number;
  corridor_m?: number;
}
/** Where to draw and frame a row of the review on the map (src/core/review/views.ts). */

export interface ReviewResult {
  review: RouteReview;
  /** per crossing, per pass (same order as review.crossings[i].passes) */
  passViews: ReviewView[][];
  /** per near zone: the shortest line from the route to the zone */
  nearViews: ReviewView[];
  zonesVersion: number;
}

/** A drawn route (its legs) or a track (its segments). */
export type ReviewRoute = { legs: Leg[] } | { segments: Position[][] };

export interface DetourReport {
  /** the route as routed now (with the avoid setting) and with plain shortest paths (m) */
  with_m: number;
  without_m: number;
  /** legs that go through zones although « interdire » is on (endInside: one of the leg's points is in a zone) */
  unavoidable: { leg: number; inside_m: number; zones: string[]; endInside: boolean }[];
  /** the setting the figures were computed with */
  mode: AvoidMode;
  /** every zone either way enters: metres inside without and with avoiding, those that got worse first ([] when off) */
  zones: ZoneChange[];
}

/** Load of an event for the season review: its days, participants and laps (src/core/review/season.ts). */
export type { SeasonLoad };
/** A commune the route crosses, for the dossier (src/core/review/communes.ts). */

export interface DossierInput {
  route: ReviewRoute;
  buffer_m: number;
  load: SeasonLoad | null;
  season: SeasonSettings;
  /** the event's aid stations, parking and public areas (and start, finish), drawn on the maps */
  places?: MapPlaceInput[];
}

export interface DossierData {
  result: ReviewResult;
  communes: CommuneCrossing[] | null;
  /** metres by kind of way: public roads against paths (src/core/route/ways.ts); null for a track (unknown) */
  ways: WaySurfaces | null;
  season: Result<SeasonReview> | null;
  /** the route's box grown to the nearest points of the zones nearby: the map is fitted to it before the image is taken */
  bbox: Bbox | null;
  layers: ReviewLayerInfo[];
  csv: string;
  /** the whole of Nord and Pas-de-Calais, or only the basin's communes (src/core/review/dossier.ts) */
  communesCover: 'region' | 'basin' | null;
  /** source attributes of the zones crossed and near, by `${layer}|${id}` */
  attributes: Record<string, ZoneAttributes>;
  /** the overall map, then one per site crossed (src/core/review/dossier-map.ts) */
  maps: DossierMap[];
}
