// The journal of the last edit (src/state/journal.ts): replayed only when newer than the session
// on disk and whole, with the imported tracks it refers to taken back from the disk.
import { describe, expect, it } from 'vitest';
import { EVENT_TEMPLATES, eventFromTemplate } from '../../src/core/event/index';
import { addEvent } from '../../src/state/events';
import { journalText, nextSeq, replayJournal } from '../../src/state/journal';
import { addPoint, addTrack, emptyDoc, removeTrack, type ImportedTrack, type PlannerDoc } from '../../src/state/planner';
import { fromSession, sessionSeq, toSession } from '../../src/state/session';

const trail = EVENT_TEMPLATES.find((t) => t.id === 'trail-pyramides-noires')!;
let n = 0;
const ids = () => `id-${++n}`;
const track = (id: string, points = 3): ImportedTrack => ({
  id,
  track: { name: `Trace ${id}`, segments: [Array.from({ length: points }, (_, i) => [2.8 + i * 1e-4, 50.4, 30 + i])] },
});
const tracksOf = (d: PlannerDoc) => new Map(d.tracks.map((t) => [t.id, t]));
const none = new Map<string, ImportedTrack>();

function edited(): PlannerDoc {
  let d = addEvent(emptyDoc(), eventFromTemplate(trail, ids));
  d = addPoint(addPoint(d, [2.8, 50.4], 'network'), [2.81, 50.41], 'network');
  return d;
}

describe('the journal of the last edit', () => {
  it('gives back the document, checked as a restored session', () => {
    const d = addTrack(edited(), track('t1'));
    const r = replayJournal(journalText(d, 10, none), 5, none);
    expect(r?.seq).toBe(10);
    expect(r?.doc).toEqual(d);
  });

  it('is not replayed over a session on disk as new or newer (another tab saved since)', () => {
    const text = journalText(edited(), 10, none);
    expect(replayJournal(text, 10, none)).toBeNull();
    expect(replayJournal(text, 11, none)).toBeNull();
    expect(replayJournal(text, 9, none)).not.toBeNull();
  });

  it('refers to the tracks already on disk instead of copying them, and takes them back from there', () => {
    const big = track('big', 5000);
    const onDisk = addTrack(emptyDoc(), big);
    const d = addPoint(onDisk, [2.8, 50.4], 'straight');
    const text = journalText(d, 3, tracksOf(onDisk));
    expect(text.length).toBeLessThan(1000);
    const back = fromSession(structuredClone(toSession(onDisk)));
    if (!back.ok) throw new Error(back.reason);
    const r = replayJournal(text, 2, tracksOf(back.doc));
    expect(r?.doc).toEqual(d);
    // a track imported since is in the journal itself
    const more = addTrack(d, track('new'));
    expect(replayJournal(journalText(more, 4, tracksOf(onDisk)), 2, tracksOf(back.doc))?.doc).toEqual(more);
  });

  it('is not replayed when a track it refers to is no longer on disk', () => {
    const onDisk = addTrack(emptyDoc(), track('t1'));
    const text = journalText(addPoint(onDisk, [2.8, 50.4], 'straight'), 3, tracksOf(onDisk));
    expect(replayJournal(text, 2, tracksOf(removeTrack(onDisk, 't1')))).toBeNull();
  });

  it('ignores nothing, a foreign text, a corrupt document or a newer version', () => {
    const good = JSON.parse(journalText(edited(), 10, none)) as { version: number; doc: { free: unknown } };
    expect(replayJournal(null, 0, none)).toBeNull();
    expect(replayJournal('{not json', 0, none)).toBeNull();
    expect(replayJournal(JSON.stringify({ format: 'other', seq: 10 }), 0, none)).toBeNull();
    expect(replayJournal(JSON.stringify({ ...good, version: 2 }), 0, none)).toBeNull();
    expect(replayJournal(JSON.stringify({ ...good, doc: { ...good.doc, free: { name: 'x', points: [[2, 95]], modes: [] } } }), 0, none)).toBeNull();
  });

  it('orders edits even when the clock stands still or goes back', () => {
    expect(nextSeq(100, 200)).toBe(200);
    expect(nextSeq(100, 100)).toBe(101);
    expect(nextSeq(100, 50)).toBe(101);
  });

  it('a session saved before the seq existed is older than any journal', () => {
    expect(sessionSeq(toSession(edited()))).toBe(0);
    expect(sessionSeq(toSession(edited(), undefined, 42))).toBe(42);
    expect(sessionSeq(null)).toBe(0);
  });
});
