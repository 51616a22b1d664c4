// The « Importer une couche » dialog (and its « Charger un MNT » variant, when a grid's projection
// must be chosen). Presentational: what the file holds, the progress and the error come in as
// props, already worded; choices go out through callbacks. File contents (names, declared
// projections) are rendered as text only.

import { useEffect, useId, useRef } from 'react';
import { useI18n } from '../i18n';
import { CRS_CODES, type CrsCode } from '../../core/import/crs-names';

export type ImportRole = 'network' | 'sensitive' | 'reference';
const IMPORT_ROLES: readonly ImportRole[] = ['network', 'sensitive', 'reference'];

export interface ImportPreviewView {
  /** the layer's name (data) */
  name: string;
  /** 'GeoJSON', 'Overpass (OpenStreetMap)'… */
  formatLabel: string;
  featureCount: number;
  geometryCounts: { point: number; line: number; polygon: number };
  /** the projection the file was read in, and how it was found */
  crs: CrsCode;
  how: 'crs-member' | 'coordinates' | 'format';
  /** warnings, already in words */
  notes: string[];
  skippedCount: number;
  /** the first skipped features, already in words ("objet n° 3 « X » : Géométrie vide.") */
  skipped: string[];
}

/** The attributes that name and code the zones of a sensitive layer, and the choices offered. */
export interface ZoneFieldsView {
  /** what was recognised or proposed, in words */
  note: string;
  convention: string | null;
  /** the type the layer gives its zones (data), or null */
  kind: string | null;
  /** the chosen attributes (data), null for none */
  name: string | null;
  code: string | null;
  /** ranked first; `label` already in words */
  nameOptions: { field: string; label: string }[];
  codeOptions: { field: string; label: string }[];
}

export interface ImportLayerDialogProps {
  kind: 'layer' | 'dem';
  fileName: string | null;
  /** a step in progress: its label, and the fraction done when known */
  busy: { label: string; fraction: number | null } | null;
  /** why the file cannot be imported (as it is), in words */
  error: string | null;
  preview: ImportPreviewView | null;
  /** the projection is unknown: the user must choose one before going on */
  crsNeeded: boolean;
  /** what the file declares when that is not convertible (data) */
  declaredCrs?: string | null;
  /** 'auto': as detected */
  crsChoice: CrsCode | 'auto';
  /** the format fixes the projection (GPX, KML, OSM): no choice */
  crsFixed: boolean;
  /** read each position as (y, x) */
  swapAxes: boolean;
  /**
   * Another reading that puts the file in the region where this one does not: `text` says so
   * (null when the error above already does), `action` names the reading on its button.
   */
  proposal: { text: string | null; action: string } | null;
  role: ImportRole;
  /** the network join tolerance (m), quoted in the network role's explanation */
  joinTolerance_m: number;
  canConfirm: boolean;
  onPickFile: (file: File) => void;
  onCrsChange: (crs: CrsCode | 'auto') => void;
  onSwapChange: (swap: boolean) => void;
  onApplyProposal: () => void;
  onRoleChange: (role: ImportRole) => void;
  /** shown for the role 'sensitive' */
  zoneFields: ZoneFieldsView | null;
  onZoneFieldChange: (which: 'name' | 'code', field: string | null) => void;
  onConfirm: () => void;
  onCancel: () => void;
}

const LAYER_ACCEPT =
  '.geojson,.json,.gpx,.kml,.kmz,.osm,.xml,.zip,application/zip,application/geo+json,application/json,application/gpx+xml,application/vnd.google-earth.kml+xml,application/vnd.google-earth.kmz';
const DEM_ACCEPT = '.asc,.tif,.tiff,image/tiff';

