// IndexedDB, the little the app needs: open a database with one object store, run one request in
// a transaction. Raw IndexedDB rather than a dependency, because the failure cases (no IndexedDB
// in a private window, quota exceeded, a blocked upgrade) must be told apart for the user anyway.

export type StoreErrorKind = 'unavailable' | 'quota' | 'failed';

export class StoreError extends Error {
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
  ) {
    super(message);
  }
}

const kindOf = (err: unknown): StoreErrorKind => ((err as { name?: string } | null)?.name === 'QuotaExceededError' ? 'quota' : 'failed');

export interface ObjectStoreSpec {
  db: string;
  store: string;
  /** in-line keys (a property of the value), or out-of-line keys given to put() when absent */
  keyPath?: string;
}

const opening = new Map<string, Promise<IDBDatabase>>();

function open(spec: ObjectStoreSpec): Promise<IDBDatabase> {
  let p = opening.get(spec.db);
  if (p) return p;
  p = new Promise<IDBDatabase>((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new StoreError('unavailable', 'IndexedDB unavailable'));
      return;
    }
    let req: IDBOpenDBRequest;
    try {
      req = indexedDB.open(spec.db, 1);
    } catch (e) {
      reject(new StoreError('unavailable', String(e)));
      return;
    }
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(spec.store)) {
        req.result.createObjectStore(spec.store, spec.keyPath ? { keyPath: spec.keyPath } : undefined);
      }
    };
    req.onsuccess = () => {
      const db = req.result;
      // another tab upgrading the database: let it, and reopen next time
      db.onversionchange = () => {
        db.close();
        opening.delete(spec.db);
      };
      resolve(db);
    };
    req.onerror = () => reject(new StoreError('unavailable', String(req.error)));
    req.onblocked = () => reject(new StoreError('unavailable', 'IndexedDB blocked'));
  });
  p.catch(() => opening.delete(spec.db));
  opening.set(spec.db, p);
  return p;
}

/** Runs one request and resolves once its transaction is committed (on disk as far as the browser is concerned). */
export function runInStore<T>(
  spec: ObjectStoreSpec,
  mode: IDBTransactionMode,
  fn: (store: IDBObjectStore) => IDBRequest<T> | undefined,
): Promise<T | undefined> {
  return open(spec).then(
    (db) =>
      new Promise<T | undefined>((resolve, reject) => {
        try {
          const tx = db.transaction(spec.store, mode);
          const req = fn(tx.objectStore(spec.store));
          tx.oncomplete = () => resolve(req ? req.result : undefined);
          tx.onerror = () => reject(new StoreError(kindOf(tx.error), String(tx.error)));
          tx.onabort = () => reject(new StoreError(kindOf(tx.error), String(tx.error)));
        } catch (e) {
          // DataCloneError, InvalidStateError (database closing)…
          reject(new StoreError(kindOf(e), String(e)));
        }
      }),
  );
}
