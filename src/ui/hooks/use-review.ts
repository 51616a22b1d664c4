// Glue of the environmental review: the settings (kept in the preferences), the zones loaded into the
// worker, the live review of the route on the map, the avoid mode's detour, the season and load,
// and the dossier's data. Every figure and every line comes from the worker
// (workers/review-engine.ts); this hook only decides what to ask and drops stale replies.
//
// Two hooks, because the avoid setting must reach the engine before the planner asks its legs
// (the engine's routing epoch then moves, and the planner's key with it) while the review needs
// the planner's legs:
//   const setup = useReviewSetup(engine, manifest, epochKey(epochs, 'zones'), mapReady);  // before usePlanner
//   const planner = usePlanner(engine, epochKey(epochs, 'routing'), …);
//   const review = useReview({ engine, planner, setup, … });                    // after it

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LayerManifest } from '../../core/layers';
import type { Result } from '../../core/errors';
import {
  DEFAULT_BREEDING_SEASON,
  DEFAULT_BUFFER_M,
  DEFAULT_SPECIES_GROUPS,
  SPECIES_GROUP_IDS,
  type SeasonPeriod,
  type SeasonReview,
  type SeasonSettings,
  type SpeciesGroup,
} from '../../core/review';
import { DEFAULT_AVOID_FACTOR } from '../../core/review/avoid';
import { EMBEDDED_SENSITIVE_LAYERS } from '../../core/review/embedded';
import type { Leg } from '../../core/route/leg';
import type { Position } from '../../core/types';
import { activeEvent, activeFormula } from '../../state/planner';
import { legRequests } from '../../state/leg-cache';
import type { Event } from '../../core/event/model';
import { jsonPreference } from '../../adapters/preferences';
import { latest, type EngineClient } from '../../../workers/client';
import type { AvoidMode, AvoidSettings, DetourReport, ReviewLayersState, ReviewResult, SeasonLoad } from '../../../workers/protocol';
import type { PlannerState } from './use-planner';

// ── settings ──────────────────────────────────────────────────────────────────

export interface ReviewSettings {
  /** zones not entered but within this distance are listed (m) */
  buffer_m: number;
  avoid: AvoidSettings;
  /** breeding season per zone kind; kinds not listed: the species groups' periods; null: no season */
  season: Record<string, SeasonPeriod | null>;
  /** species groups whose sensitive periods apply (src/core/review/season.ts); birds by default */
  groups: SpeciesGroup[];
  /** the user's switches of the approximate layers, by id (absent: the default of src/core/review/selection.ts) */
  approximations: Record<string, boolean>;
  includeStaff: boolean;
  includePublic: boolean;
  /** the event's days and load when no event is active */
  manual: { from: string; to: string; participants: number | null };
}

const DEFAULT_REVIEW_SETTINGS: ReviewSettings = {
  buffer_m: DEFAULT_BUFFER_M,
  avoid: { mode: 'off', factor: DEFAULT_AVOID_FACTOR, layers: null },
  season: {},
  groups: [...DEFAULT_SPECIES_GROUPS],
  approximations: {},
  includeStaff: false,
  includePublic: false,
  manual: { from: '', to: '', participants: null },
};

/** What was saved, checked field by field: an older version's settings keep what still makes sense. */
function parseSettings(raw: unknown): ReviewSettings | undefined {
  const v = raw as Partial<ReviewSettings> | null;
  if (!v || typeof v !== 'object') return undefined;
  const modes: AvoidMode[] = ['off', 'penalise', 'forbid'];
  const avoid = v.avoid && modes.includes(v.avoid.mode) ? { ...DEFAULT_REVIEW_SETTINGS.avoid, ...v.avoid } : DEFAULT_REVIEW_SETTINGS.avoid;
  return {
    ...DEFAULT_REVIEW_SETTINGS,
    ...v,
    buffer_m: Number.isFinite(v.buffer_m) && v.buffer_m! >= 0 ? v.buffer_m! : DEFAULT_BUFFER_M,
    avoid,
    season: v.season && typeof v.season === 'object' ? v.season : {},
    groups: Array.isArray(v.groups) ? v.groups.filter((g) => SPECIES_GROUP_IDS.includes(g)) : [...DEFAULT_SPECIES_GROUPS],
    approximations:
      v.approximations && typeof v.approximations === 'object'
        ? Object.fromEntries(Object.entries(v.approximations).filter(([, on]) => typeof on === 'boolean'))
        : {},
    manual: { ...DEFAULT_REVIEW_SETTINGS.manual, ...(v.manual ?? {}) },
  };
}

