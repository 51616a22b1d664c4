// Legs are derived from the model (two control points and a mode), never stored in it.
// The cache makes undo/redo instant: an undone state's legs were computed before.
import type { Leg, LegRequest } from '../core/route/leg';
import type { RouteModel } from './planner';

export const legKey = (r: LegRequest) => `${r.from[0]},${r.from[1]}|${r.to[0]},${r.to[1]}|${r.mode}`;

export function legRequests(route: RouteModel): LegRequest[] {
  return route.modes.map((mode, i) => ({ from: route.points[i], to: route.points[i + 1], mode }));
}

/** Bounded so a long session of dragging does not grow without limit; oldest entries go first. */
export class LegCache {
  private map = new Map<string, Leg>();
  /** bumped by clear(): a reply to a request made before it is for another network or provider */
  generation = 0;
  constructor(private limit = 5000) {}

  get(r: LegRequest): Leg | undefined {
    return this.map.get(legKey(r));
  }

  set(r: LegRequest, leg: Leg): void {
    const k = legKey(r);
    this.map.delete(k);
    this.map.set(k, leg);
    if (this.map.size > this.limit) this.map.delete(this.map.keys().next().value!);
  }

  clear(): void {
    this.map.clear();
    this.generation++;
  }
}
