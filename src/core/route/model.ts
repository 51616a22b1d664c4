// The drawn route as plain data: control points and how each leg between them is drawn.
// It lives in the core (not in src/state) because events, project files and the CLI carry it;
// src/state/planner.ts re-exports it for the planner's existing imports.
import type { LegMode } from './leg';

export type LonLat = [number, number];

export interface RouteModel {
  name: string;
  /** control points, already snapped to the network when they were placed on it */
  points: LonLat[];
  /** how each leg between consecutive points is drawn; length = max(0, points.length - 1) */
  modes: LegMode[];
}
