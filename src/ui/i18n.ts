// The interface language as a React context, kept in the preferences (src/adapters/preferences.ts).
// The texts themselves live in src/i18n.

import { createContext, createElement, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { choicePreference } from '../adapters/preferences';
import { LANGS, type Lang, type TFunction, translate } from '../i18n/dictionary';
import { localeOf } from '../i18n/plural';

// French unless the user chose English (or storage is unavailable, as in some private windows)
const langPref = choicePreference<Lang>('cavalier.lang', LANGS, 'fr');

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: TFunction;
  /** numbers in the current language's format */
  formatNumber: (value: number, fractionDigits?: number) => string;
}

const I18nContext = createContext<I18n>({
  lang: 'fr',
  setLang: () => {},
  t: (key, params) => translate('fr', key, params),
  formatNumber: (v, d = 0) => v.toLocaleString('fr-FR', { minimumFractionDigits: d, maximumFractionDigits: d }),
});

export function I18nProvider({ children, initial }: { children?: ReactNode; initial?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => initial ?? langPref.get());
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    langPref.set(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = translate(lang, 'app.documentTitle');
  }, [lang]);
  const value = useMemo<I18n>(() => {
    const locale = localeOf(lang);
    return {
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      formatNumber: (v, d = 0) => v.toLocaleString(locale, { minimumFractionDigits: d, maximumFractionDigits: d }),
    };
  }, [lang, setLang]);
  return createElement(I18nContext.Provider, { value }, children);
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
