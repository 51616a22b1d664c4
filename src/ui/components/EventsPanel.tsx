// The events panel: the event shown (or a new one from a template), its details, its formulas
// with their distance against the target, the formula on the map with its loop tools, timing
// and exports, and the project file. Presentational: data in (figures come computed by the
// worker), callbacks out. Names are user text: rendered as React text, never as HTML.
import { useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { type I18nKey } from '../../i18n/dictionary';
import type { EventPatch } from '../../core/event/events';
import type { FormulaPatch } from '../../core/event/formulas';
import type { Discipline, Participants } from '../../core/event/model';
import { CommitInput } from './CommitInput';

export const DISCIPLINE_KEYS: Record<Discipline, I18nKey> = {
  trail: 'events.discipline.trail',
  'vtt-xc': 'events.discipline.vtt-xc',
  raid: 'events.discipline.raid',
  marche: 'events.discipline.marche',
};

export interface EventSummary {
  id: string;
  name: string;
}

export interface EventView extends EventSummary {
  discipline: Discipline;
  dates: string[];
  participants: Participants;
}

export interface TemplateView {
  id: string;
  name: string;
  discipline: Discipline;
  formulas: number;
}

export interface FormulaFigures {
  lap_m: number;
  total_m: number;
  lapAscent_m: number | null;
  totalAscent_m: number | null;
  target: { status: 'ok' | 'short' | 'long'; diff_m: number } | null;
}

export interface FormulaRow {
  id: string;
  name: string;
  targetDistance_m: number;
  tolerance_m: number;
  laps: number;
  loop: boolean;
  /** 'empty': no route; 'computing': legs or figures on their way; 'ready': figures below */
  state: 'empty' | 'computing' | 'ready';
  figures: FormulaFigures | null;
}

export interface FormulaDetail extends FormulaRow {
  /** the route ends where it starts */
  closed: boolean;
  /** control points of the route */
  points: number;
  start: string | null;
  cutoffPace_min_per_km: number | null;
  /** distance (m) of each control point from the start, last one excluded; null while the legs are computed */
  controlKms: number[] | null;
}

export interface EventsPanelProps {
  events: EventSummary[];
  /** the event shown; null: the free route */
  event: EventView | null;
  templates: TemplateView[];
  formulas: FormulaRow[];
  activeFormula: FormulaDetail | null;
  /** a maximum number of points for the GPX (old devices), null: every point */
  maxPoints: number | null;
  /** an export or a save is under way */
  busy: boolean;
  /** 'restored', 'empty'… after the autosave was read: lets tests wait for it */
  session: string;
  onNewEvent: (templateId: string | 'blank') => void;
  onSelectEvent: (id: string | null) => void;
  onEditEvent: (patch: EventPatch) => void;
  onDuplicateEvent: () => void;
  onDeleteEvent: () => void;
  onSelectFormula: (id: string) => void;
  onAddFormula: () => void;
  onDuplicateFormula: (id: string) => void;
  onDeleteFormula: (id: string) => void;
  onEditFormula: (id: string, patch: FormulaPatch) => void;
  onCloseLoop: (id: string) => void;
  onReverse: (id: string) => void;
  /** a new formula from the stretch of this one between two km (0 ≤ from < to ≤ its length) */
  onStretch: (id: string, fromKm: number, toKm: number) => void;
  /** a closed loop starts at another control point (index in the route's points) */
  onMoveStart: (id: string, point: number) => void;
  onMaxPointsChange: (n: number | null) => void;
  onExportFormula: () => void;
  onExportZip: () => void;
  onRoadbook: () => void;
  onSaveProject: () => void;
  onOpenProject: (file: File) => void;
}

const km = (m: number) => m / 1000;

function parseNumber(s: string): number | null {
  const v = Number(s.trim().replace(',', '.'));
  return s.trim() !== '' && Number.isFinite(v) ? v : null;
}

export function EventsPanel(props: EventsPanelProps) {
  const { t } = useI18n();
  const [choosing, setChoosing] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const { event } = props;
  const showTemplates = choosing || props.events.length === 0;

  const newEvent = (id: string) => {
    setChoosing(false);
    props.onNewEvent(id);
  };

  return (
    <>
      <section className="cav-section cav-events" aria-labelledby="cav-events-title" data-testid="events-panel" data-session={props.session}>
        <div className="cav-section-head">
          <h2 id="cav-events-title" className="cav-section-title">
            {t('events.title')}
          </h2>
          {props.events.length > 0 && (
            <button
              type="button"
              className={`cav-btn cav-btn--small${choosing ? ' is-active' : ''}`}
              aria-expanded={choosing}
              onClick={() => setChoosing((c) => !c)}
              data-testid="event-new"
            >
              <Icon d="M19 13h-6v6h-2v-6H5v-2h6V5h2v6h6v2z" />
              {t('events.new')}
            </button>
          )}
        </div>

        {props.events.length > 0 && (
          <select
            className="cav-select cav-event-select"
            value={event?.id ?? ''}
            onChange={(e) => props.onSelectEvent(e.currentTarget.value || null)}
            aria-label={t('events.select')}
            data-testid="event-select"
          >
            {props.events.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name || '—'}
              </option>
            ))}
            <option value="">{t('events.free')}</option>
          </select>
        )}

        {showTemplates && (
          <div className="cav-templates" data-testid="event-templates">
            {props.events.length === 0 && <p className="cav-small cav-muted">{t('events.intro')}</p>}
            <ul className="cav-template-list">
              {props.templates.map((tp) => (
                <li key={tp.id}>
                  <button type="button" className="cav-template" onClick={() => newEvent(tp.id)} data-testid={`event-template-${tp.id}`}>
                    <span className="cav-template-name">{tp.name}</span>
                    <span className="cav-template-meta">
                      {t(DISCIPLINE_KEYS[tp.discipline])} · {t('events.template.formulas', { n: tp.formulas })}
                    </span>
                  </button>
                </li>
              ))}
              <li>
                <button type="button" className="cav-template cav-template--blank" onClick={() => newEvent('blank')} data-testid="event-template-blank">
                  <span className="cav-template-name">{t('events.template.blank')}</span>
                  <span className="cav-template-meta">{t('events.template.blank.hint')}</span>
                </button>
              </li>
            </ul>
            {choosing && props.events.length > 0 && (
              <button type="button" className="cav-link" onClick={() => setChoosing(false)}>
                {t('events.new.cancel')}
              </button>
            )}
          </div>
        )}

        {event && <EventDetails {...props} event={event} />}
        <div className="cav-project-bar" role="group" aria-label={t('project.title')}>
          <button type="button" className="cav-btn cav-btn--small" onClick={() => fileInput.current?.click()} title={t('project.open.hint')} data-testid="project-open">
            <Icon d="M20 6h-8l-2-2H4a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V8a2 2 0 0 0-2-2z" />
            {t('project.open')}
          </button>
          <input
            ref={fileInput}
            type="file"
            hidden
            accept=".json,application/json"
            data-testid="project-open-input"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) props.onOpenProject(file);
              e.currentTarget.value = '';
            }}
          />
          <button type="button" className="cav-btn cav-btn--small" onClick={props.onSaveProject} disabled={props.busy} title={t('project.save.hint')} data-testid="project-save">
            <Icon d="M17 3H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V7l-4-4zm-5 16a3 3 0 1 1 0-6 3 3 0 0 1 0 6zm3-10H5V5h10v4z" />
            {t('project.save')}
          </button>
        </div>
        <p className="cav-small cav-muted cav-autosave-note">{t('project.autosave')}</p>
      </section>

      {event && <FormulaList {...props} />}
      {event && props.activeFormula && <FormulaDetails {...props} formula={props.activeFormula} />}
    </>
  );
}

