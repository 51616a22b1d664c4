// The project file: every event with its formulas and points, saved as JSON by the worker, and
// opened back (replacing the events, or beside them when the user says so).
import { useCallback, useRef } from 'react';
import { duplicateEvent, safeFileName, type Event } from '../../core/event/index';
import type { Leg } from '../../core/route/leg';
import type { RouteModel } from '../../core/route/model';
import { withEvents } from '../../state/events';
import type { PlannerDoc } from '../../state/planner';
import type { EngineClient } from '../../../workers/client';
import { formatError } from '../../i18n/messages';
import type { PushNotice } from '../components/Notices';
import { download } from '../download';
import { useI18n } from '../i18n';
import { newId } from '../new-id';
import type { ConfirmRequest } from './use-confirm';
import type { PlannerState } from './use-planner';

const PROJECT_MAX_BYTES = 100 * 1024 * 1024;

export interface ProjectFileDeps {
  engine: EngineClient | null;
  planner: PlannerState;
  event: Event | null;
  push: (n: PushNotice) => void;
  ask: (request: ConfirmRequest) => void;
  run: (job: () => Promise<void>) => Promise<void>;
  legsByFormula: (events: readonly Event[]) => Promise<Record<string, Leg[]>>;
  /** frames a route on the map (the first one of an opened project) */
  fitRoute: (route: RouteModel | undefined) => void;
}

export interface ProjectFile {
  save: () => void;
  open: (file: File) => void;
}

export function useProjectFile({ engine, planner, event, push, ask, run, legsByFormula, fitRoute }: ProjectFileDeps): ProjectFile {
  const { t, lang } = useI18n();
  const { doc } = planner;
  // the events when the file's answer comes back, not when it was picked
  const docRef = useRef<PlannerDoc>(doc);
  docRef.current = doc;

  const save = useCallback(
    () =>
      run(async () => {
        if (!engine) return;
        const events = doc.events;
        const text = await engine.projectText(events, await legsByFormula(events), new Date().toISOString());
        const fileName = safeFileName([event?.name ?? (events.length === 1 ? events[0].name : 'projet'), 'cavalier'], 'json', 'projet');
        download(text, 'application/json', fileName);
        push({ id: 'project', text: t('project.saved', { name: fileName }) });
      }),
    [run, engine, doc.events, event, legsByFormula, push, t],
  );

  const open = useCallback(
    async (file: File) => {
      if (!engine) return;
      if (file.size > PROJECT_MAX_BYTES) {
        push({ id: 'project', kind: 'error', text: t('project.tooLarge', { mb: Math.round(file.size / 1024 / 1024) }), timeout: 0 });
        return;
      }
      const r = await engine.parseProject(await file.text());
      if (!r.ok) {
        push({ id: 'project', kind: 'error', text: t('project.openFailed', { detail: formatError(r.error, lang) }), timeout: 0 });
        return;
      }
      const opened = r.value.events;
      if (opened.length === 0) {
        push({ id: 'project', kind: 'warning', text: t('project.empty') });
        return;
      }
      const apply = (mode: 'replace' | 'add') => {
        planner.edit((d) => {
          // added beside the current events: fresh ids, so nothing collides
          const events = mode === 'replace' ? opened : [...d.events, ...opened.map((e) => duplicateEvent(e, newId, e.name))];
          const first = mode === 'replace' ? events[0] : events[d.events.length];
          return withEvents(d, events, { eventId: first.id, formulaId: first.formulas[0]?.id ?? null });
        });
        fitRoute(opened[0].formulas.find((f) => f.route.points.length)?.route);
        push({ id: 'project', text: t('project.opened', { name: file.name, n: opened.length }) });
        for (const w of r.warnings) push({ kind: 'info', text: formatError(w, lang) });
      };
      const current = docRef.current.events.length;
      if (current === 0) {
        apply('replace');
        return;
      }
      ask({
        message: t('project.confirm', { name: file.name, n: opened.length, current }),
        choices: [
          { id: 'add', label: t('project.confirm.add') },
          { id: 'replace', label: t('project.confirm.replace'), tone: 'primary' },
        ],
        onChoose: (id) => apply(id === 'add' ? 'add' : 'replace'),
      });
    },
    [engine, planner, push, t, lang, fitRoute, ask],
  );

  return { save: () => void save(), open: (file) => void open(file) };
}
