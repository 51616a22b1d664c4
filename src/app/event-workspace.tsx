// Wiring of the events, formulas and points on the course: the planner's document (one undo
// history), the worker (every figure, placement, GPX, zip, roadbook and project file is computed
// there), the map (course points, placing mode) and the panels. App.tsx renders what this hook
// returns at three places: the events panel, the course points panel, and the overlays.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  EVENT_TEMPLATES,
  addFormula,
  controlPointDistances,
  coursePointCutoff,
  createEvent,
  duplicateEvent,
  eventFromTemplate,
  safeFileName,
  sortedCoursePoints,
  type CoursePointKind,
  type Event,
  type Formula,
  type FormulaStats,
  type NewId,
  type Roadbook,
} from '../core/event/index';
import type { Leg } from '../core/route/leg';
import type { RouteModel } from '../core/route/model';
import type { MapController } from '../map/map-controller';
import { COURSE_POINT_STYLE } from '../map/layers/route';
import {
  activeEvent,
  activeFormula,
  addCoursePointTo,
  addEvent,
  addFormulaFromStretchIn,
  addFormulaTo,
  applyRefreshedPoints,
  closeFormulaLoop,
  duplicateEventIn,
  duplicateFormulaIn,
  editCoursePoint,
  editEvent,
  editFormula,
  moveFormulaStart,
  removeCoursePoint,
  placeCoursePointAt,
  removeEvent,
  removeFormula,
  reverseFormula,
  selectEvent,
  selectFormula,
  withEvents,
} from '../state/events';
import { ConfirmDialog, type ConfirmChoice } from '../ui/components/ConfirmDialog';
import { COURSE_POINT_KEYS, CoursePointsPanel, formatDuration, type CoursePointRow } from '../ui/components/CoursePointsPanel';
import type { ProfileMarker } from '../ui/components/ElevationProfile';
import { EventsPanel, type FormulaDetail, type FormulaRow } from '../ui/components/EventsPanel';
import { RoadbookView } from '../ui/components/RoadbookView';
import { useAutosave } from '../ui/hooks/use-autosave';
import type { TabLeaseState } from '../ui/hooks/use-tab-lease';
import type { PlannerState } from '../ui/hooks/use-planner';
import type { EngineClient } from '../../workers/client';
import type { PushNotice } from '../ui/components/Notices';
import { useI18n } from '../ui/i18n';
import { formatError } from '../i18n/messages';
import './events.css';
import { download } from '../ui/download';

export interface EventWorkspaceDeps {
  planner: PlannerState;
  engine: EngineClient | null;
  controller: MapController | null;
  push: (n: PushNotice) => void;
  drawing: boolean;
  setDrawing: (drawing: boolean) => void;
  /** changes with the elevation source (the engine's relief epoch): climbs are recomputed */
  demVersion: string;
  /** this tab's right to save (another tab may be editing) */
  lease: TabLeaseState;
}

export interface EventWorkspace {
  panel: ReactNode;
  coursePoints: ReactNode;
  overlay: ReactNode;
  /** points on the course of the formula on the map, for the elevation profile */
  markers: ProfileMarker[];
}

/** A click farther than this from the route is refused rather than projected (m). */
export const MAX_PLACE_OFFSET_M = 200;
const PROJECT_MAX_BYTES = 100 * 1024 * 1024;

