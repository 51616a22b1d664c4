// The layers the user imported, as the page knows them: restored from the browser's storage
// (src/adapters/layer-store.ts) into the worker once the embedded network is there (again into
// a restarted worker), drawn on the map (src/map/layers/user.ts), saved, shown, hidden, removed.
// Network layers change the routing network: the worker keeps the merged network itself for the
// next load, and what changed reaches the planner and the review through the engine's epochs.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import type { MapController } from '../../map/map-controller';
import { userLayerSwatch, type UserLayerView } from '../../map/layers/user';
import { deleteStoredLayer, loadStoredLayers, saveStoredLayer, LayerStoreError, type StoredLayer } from '../../adapters/layer-store';
import { dataFile } from '../../adapters/data-files';
import { sendEmbeddedNetworkLines, type EngineClient } from '../../../workers/client';
import type { AddedLayer, NetworkState } from '../../../workers/protocol';
import { formatError } from '../../i18n/messages';
import type { TFunction } from '../../i18n/dictionary';
import type { ImportRole } from '../components/ImportLayerDialog';
import type { PushNotice } from '../components/Notices';
import type { UserLayerItem } from '../components/UserLayersSection';
import { useI18n } from '../i18n';

export interface LayerStoreDeps {
  engine: EngineClient | null;
  controller: MapController | null;
  push: (n: PushNotice) => void;
  /** the embedded network is in the current worker: imported network layers are restored into it then */
  networkReady: boolean;
  networkError: string | null;
}

export interface LayerStore {
  items: UserLayerItem[];
  /** where the merged network came from, or null when the embedded network is used alone */
  networkOrigin: 'prebuilt' | 'rebuilt' | null;
  /** the tolerance (m) within which imported network lines are joined to the rest */
  joinTolerance_m: number;
  /** the embedded network's lines, sent to the worker once (needed to merge network layers) */
  ensureBase: () => Promise<boolean>;
  /** a layer the worker just added: listed, framed, announced, saved */
  adopt: (added: AddedLayer, role: ImportRole, skipped: number) => Promise<void>;
  /** a layer the worker fetched itself (the OpenStreetMap paths of the view, the official zones): listed and saved, its notice is the caller's */
  adoptFetched: (added: AddedLayer) => Promise<void>;
  remove: (id: string) => void;
  toggle: (id: string, visible: boolean) => void;
  zoom: (id: string) => void;
}

type LayerState = StoredLayer & { stored: boolean };

/** What the user is told when the browser's storage refuses. */
export function storeProblem(err: unknown, t: TFunction): string {
  if (err instanceof LayerStoreError) {
    if (err.kind === 'quota') return t('userLayers.storeQuota');
    if (err.kind === 'unavailable') return t('userLayers.storeUnavailable');
  }
  return err instanceof Error ? err.message : String(err);
}

const recordOf = (l: StoredLayer) => {
  const { importedAt: _i, visible: _v, ...rec } = l as LayerState;
  delete (rec as Partial<LayerState>).stored;
  return rec;
};