const settingsPref = jsonPreference<ReviewSettings>('cavalier.review', parseSettings, DEFAULT_REVIEW_SETTINGS);

export interface ReviewSetup {
  engine: EngineClient | null;
  settings: ReviewSettings;
  update: (fn: (s: ReviewSettings) => ReviewSettings) => void;
  /** the layers in the worker (null until loaded) */
  layers: ReviewLayersState | null;
  manifest: LayerManifest | null;
}

/**
 * Loads the embedded sensitive layers and the communes into the worker, keeps the settings, and
 * sends the avoid setting to the engine (whose routing epoch then moves). `zonesKey` is the
 * engine's zones epoch: the layers are listed again when it moves. `start`: the layers are read once
 * it is true (the app waits for the first map to be drawn: the worker parses the communes of two
 * départements and the zones meanwhile, which the first click does not need).
 */
/** Where a row of the review is drawn on the map (null: nothing to draw). */
const viewOf = (r: ReviewResult, row: ReviewRow) => (row.kind === 'pass' ? r.passViews[row.crossing]?.[row.pass] : r.nearViews[row.near]) ?? null;

export function useReviewSetup(engine: EngineClient | null, manifest: LayerManifest | null, zonesKey: string, start = true): ReviewSetup {
  const [settings, setSettings] = useState<ReviewSettings>(settingsPref.get);
  const [layers, setLayers] = useState<ReviewLayersState | null>(null);

  const update = useCallback((fn: (s: ReviewSettings) => ReviewSettings) => {
    setSettings((s) => {
      const next = fn(s);
      // storage unavailable: the settings last for the session
      settingsPref.set(next);
      return next;
    });
  }, []);

  useEffect(() => {
    if (!engine || !manifest || !start) return;
    let alive = true;
    const abs = (url: string) => new URL(url, document.baseURI).href;
    const sources = EMBEDDED_SENSITIVE_LAYERS.flatMap((def) => {
      const entry = manifest.layers.find((l) => l.id === def.id && l.url);
      return entry ? [{ id: def.id, title: entry.title.fr, url: abs(entry.url!) }] : [];
    });
    // the communes of the whole of Nord and Pas-de-Calais when the data has them, else the basin's
    const region = manifest.layers.find((l) => l.id === 'communes-npdc' && l.url);
    const communes = region ?? manifest.layers.find((l) => l.id === 'communes' && l.url);
    void engine
      .loadReviewLayers(sources, communes ? { url: abs(communes.url!), cover: region ? 'region' : 'basin' } : undefined)
      .then((s) => alive && setLayers(s));
    return () => {
      alive = false;
    };
  }, [engine, manifest, start]);

  // the zones changed in the engine (a sensitive layer imported, replaced or removed): listed again,
  // once the embedded layers are in (before that, loadReviewLayers' reply gives the state)
  const loaded = layers !== null;
  useEffect(() => {
    if (!engine || !loaded) return;
    let alive = true;
    void engine.reviewLayers().then((s) => alive && setLayers((prev) => (!prev || prev.zonesVersion === s.zonesVersion ? prev : s)));
    return () => {
      alive = false;
    };
  }, [engine, loaded, zonesKey]);

  // the switches of the approximate layers: the engine's zones version then moves, and the layers are listed again
  const { approximations } = settings;
  useEffect(() => {
    if (engine) void engine.setReviewSwitches(approximations);
  }, [engine, approximations]);

  const { avoid } = settings;
  useEffect(() => {
    // comlink keeps call order: every legs() after this one uses the new setting
    if (engine) void engine.setAvoid(avoid);
  }, [engine, avoid]);

  return { engine, settings, update, layers, manifest };
}

// ── the live review ─────────────────────────────────────────────────────────────

export type ReviewRow = { kind: 'pass'; crossing: number; pass: number } | { kind: 'near'; near: number };

interface ReviewSubject {
  kind: 'route' | 'track';
  name: string;
}

export interface EventLoadView {
  /** 'event': from the active event; 'manual': typed in the panel */
  source: 'event' | 'manual';
  event: Event | null;
  dates: string[];
  participants: number;
  laps: number;
  /** the load, or null when the date or the number is missing */
  load: SeasonLoad | null;
}

export interface ReviewState {
  subject: ReviewSubject | null;
  /** the review of the route on the map; null while none */
  result: ReviewResult | null;
  /** the route changed and its review is being computed */
  computing: boolean;
  detour: DetourReport | null;
  season: Result<SeasonReview> | null;
  eventLoad: EventLoadView;
  seasonSettings: SeasonSettings;
  selected: ReviewRow | null;
  select: (row: ReviewRow | null) => void;
  /** the selected pass as [from, to] metres along the route, for the elevation profile */
  profileRange: [number, number] | null;
  /** the route's legs when the route is drawn (null for a track), for the dossier */
  legs: Leg[] | null;
  segments: Position[][] | null;
}

