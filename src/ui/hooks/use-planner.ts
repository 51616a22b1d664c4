// Glue between the model (history of PlannerDoc), the worker and the components:
// edits go into the history; legs and stats are derived by the worker and cached.
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { Leg } from '../../core/route/leg';
import type { RouteModel } from '../../core/route/model';
import type { Position, RouteStats } from '../../core/types';
import { latest, type EngineClient } from '../../../workers/client';
import { commit, historyOf, redo, undo, type History } from '../../state/history';
import type { LegRequest } from '../../core/route/leg';
import { LegCache, legKey, legRequests } from '../../state/leg-cache';
import { activeEvent, emptyDoc, type PlannerDoc } from '../../state/planner';

type Action =
  | { type: 'edit'; fn: (d: PlannerDoc) => PlannerDoc }
  | { type: 'undo' }
  | { type: 'redo' }
  // derived data written into the present document (course point km): no history entry, redo kept
  | { type: 'derive'; fn: (d: PlannerDoc) => PlannerDoc }
  // a restored session: a fresh history
  | { type: 'reset'; doc: PlannerDoc };

function reducer(h: History<PlannerDoc>, a: Action): History<PlannerDoc> {
  switch (a.type) {
    case 'edit':
      return commit(h, a.fn(h.present));
    case 'undo':
      return undo(h);
    case 'redo':
      return redo(h);
    case 'derive': {
      const present = a.fn(h.present);
      return present === h.present ? h : { ...h, present };
    }
    case 'reset':
      return historyOf(a.doc);
  }
}

export interface PlannerState {
  doc: PlannerDoc;
  canUndo: boolean;
  canRedo: boolean;
  /** edits are refused: another tab is editing */
  readOnly: boolean;
  /** one entry per leg of the drawn route; null while the worker computes it */
  legs: (Leg | null)[];
  stats: RouteStats | null;
  edit: (fn: (d: PlannerDoc) => PlannerDoc) => void;
  undo: () => void;
  redo: () => void;
  /** writes derived data (e.g. refreshed km of course points) into the present document, outside the history */
  derive: (fn: (d: PlannerDoc) => PlannerDoc) => void;
  /** replaces the document and empties the history (a restored session) */
  reset: (doc: PlannerDoc) => void;
  /** the legs of any route from the cache (null where not computed yet); changes identity when the cache fills */
  legsFor: (route: RouteModel) => (Leg | null)[];
  /** the legs of routes, computed by the worker where the cache lacks them */
  ensureLegs: (routes: readonly RouteModel[]) => Promise<Leg[][]>;
}

/**
 * `routingKey` changes when anything a leg depends on changes (the engine's routing epoch): cached legs are then stale.
 * `demVersion` changes when the elevation source changes (the relief epoch): figures are recomputed.
 */
