// The event's formulas, each with its distance against the target; add, duplicate, delete, and
// a new formula from a stretch of one.
import { useState } from 'react';
import { useI18n } from '../../i18n';
import type { EventsPanelProps } from './types';
import { km } from './numbers';
import { Icon } from './Icon';
import { StretchForm } from './StretchForm';
import { TargetBadge } from './TargetBadge';

export function FormulaList(props: EventsPanelProps) {
  const { t, formatNumber } = useI18n();
  /** whole kilometres without decimals, others with one */
  const roundKm = (m: number) => formatNumber(km(m), Math.round(m) % 1000 === 0 ? 0 : 1);
  const activeId = props.activeFormula?.id ?? null;
  const [stretchOf, setStretchOf] = useState<string | null>(null);
  return (
    <section className="cav-section cav-formulas" aria-labelledby="cav-formulas-title" data-testid="formula-list">
      <h2 id="cav-formulas-title" className="cav-section-title">
        {t('formulas.title')}
      </h2>
      {props.formulas.length === 0 && <p className="cav-small cav-muted">{t('formulas.none')}</p>}
      <ul className="cav-formula-list">
        {props.formulas.map((f) => {
          const active = f.id === activeId;
          const status = f.state !== 'ready' ? f.state : (f.figures?.target?.status ?? 'none');
          return (
            <li
              key={f.id}
              className={`cav-formula${active ? ' is-active' : ''}`}
              data-testid="formula-item"
              data-formula-id={f.id}
              data-status={status}
              data-total={f.figures?.total_m ?? ''}
            >
              <button
                type="button"
                className="cav-formula-main"
                aria-pressed={active}
                onClick={() => props.onSelectFormula(f.id)}
                title={t('formulas.select', { name: f.name })}
                data-testid="formula-select"
              >
                <span className="cav-formula-name">{f.name || '—'}</span>
                <span className="cav-formula-meta">
                  {f.targetDistance_m > 0
                    ? t('formulas.target', { target: roundKm(f.targetDistance_m), tolerance: roundKm(f.tolerance_m) })
                    : t('formulas.noTarget')}
                  {f.laps > 1 && ` · ${t('formulas.laps', { n: f.laps })}`}
                </span>
                <span className="cav-formula-figures">
                  {f.state === 'ready' && f.figures && (
                    <strong className="cav-formula-distance" data-testid="formula-distance">
                      {formatNumber(km(f.figures.total_m), 1)} km
                    </strong>
                  )}
                  <TargetBadge row={f} />
                </span>
              </button>
              <span className="cav-formula-actions">
                {f.state !== 'empty' && (
                  <button
                    type="button"
                    className={`cav-btn cav-btn--icon cav-btn--tiny${stretchOf === f.id ? ' is-active' : ''}`}
                    aria-expanded={stretchOf === f.id}
                    onClick={() => setStretchOf((s) => (s === f.id ? null : f.id))}
                    title={t('formulas.stretch')}
                    aria-label={t('formulas.stretch')}
                    data-testid="formula-stretch"
                  >
                    <Icon d="M3 17h4v-2H3v2zm7 0h4v-2h-4v2zm7 0h4v-2h-4v2zM7 7l5 5 5-5H7z" />
                  </button>
                )}
                <button
                  type="button"
                  className="cav-btn cav-btn--icon cav-btn--tiny"
                  onClick={() => props.onDuplicateFormula(f.id)}
                  title={t('formulas.duplicate')}
                  aria-label={t('formulas.duplicate')}
                  data-testid="formula-duplicate"
                >
                  <Icon d="M16 1H4a2 2 0 0 0-2 2v14h2V3h12V1zm3 4H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2zm0 16H8V7h11v14z" />
                </button>
                <button
                  type="button"
                  className="cav-btn cav-btn--icon cav-btn--tiny"
                  onClick={() => props.onDeleteFormula(f.id)}
                  title={t('formulas.delete')}
                  aria-label={t('formulas.delete')}
                  data-testid="formula-delete"
                >
                  <Icon d="M6 19a2 2 0 0 0 2 2h8a2 2 0 0 0 2-2V7H6v12zM19 4h-3.5l-1-1h-5l-1 1H5v2h14V4z" />
                </button>
              </span>
              {stretchOf === f.id && f.state !== 'empty' && (
                <StretchForm
                  length_m={f.state === 'ready' && f.figures ? f.figures.lap_m : null}
                  onCancel={() => setStretchOf(null)}
                  onCreate={(from, to) => {
                    setStretchOf(null);
                    props.onStretch(f.id, from, to);
                  }}
                />
              )}
            </li>
          );
        })}
      </ul>
      <button type="button" className="cav-btn cav-btn--small" onClick={props.onAddFormula} data-testid="formula-add">
        <Icon d="M19 13h-6v6h-2v-6H5v-2h6V5h2v6h6v2z" />
        {t('formulas.add')}
      </button>
    </section>
  );
}
