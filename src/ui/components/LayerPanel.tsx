// The list of embedded layers: toggles, legend swatches, source and licence, approximation and
// to-import badges. Presentational: the layers and their state come in as props.

import { useState, type ReactNode } from 'react';
import type { LayerGroup, LayerStatus } from '../../core/layers';
import { useI18n } from '../i18n';
import type { I18nKey } from '../../i18n/dictionary';
import { creditText } from '../../i18n/layers';
import { Swatch, type SwatchSpec } from './Swatch';

export interface LayerPanelItem {
  id: string;
  /** already in the current language */
  title: string;
  group: LayerGroup;
  status: LayerStatus;
  source: string;
  licence: string;
  /** when the data describe the ground (ISO date or year) */
  date?: string;
  /** already in the current language */
  note?: string;
  featureCount?: number;
  visible: boolean;
  swatch: SwatchSpec;
  /** the layer's data failed to load */
  failed?: boolean;
}

export interface LayerPanelProps {
  layers: LayerPanelItem[] | null;
  /** shown instead of the list when the manifest could not be read */
  error?: string | null;
  onToggle: (id: string, visible: boolean) => void;
  /** shown above the embedded layers (the imported layers and the relief) */
  children?: ReactNode;
}

const GROUP_ORDER: LayerGroup[] = ['mining', 'protected', 'tvb', 'network', 'reference'];

export function LayerPanel({ layers, error, onToggle, children }: LayerPanelProps) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState<Record<string, boolean>>({});
  return (
    <section className="cav-section cav-layers" aria-labelledby="cav-layers-title" data-testid="layer-panel">
      <h2 id="cav-layers-title" className="cav-section-title" data-testid="layer-panel-title">
        {t('layers.title')}
      </h2>
      {children}
      {error ? (
        <p className="cav-error" role="alert" data-testid="layers-error">
          {error}
        </p>
      ) : layers === null ? (
        <p className="cav-muted" data-testid="layers-loading">
          {t('layers.loading')}
        </p>
      ) : (
        GROUP_ORDER.filter((g) => layers.some((l) => l.group === g)).map((group) => (
          <div className="cav-layer-group" key={group} data-testid={`layer-group-${group}`}>
            <h3 className="cav-layer-group-title">{t(`layers.group.${group}` as I18nKey)}</h3>
            <ul className="cav-layer-list">
              {layers
                .filter((l) => l.group === group)
                .map((layer) => {
                  const toImport = layer.status === 'to-import';
                  const inputId = `cav-layer-${layer.id}`;
                  const expanded = open[layer.id] === true;
                  return (
                    <li
                      key={layer.id}
                      className={`cav-layer${toImport ? ' cav-layer--to-import' : ''}${layer.failed ? ' cav-layer--failed' : ''}${expanded ? ' is-open' : ''}`}
                      data-testid={`layer-${layer.id}`}
                      data-status={layer.status}
                    >
                      <div className="cav-layer-row">
                        <input
                          id={inputId}
                          type="checkbox"
                          checked={!toImport && layer.visible}
                          disabled={toImport}
                          onChange={(e) => onToggle(layer.id, e.currentTarget.checked)}
                          data-testid={`layer-toggle-${layer.id}`}
                          aria-label={t('layers.show', { name: layer.title })}
                        />
                        <Swatch spec={layer.swatch} muted={toImport} />
                        <label htmlFor={inputId} className="cav-layer-title">
                          {layer.title}
                        </label>
                        {layer.status === 'approximation' && (
                          <span className="cav-badge cav-badge--approx" data-testid={`layer-badge-${layer.id}`}>
                            {t('layers.badge.approximation')}
                          </span>
                        )}
                        {toImport && (
                          <span className="cav-badge cav-badge--import" data-testid={`layer-badge-${layer.id}`}>
                            {t('layers.badge.toImport')}
                          </span>
                        )}
                        <button
                          type="button"
                          className="cav-layer-more"
                          aria-expanded={expanded}
                          aria-controls={`${inputId}-details`}
                          title={t(expanded ? 'layers.less' : 'layers.more')}
                          aria-label={t(expanded ? 'layers.less' : 'layers.more')}
                          onClick={() => setOpen((o) => ({ ...o, [layer.id]: !expanded }))}
                          data-testid={`layer-more-${layer.id}`}
                        >
                          <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
                            <path d={expanded ? 'M7.4 15.4 12 10.8l4.6 4.6L18 14l-6-6-6 6z' : 'M7.4 8.6 12 13.2l4.6-4.6L18 10l-6 6-6-6z'} fill="currentColor" />
                          </svg>
                        </button>
                      </div>
                      <div className="cav-layer-details" id={`${inputId}-details`}>
                        {layer.note && (
                          <p className="cav-layer-note" data-testid={`layer-note-${layer.id}`}>
                            {layer.note}
                          </p>
                        )}
                        <p
                          className="cav-layer-meta"
                          title={`${creditText(layer.source, lang)}${layer.date ? ` (${layer.date})` : ''} — ${creditText(layer.licence, lang)}`}
                        >
                          <span>{t('layers.source', { v: creditText(layer.source, lang) })}</span>
                          {layer.date && !toImport && (
                            <>
                              <span aria-hidden="true"> · </span>
                              <span data-testid={`layer-date-${layer.id}`}>{t('layers.date', { v: layer.date })}</span>
                            </>
                          )}
                          <span aria-hidden="true"> · </span>
                          <span>{t('layers.licence', { v: creditText(layer.licence, lang) })}</span>
                          {typeof layer.featureCount === 'number' && !toImport && (
                            <>
                              <span aria-hidden="true"> · </span>
                              <span>{t('layers.features', { n: layer.featureCount })}</span>
                            </>
                          )}
                        </p>
                      </div>
                    </li>
                  );
                })}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}
