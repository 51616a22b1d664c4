// The tab's role in the editing lease (src/adapters/tab-lease.ts), for React: the planner reads
// `role` to refuse edits in a reader tab, the autosave fills `handlers` (reload what the editor
// saved; save everything before handing over) and calls `notifySaved`.
import { useCallback, useEffect, useRef, useState, type MutableRefObject } from 'react';
import { TabLease, type LeaseRole } from '../../adapters/tab-lease';

interface LeaseHandlers {
  onSaved: () => void;
  beforeRelease: () => Promise<void>;
}

export interface TabLeaseState {
  role: LeaseRole;
  takeOver: () => void;
  notifySaved: () => void;
  handlers: MutableRefObject<LeaseHandlers>;
}

export function useTabLease(): TabLeaseState {
  const [role, setRole] = useState<LeaseRole>('pending');
  const handlers = useRef<LeaseHandlers>({ onSaved: () => {}, beforeRelease: async () => {} });
  const lease = useRef<TabLease | null>(null);
  useEffect(() => {
    const l = new TabLease({
      onRole: setRole,
      onSaved: () => handlers.current.onSaved(),
      beforeRelease: () => handlers.current.beforeRelease(),
    });
    lease.current = l;
    l.start();
    return () => l.dispose();
  }, []);
  const takeOver = useCallback(() => lease.current?.takeOver(), []);
  const notifySaved = useCallback(() => lease.current?.notifySaved(), []);
  return { role, takeOver, notifySaved, handlers };
}
