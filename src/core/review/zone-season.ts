// A zone's own sensitive periods, from its attributes. No national layer carries one (the INPN's
// Natura 2000 and ZNIEFF tables do not), but the layers a Conservatoire or a département hands
// an organiser often do, as a column of months: read here so that the review uses them
// (./season.ts) whatever the user's settings.
//
// Columns read (case and accents ignored): periode_sensible, saison_sensible, periode_sensibilite,
// mois_sensibles, sensitive_period, sensitive_months. Values: one period or several separated by
// « ; », « , » or « et »; a period is two months joined by « - », « – », « à », « au » or « / »,
// each a number (3, 03) or a French or English name or abbreviation (mars, juil., July):
// « 03-07 », « mars à juillet », « nov.-fév. ; juin-août ». A single month is a period of one month.
// Anything else is not a period and is ignored (the zone then follows the settings).

import type { SeasonPeriod } from './types';

const COLUMNS = ['periode_sensible', 'saison_sensible', 'periode_sensibilite', 'mois_sensibles', 'sensitive_period', 'sensitive_months'];

const plain = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();

/** Month name prefixes (accents removed), French then English, by month. */
const NAMES: readonly (readonly string[])[] = [
  ['jan'],
  ['fev', 'feb'],
  ['mar'],
  ['avr', 'apr'],
  ['mai', 'may'],
  ['juin', 'jun'],
  ['juil', 'jul'],
  ['aou', 'aug'],
  ['sep'],
  ['oct'],
  ['nov'],
  ['dec'],
];

function month(word: string): number | null {
  const w = word.replace(/\.$/, '').trim();
  if (/^\d{1,2}$/.test(w)) {
    const n = Number(w);
    return n >= 1 && n <= 12 ? n : null;
  }
  // « juin » before « jui » of juillet: longest prefixes are unambiguous (juin, juil)
  const k = NAMES.findIndex((names) => names.some((n) => w.startsWith(n)));
  return k >= 0 && w.length >= 3 ? k + 1 : null;
}

/** The periods a zone's properties give; undefined when none does. */
export function zoneSeasonOf(props: Record<string, unknown>): SeasonPeriod[] | undefined {
  const keys = Object.keys(props);
  for (const column of COLUMNS) {
    const key = keys.find((k) => plain(k) === column);
    const v = key === undefined ? undefined : props[key];
    if (typeof v !== 'string' || !v.trim()) continue;
    const periods: SeasonPeriod[] = [];
    for (const part of plain(v).split(/\s*(?:;|,|\bet\b|\band\b)\s*/)) {
      if (!part) continue;
      const ends = part.split(/\s*(?:-|–|—|\/|\ba\b|\bau\b|\bto\b)\s*/).filter(Boolean);
      const from = ends.length ? month(ends[0]) : null;
      const to = ends.length === 1 ? from : ends.length === 2 ? month(ends[1]) : null;
      if (from === null || to === null) return undefined;
      periods.push({ from_month: from, to_month: to });
    }
    if (periods.length) return periods;
  }
  return undefined;
}
