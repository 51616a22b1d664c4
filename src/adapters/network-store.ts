// The merged routing network (embedded network + imported network layers) kept as one bundle,
// so that a reload loads it in milliseconds instead of rebuilding it from the layers (seconds for
// a regional OpenStreetMap export). IndexedDB database 'cavalier-network', one record 'current'.
// The worker keeps it and reads it back itself (workers/engine.ts; IndexedDB is there too): the
// bundle never crosses to the page. It is used only if its key matches the layers restored
// (workers/layer-engine.ts).

import type { MergedNetworkBundle } from '../../workers/protocol';
import { runInStore, type ObjectStoreSpec } from './idb';

/** Where the engine keeps its merged network between sessions (a stand-in in node tests). */
export interface NetworkBundleStore {
  load(): Promise<MergedNetworkBundle | null>;
  save(bundle: MergedNetworkBundle): Promise<void>;
  remove(): Promise<void>;
}

const SPEC: ObjectStoreSpec = { db: 'cavalier-network', store: 'network' };
const KEY = 'current';

async function loadStoredNetwork(): Promise<MergedNetworkBundle | null> {
  const b = await runInStore<MergedNetworkBundle>(SPEC, 'readonly', (s) => s.get(KEY) as IDBRequest<MergedNetworkBundle>);
  return b && typeof b.key === 'string' && b.bytes instanceof ArrayBuffer && Array.isArray(b.names) && b.state ? b : null;
}

function saveStoredNetwork(bundle: MergedNetworkBundle): Promise<void> {
  return runInStore(SPEC, 'readwrite', (s) => s.put(bundle, KEY)).then(() => undefined);
}

function deleteStoredNetwork(): Promise<void> {
  return runInStore(SPEC, 'readwrite', (s) => s.delete(KEY)).then(() => undefined);
}

export const indexedDbNetworkStore: NetworkBundleStore = { load: loadStoredNetwork, save: saveStoredNetwork, remove: deleteStoredNetwork };
