// Is an event held at night? Night is from sunset to sunrise (the sun's upper limb on the
// horizon, refraction included: the 90.833° zenith of the NOAA solar calculator, whose
// simplified equations are used here, good to about a minute at the basin's latitude). Running
// or riding by head torch in a protected site disturbs what is active then (bats, owls,
// amphibians crossing) and brings lighting: the form's impacts list asks for it.
//
// Times are French wall-clock times ('YYYY-MM-DDTHH:MM', as Formula.start), CET in winter and
// CEST in summer (from the last Sunday of March to the last Sunday of October, at 01:00 UTC).

export interface NightCheck {
  /** part of the event falls before sunrise or after sunset (local times 'HH:MM') */
  night: boolean;
  sunrise: string | null;
  sunset: string | null;
  /** the event's start and end, local 'YYYY-MM-DDTHH:MM' */
  start: string;
  end: string;
}

const RAD = Math.PI / 180;

/** Sunrise and sunset of a day at a place, minutes after 00:00 UTC; null in a polar day or night. */
export function sunTimesUtc(year: number, month: number, day: number, lon: number, lat: number): { rise: number; set: number } | null {
  const n = Math.round((Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
  const g = ((2 * Math.PI) / 365) * (n - 1);
  const eqtime = 229.18 * (0.000075 + 0.001868 * Math.cos(g) - 0.032077 * Math.sin(g) - 0.014615 * Math.cos(2 * g) - 0.040849 * Math.sin(2 * g));
  const decl =
    0.006918 -
    0.399912 * Math.cos(g) +
    0.070257 * Math.sin(g) -
    0.006758 * Math.cos(2 * g) +
    0.000907 * Math.sin(2 * g) -
    0.002697 * Math.cos(3 * g) +
    0.00148 * Math.sin(3 * g);
  const c = Math.cos(90.833 * RAD) / (Math.cos(lat * RAD) * Math.cos(decl)) - Math.tan(lat * RAD) * Math.tan(decl);
  if (c < -1 || c > 1) return null;
  const ha = Math.acos(c) / RAD;
  return { rise: 720 - 4 * (lon + ha) - eqtime, set: 720 - 4 * (lon - ha) - eqtime };
}

const lastSunday = (year: number, month: number) => {
  const last = new Date(Date.UTC(year, month, 0));
  return last.getUTCDate() - last.getUTCDay();
};

/** Minutes between UTC and French wall-clock time at a UTC instant (ms). */
function franceOffsetMinutes(utcMs: number): number {
  const y = new Date(utcMs).getUTCFullYear();
  const from = Date.UTC(y, 2, lastSunday(y, 3), 1);
  const to = Date.UTC(y, 9, lastSunday(y, 10), 1);
  return utcMs >= from && utcMs < to ? 120 : 60;
}

const pad = (n: number) => String(n).padStart(2, '0');

function localString(utcMs: number): string {
  const d = new Date(utcMs + franceOffsetMinutes(utcMs) * 60_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** A French wall-clock time as a UTC instant (ms); null when it is not 'YYYY-MM-DDTHH:MM'. */
function utcOf(local: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (!Number.isFinite(wall) || Number(m[4]) > 23 || Number(m[5]) > 59) return null;
  // the offset of the instant one hour off, then of the instant itself (exact but for the hour the clocks change)
  return wall - franceOffsetMinutes(wall - franceOffsetMinutes(wall - 60 * 60_000) * 60_000) * 60_000;
}

/**
 * Whether an event starting at `start` (French wall-clock time) and lasting `duration_min` is
 * partly at night at `at` [lon, lat]; null when `start` is not a time.
 */
export function nightCheck(start: string, duration_min: number, at: readonly [number, number]): NightCheck | null {
  const t0 = utcOf(start);
  if (t0 === null) return null;
  const t1 = t0 + Math.max(0, Number.isFinite(duration_min) ? duration_min : 0) * 60_000;
  let night = false;
  let first: { rise: number; set: number } | null = null;
  let firstDay = 0;
  // every UTC day the event touches (an event over midnight is at night anyway)
  for (let day = Math.floor(t0 / 86_400_000); day <= Math.floor(t1 / 86_400_000); day++) {
    const d = new Date(day * 86_400_000);
    const sun = sunTimesUtc(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), at[0], at[1]);
    if (!first) {
      first = sun;
      firstDay = day;
    }
    if (!sun) continue;
    const rise = day * 86_400_000 + sun.rise * 60_000;
    const set = day * 86_400_000 + sun.set * 60_000;
    const dayStart = day * 86_400_000;
    const dayEnd = dayStart + 86_400_000;
    const a = Math.max(t0, dayStart);
    const b = Math.min(t1, dayEnd);
    if (a < rise || b > set) night = true;
  }
  const hm = (ms: number) => localString(ms).slice(11);
  return {
    night,
    sunrise: first ? hm(firstDay * 86_400_000 + first.rise * 60_000) : null,
    sunset: first ? hm(firstDay * 86_400_000 + first.set * 60_000) : null,
    start: localString(t0),
    end: localString(t1),
  };
}
