// Small checks on a formula's legs as the planner's cache holds them (null: still computed).
import type { Leg } from '../../core/route/leg';

export const sameLegs = (a: readonly (Leg | null)[], b: readonly (Leg | null)[]) => a.length === b.length && a.every((l, i) => l === b[i]);

/** every leg of the route is computed */
export const complete = (legs: readonly (Leg | null)[]): legs is Leg[] => legs.length > 0 && legs.every((l) => l !== null);
