// Edits of the events and their formulas from the events panel, each one step of the planner's
// undo history; deleting something that holds work asks first.
import { useCallback } from 'react';
import { EVENT_TEMPLATES, addFormula, createEvent, eventFromTemplate, type Event, type EventPatch } from '../../core/event/index';
import type { FormulaPatch } from '../../core/event/formulas';
import {
  addEvent,
  addFormulaFromStretchIn,
  addFormulaTo,
  closeFormulaLoop,
  duplicateEventIn,
  duplicateFormulaIn,
  editEvent,
  editFormula,
  moveFormulaStart,
  removeEvent,
  removeFormula,
  reverseFormula,
  selectEvent,
  selectFormula,
} from '../../state/events';
import type { PushNotice } from '../components/Notices';
import { localeOf } from '../../i18n/plural';
import { useI18n } from '../i18n';
import { newId } from '../new-id';
import { complete } from './legs';
import type { ConfirmRequest } from './use-confirm';
import type { PlannerState } from './use-planner';

export interface EventEditingDeps {
  planner: PlannerState;
  event: Event | null;
  push: (n: PushNotice) => void;
  ask: (request: ConfirmRequest) => void;
  run: (job: () => Promise<void>) => Promise<void>;
}

export interface EventEditing {
  newEvent: (templateId: string) => void;
  selectEvent: (id: string | null) => void;
  editEvent: (patch: EventPatch) => void;
  duplicateEvent: () => void;
  deleteEvent: () => void;
  selectFormula: (id: string) => void;
  addFormula: () => void;
  duplicateFormula: (id: string) => void;
  deleteFormula: (id: string) => void;
  editFormula: (id: string, patch: FormulaPatch) => void;
  closeLoop: (id: string) => void;
  reverse: (id: string) => void;
  /** « Nouvelle formule depuis un tronçon »: the stretch is cut by the core on the source's legs */
  stretch: (id: string, fromKm: number, toKm: number) => void;
  /** « Déplacer le départ » of a closed loop; the km of its points follow (then the worker refreshes them) */
  moveStart: (id: string, point: number) => void;
}

export function useEventEditing({ planner, event, push, ask, run }: EventEditingDeps): EventEditing {
  const { t, lang } = useI18n();
  const { edit, legsFor } = planner;

  const newEvent = useCallback(
    (templateId: string) => {
      const template = EVENT_TEMPLATES.find((tp) => tp.id === templateId);
      const ev: Event = template
        ? eventFromTemplate(template, newId)
        : addFormula(createEvent({ name: t('events.blank.name'), discipline: 'trail' }, newId), { name: t('events.blank.formula') }, newId);
      edit((d) => addEvent(d, ev));
    },
    [edit, t],
  );

  const deleteEvent = useCallback(() => {
    if (!event) return;
    ask({
      message: t('events.delete.confirm', { name: event.name, n: event.formulas.length }),
      choices: [{ id: 'ok', label: t('confirm.delete'), tone: 'danger' }],
      onChoose: () => edit((d) => removeEvent(d, event.id)),
    });
  }, [event, edit, ask, t]);

  const deleteFormula = useCallback(
    (id: string) => {
      const f = event?.formulas.find((x) => x.id === id);
      if (!f) return;
      if (f.route.points.length === 0 && f.coursePoints.length === 0) {
        edit((d) => removeFormula(d, id));
        return;
      }
      ask({
        message: t('formulas.delete.confirm', { name: f.name }),
        choices: [{ id: 'ok', label: t('confirm.delete'), tone: 'danger' }],
        onChoose: () => edit((d) => removeFormula(d, id)),
      });
    },
    [event, edit, ask, t],
  );

  const stretch = useCallback(
    (id: string, fromKm: number, toKm: number) =>
      void run(async () => {
        const f = event?.formulas.find((x) => x.id === id);
        if (!f || f.route.points.length < 2) return;
        const [legs] = await planner.ensureLegs([f.route]);
        if (legs.length !== f.route.modes.length) return push({ id: 'stretch', text: t('formulas.stretch.wait') });
        const fmt = (k: number) => k.toLocaleString(localeOf(lang), { maximumFractionDigits: 2 });
        const name = t('formulas.stretch.name', { name: f.name, from: fmt(fromKm), to: fmt(toKm) });
        planner.edit((d) => addFormulaFromStretchIn(d, id, legs, fromKm, toKm, { name }, newId));
      }),
    [run, event, planner, push, t, lang],
  );

  const moveStart = useCallback(
    (id: string, point: number) => {
      const f = event?.formulas.find((x) => x.id === id);
      if (!f) return;
      const legs = legsFor(f.route);
      edit((d) => moveFormulaStart(d, id, point, complete(legs) ? legs : undefined));
    },
    [event, legsFor, edit],
  );

  return {
    newEvent,
    selectEvent: (id) => edit((d) => selectEvent(d, id)),
    editEvent: (patch) => event && edit((d) => editEvent(d, event.id, patch)),
    duplicateEvent: () => event && edit((d) => duplicateEventIn(d, event.id, newId)),
    deleteEvent,
    selectFormula: (id) => edit((d) => selectFormula(d, id)),
    addFormula: () => event && edit((d) => addFormulaTo(d, event.id, { name: t('formulas.new.name', { n: event.formulas.length + 1 }) }, newId)),
    duplicateFormula: (id) => edit((d) => duplicateFormulaIn(d, id, newId)),
    deleteFormula,
    editFormula: (id, patch) => edit((d) => editFormula(d, id, patch)),
    closeLoop: (id) => edit((d) => closeFormulaLoop(d, id)),
    reverse: (id) => edit((d) => reverseFormula(d, id)),
    stretch,
    moveStart,
  };
}
