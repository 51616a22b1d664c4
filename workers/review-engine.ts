// The engine's methods for the environmental review (src/core/review): sensitive zones loaded and
// prepared once per layer, reviews of the route on the map, the avoid mode of the router, the
// season and load of the event, the communes crossed, and what the dossier and its CSV need.
// Spread into createEngine() (engine.ts), which gives the network and the imported layers. This
// engine owns the review zones; the routing engine owns the network and is supplied the zones'
// price while avoid mode is on.
//
// Zones:
//  - the embedded sensitive layers (src/core/review/embedded.ts: protections, TVB reservoirs and
//    corridors): loadReviewLayers() with their absolute URLs (the worker fetches them) or their
//    GeoJSON (node tests);
//  - every layer the user imported as « zone sensible » (layer-engine.ts getSensitiveLayers(),
//    read at each call: a layer added or removed there is in the next review), and any layer
//    given with addSensitiveLayer(id, name, fc).
// Each layer is validated (zonesFromGeoJson: problems named by zone) and prepared (prepareZones:
// typed arrays and flatbush, which stay here; only plain results cross to the page) once, and
// again only when its FeatureCollection changes. `zonesVersion` counts the changes.
//
// Avoid mode (setAvoid): legs routed on the graph get edge cost factors from the zones'
// areas (src/core/review/avoid.ts documents the model). The metres of each edge inside each layer
// are computed once per (network, layer) and the cost array once per (network, zones, mode,
// factor, layers chosen), then reused for every leg; a new array only when one of them changes.
// With « interdire », a leg that still goes inside (no way round) is flagged: Leg.unavoidable.
// detour() also reports, per zone, the metres inside with and without avoiding (zoneChanges).
//
// Approximations apart (src/core/review/selection.ts): each layer says whether it is an embedded
// approximation and which group it stands for; the review, the avoid mode, the CSV and the
// dossier use only the layers selectLayers keeps (an approximate layer leaves for a group an
// imported layer covers, unless the user switched it on; setReviewSwitches). The CSV goes
// through the core's reviewCsv with the same inputs as `cavalier review --csv`.

import type { FeatureCollection, GeoJsonProperties, Geometry } from 'geojson';
import type { GeoError, Result } from '../src/core/errors';
import { bboxOf } from '../src/core/geo/bbox';
import {
  DEFAULT_BUFFER_M,
  prepareZones,
  seasonOverDays,
  zonesFromGeoJson,
  type PreparedZones,
  type RouteReview,
  type SeasonReview,
  type SeasonSettings,
  type ZoneInput,
} from '../src/core/review/index';
import { avoidEdgeCost, DEFAULT_AVOID_FACTOR, edgeInsideIntervals, FORBID_FACTOR, mergeInside, zoneChanges } from '../src/core/review/avoid';
import { csvTable, reviewCsv } from '../src/core/review/csv';
import { groupsOfZones, selectLayers, type LayerSelection, type ReviewGroup } from '../src/core/review/selection';
import { EMBEDDED_SENSITIVE_LAYERS } from '../src/core/review/embedded';
import { EMPTY_ZONES, insideAreas, INSIDE_TOLERANCE_M, reviewAcrossLayers } from '../src/core/review/multi-layer';
import { routeFrame, type RouteFrame } from '../src/core/review/route-frame';
import { communesCrossed, communeZones, type CommuneCrossing } from '../src/core/review/communes';
import { reviewViews } from '../src/core/review/views';
import type { ZoneFields } from '../src/core/review/zone-fields';
import { siteCode } from '../src/core/review/dossier';
import { dossierMaps } from '../src/core/review/dossier-map';
import { dossierSources } from '../src/core/review/dossier-sources';
import { joinLegs, type Leg, type LegRequest } from '../src/core/route/leg';
import type { RoutingNetwork } from '../src/core/route/network';
import { waySurfaces } from '../src/core/route/ways';
import type { Position } from '../src/core/types';
import { dataFile } from '../src/adapters/data-files';
import type {
  AvoidSettings,
  DetourReport,
  DossierData,
  DossierInput,
  ReviewLayerInfo,
  ReviewLayerSource,
  ReviewLayersState,
  ReviewOptionsIn,
  ReviewResult,
  ReviewRoute,
  SeasonLoad,
  SensitiveLayer,
} from './protocol';
import type { AvoidCost, AvoidCostSource } from './routing-engine';

