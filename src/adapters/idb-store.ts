// A tiny key-value store on IndexedDB (one database, one object store), enough for the autosave.
// Raw IndexedDB rather than a dependency: three calls, and the failure cases (no IndexedDB in a
// private window, quota exceeded, a blocked upgrade) need to be told apart for the user anyway.

export const DB_NAME = 'cavalier';
export const STORE = 'sessions';
const DB_VERSION = 1;

export type StoreErrorKind = 'unavailable' | 'quota' | 'failed';

export class StoreError extends Error {
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
  ) {
    super(message);
  }
}

function kindOf(err: unknown): StoreErrorKind {
  const name = (err as { name?: string } | null)?.name;
  return name === 'QuotaExceededError' ? 'quota' : 'failed';
}

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new StoreError('unavailable', 'IndexedDB unavailable'));
      return;
    }
    let req: IDBOpenDBRequest;
    try {
      req = indexedDB.open(DB_NAME, DB_VERSION);
    } catch (e) {
      reject(new StoreError('unavailable', String(e)));
      return;
    }
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE);
    };
    req.onsuccess = () => {
      const db = req.result;
      // another tab upgrading the database: let it, and reopen next time
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    req.onerror = () => reject(new StoreError('unavailable', String(req.error)));
    req.onblocked = () => reject(new StoreError('unavailable', 'IndexedDB blocked'));
  });
  opening.catch(() => (opening = null));
  return opening;
}

export async function idbGet<T>(key: string): Promise<T | undefined> {
  const db = await open();
  return new Promise<T | undefined>((resolve, reject) => {
    try {
      const req = db.transaction(STORE, 'readonly').objectStore(STORE).get(key);
      req.onsuccess = () => resolve(req.result as T | undefined);
      req.onerror = () => reject(new StoreError(kindOf(req.error), String(req.error)));
    } catch (e) {
      reject(new StoreError(kindOf(e), String(e)));
    }
  });
}

/** Resolves when the transaction is committed (so the data is on disk as far as the browser is concerned). */
export async function idbPut(key: string, value: unknown): Promise<void> {
  const db = await open();
  return new Promise<void>((resolve, reject) => {
    try {
      const tx = db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).put(value, key);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(new StoreError(kindOf(tx.error), String(tx.error)));
      tx.onabort = () => reject(new StoreError(kindOf(tx.error), String(tx.error)));
    } catch (e) {
      // DataCloneError, InvalidStateError (database closing)…
      reject(new StoreError(kindOf(e), String(e)));
    }
  });
}
