// The words shown for where elevations come from (the stats panel always shows it).

import type { ElevationSource } from '../../core/types';
import type { TFunction } from '../../i18n/dictionary';

export function describeElevationSource(source: ElevationSource, t: TFunction): string {
  switch (source.kind) {
    case 'none':
      return t('elevation.none');
    case 'track':
      return t('elevation.track');
    case 'dem':
      return source.approximate ? t('elevation.demApprox', { name: source.name }) : t('elevation.dem', { name: source.name });
  }
}
