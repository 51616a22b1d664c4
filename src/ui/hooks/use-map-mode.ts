// What a click on the map means, kept in one place: inspecting (popups), drawing the route, or
// placing points on the course. One mode at a time, so the tools cannot both be on; one click
// listener, which hands each click to the tool of the mode it was made in (src/map/gestures.ts
// tags it), so no tool has to check whether the click was meant for another.
import { useEffect, useRef, useState } from 'react';
import type { LonLat, MapController, MapMode } from '../../map/map-controller';

export interface MapModeState {
  mode: MapMode;
  setMode: (mode: MapMode) => void;
}

export function useMapMode(controller: MapController | null): MapModeState {
  const [mode, setMode] = useState<MapMode>('inspect');
  useEffect(() => controller?.setMode(mode), [controller, mode]);
  useEffect(() => {
    // drawing stays on until its button is pressed again; placing is a short errand
    if (mode !== 'place') return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setMode('inspect');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [mode]);
  return { mode, setMode };
}

/** The tools that take clicks, by mode; inspect clicks are the map's own (popups). */
export type MapClickHandlers = Partial<Record<Exclude<MapMode, 'inspect'>, (lonlat: LonLat) => void>>;

/** The map's one click listener; `handlers` may change on every render. */
export function useMapClicks(controller: MapController | null, handlers: MapClickHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    if (!controller) return;
    return controller.on('click', (lonlat, mode) => {
      if (mode !== 'inspect') latest.current[mode]?.(lonlat);
    });
  }, [controller]);
}
