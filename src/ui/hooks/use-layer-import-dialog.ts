// The « Importer une couche » dialog as a state machine: a file picked (refused before a byte is
// read when too large), sent to the worker, previewed (format, projection detected or asked, a
// proposed reading when the one used lands far from the region, features skipped), its role
// chosen, then added as a layer (use-layer-store.ts) or read as a DEM (use-relief-source.ts).
// Every step is one session: an answer for a dialog since closed or restarted is dropped.
import { useCallback, useRef, useState } from 'react';
import type { ErrorCode, GeoError } from '../../core/errors';
import { CRS_CODES, type CrsCode } from '../../core/import/crs-names';
import type { LayerFormat } from '../../core/import/layer';
import type { ZoneFields } from '../../core/review/zone-fields';
import { EngineStoppedError, openFileInWorker, progressProxy, type EngineClient } from '../../../workers/client';
import type { LayerPreview, ProgressFn } from '../../../workers/protocol';
import { formatError } from '../../i18n/messages';
import type { TFunction } from '../../i18n/dictionary';
import type { ImportLayerDialogProps, ImportPreviewView, ImportRole, ZoneFieldsView } from '../components/ImportLayerDialog';
import type { PushNotice } from '../components/Notices';
import { useI18n } from '../i18n';
import { DEM_FILE_LIMIT_BYTES, LAYER_FILE_LIMIT_BYTES } from '../import-limits';
import type { LayerStore } from './use-layer-store';
import type { ReliefSource } from './use-relief-source';

export interface LayerImportDialogDeps {
  engine: EngineClient | null;
  store: Pick<LayerStore, 'ensureBase' | 'adopt' | 'joinTolerance_m'>;
  relief: Pick<ReliefSource, 'readDem'>;
  push: (n: PushNotice) => void;
}

export interface LayerImportDialog {
  /** what the dialog shows, or null when it is closed */
  props: ImportLayerDialogProps | null;
  open: () => void;
  /** the dialog for a DEM file the worker holds whose system must be chosen */
  askDemCrs: (token: string, fileName: string) => void;
}

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
  /** the attributes naming and coding the zones (role 'sensitive'): the preview's proposal until the user changes them */
  zoneFields: ZoneFields | null;
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
  kmz: 'KMZ',
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
  zoneFields: null,
});

