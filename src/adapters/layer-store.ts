// Imported layers kept across reloads: IndexedDB database 'cavalier-layers', object store 'layers',
// one record per layer (its info and its WGS84 FeatureCollection), keyed by the layer id.
// Separate from the session autosave ('cavalier' / 'sessions'): layers can be large, and either
// store may fail without the other. Raw IndexedDB, as src/adapters/idb-store.ts.

import type { UserLayerRecord } from '../../workers/layer-engine';

export const LAYER_DB_NAME = 'cavalier-layers';
export const LAYER_STORE = 'layers';
const DB_VERSION = 1;

export type LayerStoreErrorKind = 'unavailable' | 'quota' | 'failed';

export class LayerStoreError extends Error {
  constructor(
    readonly kind: LayerStoreErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** What is stored: the record plus when it was imported and whether it is shown. */
export interface StoredLayer extends UserLayerRecord {
  importedAt: string;
  visible: boolean;
}

const kindOf = (err: unknown): LayerStoreErrorKind => ((err as { name?: string } | null)?.name === 'QuotaExceededError' ? 'quota' : 'failed');

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new LayerStoreError('unavailable', 'IndexedDB unavailable'));
      return;
    }
    let req: IDBOpenDBRequest;
    try {
      req = indexedDB.open(LAYER_DB_NAME, DB_VERSION);
    } catch (e) {
      reject(new LayerStoreError('unavailable', String(e)));
      return;
    }
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(LAYER_STORE)) req.result.createObjectStore(LAYER_STORE, { keyPath: 'id' });
    };
    req.onsuccess = () => {
      const db = req.result;
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    req.onerror = () => reject(new LayerStoreError('unavailable', String(req.error)));
    req.onblocked = () => reject(new LayerStoreError('unavailable', 'IndexedDB blocked'));
  });
  opening.catch(() => (opening = null));
  return opening;
}

function run<T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  return open().then(
    (db) =>
      new Promise<T | undefined>((resolve, reject) => {
        try {
          const tx = db.transaction(LAYER_STORE, mode);
          const req = fn(tx.objectStore(LAYER_STORE));
          tx.oncomplete = () => resolve(req ? req.result : undefined);
          tx.onerror = () => reject(new LayerStoreError(kindOf(tx.error), String(tx.error)));
          tx.onabort = () => reject(new LayerStoreError(kindOf(tx.error), String(tx.error)));
        } catch (e) {
          reject(new LayerStoreError(kindOf(e), String(e)));
        }
      }),
  );
}

/** Every stored layer, oldest import first. */
export async function loadStoredLayers(): Promise<StoredLayer[]> {
  const all = ((await run<StoredLayer[]>('readonly', (s) => s.getAll() as IDBRequest<StoredLayer[]>)) ?? []).filter(isStoredLayer);
  return all.sort((a, b) => a.importedAt.localeCompare(b.importedAt));
}

export function saveStoredLayer(layer: StoredLayer): Promise<void> {
  return run('readwrite', (s) => s.put(layer)).then(() => undefined);
}

export function deleteStoredLayer(id: string): Promise<void> {
  return run('readwrite', (s) => s.delete(id)).then(() => undefined);
}

function isStoredLayer(x: unknown): x is StoredLayer {
  const l = x as StoredLayer;
  return (
    !!l &&
    typeof l.id === 'string' &&
    typeof l.name === 'string' &&
    (l.role === 'network' || l.role === 'sensitive' || l.role === 'reference') &&
    typeof l.importedAt === 'string' &&
    l.fc?.type === 'FeatureCollection' &&
    Array.isArray(l.fc.features)
  );
}
