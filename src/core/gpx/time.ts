// Point times as GPX holds them (xsd:dateTime) and as the track model keeps them (ms since 1970,
// UTC): a number per point costs 8 bytes where the string would cost ~40 and keep the whole file's
// text alive. What is kept is the instant: an offset (+02:00) is applied, digits beyond the
// millisecond are dropped, a time without a zone is taken as UTC (GPX 1.1 says times are UTC),
// and writing gives "2024-05-01T08:00:00Z" (".123" when there are milliseconds).

// year 1 to 9999: xsd:dateTime has no year 0, and toISOString puts a sign on years beyond 9999
// (Date.UTC would read year 1 as 1901)
const MIN_MS = -62_135_596_800_000; // 0001-01-01T00:00:00Z
const MAX_MS = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z

const digit = (text: string, i: number): number => {
  const d = text.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1000; // poisons any sum it enters
};
const two = (text: string, i: number): number => digit(text, i) * 10 + digit(text, i + 1);

/**
 * The instant of the xsd:dateTime in text[s, e) (surrounding whitespace allowed), NaN when it is
 * not one: "YYYY-MM-DDThh:mm:ss[.fff…][Z|±hh:mm]", four-digit years only. Read from character
 * codes, as the scanner reads numbers, so that a 2-million-point file makes no strings.
 */
export function parseTime(text: string, s = 0, e = text.length): number {
  while (s < e && text.charCodeAt(s) <= 32) s++;
  while (e > s && text.charCodeAt(e - 1) <= 32) e--;
  if (e - s < 19) return NaN;
  const year = two(text, s) * 100 + two(text, s + 2);
  const month = two(text, s + 5);
  const day = two(text, s + 8);
  const hour = two(text, s + 11);
  const minute = two(text, s + 14);
  const second = two(text, s + 17);
  if (text.charCodeAt(s + 4) !== 45 || text.charCodeAt(s + 7) !== 45 || text.charCodeAt(s + 10) !== 84) return NaN; // - - T
  if (text.charCodeAt(s + 13) !== 58 || text.charCodeAt(s + 16) !== 58) return NaN; // : :
  if (year < 1 || month < 1 || month > 12 || day < 1 || hour < 0 || minute < 0 || minute > 59 || second < 0 || second > 59) return NaN;
  if (hour > 24 || (hour === 24 && (minute !== 0 || second !== 0))) return NaN;
  if (day > daysIn(year, month)) return NaN;
  let i = s + 19;
  let ms = 0;
  if (i < e && text.charCodeAt(i) === 46) {
    i++;
    const first = i;
    let scale = 100;
    for (; i < e && digit(text, i) >= 0; i++) {
      ms += digit(text, i) * scale;
      scale /= 10;
    }
    if (i === first) return NaN;
    ms = Math.floor(ms);
  }
  let offset = 0;
  if (i < e) {
    const c = text.charCodeAt(i);
    if (c === 90 && i + 1 === e)
      offset = 0; // Z
    else if ((c === 43 || c === 45) && e - i === 6 && text.charCodeAt(i + 3) === 58) {
      const oh = two(text, i + 1);
      const om = two(text, i + 4);
      if (oh < 0 || om < 0 || om > 59 || oh * 60 + om > 14 * 60) return NaN;
      offset = (c === 45 ? -1 : 1) * (oh * 60 + om) * 60_000;
    } else return NaN;
  }
  const t = daysFromCivil(year, month, day) * 86_400_000 + ((hour * 60 + minute) * 60 + second) * 1000 + ms - offset;
  return t >= MIN_MS && t <= MAX_MS ? t : NaN;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm): no Date object per point. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** An instant as xsd:dateTime in UTC; null for NaN or an instant xsd:dateTime cannot spell plainly. */
/** True when formatTime spells this instant (false for NaN). */
export const isWritableTime = (ms: number): boolean => ms >= MIN_MS && ms <= MAX_MS;

export function formatTime(ms: number): string | null {
  if (!isWritableTime(ms)) return null;
  const iso = new Date(Math.floor(ms)).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}
