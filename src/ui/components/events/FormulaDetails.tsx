// The formula on the map: its name, target, laps, loop tools, start and timing, and its exports.
import type { ReactNode } from 'react';
import type { I18nKey } from '../../../i18n/dictionary';
import type { FormulaPatch } from '../../../core/event/formulas';
import { useI18n } from '../../i18n';
import { CommitInput } from '../CommitInput';
import type { EventsPanelProps, FormulaDetail } from './types';
import { km, parseNumber } from './numbers';
import { Icon } from './Icon';

export function FormulaDetails({ formula: f, ...props }: EventsPanelProps & { formula: FormulaDetail }) {
  const { t, formatNumber } = useI18n();
  const edit = (patch: FormulaPatch) => props.onEditFormula(f.id, patch);
  const kmField = (label: I18nKey, value_m: number, onValue: (m: number) => void, testId: string, hint?: I18nKey) => (
    <label className="cav-field cav-field--num" title={hint ? t(hint) : undefined}>
      <span>{t(label)}</span>
      <CommitInput
        type="number"
        min={0}
        step={0.1}
        inputMode="decimal"
        value={String(Math.round(value_m) / 1000)}
        onCommit={(v) => {
          const n = parseNumber(v);
          if (n !== null && n >= 0 && n <= 10_000) onValue(Math.round(n * 1000));
        }}
        data-testid={testId}
      />
    </label>
  );
  const figure = (label: ReactNode, dist_m: number, ascent: number | null, testId: string) => (
    <div className="cav-stat">
      <dt>{label}</dt>
      <dd data-testid={testId} data-value={dist_m}>
        {formatNumber(km(dist_m), 2)} km
        {ascent !== null && <span className="cav-muted">D+ {formatNumber(ascent)} m</span>}
      </dd>
    </div>
  );
  const canExport = f.state === 'ready' && !props.busy;
  return (
    <section className="cav-section cav-formula-details" aria-labelledby="cav-formula-title" data-testid="formula-details">
      <h2 id="cav-formula-title" className="cav-section-title">
        {t('formula.title')}
      </h2>
      <label className="cav-field">
        <span>{t('formula.name')}</span>
        <CommitInput value={f.name} maxLength={200} onCommit={(v) => edit({ name: v.trim() || f.name })} data-testid="formula-name" />
      </label>
      <div className="cav-field-row cav-field-row--3">
        {kmField('formula.target', f.targetDistance_m, (m) => edit({ targetDistance_m: m }), 'formula-target', 'formula.target.hint')}
        {kmField('formula.tolerance', f.tolerance_m, (m) => edit({ tolerance_m: m }), 'formula-tolerance')}
        <label className="cav-field cav-field--num">
          <span>{t('formula.laps')}</span>
          <CommitInput
            type="number"
            min={1}
            max={1000}
            step={1}
            inputMode="numeric"
            value={String(f.laps)}
            onCommit={(v) => {
              const n = parseNumber(v);
              if (n !== null && n >= 1) edit({ laps: Math.min(1000, Math.floor(n)) });
            }}
            data-testid="formula-laps"
          />
        </label>
      </div>
      <div className="cav-loop-tools">
        <label className="cav-check">
          <input type="checkbox" checked={f.loop} onChange={(e) => edit({ loop: e.currentTarget.checked })} data-testid="formula-loop" />
          {t('formula.loop')}
        </label>
        <span className="cav-actions">
          <button
            type="button"
            className="cav-btn cav-btn--small"
            disabled={f.closed || f.points < 2}
            onClick={() => props.onCloseLoop(f.id)}
            title={t('formula.closeLoop.hint')}
            data-testid="formula-close-loop"
          >
            {t('formula.closeLoop')}
          </button>
          <button type="button" className="cav-btn cav-btn--small" disabled={f.points < 2} onClick={() => props.onReverse(f.id)} data-testid="formula-reverse">
            {t('formula.reverse')}
          </button>
        </span>
      </div>
      {f.closed && (
        <label className="cav-field" title={t('formula.moveStart.hint')}>
          <span>{t('formula.moveStart')}</span>
          <select
            className="cav-select"
            value=""
            disabled={!f.controlKms}
            onChange={(e) => {
              const i = Number(e.currentTarget.value);
              if (e.currentTarget.value !== '' && Number.isInteger(i) && i > 0) props.onMoveStart(f.id, i);
            }}
            data-testid="formula-move-start"
          >
            <option value="">{f.controlKms ? t('formula.moveStart.choose') : t('formulas.computing')}</option>
            {(f.controlKms ?? []).slice(1).map((d, j) => (
              <option key={j + 1} value={j + 1}>
                {t('formula.moveStart.point', { n: j + 2, km: formatNumber(km(d), 1) })}
              </option>
            ))}
          </select>
        </label>
      )}
      {f.points < 2 ? (
        <p className="cav-small cav-muted">{t('formula.notDrawn')}</p>
      ) : (
        f.figures && (
          <dl className="cav-stats-grid cav-formula-stats">
            {figure(f.laps > 1 ? t('formula.lap') : t('formula.distance'), f.figures.lap_m, f.figures.lapAscent_m, 'formula-lap')}
            {f.laps > 1 && figure(t('formula.total', { n: f.laps }), f.figures.total_m, f.figures.totalAscent_m, 'formula-total')}
          </dl>
        )
      )}
      <div className="cav-field-row">
        <label className="cav-field">
          <span>{t('formula.start')}</span>
          <CommitInput
            type="datetime-local"
            value={f.start ?? ''}
            onCommit={(v) => edit({ start: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v) ? v.slice(0, 16) : null })}
            data-testid="formula-start"
          />
        </label>
        <label className="cav-field cav-field--num" title={t('formula.pace.hint')}>
          <span>{t('formula.pace')}</span>
          <CommitInput
            type="number"
            min={1}
            step={0.5}
            inputMode="decimal"
            value={f.cutoffPace_min_per_km === null ? '' : String(f.cutoffPace_min_per_km)}
            onCommit={(v) => {
              const n = parseNumber(v);
              edit({ cutoffPace_min_per_km: n !== null && n > 0 && n <= 1000 ? n : null });
            }}
            data-testid="formula-pace"
          />
        </label>
      </div>

      <h3 className="cav-subtitle-small">{t('export.title')}</h3>
      <div className="cav-export">
        <label className="cav-check cav-max-points">
          <input
            type="checkbox"
            checked={props.maxPoints !== null}
            onChange={(e) => props.onMaxPointsChange(e.currentTarget.checked ? 500 : null)}
            data-testid="export-limit"
          />
          {t('export.maxPoints')}
          <CommitInput
            type="number"
            min={2}
            step={50}
            className="cav-input-small"
            disabled={props.maxPoints === null}
            value={String(props.maxPoints ?? 500)}
            onCommit={(v) => {
              const n = parseNumber(v);
              if (n !== null && n >= 2) props.onMaxPointsChange(Math.floor(n));
            }}
            aria-label={t('export.maxPoints.unit')}
            data-testid="export-max-points"
          />
          {t('export.maxPoints.unit')}
        </label>
        <div className="cav-actions cav-actions--wrap">
          <button
            type="button"
            className="cav-btn"
            disabled={!canExport}
            onClick={props.onExportFormula}
            title={t('export.formula.hint')}
            data-testid="export-formula"
          >
            <Icon d="M5 20h14v-2H5v2zM19 9h-4V3H9v6H5l7 7 7-7z" />
            {t('export.formula')}
          </button>
          <button type="button" className="cav-btn" disabled={props.busy} onClick={props.onExportZip} title={t('export.zip.hint')} data-testid="export-zip">
            <Icon d="M20 6h-8l-2-2H4a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V8a2 2 0 0 0-2-2zm-2 6h-2v2h2v2h-2v2h-2v-2h2v-2h-2v-2h2v-2h-2V8h2v2h2v2z" />
            {t('export.zip')}
          </button>
          <button type="button" className="cav-btn" disabled={!canExport} onClick={props.onRoadbook} data-testid="export-roadbook">
            <Icon d="M19 8H5a3 3 0 0 0-3 3v6h4v4h12v-4h4v-6a3 3 0 0 0-3-3zm-3 11H8v-5h8v5zm3-7a1 1 0 1 1 0-2 1 1 0 0 1 0 2zm-1-9H6v4h12V3z" />
            {t('export.roadbook')}
          </button>
        </div>
      </div>
    </section>
  );
}
