// The events panel: the event shown (or a new one from a template), its details, its formulas
// with their distance against the target, the formula on the map with its loop tools, timing
// and exports, and the project file. Presentational: data in (figures come computed by the
// worker), callbacks out. Names are user text: rendered as React text, never as HTML.
import { useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { DISCIPLINE_KEYS, type EventsPanelProps } from './types';
import { EventDetails } from './EventDetails';
import { FormulaDetails } from './FormulaDetails';
import { FormulaList } from './FormulaList';
import { Icon } from './Icon';

export type { EventsPanelProps } from './types';

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
          <button
            type="button"
            className="cav-btn cav-btn--small"
            onClick={() => fileInput.current?.click()}
            title={t('project.open.hint')}
            data-testid="project-open"
          >
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
          <button
            type="button"
            className="cav-btn cav-btn--small"
            onClick={props.onSaveProject}
            disabled={props.busy}
            title={t('project.save.hint')}
            data-testid="project-save"
          >
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
