// The merged routing network (embedded network + imported network layers) kept as one bundle,
// so that a reload loads it in milliseconds instead of rebuilding it from the layers (seconds for
// a regional OpenStreetMap export). IndexedDB database 'cavalier-network', one record 'current';
// the worker uses it only if its key matches the layers restored (workers/layer-engine.ts).

import type { MergedNetworkBundle } from '../../workers/protocol';
import { runInStore, type ObjectStoreSpec } from './idb';

const SPEC: ObjectStoreSpec = { db: 'cavalier-network', store: 'network' };
const KEY = 'current';

export async function loadStoredNetwork(): Promise<MergedNetworkBundle | null> {
  const b = await runInStore<MergedNetworkBundle>(SPEC, 'readonly', (s) => s.get(KEY) as IDBRequest<MergedNetworkBundle>);
  return b && typeof b.key === 'string' && b.bytes instanceof ArrayBuffer && Array.isArray(b.names) && b.state ? b : null;
}

export function saveStoredNetwork(bundle: MergedNetworkBundle): Promise<void> {
  return runInStore(SPEC, 'readwrite', (s) => s.put(bundle, KEY)).then(() => undefined);
}

export function deleteStoredNetwork(): Promise<void> {
  return runInStore(SPEC, 'readwrite', (s) => s.delete(KEY)).then(() => undefined);
}
