// The sensitive layers Cavalier carries (public/data, built by the data pipeline) and how their
// features are kinded for the review. Read by `cavalier review` from disk and by the worker
// (workers/review-engine.ts) from the page's URLs: one list, so both review the same zones.

export interface EmbeddedSensitiveLayer {
  /** manifest id and file name (public/data/<id>.geojson) */
  id: string;
  /** kind of the zones whose properties give none */
  kind: string;
  /** properties read for a zone's own kind; [] gives every zone `kind` */
  kindProperties: string[];
  /** built only when its raw file is there (the December 2026 files): a build without it reviews the others */
  optional?: boolean;
}

export const EMBEDDED_SENSITIVE_LAYERS: readonly EmbeddedSensitiveLayer[] = [
  { id: 'protections', kind: 'protection', kindProperties: ['kind'] }, // APPB, ZNIEFF
  { id: 'tvb-reservoirs', kind: 'réservoir TVB', kindProperties: [] },
  { id: 'tvb-corridors', kind: 'corridor TVB', kindProperties: [] },
  // the 116 polygons of the classified chaîne des terrils among them; `kind` says classé or inscrit
  { id: 'sites-classes', kind: 'site classé', kindProperties: ['kind'], optional: true },
];
