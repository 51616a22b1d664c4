// The one date formatter of the page: a calendar day names the same day whatever the time zone.
import { describe, expect, it } from 'vitest';
import { formatDate, monthNames } from '../../src/i18n/dates';

describe('formatDate', () => {
  it('writes a calendar day in each style and language', () => {
    expect(formatDate('2026-05-14', 'fr', 'short')).toBe('14 mai 2026');
    expect(formatDate('2026-05-14', 'fr', 'long')).toBe('14 mai 2026');
    expect(formatDate('2026-02-14', 'fr', 'short')).toBe('14 févr. 2026');
    expect(formatDate('2026-05-14', 'fr', 'weekday')).toBe('jeudi 14 mai 2026');
    expect(formatDate('2026-05-14', 'en', 'long')).toBe('14 May 2026');
    expect(formatDate('2026-05-14', 'en', 'weekday')).toBe('Thursday, 14 May 2026');
  });

  it('keeps the day of a calendar date at both ends of the day', () => {
    expect(formatDate('2026-01-01', 'en', 'short')).toBe('1 Jan 2026');
    expect(formatDate('2026-12-31', 'en', 'short')).toBe('31 Dec 2026');
  });

  it('names the months, January first', () => {
    expect(monthNames('fr')).toHaveLength(12);
    expect(monthNames('fr')[0]).toBe('janvier');
    expect(monthNames('fr')[7]).toBe('août');
    expect(monthNames('en')[11]).toBe('December');
  });
});
