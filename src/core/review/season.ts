// Season and load of an event, on top of a review: is each crossed zone in its breeding season on
// the event's dates, and how much disturbance does the event bring into it?
//
// - The breeding season is a period of whole months, a setting per zone kind: March to July by
//   default for every kind (the period the DREAL and the regional park quote for most birds of
//   the basin); a kind mapped to null has no season. A period may run over the new year
//   (from_month 11, to_month 2).
// - An event is in season for a zone when one of its days falls in one of the period's months.
// - Exposure is participants × length inside, in person-kilometres (300 runners over 1.2 km of a
//   ZNIEFF: 360 person-km). Whether staff and public count among the participants is the
//   organiser's choice: the figure uses the number it is given.

import { fail, ok, type Result } from '../errors';
import type { RouteReview } from './types';

export interface SeasonPeriod {
  /** first and last month, 1 to 12, both included */
  from_month: number;
  to_month: number;
}

export const DEFAULT_BREEDING_SEASON: SeasonPeriod = { from_month: 3, to_month: 7 };

export interface EventLoad {
  /** first day, YYYY-MM-DD */
  date: string;
  /** last day of an event over several days; the first day when absent */
  end_date?: string;
  participants: number;
}

export interface SeasonSettings {
  /** period of kinds not listed in byKind; null for none; DEFAULT_BREEDING_SEASON when absent */
  default?: SeasonPeriod | null;
  /** per zone kind ('APPB', 'ZNIEFF', 'corridor TVB'…); null when the kind has no breeding season */
  byKind?: Record<string, SeasonPeriod | null>;
}

interface SeasonFlag {
  zone: string;
  id: string;
  kind: string;
  layer: string;
  length_m: number;
  passes: number;
  period: SeasonPeriod | null;
  in_season: boolean;
  /** participants × length inside (person-km) */
  exposure_person_km: number;
}

export interface SeasonReview {
  flags: SeasonFlag[];
  /** sums over every crossed zone, and over those in season */
  exposure_person_km: number;
  in_season_exposure_person_km: number;
}

export function seasonReview(review: RouteReview, event: EventLoad, settings: SeasonSettings = {}): Result<SeasonReview> {
  const start = parseDay(event.date);
  if (!start) return fail('event.bad-date', { date: String(event.date) });
  const end = event.end_date === undefined ? start : parseDay(event.end_date);
  if (!end || end.serial < start.serial) return fail('event.bad-date', { date: String(event.end_date) });
  if (!Number.isInteger(event.participants) || event.participants < 0) {
    return fail('event.bad-participants', { participants: String(event.participants) });
  }
  const fallback = settings.default === undefined ? DEFAULT_BREEDING_SEASON : settings.default;
  const byKind = settings.byKind ?? {};
  for (const [kind, period] of Object.entries(byKind)) {
    if (period && !validPeriod(period)) return fail('event.bad-season', { kind });
  }
  if (fallback && !validPeriod(fallback)) return fail('event.bad-season', { kind: '*' });

  const months = eventMonths(start, end);
  const flags = review.crossings.map((c): SeasonFlag => {
    const period = Object.hasOwn(byKind, c.kind) ? byKind[c.kind] : fallback;
    return {
      zone: c.zone,
      id: c.id,
      kind: c.kind,
      layer: c.layer,
      length_m: c.length_m,
      passes: c.passes.length,
      period,
      in_season: period !== null && months.some((m) => inPeriod(m, period)),
      exposure_person_km: (event.participants * c.length_m) / 1000,
    };
  });
  const sum = (list: SeasonFlag[]) => list.reduce((s, f) => s + f.exposure_person_km, 0);
  return ok({
    flags,
    exposure_person_km: sum(flags),
    in_season_exposure_person_km: sum(flags.filter((f) => f.in_season)),
  });
}

interface Day {
  year: number;
  month: number;
  /** months since year 0, to order and span dates */
  serial: number;
}

function parseDay(s: unknown): Day | null {
  if (typeof s !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  // Date.UTC rolls 31 February over into March: a date that does not round-trip does not exist
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, serial: (year * 12 + month - 1) * 31 + day - 1 };
}

/** The distinct months (1–12) the event's days fall in. */
function eventMonths(start: Day, end: Day): number[] {
  const out = new Set<number>();
  let y = start.year;
  let m = start.month;
  while ((y < end.year || (y === end.year && m <= end.month)) && out.size < 12) {
    out.add(m);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return [...out];
}

const validPeriod = (p: SeasonPeriod) =>
  Number.isInteger(p.from_month) && Number.isInteger(p.to_month) && p.from_month >= 1 && p.from_month <= 12 && p.to_month >= 1 && p.to_month <= 12;

function inPeriod(month: number, p: SeasonPeriod): boolean {
  return p.from_month <= p.to_month ? month >= p.from_month && month <= p.to_month : month >= p.from_month || month <= p.to_month;
}

/** Load of an event for the season review: every day, and who is on the course. */
export interface SeasonLoad {
  /** 'YYYY-MM-DD', one per day (at least one) */
  dates: string[];
  participants: number;
  /** laps of the route (each lap passes through the zones again); default 1 */
  laps?: number;
}

/**
 * The season review of an event held on separate days (a weekend in June and one in September):
 * each day is reviewed on its own, since the months between two days are not event days; a zone
 * is in season when one of the days is. Laps multiply the exposure, not the days.
 */
export function seasonOverDays(review: RouteReview, load: SeasonLoad, settings: SeasonSettings = {}): Result<SeasonReview> {
  if (load.dates.length === 0) return fail('event.bad-date', { date: '' });
  const laps = Math.max(1, Math.floor(load.laps ?? 1));
  const [first, ...others] = load.dates;
  const merged = seasonReview(review, { date: first, participants: load.participants * laps }, settings);
  if (!merged.ok) return merged;
  const s = merged.value;
  for (const date of others) {
    const r = seasonReview(review, { date, participants: load.participants * laps }, settings);
    if (!r.ok) return r;
    s.flags.forEach((f, i) => {
      f.in_season ||= r.value.flags[i].in_season;
    });
  }
  s.in_season_exposure_person_km = s.flags.filter((f) => f.in_season).reduce((sum, f) => sum + f.exposure_person_km, 0);
  return ok(s);
}
