// The banner over the map of a page opened on a share link: the route's name and length, read
// only, « Ajouter à mes événements » and « Fermer ». Presentational.
import { useI18n } from '../i18n';

export interface SharedRouteBannerProps {
  name: string;
  /** length of the route, null while its legs are computed */
  length_m: number | null;
  points: number;
  onAdd: () => void;
  onClose: () => void;
}

export function SharedRouteBanner({ name, length_m, points, onAdd, onClose }: SharedRouteBannerProps) {
  const { t, formatNumber } = useI18n();
  return (
    <div
      className="cav-readonly cav-shared"
      role="region"
      aria-label={t('share.view')}
      data-testid="shared-route"
      data-length={length_m ?? ''}
      data-points={points}
    >
      <span>
        <strong>{t('share.view')}</strong> · {t('quote', { name })}
        {length_m !== null && ` · ${formatNumber(length_m / 1000, 2)} km`}
      </span>
      <button type="button" className="cav-btn cav-btn--primary" onClick={onAdd} data-testid="shared-add">
        {t('share.add')}
      </button>
      <button type="button" className="cav-btn" onClick={onClose} data-testid="shared-close">
        {t('share.close')}
      </button>
    </div>
  );
}
