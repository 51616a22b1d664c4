// The relief the climbs are computed on, as the user chose it: the approximate relief of the
// app, a DEM file (read by the worker), or online elevation tiles over the current route; kept
// across reloads and worker restarts (src/adapters/dem-store.ts). The IGN relief online (the
// Géoplateforme altimetry the engine asks for a profile's points) is on unless the user turned it
// off (remembered), as Plan IGN is the basemap unless another is chosen: connected, a terril's
// climb is measured from the start; offline the engine's first failed ask is said once by the HTTP
// door and the next waits (relief-engine.ts), the relief approché answering meanwhile. It is
// given again to each engine started. A change reaches the figures
// through the engine's relief epoch (`reliefKey`), not through a counter kept here.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CrsCode } from '../../core/import/crs-names';
import { TERRARIUM_NAME, TERRARIUM_URL } from '../../core/elevation/terrain-tiles';
import { deleteStoredDem, loadStoredDem, saveStoredDem } from '../../adapters/dem-store';
import { choicePreference } from '../../adapters/preferences';
import { openFileInWorker, restoreDemInWorker, type EngineClient } from '../../../workers/client';
import { DEM_FILE_LIMIT_BYTES } from '../import-limits';
import type { DemInfo } from '../../../workers/protocol';
import { formatError } from '../../i18n/messages';
import type { PushNotice } from '../components/Notices';
import { useI18n } from '../i18n';
import { storeProblem } from './use-layer-store';

const ONLINE_RELIEF = choicePreference('cavalier.relief.online', ['ign', 'off'] as const, 'ign');

export interface ReliefSourceDeps {
  engine: EngineClient | null;
  push: (n: PushNotice) => void;
  /** the engine's relief epoch as a key: refreshes the label */
  reliefKey: string;
  /** [west, south, east, north] of the current route or active track (null: nothing drawn), for online elevation tiles */
  routeBbox?: () => [number, number, number, number] | null;
}

/** How reading a DEM file the worker holds ended. */
type DemOutcome =
  | { kind: 'loaded' }
  /** the grid is fine but its extent fits no known system: the user must say which */
  | { kind: 'ask-crs' }
  /** `thrown`: the call itself failed (the worker died?), the file is gone with it */
  | { kind: 'failed'; text: string; thrown: boolean };

export interface ReliefSource {
  /** « Relief : … » */
  label: string;
  /** a file or tiles replaced the approximate relief */
  canReset: boolean;
  /**
   * whether that DEM is kept in this browser (src/adapters/dem-store.ts) and so comes back after a
   * reload: true once written or read back, false when writing it failed, null while not known
   */
  stored: boolean | null;
  /** what is being read (a file name, the tiles), shown in the relief section */
  busy: string | null;
  /** reads the DEM file the worker holds under `token` (dropped there when it fails) */
  readDem: (token: string, fileName: string, from: CrsCode | undefined) => Promise<DemOutcome>;
  /** a DEM file picked in the relief section; `askCrs` when its system must be chosen (the import dialog) */
  loadFile: (file: File, askCrs: (token: string, fileName: string) => void) => void;
  /** back to the approximate relief */
  reset: () => void;
  /** online elevation tiles from `template` over the current route */
  useTiles: (template: string) => void;
  /** the IGN altimetry as the online source of profiles: on or off (remembered), its credit, the switch */
  online: { on: boolean; attribution: string; onChange: (on: boolean) => void };
}