const MAX_DAYS = 366;

/** Every day from `from` to `to` (YYYY-MM-DD, both included); [] when either is not a date. */
function daysBetween(from: string, to: string): string[] {
  const parse = (s: string) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? Date.parse(`${s}T00:00:00Z`) : NaN);
  const a = parse(from);
  const b = to ? parse(to) : a;
  if (!Number.isFinite(a) || !Number.isFinite(b) || b < a) return Number.isFinite(a) ? [from] : [];
  const out: string[] = [];
  for (let t = a; t <= b && out.length < MAX_DAYS; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

export interface UseReviewDeps {
  setup: ReviewSetup;
  planner: PlannerState;
  /** 'graph' or 'brouter': avoidance applies to the embedded graph only */
  routingKind: 'graph' | 'brouter';
  /** the map: highlight and zoom of a selected row */
  onShow?: (view: { lines: [number, number][][]; bbox: [number, number, number, number] } | null) => void;
}

export function useReview({ setup, planner, routingKind, onShow }: UseReviewDeps): ReviewState {
  const { engine, settings, layers } = setup;
  const { doc, legs } = planner;
  const activeTrack = doc.active === 'route' ? null : (doc.tracks.find((t) => t.id === doc.active) ?? null);
  const routeLegs = useMemo(() => (legs.length > 0 && legs.every((l) => l !== null) ? (legs as Leg[]) : null), [legs]);

  // the route keeps its subject while a leg is being recomputed: the last review stays shown, marked as computing
  const hasRoute = !activeTrack && doc.route.points.length >= 2;
  const subject: ReviewSubject | null = activeTrack
    ? { kind: 'track', name: activeTrack.track.name }
    : hasRoute
      ? { kind: 'route', name: doc.route.name }
      : null;
  /** what a review is of: a reply for another subject (a track, the route) is never shown */
  const subjectKey = activeTrack ? `track:${activeTrack.id}` : hasRoute ? 'route' : null;

  // ── review (latest reply only) ──
  const ask = useMemo(
    () =>
      engine
        ? latest((job: { legs: Leg[] } | { segments: Position[][] }, buffer_m: number) =>
            'legs' in job ? engine.reviewLegs(job.legs, { buffer_m }) : engine.review(job.segments, { buffer_m }),
          )
        : null,
    [engine],
  );
  const [reviewed, setReviewed] = useState<{ key: string; result: ReviewResult } | null>(null);
  const [computing, setComputing] = useState(false);
  const segments = activeTrack ? activeTrack.track.segments : null;
  const zonesVersion = layers?.zonesVersion ?? -1;
  useEffect(() => {
    if (!ask || !layers) return;
    if (!subjectKey) {
      setReviewed(null);
      setComputing(false);
      return;
    }
    const job = segments ? { segments } : routeLegs ? { legs: routeLegs } : null;
    setComputing(true);
    // legs still being computed: the review follows when they are there
    if (!job) return;
    void ask(job, settings.buffer_m).then((r) => {
      if (!r) return;
      setReviewed({ key: subjectKey, result: r });
      setComputing(false);
    });
  }, [ask, subjectKey, segments, routeLegs, settings.buffer_m, zonesVersion, layers]);
  const result = reviewed && reviewed.key === subjectKey ? reviewed.result : null;

  // ── detour of the avoid mode (drawn route only, embedded graph) ──
  const askDetour = useMemo(() => (engine ? latest((reqs: ReturnType<typeof legRequests>) => engine.detour(reqs)) : null), [engine]);
  const [detour, setDetour] = useState<DetourReport | null>(null);
  const avoidOn = settings.avoid.mode !== 'off' && routingKind === 'graph';
  useEffect(() => {
    if (!askDetour || !avoidOn || activeTrack || !routeLegs) {
      setDetour(null);
      return;
    }
    // the legs shown were routed under the current setting (routing key): ask once they are there
    void askDetour(legRequests(doc.route)).then((d) => d && setDetour(d));
  }, [askDetour, avoidOn, activeTrack, routeLegs, doc.route]);

  // ── season and load ──
  const event = activeEvent(doc);
  const formula = activeFormula(doc);
  const eventLoad = useMemo<EventLoadView>(() => {
    if (event) {
      const dates = [...event.dates].filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
      const p = event.participants;
      const participants = p.runners + (settings.includeStaff ? p.staff : 0) + (settings.includePublic ? p.public : 0);
      const laps = !activeTrack && formula ? Math.max(1, formula.laps) : 1;
      // the night check: the formula's start, lasting as long as its cut-off pace allows over every lap
      const first = doc.route.points[0];
      const routeKm = (routeLegs ?? []).reduce((s, l) => s + l.length_m, 0) / 1000;
      const night =
        !activeTrack && formula?.start && first
          ? { start: formula.start, duration_min: (formula.cutoffPace_min_per_km ?? 0) * routeKm * laps, at: [first[0], first[1]] as [number, number] }
          : {};
      return { source: 'event', event, dates, participants, laps, load: dates.length ? { dates, participants, laps, ...night } : null };
    }
    const dates = daysBetween(settings.manual.from, settings.manual.to);
    const participants = settings.manual.participants ?? 0;
    const load = dates.length && settings.manual.participants !== null ? { dates, participants, laps: 1 } : null;
    return { source: 'manual', event: null, dates, participants, laps: 1, load };
  }, [event, formula, activeTrack, settings.includeStaff, settings.includePublic, settings.manual, doc.route.points, routeLegs]);

  const seasonSettings = useMemo<SeasonSettings>(
    () => ({ default: DEFAULT_BREEDING_SEASON, groups: settings.groups, byKind: settings.season }),
    [settings.season, settings.groups],
  );
  const askSeason = useMemo(
    () => (engine ? latest((r: ReviewResult, load: SeasonLoad, s: SeasonSettings): Promise<Result<SeasonReview>> => engine.season(r.review, load, s)) : null),
    [engine],
  );
  const [season, setSeason] = useState<Result<SeasonReview> | null>(null);
  useEffect(() => {
    if (!askSeason || !result || !eventLoad.load || result.review.crossings.length === 0) {
      setSeason(null);
      return;
    }
    void askSeason(result, eventLoad.load, seasonSettings).then((s) => s && setSeason(s));
  }, [askSeason, result, eventLoad.load, seasonSettings]);

  // ── selected row: highlighted on the map and the profile, kept across edits while it exists ──
  const [selected, setSelected] = useState<ReviewRow | null>(null);
  const onShowRef = useRef(onShow);
  onShowRef.current = onShow;
  const selectedKey = useRef<string | null>(null);
  const keyOf = useCallback((r: ReviewResult, row: ReviewRow): string | null => {
    if (row.kind === 'pass') {
      const c = r.review.crossings[row.crossing];
      return c?.passes[row.pass] ? `p|${c.layer}|${c.id}|${row.pass}` : null;
    }
    const n = r.review.near[row.near];
    return n ? `n|${n.layer}|${n.id}` : null;
  }, []);

  const select = useCallback(
    (row: ReviewRow | null) => {
      if (!row || !result) {
        setSelected(null);
        selectedKey.current = null;
        onShowRef.current?.(null);
        return;
      }
      setSelected(row);
      selectedKey.current = keyOf(result, row);
      onShowRef.current?.(viewOf(result, row));
    },
    [result, keyOf],
  );

  // a new review: find the selected row again (same zone, same pass number) or let it go
  useEffect(() => {
    if (!selectedKey.current) return;
    if (!result) {
      setSelected(null);
      selectedKey.current = null;
      onShowRef.current?.(null);
      return;
    }
    const key = selectedKey.current;
    let found: ReviewRow | null = null;
    result.review.crossings.forEach((c, i) =>
      c.passes.forEach((_, k) => {
        if (!found && keyOf(result, { kind: 'pass', crossing: i, pass: k }) === key) found = { kind: 'pass', crossing: i, pass: k };
      }),
    );
    result.review.near.forEach((_, i) => {
      if (!found && keyOf(result, { kind: 'near', near: i }) === key) found = { kind: 'near', near: i };
    });
    setSelected(found);
    if (!found) selectedKey.current = null;
    onShowRef.current?.(found ? viewOf(result, found) : null);
  }, [result, keyOf]);

  const profileRange = useMemo<[number, number] | null>(() => {
    if (!selected || !result) return null;
    if (selected.kind === 'pass') {
      const p = result.review.crossings[selected.crossing]?.passes[selected.pass];
      return p ? [p.from_km * 1000, p.to_km * 1000] : null;
    }
    const n = result.review.near[selected.near];
    return n ? [n.at_km * 1000, n.at_km * 1000] : null;
  }, [selected, result]);

  return {
    subject,
    result,
    computing,
    detour,
    season,
    eventLoad,
    seasonSettings,
    selected,
    select,
    profileRange,
    legs: activeTrack ? null : routeLegs,
    segments,
  };
}
