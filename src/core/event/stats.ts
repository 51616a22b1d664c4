// Per-formula figures: one lap and the whole formula, and the distance against the target.
import { elevationProfile } from '../elevation/profile';
import { positionsLength } from '../geo/geodesic';
import type { ElevationProfile, Position } from '../types';
import type { Formula } from './model';

export interface TargetCheck {
  /** 'ok' within the tolerance; otherwise which way the formula misses its target */
  status: 'ok' | 'short' | 'long';
  /** total distance minus target (m): negative when short */
  diff_m: number;
}

export interface FormulaStats {
  lap_m: number;
  laps: number;
  total_m: number;
  /** smoothed climb of one lap and of all laps; null when no elevation is known */
  lapAscent_m: number | null;
  totalAscent_m: number | null;
  /** null when the formula has no target (0) */
  target: TargetCheck | null;
}

/** The target is the distance of the whole formula, all laps included. */
export function targetCheck(formula: Pick<Formula, 'targetDistance_m' | 'tolerance_m'>, total_m: number): TargetCheck | null {
  if (!(formula.targetDistance_m > 0)) return null;
  const diff_m = total_m - formula.targetDistance_m;
  const status = Math.abs(diff_m) <= Math.max(0, formula.tolerance_m) ? 'ok' : diff_m < 0 ? 'short' : 'long';
  return { status, diff_m };
}

/**
 * Figures of a formula whose route line (one lap) is `coords`. The climb comes from `profile`
 * when the caller has one (e.g. draped on the DEM by the worker), else from the elevations in
 * `coords`. A lap of a loop ends where the next begins, so laps simply multiply.
 */
export function formulaStats(formula: Formula, coords: readonly Position[], profile?: ElevationProfile | null): FormulaStats {
  const laps = Math.max(1, Math.floor(formula.laps));
  const lap_m = positionsLength(coords);
  const total_m = lap_m * laps;
  const prof = profile !== undefined ? profile : elevationProfile(coords);
  const lapAscent_m = prof ? prof.ascent : null;
  return {
    lap_m,
    laps,
    total_m,
    lapAscent_m,
    totalAscent_m: lapAscent_m === null ? null : lapAscent_m * laps,
    target: targetCheck(formula, total_m),
  };
}
