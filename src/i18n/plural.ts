// Counted nouns (« 1 objet », « 3 objets »): one rule for every count shown.

import type { TFunction } from './dictionary';
import type { LayersKey } from './layers';

type PluralBase = { [K in LayersKey]: K extends `${infer B}.one` ? B : never }[LayersKey];

/** "1 objet" / "3 objets": the `.one` text for 0 and 1 (French usage), `.many` with the number formatted. */
export function countText(t: TFunction, base: PluralBase, n: number, formatNumber: (v: number) => string): string {
  return n <= 1 ? t(`${base}.one`, { n: formatNumber(n) }) : t(`${base}.many`, { n: formatNumber(n) });
}
