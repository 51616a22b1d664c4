// The interface language as a React context, persisted in the preferences (localStorage).
// The texts themselves live in src/i18n.

import { createContext, createElement, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { type Lang, type TFunction, translate } from '../i18n/dictionary';

const STORAGE_KEY = 'cavalier.lang';

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'fr' || saved === 'en') return saved;
  } catch {
    // storage unavailable (private mode): French
  }
  return 'fr';
}

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
  const [lang, setLangState] = useState<Lang>(() => initial ?? initialLang());
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // ignore
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(() => {
    const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
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

/** Shorthand for components that only need `t`. */
export function useT(): TFunction {
  return useContext(I18nContext).t;
}
