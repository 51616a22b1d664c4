// The application shell: a full-screen map, a side panel (tools, figures, layers, basemap),
// the elevation profile under the map, and toasts. Route state is wired by src/state (see ROUTE below).

import { Component, useCallback, useEffect, useMemo, useRef, useState, type ErrorInfo, type ReactNode } from 'react';
import type { LayerManifest } from '../core/layers';
import { MapControllerContext, MapView } from '../map/MapView';
import type { BasemapId, MapController } from '../map/map-controller';
import { swatchFor } from '../map/styles';
import { BasemapSwitch } from '../ui/components/BasemapSwitch';
import { ElevationProfile } from '../ui/components/ElevationProfile';
import { LayerPanel, type LayerPanelItem } from '../ui/components/LayerPanel';
import { Notices, type Notice } from '../ui/components/Notices';
import { StatsPanel } from '../ui/components/StatsPanel';
import { Toolbar, type LegMode } from '../ui/components/Toolbar';
import { LegList } from '../ui/components/LegList';
import { RoutingSettings, type RoutingChoice } from '../ui/components/RoutingSettings';
import { TrackList } from '../ui/components/TrackList';
import { describeElevationSource } from '../ui/components/elevation-source';
import { useEngine } from '../ui/hooks/use-engine';
import { readTrack } from '../../workers/client';
import { usePlanner } from '../ui/hooks/use-planner';
import { useRouteEditing } from '../ui/hooks/use-route-editing';
import { addTrack, removeTrack, renameRoute, setActive, setLegMode as setLegModeOf, clearRoute } from '../state/planner';
import { safeFileName } from '../core/event/filename';
import { download } from '../ui/download';
import { formatError } from './messages';
import { I18nProvider, LANGS, useI18n, type I18nKey } from './i18n';
import { useEventWorkspace } from './event-workspace';
import { useTabLease } from '../ui/hooks/use-tab-lease';
import { useUserLayers } from './user-layers';
import { useReviewWorkspace } from './review-workspace';
import { useReviewSetup } from '../ui/hooks/use-review';

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

function isManifest(x: unknown): x is LayerManifest {
  const m = x as LayerManifest;
  return !!m && m.version === 1 && Array.isArray(m.layers) && Array.isArray(m.bbox) && m.bbox.length === 4;
}

/** Reads data/layers.json next to the page. */
function useManifest(): { manifest: LayerManifest | null; error: string | null } {
  const [state, setState] = useState<{ manifest: LayerManifest | null; error: string | null }>({ manifest: null, error: null });
  useEffect(() => {
    const controller = new AbortController();
    const url = new URL('data/layers.json', document.baseURI);
    fetch(url, { signal: controller.signal })
      .then(async (res) => {
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const json: unknown = await res.json();
        if (!isManifest(json)) throw new Error('layers.json: format inattendu');
        setState({ manifest: json, error: null });
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setState({ manifest: null, error: err instanceof Error ? err.message : String(err) });
      });
    return () => controller.abort();
  }, []);
  return state;
}

// ── notices ───────────────────────────────────────────────────────────────────

export interface PushNotice {
  /** a notice with the same id replaces the previous one */
  id?: string;
  kind?: Notice['kind'];
  text: string;
  /** ms before it disappears; 0 keeps it */
  timeout?: number;
  action?: Notice['action'];
}

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
      if (timeout > 0) timers.current.set(id, setTimeout(() => dismiss(id), timeout));
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

const BASEMAP_KEY = 'cavalier.basemap';
const ROUTING_KEY = 'cavalier.routing';

function savedRouting(): RoutingChoice {
  try {
    const v = JSON.parse(localStorage.getItem(ROUTING_KEY) ?? 'null') as RoutingChoice | null;
    if (v?.kind === 'brouter' && typeof v.baseUrl === 'string' && typeof v.profile === 'string') return v;
  } catch {
    // storage unavailable or unreadable: the embedded network
  }
  return { kind: 'graph' };
}

function savedBasemap(): BasemapId {
  try {
    const v = localStorage.getItem(BASEMAP_KEY);
    if (v === 'osm' || v === 'ign' || v === 'none') return v;
  } catch {
    // storage unavailable
  }
  return 'none';
}

