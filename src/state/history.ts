// Undo/redo as a property of the model: every edit makes a new immutable document and the
// history keeps the previous ones. Derived data (legs, stats) is never stored here.

export interface History<T> {
  past: T[];
  present: T;
  future: T[];
}

/** Enough for a long editing session; the oldest states are dropped first. */
export const HISTORY_LIMIT = 500;

export const historyOf = <T>(present: T): History<T> => ({ past: [], present, future: [] });

export function commit<T>(h: History<T>, next: T): History<T> {
  if (next === h.present) return h;
  const past = [...h.past, h.present];
  if (past.length > HISTORY_LIMIT) past.shift();
  return { past, present: next, future: [] };
}

export function undo<T>(h: History<T>): History<T> {
  if (h.past.length === 0) return h;
  return { past: h.past.slice(0, -1), present: h.past[h.past.length - 1], future: [h.present, ...h.future] };
}

export function redo<T>(h: History<T>): History<T> {
  if (h.future.length === 0) return h;
  return { past: [...h.past, h.present], present: h.future[0], future: h.future.slice(1) };
}
