// One tab edits, the others read. Two tabs saving the same session would each overwrite the
// other's work without a word (the last save wins), so the right to save is a lease: a Web Lock
// held by the editing tab. The other tabs are readers: they follow what the editor saves (a
// BroadcastChannel message after each save) and may ask to take over, which makes the editor
// save at once and step down before the reader steals the lock. When the editor's tab closes,
// the browser releases its lock and the first reader in the queue becomes the editor.
// Without Web Locks or BroadcastChannel (very old browsers, insecure contexts) every tab edits,
// as before: the README says so.

export type LeaseRole = 'pending' | 'editor' | 'reader';

const LEASE_LOCK = 'cavalier-editor';
const LEASE_CHANNEL = 'cavalier-tabs';

type Message = { type: 'saved'; from: string } | { type: 'take-over'; from: string } | { type: 'released'; to: string };

export interface TabLeaseOptions {
  onRole: (role: LeaseRole) => void;
  /** the editor saved: a reader reloads the session */
  onSaved: () => void;
  /** asked to hand over: save everything now (resolves once on disk) */
  beforeRelease: () => Promise<void>;
}

export class TabLease {
  readonly id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
  private role: LeaseRole = 'pending';
  private channel: BroadcastChannel | null = null;
  private release: (() => void) | null = null;
  private queued: AbortController | null = null;
  private disposed = false;

  constructor(private readonly opts: TabLeaseOptions) {}

  start(): void {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    if (!locks || typeof BroadcastChannel === 'undefined') {
      this.setRole('editor');
      return;
    }
    this.channel = new BroadcastChannel(LEASE_CHANNEL);
    this.channel.onmessage = (e: MessageEvent<Message>) => void this.onMessage(e.data);
    this.acquire('if-available');
  }

  /** the editor tells the readers that the session on disk changed */
  notifySaved(): void {
    if (this.role === 'editor') this.post({ type: 'saved', from: this.id });
  }

  /** a reader asks the editor to save and hand over */
  takeOver(): void {
    if (this.role === 'reader') this.post({ type: 'take-over', from: this.id });
  }

  /**
   * Lets go of everything: the lock if held, the request if queued, the channel. A lock request
   * already made but not yet answered cannot be withdrawn (only a queued one can be aborted):
   * its callback, when it comes, sees `disposed` and returns at once, which frees the lock.
   * Without that, React's StrictMode (which mounts every effect twice in development) left the
   * first mount's lease holding the lock for ever, and the only tab open read-only.
   */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.queued?.abort();
    this.queued = null;
    const release = this.release;
    this.release = null;
    release?.();
    this.channel?.close();
    this.channel = null;
  }

  private post(m: Message) {
    // a closed channel throws: a hand-over that ends after dispose() has nobody left to tell
    if (!this.disposed) this.channel?.postMessage(m);
  }

  private setRole(role: LeaseRole) {
    if (this.disposed || role === this.role) return;
    this.role = role;
    this.opts.onRole(role);
  }

  private acquire(how: 'if-available' | 'queue' | 'steal') {
    if (this.disposed) return;
    this.queued?.abort();
    this.queued = null;
    let options: LockOptions;
    if (how === 'if-available') options = { ifAvailable: true };
    else if (how === 'steal') options = { steal: true };
    else {
      this.queued = new AbortController();
      options = { signal: this.queued.signal };
    }
    let granted = false;
    navigator.locks
      .request(LEASE_LOCK, options, async (lock) => {
        // disposed while the request was on its way: returning frees the lock at once
        if (this.disposed) return;
        if (!lock) {
          this.setRole('reader');
          this.acquire('queue');
          return;
        }
        granted = true;
        this.queued = null;
        const held = new Promise<void>((resolve) => (this.release = resolve));
        this.setRole('editor');
        await held;
      })
      .catch(() => {
        // a queued request given up (this tab steals instead): nothing to do
        if (this.disposed || !granted) return;
        // stolen by a tab that took over without our answer: read, and queue again
        this.release = null;
        this.setRole('reader');
        this.acquire('queue');
      });
  }

  private async onMessage(m: Message) {
    if (this.disposed) return;
    if (m.type === 'saved' && this.role === 'reader') this.opts.onSaved();
    else if (m.type === 'take-over' && this.role === 'editor') {
      await this.opts.beforeRelease().catch(() => {});
      this.setRole('reader');
      this.post({ type: 'released', to: m.from });
      const release = this.release;
      this.release = null;
      release?.();
      this.acquire('queue');
    } else if (m.type === 'released' && m.to === this.id && this.role === 'reader') {
      this.acquire('steal');
    }
  }
}