export function usePlanner(engine: EngineClient | null, routingKey: string, demVersion: string, readOnly = false): PlannerState {
  const [history, dispatch] = useReducer(reducer, undefined, () => historyOf(emptyDoc()));
  // a reader tab (another tab edits, see use-tab-lease.ts) refuses edits: they could not be saved
  const locked = useRef(readOnly);
  locked.current = readOnly;
  const cache = useRef(new LegCache());
  const [cacheVersion, bump] = useReducer((x: number) => x + 1, 0);
  const [stats, setStats] = useState<RouteStats | null>(null);
  const doc = history.present;
  // for the browser tests, like window.__cavalierMap: the document as the app holds it
  useEffect(() => {
    (window as { __cavalierDoc?: PlannerDoc }).__cavalierDoc = doc;
  }, [doc]);

  useEffect(() => {
    cache.current.clear();
    bump();
  }, [routingKey]);

  const requests = useMemo(() => legRequests(doc.route), [doc.route]);
  const legs = useMemo(() => requests.map((r) => cache.current.get(r) ?? null), [requests, cacheVersion]);

  useEffect(() => {
    if (!engine) return;
    const missing = requests.filter((r) => !cache.current.get(r));
    if (missing.length === 0) return;
    const generation = cache.current.generation;
    let alive = true;
    engine.legs(missing).then((computed) => {
      if (generation !== cache.current.generation) return;
      computed.forEach((leg, i) => cache.current.set(missing[i], leg));
      if (alive) bump();
    });
    return () => {
      alive = false;
    };
  }, [engine, requests, cacheVersion]);

  // the other formulas of the shown event: their figures against the target need their legs too
  const event = activeEvent(doc);
  const inFlight = useRef(new Set<string>());
  const background = useMemo(() => (event ? event.formulas.filter((f) => f.route !== doc.route).flatMap((f) => legRequests(f.route)) : []), [event, doc.route]);
  useEffect(() => {
    if (!engine || background.length === 0) return;
    const missing: LegRequest[] = [];
    for (const r of background) {
      const k = legKey(r);
      if (cache.current.get(r) || inFlight.current.has(k)) continue;
      inFlight.current.add(k);
      missing.push(r);
    }
    if (missing.length === 0) return;
    const generation = cache.current.generation;
    // no `alive` flag: a later run skips what is in flight, so this reply must bump on its own
    engine.legs(missing).then((computed) => {
      missing.forEach((r) => inFlight.current.delete(legKey(r)));
      if (generation !== cache.current.generation) return;
      computed.forEach((leg, i) => cache.current.set(missing[i], leg));
      bump();
    });
  }, [engine, background, cacheVersion]);

  const legsFor = useCallback((route: RouteModel) => legRequests(route).map((r) => cache.current.get(r) ?? null), [cacheVersion]);
  const ensureLegs = useCallback(
    async (routes: readonly RouteModel[]): Promise<Leg[][]> => {
      const all = routes.map((r) => legRequests(r));
      const missing = all.flat().filter((r) => !cache.current.get(r));
      if (missing.length && engine) {
        const computed = await engine.legs(missing);
        computed.forEach((leg, i) => cache.current.set(missing[i], leg));
        bump();
      }
      // a cache bounded and cleared by a new network: whatever is still missing is asked again, uncached
      return Promise.all(
        all.map(async (reqs) => {
          const legs = reqs.map((r) => cache.current.get(r) ?? null);
          if (legs.every((l) => l !== null) || !engine) return legs.filter((l): l is Leg => l !== null);
          return engine.legs(reqs);
        }),
      );
    },
    [engine],
  );

  // one `latest` for both kinds of job, so a late reply for the route never overwrites a track's figures
  const analyse = useMemo(
    () =>
      engine
        ? latest((job: { legs: Leg[] } | { segments: Position[][] }) => ('legs' in job ? engine.analyseLegs(job.legs) : engine.analyseTrack(job.segments)))
        : null,
    [engine],
  );
  const activeTrack = doc.active === 'route' ? null : (doc.tracks.find((t) => t.id === doc.active) ?? null);

  useEffect(() => {
    if (!analyse) return;
    if (activeTrack) {
      analyse({ segments: activeTrack.track.segments }).then((s) => s && setStats(s));
    } else if (legs.length === 0) {
      analyse({ segments: doc.route.points.length ? [doc.route.points] : [] }).then((s) => s && setStats(s));
    } else if (legs.every((l) => l !== null)) {
      analyse({ legs: legs as Leg[] }).then((s) => s && setStats(s));
    }
  }, [legs, activeTrack, analyse, demVersion, doc.route.points]);

  return {
    doc,
    readOnly,
    canUndo: !readOnly && history.past.length > 0,
    canRedo: !readOnly && history.future.length > 0,
    legs,
    stats,
    edit: useCallback((fn) => {
      if (!locked.current) dispatch({ type: 'edit', fn });
    }, []),
    undo: useCallback(() => {
      if (!locked.current) dispatch({ type: 'undo' });
    }, []),
    redo: useCallback(() => {
      if (!locked.current) dispatch({ type: 'redo' });
    }, []),
    derive: useCallback((fn) => dispatch({ type: 'derive', fn }), []),
    reset: useCallback((d: PlannerDoc) => dispatch({ type: 'reset', doc: d }), []),
    legsFor,
    ensureLegs,
  };
}