export function useLayerStore({ engine, controller, push, networkReady: baseReady, networkError }: LayerStoreDeps): LayerStore {
  const { t, lang } = useI18n();
  const [layers, setLayers] = useState<LayerState[]>([]);
  const [joins, setJoins] = useState<FeatureCollection | null>(null);
  const [networkOrigin, setNetworkOrigin] = useState<'prebuilt' | 'rebuilt' | null>(null);
  const [tolerance, setTolerance] = useState(50);
  const base = useRef<{ engine: EngineClient; sent: Promise<boolean> } | null>(null);
  const storeWarned = useRef(false);
  /** the worker the layers were last restored into: a restarted worker gets them again */
  const restoredFor = useRef<EngineClient | null>(null);
  const layersRef = useRef<LayerState[]>([]);
  layersRef.current = layers;
  const latest = useRef({ t, lang, push });
  latest.current = { t, lang, push };

  const networkChanged = useCallback((n: NetworkState | undefined) => {
    if (!n) return;
    setJoins(n.merged && n.joins.features.length > 0 ? n.joins : null);
    setNetworkOrigin(n.merged ? (n.prebuilt ? 'prebuilt' : 'rebuilt') : null);
  }, []);

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
          if (!(err instanceof LayerStoreError && err.kind === 'unavailable'))
            push({ kind: 'warning', text: t('userLayers.restoreFailed', { detail: storeProblem(err, t) }) });
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
        setLayers((prev) =>
          prev
            .filter((l) => ids.has(l.id) || !records.some((r) => r.id === l.id))
            .map((l) => ({ ...l, networkLines: kept.find((k) => k.id === l.id)?.networkLines ?? l.networkLines })),
        );
        return;
      }
      setLayers((prev) => [...kept.map((l) => ({ ...l, stored: true })), ...prev.filter((p) => !kept.some((k) => k.id === p.id))]);
    })();
  }, [engine, networkReady, ensureBase, networkChanged]);

  // ── the map ──
  useEffect(() => {
    if (!controller) return;
    const views: UserLayerView[] = layers.map((l) => ({
      id: l.id,
      title: t('userLayers.popupTitle', { name: l.name }),
      role: l.role,
      fc: l.fc,
      visible: l.visible,
      // a zone's code, name and type in its popup, read as the review reads them
      ...(l.role === 'sensitive' ? { zone: { layerName: l.name, ...(l.zoneFields ? { fields: l.zoneFields } : {}) } } : {}),
    }));
    controller.setUserLayers(views, joins ? { title: t('userLayers.joins'), fc: joins } : null);
  }, [controller, layers, joins, t]);

  // ── the list ──
  const adopt = useCallback(
    async (added: AddedLayer, role: ImportRole, skipped: number) => {
      const { t, push } = latest.current;
      // kept by the worker: shown even if the dialog was closed meanwhile
      const layer: LayerState = { ...added.layer, fc: added.fc, importedAt: new Date().toISOString(), visible: true, stored: true };
      setLayers((prev) => [...prev, layer]);
      networkChanged(added.network);
      controller?.fitTo(layer.bbox, { maxZoom: 15 });
      const features = t('userLayers.features', { n: layer.featureCount });
      const roleText = ` (${t(`userLayers.role.${role}.short`).toLowerCase()})`;
      push({
        id: 'import-layer',
        text:
          skipped > 0
            ? t('userLayers.addedSkipped', { name: layer.name, role: roleText, features, skipped: t('userLayers.skipped', { n: skipped }) })
            : t('userLayers.added', { name: layer.name, features, role: roleText }),
      });
      if (role === 'network') {
        if ((layer.networkLines ?? 0) === 0) push({ id: 'import-network', kind: 'warning', text: t('userLayers.noNetworkLines'), timeout: 12000 });
        else
          push({
            id: 'import-network',
            text: t('userLayers.networkMerged', {
              lines: t('userLayers.lines', { n: layer.networkLines ?? 0 }),
              joins: t('userLayers.joinsCount', { n: added.network?.joins.features.length ?? 0 }),
            }),
          });
      }
      if (!(await persist(layer))) setLayers((prev) => prev.map((l) => (l.id === layer.id ? { ...l, stored: false } : l)));
    },
    [controller, networkChanged, persist],
  );

  const adoptFetched = useCallback(
    async (added: AddedLayer) => {
      const layer: LayerState = { ...added.layer, fc: added.fc, importedAt: new Date().toISOString(), visible: true, stored: true };
      // fetched again (the official zones of another route): it replaces itself, as in the worker
      setLayers((prev) => [...prev.filter((l) => l.id !== layer.id), layer]);
      networkChanged(added.network);
      if (!(await persist(layer))) setLayers((prev) => prev.map((l) => (l.id === layer.id ? { ...l, stored: false } : l)));
    },
    [networkChanged, persist],
  );

  const remove = useCallback(
    async (id: string) => {
      if (!engine) return;
      const { t, lang, push } = latest.current;
      const layer = layersRef.current.find((l) => l.id === id);
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
    [engine, networkChanged],
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
      const l = layersRef.current.find((x) => x.id === id);
      if (l) controller?.fitTo(l.bbox, { maxZoom: 16 });
    },
    [controller],
  );

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

  return {
    items,
    networkOrigin,
    joinTolerance_m: tolerance,
    ensureBase,
    adopt,
    adoptFetched,
    remove: (id) => void remove(id),
    toggle,
    zoom,
  };
}
