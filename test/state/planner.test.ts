import { describe, expect, it } from 'vitest';
import { commit, historyOf, redo, undo, HISTORY_LIMIT } from '../../src/state/history';
import { addPoint, deletePoint, emptyDoc, insertPoint, movePoint, setLegMode, type LonLat } from '../../src/state/planner';

const A: LonLat = [2.8, 50.4];
const B: LonLat = [2.81, 50.41];
const C: LonLat = [2.82, 50.42];
const D: LonLat = [2.83, 50.43];

describe('route edits', () => {
  const three = addPoint(addPoint(addPoint(emptyDoc(), A, 'network'), B, 'straight'), C, 'network');

  it('adds points with one mode per leg', () => {
    expect(three.route.points).toEqual([A, B, C]);
    expect(three.route.modes).toEqual(['straight', 'network']);
  });

  it('inserts inside a leg, both halves keeping its mode', () => {
    const d = insertPoint(three, 0, D);
    expect(d.route.points).toEqual([A, D, B, C]);
    expect(d.route.modes).toEqual(['straight', 'straight', 'network']);
  });

  it('deletes first, inner and last points keeping legs consistent', () => {
    expect(deletePoint(three, 0).route).toMatchObject({ points: [B, C], modes: ['network'] });
    expect(deletePoint(three, 1).route).toMatchObject({ points: [A, C], modes: ['straight'] });
    expect(deletePoint(three, 2).route).toMatchObject({ points: [A, B], modes: ['straight'] });
    expect(deletePoint(deletePoint(deletePoint(three, 0), 0), 0).route).toMatchObject({ points: [], modes: [] });
  });

  it('moves a point and changes a leg mode without touching the original', () => {
    const moved = movePoint(three, 1, D);
    expect(moved.route.points[1]).toEqual(D);
    expect(three.route.points[1]).toEqual(B);
    expect(setLegMode(three, 1, 'straight').route.modes).toEqual(['straight', 'straight']);
    expect(setLegMode(three, 5, 'straight')).toBe(three);
  });
});

describe('history', () => {
  it('undoes and redoes every edit, and a new edit drops the redo branch', () => {
    let h = historyOf(emptyDoc());
    h = commit(h, addPoint(h.present, A, 'network'));
    h = commit(h, addPoint(h.present, B, 'network'));
    h = commit(h, addPoint(h.present, C, 'network'));
    h = undo(h);
    expect(h.present.route.points).toEqual([A, B]);
    h = redo(h);
    expect(h.present.route.points).toEqual([A, B, C]);
    h = undo(undo(h));
    h = commit(h, addPoint(h.present, D, 'network'));
    expect(h.present.route.points).toEqual([A, D]);
    expect(redo(h)).toBe(h);
    expect(undo(undo(undo(undo(h)))).present.route.points).toEqual([]);
  });

  it('keeps at most HISTORY_LIMIT past states', () => {
    let h = historyOf(emptyDoc());
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) h = commit(h, addPoint(h.present, [2.8 + i * 1e-4, 50.4], 'network'));
    expect(h.past.length).toBe(HISTORY_LIMIT);
  });
});
