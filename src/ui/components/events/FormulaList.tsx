// The event's formulas, each with its distance against the target and its colour on the map
// (shown or hidden there); add, duplicate, delete, and a new formula from a stretch of one.
import { useState, type CSSProperties } from 'react';
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
          // the formula drawn is always on the map; the others can be hidden there
          const shown = active || !props.hiddenFormulas.includes(f.id);
          return (
            <li
              key={f.id}
              className={`cav-formula${active ? ' is-active' : ''}`}
              data-testid="formula-item"
              data-formula-id={f.id}
              data-status={status}
              data-total={f.figures?.total_m ?? ''}
              data-shown={shown}
            >
              <button
                type="button"
                className={`cav-formula-shown${shown ? ' is-shown' : ''}`}
                style={{ '--cav-formula-color': props.formulaColors[f.id] } as CSSProperties}
                aria-pressed={shown}
                disabled={active}
                onClick={() => props.onToggleFormulaShown(f.id)}
                title={active ? t('formulas.shown.always') : t(shown ? 'formulas.hide' : 'formulas.shown', { name: f.name })}
                aria-label={active ? t('formulas.shown.always') : t('formulas.shown', { name: f.name })}
                data-testid="formula-shown"
              >
                <Icon
                  d={
                    shown
                      ? 'M12 4.5C7 4.5 2.73 7.61 1 12c1.73 4.39 6 7.5 11 7.5s9.27-3.11 11-7.5c-1.73-4.39-6-7.5-11-7.5zM12 17a5 5 0 1 1 0-10 5 5 0 0 1 0 10zm0-8a3 3 0 1 0 0 6 3 3 0 0 0 0-6z'
                      : 'M12 7a5 5 0 0 1 5 5c0 .65-.13 1.26-.36 1.83l2.92 2.92A11.8 11.8 0 0 0 23 12c-1.73-4.39-6-7.5-11-7.5-1.4 0-2.74.25-3.98.7l2.16 2.16A4.86 4.86 0 0 1 12 7zM2 4.27l2.28 2.28.46.46A11.8 11.8 0 0 0 1 12c1.73 4.39 6 7.5 11 7.5 1.55 0 3.03-.3 4.38-.84l.42.42L19.73 22 21 20.73 3.27 3 2 4.27zM7.53 9.8l1.55 1.55A3 3 0 0 0 12 15c.22 0 .44-.03.65-.08l1.55 1.55A5 5 0 0 1 7.53 9.8zm4.31-.78 3.15 3.15.02-.16a3 3 0 0 0-3-3l-.17.01z'
                  }
                />
              </button>
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
      {props.sharedLength_m >= 50 && (
        <p className="cav-small cav-muted cav-formulas-shared" data-testid="formulas-shared" data-length={Math.round(props.sharedLength_m)}>
          <span className="cav-formulas-shared-swatch" aria-hidden="true" />
          {t('formulas.shared', { km: formatNumber(km(props.sharedLength_m), 1) })}
        </p>
      )}
      <button type="button" className="cav-btn cav-btn--small" onClick={props.onAddFormula} data-testid="formula-add">
        <Icon d="M19 13h-6v6h-2v-6H5v-2h6V5h2v6h6v2z" />
        {t('formulas.add')}
      </button>
    </section>
  );
}
