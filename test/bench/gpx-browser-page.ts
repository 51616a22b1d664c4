// The page side of test/bench/gpx-browser.ts, bundled by Vite into one script for a blank page in
// Chromium: Cavalier's reader (readTrackFile, the core code the app's worker runs) and the
// browser's own peer, DOMParser and a walk (gpx-peers.ts), timed on the same text, made in the
// page by the bench's generator so that nothing large crosses the DevTools protocol.
import { fail } from '../../src/core/errors';
import { readTrackFile } from '../../src/core/gpx/read';
import type { Track } from '../../src/core/types';
import { plainGpx } from '../core/gpx-generate';
import { domGpxPoints, type PeerPoints, samePoints } from './gpx-peers';

// a GPX never reaches the injected XML parser (KML does)
const deps = { parseXml: () => fail('file.not-xml') };
let text = '';

function ours(): Track {
  const r = readTrackFile(text, 'bench.gpx', deps);
  if (!r.ok) throw new Error(`the generated GPX must read: ${r.error.code}`);
  return r.value;
}

function peer(): PeerPoints {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length) throw new Error('DOMParser refused the generated GPX');
  return domGpxPoints(doc);
}

const gc = (globalThis as { gc?: () => void }).gc;

/** One timed read, after a full collection (Chromium started with --js-flags=--expose-gc). */
function timed(which: 'ours' | 'peer'): number {
  gc?.();
  const t = performance.now();
  if (which === 'ours') ours();
  else peer();
  return performance.now() - t;
}

const api = {
  /** Makes the text of n points; its length in characters. */
  prepare(n: number): number {
    text = plainGpx(n);
    return text.length;
  },
  timed,
  /** The two sides' points compared (null: the same), and how many each read. */
  check(): { diff: string | null; ours: number; peer: number } {
    const t = ours();
    const p = peer();
    return { diff: samePoints(t, p), ours: t.segments.reduce((n, s) => n + s.length, 0), peer: p.lon.length };
  },
  hasGc: () => gc !== undefined,
};

export type GpxBenchApi = typeof api;
(globalThis as { gpxBench?: GpxBenchApi }).gpxBench = api;
