// Points on the course of the formula on the map (start, aid stations, checkpoints…): placed by
// a click in placing mode and dragged on the map, both projected onto the route by the worker;
// their km kept in step when a route's line changes; the rows of the course points panel and
// the markers of the elevation profile.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { coursePointCutoff, outOfOrderCutoffs, sortedCoursePoints, type CoursePointKind, type Event, type Formula } from '../../core/event/index';
import type { Leg } from '../../core/route/leg';
import { COURSE_POINT_STYLE, type LonLat, type MapController, type MapMode } from '../../map/map-controller';
import { activeFormula, addCoursePointTo, applyRefreshedPoints, editCoursePoint, placeCoursePointAt, removeCoursePoint } from '../../state/events';
import type { EngineClient } from '../../../workers/client';
import { COURSE_POINT_KEYS, formatDuration, type CoursePointRow } from '../components/CoursePointsPanel';
import type { ProfileMarker } from '../components/ElevationProfile';
import type { PushNotice } from '../components/Notices';
import { useI18n } from '../i18n';
import { newId } from '../new-id';
import { complete, sameLegs } from './legs';
import type { PlannerState } from './use-planner';

/** A click farther than this from the route is refused rather than projected (m). */
const MAX_PLACE_OFFSET_M = 200;

export interface CoursePointPlacingDeps {
  engine: EngineClient | null;
  controller: MapController | null;
  planner: PlannerState;
  event: Event | null;
  formula: Formula | null;
  mode: MapMode;
  setMode: (mode: MapMode) => void;
  push: (n: PushNotice) => void;
}

export interface CoursePointPlacing {
  rows: CoursePointRow[];
  /** the points of the formula on the map, for the elevation profile (the route only) */
  markers: ProfileMarker[];
  kind: CoursePointKind;
  setKind: (kind: CoursePointKind) => void;
  /** a click in placing mode: a point of the chosen kind, projected onto the formula's route */
  placeAt: (lonlat: LonLat) => void;
  rename: (id: string, name: string) => void;
  setCutoff: (id: string, minutes: number | null) => void;
  remove: (id: string) => void;
  invalidCutoff: () => void;
}

/** Both ends go where the user puts them; a point between is refused too far from the route. */
const tooFar = (kind: CoursePointKind, offset_m: number) => kind !== 'start' && kind !== 'finish' && offset_m > MAX_PLACE_OFFSET_M;

