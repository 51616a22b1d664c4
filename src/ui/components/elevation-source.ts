// The words shown for where elevations come from (the stats panel always shows it).
// The one modelled relief is the app's own (public/data/relief.json, interpolated from mine-shaft
// altitudes): its name there is the pipeline's French one, so it is named from the dictionary.

import type { ElevationShare, ElevationSource } from '../../core/types';
import type { TFunction } from '../../i18n/dictionary';

export function describeElevationSource(source: ElevationSource, t: TFunction): string {
  switch (source.kind) {
    case 'none':
      return t('elevation.none');
    case 'track':
      return t('elevation.track');
    case 'dem':
      return source.approximate ? t('elevation.demApprox', { name: t('elevation.embeddedRelief') }) : t('elevation.dem', { name: source.name });
  }
}

/** One source's share of the route, in words: « 52 % · MNT « mnt.asc » ». */
export function describeElevationShare(share: ElevationShare, t: TFunction): string {
  switch (share.source) {
    case 'none':
      return t('elevation.none');
    case 'track':
      return t('elevation.track');
    case 'dem':
      return t('elevation.dem', { name: share.name });
    case 'online':
      return t('elevation.online', { name: share.name });
    case 'approximation':
      return t('elevation.demApprox', { name: t('elevation.embeddedRelief') });
  }
}
