// Season and load of an event, on top of a review: is each crossed zone in a sensitive season on
// the event's dates, and how much disturbance does the event bring into it?
//
// - Seasons are periods of whole months, set per species group (SPECIES_GROUPS): birds' breeding
//   season March to July, on by default (the period the DREAL and the regional park quote for
//   most birds of the basin); amphibians (February to May: migration to the ponds and spawning),
//   wintering birds (November to February) and bats (hibernation November to March, young
//   June to August) are options the user turns on. A period may run over the new year.
// - A zone kind can be given its own period instead (byKind: the user's choice in the panel), or
//   none (null). A zone whose attributes give a sensitive period (ZoneInput.season, read by
//   ./validate.ts) has that period too, whatever the settings: the layer's author knows the site.
// - An event is in season for a zone when one of its days falls in one of the zone's periods.
// - Exposure is participants × length inside, in person-kilometres (300 runners over 1.2 km of a
//   ZNIEFF: 360 person-km). Per zone it is that zone's length. The event's total is taken on the
//   union of the zones crossed: a metre inside a ZSC that lies inside a ZPS, or inside two
//   corridors' bands, is counted once (summing the zones would count it twice). The same union is
//   taken per layer, and over the zones in season. Whether staff and public count among the
//   participants is the organiser's choice: the figure uses the number it is given.

import { fail, ok, type Result } from '../errors';
import { unionLength } from './multi-layer';
import { nightCheck, type NightCheck } from './night';
import type { RouteReview, SeasonPeriod, ZoneCrossing } from './types';

export const DEFAULT_BREEDING_SEASON: SeasonPeriod = { from_month: 3, to_month: 7 };

export type SpeciesGroup = 'birds' | 'amphibians' | 'wintering-birds' | 'bats';

/** The groups' sensitive periods (see the file comment); `birds` is on unless the settings say otherwise. */
const SPECIES_GROUPS: Readonly<Record<SpeciesGroup, readonly SeasonPeriod[]>> = {
  birds: [DEFAULT_BREEDING_SEASON],
  amphibians: [{ from_month: 2, to_month: 5 }],
  'wintering-birds': [{ from_month: 11, to_month: 2 }],
  bats: [
    { from_month: 11, to_month: 3 },
    { from_month: 6, to_month: 8 },
  ],
};
export const SPECIES_GROUP_IDS = Object.keys(SPECIES_GROUPS) as SpeciesGroup[];
export const DEFAULT_SPECIES_GROUPS: readonly SpeciesGroup[] = ['birds'];

export interface EventLoad {
  /** first day, YYYY-MM-DD */
  date: string;
  /** last day of an event over several days; the first day when absent */
  end_date?: string;
  participants: number;
}

export interface SeasonSettings {
  /** the birds' breeding season (null: none); DEFAULT_BREEDING_SEASON when absent */
  default?: SeasonPeriod | null;
  /** the species groups whose periods apply to kinds not listed in byKind; DEFAULT_SPECIES_GROUPS when absent */
  groups?: readonly SpeciesGroup[];
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
  /** the first of `periods` (null: none) */
  period: SeasonPeriod | null;
  /** every period that applies to the zone, with where it comes from: a group, the kind's own setting, the zone's attributes */
  periods: (SeasonPeriod & { source: SpeciesGroup | 'kind' | 'zone' })[];
  in_season: boolean;
  /** where the periods the event falls in come from (empty when out of season) */
  in_season_by: (SpeciesGroup | 'kind' | 'zone')[];
  /** participants × length inside this zone (person-km) */
  exposure_person_km: number;
}

interface LayerExposure {
  layer: string;
  /** on the union of the layer's zones crossed, and of those in season (person-km) */
  exposure_person_km: number;
  in_season_exposure_person_km: number;
}

export interface SeasonReview {
  flags: SeasonFlag[];
  /** on the union of every zone crossed (overlaps counted once), and of the zones in season (person-km) */
  exposure_person_km: number;
  in_season_exposure_person_km: number;
  /** the same per layer, in the order the layers are first met */
  by_layer: LayerExposure[];
  /** the sum of the zones' own exposures, overlaps counted as often as they are covered (for comparison) */
  sum_person_km: number;
  /** whether the event runs at night (./night.ts); null when its start time is not known */
  night: NightCheck | null;
}

