// The legs of the drawn route, each with its length and a toggle between following the
// paths and a straight segment. Figures come computed.
import { useI18n } from '../i18n';

interface LegItem {
  /** null while the worker computes it */
  lengthM: number | null;
  mode: 'network' | 'straight';
  fallback?: 'no-path' | 'off-network';
  /** the core's detour ratio (network length over crow-fly), set only when the leg is flagged (core isDetour) */
  detour?: number;
  /** crow-fly distance of a flagged leg (m) */
  crowM?: number;
}

export interface LegListProps {
  legs: LegItem[];
  onModeChange: (index: number, mode: 'network' | 'straight') => void;
  onSelect?: (index: number) => void;
}

export function LegList({ legs, onModeChange, onSelect }: LegListProps) {
  const { t, formatNumber } = useI18n();
  if (legs.length === 0) return null;
  return (
    <section className="cav-section" aria-labelledby="cav-legs-title" data-testid="leg-list">
      <h2 id="cav-legs-title" className="cav-section-title">
        {t('legs.title')}
      </h2>
      <ol className="cav-legs">
        {legs.map((leg, i) => (
          <li
            key={i}
            className={`cav-leg${leg.fallback ? ' cav-leg--fallback' : ''}${leg.detour !== undefined ? ' cav-leg--detour' : ''}`}
            data-testid="leg"
            data-mode={leg.mode}
            data-fallback={leg.fallback ?? ''}
            data-detour={leg.detour !== undefined ? leg.detour.toFixed(2) : ''}
          >
            <button type="button" className="cav-leg-name" onClick={() => onSelect?.(i)} title={t('legs.zoom')}>
              {t('legs.item', { from: i + 1, to: i + 2 })}
            </button>
            <span className="cav-leg-length">{leg.lengthM === null ? '…' : `${formatNumber(leg.lengthM / 1000, 2)} km`}</span>
            <label className="cav-leg-toggle" title={t('legs.straight.hint')}>
              <input
                type="checkbox"
                checked={leg.mode === 'straight'}
                onChange={(e) => onModeChange(i, e.currentTarget.checked ? 'straight' : 'network')}
                data-testid="leg-straight"
              />
              {t('legs.straight')}
            </label>
            {leg.detour !== undefined && leg.mode === 'network' && (
              <p className="cav-leg-detour" role="note" data-testid="leg-detour">
                <span title={t('legs.detour.hint', { ratio: formatNumber(leg.detour, 1), crow: formatNumber((leg.crowM ?? 0) / 1000, 1) })}>
                  {t('legs.detour', { ratio: formatNumber(leg.detour, 1) })}
                </span>
                <button type="button" className="cav-leg-detour-straight" onClick={() => onModeChange(i, 'straight')} data-testid="leg-detour-straight">
                  {t('legs.detour.straight')}
                </button>
              </p>
            )}
            {leg.fallback && (
              <p className="cav-leg-warning" role="note">
                {t(leg.fallback === 'no-path' ? 'legs.fallback.noPath' : 'legs.fallback.offNetwork')}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
