// Route figures. Numbers come computed; this only formats them. The elevation source is always shown.

import { useI18n } from '../i18n';

export interface StatsPanelProps {
  /** null when there is no route */
  lengthM: number | null;
  points: number;
  /** null when no elevation is known for the route */
  elevation: { ascent: number; descent: number; min: number; max: number } | null;
  /** where elevations come from, in words (see describeElevationSource) — always displayed */
  elevationSourceLabel: string;
  /** the share of the length from each elevation source, labelled (describeElevationShare); listed when more than one */
  elevationSources?: { label: string; share: number }[];
  /** the relief approché crossed a terril: the ascent is a lower bound, and this says why */
  reliefWarning?: string | null;
  /** metres by way type, already labelled; shown as a breakdown when given. `key` is the way type ('road'…) */
  ways?: { key?: string; label: string; metres: number }[];
}

export function StatsPanel({ lengthM, points, elevation, elevationSourceLabel, elevationSources, reliefWarning, ways }: StatsPanelProps) {
  const { t, formatNumber } = useI18n();
  const hasRoute = lengthM !== null;
  // trail rules cap asphalt: the share of roads is always stated beside the breakdown
  const roadMetres = ways?.filter((w) => w.key === 'road').reduce((m, w) => m + w.metres, 0) ?? 0;
  return (
    <section className="cav-section cav-stats" aria-labelledby="cav-stats-title" data-testid="stats-panel">
      <h2 id="cav-stats-title" className="cav-section-title">
        {t('stats.title')}
      </h2>
      {!hasRoute && (
        <p className="cav-muted cav-small" data-testid="stats-empty">
          {t('stats.empty')}
        </p>
      )}
      <dl className="cav-stats-grid">
        <div className="cav-stat cav-stat--main">
          <dt>{t('stats.length')}</dt>
          <dd data-testid="stat-length" data-value={lengthM ?? ''}>
            {hasRoute ? `${formatNumber(lengthM / 1000, 2)} km` : '—'}
          </dd>
        </div>
        <div className="cav-stat cav-stat--wide">
          <dt>{t('stats.points')}</dt>
          <dd data-testid="stat-points" data-value={points}>
            {formatNumber(points)}
          </dd>
        </div>
        {elevation && (
          <>
            <div className="cav-stat" title={t('roadbook.ascentMethod')}>
              <dt>{t('stats.ascent')}</dt>
              <dd data-testid="stat-ascent" data-value={elevation.ascent} data-lower-bound={reliefWarning ? 'true' : undefined}>
                {reliefWarning ? t('stats.atLeast', { value: `${formatNumber(elevation.ascent)} m` }) : `${formatNumber(elevation.ascent)} m`}
              </dd>
            </div>
            <div className="cav-stat">
              <dt>{t('stats.descent')}</dt>
              <dd data-testid="stat-descent" data-value={elevation.descent}>
                {formatNumber(elevation.descent)} m
              </dd>
            </div>
            <div className="cav-stat">
              <dt>{t('stats.min')}</dt>
              <dd data-testid="stat-min" data-value={elevation.min}>
                {formatNumber(elevation.min)} m
              </dd>
            </div>
            <div className="cav-stat">
              <dt>{t('stats.max')}</dt>
              <dd data-testid="stat-max" data-value={elevation.max}>
                {formatNumber(elevation.max)} m
              </dd>
            </div>
          </>
        )}
      </dl>
      {hasRoute && ways && ways.length > 0 && lengthM! > 0 && (
        <ul className="cav-ways" data-testid="stat-ways" aria-label={t('stats.ways')}>
          {ways.map((w) => (
            <li key={w.label}>
              <span>{w.label}</span>
              <span>
                {formatNumber(w.metres / 1000, 2)} km · {formatNumber((100 * w.metres) / lengthM!, 0)} %
              </span>
            </li>
          ))}
        </ul>
      )}
      {hasRoute && ways && ways.length > 0 && lengthM! > 0 && (
        <p className="cav-roads" data-testid="stat-roads" data-value={roadMetres / lengthM!} title={t('stats.roads.hint')}>
          {t('stats.roads', { pct: formatNumber((100 * roadMetres) / lengthM!, 0) })}
        </p>
      )}
      {hasRoute && !elevation && (
        <p className="cav-warning" data-testid="stat-no-elevation">
          {t('stats.noElevation')}
        </p>
      )}
      {hasRoute && reliefWarning && (
        <p className="cav-warning" data-testid="stat-relief-warning">
          {reliefWarning}
        </p>
      )}
      {hasRoute && elevationSources && elevationSources.length > 1 && (
        <ul className="cav-ways cav-small" data-testid="stat-elevation-sources" aria-label={t('stats.elevationSources')}>
          {elevationSources.map((e) => (
            <li key={e.label} data-share={e.share}>
              <span>{e.label}</span>
              <span>{formatNumber(100 * e.share, 0)} %</span>
            </li>
          ))}
        </ul>
      )}
      <p className="cav-small cav-elevation-source">
        {t('stats.elevationSource')} <span data-testid="stat-elevation-source">{elevationSourceLabel}</span>
      </p>
    </section>
  );
}
