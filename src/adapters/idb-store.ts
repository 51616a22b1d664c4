// The session autosave's store: IndexedDB database 'cavalier', object store 'sessions', out-of-line keys.
import { runInStore, type ObjectStoreSpec } from './idb';

export { StoreError, type StoreErrorKind } from './idb';

const DB_NAME = 'cavalier';
const STORE = 'sessions';
const SPEC: ObjectStoreSpec = { db: DB_NAME, store: STORE };

export function idbGet<T>(key: string): Promise<T | undefined> {
  return runInStore<T>(SPEC, 'readonly', (s) => s.get(key) as IDBRequest<T>);
}

/** Resolves when the transaction is committed. */
export function idbPut(key: string, value: unknown): Promise<void> {
  return runInStore(SPEC, 'readwrite', (s) => s.put(value, key)).then(() => undefined);
}
