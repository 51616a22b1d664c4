// Nothing lost: every edit is written at once, synchronously, to the journal of the last edit
// (localStorage, src/state/journal.ts), and the whole document is saved to IndexedDB (key
// 'current' of the 'sessions' store of the 'cavalier' database) 500 ms after the last edit, and
// when the page is hidden or left (visibilitychange, pagehide). At start the session is read
// back from IndexedDB, then the editing tab replays the journal if it is newer (a tab closed or
// killed within the delay: the IndexedDB write begun then rarely finishes). The undo history is
// not saved: a reload starts a fresh one. A failed save (storage full, IndexedDB unavailable)
// says so once, in French, and the work in memory goes on; the next edit tries again. A journal
// that cannot be written (localStorage full) makes the save start at once instead.
// Only the tab that holds the editing lease writes, the journal included (use-tab-lease.ts): a
// reader tab reloads the session each time the editor saved, and once more when it becomes the
// editor, and only then looks at the journal; the editor saves everything before it hands over.
import { useCallback, useEffect, useRef, useState } from 'react';
import { idbGet, idbPut, StoreError, type StoreErrorKind } from '../../adapters/idb-store';
import { readJournal, writeJournal } from '../../adapters/journal-store';
import type { PushNotice } from '../components/Notices';
import type { TFunction } from '../../i18n/dictionary';
import { journalText, nextSeq, replayJournal } from '../../state/journal';
import type { ImportedTrack, PlannerDoc } from '../../state/planner';
import { fromSession, sessionSeq, toSession } from '../../state/session';
import type { PlannerState } from './use-planner';
import type { TabLeaseState } from './use-tab-lease';

const SESSION_KEY = 'current';
const AUTOSAVE_DELAY_MS = 500;

/** 'loading' until the saved session was read; then what was found. */
export type SessionStatus = 'loading' | 'restored' | 'empty' | 'unreadable' | 'unavailable';
/** the state of the last save: lets the user (and the tests) know the work is on disk */
export type SaveStatus = 'idle' | 'pending' | 'saved' | 'failed';

