// Counted nouns through the CLDR plural rules of each language (Intl.PluralRules): French says
// « 0 objet, 1 objet, 2 objets », English "0 features, 1 feature, 2 features". One rule for every
// count shown, in the dictionaries and in the error messages alike.
//
// In a text, `{n|# objet ignoré|# objets ignorés}` picks the first form when the count `n` falls
// in the language's 'one' category and the second for every other one ('other', and the French
// 'many' of « 1 000 000 de … »); `#` is the count, written in the language's number format.

export type PluralLang = 'fr' | 'en';

const rules = new Map<PluralLang, Intl.PluralRules>();
const numbers = new Map<PluralLang, Intl.NumberFormat>();
/** The locale of each language, for every number, date and plural rule of the interface and the CLI. */
export const localeOf = (lang: PluralLang): string => (lang === 'fr' ? 'fr-FR' : 'en-GB');

/** 'one' when the count takes the singular in `lang` (French: 0 and 1; English: 1), else 'other'. */
export function pluralCategory(lang: PluralLang, n: number): 'one' | 'other' {
  let r = rules.get(lang);
  if (!r) rules.set(lang, (r = new Intl.PluralRules(localeOf(lang))));
  return r.select(n) === 'one' ? 'one' : 'other';
}

const CHOICE = /\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g;

/** Resolves every `{key|one|other}` choice of a text with the count params[key] (left as is when it is not a number). */
export function choosePlurals(template: string, params: Readonly<Record<string, unknown>>, lang: PluralLang): string {
  if (!template.includes('|')) return template;
  return template.replace(CHOICE, (whole, key: string, one: string, other: string) => {
    const v = params[key];
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
    if (!Number.isFinite(n)) return whole;
    let f = numbers.get(lang);
    if (!f) numbers.set(lang, (f = new Intl.NumberFormat(localeOf(lang))));
    const written = f.format(n);
    return (pluralCategory(lang, n) === 'one' ? one : other).replace(/#/g, written);
  });
}
