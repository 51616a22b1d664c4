// data/layers.json next to the page, the manifest of the embedded layers, read once for the
// page's life: the read starts before React mounts (src/app/main.tsx), and the map controller gets
// it straight from here (App.tsx), not after a render of the page. No React here (see main.tsx).
import { dataFile } from '../adapters/data-files';
import type { GeoError } from '../core/errors';
import type { LayerManifest } from '../core/layers';

function isManifest(x: unknown): x is LayerManifest {
  const m = x as LayerManifest;
  return !!m && m.version === 1 && Array.isArray(m.layers) && Array.isArray(m.bbox) && m.bbox.length === 4;
}

export type ManifestState = { manifest: LayerManifest | null; error: GeoError | null };

/** data/layers.json next to the page, read once (the first read starts before React mounts: fetchManifestEarly). */
let manifestRead: Promise<ManifestState> | null = null;
/** the answer, once it came: a mount after it starts with the manifest, and the map gets it at once */
let manifestSeen: ManifestState | null = null;

export function readManifest(): Promise<ManifestState> {
  manifestRead ??= dataFile('data/layers.json', 'json').then((r): ManifestState => {
    performance.mark('cavalier:manifest');
    const state: ManifestState = !r.ok
      ? { manifest: null, error: r.error }
      : !isManifest(r.value)
        ? { manifest: null, error: { code: 'data.unavailable', detail: { path: 'data/layers.json', cause: 'http.bad-answer' } } }
        : { manifest: r.value, error: null };
    manifestSeen = state;
    return state;
  });
  return manifestRead;
}

/** The manifest's read once it is done (null before): a mount after it starts with it. */
export const manifestNow = (): ManifestState | null => manifestSeen;

/** Starts reading data/layers.json (src/app/main.tsx calls it before mounting). */
export const fetchManifestEarly = (): void => void readManifest();