function EventDetails({ event, onEditEvent, onDuplicateEvent, onDeleteEvent }: EventsPanelProps & { event: EventView }) {
  const { t, lang, formatNumber } = useI18n();
  const setDate = (i: number, v: string) => {
    const dates = event.dates.slice();
    if (v) dates[i] = v;
    else dates.splice(i, 1);
    onEditEvent({ dates });
  };
  const nextDay = () => {
    const last = event.dates[event.dates.length - 1];
    if (!last) return new Date().toISOString().slice(0, 10);
    const d = new Date(`${last}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1);
    return d.toISOString().slice(0, 10);
  };
  const participant = (key: keyof Participants, label: I18nKey) => (
    <label className="cav-field cav-field--num">
      <span>{t(label)}</span>
      <CommitInput
        type="number"
        min={0}
        step={1}
        inputMode="numeric"
        value={String(event.participants[key])}
        onCommit={(v) => {
          const n = parseNumber(v);
          if (n !== null && n >= 0) onEditEvent({ participants: { ...event.participants, [key]: Math.round(n) } });
        }}
        data-testid={`event-participants-${key}`}
      />
    </label>
  );
  const summary = [
    t(DISCIPLINE_KEYS[event.discipline]),
    event.dates.length ? event.dates.map((d) => formatDate(d, lang)).join(', ') : t('events.summary.noDate'),
    event.participants.runners > 0 ? t('events.summary.runners', { n: formatNumber(event.participants.runners) }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <>
      <p className="cav-event-summary" data-testid="event-summary">
        {summary}
      </p>
      <details className="cav-event-more" data-testid="event-more">
        <summary>{t('events.details')}</summary>
        <div className="cav-event-details" data-testid="event-details">
          <label className="cav-field">
            <span>{t('events.name')}</span>
            <CommitInput value={event.name} maxLength={200} onCommit={(v) => onEditEvent({ name: v.trim() || event.name })} data-testid="event-name" />
          </label>
          <div className="cav-field-row">
            <label className="cav-field">
              <span>{t('events.discipline')}</span>
              <select
                className="cav-select"
                value={event.discipline}
                onChange={(e) => onEditEvent({ discipline: e.currentTarget.value as Discipline })}
                data-testid="event-discipline"
              >
                {(Object.keys(DISCIPLINE_KEYS) as Discipline[]).map((d) => (
                  <option key={d} value={d}>
                    {t(DISCIPLINE_KEYS[d])}
                  </option>
                ))}
              </select>
            </label>
            <div className="cav-field">
              <span>{t('events.dates')}</span>
              <div className="cav-dates" data-testid="event-dates">
                {event.dates.map((d, i) => (
                  <span key={i} className="cav-date">
                    <CommitInput type="date" value={d} onCommit={(v) => setDate(i, v)} aria-label={`${t('events.dates')} ${i + 1}`} />
                    <button type="button" className="cav-btn cav-btn--icon cav-btn--tiny" onClick={() => setDate(i, '')} title={t('events.dates.remove')} aria-label={t('events.dates.remove')}>
                      ×
                    </button>
                  </span>
                ))}
                <button type="button" className="cav-link" onClick={() => onEditEvent({ dates: [...event.dates, nextDay()] })} data-testid="event-date-add">
                  + {t('events.dates.add')}
                </button>
              </div>
            </div>
          </div>
          <fieldset className="cav-fieldset">
            <legend>{t('events.participants')}</legend>
            <div className="cav-field-row cav-field-row--3">
              {participant('runners', 'events.participants.runners')}
              {participant('staff', 'events.participants.staff')}
              {participant('public', 'events.participants.public')}
            </div>
          </fieldset>
          <div className="cav-actions">
            <button type="button" className="cav-btn cav-btn--small" onClick={onDuplicateEvent} title={t('events.duplicate.hint')} data-testid="event-duplicate">
              <Icon d="M16 1H4a2 2 0 0 0-2 2v14h2V3h12V1zm3 4H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2zm0 16H8V7h11v14z" />
              {t('events.duplicate')}
            </button>
            <button type="button" className="cav-btn cav-btn--small cav-btn--danger-text" onClick={onDeleteEvent} title={t('events.delete.hint')} data-testid="event-delete">
              <Icon d="M6 19a2 2 0 0 0 2 2h8a2 2 0 0 0 2-2V7H6v12zM19 4h-3.5l-1-1h-5l-1 1H5v2h14V4z" />
              {t('events.delete')}
            </button>
          </div>
        </div>
      </details>
    </>
  );
}

function formatDate(iso: string, lang: string): string {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString(lang === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

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
    <span className={`cav-badge cav-badge--${target.status}`} data-testid="formula-target-status" title={t(target.status === 'short' ? 'formulas.short' : 'formulas.long')}>
      {sign}
      {formatNumber(Math.abs(km(target.diff_m)), 1)} km
    </span>
  );
}

function FormulaList(props: EventsPanelProps) {
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
                <button type="button" className="cav-btn cav-btn--icon cav-btn--tiny" onClick={() => props.onDuplicateFormula(f.id)} title={t('formulas.duplicate')} aria-label={t('formulas.duplicate')} data-testid="formula-duplicate">
                  <Icon d="M16 1H4a2 2 0 0 0-2 2v14h2V3h12V1zm3 4H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2zm0 16H8V7h11v14z" />
                </button>
                <button type="button" className="cav-btn cav-btn--icon cav-btn--tiny" onClick={() => props.onDeleteFormula(f.id)} title={t('formulas.delete')} aria-label={t('formulas.delete')} data-testid="formula-delete">
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

/** « Nouvelle formule depuis un tronçon »: a start and an end km, checked against the route's length (one lap). */
function StretchForm({ length_m, onCreate, onCancel }: { length_m: number | null; onCreate: (fromKm: number, toKm: number) => void; onCancel: () => void }) {
  const { t, formatNumber } = useI18n();
  const [from, setFrom] = useState('0');
  const [to, setTo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const lengthKm = length_m === null ? null : km(length_m);
  const submit = () => {
    if (lengthKm === null) return setError(t('formulas.stretch.wait'));
    const a = parseNumber(from);
    const b = parseNumber(to);
    // a hair of tolerance at the end: the length shown is rounded
    if (a === null || b === null || a < 0 || b <= a || b > lengthKm + 0.0005) {
      return setError(t('formulas.stretch.invalid', { length: formatNumber(lengthKm, 3) }));
    }
    setError(null);
    onCreate(a, Math.min(b, lengthKm));
  };
  return (
    <form
      className="cav-stretch-form"
      noValidate
      data-testid="formula-stretch-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <p className="cav-small cav-muted">{t('formulas.stretch.hint', { length: lengthKm === null ? '…' : formatNumber(lengthKm, 2) })}</p>
      <div className="cav-field-row">
        <label className="cav-field cav-field--num">
          <span>{t('formulas.stretch.from')}</span>
          <input type="number" min={0} step="any" inputMode="decimal" value={from} onChange={(e) => setFrom(e.currentTarget.value)} data-testid="formula-stretch-from" />
        </label>
        <label className="cav-field cav-field--num">
          <span>{t('formulas.stretch.to')}</span>
          <input type="number" min={0} step="any" inputMode="decimal" value={to} onChange={(e) => setTo(e.currentTarget.value)} data-testid="formula-stretch-to" />
        </label>
      </div>
      {error && (
        <p className="cav-error cav-small" role="alert" data-testid="formula-stretch-error">
          {error}
        </p>
      )}
      <div className="cav-actions">
        <button type="submit" className="cav-btn cav-btn--small" data-testid="formula-stretch-create">
          {t('formulas.stretch.create')}
        </button>
        <button type="button" className="cav-btn cav-btn--small" onClick={onCancel}>
          {t('formulas.stretch.cancel')}
        </button>
      </div>
    </form>
  );
}

function FormulaDetails({ formula: f, ...props }: EventsPanelProps & { formula: FormulaDetail }) {
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
          <button type="button" className="cav-btn cav-btn--small" disabled={f.closed || f.points < 2} onClick={() => props.onCloseLoop(f.id)} title={t('formula.closeLoop.hint')} data-testid="formula-close-loop">
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
          <CommitInput type="datetime-local" value={f.start ?? ''} onCommit={(v) => edit({ start: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v) ? v.slice(0, 16) : null })} data-testid="formula-start" />
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
          <input type="checkbox" checked={props.maxPoints !== null} onChange={(e) => props.onMaxPointsChange(e.currentTarget.checked ? 500 : null)} data-testid="export-limit" />
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
          <button type="button" className="cav-btn" disabled={!canExport} onClick={props.onExportFormula} title={t('export.formula.hint')} data-testid="export-formula">
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

export function Icon({ d }: { d: string }) {
  return (
    <svg className="cav-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={d} fill="currentColor" />
    </svg>
  );
}
