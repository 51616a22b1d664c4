// Turns map gestures and keyboard shortcuts into edits of the route model.
// Snapping is asked of the worker; the model only ever receives finished positions.
// Clicks in draw mode come through the map's one click dispatcher (use-map-mode.ts): `addAt`.
import { useCallback, useEffect, useRef } from 'react';
import type { LegMode } from '../../core/route/leg';
import type { MapController } from '../../map/map-controller';
import { addPoint, deletePoint, insertPoint, movePoint, type LonLat } from '../../state/planner';
import type { EngineClient } from '../../../workers/client';
import { useI18n } from '../i18n';
import type { PushNotice } from '../components/Notices';
import type { PlannerState } from './use-planner';
import { typingIn } from '../typing';

export interface RouteEditingDeps {
  controller: MapController | null;
  engine: EngineClient | null;
  planner: PlannerState;
  legMode: LegMode;
  selected: number | null;
  setSelected: (i: number | null) => void;
  push: (n: PushNotice) => void;
}

export interface RouteEditing {
  /** a click in draw mode: a new control point at the end of the route */
  addAt: (lonlat: LonLat) => void;
}

export function useRouteEditing(deps: RouteEditingDeps): RouteEditing {
  const { t } = useI18n();
  // the listeners are registered once per controller; they read the latest values from here
  const latest = useRef({ ...deps, t });
  latest.current = { ...deps, t };

  /** The network point nearest to a position, or null (with a notice) when no path is near. */
  const snapped = useCallback(async (lonlat: LonLat, required: boolean): Promise<LonLat | null> => {
    const { engine, push, t } = latest.current;
    const s = engine ? await engine.snap(lonlat[0], lonlat[1]) : null;
    if (s) return [s.lon, s.lat];
    if (required) push({ id: 'far', kind: 'warning', text: t('route.farFromNetwork') });
    return required ? null : lonlat;
  }, []);

  const addAt = useCallback(
    async (lonlat: LonLat) => {
      const { legMode, planner } = latest.current;
      const p = legMode === 'network' ? await snapped(lonlat, true) : lonlat;
      if (p) planner.edit((d) => addPoint(d, p, legMode));
    },
    [snapped],
  );

  const { controller } = deps;
  useEffect(() => {
    if (!controller) return;
    const modesAround = (i: number) => {
      const { modes } = latest.current.planner.doc.route;
      return [modes[i - 1], modes[i]].filter((m) => m !== undefined);
    };

    const offs = [
      controller.on('pointdragend', async (index, lonlat) => {
        const p = modesAround(index).includes('network') ? await snapped(lonlat, false) : lonlat;
        latest.current.planner.edit((d) => movePoint(d, index, p!));
      }),
      controller.on('insert', async (legIndex, lonlat) => {
        const mode = latest.current.planner.doc.route.modes[legIndex];
        const p = mode === 'network' ? await snapped(lonlat, false) : lonlat;
        latest.current.planner.edit((d) => insertPoint(d, legIndex, p!));
      }),
      controller.on('pointclick', (index) => latest.current.setSelected(index)),
      controller.on('pointcontextmenu', (index) => {
        latest.current.setSelected(null);
        latest.current.planner.edit((d) => deletePoint(d, index));
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [controller, snapped]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // typing in a text field keeps its own undo; a focused checkbox or button does not
      if (typingIn(e.target)) return;
      const { planner, selected, setSelected } = latest.current;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z' && !e.shiftKey) planner.undo();
      else if (mod && ((key === 'z' && e.shiftKey) || key === 'y')) planner.redo();
      else if ((e.key === 'Delete' || e.key === 'Backspace') && selected !== null) {
        planner.edit((d) => deletePoint(d, selected));
        setSelected(null);
      } else if (e.key === 'Escape') setSelected(null);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return { addAt: (lonlat) => void addAt(lonlat) };
}
