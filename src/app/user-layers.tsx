// Wiring of imported layers and DEM files: the « Importer une couche » dialog, the « Couches
// importées » section of the layer panel, the map (src/map/layers/user.ts), the worker (every
// byte is read, reprojected and merged there: workers/layer-engine.ts) and the browser's storage
// (src/adapters/layer-store.ts; the merged network is kept by the worker itself). App.tsx renders
// `section` inside the layer panel and `dialog` over the app; what the layers change reaches the
// planner and the review through the engine's epochs, not through counters kept here.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { FeatureCollection } from 'geojson';
import type { ErrorCode, GeoError } from '../core/errors';
import { CRS_CODES, CRS_LABELS, type CrsCode } from '../core/import/crs-names';
import type { LayerFormat } from '../core/import/layer';
import type { MapController } from '../map/map-controller';
import { userLayerSwatch, type UserLayerView } from '../map/layers/user';
import { deleteStoredLayer, loadStoredLayers, saveStoredLayer, LayerStoreError, type StoredLayer } from '../adapters/layer-store';
import { deleteStoredDem, loadStoredDem, saveStoredDem } from '../adapters/dem-store';
import { dataFile } from '../adapters/data-files';
import { ImportLayerDialog, type ImportPreviewView, type ImportRole } from '../ui/components/ImportLayerDialog';
import { UserLayersSection, type UserLayerItem } from '../ui/components/UserLayersSection';
import { EngineStoppedError, openFileInWorker, progressProxy, restoreDemInWorker, sendEmbeddedNetworkLines, type EngineClient } from '../../workers/client';
import type { DemInfo, LayerPreview, NetworkState, ProgressFn } from '../../workers/protocol';
import type { PushNotice } from '../ui/components/Notices';
import { useI18n } from '../ui/i18n';
import { type TFunction } from '../i18n/dictionary';
import { countText } from '../i18n/plural';
import { DEM_FILE_LIMIT_BYTES, LAYER_FILE_LIMIT_BYTES } from './import-limits';
import { formatError } from '../i18n/messages';
import { TERRARIUM_ATTRIBUTION, TERRARIUM_NAME, TERRARIUM_URL } from '../core/elevation/terrain-tiles';
import { ALTIMETRY_ATTRIBUTION } from '../core/elevation/altimetry';
import { choicePreference } from '../adapters/preferences';

/** Off until asked: offline pages and tests send nothing to the Géoplateforme. */
const ONLINE_RELIEF = choicePreference('cavalier.relief.online', ['ign', 'off'] as const, 'off');
import './user-layers.css';

export interface UserLayersDeps {
  engine: EngineClient | null;
  controller: MapController | null;
  push: (n: PushNotice) => void;
  /** the embedded network is in the current worker: imported network layers are restored into it then */
  networkReady: boolean;
  networkError: string | null;
  /** the engine's relief epoch as a key: refreshes the relief label */
  reliefKey: string;
  /** [west, south, east, north] of the current route or active track (null: nothing drawn), for online elevation tiles */
  routeBbox?: () => [number, number, number, number] | null;
}

export interface UserLayers {
  /** « Couches importées » and the relief, for the top of the layer panel */
  section: ReactNode;
  /** the import dialog, when open */
  dialog: ReactNode;
}

type LayerState = StoredLayer & { stored: boolean };

type Phase = Parameters<ProgressFn>[0] | 'send' | 'dem';

interface DialogState {
  kind: 'layer' | 'dem';
  fileName: string | null;
  token: string | null;
  busy: { phase: Phase; done: number; total: number } | null;
  error: string | null;
  preview: LayerPreview | null;
  /** the projection could not be detected */
  unknown: boolean;
  declared: string | null;
  crsChoice: CrsCode | 'auto';
  /** read positions as (y, x) */
  swapAxes: boolean;
  /** the worker's 'import.crs-proposed' or 'import.axes-swapped', as a warning or as the error */
  proposal: GeoError | null;
  role: ImportRole;
  roleTouched: boolean;
}

