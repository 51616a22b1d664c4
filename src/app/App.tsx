// The application shell: a full-screen map, a side panel (tools, figures, layers, basemap),
// the elevation profile under the map, and toasts. Route state is wired by src/state (see ROUTE below).

import { Component, useCallback, useEffect, useMemo, useRef, useState, type ErrorInfo, type ReactNode } from 'react';
import { isDetour } from '../core/route/leg';
import { MapControllerContext, MapView } from '../map/MapView';
import type { MapController } from '../map/map-controller';
import { swatchFor } from '../map/styles';
import { ElevationProfile } from '../ui/components/ElevationProfile';
import { LayerPanel, type LayerPanelItem } from '../ui/components/LayerPanel';
import { Notices, type Notice, type PushNotice } from '../ui/components/Notices';
import { StatsPanel } from '../ui/components/StatsPanel';
import { Toolbar } from '../ui/components/Toolbar';
import { DrawTools } from '../ui/components/DrawTools';
import { ShortcutsSheet } from '../ui/components/ShortcutsSheet';
import { useShortcutKeys } from '../ui/hooks/use-shortcut-keys';
import type { LegMode } from '../core/route/leg';
import { LegList } from '../ui/components/LegList';
import { RoutingSettings, type RoutingChoice } from '../ui/components/RoutingSettings';
import { TrackList } from '../ui/components/TrackList';
import { describeElevationSource, describeElevationShare } from '../ui/components/elevation-source';
import { epochKey, useEngine } from '../ui/hooks/use-engine';
import { manifestNow, readManifest, type ManifestState } from './manifest';
import { registerServiceWorker } from './register-sw';
import { jsonPreference } from '../adapters/preferences';
import { readTrack } from '../../workers/client';
import { usePlanner } from '../ui/hooks/use-planner';
import { useRouteEditing } from '../ui/hooks/use-route-editing';
import { useMapClicks, useMapMode } from '../ui/hooks/use-map-mode';
import { activeEvent, activeFormula, addTrack, removeTrack, renameRoute, setActive, setLegMode as setLegModeOf, clearRoute } from '../state/planner';
import { safeFileName } from '../core/event/filename';
import { download } from '../ui/download';
import { formatError } from '../i18n/messages';
import { I18nProvider, useI18n } from '../ui/i18n';
import { LANGS, type I18nKey } from '../i18n/dictionary';
import { useTabLease } from '../ui/hooks/use-tab-lease';
import { useEventWorkspace } from '../ui/hooks/use-event-workspace';
import { EventsPanel } from '../ui/components/events/EventsPanel';
import { CoursePointsPanel } from '../ui/components/CoursePointsPanel';
import { ConfirmDialog } from '../ui/components/ConfirmDialog';
import { RoadbookView } from '../ui/components/RoadbookView';
import { SharedRouteBanner } from '../ui/components/SharedRouteBanner';
import { useShareLink, useSharedView } from '../ui/hooks/use-share-link';
import { useUserLayers } from '../ui/hooks/use-user-layers';
import { UserLayersSection } from '../ui/components/UserLayersSection';
import { ImportLayerDialog } from '../ui/components/ImportLayerDialog';
import './events.css';
import './roadbook.css';
import './user-layers.css';
import { useReviewWorkspace } from '../ui/hooks/use-review-workspace';
import { useOfficialZones } from '../ui/hooks/use-official-zones';
import { ReviewPanel } from '../ui/components/ReviewPanel';
import { ReviewDossier } from '../ui/components/ReviewDossier';
import './review.css';
import { useReviewSetup } from '../ui/hooks/use-review';
import { usePlaceSearchBox } from './place-search';
import { useBasemap } from './basemap';
import './map-tools.css';

export function App() {
  return (
    <I18nProvider>
      <ErrorBoundary>
        <Shell />
      </ErrorBoundary>
    </I18nProvider>
  );
}

// ── manifest ──────────────────────────────────────────────────────────────────

function useManifest(): ManifestState {
  const [state, setState] = useState<ManifestState>(() => manifestNow() ?? { manifest: null, error: null });
  useEffect(() => {
    let alive = true;
    void readManifest().then((s) => alive && setState(s));
    return () => {
      alive = false;
    };
  }, []);
  return state;
}

// ── notices ───────────────────────────────────────────────────────────────────

