// What leaves the page for an event: the formula's GPX, the event's zip of GPX, the roadbook
// (shown, then printed), each computed by the worker on legs the planner completes first. Also
// the one « busy » flag of the events panel, which the project file shares (`run`).
import { useCallback, useState } from 'react';
import { safeFileName, type Event, type Formula, type Roadbook } from '../../core/event/index';
import type { Leg } from '../../core/route/leg';
import type { EngineClient } from '../../../workers/client';
import type { PushNotice } from '../components/Notices';
import { download } from '../download';
import { localeOf } from '../../i18n/plural';
import { useI18n } from '../i18n';
import type { PlannerState } from './use-planner';

export interface EventExportsDeps {
  engine: EngineClient | null;
  planner: PlannerState;
  event: Event | null;
  formula: Formula | null;
  push: (n: PushNotice) => void;
}

export interface RoadbookState {
  eventName: string;
  formulaName: string;
  start: string | null;
  dates: string[];
  roadbook: Roadbook;
}

export interface EventExports {
  /** an export or a save is under way */
  busy: boolean;
  /** a maximum number of points for the GPX (old devices), null: every point */
  maxPoints: number | null;
  setMaxPoints: (n: number | null) => void;
  exportFormula: () => void;
  exportZip: () => void;
  openRoadbook: () => void;
  /** the roadbook shown, or null */
  roadbook: RoadbookState | null;
  closeRoadbook: () => void;
  /** runs a job with the busy flag up; a failure becomes a notice */
  run: (job: () => Promise<void>) => Promise<void>;
  /** legs of every formula of the events that has a line (the worker computes what the cache lacks) */
  legsByFormula: (events: readonly Event[]) => Promise<Record<string, Leg[]>>;
}

export function useEventExports({ engine, planner, event, formula, push }: EventExportsDeps): EventExports {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [maxPoints, setMaxPoints] = useState<number | null>(null);
  const [roadbook, setRoadbook] = useState<RoadbookState | null>(null);

  const legsByFormula = useCallback(
    async (events: readonly Event[]): Promise<Record<string, Leg[]>> => {
      const formulas = events.flatMap((e) => e.formulas);
      const legs = await planner.ensureLegs(formulas.map((f) => f.route));
      const out: Record<string, Leg[]> = {};
      formulas.forEach((f, i) => {
        if (legs[i].length > 0 && legs[i].length === f.route.modes.length) out[f.id] = legs[i];
      });
      return out;
    },
    [planner],
  );

  const run = useCallback(
    async (job: () => Promise<void>) => {
      setBusy(true);
      try {
        await job();
      } catch (err) {
        push({ kind: 'error', text: err instanceof Error ? err.message : String(err), timeout: 0 });
      } finally {
        setBusy(false);
      }
    },
    [push],
  );

  const simplifiedNotice = useCallback(
    (s: { pointsBefore: number; pointsAfter: number; lengthChange_m: number } | null) => {
      if (!s || s.pointsAfter === s.pointsBefore) return;
      const change = Math.round(s.lengthChange_m);
      const fmt = (n: number) => n.toLocaleString(localeOf(lang));
      push({
        id: 'export-simplified',
        text: t('export.simplified', {
          before: fmt(s.pointsBefore),
          after: fmt(s.pointsAfter),
          change: `${change < 0 ? '−' : change > 0 ? '+' : ''}${fmt(Math.abs(change))}`,
        }),
        timeout: 12_000,
      });
    },
    [push, t, lang],
  );

  const exportFormula = useCallback(
    () =>
      run(async () => {
        if (!engine || !event || !formula) return;
        if (formula.route.points.length < 2) return push({ kind: 'warning', text: t('export.formula.empty') });
        const [legs] = await planner.ensureLegs([formula.route]);
        const file = await engine.formulaGpx(event, formula.id, legs, { maxPoints, cutoffLabel: t('gpx.cutoff') });
        if (!file) return push({ kind: 'warning', text: t('export.formula.empty') });
        download(file.text, 'application/gpx+xml', file.fileName);
        push({ id: 'export', text: t('export.formula.done', { name: file.fileName, n: file.points }) });
        simplifiedNotice(file.simplification);
      }),
    [run, engine, event, formula, planner, maxPoints, push, t, simplifiedNotice],
  );

  const exportZip = useCallback(
    () =>
      run(async () => {
        if (!engine || !event) return;
        const legs = await legsByFormula([event]);
        const r = await engine.eventGpxZip(event, legs, { maxPoints, cutoffLabel: t('gpx.cutoff') });
        if (r.files.length === 0) return push({ kind: 'warning', text: t('export.zip.empty') });
        const fileName = safeFileName([event.name], 'zip', 'evenement');
        download(r.zip as Uint8Array<ArrayBuffer>, 'application/zip', fileName);
        push({ id: 'export', text: t('export.zip.done', { name: fileName, n: r.files.length }) });
        if (r.skipped.length) {
          const names = r.skipped.map((id) => event.formulas.find((f) => f.id === id)?.name ?? id).join(', ');
          push({ id: 'export-skipped', kind: 'warning', text: t('export.zip.skipped', { names, n: r.skipped.length }) });
        }
        const simplified = r.files.filter((f) => f.simplification && f.simplification.pointsAfter < f.simplification.pointsBefore);
        if (simplified.length === 1) simplifiedNotice(simplified[0].simplification);
      }),
    [run, engine, event, legsByFormula, maxPoints, push, t, simplifiedNotice],
  );

  const openRoadbook = useCallback(
    () =>
      run(async () => {
        if (!engine || !event || !formula || formula.route.points.length < 2) return;
        const [legs] = await planner.ensureLegs([formula.route]);
        const rb = await engine.roadbook(formula, legs);
        setRoadbook({ eventName: event.name, formulaName: formula.name, start: formula.start, dates: event.dates, roadbook: rb });
      }),
    [run, engine, event, formula, planner],
  );

  const closeRoadbook = useCallback(() => setRoadbook(null), []);

  return {
    busy,
    maxPoints,
    setMaxPoints,
    exportFormula: () => void exportFormula(),
    exportZip: () => void exportZip(),
    openRoadbook: () => void openRoadbook(),
    roadbook,
    closeRoadbook,
    run,
    legsByFormula,
  };
}