/** What applying a proposal changes: the system read, or the axes' order. */
function proposedReading(p: GeoError, swapAxes: boolean): { crsChoice?: CrsCode; swapAxes: boolean } | null {
  if (p.code === 'import.axes-swapped') return { swapAxes: !swapAxes };
  const crs = p.detail?.proposed;
  return p.code === 'import.crs-proposed' && (CRS_CODES as readonly unknown[]).includes(crs) ? { crsChoice: crs as CrsCode, swapAxes } : null;
}

const isProposal = (e: GeoError) => e.code === 'import.crs-proposed' || e.code === 'import.axes-swapped';

const FORMAT_LABELS: Record<LayerFormat, string> = {
  geojson: 'GeoJSON',
  'overpass-json': 'Overpass (OpenStreetMap)',
  'osm-xml': 'OpenStreetMap (.osm)',
  gpx: 'GPX',
  kml: 'KML',
  shapefile: 'Shapefile (.zip)',
};

const newDialog = (kind: 'layer' | 'dem'): DialogState => ({
  kind,
  fileName: null,
  token: null,
  busy: null,
  error: null,
  preview: null,
  unknown: false,
  declared: null,
  crsChoice: 'auto',
  swapAxes: false,
  proposal: null,
  role: 'reference',
  roleTouched: false,
});