function useNotices() {
  const [notices, setNotices] = useState<Notice[]>([]);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const dismiss = useCallback((id: string) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setNotices((list) => list.filter((n) => n.id !== id));
  }, []);
  const push = useCallback(
    ({ id = `n${Date.now()}${Math.random().toString(36).slice(2, 6)}`, kind = 'info', text, timeout = 8000, action }: PushNotice) => {
      setNotices((list) => [...list.filter((n) => n.id !== id), { id, kind, text, action }].slice(-4));
      clearTimeout(timers.current.get(id));
      if (timeout > 0)
        timers.current.set(
          id,
          setTimeout(() => dismiss(id), timeout),
        );
    },
    [dismiss],
  );
  useEffect(() => {
    const map = timers.current;
    return () => {
      map.forEach((t) => clearTimeout(t));
      map.clear();
    };
  }, []);
  return { notices, push, dismiss };
}

// ── shell ─────────────────────────────────────────────────────────────────────

const routingPref = jsonPreference<RoutingChoice>(
  'cavalier.routing',
  (v) => {
    const r = v as Partial<Extract<RoutingChoice, { kind: 'brouter' }>> | null;
    return r?.kind === 'brouter' && typeof r.baseUrl === 'string' && typeof r.profile === 'string' ? (r as RoutingChoice) : undefined;
  },
  // the embedded network
  { kind: 'graph' },
);