export function useCoursePointPlacing({ engine, controller, planner, event, formula, mode, setMode, push }: CoursePointPlacingDeps): CoursePointPlacing {
  const { t } = useI18n();
  const { doc, legsFor, derive, edit } = planner;
  const [kind, setKind] = useState<CoursePointKind>('aid');
  const placing = mode === 'place';

  // ── km of the points on the course, recomputed by the worker when a route's line changes ──
  const refreshed = useRef(new WeakMap<object, readonly Leg[]>());
  useEffect(() => {
    if (!engine || !event) return;
    for (const f of event.formulas) {
      if (f.coursePoints.length === 0) continue;
      const legs = legsFor(f.route);
      if (!complete(legs)) continue;
      const done = refreshed.current.get(f.coursePoints);
      if (done && sameLegs(done, legs)) continue;
      refreshed.current.set(f.coursePoints, legs);
      const basis = { route: f.route, coursePoints: f.coursePoints };
      engine.refreshCoursePoints(f, legs).then((points) => {
        if (points) derive((d) => applyRefreshedPoints(d, f.id, basis, points));
      });
    }
  }, [engine, event, legsFor, derive]);

  // ── the map ──
  const sortedPoints = useMemo(() => (formula ? sortedCoursePoints(formula.coursePoints) : []), [formula]);
  const showPoints = useCallback(
    () => controller?.setCoursePoints(sortedPoints.map((p) => ({ id: p.id, kind: p.kind, lonlat: p.lonlat }))),
    [controller, sortedPoints],
  );
  useEffect(showPoints, [showPoints]);
  useEffect(() => {
    if (!formula && placing) setMode('inspect');
  }, [formula, placing, setMode]);

  // the map's listeners and the click dispatcher read the latest values from here
  const latest = useRef({ kind, doc, engine, legsFor, push, t, planner, showPoints });
  latest.current = { kind, doc, engine, legsFor, push, t, planner, showPoints };

  const placeAt = useCallback(async (lonlat: LonLat) => {
    const { kind, doc, engine, legsFor, push, t, planner } = latest.current;
    if (!engine) return;
    const f = activeFormula(doc);
    if (!f) return;
    if (f.route.points.length < 2) return push({ id: 'cp', kind: 'warning', text: t('cp.noRoute') });
    const legs = legsFor(f.route);
    if (!complete(legs)) return push({ id: 'cp', text: t('cp.wait') });
    const placed = await engine.placeCoursePoint(legs, kind, lonlat);
    if (!placed) return push({ id: 'cp', kind: 'warning', text: t('cp.noRoute') });
    if (tooFar(kind, placed.offset_m)) {
      return push({ id: 'cp', kind: 'warning', text: t('cp.tooFar', { m: Math.round(placed.offset_m), max: MAX_PLACE_OFFSET_M }) });
    }
    const same = f.coursePoints.filter((p) => p.kind === kind).length;
    const label = t(COURSE_POINT_KEYS[kind]);
    const name = kind === 'start' || kind === 'finish' ? label : `${label} ${same + 1}`;
    planner.edit((d) => addCoursePointTo(d, f.id, { id: newId(), kind, name, lonlat: placed.lonlat, km: placed.km }));
  }, []);

  // a point on the course dragged on the map: projected onto the route like a new one, or put back
  useEffect(() => {
    if (!controller) return;
    return controller.on('coursepointmove', async (id, lonlat) => {
      const { doc, engine, legsFor, push, t, planner, showPoints } = latest.current;
      const f = activeFormula(doc);
      const point = f?.coursePoints.find((p) => p.id === id);
      const legs = f ? legsFor(f.route) : [];
      const placed = engine && f && point && complete(legs) ? await engine.placeCoursePoint(legs, point.kind, lonlat).catch(() => null) : null;
      if (!f || !point || !placed) {
        showPoints();
        return;
      }
      if (tooFar(point.kind, placed.offset_m)) {
        showPoints();
        push({ id: 'cp', kind: 'warning', text: t('cp.tooFarDrop', { m: Math.round(placed.offset_m), max: MAX_PLACE_OFFSET_M }) });
        return;
      }
      if (planner.readOnly) return showPoints();
      // the new places come back through the document (start and finish stay at the ends)
      planner.edit((d) => placeCoursePointAt(d, f.id, id, placed));
    });
  }, [controller]);

  // ── the panel and the profile ──
  const rows: CoursePointRow[] = useMemo(() => {
    if (!formula) return [];
    const day = formula.start?.slice(0, 10);
    const outOfOrder = new Map(outOfOrderCutoffs(formula, sortedPoints).map((i) => [i.pointId, i.before]));
    return sortedPoints.map((p) => {
      const before = outOfOrder.get(p.id);
      const c = coursePointCutoff(formula, p);
      let label: string | null = null;
      if (c) {
        if (c.clock) label = c.clock.slice(0, 10) === day ? c.clock.slice(11, 16) : `${c.clock.slice(8, 10)}/${c.clock.slice(5, 7)} ${c.clock.slice(11, 16)}`;
        else label = formatDuration(c.minutesFromStart);
      }
      return {
        id: p.id,
        kind: p.kind,
        name: p.name,
        km: p.km,
        cutoffMinutes: p.cutoff?.minutesFromStart ?? null,
        cutoffLabel: label,
        cutoffSource: c?.source ?? null,
        cutoffBefore: before ? { name: before.name, km: before.km } : null,
      };
    });
  }, [formula, sortedPoints]);

  const markers: ProfileMarker[] = useMemo(
    () => (doc.active === 'route' ? sortedPoints.map((p) => ({ distance_m: p.km * 1000, label: p.name, color: COURSE_POINT_STYLE[p.kind].color })) : []),
    [sortedPoints, doc.active],
  );

  const formulaId = formula?.id ?? null;
  return {
    rows,
    markers,
    kind,
    setKind,
    placeAt: (lonlat) => void placeAt(lonlat),
    rename: (id, name) => formulaId && edit((d) => editCoursePoint(d, formulaId, id, { name })),
    setCutoff: (id, minutes) =>
      formulaId && edit((d) => editCoursePoint(d, formulaId, id, { cutoff: minutes === null ? null : { minutesFromStart: minutes } })),
    remove: (id) => formulaId && edit((d) => removeCoursePoint(d, formulaId, id)),
    invalidCutoff: () => push({ id: 'cp', kind: 'warning', text: t('cp.cutoff.invalid') }),
  };
}
