// Wiring of the environmental review: the live review of the route on the map (use-review.ts),
// the panel, the map (highlight and zoom of a selected pass, image for the dossier), the
// elevation profile (the selected pass as a highlighted range), the CSV and the printable
// Natura 2000 dossier. Returns what the panel and the dossier are drawn from: App.tsx draws the
// panel in the side panel and the dossier over the app, and gives `profileRange` to the
// elevation profile. Every figure and line comes from the worker.
import { useCallback, useMemo, useState } from 'react';
import { safeFileName } from '../../core/event/filename';
import { emptyDossierAnswers, sortedCoursePoints, type DossierAnswers } from '../../core/event/index';
import { dossierModel } from '../../core/review/dossier';
import type { MapPlaceInput } from '../../core/review/dossier-map';
import { editEvent } from '../../state/events';
import type { MapController } from '../../map/map-controller';
import { userLayerSwatch } from '../../map/layers/user';
import { BASEMAPS, swatchFor } from '../../map/styles';
import type { DossierLayerSource, ReviewDossierProps } from '../components/ReviewDossier';
import type { ReviewLayerView, ReviewPanelProps } from '../components/ReviewPanel';
import { download } from '../download';
import { useReview, type ReviewSetup } from './use-review';
import type { PlannerState } from './use-planner';
import type { DossierData, ReviewRoute } from '../../../workers/protocol';
import type { PushNotice } from '../components/Notices';
import { useI18n } from '../i18n';
import { formatError } from '../../i18n/messages';
import { DOSSIER_TEXT } from '../../i18n/dossier';

export interface ReviewWorkspaceDeps {
  setup: ReviewSetup;
  planner: PlannerState;
  controller: MapController | null;
  push: (n: PushNotice) => void;
  routingKind: 'graph' | 'brouter';
}

export interface ReviewWorkspace {
  panel: ReviewPanelProps;
  /** the printable dossier, when open */
  dossier: ReviewDossierProps | null;
  /** the selected pass, [from, to] metres from the start, for the elevation profile */
  profileRange: [number, number] | null;
  /** the route or track under review (its legs or segments), or null: the official zones are asked for its extent */
  route: ReviewRoute | null;
}

/** Plan IGN v2 in the Web Mercator pyramid (the app's own basemap), for the dossier's maps when online. */
const PLAN_IGN = BASEMAPS.ign.tiles![0];
const planIgnTile = (z: number, x: number, y: number) => PLAN_IGN.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y));

interface DossierState {
  data: DossierData;
  subject: { kind: 'route' | 'track'; name: string };
  /** the event and formula the route is of (null for a track or the free route) */
  eventId: string | null;
  formulaId: string | null;
  /** the map shows an online basemap: the dossier's maps get Plan IGN under them */
  online: boolean;
  generatedAt: Date;
}