function Shell() {
  const { t, lang, setLang, formatNumber } = useI18n();
  const tRef = useRef(t);
  tRef.current = t;
  const [controller, setController] = useState<MapController | null>(null);
  // the first map drawn (its embedded layers loaded): what the first click does not need waits for it
  const [mapReady, setMapReady] = useState(false);
  useEffect(() => {
    setMapReady(false);
    return controller?.on('ready', () => setMapReady(true));
  }, [controller]);
  // the offline copy (~20 MB) once the first map is drawn, or after a while if it never is (no WebGL)
  useEffect(() => {
    if (mapReady) return registerServiceWorker();
    const later = setTimeout(registerServiceWorker, 10_000);
    return () => clearTimeout(later);
  }, [mapReady]);
  const { manifest, error: manifestFailure } = useManifest();
  const manifestError = manifestFailure ? formatError(manifestFailure, lang) : null;
  const [visibility, setVisibility] = useState<Record<string, boolean>>({});
  const [failedLayers, setFailedLayers] = useState<Record<string, true>>({});
  const [panelOpen, setPanelOpen] = useState(true);
  const { notices, push, dismiss } = useNotices();

  // ── route ──
  // what a click on the map means (inspect, draw, place): one mode, one click listener
  const { mode, setMode } = useMapMode(controller);
  const drawing = mode === 'draw';
  const [legMode, setLegMode] = useState<LegMode>('network');
  // « ? » opens the shortcuts sheet, « T » is the Tracer button
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  useShortcutKeys({ onHelp: () => setShortcutsOpen(true), onToggleDraw: () => setMode(drawing ? 'inspect' : 'draw') });
  const { engine, epochs, networkError, networkReady, health, restart } = useEngine(manifest, mapReady);
  // every key below is the engine's word on what changed (see use-engine.ts)
  const reliefKey = epochKey(epochs, 'relief');
  useEffect(() => {
    if (health.stops === 0) return;
    const t = tRef.current;
    if (health.gaveUp) push({ id: 'engine', kind: 'error', text: t('engine.gaveUp'), timeout: 0, action: { label: t('engine.restart'), run: restart } });
    else push({ id: 'engine', kind: 'warning', text: t('engine.restarted'), timeout: 0 });
  }, [health.stops, health.gaveUp, push, restart]);
  useEffect(() => {
    if (health.slow)
      push({
        id: 'engine-slow',
        kind: 'warning',
        text: tRef.current('engine.slow'),
        timeout: 0,
        action: { label: tRef.current('engine.restart'), run: restart },
      });
    else dismiss('engine-slow');
  }, [health.slow, push, dismiss, restart]);
  // imported layers and DEM files (see ui/hooks/use-user-layers.ts): they change the network and the elevations
  // the current route's (or active track's) extent, for the online elevation tiles; set below, once the planner is known
  const routeBboxRef = useRef<() => [number, number, number, number] | null>(() => null);
  const routeBbox = useCallback(() => routeBboxRef.current(), []);
  const userLayers = useUserLayers({
    engine,
    controller,
    push,
    networkReady,
    networkError: networkError && formatError(networkError, lang),
    reliefKey,
    routeBbox,
  });
  const [routing, setRouting] = useState<RoutingChoice>(routingPref.get);
  useEffect(() => {
    // the engine's routing epoch moves with the provider: cached legs follow
    if (engine) void engine.setProvider(routing);
    routingPref.set(routing);
  }, [engine, routing]);
  // environmental review: sensitive zones in the worker, and the avoid setting
  const reviewSetup = useReviewSetup(engine, manifest, epochKey(epochs, 'zones'), mapReady);
  const lease = useTabLease();
  // a page opened on a share link shows that route read-only (ui/hooks/use-share-link.ts)
  const sharedView = useSharedView();
  // the routing epoch moves with the network, the provider, the avoid setting and the avoided zones
  const planner = usePlanner(engine, epochKey(epochs, 'routing'), reliefKey, lease.role === 'reader' || sharedView.shared !== null);
  const { doc, legs, stats } = planner;
  const profile = stats?.profile ?? null;
  const elevationSourceLabel = describeElevationSource(stats?.elevationSource ?? { kind: 'none' }, t);
  const elevationSources = stats?.elevationSources.map((e) => ({ label: describeElevationShare(e, t), share: e.share }));
  const reliefProblem = stats?.warnings.find((w) => w.code === 'relief.terril-missing' || w.code === 'dem.partial-coverage');
  const reliefWarning = reliefProblem ? formatError(reliefProblem, lang) : null;
  const [selected, setSelected] = useState<number | null>(null);
  const editing = useRouteEditing({ controller, engine, planner, legMode, selected, setSelected, push });
  // events, formulas, course points, exports, project file and autosave (see ui/hooks/use-event-workspace.ts)
  const events = useEventWorkspace({ planner, engine, controller, push, mode, setMode, demVersion: reliefKey, lease });
  useMapClicks(controller, { draw: editing.addAt, place: events.placeAt });
  const share = useShareLink({
    view: sharedView,
    planner,
    controller,
    event: activeEvent(doc),
    formula: activeFormula(doc),
    push,
    saveProject: events.panel.onSaveProject,
  });
  useEffect(() => {
    if (sharedView.shared) setMode('inspect');
  }, [sharedView.shared, setMode]);
  // zones crossed and near, avoid mode, season, Natura 2000 dossier (see ui/hooks/use-review-workspace.ts)
  const review = useReviewWorkspace({ setup: reviewSetup, planner, controller, push, routingKind: routing.kind });
  // « Charger les zones protégées officielles »: kept by the engine as sensitive layers, listed and stored as imports
  const officialZones = useOfficialZones({ engine, route: review.route, push, onAdded: userLayers.adoptFetched });
  // names on the map and the place search (place-search.tsx)
  // read once the first map is drawn: the search index and the names are not what the first click needs
  const placeSearch = usePlaceSearchBox({ manifest: mapReady ? manifest : null, controller });

  // a leg the routing provider could not route says why, once
  useEffect(() => {
    const problem = legs.find((l) => l?.problem)?.problem;
    if (problem) push({ id: 'routing', kind: 'warning', text: formatError(problem, lang) });
  }, [legs, push, lang]);

  useEffect(() => {
    if (networkError) push({ id: 'network', kind: 'error', text: t('route.networkError', { detail: formatError(networkError, lang) }), timeout: 0 });
  }, [networkError, push, t, lang]);

  // map ← route and tracks
  const shownRoute = share.shown?.route ?? doc.route;
  const shownLegs = share.shown?.legs ?? legs;
  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  useEffect(() => {
    if (!controller) return;
    // an opened share link is shown instead of the planner's route
    const { points, modes } = shownRoute;
    const legs = shownLegs;
    controller.setRoute({
      // a leg still being computed is shown as a straight preview
      legs: modes.map((mode, i) => {
        const leg = legs[i];
        return leg
          ? {
              coordinates: leg.coords,
              mode,
              fallback: leg.fallback !== undefined,
              detour: isDetour(leg),
              detourLabel: isDetour(leg) && leg.detour !== undefined ? t('legs.detour', { ratio: formatNumber(leg.detour, 1) }) : undefined,
            }
          : { coordinates: [points[i], points[i + 1]], mode: 'straight' as const };
      }),
      points,
      selectedPoint: selectedRef.current,
    });
  }, [controller, shownRoute, shownLegs, t, formatNumber]);
  // selecting a point only restyles it: the route is not sent again
  useEffect(() => controller?.setSelectedPoint(selected), [controller, selected]);

  useEffect(() => {
    controller?.setTracks(doc.tracks.map((tr) => ({ id: tr.id, segments: tr.track.segments, active: doc.active === tr.id })));
  }, [controller, doc.tracks, doc.active]);

  const onImportFile = useCallback(
    async (file: File) => {
      if (!engine) return;
      if (file.size > 200 * 1024 * 1024) {
        push({ kind: 'error', text: t('import.tooLarge', { mb: Math.round(file.size / 1024 / 1024) }), timeout: 0 });
        return;
      }
      push({ id: 'import', text: t('import.reading', { name: file.name }) });
      const r = await readTrack(engine, file);
      if (!r.ok) {
        push({ id: 'import', kind: 'error', text: t('import.failed', { detail: formatError(r.error, lang) }), timeout: 0 });
        return;
      }
      // a GPX with both trk and rte gives two items, listed and measured separately
      const stamp = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
      const items = r.value.tracks.map((track, k) => ({ id: `trk-${stamp}${k ? `-${k}` : ''}`, track }));
      planner.edit((d) => items.reduce((doc, item) => addTrack(doc, item), d));
      if (r.value.bbox) controller?.fitTo(r.value.bbox, { maxZoom: 15 });
      const n = r.value.tracks.reduce((k, tr) => k + tr.segments.reduce((m, sg) => m + sg.length, 0), 0);
      push({ id: 'import', text: t('import.done', { name: r.value.tracks[0].name, n }) });
      for (const w of r.warnings) push({ kind: 'warning', text: formatError(w, lang) });
    },
    [engine, planner, controller, push, t, lang],
  );

  const activeTrack = doc.active === 'route' ? null : (doc.tracks.find((tr) => tr.id === doc.active) ?? null);
  routeBboxRef.current = () => {
    const pts = activeTrack ? activeTrack.track.segments.flat() : [...doc.route.points, ...legs.flatMap((l) => l?.coords ?? [])];
    if (pts.length === 0) return null;
    let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const p of pts) {
      w = Math.min(w, p[0]);
      e = Math.max(e, p[0]);
      s = Math.min(s, p[1]);
      n = Math.max(n, p[1]);
    }
    return [w, s, e, n];
  };
  const routeReady = legs.length > 0 && legs.every((l) => l !== null);
  const exportFormulaGpx = events.exportFormulaGpx;
  const onExportGpx = useCallback(async () => {
    // a formula on the map has one GPX, the formula panel's (course points, cut-offs)
    if (!activeTrack && exportFormulaGpx) return exportFormulaGpx();
    if (!engine) return;
    const name = activeTrack ? activeTrack.track.name : doc.route.name;
    if (!activeTrack && !routeReady) {
      push({ kind: 'warning', text: t('export.empty') });
      return;
    }
    const gpx = activeTrack
      ? await engine.writeGpx(activeTrack.track, lang)
      : await engine.routeGpx(
          name,
          legs.filter((l) => l !== null),
          lang,
        );
    const fileName = safeFileName([name], 'gpx');
    download(gpx.text, 'application/gpx+xml', fileName);
    push({ id: 'export', text: t('export.done', { name: fileName }) });
    for (const w of gpx.warnings) push({ kind: 'warning', text: formatError(w, lang) });
  }, [engine, activeTrack, exportFormulaGpx, doc.route.name, routeReady, legs, push, t, lang]);

  const ways = useMemo(
    () =>
      stats?.ways
        ? Object.entries(stats.ways)
            .filter(([, m]) => m > 0.5)
            .sort((a, b) => b[1] - a[1])
            .map(([k, metres]) => ({ key: k, label: t(`ways.${k}` as I18nKey), metres }))
        : undefined,
    [stats, t],
  );

  // map ← app state; the manifest straight from its read, not after a render of the whole page:
  // the map adds its layers the moment it has both (usually at its 'load', the manifest being there)
  useEffect(() => {
    if (!controller) return;
    let alive = true;
    void readManifest().then((s) => alive && controller.setManifest(s.manifest));
    return () => {
      alive = false;
    };
  }, [controller]);

  useEffect(() => controller?.setLanguage(lang), [controller, lang]);
  const basemap = useBasemap(controller);

  // map → app events
  useEffect(() => {
    if (!controller) return;
    const offs = [
      controller.on('layererror', (id) => {
        setFailedLayers((f) => ({ ...f, [id]: true }));
        const title = manifest?.layers.find((l) => l.id === id)?.title[lang] ?? id;
        push({ id: `layer-${id}`, kind: 'error', text: tRef.current('layers.layerError', { name: title }), timeout: 0 });
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [controller, manifest, lang, push]);

  const onToggleLayer = useCallback(
    (id: string, visible: boolean) => {
      setVisibility((v) => ({ ...v, [id]: visible }));
      controller?.setLayerVisible(id, visible);
    },
    [controller],
  );

  const layerItems = useMemo<LayerPanelItem[] | null>(
    () =>
      manifest?.layers.map((e) => ({
        id: e.id,
        title: e.title[lang],
        group: e.group,
        status: e.status,
        source: e.source,
        licence: e.licence,
        date: e.date,
        note: e.note?.[lang],
        featureCount: e.featureCount,
        visible: visibility[e.id] ?? e.visible,
        swatch: swatchFor(e),
        failed: failedLayers[e.id] === true,
      })) ?? null,
    [manifest, lang, visibility, failedLayers],
  );

  return (
    <MapControllerContext.Provider value={controller}>
      <div className={`cav-app${panelOpen ? '' : ' cav-app--panel-closed'}`} data-testid="app" data-lease={lease.role}>
        {/* on the map whatever the panel shows, and first in the keyboard order (map-tools.css places it) */}
        {/* a shared route opened from a link is read-only: no drawing tools over it */}
        {!sharedView.shared && (
          <DrawTools
            drawing={drawing}
            onDrawingChange={(on) => setMode(on ? 'draw' : 'inspect')}
            canUndo={planner.canUndo}
            canRedo={planner.canRedo}
            onUndo={planner.undo}
            onRedo={planner.redo}
            canClear={doc.route.points.length > 0}
            onClear={() => planner.edit(clearRoute)}
            legMode={legMode}
            onLegModeChange={setLegMode}
            onShortcuts={() => setShortcutsOpen(true)}
          />
        )}
        <aside className="cav-panel" data-testid="side-panel" aria-hidden={!panelOpen}>
          <header className="cav-header">
            <div className="cav-brand">
              <Logo />
              <div>
                <h1 className="cav-title">{t('app.title')}</h1>
                <p className="cav-subtitle">{t('app.subtitle')}</p>
              </div>
            </div>
            <div className="cav-lang" role="group" aria-label={t('lang.label')}>
              {LANGS.map((l) => (
                <button
                  key={l}
                  type="button"
                  lang={l}
                  aria-pressed={lang === l}
                  className={lang === l ? 'is-active' : undefined}
                  onClick={() => setLang(l)}
                  title={t(l === 'fr' ? 'lang.fr' : 'lang.en')}
                  data-testid={`lang-${l}`}
                >
                  {l.toUpperCase()}
                </button>
              ))}
            </div>
          </header>
          <div className="cav-panel-scroll">
            <EventsPanel {...events.panel} />
            <Toolbar
              onImportFile={onImportFile}
              canExport={activeTrack !== null || routeReady}
              onExportGpx={onExportGpx}
              canCopyLink={doc.route.points.length >= 2 && !sharedView.shared}
              onCopyLink={share.copy}
            />
            <TrackList
              routeName={doc.route.name}
              tracks={doc.tracks.map((tr) => ({ id: tr.id, name: tr.track.name, route: tr.track.kind === 'route' }))}
              active={doc.active}
              onSelect={(id) => planner.edit((d) => setActive(d, id))}
              onRemove={(id) => planner.edit((d) => removeTrack(d, id))}
              onRenameRoute={(name) => planner.edit((d) => renameRoute(d, name))}
            />
            <StatsPanel
              lengthM={stats && (stats.points > 0 || doc.route.points.length > 0) ? stats.length_m : null}
              points={stats?.points ?? 0}
              elevation={profile ? { ascent: profile.ascent, descent: profile.descent, min: profile.min, max: profile.max } : null}
              elevationSourceLabel={elevationSourceLabel}
              elevationSources={elevationSources}
              reliefWarning={reliefWarning}
              ways={activeTrack ? undefined : ways}
            />
            <CoursePointsPanel {...events.coursePoints} />
            {!activeTrack && (
              <LegList
                legs={doc.route.modes.map((mode, i) => {
                  const leg = legs[i];
                  const flagged = !!leg && isDetour(leg);
                  return {
                    lengthM: leg?.length_m ?? null,
                    mode,
                    fallback: leg?.fallback,
                    ...(flagged && leg ? { detour: leg.detour, crowM: leg.length_m / (leg.detour ?? 1) } : {}),
                  };
                })}
                onModeChange={(i, mode) => planner.edit((d) => setLegModeOf(d, i, mode))}
              />
            )}
            <ReviewPanel {...review.panel} official={officialZones} />
            <LayerPanel layers={layerItems} error={manifestError ? t('layers.error', { detail: manifestError }) : null} onToggle={onToggleLayer}>
              <UserLayersSection {...userLayers.section} />
            </LayerPanel>
            {basemap.switch}
            <RoutingSettings value={routing} onChange={setRouting} />
          </div>
        </aside>
        <main className="cav-main">
          {/* what the map needs first, at its creation: its layers then come with its first frame
              rather than after the render that hands the controller up (later changes: the effects) */}
          <MapView
            onController={setController}
            options={{ manifest: manifestNow()?.manifest, basemap: basemap.shown }}
            unavailableMessage={t('map.unavailable')}
            label={t('map.label')}
          />
          {placeSearch.box}
          <button
            type="button"
            className="cav-panel-toggle"
            onClick={() => setPanelOpen((o) => !o)}
            aria-expanded={panelOpen}
            title={t(panelOpen ? 'app.panel.hide' : 'app.panel.show')}
            aria-label={t(panelOpen ? 'app.panel.hide' : 'app.panel.show')}
            data-testid="panel-toggle"
          >
            <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
              <path d={panelOpen ? 'M15.4 7.4 14 6l-6 6 6 6 1.4-1.4L10.8 12z' : 'M8.6 16.6 10 18l6-6-6-6-1.4 1.4 4.6 4.6z'} fill="currentColor" />
            </svg>
          </button>
          <section className="cav-profile" aria-labelledby="cav-profile-title" data-testid="profile-panel">
            <h2 id="cav-profile-title" className="cav-section-title">
              {t('profile.title')}
            </h2>
            <ElevationProfile
              distances={profile?.distances ?? []}
              elevations={profile?.elevations ?? []}
              onHover={(i) => controller?.setHover(i === null || !profile ? null : (profile.lonlats[i] ?? null))}
              emptyMessage={t('profile.empty')}
              markers={events.markers}
              highlight={review.profileRange}
            />
          </section>
          <Notices notices={notices} onDismiss={dismiss}>
            {share.banner && <SharedRouteBanner {...share.banner} />}
            {lease.role === 'reader' && (
              <div className="cav-readonly" data-testid="read-only">
                <span>{t('lease.reader')}</span>
                <button type="button" className="cav-btn cav-btn--primary" onClick={lease.takeOver} data-testid="take-over">
                  {t('lease.takeOver')}
                </button>
              </div>
            )}
          </Notices>
        </main>
      </div>
      {events.confirm.question && <ConfirmDialog {...events.confirm.question} onCancel={events.confirm.cancel} onChoose={events.confirm.choose} />}
      {events.roadbook.view && <RoadbookView {...events.roadbook.view} onClose={events.roadbook.close} />}
      {review.dossier && <ReviewDossier {...review.dossier} />}
      {userLayers.dialog && <ImportLayerDialog {...userLayers.dialog} />}
      {shortcutsOpen && <ShortcutsSheet onClose={() => setShortcutsOpen(false)} />}
    </MapControllerContext.Provider>
  );
}

function Logo() {
  // a spoil heap and an embankment
  return (
    <svg className="cav-logo" viewBox="0 0 40 40" width="36" height="36" aria-hidden="true">
      <rect width="40" height="40" rx="9" fill="#2b3038" />
      <path d="M5 29 L16 11 L27 29 Z" fill="#5b6470" />
      <path d="M13 29 L22 15 L33 29 Z" fill="#8a93a0" />
      <path d="M4 31.5 H36" stroke="#e07a2b" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}

class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('[cavalier] interface error', error, info.componentStack);
  }
  override render() {
    if (this.state.error) {
      return (
        <div className="cav-fatal" role="alert" data-testid="fatal-error">
          <h1>Une erreur est survenue / Something went wrong</h1>
          <p>{this.state.error.message}</p>
          <button type="button" onClick={() => location.reload()}>
            Recharger / Reload
          </button>
        </div>
      );
    }
    return this.props.children;
  }
}