export function ImportLayerDialog(props: ImportLayerDialogProps) {
  const { t, formatNumber } = useI18n();
  const fileInput = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const crsId = useId();
  const nameFieldId = useId();
  const codeFieldId = useId();
  const { kind, preview, busy, error, crsNeeded } = props;
  const onCancel = props.onCancel;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onCancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onCancel]);

  const parts = preview
    ? (['line', 'polygon', 'point'] as const)
        .filter((k) => preview.geometryCounts[k] > 0)
        .map((k) => t(`importLayer.count.${k}`, { n: preview.geometryCounts[k] }))
        .join(', ')
    : '';
  const showCrs = kind === 'dem' ? crsNeeded : preview !== null || crsNeeded || props.proposal !== null;

  return (
    <div className="cav-modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onCancel()}>
      <div className="cav-modal cav-import" role="dialog" aria-modal="true" aria-labelledby={titleId} data-testid="import-layer-dialog" data-kind={kind}>
        <h2 id={titleId} className="cav-modal-title">
          {t(kind === 'dem' ? 'dem.dialog.title' : 'importLayer.title')}
        </h2>
        {kind === 'layer' && <p className="cav-import-intro">{t('importLayer.intro')}</p>}

        <div className="cav-import-step">
          <div className="cav-import-file">
            <button
              type="button"
              className="cav-btn"
              onClick={() => fileInput.current?.click()}
              disabled={busy !== null}
              data-testid="import-layer-choose"
              autoFocus={!props.fileName}
            >
              {t(props.fileName ? 'importLayer.chooseOther' : 'importLayer.choose')}
            </button>
            <span className="cav-import-filename" data-testid="import-layer-filename">
              {props.fileName ?? t('importLayer.noFile')}
            </span>
            <input
              ref={fileInput}
              type="file"
              hidden
              accept={kind === 'dem' ? DEM_ACCEPT : LAYER_ACCEPT}
              data-testid="import-layer-input"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                if (file) props.onPickFile(file);
                e.currentTarget.value = '';
              }}
            />
          </div>
          {kind === 'layer' && !props.fileName && <p className="cav-small cav-muted">{t('importLayer.formats')}</p>}
        </div>

        {busy && (
          <div className="cav-import-progress" role="status" data-testid="import-layer-progress">
            <span className="cav-small">{busy.label}</span>
            <progress max={1} value={busy.fraction ?? undefined} aria-label={busy.label} />
          </div>
        )}

        {error && (
          <div className="cav-import-error" role="alert" data-testid="import-layer-error">
            {error}
          </div>
        )}

        {preview && !busy && (
          <section className="cav-import-step" aria-label={t('importLayer.content')} data-testid="import-layer-preview">
            <h3 className="cav-import-heading">{t('importLayer.content')}</h3>
            <p className="cav-import-line" data-testid="import-layer-name">
              {t('importLayer.name', { name: preview.name })}
            </p>
            <p className="cav-import-line cav-small cav-muted">
              {t('importLayer.format', { format: preview.formatLabel })} ·{' '}
              {t('importLayer.counts', { features: t('userLayers.features', { n: preview.featureCount }), parts })}
            </p>
          </section>
        )}

        {showCrs && !busy && (
          <section className="cav-import-step">
            <h3 className="cav-import-heading">{t('importLayer.crs')}</h3>
            {props.crsFixed && preview ? (
              <p className="cav-import-line" data-testid="import-layer-crs-fixed">
                {t('importLayer.crs.fixed', { format: preview.formatLabel })}
              </p>
            ) : (
              <>
                {!crsNeeded && preview && (
                  <p className="cav-import-line" data-testid="import-layer-crs-detected">
                    {t('importLayer.crs.detected')} <strong>{t(`crs.${preview.crs}`)}</strong> — {t(`importLayer.crs.how.${preview.how}`)}
                  </p>
                )}
                {crsNeeded && (
                  <p className="cav-import-warn" data-testid="import-layer-crs-needed">
                    {props.declaredCrs ? `${t('importLayer.crs.declared', { declared: props.declaredCrs })} ` : ''}
                    {t(kind === 'dem' ? 'dem.dialog.crs' : 'importLayer.crs.needed')}
                  </p>
                )}
                <label className="cav-small cav-import-readas" htmlFor={crsId}>
                  {t('importLayer.crs.readAs')}
                </label>
                <select
                  id={crsId}
                  className="cav-select"
                  value={props.crsChoice}
                  onChange={(e) => props.onCrsChange(e.currentTarget.value as CrsCode | 'auto')}
                  data-testid="import-layer-crs"
                  aria-invalid={crsNeeded && props.crsChoice === 'auto'}
                >
                  <option value="auto">
                    {crsNeeded || !preview ? t('importLayer.crs.choose') : `${t('importLayer.crs.auto')} (${t(`crs.${preview.crs}`)})`}
                  </option>
                  {CRS_CODES.map((c) => (
                    <option key={c} value={c}>
                      {t(`crs.${c}`)}
                    </option>
                  ))}
                </select>
                {kind === 'layer' && (
                  <label className="cav-small cav-import-swap">
                    <input
                      type="checkbox"
                      checked={props.swapAxes}
                      onChange={(e) => props.onSwapChange(e.currentTarget.checked)}
                      data-testid="import-layer-swap"
                    />{' '}
                    {t('importLayer.crs.swap')}
                  </label>
                )}
                {props.proposal && (
                  <div className="cav-import-warn" data-testid="import-layer-proposal">
                    {props.proposal.text && <p className="cav-import-line">{props.proposal.text}</p>}
                    <button type="button" className="cav-btn" onClick={props.onApplyProposal} data-testid="import-layer-proposal-apply">
                      {props.proposal.action}
                    </button>
                  </div>
                )}
                {!crsNeeded && preview && !props.proposal && <p className="cav-small cav-muted">{t('importLayer.crs.override')}</p>}
              </>
            )}
          </section>
        )}

        {kind === 'layer' && preview && !busy && (
          <fieldset className="cav-import-step cav-import-roles" data-testid="import-layer-roles">
            <legend className="cav-import-heading">{t('importLayer.role')}</legend>
            {IMPORT_ROLES.map((role) => (
              <label key={role} className={`cav-import-role${props.role === role ? ' is-selected' : ''}`}>
                <input
                  type="radio"
                  name="cav-import-role"
                  value={role}
                  checked={props.role === role}
                  onChange={() => props.onRoleChange(role)}
                  data-testid={`import-layer-role-${role}`}
                />
                <span>
                  <strong>{t(`userLayers.role.${role}`)}</strong>
                  <span className="cav-small cav-muted">{t(`userLayers.role.${role}.hint`, { tolerance: props.joinTolerance_m })}</span>
                </span>
              </label>
            ))}
          </fieldset>
        )}

        {kind === 'layer' && preview && !busy && props.role === 'sensitive' && props.zoneFields && (
          <section className="cav-import-step" data-testid="import-layer-zone-fields" data-convention={props.zoneFields.convention ?? ''}>
            <h3 className="cav-import-heading">{t('importLayer.zoneFields')}</h3>
            <p className="cav-small cav-muted" data-testid="import-layer-zone-fields-note">
              {props.zoneFields.note}
            </p>
            {props.zoneFields.kind && <p className="cav-import-line cav-small">{t('importLayer.zoneFields.kind', { kind: props.zoneFields.kind })}</p>}
            {(['name', 'code'] as const).map((which) => {
              const view = props.zoneFields!;
              const value = view[which];
              const opts = which === 'name' ? view.nameOptions : view.codeOptions;
              return (
                <div key={which} className="cav-import-line">
                  <label className="cav-small cav-import-readas" htmlFor={which === 'name' ? nameFieldId : codeFieldId}>
                    {t(which === 'name' ? 'importLayer.zoneFields.name' : 'importLayer.zoneFields.code')}
                  </label>{' '}
                  <select
                    id={which === 'name' ? nameFieldId : codeFieldId}
                    className="cav-select"
                    value={value ?? ''}
                    onChange={(e) => props.onZoneFieldChange(which, e.currentTarget.value || null)}
                    data-testid={`import-layer-${which}-field`}
                  >
                    <option value="">{t('importLayer.zoneFields.none')}</option>
                    {opts.map((o) => (
                      <option key={o.field} value={o.field}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                </div>
              );
            })}
          </section>
        )}

        {preview && !busy && (preview.notes.length > 0 || preview.skippedCount > 0) && (
          <section className="cav-import-step cav-import-notes" data-testid="import-layer-notes">
            <h3 className="cav-import-heading">{t('importLayer.notes')}</h3>
            <ul>
              {preview.notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
            {preview.skippedCount > 0 && (
              <details className="cav-import-skipped" data-testid="import-layer-skipped" open>
                <summary>{t('importLayer.skipped', { n: preview.skippedCount })}</summary>
                <ul>
                  {preview.skipped.map((s, i) => (
                    <li key={i}>{s}</li>
                  ))}
                  {preview.skippedCount > preview.skipped.length && (
                    <li>{t('importLayer.skipped.more', { n: formatNumber(preview.skippedCount - preview.skipped.length) })}</li>
                  )}
                </ul>
              </details>
            )}
          </section>
        )}

        <div className="cav-modal-actions">
          <button type="button" className="cav-btn" onClick={onCancel} data-testid="import-layer-cancel">
            {t('importLayer.cancel')}
          </button>
          <button type="button" className="cav-btn cav-btn--primary" disabled={!props.canConfirm} onClick={props.onConfirm} data-testid="import-layer-confirm">
            {t(kind === 'dem' ? 'dem.dialog.confirm' : 'importLayer.confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}