export interface ReviewEngineHooks {
  /** the network legs are routed on (routing-engine.ts) */
  getNetwork: () => RoutingNetwork | null;
  /** the layers imported as sensitive (layer-engine.ts) */
  getSensitiveLayers: () => SensitiveLayer[];
  /** a leg on that network, with the avoid cost or without it (routing-engine.ts graphLeg) */
  graphLeg: (r: LegRequest, avoided: boolean) => Leg;
  /** hands the routing engine the price of the zones, or withdraws it (avoid mode off) */
  supplyAvoidCost: (source: AvoidCostSource | null) => void;
}

// ── internals ────────────────────────────────────────────────────────────────

interface ZoneLayer {
  id: string;
  title: string;
  origin: 'embedded' | 'imported';
  /** what the layer was built from: rebuilt when it changes */
  from: unknown;
  zones: ZoneInput[];
  /** an embedded approximation, and the groups the layer stands for (selection.ts) */
  approximate: boolean;
  groups: ReviewGroup[];
  prepared: PreparedZones;
  /** the area zones alone, for the avoid mode (built on first use) */
  areas: PreparedZones | null;
  issues: GeoError[];
  error?: GeoError;
}

function layerOf(
  id: string,
  title: string,
  origin: ZoneLayer['origin'],
  data: unknown,
  kind: string,
  def?: { kindProperties: string[]; approximate: boolean; group: ReviewGroup },
  fields?: ZoneFields,
): ZoneLayer {
  const read = zonesFromGeoJson(data, { file: title, layer: id, kind, ...(def ? { kindProperties: def.kindProperties } : {}), ...(fields ? { fields } : {}) });
  const approximate = def?.approximate ?? false;
  if (!read.ok)
    return {
      id,
      title,
      origin,
      from: data,
      zones: [],
      approximate,
      groups: def ? [def.group] : [],
      prepared: EMPTY_ZONES,
      areas: EMPTY_ZONES,
      issues: [],
      error: read.error,
    };
  const prepared = prepareZones(read.value.zones);
  // messages name the layer by its title (an imported layer's id means nothing to the user)
  const issues = [...read.value.issues, ...prepared.issues].map((i) => (i.detail ? { ...i, detail: { ...i.detail, layer: title } } : i));
  const groups = def ? [def.group] : groupsOfZones(read.value.zones, title);
  return { id, title, origin, from: data, zones: read.value.zones, approximate, groups, prepared, areas: null, issues };
}

function infoOf(l: ZoneLayer, chosen: LayerSelection | undefined): ReviewLayerInfo {
  return {
    id: l.id,
    title: l.title,
    origin: l.origin,
    approximate: l.approximate,
    groups: l.groups,
    reviewed: chosen?.reviewed ?? true,
    choice: chosen?.choice ?? 'official',
    replacedBy: chosen?.replacedBy ?? [],
    polygons: l.zones.filter((z) => z.geometry === 'polygon').length,
    lines: l.zones.filter((z) => z.geometry === 'line').length,
    issues: l.issues,
    ...(l.error ? { error: l.error } : {}),
  };
}

function areasOf(l: ZoneLayer): PreparedZones {
  l.areas ??= prepareZones(l.zones.filter((z) => z.geometry === 'polygon'));
  return l.areas;
}

const segmentsOf = (route: ReviewRoute): Position[][] => {
  if ('legs' in route) {
    const line = joinLegs(route.legs);
    return line.length ? [line] : [];
  }
  return route.segments.filter((s) => s.length > 0);
};

