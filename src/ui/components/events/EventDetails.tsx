// The event shown: its name, discipline, dates, participants and organiser, and its duplicate and delete
// buttons; folded into a one-line summary until opened.
import type { I18nKey } from '../../../i18n/dictionary';
import type { Discipline, Organiser, Participants } from '../../../core/event/model';
import { formatDate } from '../../../i18n/dates';
import { useI18n } from '../../i18n';
import { CommitInput } from '../CommitInput';
import { DISCIPLINE_KEYS, type EventsPanelProps, type EventView } from './types';
import { parseNumber } from './numbers';
import { Icon } from './Icon';

export function EventDetails({ event, onEditEvent, onDuplicateEvent, onDeleteEvent }: EventsPanelProps & { event: EventView }) {
  const { t, lang } = useI18n();
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
  const organiserField = (key: keyof Organiser, label: I18nKey) => (
    <label className="cav-field">
      <span>{t(label)}</span>
      <CommitInput
        value={event.organiser?.[key] ?? ''}
        maxLength={key === 'address' ? 1000 : 300}
        onCommit={(v) => {
          const organiser: Organiser = { name: '', address: '', contact: '', ...event.organiser, [key]: v.trim() };
          if (organiser[key] !== (event.organiser?.[key] ?? '')) onEditEvent({ organiser });
        }}
        data-testid={`event-organiser-${key}`}
      />
    </label>
  );
  const summary = [
    t(DISCIPLINE_KEYS[event.discipline]),
    event.dates.length ? event.dates.map((d) => formatDate(d, lang, 'short')).join(', ') : t('events.summary.noDate'),
    event.participants.runners > 0 ? t('events.summary.runners', { n: event.participants.runners }) : null,
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
                    <button
                      type="button"
                      className="cav-btn cav-btn--icon cav-btn--tiny"
                      onClick={() => setDate(i, '')}
                      title={t('events.dates.remove')}
                      aria-label={t('events.dates.remove')}
                    >
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
          <fieldset className="cav-fieldset" data-testid="event-organiser">
            <legend>{t('events.organiser')}</legend>
            {organiserField('name', 'events.organiser.name')}
            {organiserField('address', 'events.organiser.address')}
            {organiserField('contact', 'events.organiser.contact')}
          </fieldset>
          <div className="cav-actions">
            <button
              type="button"
              className="cav-btn cav-btn--small"
              onClick={onDuplicateEvent}
              title={t('events.duplicate.hint')}
              data-testid="event-duplicate"
            >
              <Icon d="M16 1H4a2 2 0 0 0-2 2v14h2V3h12V1zm3 4H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2zm0 16H8V7h11v14z" />
              {t('events.duplicate')}
            </button>
            <button
              type="button"
              className="cav-btn cav-btn--small cav-btn--danger-text"
              onClick={onDeleteEvent}
              title={t('events.delete.hint')}
              data-testid="event-delete"
            >
              <Icon d="M6 19a2 2 0 0 0 2 2h8a2 2 0 0 0 2-2V7H6v12zM19 4h-3.5l-1-1h-5l-1 1H5v2h14V4z" />
              {t('events.delete')}
            </button>
          </div>
        </div>
      </details>
    </>
  );
}
