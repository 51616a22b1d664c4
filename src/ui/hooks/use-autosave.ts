// Nothing lost: the whole document is saved to IndexedDB (key 'current' of the 'sessions' store
// of the 'cavalier' database) 500 ms after the last edit, and at once when the page is hidden or
// left (visibilitychange, pagehide); it is read back on load. The undo history is not saved: a
// reload starts a fresh one. A failed save (storage full, IndexedDB unavailable) says so once,
// in French, and the work in memory goes on; the next edit tries again.
// Only the tab that holds the editing lease saves (use-tab-lease.ts): a reader tab reloads the
// session each time the editor saved, and once more when it becomes the editor; the editor saves
// everything before it hands over.
import { useCallback, useEffect, useRef, useState } from 'react';
import { idbGet, idbPut, StoreError, type StoreErrorKind } from '../../adapters/idb-store';
import type { PushNotice } from '../components/Notices';
import type { TFunction } from '../../i18n/dictionary';
import type { PlannerDoc } from '../../state/planner';
import { fromSession, toSession } from '../../state/session';
import type { PlannerState } from './use-planner';
import type { TabLeaseState } from './use-tab-lease';

export const SESSION_KEY = 'current';
export const AUTOSAVE_DELAY_MS = 500;

/** 'loading' until the saved session was read; then what was found. */
export type SessionStatus = 'loading' | 'restored' | 'empty' | 'unreadable' | 'unavailable';
/** the state of the last save: lets the user (and the tests) know the work is on disk */
export type SaveStatus = 'idle' | 'pending' | 'saved' | 'failed';

export function useAutosave(planner: PlannerState, push: (n: PushNotice) => void, t: TFunction, lease: TabLeaseState): { session: SessionStatus; save: SaveStatus } {
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
          // work begun in the few milliseconds before the read is not thrown away
          if (docRef.current === initial.current) {
            lastSaved.current = r.doc;
            confirmed.current = r.doc;
            reset(r.doc);
          }
          setSession('restored');
          if (r.doc.events.length) push({ id: 'autosave', text: t('autosave.restored', { n: r.doc.events.length }), timeout: 5000 });
          return;
        }
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
  }, []);

  const inflight = useRef<Promise<void>>(Promise.resolve());
  const notifySaved = lease.notifySaved;
  /** writes the document unless it is on disk or being written; resolves when written (or failed) */
  const save = useCallback((): Promise<void> => {
    const doc = docRef.current;
    if (doc === lastSaved.current) return inflight.current;
    lastSaved.current = doc;
    setSaveStatus('pending');
    inflight.current = idbPut(SESSION_KEY, toSession(doc)).then(
      () => {
        confirmed.current = doc;
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
  }, [notifySaved]);

  /** what the editor tab saved, read back (a reader follows it; a new editor starts from it) */
  const reload = useCallback(async () => {
    const raw = await idbGet<unknown>(SESSION_KEY).catch(() => undefined);
    if (raw === undefined) return;
    const r = fromSession(raw);
    if (!r.ok) return;
    lastSaved.current = r.doc;
    confirmed.current = r.doc;
    latest.current.reset(r.doc);
  }, []);

  const { role } = lease;
  const wasReader = useRef(false);
  const [promoted, setPromoted] = useState(false);
  lease.handlers.current = { onSaved: () => void reload(), beforeRelease: save };
  useEffect(() => {
    if (role === 'reader') {
      wasReader.current = true;
      setPromoted(false);
    } else if (role === 'editor' && wasReader.current) {
      // the other tab saved before it let go: start from its work
      wasReader.current = false;
      void reload().then(() => setPromoted(true));
    } else if (role === 'editor') setPromoted(true);
  }, [role, reload]);

  const ready = session !== 'loading' && role === 'editor' && promoted;
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
    const timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
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
