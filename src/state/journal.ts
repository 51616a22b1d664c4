// The journal of the last edit: the whole session (src/state/session.ts) written synchronously
// to localStorage on every edit of the editing tab, and replayed at start when it is newer than
// what IndexedDB holds. IndexedDB is asynchronous: a tab closed, or its renderer killed, a few
// milliseconds after an edit never finishes the write begun then (it lost the edit 9 times in 10
// in the browser test), whereas localStorage.setItem has handed the value over to the browser
// when it returns. IndexedDB stays the store of record (bigger, and written off the edit's path
// 500 ms after the last edit); the journal only bridges that delay.
//
// {format: 'cavalier-journal', version: 1, seq, doc: {...the session's doc, tracks}} as JSON text.
//
// Order: every edit of the editor gets a `seq` greater than any before it (a clock reading, one
// more than the last if the clock stood still or went back), saved with the session in
// IndexedDB too; a journal is replayed only when its seq is greater than the saved session's,
// so a journal older than what another tab saved since is never replayed over that work.
//
// Imported tracks can weigh megabytes and never change once imported (a track is added or
// removed, never edited): a track already in the session on disk is written as `{id, onDisk:
// true}` and taken back from it at replay. A journal naming a track the session on disk no
// longer has is not replayed (the session on disk wins).
import type { ImportedTrack, PlannerDoc } from './planner';
import { fromSession, SESSION_FORMAT, SESSION_VERSION, toSession } from './session';

const JOURNAL_FORMAT = 'cavalier-journal';
const JOURNAL_VERSION = 1;

type TrackEntry = ImportedTrack | { id: string; onDisk: true };

/** The seq after `last`: the clock, or one more than `last` if the clock says less. */
export function nextSeq(last: number, now = Date.now()): number {
  return Math.max(now, last + 1);
}

/** The journal text of `doc` at `seq`; tracks found in `onDisk` (by id) are referred to, not copied. */
export function journalText(doc: PlannerDoc, seq: number, onDisk: ReadonlyMap<string, ImportedTrack>): string {
  const { doc: saved } = toSession(doc);
  const tracks: TrackEntry[] = saved.tracks.map((t) => (onDisk.get(t.id) === t ? { id: t.id, onDisk: true } : t));
  return JSON.stringify({ format: JOURNAL_FORMAT, version: JOURNAL_VERSION, seq, doc: { ...saved, tracks } });
}

export interface Replay {
  seq: number;
  doc: PlannerDoc;
}

/**
 * The document a journal holds, if it is newer than the session on disk (seq `diskSeq`, tracks
 * `onDisk`) and whole; null otherwise (none, older, unreadable, or a track it names is gone).
 * The document goes through the same checks as a restored session.
 */
export function replayJournal(text: string | null, diskSeq: number, onDisk: ReadonlyMap<string, ImportedTrack>): Replay | null {
  if (!text) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const j = raw as { format?: unknown; version?: unknown; seq?: unknown; doc?: { tracks?: unknown } } | null;
  if (!j || j.format !== JOURNAL_FORMAT || j.version !== JOURNAL_VERSION || typeof j.seq !== 'number' || !Number.isFinite(j.seq)) return null;
  if (j.seq <= diskSeq || !j.doc || typeof j.doc !== 'object' || !Array.isArray(j.doc.tracks)) return null;
  const tracks: unknown[] = [];
  for (const t of j.doc.tracks as unknown[]) {
    const ref = t as { id?: unknown; onDisk?: unknown } | null;
    if (ref && ref.onDisk === true && typeof ref.id === 'string') {
      const kept = onDisk.get(ref.id);
      if (!kept) return null;
      tracks.push(kept);
    } else tracks.push(t);
  }
  const r = fromSession({ format: SESSION_FORMAT, version: SESSION_VERSION, savedAt: '', doc: { ...j.doc, tracks } });
  return r.ok ? { seq: j.seq, doc: r.doc } : null;
}
