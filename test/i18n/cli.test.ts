// The command line's dictionary: both languages say the same things with the same placeholders,
// and counted nouns follow each language's plural rule (French: 0 and 1 are singular).
import { describe, expect, it } from 'vitest';
import { cliEn, cliFr, cliText, systemReason } from '../../src/i18n/cli';

const placeholders = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the CLI dictionary', () => {
  it('has an English text for every French one, with the same placeholders', () => {
    expect(Object.keys(cliEn).sort()).toEqual(Object.keys(cliFr).sort());
    for (const key of Object.keys(cliFr) as (keyof typeof cliFr)[]) {
      expect(placeholders(cliEn[key]), key).toEqual(placeholders(cliFr[key]));
      expect(cliEn[key], key).not.toBe('');
    }
  });

  it('counts with each language’s plural rule and formats numbers in its style', () => {
    const fr = cliText('fr');
    const en = cliText('en');
    expect(fr.count('cli.stats.point', 0)).toBe('0 point');
    expect(en.count('cli.stats.point', 0)).toBe('0 points');
    expect(fr.count('cli.stats.segment', 1)).toBe('1 segment');
    expect(fr.count('cli.stats.point', 1200)).toBe('1\u202f200 points');
    expect(en.count('cli.stats.point', 1200)).toBe('1,200 points');
    expect(fr.num(12.345, 2)).toBe('12,35');
    expect(en.num(12.345, 2)).toBe('12.35');
  });

  it('names the usual system errors and leaves an unknown code as it is', () => {
    expect(systemReason(cliText('fr'), 'ENOENT')).toBe('fichier introuvable');
    expect(systemReason(cliText('en'), 'EACCES')).toBe('permission denied');
    expect(systemReason(cliText('fr'), 'EWEIRD')).toBe('EWEIRD');
  });
});
