// Dates shown to the user: one formatter for every panel and printed sheet, so that a day reads
// the same everywhere in a language. A calendar day ('2026-05-14') is read at noon UTC and shown
// in UTC: it names the same day in every time zone.
import type { Lang } from './dictionary';
import { localeOf } from './plural';

/** 'short': 14 mai 2026; 'long': 14 mai 2026 with the month in full; 'weekday': jeudi 14 mai 2026 */
export type DateStyle = 'short' | 'long' | 'weekday';

const OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  short: { day: 'numeric', month: 'short', year: 'numeric' },
  long: { day: 'numeric', month: 'long', year: 'numeric' },
  weekday: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
};

/** A calendar day ('YYYY-MM-DD'), or an instant shown as the local day it falls on. */
export function formatDate(day: string | Date, lang: Lang, style: DateStyle = 'long'): string {
  if (typeof day !== 'string') return day.toLocaleDateString(localeOf(lang), OPTIONS[style]);
  return new Date(`${day}T12:00:00Z`).toLocaleDateString(localeOf(lang), { ...OPTIONS[style], timeZone: 'UTC' });
}

/** The months' names, January first ('janvier', 'January'). */
export function monthNames(lang: Lang): readonly string[] {
  let names = MONTHS.get(lang);
  if (!names) {
    const f = new Intl.DateTimeFormat(localeOf(lang), { month: 'long', timeZone: 'UTC' });
    names = Array.from({ length: 12 }, (_, m) => f.format(new Date(Date.UTC(2026, m, 15))));
    MONTHS.set(lang, names);
  }
  return names;
}

const MONTHS = new Map<Lang, readonly string[]>();
