// Wall-clock times of the events, which all take place in France (Europe/Paris). Done by hand
// rather than through Intl so the core gives the same answer in every runtime: UTC+1 in winter,
// UTC+2 from the last Sunday of March to the last Sunday of October, changing at 01:00 UTC
// (the EU rule since 1996). An ultra that runs through the night of the change gets its
// cut-offs on the right clock.

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN = 60_000;
const HOUR = 3_600_000;

/** 'YYYY-MM-DD' that names a real day. */
export function isIsoDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** 'YYYY-MM-DDTHH:MM' with a real day and time. */
export function isLocalDateTime(s: string): boolean {
  const m = LOCAL.exec(s);
  return !!m && isIsoDate(s.slice(0, 10)) && +m[4] < 24 && +m[5] < 60;
}

/** 01:00 UTC on the last Sunday of a month. */
function lastSundayOneUtc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
}

/** Offset of French time from UTC at an instant, in hours. */
export function parisOffsetHours(utcMillis: number): 1 | 2 {
  const y = new Date(utcMillis).getUTCFullYear();
  return utcMillis >= lastSundayOneUtc(y, 2) && utcMillis < lastSundayOneUtc(y, 9) ? 2 : 1;
}

/** Local wall clock (as if it were UTC) → the instant. In the repeated hour of October the first one is taken. */
function localToUtc(local: string): number | null {
  const m = LOCAL.exec(local);
  if (!m || !isLocalDateTime(local)) return null;
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  const summer = wall - 2 * HOUR;
  return parisOffsetHours(summer) === 2 ? summer : wall - HOUR;
}

const pad = (n: number) => String(n).padStart(2, '0');

function utcToLocal(utc: number): string {
  const d = new Date(utc + parisOffsetHours(utc) * HOUR);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** The local clock `minutes` after a local start ('YYYY-MM-DDTHH:MM'), whole minutes; null for a bad start. */
export function addMinutesLocal(start: string, minutes: number): string | null {
  const utc = localToUtc(start);
  if (utc === null || !Number.isFinite(minutes)) return null;
  return utcToLocal(utc + Math.round(minutes) * MIN);
}

/** xsd:dateTime with the French offset, e.g. '2025-06-14T08:00:00+02:00'; null for a bad input. */
export function parisDateTime(local: string): string | null {
  const utc = localToUtc(local);
  if (utc === null) return null;
  return `${utcToLocal(utc)}:00+0${parisOffsetHours(utc)}:00`;
}
