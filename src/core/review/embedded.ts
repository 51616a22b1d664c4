// The sensitive layers Cavalier carries (public/data, built by the data pipeline) and how their
// features are kinded for the review. Read by `cavalier review` from disk and by the worker
// (workers/review-engine.ts) from the page's URLs: one list, so both review the same zones.

import type { ReviewGroup } from './selection';

export interface EmbeddedSensitiveLayer {
  /** manifest id and file name (public/data/<id>.geojson) */
  id: string;
  /** kind of the zones whose properties give none */
  kind: string;
  /** properties read for a zone's own kind; [] gives every zone `kind` */
  kindProperties: string[];
  /**
   * built from other data than the official layer (the TVB from the cavaliers and terrils, the
   * protections from terril outlines): listed apart in the review, and left out of it for its
   * group as soon as an official layer of that group is imported (./selection.ts)
   */
  approximate: boolean;
  /** what the layer stands for, which an official layer of the same group replaces */
  group: ReviewGroup;
  /** built only when its raw file is there (the December 2026 files): a build without it reviews the others */
  optional?: boolean;
}

export const EMBEDDED_SENSITIVE_LAYERS: readonly EmbeddedSensitiveLayer[] = [
  { id: 'protections', kind: 'protection', kindProperties: ['kind'], approximate: true, group: 'protections' }, // APPB, ZNIEFF
  { id: 'tvb-reservoirs', kind: 'réservoir TVB', kindProperties: [], approximate: true, group: 'reservoirs' },
  { id: 'tvb-corridors', kind: 'corridor TVB', kindProperties: [], approximate: true, group: 'corridors' },
  // the 116 polygons of the classified chaîne des terrils among them; `kind` says classé or inscrit
  { id: 'sites-classes', kind: 'site classé', kindProperties: ['kind'], approximate: false, group: 'protections', optional: true },
];