export function useReviewWorkspace({ setup, planner, controller, push, routingKind }: ReviewWorkspaceDeps): ReviewWorkspace {
  const { t, lang } = useI18n();
  const { engine, settings, update, layers, manifest } = setup;
  const onShow = useCallback(
    (view: { lines: [number, number][][]; bbox: [number, number, number, number] } | null) => {
      if (!controller) return;
      controller.setHighlightLines(view ? view.lines : null);
      if (view) controller.fitTo(view.bbox, { maxZoom: 17, padding: 90 });
    },
    [controller],
  );
  const review = useReview({ setup, planner, routingKind, onShow });
  const [busy, setBusy] = useState(false);
  const [dossier, setDossier] = useState<DossierState | null>(null);

  const entryOf = useCallback((id: string) => manifest?.layers.find((l) => l.id === id), [manifest]);

  const layerViews = useMemo<Record<string, ReviewLayerView>>(() => {
    const out: Record<string, ReviewLayerView> = {};
    for (const l of layers?.layers ?? []) {
      const entry = entryOf(l.id);
      out[l.id] = {
        title: entry ? entry.title[lang] : l.title,
        imported: l.origin === 'imported',
        approximate: l.approximate,
        swatch: entry ? swatchFor(entry) : userLayerSwatch('sensitive', { point: 0, line: l.lines, polygon: l.polygons }),
      };
    }
    return out;
  }, [layers, entryOf, lang]);

  const issueGroups = useMemo(() => {
    const groups: { layer: string; messages: string[] }[] = [];
    for (const l of layers?.layers ?? []) {
      const title = layerViews[l.id]?.title ?? l.title;
      const messages = [
        ...(l.error ? [t('review.layerError', { name: title, detail: formatError(l.error, lang) })] : []),
        ...l.issues.map((i) => formatError(i, lang)),
      ];
      if (messages.length) groups.push({ layer: title, messages });
    }
    return groups;
  }, [layers, layerViews, t, lang]);

  // the banner stays while an approximate layer with zones is in the review, and goes once none is
  const approximate = useMemo(() => (layers?.layers ?? []).some((l) => l.approximate && l.reviewed && l.polygons + l.lines > 0), [layers]);
  const approxLayers = useMemo(
    () =>
      (layers?.layers ?? [])
        .filter((l) => l.approximate)
        .map((l) => ({
          id: l.id,
          title: layerViews[l.id]?.title ?? l.title,
          reviewed: l.reviewed,
          // the user's switch shows at once; the engine's choice follows with the next state
          checked: Object.hasOwn(settings.approximations, l.id) ? settings.approximations[l.id] : l.reviewed,
          choice: l.choice,
          replacedBy: l.replacedBy.map((id) => layerViews[id]?.title ?? id),
        })),
    [layers, layerViews, settings.approximations],
  );
  const onApproxSwitch = useCallback((id: string, on: boolean) => update((s) => ({ ...s, approximations: { ...s.approximations, [id]: on } })), [update]);

  const season = review.season;
  const inSeason = useMemo(() => new Set(season?.ok ? season.value.flags.filter((f) => f.in_season).map((f) => `${f.layer}|${f.id}`) : []), [season]);
  const result = review.result;
  const seasonKinds = useMemo(() => {
    const kinds = new Set<string>(result?.review.crossings.map((c) => c.kind) ?? []);
    for (const k of Object.keys(settings.season)) kinds.add(k);
    return [...kinds].sort((a, b) => a.localeCompare(b, 'fr'));
  }, [result, settings.season]);

  const avoidable = useMemo(
    // the layers the review uses (the engine avoids only those)
    () => (layers?.layers ?? []).filter((l) => l.polygons > 0 && l.reviewed).map((l) => ({ id: l.id, title: layerViews[l.id]?.title ?? l.title })),
    [layers, layerViews],
  );

  const subjectName = review.subject?.name ?? '';
  const onCsv = useCallback(async () => {
    if (!engine || !result || (!review.legs && !review.segments)) return;
    // the same core function and inputs as `cavalier review --csv`
    const csv = await engine.reviewCsv(review.legs ? { legs: review.legs } : { segments: review.segments! }, { buffer_m: settings.buffer_m });
    const name = safeFileName([subjectName, 'zones-sensibles'], 'csv');
    download(csv, 'text/csv;charset=utf-8', name);
    push({ id: 'review-csv', text: t('review.csv.done', { name }) });
  }, [engine, result, review.legs, review.segments, settings.buffer_m, subjectName, push, t]);

  const onDossier = useCallback(async () => {
    if (!engine || !review.subject || (!review.legs && !review.segments)) return;
    setBusy(true);
    try {
      const route = review.legs ? { legs: review.legs } : { segments: review.segments! };
      const ev = review.eventLoad.event;
      const formula = ev && review.subject.kind === 'route' ? (ev.formulas.find((f) => f.id === planner.doc.activeFormulaId) ?? null) : null;
      // the event's aid stations, parking and public areas (every formula), and the reviewed formula's start and finish
      const places: MapPlaceInput[] = (ev?.formulas ?? []).flatMap((f) =>
        sortedCoursePoints(f.coursePoints)
          .filter((p) => ['aid', 'water', 'parking', 'public'].includes(p.kind) || (f === formula && (p.kind === 'start' || p.kind === 'finish')))
          .map((p) => ({ kind: p.kind, name: p.name, lonlat: [p.lonlat[0], p.lonlat[1]] as [number, number] })),
      );
      const data = await engine.dossier({ route, buffer_m: settings.buffer_m, load: review.eventLoad.load, season: review.seasonSettings, places });
      review.select(null);
      setDossier({
        data,
        subject: review.subject,
        eventId: ev ? ev.id : null,
        formulaId: formula?.id ?? null,
        online: !!controller && controller.getBasemap() !== 'none',
        generatedAt: new Date(),
      });
    } catch (e) {
      push({ kind: 'error', text: t('review.dossier.failed', { detail: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setBusy(false);
    }
  }, [engine, review, settings.buffer_m, controller, push, t, planner.doc.activeFormulaId]);

  // the event as it is now: the organiser's answers typed into the dossier show at once
  const dossierEvent = dossier?.eventId ? (planner.doc.events.find((e) => e.id === dossier.eventId) ?? null) : null;
  const model = useMemo(() => {
    if (!dossier) return null;
    const lengths: Record<string, number> = {};
    if (dossier.formulaId) lengths[dossier.formulaId] = dossier.data.result.review.route_length_m;
    return dossierModel({
      event: dossierEvent,
      formulaId: dossier.formulaId,
      formulaLengths: lengths,
      review: dossier.data.result.review,
      communes: dossier.data.communes,
      communesCover: dossier.data.communesCover,
      ways: dossier.data.ways,
      season: dossier.data.season,
      attributes: dossier.data.attributes,
      layers: dossier.data.layers.map((l) => ({ id: l.id, approximate: entryOf(l.id)?.status === 'approximation' })),
    });
  }, [dossier, dossierEvent, entryOf]);
  const { edit } = planner;
  const onAnswers = useCallback(
    (answers: DossierAnswers) => {
      if (dossierEvent) edit((d) => editEvent(d, dossierEvent.id, { dossier: answers }));
    },
    [dossierEvent, edit],
  );

  const dossierSources = useMemo<DossierLayerSource[]>(() => {
    if (!dossier) return [];
    // the layers the review used: an approximation replaced or switched off is no source of the dossier
    const out: DossierLayerSource[] = dossier.data.layers
      .filter((l) => l.reviewed)
      .map((l) => {
        const entry = entryOf(l.id);
        return entry
          ? {
              id: l.id,
              title: entry.title.fr,
              approximate: entry.status === 'approximation',
              imported: false,
              source: entry.source,
              licence: entry.licence,
              note: entry.note?.fr ?? null,
            }
          : {
              id: l.id,
              title: l.title,
              approximate: false,
              imported: true,
              source: DOSSIER_TEXT.importedSource,
              licence: '',
              note: null,
            };
      });
    const communes = entryOf(dossier.data.communesCover === 'region' ? 'communes-npdc' : 'communes');
    if (dossier.data.communes && communes)
      out.push({
        id: communes.id,
        title: communes.title.fr,
        approximate: false,
        imported: false,
        source: communes.source,
        licence: communes.licence,
        note: null,
      });
    return out;
  }, [dossier, entryOf]);
  // the dossier is French whatever the interface's language
  const dossierIssues = useMemo(
    () =>
      (layers?.layers ?? []).flatMap((l) => [...(l.error ? [`${l.title} : ${formatError(l.error, 'fr')}`] : []), ...l.issues.map((i) => formatError(i, 'fr'))]),
    [layers],
  );

  const panel: ReviewPanelProps = {
    status: layers ? 'ready' : 'loading',
    subject: review.subject && result ? { ...review.subject, length_m: result.review.route_length_m } : null,
    computing: review.computing,
    review: result?.review ?? null,
    layers: layerViews,
    layerOrder: (layers?.layers ?? []).map((l) => l.id),
    approximate,
    approxLayers,
    onApproxSwitch,
    inSeason,
    selected: review.selected,
    onSelect: review.select,
    issues: issueGroups,
    settings,
    onSettings: update,
    avoidable,
    avoidApplies: routingKind === 'graph' && review.legs !== null,
    routingKind,
    detour: review.detour,
    eventLoad: review.eventLoad,
    seasonKinds,
    season: season?.ok ? season.value : null,
    seasonError: season && !season.ok && season.error.code !== 'event.bad-date' ? formatError(season.error, lang) : null,
    onDossier: () => void onDossier(),
    onCsv: () => void onCsv(),
    busy: busy || review.computing,
  };

  const dossierProps: ReviewDossierProps | null =
    dossier && model
      ? {
          model,
          maps: dossier.data.maps,
          tileUrl: dossier.online ? planIgnTile : null,
          subject: dossier.subject,
          buffer_m: dossier.data.result.review.buffer_m,
          sources: dossierSources,
          issues: dossierIssues,
          generatedAt: dossier.generatedAt,
          answers: dossierEvent ? (dossierEvent.dossier ?? emptyDossierAnswers()) : null,
          onAnswers,
          onCsv: () => download(dossier.data.csv, 'text/csv;charset=utf-8', safeFileName([dossier.subject.name, 'zones-sensibles'], 'csv')),
          onClose: () => setDossier(null),
        }
      : null;

  const route = useMemo<ReviewRoute | null>(
    () => (review.segments ? { segments: review.segments } : review.legs ? { legs: review.legs } : null),
    [review.segments, review.legs],
  );

  return { panel, dossier: dossierProps, profileRange: review.profileRange, route };
}
