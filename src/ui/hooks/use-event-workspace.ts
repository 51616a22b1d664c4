// The events, formulas and points on the course, put together for the shell: the planner's
// document (one undo history), the worker (every figure, placement, GPX, zip, roadbook and
// project file is computed there), the map, the autosave. Returns what the events panel, the
// course points panel and the dialogs are drawn from; App.tsx draws them.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { EVENT_TEMPLATES } from '../../core/event/index';
import type { RouteModel } from '../../core/route/model';
import type { LonLat, MapController, MapMode } from '../../map/map-controller';
import { activeEvent, activeFormula } from '../../state/events';
import type { EngineClient } from '../../../workers/client';
import type { CoursePointsPanelProps } from '../components/CoursePointsPanel';
import type { ProfileMarker } from '../components/ElevationProfile';
import type { EventsPanelProps } from '../components/events/types';
import type { PushNotice } from '../components/Notices';
import { useAutosave } from './use-autosave';
import { useConfirm, type ConfirmState } from './use-confirm';
import { useCoursePointPlacing } from './use-course-point-placing';
import { useEventEditing } from './use-event-editing';
import { useEventExports, type RoadbookState } from './use-event-exports';
import { useFormulaFigures } from './use-formula-figures';
import { useFormulaMap } from './use-formula-map';
import type { PlannerState } from './use-planner';
import { useProjectFile } from './use-project-file';
import type { TabLeaseState } from './use-tab-lease';
import { useI18n } from '../i18n';

export interface EventWorkspaceDeps {
  planner: PlannerState;
  engine: EngineClient | null;
  controller: MapController | null;
  push: (n: PushNotice) => void;
  /** the map's mode: placing points on the course is one of them */
  mode: MapMode;
  setMode: (mode: MapMode) => void;
  /** bumps when the elevation source changes: climbs are recomputed */
  /** changes with the elevation source (the engine's relief epoch): climbs are recomputed */
  demVersion: string;
  /** this tab's right to save (another tab may be editing) */
  lease: TabLeaseState;
}

export interface EventWorkspace {
  panel: EventsPanelProps;
  coursePoints: CoursePointsPanelProps;
  confirm: ConfirmState;
  roadbook: { view: RoadbookState | null; close: () => void };
  /** points on the course of the formula on the map, for the elevation profile */
  markers: ProfileMarker[];
  /** a click in placing mode: a point of the chosen kind, projected onto the formula's route */
  placeAt: (lonlat: LonLat) => void;
  /**
   * the one GPX export of the formula on the map (course points and cut-offs), which the
   * toolbar's « Exporter GPX » also uses; null when no formula is on the map
   */
  exportFormulaGpx: (() => void) | null;
}

const TEMPLATES = EVENT_TEMPLATES.map((tp) => ({ id: tp.id, name: tp.name, discipline: tp.discipline, formulas: tp.formulas.length }));

export function useEventWorkspace({ planner, engine, controller, push, mode, setMode, demVersion, lease }: EventWorkspaceDeps): EventWorkspace {
  const { t } = useI18n();
  const { doc, legsFor, legs } = planner;
  const event = activeEvent(doc);
  const formula = activeFormula(doc);
  const autosave = useAutosave(planner, push, t, lease);
  const confirm = useConfirm();
  const figures = useFormulaFigures({ engine, event, formula, legsFor, demVersion });
  // every formula on the map, the shared stretches and the km markers (see use-formula-map.ts)
  const formulaMap = useFormulaMap({ controller, engine, event, formula, legsFor, legs });
  const points = useCoursePointPlacing({ engine, controller, planner, event, formula, mode, setMode, push });
  const exports = useEventExports({ engine, planner, event, formula, push });
  const editing = useEventEditing({ planner, event, push, ask: confirm.ask, run: exports.run });

  // frame the route on the map after a reload or an opened project (control points suffice)
  const fitRoute = useCallback(
    (route: RouteModel | undefined) => {
      if (route && controller) controller.fitToPoints(route.points, { maxZoom: 15, animate: false });
    },
    [controller],
  );
  const project = useProjectFile({ engine, planner, event, push, ask: confirm.ask, run: exports.run, legsByFormula: exports.legsByFormula, fitRoute });
  const restoredRoute = useRef(doc.route);
  restoredRoute.current = doc.route;
  const framed = useRef(false);
  useEffect(() => {
    if (framed.current || autosave.session !== 'restored' || !controller) return;
    framed.current = true;
    void controller.ready.then(() => fitRoute(restoredRoute.current));
  }, [autosave.session, controller, fitRoute]);

  const events = useMemo(() => doc.events.map((e) => ({ id: e.id, name: e.name })), [doc.events]);
  const panel: EventsPanelProps = {
    events,
    event: event && {
      id: event.id,
      name: event.name,
      discipline: event.discipline,
      dates: event.dates,
      participants: event.participants,
      organiser: event.organiser ?? null,
    },
    templates: TEMPLATES,
    formulas: figures.rows,
    formulaColors: formulaMap.colors,
    hiddenFormulas: formulaMap.hidden,
    onToggleFormulaShown: formulaMap.toggle,
    sharedLength_m: formulaMap.sharedLength_m,
    activeFormula: figures.detail,
    maxPoints: exports.maxPoints,
    busy: exports.busy,
    session: `${autosave.session} ${autosave.save}`,
    onNewEvent: editing.newEvent,
    onSelectEvent: editing.selectEvent,
    onEditEvent: editing.editEvent,
    onDuplicateEvent: editing.duplicateEvent,
    onDeleteEvent: editing.deleteEvent,
    onSelectFormula: editing.selectFormula,
    onAddFormula: editing.addFormula,
    onDuplicateFormula: editing.duplicateFormula,
    onDeleteFormula: editing.deleteFormula,
    onEditFormula: editing.editFormula,
    onCloseLoop: editing.closeLoop,
    onReverse: editing.reverse,
    onStretch: editing.stretch,
    onMoveStart: editing.moveStart,
    onMaxPointsChange: exports.setMaxPoints,
    onExportFormula: exports.exportFormula,
    onExportZip: exports.exportZip,
    onRoadbook: exports.openRoadbook,
    onSaveProject: project.save,
    onOpenProject: project.open,
  };

  const coursePoints: CoursePointsPanelProps = {
    enabled: formula !== null,
    points: points.rows,
    placing: mode === 'place',
    kind: points.kind,
    onKindChange: points.setKind,
    onPlacingChange: (on) => setMode(on ? 'place' : 'inspect'),
    onRename: points.rename,
    onCutoff: points.setCutoff,
    onDelete: points.remove,
    onInvalidCutoff: points.invalidCutoff,
  };

  return {
    panel,
    coursePoints,
    confirm,
    roadbook: { view: exports.roadbook, close: exports.closeRoadbook },
    markers: points.markers,
    placeAt: points.placeAt,
    exportFormulaGpx: formula ? exports.exportFormula : null,
  };
}