/** Ids for new events, formulas and points: UUIDs (they fit the project file's id pattern). */
export const newId: NewId = () =>
  typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `id${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;


/** Figures of one formula, with what they were computed from. */
interface FiguresEntry {
  route: RouteModel;
  laps: number;
  target: number;
  tolerance: number;
  legs: readonly Leg[];
  stats: FormulaStats | null;
}

const sameLegs = (a: readonly (Leg | null)[], b: readonly (Leg | null)[]) => a.length === b.length && a.every((l, i) => l === b[i]);
const complete = (legs: readonly (Leg | null)[]): legs is Leg[] => legs.length > 0 && legs.every((l) => l !== null);

interface Confirm {
  message: string;
  choices: ConfirmChoice[];
  onChoose: (id: string) => void;
}

interface RoadbookState {
  eventName: string;
  formulaName: string;
  start: string | null;
  dates: string[];
  roadbook: Roadbook;
}

export function useEventWorkspace({ planner, engine, controller, push, drawing, setDrawing, demVersion, lease }: EventWorkspaceDeps): EventWorkspace {
  const { t, lang } = useI18n();
  const { doc, legsFor, derive } = planner;
  const event = activeEvent(doc);
  const formula = activeFormula(doc);
  const autosave = useAutosave(planner, push, t, lease);

  const [busy, setBusy] = useState(false);
  const [maxPoints, setMaxPoints] = useState<number | null>(null);
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const [roadbook, setRoadbook] = useState<RoadbookState | null>(null);
  const [placing, setPlacing] = useState(false);
  const [placeKind, setPlaceKind] = useState<CoursePointKind>('aid');

  // ── figures of the formulas against their targets (worker) ──
  const figures = useRef(new Map<string, FiguresEntry>());
  const [figuresVersion, setFiguresVersion] = useState(0);
  useEffect(() => {
    figures.current.clear();
    setFiguresVersion((v) => v + 1);
  }, [demVersion]);
  useEffect(() => {
    if (!engine || !event) return;
    for (const f of event.formulas) {
      const legs = legsFor(f.route);
      if (!complete(legs)) continue;
      const prev = figures.current.get(f.id);
      if (prev && prev.route === f.route && prev.laps === f.laps && prev.target === f.targetDistance_m && prev.tolerance === f.tolerance_m && sameLegs(prev.legs, legs))
        continue;
      const entry: FiguresEntry = { route: f.route, laps: f.laps, target: f.targetDistance_m, tolerance: f.tolerance_m, legs, stats: null };
      figures.current.set(f.id, entry);
      engine.formulaStats(f, legs).then((stats) => {
        if (figures.current.get(f.id) !== entry) return;
        entry.stats = stats;
        setFiguresVersion((v) => v + 1);
      });
    }
  }, [engine, event, legsFor, figuresVersion]);

  const rowOf = useCallback(
    (f: Formula): FormulaRow => {
      const base = { id: f.id, name: f.name, targetDistance_m: f.targetDistance_m, tolerance_m: f.tolerance_m, laps: f.laps, loop: f.loop };
      if (f.route.points.length < 2) return { ...base, state: 'empty', figures: null };
      const entry = figures.current.get(f.id);
      const fresh =
        entry && entry.stats && entry.route === f.route && entry.laps === f.laps && entry.target === f.targetDistance_m && entry.tolerance === f.tolerance_m;
      return { ...base, state: fresh ? 'ready' : 'computing', figures: entry?.stats ?? null };
    },
    // figuresVersion: the map of figures changed
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [figuresVersion],
  );

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

  // ── map: course points and the placing mode ──
  const sortedPoints = useMemo(() => (formula ? sortedCoursePoints(formula.coursePoints) : []), [formula]);
  const showPoints = useCallback(() => controller?.setCoursePoints(sortedPoints.map((p) => ({ id: p.id, kind: p.kind, lonlat: p.lonlat }))), [controller, sortedPoints]);
  useEffect(showPoints, [showPoints]);
  useEffect(() => controller?.setPlacing(placing), [controller, placing]);
  useEffect(() => {
    if (drawing) setPlacing(false);
  }, [drawing]);
  useEffect(() => {
    if (!formula) setPlacing(false);
  }, [formula]);
  useEffect(() => {
    if (!placing) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setPlacing(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [placing]);

  const latest = useRef({ placing, placeKind, doc, engine, legsFor, push, t, planner });
  latest.current = { placing, placeKind, doc, engine, legsFor, push, t, planner };
  useEffect(() => {
    if (!controller) return;
    return controller.on('click', async (lonlat) => {
      const { placing, placeKind: kind, doc, engine, legsFor, push, t, planner } = latest.current;
      if (!placing || !engine) return;
      const f = activeFormula(doc);
      if (!f) return;
      if (f.route.points.length < 2) return push({ id: 'cp', kind: 'warning', text: t('cp.noRoute') });
      const legs = legsFor(f.route);
      if (!complete(legs)) return push({ id: 'cp', text: t('cp.wait') });
      const placed = await engine.placeCoursePoint(legs, kind, lonlat);
      if (!placed) return push({ id: 'cp', kind: 'warning', text: t('cp.noRoute') });
      if (kind !== 'start' && kind !== 'finish' && placed.offset_m > MAX_PLACE_OFFSET_M) {
        return push({ id: 'cp', kind: 'warning', text: t('cp.tooFar', { m: Math.round(placed.offset_m), max: MAX_PLACE_OFFSET_M }) });
      }
      const same = f.coursePoints.filter((p) => p.kind === kind).length;
      const label = t(COURSE_POINT_KEYS[kind]);
      const name = kind === 'start' || kind === 'finish' ? label : `${label} ${same + 1}`;
      planner.edit((d) => addCoursePointTo(d, f.id, { id: newId(), kind, name, lonlat: placed.lonlat, km: placed.km }));
    });
  }, [controller]);

  // a point on the course dragged on the map: projected onto the route like a new one, or put back
  const showPointsRef = useRef(showPoints);
  showPointsRef.current = showPoints;
  useEffect(() => {
    if (!controller) return;
    return controller.on('coursepointmove', async (id, lonlat) => {
      const { doc, engine, legsFor, push, t, planner } = latest.current;
      const f = activeFormula(doc);
      const point = f?.coursePoints.find((p) => p.id === id);
      const legs = f ? legsFor(f.route) : [];
      const placed = engine && f && point && complete(legs) ? await engine.placeCoursePoint(legs, point.kind, lonlat).catch(() => null) : null;
      if (!f || !point || !placed) {
        showPointsRef.current();
        return;
      }
      if (point.kind !== 'start' && point.kind !== 'finish' && placed.offset_m > MAX_PLACE_OFFSET_M) {
        showPointsRef.current();
        push({ id: 'cp', kind: 'warning', text: t('cp.tooFarDrop', { m: Math.round(placed.offset_m), max: MAX_PLACE_OFFSET_M }) });
        return;
      }
      if (planner.readOnly) return showPointsRef.current();
      // the new places come back through the document (start and finish stay at the ends)
      planner.edit((d) => placeCoursePointAt(d, f.id, id, placed));
    });
  }, [controller]);

  // frame the route on the map after a reload or an opened project (control points suffice)
  const fitRoute = useCallback(
    (route: RouteModel | undefined) => {
      if (route && controller) controller.fitToPoints(route.points, { maxZoom: 15, animate: false });
    },
    [controller],
  );
  const framed = useRef(false);
  useEffect(() => {
    if (framed.current || autosave.session !== 'restored' || !controller) return;
    framed.current = true;
    void controller.ready.then(() => fitRoute(latest.current.doc.route));
  }, [autosave.session, controller, fitRoute]);

  // ── events and formulas ──
  const onNewEvent = useCallback(
    (templateId: string) => {
      const template = EVENT_TEMPLATES.find((tp) => tp.id === templateId);
      const ev: Event = template
        ? eventFromTemplate(template, newId)
        : addFormula(createEvent({ name: t('events.blank.name'), discipline: 'trail' }, newId), { name: t('events.blank.formula') }, newId);
      planner.edit((d) => addEvent(d, ev));
    },
    [planner, t],
  );

  const onDeleteEvent = useCallback(() => {
    if (!event) return;
    setConfirm({
      message: t('events.delete.confirm', { name: event.name, n: event.formulas.length }),
      choices: [{ id: 'ok', label: t('confirm.delete'), tone: 'danger' }],
      onChoose: () => planner.edit((d) => removeEvent(d, event.id)),
    });
  }, [event, planner, t]);

  const onDeleteFormula = useCallback(
    (id: string) => {
      const f = event?.formulas.find((x) => x.id === id);
      if (!f) return;
      if (f.route.points.length === 0 && f.coursePoints.length === 0) {
        planner.edit((d) => removeFormula(d, id));
        return;
      }
      setConfirm({
        message: t('formulas.delete.confirm', { name: f.name }),
        choices: [{ id: 'ok', label: t('confirm.delete'), tone: 'danger' }],
        onChoose: () => planner.edit((d) => removeFormula(d, id)),
      });
    },
    [event, planner, t],
  );

  // ── exports ──
  /** Legs of every formula of the events that has a line (the worker computes what the cache lacks). */
  const legsByFormula = useCallback(
    async (events: readonly Event[]): Promise<Record<string, Leg[]>> => {
      const formulas = events.flatMap((e) => e.formulas);
      const legs = await planner.ensureLegs(formulas.map((f) => f.route));
      const out: Record<string, Leg[]> = {};
      formulas.forEach((f, i) => {
        if (legs[i].length > 0 && legs[i].length === f.route.modes.length) out[f.id] = legs[i];
      });
      return out;
    },
    [planner],
  );

  const run = useCallback(
    async (job: () => Promise<void>) => {
      setBusy(true);
      try {
        await job();
      } catch (err) {
        push({ kind: 'error', text: err instanceof Error ? err.message : String(err), timeout: 0 });
      } finally {
        setBusy(false);
      }
    },
    [push],
  );

  /** « Nouvelle formule depuis un tronçon »: the stretch is cut by the core on the source's legs. */
  const onStretch = useCallback(
    (id: string, fromKm: number, toKm: number) =>
      run(async () => {
        const f = event?.formulas.find((x) => x.id === id);
        if (!f || f.route.points.length < 2) return;
        const [legs] = await planner.ensureLegs([f.route]);
        if (legs.length !== f.route.modes.length) return push({ id: 'stretch', text: t('formulas.stretch.wait') });
        const fmt = (k: number) => k.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 2 });
        const name = t('formulas.stretch.name', { name: f.name, from: fmt(fromKm), to: fmt(toKm) });
        planner.edit((d) => addFormulaFromStretchIn(d, id, legs, fromKm, toKm, { name }, newId));
      }),
    [run, event, planner, push, t, lang],
  );

  /** « Déplacer le départ » of a closed loop; the km of its points follow (then the worker refreshes them). */
  const onMoveStart = useCallback(
    (id: string, point: number) => {
      const f = event?.formulas.find((x) => x.id === id);
      if (!f) return;
      const legs = legsFor(f.route);
      planner.edit((d) => moveFormulaStart(d, id, point, complete(legs) ? legs : undefined));
    },
    [event, legsFor, planner],
  );

  const simplifiedNotice = useCallback(
    (s: { pointsBefore: number; pointsAfter: number; lengthChange_m: number } | null) => {
      if (!s || s.pointsAfter === s.pointsBefore) return;
      const change = Math.round(s.lengthChange_m);
      const fmt = (n: number) => n.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB');
      push({
        id: 'export-simplified',
        text: t('export.simplified', { before: fmt(s.pointsBefore), after: fmt(s.pointsAfter), change: `${change < 0 ? '−' : change > 0 ? '+' : ''}${fmt(Math.abs(change))}` }),
        timeout: 12_000,
      });
    },
    [push, t, lang],
  );

  const onExportFormula = useCallback(
    () =>
      run(async () => {
        if (!engine || !event || !formula) return;
        if (formula.route.points.length < 2) return push({ kind: 'warning', text: t('export.formula.empty') });
        const [legs] = await planner.ensureLegs([formula.route]);
        const file = await engine.formulaGpx(event, formula.id, legs, { maxPoints });
        if (!file) return push({ kind: 'warning', text: t('export.formula.empty') });
        download(file.text, 'application/gpx+xml', file.fileName);
        push({ id: 'export', text: t('export.formula.done', { name: file.fileName, n: file.points }) });
        simplifiedNotice(file.simplification);
      }),
    [run, engine, event, formula, planner, maxPoints, push, t, simplifiedNotice],
  );

  const onExportZip = useCallback(
    () =>
      run(async () => {
        if (!engine || !event) return;
        const legs = await legsByFormula([event]);
        const r = await engine.eventGpxZip(event, legs, { maxPoints });
        if (r.files.length === 0) return push({ kind: 'warning', text: t('export.zip.empty') });
        const fileName = safeFileName([event.name], 'zip', 'evenement');
        download(r.zip as Uint8Array<ArrayBuffer>, 'application/zip', fileName);
        push({ id: 'export', text: t('export.zip.done', { name: fileName, n: r.files.length }) });
        if (r.skipped.length) {
          const names = r.skipped.map((id) => event.formulas.find((f) => f.id === id)?.name ?? id).join(', ');
          push({ id: 'export-skipped', kind: 'warning', text: t('export.zip.skipped', { names }) });
        }
        const simplified = r.files.filter((f) => f.simplification && f.simplification.pointsAfter < f.simplification.pointsBefore);
        if (simplified.length === 1) simplifiedNotice(simplified[0].simplification);
      }),
    [run, engine, event, legsByFormula, maxPoints, push, t, simplifiedNotice],
  );

  const onRoadbook = useCallback(
    () =>
      run(async () => {
        if (!engine || !event || !formula || formula.route.points.length < 2) return;
        const [legs] = await planner.ensureLegs([formula.route]);
        const rb = await engine.roadbook(formula, legs);
        setRoadbook({ eventName: event.name, formulaName: formula.name, start: formula.start, dates: event.dates, roadbook: rb });
      }),
    [run, engine, event, formula, planner],
  );

  // ── project file ──
  const onSaveProject = useCallback(
    () =>
      run(async () => {
        if (!engine) return;
        const events = doc.events;
        const text = await engine.projectText(events, await legsByFormula(events), new Date().toISOString());
        const fileName = safeFileName([event?.name ?? (events.length === 1 ? events[0].name : 'projet'), 'cavalier'], 'json', 'projet');
        download(text, 'application/json', fileName);
        push({ id: 'project', text: t('project.saved', { name: fileName }) });
      }),
    [run, engine, doc.events, event, legsByFormula, push, t],
  );

  const onOpenProject = useCallback(
    async (file: File) => {
      if (!engine) return;
      if (file.size > PROJECT_MAX_BYTES) {
        push({ id: 'project', kind: 'error', text: t('project.tooLarge', { mb: Math.round(file.size / 1024 / 1024) }), timeout: 0 });
        return;
      }
      const r = await engine.parseProject(await file.text());
      if (!r.ok) {
        push({ id: 'project', kind: 'error', text: t('project.openFailed', { detail: formatError(r.error, lang) }), timeout: 0 });
        return;
      }
      const opened = r.value.events;
      if (opened.length === 0) {
        push({ id: 'project', kind: 'warning', text: t('project.empty') });
        return;
      }
      const apply = (mode: 'replace' | 'add') => {
        planner.edit((d) => {
          // added beside the current events: fresh ids, so nothing collides
          const events = mode === 'replace' ? opened : [...d.events, ...opened.map((e) => duplicateEvent(e, newId, e.name))];
          const first = mode === 'replace' ? events[0] : events[d.events.length];
          return withEvents(d, events, { eventId: first.id, formulaId: first.formulas[0]?.id ?? null });
        });
        fitRoute(opened[0].formulas.find((f) => f.route.points.length)?.route);
        push({ id: 'project', text: t('project.opened', { name: file.name, n: opened.length }) });
        for (const w of r.warnings) push({ kind: 'info', text: formatError(w, lang) });
      };
      const current = latest.current.doc.events.length;
      if (current === 0) {
        apply('replace');
        return;
      }
      setConfirm({
        message: t('project.confirm', { name: file.name, n: opened.length, current }),
        choices: [
          { id: 'add', label: t('project.confirm.add') },
          { id: 'replace', label: t('project.confirm.replace'), tone: 'primary' },
        ],
        onChoose: (id) => apply(id === 'add' ? 'add' : 'replace'),
      });
    },
    [engine, planner, push, t, lang, fitRoute],
  );

  // ── views ──
  const rows = useMemo(() => (event ? event.formulas.map(rowOf) : []), [event, rowOf]);
  const detail: FormulaDetail | null = useMemo(() => {
    if (!formula) return null;
    const row = rowOf(formula);
    const { points } = formula.route;
    const closed = points.length >= 3 && points[0][0] === points[points.length - 1][0] && points[0][1] === points[points.length - 1][1];
    const legs = closed ? legsFor(formula.route) : [];
    const controlKms = closed && complete(legs) ? controlPointDistances(legs).slice(0, -1) : null;
    return { ...row, closed, points: points.length, start: formula.start, cutoffPace_min_per_km: formula.cutoffPace_min_per_km, controlKms };
  }, [formula, rowOf, legsFor]);

  const pointRows: CoursePointRow[] = useMemo(() => {
    if (!formula) return [];
    const day = formula.start?.slice(0, 10);
    return sortedPoints.map((p) => {
      const c = coursePointCutoff(formula, p);
      let label: string | null = null;
      if (c) {
        if (c.clock) label = c.clock.slice(0, 10) === day ? c.clock.slice(11, 16) : `${c.clock.slice(8, 10)}/${c.clock.slice(5, 7)} ${c.clock.slice(11, 16)}`;
        else label = formatDuration(c.minutesFromStart);
      }
      return { id: p.id, kind: p.kind, name: p.name, km: p.km, cutoffMinutes: p.cutoff?.minutesFromStart ?? null, cutoffLabel: label, cutoffSource: c?.source ?? null };
    });
  }, [formula, sortedPoints]);

  const markers: ProfileMarker[] = useMemo(
    () =>
      doc.active === 'route' ? sortedPoints.map((p) => ({ distance_m: p.km * 1000, label: p.name, color: COURSE_POINT_STYLE[p.kind].color })) : [],
    [sortedPoints, doc.active],
  );

  const templates = useMemo(() => EVENT_TEMPLATES.map((tp) => ({ id: tp.id, name: tp.name, discipline: tp.discipline, formulas: tp.formulas.length })), []);
  const edit = planner.edit;

  const panel = (
    <EventsPanel
      events={doc.events.map((e) => ({ id: e.id, name: e.name }))}
      event={event && { id: event.id, name: event.name, discipline: event.discipline, dates: event.dates, participants: event.participants }}
      templates={templates}
      formulas={rows}
      activeFormula={detail}
      maxPoints={maxPoints}
      busy={busy}
      session={`${autosave.session} ${autosave.save}`}
      onNewEvent={onNewEvent}
      onSelectEvent={(id) => edit((d) => selectEvent(d, id))}
      onEditEvent={(patch) => event && edit((d) => editEvent(d, event.id, patch))}
      onDuplicateEvent={() => event && edit((d) => duplicateEventIn(d, event.id, newId))}
      onDeleteEvent={onDeleteEvent}
      onSelectFormula={(id) => edit((d) => selectFormula(d, id))}
      onAddFormula={() => event && edit((d) => addFormulaTo(d, event.id, { name: t('formulas.new.name', { n: event.formulas.length + 1 }) }, newId))}
      onDuplicateFormula={(id) => edit((d) => duplicateFormulaIn(d, id, newId))}
      onDeleteFormula={onDeleteFormula}
      onEditFormula={(id, patch) => edit((d) => editFormula(d, id, patch))}
      onCloseLoop={(id) => edit((d) => closeFormulaLoop(d, id))}
      onReverse={(id) => edit((d) => reverseFormula(d, id))}
      onStretch={onStretch}
      onMoveStart={onMoveStart}
      onMaxPointsChange={setMaxPoints}
      onExportFormula={onExportFormula}
      onExportZip={onExportZip}
      onRoadbook={onRoadbook}
      onSaveProject={onSaveProject}
      onOpenProject={onOpenProject}
    />
  );

  const coursePoints = (
    <CoursePointsPanel
      enabled={formula !== null}
      points={pointRows}
      placing={placing}
      kind={placeKind}
      onKindChange={setPlaceKind}
      onPlacingChange={(on) => {
        if (on) setDrawing(false);
        setPlacing(on);
      }}
      onRename={(id, name) => formula && edit((d) => editCoursePoint(d, formula.id, id, { name }))}
      onCutoff={(id, minutes) => formula && edit((d) => editCoursePoint(d, formula.id, id, { cutoff: minutes === null ? null : { minutesFromStart: minutes } }))}
      onDelete={(id) => formula && edit((d) => removeCoursePoint(d, formula.id, id))}
      onInvalidCutoff={() => push({ id: 'cp', kind: 'warning', text: t('cp.cutoff.invalid') })}
    />
  );

  const overlay = (
    <>
      {confirm && (
        <ConfirmDialog
          message={confirm.message}
          choices={confirm.choices}
          onCancel={() => setConfirm(null)}
          onChoose={(id) => {
            setConfirm(null);
            confirm.onChoose(id);
          }}
        />
      )}
      {roadbook && <RoadbookView {...roadbook} onClose={() => setRoadbook(null)} />}
    </>
  );

  return { panel, coursePoints, overlay, markers };
}