const newLayerId = () =>
  typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `layer-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** The role a file most likely has: OSM exports are paths, areas alone are usually zones to respect. */
function defaultRole(p: LayerPreview): ImportRole {
  if (p.format === 'overpass-json' || p.format === 'osm-xml') return 'network';
  const c = p.geometryCounts;
  if (c.polygon > 0 && c.line === 0 && c.point === 0) return 'sensitive';
  return 'reference';
}

function storeProblem(err: unknown, t: TFunction): string {
  if (err instanceof LayerStoreError) {
    if (err.kind === 'quota') return t('userLayers.storeQuota');
    if (err.kind === 'unavailable') return t('userLayers.storeUnavailable');
  }
  return err instanceof Error ? err.message : String(err);
}

/** A failed worker call: the worker died under the file (memory?), or something nobody foresaw. */
const unexpected = (t: TFunction, err: unknown) =>
  err instanceof EngineStoppedError ? t('userLayers.engineStopped') : t('userLayers.unexpected', { detail: String(err) });

const recordOf = (l: StoredLayer) => {
  const { importedAt: _i, visible: _v, ...rec } = l as LayerState;
  delete (rec as Partial<LayerState>).stored;
  return rec;
};

export function useUserLayers({ engine, controller, push, networkReady: baseReady, networkError, reliefKey, routeBbox }: UserLayersDeps): UserLayers {
  const { t, lang, formatNumber } = useI18n();
  const [layers, setLayers] = useState<LayerState[]>([]);
  const [joins, setJoins] = useState<FeatureCollection | null>(null);
  const [dem, setDem] = useState<DemInfo | null>(null);
  /** the DEM file being read, shown in the relief section */
  const [demBusy, setDemBusy] = useState<string | null>(null);
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [tolerance, setTolerance] = useState(50);
  const session = useRef(0);
  const base = useRef<{ engine: EngineClient; sent: Promise<boolean> } | null>(null);
  const storeWarned = useRef(false);
  /** the worker the layers were last restored into: a restarted worker gets them again */
  const restoredFor = useRef<EngineClient | null>(null);
  const layersRef = useRef<LayerState[]>([]);
  const latest = useRef({ t, lang, push });
  latest.current = { t, lang, push };
  const dialogRef = useRef(dialog);
  layersRef.current = layers;
  dialogRef.current = dialog;

  const [networkOrigin, setNetworkOrigin] = useState<'prebuilt' | 'rebuilt' | null>(null);
  const networkChanged = useCallback(
    (n: NetworkState | undefined) => {
      if (!n) return;
      setJoins(n.merged && n.joins.features.length > 0 ? n.joins : null);
      setNetworkOrigin(n.merged ? (n.prebuilt ? 'prebuilt' : 'rebuilt') : null);
    },
    [],
  );

  /** The embedded network's lines, sent to the worker once (needed to merge network layers). */
  const ensureBase = useCallback((): Promise<boolean> => {
    if (!engine) return Promise.resolve(false);
    if (base.current?.engine === engine) return base.current.sent;
    const sent = (async () => {
      try {
        const [meta, lines] = await Promise.all([dataFile('data/network.json', 'json'), dataFile('data/network-lines.geojson', 'bytes')]);
        if (!meta.ok || !lines.ok) {
          base.current = null;
          return false;
        }
        const buf = lines.value;
        const declared = (meta.value as { joinTolerance_m?: unknown } | null)?.joinTolerance_m;
        const tol = typeof declared === 'number' ? declared : 50;
        setTolerance(tol);
        await sendEmbeddedNetworkLines(engine, buf, tol);
        return true;
      } catch {
        base.current = null;
        return false;
      }
    })();
    base.current = { engine, sent };
    return sent;
  }, [engine]);

  const persist = useCallback(async (layer: LayerState): Promise<boolean> => {
    const { stored: _s, ...rec } = layer;
    try {
      await saveStoredLayer(rec);
      return true;
    } catch (err) {
      if (!storeWarned.current) {
        storeWarned.current = true;
        const { t, push } = latest.current;
        push({ id: 'layer-store', kind: 'warning', text: t('userLayers.storeFailed', { detail: storeProblem(err, t) }), timeout: 0 });
      }
      return false;
    }
  }, []);

  // ── restore the saved layers, once the embedded network is in the worker ──
  const networkReady = baseReady || networkError !== null;
  useEffect(() => {
    if (!engine || !networkReady || restoredFor.current === engine) return;
    // first the saved layers; into a restarted worker, the layers of this page (saved or not)
    const fromStore = restoredFor.current === null;
    restoredFor.current = engine;
    void (async () => {
      const { t, lang, push } = latest.current;
      let records: StoredLayer[];
      if (!fromStore) {
        records = layersRef.current;
      } else {
        try {
          records = await loadStoredLayers();
        } catch (err) {
          // no storage at all (private window): nothing was saved, nothing to say until an import
          if (!(err instanceof LayerStoreError && err.kind === 'unavailable')) push({ kind: 'warning', text: t('userLayers.restoreFailed', { detail: storeProblem(err, t) }) });
          return;
        }
      }
      if (records.length === 0) return;
      if (records.some((r) => r.role === 'network') && !(await ensureBase())) {
        push({ kind: 'warning', text: t('userLayers.restoreNetworkFailed', { detail: t('userLayers.baseMissing') }), timeout: 0 });
        records = records.filter((r) => r.role !== 'network');
      }
      // the worker reads its kept merged network back itself when it was built from these layers
      const r = await engine.restoreLayers(records.map(recordOf));
      let kept = records;
      if (!r.ok) {
        push({ kind: 'warning', text: t('userLayers.restoreNetworkFailed', { detail: formatError(r.error, lang) }), timeout: 0 });
        kept = records.filter((l) => l.role !== 'network');
      } else {
        const infos = new Map(r.value.layers.map((l) => [l.id, l]));
        kept = records.map((l) => ({ ...l, networkLines: infos.get(l.id)?.networkLines }));
        networkChanged(r.value.network);
      }
      if (!fromStore) {
        const ids = new Set(kept.map((k) => k.id));
        setLayers((prev) => prev.filter((l) => ids.has(l.id) || !records.some((r) => r.id === l.id)).map((l) => ({ ...l, networkLines: kept.find((k) => k.id === l.id)?.networkLines ?? l.networkLines })));
        return;
      }
      setLayers((prev) => [...kept.map((l) => ({ ...l, stored: true })), ...prev.filter((p) => !kept.some((k) => k.id === p.id))]);
    })();
  }, [engine, networkReady, ensureBase, networkChanged]);

  // ── the map ──
  useEffect(() => {
    if (!controller) return;
    const views: UserLayerView[] = layers.map((l) => ({ id: l.id, title: t('userLayers.popupTitle', { name: l.name }), role: l.role, fc: l.fc, visible: l.visible }));
    controller.setUserLayers(views, joins ? { title: t('userLayers.joins'), fc: joins } : null);
  }, [controller, layers, joins, t]);

  // ── the relief label ──
  useEffect(() => {
    if (!engine) return;
    let alive = true;
    engine.currentDem().then((d) => alive && setDem(d));
    return () => {
      alive = false;
    };
  }, [engine, reliefKey]);

  // ── import dialog ──
  // a progress callback for one worker call; the worker's last reports may arrive after its
  // answer: stop() drops them
  const progress = useCallback((s: number) => {
    let live = true;
    const fn = progressProxy((phase, done, total) => {
      if (live && session.current === s) setDialog((d) => d && d.busy && { ...d, busy: { phase, done, total } });
    });
    return { fn, stop: () => (live = false) };
  }, []);

  const runPreview = useCallback(
    async (s: number, token: string, from: CrsCode | undefined, swapAxes: boolean) => {
      if (!engine) return;
      const { t, lang } = latest.current;
      setDialog((d) => d && { ...d, token, busy: { phase: 'read', done: 0, total: 0 }, error: null, proposal: null });
      const bar = progress(s);
      try {
        const r = await engine.previewLayer(token, from, bar.fn, swapAxes);
        bar.stop();
        if (session.current !== s) return;
        if (r.ok) {
          const p = r.value;
          setDialog(
            (d) =>
              d && {
                ...d,
                busy: null,
                preview: p,
                proposal: p.warnings.find(isProposal) ?? null,
                unknown: d.unknown || p.crs.crs === 'unknown',
                role: d.roleTouched ? d.role : defaultRole(p),
              },
          );
        } else if (r.error.code === 'crs.unknown') {
          const declared = r.error.detail?.declared;
          setDialog((d) => d && { ...d, busy: null, preview: null, unknown: true, declared: typeof declared === 'string' ? declared : null });
        } else {
          const proposal = isProposal(r.error) ? r.error : null;
          setDialog((d) => d && { ...d, busy: null, preview: null, proposal, error: `${formatError(r.error, lang)} ${t('importLayer.nothingChanged')}` });
        }
      } catch (err) {
        bar.stop();
        if (session.current === s) setDialog((d) => d && { ...d, busy: null, preview: null, error: unexpected(t, err) });
      }
    },
    [engine, progress],
  );

  // ── the user's DEM, kept across reloads and worker restarts (src/adapters/dem-store.ts) ──
  const keepDem = useCallback(async () => {
    if (!engine) return;
    const grid = await engine.importedDem().catch(() => null);
    if (!grid) return;
    try {
      await saveStoredDem(grid);
    } catch (err) {
      const { t, push } = latest.current;
      push({ id: 'dem-store', kind: 'warning', text: t('dem.storeFailed', { detail: storeProblem(err, t) }), timeout: 0 });
    }
  }, [engine]);
  const demRestoredFor = useRef<EngineClient | null>(null);
  useEffect(() => {
    if (!engine || demRestoredFor.current === engine) return;
    demRestoredFor.current = engine;
    loadStoredDem()
      .then((grid) => (grid ? restoreDemInWorker(engine, grid) : null))
      .catch(() => {
        // nothing stored, or no storage: the relief stays
      });
  }, [engine]);

  const finishDem = useCallback(
    async (s: number, token: string, fileName: string, from: CrsCode | undefined) => {
      if (!engine) return;
      const { t, lang, push } = latest.current;
      setDemBusy(fileName);
      try {
        const r = await engine.loadDemFile(token, from);
        if (r.ok) {
          void keepDem();
          if (session.current === s) setDialog(null);
          push({ id: 'dem', text: t('dem.loaded', { name: r.value.name }) });
          for (const w of r.warnings) push({ kind: 'warning', text: formatError(w, lang) });
          return;
        }
        if (r.error.code === 'crs.unknown') {
          // the grid is fine but its extent fits no known system: ask
          session.current = s;
          setDialog({ ...newDialog('dem'), fileName, token, unknown: true });
          return;
        }
        const text = t('dem.failed', { detail: formatError(r.error, lang) });
        void engine.discardFile(token);
        if (session.current === s && dialogRef.current?.kind === 'dem') setDialog((d) => d && { ...d, busy: null, error: text, token: null });
        else push({ id: 'dem', kind: 'error', text, timeout: 0 });
      } catch (err) {
        push({ id: 'dem', kind: 'error', text: t('dem.failed', { detail: String(err) }), timeout: 0 });
      } finally {
        setDemBusy(null);
      }
    },
    [engine, keepDem],
  );

  const openDialog = useCallback(() => {
    session.current++;
    setDialog(newDialog('layer'));
    // fetched now, so that a network layer merges without waiting
    void ensureBase();
  }, [ensureBase]);

  const closeDialog = useCallback(() => {
    session.current++;
    const token = dialogRef.current?.token;
    if (token && engine) void engine.discardFile(token);
    setDialog(null);
  }, [engine]);

  const pickFile = useCallback(
    async (file: File) => {
      if (!engine) return;
      const { t, lang } = latest.current;
      const kind = dialogRef.current?.kind ?? 'layer';
      const s = ++session.current;
      const limit = kind === 'dem' ? DEM_FILE_LIMIT_BYTES : LAYER_FILE_LIMIT_BYTES;
      // refused before reading a byte
      if (file.size > limit) {
        setDialog({ ...newDialog(kind), fileName: file.name, error: t(kind === 'dem' ? 'dem.tooLarge' : 'userLayers.tooLarge', { mb: mb(file.size), limit: mb(limit) }) });
        return;
      }
      setDialog({ ...newDialog(kind), fileName: file.name, busy: { phase: kind === 'dem' ? 'dem' : 'send', done: 0, total: 0 } });
      try {
        const opened = await openFileInWorker(engine, file);
        if (session.current !== s) return;
        if (!opened.ok) {
          setDialog((d) => d && { ...d, busy: null, error: `${formatError(opened.error, lang)} ${t('importLayer.nothingChanged')}` });
          return;
        }
        if (kind === 'dem') await finishDem(s, opened.value.token, file.name, undefined);
        else await runPreview(s, opened.value.token, undefined, false);
      } catch (err) {
        if (session.current === s) setDialog((d) => d && { ...d, busy: null, error: unexpected(t, err) });
      }
    },
    [engine, runPreview, finishDem],
  );

  const changeCrs = useCallback(
    (crs: CrsCode | 'auto') => {
      const d = dialogRef.current;
      if (!d) return;
      setDialog({ ...d, crsChoice: crs, error: d.kind === 'dem' ? null : d.error });
      if (d.kind === 'layer' && d.token && !(d.unknown && crs === 'auto')) void runPreview(session.current, d.token, crs === 'auto' ? undefined : crs, d.swapAxes);
    },
    [runPreview],
  );

  /** Reads the file again with the axes exchanged, or in the proposed system. */
  const reread = useCallback(
    (next: { crsChoice?: CrsCode; swapAxes: boolean }) => {
      const d = dialogRef.current;
      if (!d || d.kind !== 'layer' || !d.token) return;
      const crsChoice = next.crsChoice ?? d.crsChoice;
      setDialog({ ...d, crsChoice, swapAxes: next.swapAxes });
      if (!(d.unknown && crsChoice === 'auto')) void runPreview(session.current, d.token, crsChoice === 'auto' ? undefined : crsChoice, next.swapAxes);
    },
    [runPreview],
  );

  const confirm = useCallback(async () => {
    const d = dialogRef.current;
    if (!engine || !d || !d.token) return;
    const { t, lang, push } = latest.current;
    const s = session.current;
    if (d.kind === 'dem') {
      if (d.crsChoice === 'auto') return;
      setDialog({ ...d, busy: { phase: 'dem', done: 0, total: 0 }, error: null });
      await finishDem(s, d.token, d.fileName ?? '', d.crsChoice);
      return;
    }
    if (!d.preview) return;
    const role = d.role;
    setDialog({ ...d, busy: { phase: role === 'network' ? 'network' : 'read', done: 0, total: 0 }, error: null });
    try {
      if (role === 'network' && !(await ensureBase())) {
        if (session.current === s) setDialog((x) => x && { ...x, busy: null, error: `${formatError({ code: 'network.empty' }, lang)} ${t('importLayer.nothingChanged')}` });
        return;
      }
      const bar = progress(s);
      const r = await engine.addLayer(d.token, role, newLayerId(), bar.fn).finally(bar.stop);
      if (!r.ok) {
        if (session.current === s) setDialog((x) => x && { ...x, busy: null, error: `${formatError(r.error, lang)} ${t('importLayer.nothingChanged')}` });
        return;
      }
      // kept by the worker: shown even if the dialog was closed meanwhile
      const layer: LayerState = { ...r.value.layer, fc: r.value.fc, importedAt: new Date().toISOString(), visible: true, stored: true };
      setLayers((prev) => [...prev, layer]);
      if (session.current === s) setDialog(null);
      networkChanged(r.value.network);
      controller?.fitTo(layer.bbox, { maxZoom: 15 });
      const features = countText(t, 'userLayers.features', layer.featureCount, formatNumber);
      const skipped = d.preview.skippedCount;
      const roleText = ` (${t(`userLayers.role.${role}.short`).toLowerCase()})`;
      push({
        id: 'import-layer',
        text:
          skipped > 0
            ? t('userLayers.addedSkipped', { name: layer.name, role: roleText, features, skipped: countText(t, 'userLayers.skipped', skipped, formatNumber) })
            : t('userLayers.added', { name: layer.name, features, role: roleText }),
      });
      if (role === 'network') {
        if ((layer.networkLines ?? 0) === 0) push({ id: 'import-network', kind: 'warning', text: t('userLayers.noNetworkLines'), timeout: 12000 });
        else
          push({
            id: 'import-network',
            text: t('userLayers.networkMerged', {
              lines: countText(t, 'userLayers.lines', layer.networkLines ?? 0, formatNumber),
              joins: countText(t, 'userLayers.joins', r.value.network?.joins.features.length ?? 0, formatNumber),
            }),
          });
      }
      if (!(await persist(layer))) setLayers((prev) => prev.map((l) => (l.id === layer.id ? { ...l, stored: false } : l)));
    } catch (err) {
      if (session.current === s) setDialog((x) => x && { ...x, busy: null, error: unexpected(t, err) });
    }
  }, [engine, controller, ensureBase, progress, networkChanged, persist, finishDem, formatNumber]);

  // ── layer list ──
  const remove = useCallback(
    async (id: string) => {
      if (!engine) return;
      const { t, lang, push } = latest.current;
      const layer = layers.find((l) => l.id === id);
      const r = await engine.removeLayer(id);
      if (!r.ok) {
        push({ kind: 'error', text: formatError(r.error, lang) });
        return;
      }
      setLayers((prev) => prev.filter((l) => l.id !== id));
      networkChanged(r.value.network);
      if (layer) push({ id: 'import-layer', text: t(layer.role === 'network' ? 'userLayers.removedNetwork' : 'userLayers.removed', { name: layer.name }) });
      deleteStoredLayer(id).catch(() => {
        // a layer the storage never held, or storage gone: nothing more to lose
      });
    },
    [engine, layers, networkChanged],
  );

  const toggle = useCallback(
    (id: string, visible: boolean) => {
      setLayers((prev) => {
        const next = prev.map((l) => (l.id === id ? { ...l, visible } : l));
        const changed = next.find((l) => l.id === id);
        if (changed?.stored) void persist(changed);
        return next;
      });
    },
    [persist],
  );

  const zoom = useCallback(
    (id: string) => {
      const l = layers.find((x) => x.id === id);
      if (l) controller?.fitTo(l.bbox, { maxZoom: 16 });
    },
    [layers, controller],
  );

  const loadDem = useCallback(
    async (file: File) => {
      if (!engine) return;
      const { t, lang, push } = latest.current;
      if (file.size > DEM_FILE_LIMIT_BYTES) {
        push({ id: 'dem', kind: 'error', text: t('dem.tooLarge', { mb: mb(file.size), limit: mb(DEM_FILE_LIMIT_BYTES) }), timeout: 0 });
        return;
      }
      const s = ++session.current;
      setDemBusy(file.name);
      try {
        const opened = await openFileInWorker(engine, file);
        if (!opened.ok) {
          push({ id: 'dem', kind: 'error', text: t('dem.failed', { detail: formatError(opened.error, lang) }), timeout: 0 });
          return;
        }
        await finishDem(s, opened.value.token, file.name, undefined);
      } catch (err) {
        push({ id: 'dem', kind: 'error', text: t('dem.failed', { detail: String(err) }), timeout: 0 });
      } finally {
        setDemBusy(null);
      }
    },
    [engine, finishDem],
  );

  const resetDem = useCallback(async () => {
    if (!engine) return;
    await engine.restoreApproximateDem();
    await deleteStoredDem().catch(() => {});
    push({ id: 'dem', text: latest.current.t('dem.resetDone') });
  }, [engine, push]);

  // online elevation tiles over the current route (the worker fetches and decodes them)
  const loadTiles = useCallback(
    async (template: string) => {
      if (!engine) return;
      const { t: tr, lang: lg } = latest.current;
      const bbox = routeBbox?.() ?? null;
      if (!bbox) {
        push({ id: 'dem', kind: 'error', text: tr('dem.failed', { detail: formatError({ code: 'dem.tiles-none' }, lg) }), timeout: 0 });
        return;
      }
      let name = TERRARIUM_NAME;
      if (template !== TERRARIUM_URL) {
        let host = template;
        try {
          host = new URL(template.replace(/\{[zxy]\}/g, '0')).host;
        } catch {
          /* shown as typed */
        }
        name = tr('dem.tiles.customName', { host });
      }
      setDemBusy(tr('dem.tiles.reading'));
      try {
        const r = await engine.loadTerrainTiles({ template, name, bbox });
        if (r.ok) {
          void keepDem();
          push({ id: 'dem', text: tr('dem.loaded', { name: r.value.name }) });
        } else push({ id: 'dem', kind: 'error', text: tr('dem.failed', { detail: formatError(r.error, lg) }), timeout: 0 });
      } catch (err) {
        push({ id: 'dem', kind: 'error', text: tr('dem.failed', { detail: String(err) }), timeout: 0 });
      } finally {
        setDemBusy(null);
      }
    },
    [engine, push, routeBbox, keepDem],
  );

  // ── rendering ──
  const items = useMemo<UserLayerItem[]>(
    () =>
      layers.map((l) => ({
        id: l.id,
        name: l.name,
        role: l.role,
        fileName: l.fileName,
        featureCount: l.featureCount,
        visible: l.visible,
        swatch: userLayerSwatch(l.role, l.geometryCounts),
        networkLines: l.networkLines,
        stored: l.stored,
      })),
    [layers],
  );

  const demLabel = dem ? t(dem.approximate ? 'elevation.demApprox' : 'elevation.dem', { name: dem.name }) : t('dem.none');

  // ── the IGN altimetry, the preferred online source of profiles (remembered; the engine asks it) ──
  const [onlineRelief, setOnlineRelief] = useState(() => ONLINE_RELIEF.get() === 'ign');
  useEffect(() => {
    if (engine) void engine.setOnlineRelief(onlineRelief ? {} : null).catch(() => {});
  }, [engine, onlineRelief]);
  const switchOnlineRelief = useCallback((on: boolean) => {
    ONLINE_RELIEF.set(on ? 'ign' : 'off');
    setOnlineRelief(on);
  }, []);

  const section = (
    <UserLayersSection
      layers={items}
      networkOrigin={networkOrigin}
      onImport={openDialog}
      onToggle={toggle}
      onZoom={zoom}
      onRemove={(id) => void remove(id)}
      demLabel={demLabel}
      canResetDem={dem !== null && !dem.approximate}
      demBusy={demBusy}
      onLoadDem={(f) => void loadDem(f)}
      onResetDem={() => void resetDem()}
      onlineRelief={{ on: onlineRelief, attribution: ALTIMETRY_ATTRIBUTION, onChange: switchOnlineRelief }}
      tilesDefaultUrl={TERRARIUM_URL}
      tilesAttribution={TERRARIUM_ATTRIBUTION}
      onUseTiles={(url) => void loadTiles(url)}
    />
  );

  let dialogNode: ReactNode = null;
  if (dialog) {
    const p = dialog.preview;
    const detected = p && p.crs.crs !== 'unknown' && p.crs.by !== 'none' ? p.crs.crs : null;
    const preview: ImportPreviewView | null = p && {
      name: p.name,
      formatLabel: FORMAT_LABELS[p.format],
      featureCount: p.featureCount,
      geometryCounts: p.geometryCounts,
      crs: detected ?? p.from,
      how: p.crs.by === 'none' ? 'coordinates' : p.crs.by,
      // the proposal is shown by the projection choice, with its button
      notes: p.warnings.filter((w) => w.code !== 'import.skipped' && !isProposal(w)).map((w: GeoError) => formatError(w, lang)),
      skippedCount: p.skippedCount,
      skipped: p.skipped.slice(0, 50).map((s) => {
        const which = s.name ? t('importLayer.skipped.itemNamed', { n: s.index + 1, name: s.name }) : t('importLayer.skipped.item', { n: s.index + 1 });
        return `${which}${lang === 'fr' ? '\u00a0: ' : ': '}${formatError({ code: s.reason as ErrorCode }, lang)}`;
      }),
    };
    const busy = dialog.busy && {
      label:
        dialog.busy.phase === 'convert' && dialog.busy.total > 0
          ? t('importLayer.phase.convert', { done: formatNumber(dialog.busy.done), total: formatNumber(dialog.busy.total) })
          : t(`importLayer.phase.${dialog.busy.phase === 'convert' ? 'read' : dialog.busy.phase}`),
      fraction: dialog.busy.total > 0 ? dialog.busy.done / dialog.busy.total : null,
    };
    const crsFixed = p !== null && p.crs.by === 'format';
    const reading = dialog.proposal && proposedReading(dialog.proposal, dialog.swapAxes);
    const proposal =
      dialog.proposal && reading
        ? {
            // as an error, the message is already on top of the dialog
            text: p ? formatError(dialog.proposal, lang) : null,
            action: reading.crsChoice ? t('importLayer.proposal.crs', { crs: CRS_LABELS[reading.crsChoice][lang] }) : t('importLayer.proposal.swap'),
          }
        : null;
    const canConfirm =
      !dialog.busy &&
      dialog.token !== null &&
      (dialog.kind === 'dem' ? dialog.crsChoice !== 'auto' : p !== null && !(dialog.unknown && dialog.crsChoice === 'auto'));
    dialogNode = (
      <ImportLayerDialog
        kind={dialog.kind}
        fileName={dialog.fileName}
        busy={busy}
        error={dialog.error}
        preview={preview}
        crsNeeded={dialog.unknown}
        declaredCrs={dialog.declared}
        crsChoice={dialog.crsChoice}
        crsFixed={crsFixed}
        swapAxes={dialog.swapAxes}
        proposal={proposal}
        role={dialog.role}
        joinTolerance_m={tolerance}
        canConfirm={canConfirm}
        onPickFile={(f) => void pickFile(f)}
        onCrsChange={changeCrs}
        onSwapChange={(swapAxes) => reread({ swapAxes })}
        onApplyProposal={() => reading && reread(reading)}
        onRoleChange={(role) => setDialog((d) => d && { ...d, role, roleTouched: true })}
        onConfirm={() => void confirm()}
        onCancel={closeDialog}
      />
    );
  }

  return { section, dialog: dialogNode };
}
