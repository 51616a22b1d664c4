// Imported layers kept across reloads: IndexedDB database 'cavalier-layers', object store 'layers',
// one record per layer (its info and its WGS84 FeatureCollection), keyed by the layer id.
// Separate from the session autosave ('cavalier' / 'sessions'): layers can be large, and either
// store may fail without the other.

import type { UserLayerRecord } from '../../workers/protocol';
import { runInStore, type ObjectStoreSpec } from './idb';

export { StoreError as LayerStoreError } from './idb';

const LAYER_DB_NAME = 'cavalier-layers';
const LAYER_STORE = 'layers';
const SPEC: ObjectStoreSpec = { db: LAYER_DB_NAME, store: LAYER_STORE, keyPath: 'id' };

/** What is stored: the record plus when it was imported and whether it is shown. */
export interface StoredLayer extends UserLayerRecord {
  importedAt: string;
  visible: boolean;
}

const run = <T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T> | undefined) => runInStore<T>(SPEC, mode, fn);

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
