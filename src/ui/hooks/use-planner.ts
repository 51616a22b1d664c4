// Glue between the model (history of PlannerDoc), the worker and the components:
// edits go into the history; legs and stats are derived by the worker and cached.
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { Leg } from '../../core/route/leg';
import type { Position, RouteStats } from '../../core/types';
import { latest, type EngineClient } from '../../../workers/client';
import { commit, historyOf, redo, undo, type History } from '../../state/history';
import { LegCache, legRequests } from '../../state/leg-cache';
import { emptyDoc, type PlannerDoc } from '../../state/planner';

type Action = { type: 'edit'; fn: (d: PlannerDoc) => PlannerDoc } | { type: 'undo' } | { type: 'redo' };

function reducer(h: History<PlannerDoc>, a: Action): History<PlannerDoc> {
  switch (a.type) {
    case 'edit':
      return commit(h, a.fn(h.present));
    case 'undo':
      return undo(h);
    case 'redo':
      return redo(h);
  }
}

export interface PlannerState {
  doc: PlannerDoc;
  canUndo: boolean;
  canRedo: boolean;
  /** one entry per leg of the drawn route; null while the worker computes it */
  legs: (Leg | null)[];
  stats: RouteStats | null;
  edit: (fn: (d: PlannerDoc) => PlannerDoc) => void;
  undo: () => void;
  redo: () => void;
}

export function usePlanner(engine: EngineClient | null, networkVersion: number, demVersion: number): PlannerState {
  const [history, dispatch] = useReducer(reducer, undefined, () => historyOf(emptyDoc()));
  const cache = useRef(new LegCache());
  const [cacheVersion, bump] = useReducer((x: number) => x + 1, 0);
  const [stats, setStats] = useState<RouteStats | null>(null);
  const doc = history.present;

  // a new network makes every cached leg stale
  useEffect(() => {
    cache.current.clear();
    bump();
  }, [networkVersion]);

  const requests = useMemo(() => legRequests(doc.route), [doc.route]);
  const legs = useMemo(() => requests.map((r) => cache.current.get(r) ?? null), [requests, cacheVersion]);

  useEffect(() => {
    if (!engine) return;
    const missing = requests.filter((r) => !cache.current.get(r));
    if (missing.length === 0) return;
    let alive = true;
    engine.legs(missing).then((computed) => {
      computed.forEach((leg, i) => cache.current.set(missing[i], leg));
      if (alive) bump();
    });
    return () => {
      alive = false;
    };
  }, [engine, requests, cacheVersion]);

  // one `latest` for both kinds of job, so a late reply for the route never overwrites a track's figures
  const analyse = useMemo(
    () =>
      engine
        ? latest((job: { legs: Leg[] } | { segments: Position[][] }) =>
            'legs' in job ? engine.analyseLegs(job.legs) : engine.analyseTrack(job.segments),
          )
        : null,
    [engine],
  );
  const activeTrack = doc.active === 'route' ? null : doc.tracks.find((t) => t.id === doc.active) ?? null;

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
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    legs,
    stats,
    edit: useCallback((fn) => dispatch({ type: 'edit', fn }), []),
    undo: useCallback(() => dispatch({ type: 'undo' }), []),
    redo: useCallback(() => dispatch({ type: 'redo' }), []),
  };
}