function Shell() {
  const { t, lang, setLang } = useI18n();
  const tRef = useRef(t);
  tRef.current = t;
  const [controller, setController] = useState<MapController | null>(null);
  const { manifest, error: manifestError } = useManifest();
  const [visibility, setVisibility] = useState<Record<string, boolean>>({});
  const [failedLayers, setFailedLayers] = useState<Record<string, true>>({});
  const [basemap, setBasemap] = useState<BasemapId>(savedBasemap);
  const [basemapFailed, setBasemapFailed] = useState(false);
  const [panelOpen, setPanelOpen] = useState(true);
  const { notices, push, dismiss } = useNotices();

  // ── route ──
  const [drawing, setDrawing] = useState(false);
  const [legMode, setLegMode] = useState<LegMode>('network');
  const { engine, networkVersion, demVersion: reliefVersion, networkError, networkReady, health, restart } = useEngine(manifest);
  useEffect(() => {
    if (health.stops === 0) return;
    const t = tRef.current;
    if (health.gaveUp) push({ id: 'engine', kind: 'error', text: t('engine.gaveUp'), timeout: 0, action: { label: t('engine.restart'), run: restart } });
    else push({ id: 'engine', kind: 'warning', text: t('engine.restarted'), timeout: 0 });
  }, [health.stops, health.gaveUp, push, restart]);
  useEffect(() => {
    if (health.slow) push({ id: 'engine-slow', kind: 'warning', text: tRef.current('engine.slow'), timeout: 0, action: { label: tRef.current('engine.restart'), run: restart } });
    else dismiss('engine-slow');
  }, [health.slow, push, dismiss, restart]);
  // imported layers and DEM files (see user-layers.tsx): they change the network and the elevations
  // the current route's (or active track's) extent, for the online elevation tiles; set below, once the planner is known
  const routeBboxRef = useRef<() => [number, number, number, number] | null>(() => null);
  const routeBbox = useCallback(() => routeBboxRef.current(), []);
  const userLayers = useUserLayers({ engine, controller, push, networkReady, networkError, demVersion: reliefVersion, routeBbox });
  const demVersion = reliefVersion + userLayers.demVersion;
  const [routing, setRouting] = useState<RoutingChoice>(savedRouting);
  const [routingVersion, setRoutingVersion] = useState(0);
  useEffect(() => {
    if (!engine) return;
    // comlink keeps call order: every legs() after this uses the new provider
    void engine.setProvider(routing);
    setRoutingVersion((v) => v + 1);
    try {
      localStorage.setItem(ROUTING_KEY, JSON.stringify(routing));
    } catch {
      // storage unavailable
    }
  }, [engine, routing]);
  // environmental review: sensitive zones in the worker, and the avoid setting (part of the routing key)
  const reviewSetup = useReviewSetup(engine, manifest, userLayers.sensitiveKey);
  const lease = useTabLease();
  const planner = usePlanner(engine, `${networkVersion}:${routingVersion}:${userLayers.networkVersion}:${reviewSetup.routingKey}`, demVersion, lease.role === 'reader');
  const { doc, legs, stats } = planner;
  const profile = stats?.profile ?? null;
  const elevationSourceLabel = describeElevationSource(stats?.elevationSource ?? { kind: 'none' }, t);
  const [selected, setSelected] = useState<number | null>(null);
  useRouteEditing({ controller, engine, planner, legMode, drawing, selected, setSelected, push });
  // events, formulas, course points, exports, project file and autosave (see event-workspace.tsx)
  const events = useEventWorkspace({ planner, engine, controller, push, drawing, setDrawing, demVersion, lease });
  // zones crossed and near, avoid mode, season, Natura 2000 dossier (see review-workspace.tsx)
  const review = useReviewWorkspace({ setup: reviewSetup, planner, controller, push, routingKind: routing.kind });

  // a leg the routing provider could not route says why, once
  useEffect(() => {
    const problem = legs.find((l) => l?.problem)?.problem;
    if (problem) push({ id: 'routing', kind: 'warning', text: formatError(problem, lang) });
  }, [legs, push, lang]);

  useEffect(() => {
    if (networkError) push({ id: 'network', kind: 'error', text: t('route.networkError', { detail: networkError }), timeout: 0 });
  }, [networkError, push, t]);

  // map ← route and tracks
  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  useEffect(() => {
    if (!controller) return;
    const { points, modes } = doc.route;
    controller.setRoute({
      // a leg still being computed is shown as a straight preview
      legs: modes.map((mode, i) => {
        const leg = legs[i];
        return leg ? { coordinates: leg.coords, mode, fallback: leg.fallback !== undefined } : { coordinates: [points[i], points[i + 1]], mode: 'straight' as const };
      }),
      points,
      selectedPoint: selectedRef.current,
    });
  }, [controller, doc.route, legs]);
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
      const id = `trk-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
      planner.edit((d) => addTrack(d, { id, track: r.value.track }));
      if (r.value.bbox) controller?.fitTo(r.value.bbox, { maxZoom: 15 });
      const n = r.value.track.segments.reduce((k, sg) => k + sg.length, 0);
      push({ id: 'import', text: t('import.done', { name: r.value.track.name, n }) });
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
  const onExportGpx = useCallback(async () => {
    if (!engine) return;
    const name = activeTrack ? activeTrack.track.name : doc.route.name;
    if (!activeTrack && !routeReady) {
      push({ kind: 'warning', text: t('export.empty') });
      return;
    }
    const gpx = activeTrack ? await engine.writeGpx(activeTrack.track) : await engine.routeGpx(name, legs.filter((l) => l !== null));
    const fileName = safeFileName([name], 'gpx');
    download(gpx, 'application/gpx+xml', fileName);
    push({ id: 'export', text: t('export.done', { name: fileName }) });
  }, [engine, activeTrack, doc.route.name, routeReady, legs, push, t]);

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

  // map ← app state
  useEffect(() => {
    if (!controller) return;
    if (manifest) controller.setManifest(manifest);
    else if (manifestError) controller.setManifest(null);
  }, [controller, manifest, manifestError]);

  useEffect(() => controller?.setLanguage(lang), [controller, lang]);
  useEffect(() => controller?.setDrawing(drawing), [controller, drawing]);
  useEffect(() => {
    controller?.setBasemap(basemap);
    setBasemapFailed(false);
    try {
      localStorage.setItem(BASEMAP_KEY, basemap);
    } catch {
      // ignore
    }
  }, [controller, basemap]);

  // map → app events
  useEffect(() => {
    if (!controller) return;
    const offs = [
      controller.on('basemaperror', () => {
        setBasemapFailed(true);
        push({ id: 'basemap', kind: 'warning', text: tRef.current('basemap.unavailable') });
      }),
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
            {events.panel}
            <Toolbar
              drawing={drawing}
              onDrawingChange={setDrawing}
              canUndo={planner.canUndo}
              canRedo={planner.canRedo}
              onUndo={planner.undo}
              onRedo={planner.redo}
              canClear={doc.route.points.length > 0}
              onClear={() => planner.edit(clearRoute)}
              onImportFile={onImportFile}
              canExport={activeTrack !== null || routeReady}
              onExportGpx={onExportGpx}
              legMode={legMode}
              onLegModeChange={setLegMode}
            />
            <TrackList
              routeName={doc.route.name}
              tracks={doc.tracks.map((tr) => ({ id: tr.id, name: tr.track.name }))}
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
              ways={activeTrack ? undefined : ways}
            />
            {events.coursePoints}
            {!activeTrack && (
              <LegList
                legs={doc.route.modes.map((mode, i) => ({ lengthM: legs[i]?.length_m ?? null, mode, fallback: legs[i]?.fallback }))}
                onModeChange={(i, mode) => planner.edit((d) => setLegModeOf(d, i, mode))}
              />
            )}
            {review.panel}
            <LayerPanel
              layers={layerItems}
              error={manifestError ? t('layers.error', { detail: manifestError }) : null}
              onToggle={onToggleLayer}
            >
              {userLayers.section}
            </LayerPanel>
            <BasemapSwitch value={basemap} onChange={setBasemap} unavailable={basemapFailed} />
            <RoutingSettings value={routing} onChange={setRouting} />
          </div>
        </aside>
        <main className="cav-main">
          <MapView onController={setController} unavailableMessage={t('map.unavailable')} label={t('map.label')} />
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
      {events.overlay}
      {review.overlay}
      {userLayers.dialog}
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