export function seasonReview(review: RouteReview, event: EventLoad, settings: SeasonSettings = {}): Result<SeasonReview> {
  const start = parseDay(event.date);
  if (!start) return fail('event.bad-date', { date: String(event.date) });
  const end = event.end_date === undefined ? start : parseDay(event.end_date);
  if (!end || end.serial < start.serial) return fail('event.bad-date', { date: String(event.end_date) });
  if (!Number.isInteger(event.participants) || event.participants < 0) {
    return fail('event.bad-participants', { participants: String(event.participants) });
  }
  const birds = settings.default === undefined ? DEFAULT_BREEDING_SEASON : settings.default;
  const byKind = settings.byKind ?? {};
  for (const [kind, period] of Object.entries(byKind)) {
    if (period && !validPeriod(period)) return fail('event.bad-season', { kind });
  }
  if (birds && !validPeriod(birds)) return fail('event.bad-season', { kind: '*' });
  const groups = settings.groups ?? DEFAULT_SPECIES_GROUPS;
  const groupPeriods: SeasonFlag['periods'] = groups.flatMap((g): SeasonFlag['periods'] =>
    g === 'birds' ? (birds ? [{ ...birds, source: g }] : []) : (SPECIES_GROUPS[g] ?? []).map((p) => ({ ...p, source: g })),
  );

  const months = eventMonths(start, end);
  const participants = event.participants;
  const flags = review.crossings.map((c): SeasonFlag => {
    const own = (c.season ?? []).filter(validPeriod).map((p) => ({ from_month: p.from_month, to_month: p.to_month, source: 'zone' as const }));
    const set: SeasonFlag['periods'] = Object.hasOwn(byKind, c.kind)
      ? byKind[c.kind]
        ? [{ ...(byKind[c.kind] as SeasonPeriod), source: 'kind' }]
        : []
      : groupPeriods;
    const periods = [...set, ...own];
    const by = [...new Set(periods.filter((p) => months.some((m) => inPeriod(m, p))).map((p) => p.source))];
    return {
      zone: c.zone,
      id: c.id,
      kind: c.kind,
      layer: c.layer,
      length_m: c.length_m,
      passes: c.passes.length,
      period: periods[0] ? { from_month: periods[0].from_month, to_month: periods[0].to_month } : null,
      periods,
      in_season: by.length > 0,
      in_season_by: by,
      exposure_person_km: (participants * c.length_m) / 1000,
    };
  });
  return ok(exposures(review, flags, participants));
}

/** The totals of a season review from its flags: unions of the passes, per layer and overall (see the file comment). */
function exposures(review: RouteReview, flags: SeasonFlag[], participants: number): SeasonReview {
  const personKm = (crossings: readonly ZoneCrossing[]) =>
    participants * unionLength(crossings.flatMap((c) => c.passes.map((p): [number, number] => [p.from_km, p.to_km])));
  const inSeason = review.crossings.filter((_, i) => flags[i].in_season);
  const layers = [...new Set(review.crossings.map((c) => c.layer))];
  return {
    flags,
    exposure_person_km: personKm(review.crossings),
    in_season_exposure_person_km: personKm(inSeason),
    by_layer: layers.map((layer) => ({
      layer,
      exposure_person_km: personKm(review.crossings.filter((c) => c.layer === layer)),
      in_season_exposure_person_km: personKm(inSeason.filter((c) => c.layer === layer)),
    })),
    sum_person_km: flags.reduce((s, f) => s + f.exposure_person_km, 0),
    night: null,
  };
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
  /** the start, French wall-clock time 'YYYY-MM-DDTHH:MM' (a formula's start), for the night check */
  start?: string | null;
  /** how long the event lasts from its start (min; the last runner's time); 0 when unknown */
  duration_min?: number;
  /** where the night is reckoned: the route's start [lon, lat] */
  at?: [number, number] | null;
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
      const other = r.value.flags[i];
      f.in_season ||= other.in_season;
      f.in_season_by = [...new Set([...f.in_season_by, ...other.in_season_by])];
    });
  }
  const out = exposures(review, s.flags, load.participants * laps);
  out.night = load.start && load.at ? nightCheck(load.start, load.duration_min ?? 0, load.at) : null;
  return ok(out);
}
