// A route in a link (core/event/share.ts): « Copier le lien » puts the route on the map — the
// drawn route, or the selected formula's with its event, target, laps and loop — in the URL's
// fragment; a page opened on such a link shows that route read-only (the planner refuses edits
// meanwhile, the user's own work is untouched) with « Ajouter à mes événements », which makes
// it an event of one formula, and « Fermer ». A link past SHARE_URL_MAX characters is refused,
// with the project file offered instead.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  addFormula,
  createEvent,
  isShareFragment,
  readShareFragment,
  SHARE_URL_MAX,
  shareFragment,
  type Event,
  type Formula,
  type SharedRoute,
} from '../../core/event/index';
import type { GeoError } from '../../core/errors';
import type { Leg } from '../../core/route/leg';
import type { MapController } from '../../map/map-controller';
import { addEvent } from '../../state/events';
import { formatError } from '../../i18n/messages';
import type { PushNotice } from '../components/Notices';
import type { SharedRouteBannerProps } from '../components/SharedRouteBanner';
import { useI18n } from '../i18n';
import { newId } from '../new-id';
import type { PlannerState } from './use-planner';

export interface SharedView {
  /** the route of the link the page was opened on, until it is closed or added */
  shared: SharedRoute | null;
  /** the link could not be read */
  error: GeoError | null;
  close: () => void;
}

const readHash = (): { shared: SharedRoute | null; error: GeoError | null } => {
  if (typeof location === 'undefined' || !isShareFragment(location.hash)) return { shared: null, error: null };
  const r = readShareFragment(location.hash);
  return r.ok ? { shared: r.value, error: null } : { shared: null, error: r.error };
};

/** The shared route of the page's URL. Called before the planner, which it makes read-only while open. */
export function useSharedView(): SharedView {
  const [state, setState] = useState(readHash);
  useEffect(() => {
    const onHash = () => {
      if (isShareFragment(location.hash)) setState(readHash());
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const close = useCallback(() => {
    // the link is spent: a reload shows the user's own work
    history.replaceState(null, '', location.pathname + location.search);
    setState({ shared: null, error: null });
  }, []);
  return { ...state, close };
}

export interface ShareLinkDeps {
  view: SharedView;
  planner: PlannerState;
  controller: MapController | null;
  event: Event | null;
  formula: Formula | null;
  push: (n: PushNotice) => void;
  saveProject: () => void;
}

export interface ShareLink {
  copy: () => void;
  /** the read-only banner of an opened link, null when none is open */
  banner: SharedRouteBannerProps | null;
  /** what the map shows instead of the planner's route while a link is open */
  shown: { route: SharedRoute['route']; legs: (Leg | null)[] } | null;
}

export function useShareLink({ view, planner, controller, event, formula, push, saveProject }: ShareLinkDeps): ShareLink {
  const { t, lang } = useI18n();
  const { doc, legsFor, ensureLegs, edit } = planner;
  const shared = view.shared;

  useEffect(() => {
    if (view.error) push({ id: 'share', kind: 'error', text: formatError(view.error, lang), timeout: 0 });
  }, [view.error, push, lang]);

  // the shared route's legs, by the worker, again whenever the planner's cache is emptied (a
  // network loaded after the page); the map is framed on it once
  const legs = shared ? legsFor(shared.route) : null;
  const missing = legs ? legs.filter((l) => l === null).length : 0;
  const asking = useRef(false);
  useEffect(() => {
    // legsFor changes with the planner's cache: a computed leg, or a cache emptied
    if (!shared || missing === 0 || asking.current || !legsFor) return;
    asking.current = true;
    void ensureLegs([shared.route]).finally(() => {
      asking.current = false;
    });
  }, [shared, missing, ensureLegs, legsFor]);
  useEffect(() => {
    if (!shared || !controller) return;
    void controller.ready.then(() => controller.fitToPoints(shared.route.points, { maxZoom: 15, animate: false }));
  }, [shared, controller]);

  const copy = useCallback(() => {
    const route = doc.route;
    if (route.points.length < 2) return push({ id: 'share', kind: 'warning', text: t('share.empty') });
    const ofFormula = formula && event && formula.route === route;
    const fragment = shareFragment({
      route,
      formula: ofFormula
        ? {
            eventName: event.name,
            formulaName: formula.name,
            discipline: event.discipline,
            targetDistance_m: formula.targetDistance_m,
            laps: formula.laps,
            loop: formula.loop,
          }
        : null,
    });
    const url = `${location.origin}${location.pathname}${location.search}#${fragment}`;
    if (url.length > SHARE_URL_MAX) {
      return push({
        id: 'share',
        kind: 'warning',
        text: t('share.tooLong', { n: url.length, max: SHARE_URL_MAX }),
        timeout: 0,
        action: { label: t('share.saveProject'), run: saveProject },
      });
    }
    const byHand = () => push({ id: 'share', kind: 'info', text: t('share.copyByHand', { url }), timeout: 0 });
    if (!navigator.clipboard) return byHand();
    navigator.clipboard.writeText(url).then(() => push({ id: 'share', text: t('share.copied', { n: url.length }) }), byHand);
  }, [doc.route, event, formula, push, t, saveProject]);

  // « Ajouter à mes événements »: the planner takes edits again once the view is closed
  const pending = useRef<Event | null>(null);
  const add = useCallback(() => {
    if (!shared) return;
    const f = shared.formula;
    const name = f?.eventName || shared.route.name || t('events.blank.name');
    const base = createEvent({ name, discipline: f?.discipline ?? 'trail' }, newId);
    pending.current = addFormula(
      base,
      {
        name: f?.formulaName || shared.route.name || t('events.blank.formula'),
        route: shared.route,
        targetDistance_m: f?.targetDistance_m ?? 0,
        laps: f?.laps ?? 1,
        loop: f?.loop ?? false,
      },
      newId,
    );
    view.close();
  }, [shared, view, t]);
  useEffect(() => {
    const ev = pending.current;
    if (shared || !ev || planner.readOnly) return;
    pending.current = null;
    edit((d) => addEvent(d, ev));
    push({ id: 'share', text: t('share.added', { name: ev.name }) });
  }, [shared, planner.readOnly, edit, push, t]);

  const length_m = legs?.every((l) => l !== null) ? legs.reduce((m, l) => m + (l?.length_m ?? 0), 0) : null;
  return {
    copy,
    banner: shared
      ? {
          name: shared.formula ? `${shared.formula.eventName} — ${shared.formula.formulaName}` : shared.route.name,
          length_m,
          points: shared.route.points.length,
          onAdd: add,
          onClose: view.close,
        }
      : null,
    shown: shared && legs ? { route: shared.route, legs } : null,
  };
}
