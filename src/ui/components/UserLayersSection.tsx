// « Couches importées » at the top of the layer panel: the layers the user imported (role,
// feature count, source file, show/hide, centre, remove), the « Importer une couche… » entry
// point, and the relief: the current elevation source, « Charger un MNT… » and « Revenir au
// relief approché ». Presentational: state in, callbacks out. Names are data, shown as text.

import { useRef, useState } from 'react';
import { useI18n } from '../i18n';
import type { ImportRole } from './ImportLayerDialog';
import { Swatch, type SwatchSpec } from './Swatch';

export interface UserLayerItem {
  id: string;
  name: string;
  role: ImportRole;
  fileName: string;
  featureCount: number;
  visible: boolean;
  swatch: SwatchSpec;
  /** network role: lines handed to the routing network */
  networkLines?: number;
  /** false when the browser could not save it (lost on reload) */
  stored: boolean;
}

export interface UserLayersSectionProps {
  layers: UserLayerItem[];
  /** how the merged network came back at load: from its kept bundle, or rebuilt (for the tests) */
  networkOrigin?: 'prebuilt' | 'rebuilt' | null;
  onImport: () => void;
  /** « Charger les chemins OpenStreetMap de cette zone » (absent: not offered), and whether it runs */
  onLoadOsm?: () => void;
  osmBusy?: boolean;
  onToggle: (id: string, visible: boolean) => void;
  onZoom: (id: string) => void;
  onRemove: (id: string) => void;
  /** the elevation source now in use, in words */
  demLabel: string;
  /** a DEM file replaces the approximate relief: offer to go back */
  canResetDem: boolean;
  /** that DEM is kept in this browser (comes back after a reload), could not be kept, or not known yet (null) */
  demStored: boolean | null;
  /** the DEM file being read, or null */
  demBusy: string | null;
  onLoadDem: (file: File) => void;
  onResetDem: () => void;
  /** the IGN altimetry as the online source of profiles: on or off, its credit, the switch (absent: not offered) */
  onlineRelief?: { on: boolean; attribution: string; onChange: (on: boolean) => void };
  /** online elevation tiles: the default URL template, its credit, and the action (absent: not offered) */
  tilesDefaultUrl?: string;
  tilesAttribution?: string;
  onUseTiles?: (urlTemplate: string) => void;
}

