// The DEM the user loaded (a file, or online tiles decoded into a grid), kept across reloads and
// worker restarts: IndexedDB database 'cavalier-dem', one record under 'current'. The grid is
// stored decoded (header + Float32Array): restoring it needs neither the file nor the internet.
// Its own database, like the layers': a DEM can be large, and a full disk there loses nothing else.

import type { DemGrid } from '../core/types';
import { runInStore, type ObjectStoreSpec } from './idb';

const DEM_DB_NAME = 'cavalier-dem';
const DEM_STORE = 'dem';
const SPEC: ObjectStoreSpec = { db: DEM_DB_NAME, store: DEM_STORE };
const KEY = 'current';

export async function loadStoredDem(): Promise<DemGrid | null> {
  const g = await runInStore<DemGrid>(SPEC, 'readonly', (s) => s.get(KEY) as IDBRequest<DemGrid>);
  return isDemGrid(g) ? g : null;
}

export function saveStoredDem(grid: DemGrid): Promise<void> {
  return runInStore(SPEC, 'readwrite', (s) => s.put(grid, KEY)).then(() => undefined);
}

export function deleteStoredDem(): Promise<void> {
  return runInStore(SPEC, 'readwrite', (s) => s.delete(KEY)).then(() => undefined);
}

function isDemGrid(x: unknown): x is DemGrid {
  const g = x as DemGrid | undefined;
  return (
    !!g &&
    typeof g.name === 'string' &&
    [g.west, g.south, g.east, g.north].every((v) => typeof v === 'number' && Number.isFinite(v)) &&
    Number.isInteger(g.width) &&
    Number.isInteger(g.height) &&
    g.values instanceof Float32Array &&
    g.values.length === g.width * g.height
  );
}