export function useAutosave(
  planner: PlannerState,
  push: (n: PushNotice) => void,
  t: TFunction,
  lease: TabLeaseState,
): { session: SessionStatus; save: SaveStatus } {
  const [session, setSession] = useState<SessionStatus>('loading');
  const [saveStatus, setSaveStatus] = useState<SaveStatus>('idle');
  const docRef = useRef(planner.doc);
  docRef.current = planner.doc;
  const initial = useRef(planner.doc);
  /** the document of the last save begun, and of the last one completed */
  const lastSaved = useRef<PlannerDoc | null>(null);
  const confirmed = useRef<PlannerDoc | null>(null);
  const failing = useRef<StoreErrorKind | null>(null);
  const latest = useRef({ push, t, reset: planner.reset });
  latest.current = { push, t, reset: planner.reset };
  /** the session on disk as this tab last read or wrote it: its seq, and its tracks by id (the journal refers to them) */
  const disk = useRef<{ seq: number; tracks: Map<string, ImportedTrack> }>({ seq: 0, tracks: new Map() });
  // touches only a ref: stable, so the effects below need not re-run for it
  const onDisk = useCallback((doc: PlannerDoc, seq: number) => {
    disk.current = { seq, tracks: new Map(doc.tracks.map((tr) => [tr.id, tr])) };
  }, []);
  /** the document shown and its seq (see src/state/journal.ts) */
  const current = useRef<{ doc: PlannerDoc; seq: number }>({ doc: planner.doc, seq: 0 });
  /** the journal holds `current`; when it could not be written, the save does not wait */
  const journaled = useRef(true);

  // read the saved session once
  useEffect(() => {
    let alive = true;
    idbGet<unknown>(SESSION_KEY).then(
      (raw) => {
        if (!alive) return;
        const { push, t, reset } = latest.current;
        if (raw === undefined) {
          setSession('empty');
          return;
        }
        const r = fromSession(raw);
        if (r.ok) {
          onDisk(r.doc, sessionSeq(raw));
          // work begun in the few milliseconds before the read is not thrown away
          if (docRef.current === initial.current) {
            lastSaved.current = r.doc;
            confirmed.current = r.doc;
            current.current = { doc: r.doc, seq: disk.current.seq };
            reset(r.doc);
          }
          setSession('restored');
          if (r.doc.events.length) push({ id: 'autosave', text: t('autosave.restored', { n: r.doc.events.length }), timeout: 5000 });
          return;
        }
        disk.current = { seq: sessionSeq(raw), tracks: new Map() };
        // kept aside rather than overwritten by the next save
        idbPut(`unreadable-${new Date().toISOString()}`, raw).catch(() => {});
        push({
          id: 'autosave',
          kind: 'warning',
          text: t('autosave.unreadable', { reason: r.reason === 'future-version' ? t('autosave.futureVersion') : '' }),
          timeout: 0,
        });
        setSession('unreadable');
      },
      (err: unknown) => {
        if (!alive) return;
        const kind = err instanceof StoreError ? err.kind : 'failed';
        failing.current = kind;
        latest.current.push({ id: 'autosave', kind: 'warning', text: message(latest.current.t, kind, err), timeout: 0 });
        setSession('unavailable');
      },
    );
    return () => {
      alive = false;
    };
  }, [onDisk]);

  /**
   * The seq of `doc`: a new one, journaled at once, if it is not the document of the last call
   * (an undo back to an older document is a new edit too). Only the editing tab calls it.
   */
  const stamp = useCallback((doc: PlannerDoc): number => {
    if (current.current.doc === doc) return current.current.seq;
    const seq = nextSeq(Math.max(current.current.seq, disk.current.seq));
    current.current = { doc, seq };
    journaled.current = writeJournal(journalText(doc, seq, disk.current.tracks));
    return seq;
  }, []);

  const inflight = useRef<Promise<void>>(Promise.resolve());
  const notifySaved = lease.notifySaved;
  /** writes the document unless it is on disk or being written; resolves when written (or failed) */
  const save = useCallback((): Promise<void> => {
    const doc = docRef.current;
    if (doc === lastSaved.current) return inflight.current;
    const seq = stamp(doc);
    lastSaved.current = doc;
    setSaveStatus('pending');
    inflight.current = idbPut(SESSION_KEY, toSession(doc, undefined, seq)).then(
      () => {
        confirmed.current = doc;
        const before = disk.current.tracks;
        onDisk(doc, seq);
        // the journal of a later document may refer to a track this save no longer has (an undo
        // of its removal): it carries the track itself from now on
        const { doc: now, seq: nowSeq } = current.current;
        if (now !== doc && now.tracks.some((tr) => before.get(tr.id) === tr && disk.current.tracks.get(tr.id) !== tr)) {
          journaled.current = writeJournal(journalText(now, nowSeq, disk.current.tracks));
        }
        if (docRef.current === doc) setSaveStatus('saved');
        notifySaved();
        if (failing.current) {
          failing.current = null;
          latest.current.push({ id: 'autosave', text: latest.current.t('autosave.back'), timeout: 4000 });
        }
      },
      (err: unknown) => {
        // try again with the next edit
        if (lastSaved.current === doc) lastSaved.current = null;
        setSaveStatus('failed');
        const kind = err instanceof StoreError ? err.kind : 'failed';
        if (failing.current !== kind) latest.current.push({ id: 'autosave', kind: 'warning', text: message(latest.current.t, kind, err), timeout: 0 });
        failing.current = kind;
      },
    );
    return inflight.current;
  }, [notifySaved, stamp, onDisk]);

  /** what the editor tab saved, read back (a reader follows it; a new editor starts from it) */
  const reload = useCallback(async () => {
    const raw = await idbGet<unknown>(SESSION_KEY).catch(() => undefined);
    if (raw === undefined) return;
    const r = fromSession(raw);
    if (!r.ok) return;
    lastSaved.current = r.doc;
    confirmed.current = r.doc;
    onDisk(r.doc, sessionSeq(raw));
    current.current = { doc: r.doc, seq: disk.current.seq };
    latest.current.reset(r.doc);
  }, [onDisk]);

  const { role } = lease;
  const wasReader = useRef(false);
  const [promoted, setPromoted] = useState(false);
  /** the journal was looked at since this tab last became the editor */
  const [replayed, setReplayed] = useState(false);
  lease.handlers.current = { onSaved: () => void reload(), beforeRelease: save };
  useEffect(() => {
    if (role === 'reader') {
      wasReader.current = true;
      setPromoted(false);
      setReplayed(false);
    } else if (role === 'editor' && wasReader.current) {
      // the other tab saved before it let go: start from its work
      wasReader.current = false;
      void reload().then(() => setPromoted(true));
    } else if (role === 'editor') setPromoted(true);
  }, [role, reload]);

  // the editor only, once it holds what is on disk: a reader must not replay the editor's journal
  // (it follows the editor's saves), and the journal of a tab closed before its last save is
  // replayed by whichever tab edits next
  const editing = session !== 'loading' && role === 'editor' && promoted;
  useEffect(() => {
    if (!editing || replayed) return;
    const replay = replayJournal(readJournal(), disk.current.seq, disk.current.tracks);
    // over the document read from disk only: an edit made since is newer than any journal
    if (replay && docRef.current === current.current.doc) {
      current.current = { doc: replay.doc, seq: replay.seq };
      journaled.current = true;
      latest.current.reset(replay.doc);
      setSession((s) => (s === 'empty' ? 'restored' : s));
      if (replay.doc.events.length)
        latest.current.push({ id: 'autosave', text: latest.current.t('autosave.restored', { n: replay.doc.events.length }), timeout: 5000 });
    }
    setReplayed(true);
  }, [editing, replayed]);

  const ready = editing && replayed;
  // before the save's timer below: the journal is written in the same commit as the edit
  useEffect(() => {
    if (ready) stamp(planner.doc);
  }, [planner.doc, ready, stamp]);

  useEffect(() => {
    if (!ready) return;
    // back to a document already on disk (undo then redo within the delay): nothing to write,
    // unless a save of another document is still being written: it will overwrite this one
    // (an undo right after an edit whose save had begun), so this one is saved again after it
    if (planner.doc === confirmed.current && lastSaved.current === confirmed.current) {
      setSaveStatus('saved');
      return;
    }
    // being written: its completion says so
    if (planner.doc === lastSaved.current) return;
    setSaveStatus('pending');
    const timer = setTimeout(() => void save(), journaled.current ? AUTOSAVE_DELAY_MS : 0);
    return () => clearTimeout(timer);
  }, [planner.doc, ready, save]);

  useEffect(() => {
    if (!ready) return;
    const onHide = () => {
      if (document.visibilityState === 'hidden') void save();
    };
    const onLeave = () => void save();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onLeave);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onLeave);
    };
  }, [ready, save]);

  return { session, save: saveStatus };
}

function message(t: TFunction, kind: StoreErrorKind, err: unknown): string {
  if (kind === 'quota') return t('autosave.quota');
  if (kind === 'unavailable') return t('autosave.unavailable');
  return t('autosave.failed', { detail: err instanceof Error ? err.message : String(err) });
}
