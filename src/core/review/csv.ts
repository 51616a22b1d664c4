// The table of crossings and near zones as CSV, for a spreadsheet, the way French Excel opens it
// with a double click: UTF-8 with a BOM (without it Excel reads Latin-1 and mangles accents), ";"
// between fields (French Excel's list separator, the comma being the decimal mark), decimal
// commas, CRLF line ends. One row per pass; one row per near zone, whose from/to kilometre is the
// route's nearest point. `code` is the zone's official code (SITECODE, ID_MNHN…) when its layer
// gives one, `type` its kind (ZSC, ZPS, ZNIEFF I, APPB… for the official layers). Written by
// `cavalier review --csv` and by the app's « Télécharger le tableau (CSV) »: both call reviewCsv below with the route, the layers the review uses
// (./selection.ts) and the settings, so both files are byte for byte the same for the same zones
// and settings (test/cli-review-csv.test.ts compares them). The layer column holds the layer's
// title (the manifest's French title, which says « approximation »; an imported file's name),
// never an internal id, so that a reader knows where each row comes from.

import { reviewAcrossLayers } from './multi-layer';
import type { RouteInput } from './route-frame';
import type { ReviewOptions, RouteReview } from './types';
import type { PreparedZones } from './zones';

export interface CsvLayer {
  /** the layer id its zones carry (ZoneInput.layer) */
  id: string;
  title: string;
  prepared: PreparedZones;
}

/** The CSV of the review of `route` against `layers` (those the review uses, in order). */
export function reviewCsv(route: RouteInput, layers: readonly CsvLayer[], options: ReviewOptions): string {
  const review = reviewAcrossLayers(
    route,
    layers.map((l) => l.prepared),
    options,
  );
  return csvTable(review, Object.fromEntries(layers.map((l) => [l.id, l.title])));
}

const round = (x: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
};

/** A CSV field: decimal comma for numbers; quoted when it holds the separator, a quote or a line break. */
function csvField(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v).replace('.', ',');
  // a leading = + - @ would make a spreadsheet read a zone's name as a formula: quote it as text
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const CSV_HEADER = [
  'situation',
  'zone',
  'code',
  'identifiant',
  'type',
  'couche',
  'passage',
  'du_km',
  'au_km',
  'longueur_m',
  'longueur_totale_m',
  'part_pct',
  'distance_m',
  'entree_lon',
  'entree_lat',
  'sortie_lon',
  'sortie_lat',
] as const;

/** The CSV of a review; `titles` by layer id (a layer without one is written by its id). */
export function csvTable(review: RouteReview, titles: Readonly<Record<string, string>> = {}): string {
  const title = (layer: string) => (Object.hasOwn(titles, layer) ? titles[layer] : layer);
  const rows: (string | number | null)[][] = [[...CSV_HEADER]];
  for (const c of review.crossings) {
    c.passes.forEach((p, k) =>
      rows.push([
        'traversée',
        c.zone,
        c.code ?? null,
        c.id,
        c.kind,
        title(c.layer),
        k + 1,
        round(p.from_km, 3),
        round(p.to_km, 3),
        round(p.length_m, 1),
        round(c.length_m, 1),
        round(c.share * 100, 2),
        0,
        round(p.entry[0], 6),
        round(p.entry[1], 6),
        round(p.exit[0], 6),
        round(p.exit[1], 6),
      ]),
    );
  }
  for (const n of review.near) {
    rows.push([
      'proche',
      n.zone,
      n.code ?? null,
      n.id,
      n.kind,
      title(n.layer),
      null,
      round(n.at_km, 3),
      round(n.at_km, 3),
      0,
      0,
      0,
      round(n.distance_m, 1),
      round(n.at[0], 6),
      round(n.at[1], 6),
      round(n.at[0], 6),
      round(n.at[1], 6),
    ]);
  }
  return `\ufeff${rows.map((r) => r.map(csvField).join(';')).join('\r\n')}\r\n`;
}