const newLayerId = () =>
  typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `layer-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** The role a file most likely has: OSM exports are paths, areas alone are usually zones to respect. */
function defaultRole(p: LayerPreview): ImportRole {
  if (p.format === 'overpass-json' || p.format === 'osm-xml') return 'network';
  const c = p.geometryCounts;
  if (c.polygon > 0 && c.line === 0 && c.point === 0) return 'sensitive';
  return 'reference';
}

/** A failed worker call: the worker died under the file (memory?), or something nobody foresaw. */
const unexpected = (t: TFunction, err: unknown) =>
  err instanceof EngineStoppedError ? t('userLayers.engineStopped') : t('userLayers.unexpected', { detail: String(err) });

export function useLayerImportDialog({ engine, store, relief, push }: LayerImportDialogDeps): LayerImportDialog {
  const { t, lang, formatNumber } = useI18n();
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const session = useRef(0);
  const dialogRef = useRef(dialog);
  dialogRef.current = dialog;
  const latest = useRef({ t, lang, store, relief, push });
  latest.current = { t, lang, store, relief, push };

  // a progress callback for one worker call; the worker's last reports may arrive after its
  // answer: stop() drops them
  const progress = useCallback((s: number) => {
    let live = true;
    const fn = progressProxy((phase, done, total) => {
      if (live && session.current === s) setDialog((d) => (d?.busy ? { ...d, busy: { phase, done, total } } : d));
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
                zoneFields: d.zoneFields ?? p.zoneFields.fields,
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

  const askDemCrs = useCallback((token: string, fileName: string) => {
    session.current++;
    setDialog({ ...newDialog('dem'), fileName, token, unknown: true });
  }, []);

  /** Reads the DEM file in the worker; the dialog closes, asks for a system, or says why not. */
  const finishDem = useCallback(async (s: number, token: string, fileName: string, from: CrsCode | undefined) => {
    const r = await latest.current.relief.readDem(token, fileName, from);
    if (r.kind === 'loaded') {
      if (session.current === s) setDialog(null);
    } else if (r.kind === 'ask-crs') {
      session.current = s;
      setDialog({ ...newDialog('dem'), fileName, token, unknown: true });
    } else if (!r.thrown && session.current === s && dialogRef.current?.kind === 'dem') {
      setDialog((d) => d && { ...d, busy: null, error: r.text, token: null });
    } else {
      latest.current.push({ id: 'dem', kind: 'error', text: r.text, timeout: 0 });
    }
  }, []);

  const open = useCallback(() => {
    session.current++;
    setDialog(newDialog('layer'));
    // fetched now, so that a network layer merges without waiting
    void latest.current.store.ensureBase();
  }, []);

  const close = useCallback(() => {
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
        setDialog({
          ...newDialog(kind),
          fileName: file.name,
          error: t(kind === 'dem' ? 'dem.tooLarge' : 'userLayers.tooLarge', { mb: mb(file.size), limit: mb(limit) }),
        });
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
      if (d.kind === 'layer' && d.token && !(d.unknown && crs === 'auto'))
        void runPreview(session.current, d.token, crs === 'auto' ? undefined : crs, d.swapAxes);
    },
    [runPreview],
  );

  /** Reads the file again with the axes exchanged, or in the proposed system. */
  const reread = useCallback(
    (next: { crsChoice?: CrsCode; swapAxes: boolean }) => {
      const d = dialogRef.current;
      if (d?.kind !== 'layer' || !d.token) return;
      const crsChoice = next.crsChoice ?? d.crsChoice;
      setDialog({ ...d, crsChoice, swapAxes: next.swapAxes });
      if (!(d.unknown && crsChoice === 'auto')) void runPreview(session.current, d.token, crsChoice === 'auto' ? undefined : crsChoice, next.swapAxes);
    },
    [runPreview],
  );

  const confirm = useCallback(async () => {
    const d = dialogRef.current;
    if (!engine || !d?.token) return;
    const { t, lang, store } = latest.current;
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
      if (role === 'network' && !(await store.ensureBase())) {
        if (session.current === s)
          setDialog((x) => x && { ...x, busy: null, error: `${formatError({ code: 'network.empty' }, lang)} ${t('importLayer.nothingChanged')}` });
        return;
      }
      const bar = progress(s);
      const fields = role === 'sensitive' ? (d.zoneFields ?? d.preview.zoneFields.fields) : undefined;
      const r = await engine.addLayer(d.token, role, newLayerId(), bar.fn, fields).finally(bar.stop);
      if (!r.ok) {
        if (session.current === s) setDialog((x) => x && { ...x, busy: null, error: `${formatError(r.error, lang)} ${t('importLayer.nothingChanged')}` });
        return;
      }
      if (session.current === s) setDialog(null);
      await store.adopt(r.value, role, d.preview.skippedCount);
    } catch (err) {
      if (session.current === s) setDialog((x) => x && { ...x, busy: null, error: unexpected(t, err) });
    }
  }, [engine, progress, finishDem]);

  // ── what the dialog shows ──
  let props: ImportLayerDialogProps | null = null;
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
    const reading = dialog.proposal && proposedReading(dialog.proposal, dialog.swapAxes);
    const proposal =
      dialog.proposal && reading
        ? {
            // as an error, the message is already on top of the dialog
            text: p ? formatError(dialog.proposal, lang) : null,
            action: reading.crsChoice ? t('importLayer.proposal.crs', { crs: t(`crs.${reading.crsChoice}`) }) : t('importLayer.proposal.swap'),
          }
        : null;
    const zf = p?.zoneFields;
    const chosen = dialog.zoneFields ?? zf?.fields ?? {};
    // the ranked candidates first (with an example value), then every other attribute
    const options = (ranked: { field: string; example: string }[]) => [
      ...ranked.map((c) => ({ field: c.field, label: t('importLayer.zoneFields.example', { field: c.field, example: c.example.slice(0, 40) }) })),
      ...(zf?.properties ?? []).filter((k) => !ranked.some((c) => c.field === k)).map((k) => ({ field: k, label: k })),
    ];
    const zoneFields: ZoneFieldsView | null = zf
      ? {
          note: t(zf.convention ? `importLayer.zoneFields.convention.${zf.convention}` : 'importLayer.zoneFields.proposed'),
          convention: zf.convention,
          kind: zf.kind,
          name: chosen.name ?? null,
          code: chosen.code ?? null,
          nameOptions: options(zf.name),
          codeOptions: options(zf.code),
        }
      : null;
    const canConfirm =
      !dialog.busy &&
      dialog.token !== null &&
      (dialog.kind === 'dem' ? dialog.crsChoice !== 'auto' : p !== null && !(dialog.unknown && dialog.crsChoice === 'auto'));
    props = {
      kind: dialog.kind,
      fileName: dialog.fileName,
      busy,
      error: dialog.error,
      preview,
      crsNeeded: dialog.unknown,
      declaredCrs: dialog.declared,
      crsChoice: dialog.crsChoice,
      crsFixed: p !== null && p.crs.by === 'format',
      swapAxes: dialog.swapAxes,
      proposal,
      role: dialog.role,
      joinTolerance_m: store.joinTolerance_m,
      canConfirm,
      onPickFile: (f) => void pickFile(f),
      onCrsChange: changeCrs,
      onSwapChange: (swapAxes) => reread({ swapAxes }),
      onApplyProposal: () => reading && reread(reading),
      onRoleChange: (role) => setDialog((d) => d && { ...d, role, roleTouched: true }),
      zoneFields,
      onZoneFieldChange: (which, field) =>
        setDialog((d) => {
          if (!d?.preview) return d;
          const { [which]: _, ...rest } = d.zoneFields ?? d.preview.zoneFields.fields;
          return { ...d, zoneFields: field ? { ...rest, [which]: field } : rest };
        }),
      onConfirm: () => void confirm(),
      onCancel: close,
    };
  }

  return { props, open, askDemCrs };
}