export function useReliefSource({ engine, push, reliefKey, routeBbox }: ReliefSourceDeps): ReliefSource {
  const { t, lang } = useI18n();
  const [dem, setDem] = useState<DemInfo | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [stored, setStored] = useState<boolean | null>(null);
  const latest = useRef({ t, lang, push });
  latest.current = { t, lang, push };

  // the label follows the worker's relief
  useEffect(() => {
    if (!engine) return;
    let alive = true;
    engine.currentDem().then((d) => alive && setDem(d));
    return () => {
      alive = false;
    };
  }, [engine, reliefKey]);

  // ── the IGN altimetry, the preferred online source of profiles (remembered; the engine asks it) ──
  const [onlineRelief, setOnlineRelief] = useState(() => ONLINE_RELIEF.get() === 'ign');
  useEffect(() => {
    // a restarted engine is told again
    if (engine) void engine.setOnlineRelief(onlineRelief ? {} : null).catch(() => {});
  }, [engine, onlineRelief]);
  const switchOnlineRelief = useCallback((on: boolean) => {
    ONLINE_RELIEF.set(on ? 'ign' : 'off');
    setOnlineRelief(on);
  }, []);

  const keep = useCallback(async () => {
    if (!engine) return;
    setStored(null);
    const grid = await engine.importedDem().catch(() => null);
    if (!grid) return;
    try {
      await saveStoredDem(grid);
      setStored(true);
    } catch (err) {
      setStored(false);
      const { t, push } = latest.current;
      push({ id: 'dem-store', kind: 'warning', text: t('dem.storeFailed', { detail: storeProblem(err, t) }), timeout: 0 });
    }
  }, [engine]);

  const restoredFor = useRef<EngineClient | null>(null);
  useEffect(() => {
    if (!engine || restoredFor.current === engine) return;
    restoredFor.current = engine;
    loadStoredDem()
      .then(async (grid) => {
        if (!grid) return;
        await restoreDemInWorker(engine, grid);
        setStored(true);
      })
      .catch(() => {
        // nothing stored, or no storage: the relief stays
      });
  }, [engine]);

  const readDem = useCallback(
    async (token: string, fileName: string, from: CrsCode | undefined): Promise<DemOutcome> => {
      const { t, lang, push } = latest.current;
      if (!engine) return { kind: 'failed', text: t('dem.failed', { detail: 'engine' }), thrown: true };
      setBusy(fileName);
      try {
        const r = await engine.loadDemFile(token, from);
        if (r.ok) {
          void keep();
          push({ id: 'dem', text: t('dem.loaded', { name: r.value.name }) });
          for (const w of r.warnings) push({ kind: 'warning', text: formatError(w, lang) });
          return { kind: 'loaded' };
        }
        if (r.error.code === 'crs.unknown') return { kind: 'ask-crs' };
        void engine.discardFile(token);
        return { kind: 'failed', text: t('dem.failed', { detail: formatError(r.error, lang) }), thrown: false };
      } catch (err) {
        return { kind: 'failed', text: t('dem.failed', { detail: String(err) }), thrown: true };
      } finally {
        setBusy(null);
      }
    },
    [engine, keep],
  );

  const loadFile = useCallback(
    async (file: File, askCrs: (token: string, fileName: string) => void) => {
      if (!engine) return;
      const { t, lang, push } = latest.current;
      const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
      if (file.size > DEM_FILE_LIMIT_BYTES) {
        push({ id: 'dem', kind: 'error', text: t('dem.tooLarge', { mb: mb(file.size), limit: mb(DEM_FILE_LIMIT_BYTES) }), timeout: 0 });
        return;
      }
      setBusy(file.name);
      try {
        const opened = await openFileInWorker(engine, file);
        if (!opened.ok) {
          push({ id: 'dem', kind: 'error', text: t('dem.failed', { detail: formatError(opened.error, lang) }), timeout: 0 });
          return;
        }
        const r = await readDem(opened.value.token, file.name, undefined);
        if (r.kind === 'ask-crs') askCrs(opened.value.token, file.name);
        else if (r.kind === 'failed') push({ id: 'dem', kind: 'error', text: r.text, timeout: 0 });
      } catch (err) {
        push({ id: 'dem', kind: 'error', text: t('dem.failed', { detail: String(err) }), timeout: 0 });
      } finally {
        setBusy(null);
      }
    },
    [engine, readDem],
  );

  const reset = useCallback(async () => {
    if (!engine) return;
    await engine.restoreApproximateDem();
    await deleteStoredDem().catch(() => {});
    setStored(null);
    latest.current.push({ id: 'dem', text: latest.current.t('dem.resetDone') });
  }, [engine]);

  const loadTiles = useCallback(
    async (template: string) => {
      if (!engine) return;
      const { t, lang, push } = latest.current;
      const bbox = routeBbox?.() ?? null;
      if (!bbox) {
        push({ id: 'dem', kind: 'error', text: t('dem.failed', { detail: formatError({ code: 'dem.tiles-none' }, lang) }), timeout: 0 });
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
        name = t('dem.tiles.customName', { host });
      }
      setBusy(t('dem.tiles.reading'));
      try {
        const r = await engine.loadTerrainTiles({ template, name, bbox });
        if (r.ok) {
          void keep();
          push({ id: 'dem', text: t('dem.loaded', { name: r.value.name }) });
        } else push({ id: 'dem', kind: 'error', text: t('dem.failed', { detail: formatError(r.error, lang) }), timeout: 0 });
      } catch (err) {
        push({ id: 'dem', kind: 'error', text: t('dem.failed', { detail: String(err) }), timeout: 0 });
      } finally {
        setBusy(null);
      }
    },
    [engine, routeBbox, keep],
  );

  return {
    // the one modelled relief is the app's own: named from the dictionary (src/ui/components/elevation-source.ts)
    label: dem ? (dem.approximate ? t('elevation.demApprox', { name: t('elevation.embeddedRelief') }) : t('elevation.dem', { name: dem.name })) : t('dem.none'),
    canReset: dem !== null && !dem.approximate,
    stored: dem !== null && !dem.approximate ? stored : null,
    busy,
    readDem,
    loadFile: (file, askCrs) => void loadFile(file, askCrs),
    reset: () => void reset(),
    useTiles: (template) => void loadTiles(template),
    online: { on: onlineRelief, attribution: t('relief.online.attribution'), onChange: switchOnlineRelief },
  };
}