// ── the methods ──────────────────────────────────────────────────────────────

export function reviewMethods(hooks: ReviewEngineHooks) {
  const embedded = new Map<string, ZoneLayer>();
  /** given with addSensitiveLayer (kept until removed) */
  const added = new Map<string, { name: string; fc: unknown; zoneFields?: ZoneFields }>();
  /** built from the imported layers (layer engine) and the added ones, by id */
  const imported = new Map<string, ZoneLayer>();
  let communes: PreparedZones | null = null;
  let communesCover: 'region' | 'basin' | null = null;
  let zonesVersion = 0;
  /** the user's switches of the approximate layers, by id (selection.ts) */
  let switches: Record<string, boolean> = {};

  let avoid: AvoidSettings = { mode: 'off', factor: DEFAULT_AVOID_FACTOR, layers: null };
  /** where each edge lies inside each layer's areas, per network */
  const insideByNetwork = new WeakMap<RoutingNetwork, Map<ZoneLayer, Map<number, number[]>>>();
  let cost: { network: RoutingNetwork; key: string; array: Float32Array; layers: ZoneLayer[] } | null = null;
  /** detour figures per leg request, for one network and one avoid setting */
  let detourCache: {
    network: RoutingNetwork | null;
    key: string;
    legs: Map<string, { with_m: number; without_m: number; unavoidable: Leg['unavoidable'] | null; withLine: Position[]; withoutLine: Position[] }>;
  } | null = null;

  /** Brings the imported layers in line with the layer engine's (and the added ones); counts a change in zonesVersion. */
  function syncImported(): void {
    const wanted = new Map<string, { name: string; fc: unknown; zoneFields?: ZoneFields }>();
    for (const l of hooks.getSensitiveLayers()) wanted.set(l.id, { name: l.name, fc: l.fc, zoneFields: l.zoneFields });
    for (const [id, l] of added) wanted.set(id, l);
    let changed = false;
    for (const id of [...imported.keys()]) {
      if (!wanted.has(id)) {
        imported.delete(id);
        changed = true;
      }
    }
    for (const [id, l] of wanted) {
      const kept = imported.get(id);
      if (kept && kept.from === l.fc && kept.title === l.name) continue;
      // the layer's name is the kind of zones that give none (`kind` or `type` properties first)
      imported.set(id, layerOf(id, l.name, 'imported', l.fc, l.name, undefined, l.zoneFields));
      changed = true;
    }
    if (changed) zonesVersion++;
  }

  function allLayers(): ZoneLayer[] {
    syncImported();
    return [...embedded.values(), ...imported.values()];
  }

  const selectable = (l: ZoneLayer) => ({
    id: l.id,
    approximate: l.approximate,
    imported: l.origin === 'imported',
    groups: l.groups,
    zoneCount: l.zones.length,
  });

  /** Every layer with the choice selectLayers makes for it. */
  function selection(): { layer: ZoneLayer; chosen: LayerSelection }[] {
    const layers = allLayers();
    const chosen = selectLayers(layers.map(selectable), switches);
    return layers.map((layer, k) => ({ layer, chosen: chosen[k] }));
  }

  /** The layers the review uses (approximations apart: see the file comment). */
  const reviewedLayers = (): ZoneLayer[] =>
    selection()
      .filter((s) => s.chosen.reviewed)
      .map((s) => s.layer);

  function state(): ReviewLayersState {
    return { zonesVersion, layers: selection().map((s) => infoOf(s.layer, s.chosen)), communes: communes !== null };
  }

  const optionsOf = (options: ReviewOptionsIn) => ({
    buffer_m: options.buffer_m ?? DEFAULT_BUFFER_M,
    ...(options.corridor_m !== undefined ? { corridor_m: options.corridor_m } : {}),
  });

  // the frame of the route last reviewed: the next review, after an edit, re-measures only what changed
  let lastFrame: RouteFrame | undefined;

  function reviewOf(segments: Position[][], options: ReviewOptionsIn): ReviewResult {
    lastFrame = routeFrame(segments, lastFrame);
    const review = reviewAcrossLayers(
      lastFrame,
      reviewedLayers().map((l) => l.prepared),
      optionsOf(options),
    );
    return { review, ...reviewViews(segments, review), zonesVersion };
  }

  /** The CSV of the review, through the core function `cavalier review --csv` uses, with the same inputs. */
  const csvOf = (segments: Position[][], options: ReviewOptionsIn): string =>
    reviewCsv(
      segments,
      reviewedLayers().map((l) => ({ id: l.id, title: l.title, prepared: l.prepared })),
      optionsOf(options),
    );

  /** The layers the avoid mode prices, for this setting: those reviewed, with areas. */
  function avoidLayers(): ZoneLayer[] {
    const chosen = avoid.layers ? new Set(avoid.layers) : null;
    return reviewedLayers().filter((l) => (!chosen || chosen.has(l.id)) && areasOf(l).index !== null);
  }

  /** The cost array of the current setting on this network; null when nothing is avoided. */
  function costFor(network: RoutingNetwork): { array: Float32Array; layers: ZoneLayer[] } | null {
    if (avoid.mode === 'off') return null;
    const layers = avoidLayers();
    if (layers.length === 0) return null;
    const factor = avoid.mode === 'forbid' ? FORBID_FACTOR : Math.max(1, avoid.factor);
    const key = `${zonesVersion}|${factor}|${layers.map((l) => l.id).join(',')}`;
    if (cost && cost.network === network && cost.key === key) return cost;
    let byLayer = insideByNetwork.get(network);
    if (!byLayer) {
      byLayer = new Map();
      insideByNetwork.set(network, byLayer);
    }
    const known = byLayer;
    const lists = layers.map((l) => {
      let m = known.get(l);
      if (!m) {
        m = edgeInsideIntervals(network.graph, areasOf(l));
        known.set(l, m);
      }
      return m;
    });
    // layers that are no longer reviewed (replaced or removed) are forgotten
    const current = new Set(allLayers());
    for (const l of [...byLayer.keys()]) if (!current.has(l)) byLayer.delete(l);
    const inside = mergeInside(network.graph.edgeCount, lists);
    cost = { network, key, array: avoidEdgeCost(network.graph, inside, factor), layers };
    return cost;
  }

  /**
   * The price of the zones on this network, as the routing engine asks it for each leg while
   * avoid mode is on (setAvoid supplies this function, and withdraws it when the mode is off).
   */
  function avoidCostOf(network: RoutingNetwork): AvoidCost | null {
    const c = costFor(network);
    if (!c) return null;
    const areas = c.layers.map(areasOf);
    // « interdire »: a leg that still goes inside had no way round, and says so
    const unavoidable =
      avoid.mode === 'forbid'
        ? (coords: [number, number][]) => {
            const inside = insideAreas(coords, areas);
            return inside.inside_m >= INSIDE_TOLERANCE_M ? inside : null;
          }
        : undefined;
    return { edgeCost: c.array, ...(unavoidable ? { unavoidable } : {}) };
  }

  const communesOf = (segments: Position[][]): CommuneCrossing[] | null => (communes ? communesCrossed(segments, communes) : null);

  const methods = {
    /**
     * Loads the embedded sensitive layers (src/core/review/embedded.ts ids; others are refused)
     * and, when given, the commune layer (features named by `name` or `nom`, code in `insee`).
     * A layer that cannot be read is reported in its info (error) and the others load.
     */
    async loadReviewLayers(
      sources: ReviewLayerSource[],
      communeSource?: { url?: string; data?: unknown; cover?: 'region' | 'basin' },
    ): Promise<ReviewLayersState> {
      for (const s of sources) {
        const def = EMBEDDED_SENSITIVE_LAYERS.find((l) => l.id === s.id);
        if (!def) continue;
        let data = s.data;
        if (data === undefined && s.url) {
          const got = await dataFile(s.url, 'json');
          if (!got.ok) {
            embedded.set(s.id, {
              id: s.id,
              title: s.title,
              origin: 'embedded',
              from: null,
              zones: [],
              approximate: def.approximate,
              groups: [def.group],
              prepared: EMPTY_ZONES,
              areas: EMPTY_ZONES,
              issues: [],
              error: got.error,
            });
            continue;
          }
          data = got.value;
        }
        embedded.set(s.id, layerOf(s.id, s.title, 'embedded', data, def.kind, def));
      }
      if (communeSource) {
        const got = communeSource.data === undefined && communeSource.url ? await dataFile(communeSource.url, 'json') : null;
        // without the communes the dossier simply lists none
        communes = got && !got.ok ? null : communeZones(got ? got.value : (communeSource.data ?? null));
        communesCover = communes ? (communeSource.cover ?? 'basin') : null;
      }
      zonesVersion++;
      cost = null;
      return state();
    },

    /** A sensitive layer given directly (when not imported through the layer engine). */
    addSensitiveLayer(id: string, name: string, fc: FeatureCollection<Geometry, GeoJsonProperties>): ReviewLayersState {
      added.set(id, { name, fc });
      return state();
    },

    removeSensitiveLayer(id: string): ReviewLayersState {
      added.delete(id);
      return state();
    },

    /** The layers reviewed, their zone counts and problems, and the zones' version. */
    reviewLayers(): ReviewLayersState {
      return state();
    },

    /**
     * Switches the approximate layers on or off (by id; a layer absent follows the default:
     * out for a group an imported layer covers). The zones' version moves when the choice does.
     */
    setReviewSwitches(next: Record<string, boolean>): ReviewLayersState {
      const before = JSON.stringify(selection().map((s) => s.chosen));
      switches = { ...next };
      if (JSON.stringify(selection().map((s) => s.chosen)) !== before) {
        zonesVersion++;
        cost = null;
      }
      return state();
    },

    /** The zones' version alone (cheap): it changes when a sensitive layer is added, replaced or removed. */
    reviewZonesVersion(): number {
      syncImported();
      return zonesVersion;
    },

    /** Review of a line or a track's segments against every sensitive layer, with what the map needs to show each row. */
    review(segments: Position[][], options: ReviewOptionsIn = {}): ReviewResult {
      return reviewOf(
        segments.filter((s) => s.length > 0),
        options,
      );
    },

    /** Same, for a drawn route's legs (joined as one line). */
    reviewLegs(legs: Leg[], options: ReviewOptionsIn = {}): ReviewResult {
      return reviewOf(segmentsOf({ legs }), options);
    },

    /** Breeding season and exposure for an event's days and load (laps multiply the exposure). */
    season(review: RouteReview, load: SeasonLoad, settings: SeasonSettings = {}): Result<SeasonReview> {
      return seasonOverDays(review, load, settings);
    },

    /** The avoid setting for the next legs (the page then drops its cached legs). */
    setAvoid(settings: AvoidSettings): void {
      const factor = Number.isFinite(settings.factor) && settings.factor >= 1 ? settings.factor : DEFAULT_AVOID_FACTOR;
      avoid = { mode: settings.mode, factor, layers: settings.layers ?? null };
      hooks.supplyAvoidCost(avoid.mode === 'off' ? null : avoidCostOf);
    },

    /** What avoiding costs: the legs as routed now, and as plain shortest paths (embedded graph). */
    detour(requests: LegRequest[]): DetourReport {
      const network = hooks.getNetwork();
      const setting = network ? costFor(network) : null;
      // the figures of each leg are kept while the network and the setting stay: an edit recomputes only its legs
      const key = `${avoid.mode}|${setting ? (cost?.key ?? '') : 'none'}`;
      if (!detourCache || detourCache.network !== network || detourCache.key !== key) detourCache = { network, key, legs: new Map() };
      const legs = detourCache.legs;
      let with_m = 0;
      let without_m = 0;
      const unavoidable: DetourReport['unavoidable'] = [];
      const withLines: Position[][] = [];
      const withoutLines: Position[][] = [];
      requests.forEach((r, i) => {
        const id = `${r.from[0]},${r.from[1]}|${r.to[0]},${r.to[1]}|${r.mode}`;
        let figures = legs.get(id);
        if (!figures) {
          const avoided = hooks.graphLeg(r, true);
          const plain = avoid.mode === 'off' || r.mode === 'straight' ? avoided : hooks.graphLeg(r, false);
          figures = {
            with_m: avoided.length_m,
            without_m: plain.length_m,
            unavoidable: avoided.unavoidable ?? null,
            withLine: avoided.coords,
            withoutLine: plain.coords,
          };
          if (legs.size > 5000) legs.clear();
          legs.set(id, figures);
        }
        with_m += figures.with_m;
        without_m += figures.without_m;
        if (figures.unavoidable) unavoidable.push({ leg: i, ...figures.unavoidable });
        if (figures.withLine.length > 1) withLines.push(figures.withLine);
        if (figures.withoutLine.length > 1) withoutLines.push(figures.withoutLine);
      });
      // every zone of the review, metres inside without and with avoiding (the legs as separate lines: only lengths inside count)
      const layers = reviewedLayers().map((l) => l.prepared);
      const zones =
        avoid.mode === 'off'
          ? []
          : zoneChanges(reviewAcrossLayers(withoutLines, layers, { buffer_m: 0 }), reviewAcrossLayers(withLines, layers, { buffer_m: 0 }));
      return { with_m, without_m, unavoidable, mode: avoid.mode, zones };
    },

    /** Communes the route crosses, longest stretch first; null without the commune layer. */
    communesCrossed(segments: Position[][]): CommuneCrossing[] | null {
      return communesOf(segments.filter((s) => s.length > 0));
    },

    /** The CSV of the review of a route (src/core/review/csv.ts reviewCsv: the same file as `cavalier review --csv` for the same zones and settings). */
    reviewCsv(route: ReviewRoute, options: ReviewOptionsIn = {}): string {
      return csvOf(segmentsOf(route), options);
    },

    /** Everything the Natura 2000 dossier shows, computed in one go for one route. */
    dossier(input: DossierInput): DossierData {
      const segments = segmentsOf(input.route);
      const result = reviewOf(segments, { buffer_m: input.buffer_m });
      // the route and the nearest points of the zones nearby, so that the map shows them too
      const bbox = bboxOf([...segments, ...result.nearViews.flatMap((v) => v.lines)]);
      const sources = dossierSources({
        segments,
        review: result.review,
        passLines: result.passViews.map((c) => c.map((p) => p.lines)),
        bbox: bbox ?? [0, 0, 0, 0],
        // the layers the review used: a replaced or switched-off approximation is not drawn either
        layers: selection().map(({ layer: l }) => ({ id: l.id, origin: l.origin, zones: l.zones, data: l.from })),
        communes,
        places: input.places ?? [],
        codeOf: siteCode,
      });
      return {
        result,
        communes: communesOf(segments),
        communesCover,
        ways: 'legs' in input.route ? waySurfaces(input.route.legs) : null,
        season: input.load ? seasonOverDays(result.review, input.load, input.season) : null,
        bbox,
        layers: selection().map((s) => infoOf(s.layer, s.chosen)),
        // the review just made, with the same layers and settings as csvOf: reviewCsv's bytes without reviewing twice
        csv: csvTable(result.review, Object.fromEntries(reviewedLayers().map((l) => [l.id, l.title]))),
        attributes: sources.attributes,
        maps: bbox ? dossierMaps(sources.map) : [],
      };
    },
  };

  return { methods };
}
