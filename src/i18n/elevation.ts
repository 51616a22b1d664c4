// Where elevations come from, in words for files: the GPX's metadata/desc (« Altitudes : 52 % MNT
// « mnt.asc », 48 % relief approché « … » ») and the CLI's stats. The core gives each share its
// source and the layer's own name; the words around them are here, in both languages.

import type { ElevationShare } from '../core/types';
import type { Lang } from './dictionary';

const NBSP = '\u00a0';

const WORDS: Record<
  Lang,
  Record<ElevationShare['source'], string> & { label: string; nothing: string; quote: (name: string) => string; pct: (p: number) => string }
> = {
  fr: {
    label: 'Altitudes',
    nothing: 'aucune',
    track: 'altitudes du fichier',
    none: 'aucune altitude',
    dem: 'MNT',
    online: 'en ligne',
    approximation: 'relief approché',
    quote: (name) => `«${NBSP}${name}${NBSP}»`,
    pct: (p) => `${p}${NBSP}%`,
  },
  en: {
    label: 'Elevations',
    nothing: 'none',
    track: 'elevations from the file',
    none: 'no elevation',
    dem: 'DEM',
    online: 'online',
    approximation: 'approximate relief',
    quote: (name) => `“${name}”`,
    pct: (p) => `${p}%`,
  },
};

/** The words for a share without a layer of its own: the file's elevations, or none. */
export const unnamedSource = (source: 'track' | 'none', lang: Lang): string => WORDS[lang][source];

/** « Altitudes : 52 % MNT « mnt.asc », 48 % relief approché « … » », for a GPX's metadata. */
export function describeShares(shares: readonly ElevationShare[], lang: Lang): string {
  const w = WORDS[lang];
  const sep = lang === 'fr' ? `${NBSP}: ` : ': ';
  if (shares.length === 0) return `${w.label}${sep}${w.nothing}`;
  const part = (s: ElevationShare) =>
    s.source === 'track' || s.source === 'none'
      ? `${w.pct(Math.round(100 * s.share))} ${w[s.source]}`
      : `${w.pct(Math.round(100 * s.share))} ${w[s.source]} ${w.quote(s.name)}`;
  return `${w.label}${sep}${shares.map(part).join(', ')}`;
}