export function UserLayersSection(props: UserLayersSectionProps) {
  const { t } = useI18n();
  const demInput = useRef<HTMLInputElement>(null);
  const [tilesUrl, setTilesUrl] = useState(props.tilesDefaultUrl ?? '');
  return (
    <div className="cav-user-layers" data-testid="user-layers" data-network={props.networkOrigin ?? undefined}>
      <div className="cav-user-layers-head">
        <h3 className="cav-layer-group-title">{t('userLayers.title')}</h3>
        <button
          type="button"
          className="cav-btn cav-btn--small cav-btn--primary"
          onClick={props.onImport}
          title={t('userLayers.import.hint')}
          data-testid="import-layer-open"
        >
          {t('userLayers.import')}
        </button>
      </div>
      {props.onLoadOsm && (
        <p className="cav-user-layers-osm">
          <button
            type="button"
            className="cav-btn cav-btn--small"
            disabled={props.osmBusy}
            onClick={props.onLoadOsm}
            title={t('osm.load.hint')}
            data-testid="osm-load"
          >
            {props.osmBusy ? t('osm.loading') : t('osm.load')}
          </button>{' '}
          <span className="cav-small cav-muted">{t('osm.credit')}</span>
        </p>
      )}
      {props.layers.length === 0 ? (
        <p className="cav-small cav-muted" data-testid="user-layers-empty">
          {t('userLayers.empty')}
        </p>
      ) : (
        <ul className="cav-layer-list">
          {props.layers.map((l) => {
            const inputId = `cav-user-layer-${l.id}`;
            return (
              <li key={l.id} className="cav-layer cav-user-layer" data-testid="user-layer" data-layer-id={l.id} data-role={l.role}>
                <div className="cav-layer-row">
                  <input
                    id={inputId}
                    type="checkbox"
                    checked={l.visible}
                    onChange={(e) => props.onToggle(l.id, e.currentTarget.checked)}
                    aria-label={t('userLayers.show', { name: l.name })}
                    data-testid="user-layer-toggle"
                  />
                  <Swatch spec={l.swatch} />
                  <label htmlFor={inputId} className="cav-layer-title" data-testid="user-layer-name">
                    {l.name}
                  </label>
                  <button
                    type="button"
                    className="cav-layer-more"
                    onClick={() => props.onZoom(l.id)}
                    title={t('userLayers.zoom', { name: l.name })}
                    aria-label={t('userLayers.zoom', { name: l.name })}
                    data-testid="user-layer-zoom"
                  >
                    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
                      <path
                        d="M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zm8.94 3A9 9 0 0 0 13 3.06V1h-2v2.06A9 9 0 0 0 3.06 11H1v2h2.06A9 9 0 0 0 11 20.94V23h2v-2.06A9 9 0 0 0 20.94 13H23v-2h-2.06zM12 19a7 7 0 1 1 0-14 7 7 0 0 1 0 14z"
                        fill="currentColor"
                      />
                    </svg>
                  </button>
                  <button
                    type="button"
                    className="cav-layer-more cav-user-layer-remove"
                    onClick={() => props.onRemove(l.id)}
                    title={t('userLayers.remove.hint', { name: l.name })}
                    aria-label={t('userLayers.remove.hint', { name: l.name })}
                    data-testid="user-layer-remove"
                  >
                    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
                      <path d="M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z" fill="currentColor" />
                    </svg>
                  </button>
                </div>
                <p className="cav-layer-meta cav-user-layer-meta" data-testid="user-layer-meta">
                  <span className={`cav-badge cav-badge--role cav-badge--${l.role}`} data-testid="user-layer-role" title={t(`userLayers.role.${l.role}`)}>
                    {t(`userLayers.role.${l.role}.short`)}
                  </span>{' '}
                  <span data-testid="user-layer-count" data-value={l.featureCount}>
                    {t('userLayers.features', { n: l.featureCount })}
                  </span>
                  <span aria-hidden="true"> · </span>
                  <span data-testid="user-layer-file">{t('userLayers.file', { file: l.fileName })}</span>
                  {l.role === 'network' && l.networkLines !== undefined && (
                    <>
                      <span aria-hidden="true"> · </span>
                      <span>{l.networkLines > 0 ? t('userLayers.networkLines', { n: l.networkLines }) : t('userLayers.networkNone')}</span>
                    </>
                  )}
                  {!l.stored && (
                    <span className="cav-user-layer-unsaved" data-testid="user-layer-unsaved">
                      {' '}
                      — {t('userLayers.notStored')}
                    </span>
                  )}
                </p>
              </li>
            );
          })}
        </ul>
      )}

      <div className="cav-user-dem" data-testid="dem-section">
        <h3 className="cav-layer-group-title">{t('dem.title')}</h3>
        <p className="cav-small">
          {t('dem.current')} <strong data-testid="dem-current">{props.demLabel}</strong>
        </p>
        {props.canResetDem && props.demStored !== null && (
          <p className="cav-small cav-muted" data-testid="dem-stored" data-stored={props.demStored}>
            {t(props.demStored ? 'dem.stored' : 'dem.notStored')}
          </p>
        )}
        {props.demBusy !== null && (
          <p className="cav-small cav-muted" role="status" data-testid="dem-reading">
            {t('dem.reading', { name: props.demBusy })}
          </p>
        )}
        <div className="cav-user-dem-actions">
          <button
            type="button"
            className="cav-btn cav-btn--small"
            disabled={props.demBusy !== null}
            onClick={() => demInput.current?.click()}
            title={t('dem.load.hint')}
            data-testid="dem-load"
          >
            {t('dem.load')}
          </button>
          {props.canResetDem && (
            <button type="button" className="cav-btn cav-btn--small" disabled={props.demBusy !== null} onClick={props.onResetDem} data-testid="dem-reset">
              {t('dem.reset')}
            </button>
          )}
          <input
            ref={demInput}
            type="file"
            hidden
            accept=".asc,.tif,.tiff,image/tiff"
            data-testid="dem-input"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) props.onLoadDem(file);
              e.currentTarget.value = '';
            }}
          />
        </div>
        {props.onlineRelief && (
          <label className="cav-small cav-user-dem-online" title={t('dem.online.hint')}>
            <input
              type="checkbox"
              checked={props.onlineRelief.on}
              onChange={(e) => props.onlineRelief?.onChange(e.currentTarget.checked)}
              data-testid="dem-online"
            />{' '}
            {t('dem.online.toggle')}
            {props.onlineRelief.on && <span className="cav-muted"> · {t('dem.tiles.attribution', { attribution: props.onlineRelief.attribution })}</span>}
          </label>
        )}
        {props.onUseTiles && (
          <details className="cav-user-dem-tiles" data-testid="dem-tiles">
            <summary className="cav-small">{t('dem.tiles.toggle')}</summary>
            <label className="cav-small">
              {t('dem.tiles.url')}
              <input
                type="url"
                className="cav-input"
                value={tilesUrl}
                spellCheck={false}
                onChange={(e) => setTilesUrl(e.currentTarget.value)}
                data-testid="dem-tiles-url"
              />
            </label>
            <button
              type="button"
              className="cav-btn cav-btn--small"
              disabled={props.demBusy !== null || !/\{z\}/.test(tilesUrl) || !/\{x\}/.test(tilesUrl) || !/\{y\}/.test(tilesUrl)}
              onClick={() => props.onUseTiles?.(tilesUrl.trim())}
              title={t('dem.tiles.hint')}
              data-testid="dem-tiles-load"
            >
              {t('dem.tiles.load')}
            </button>
            {props.tilesAttribution && <p className="cav-small cav-muted">{t('dem.tiles.attribution', { attribution: props.tilesAttribution })}</p>}
          </details>
        )}
      </div>
    </div>
  );
}
