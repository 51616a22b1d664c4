import type { NewId } from '../core/event/index';

/** Ids for new events, formulas and points: UUIDs (they fit the project file's id pattern). */
export const newId: NewId = () =>
  typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `id${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
