import { useI18n } from '../../i18n';
import type { FormulaRow } from './types';
import { km } from './numbers';

/** "41,3 km" and, against the target, "dans la tolérance" / "−1,2 km" / "+0,8 km". */
export function TargetBadge({ row }: { row: FormulaRow }) {
  const { t, formatNumber } = useI18n();
  if (row.state === 'empty') return <span className="cav-badge cav-badge--muted">{t('formulas.empty')}</span>;
  if (row.state === 'computing' || !row.figures) return <span className="cav-badge cav-badge--muted">{t('formulas.computing')}</span>;
  const { target } = row.figures;
  if (!target) return null;
  if (target.status === 'ok') {
    return (
      <span className="cav-badge cav-badge--ok" data-testid="formula-target-status" title={t('formulas.ok')}>
        ✓ {t('formulas.ok')}
      </span>
    );
  }
  const sign = target.diff_m < 0 ? '−' : '+';
  return (
    <span
      className={`cav-badge cav-badge--${target.status}`}
      data-testid="formula-target-status"
      title={t(target.status === 'short' ? 'formulas.short' : 'formulas.long')}
    >
      {sign}
      {formatNumber(Math.abs(km(target.diff_m)), 1)} km
    </span>
  );
}
