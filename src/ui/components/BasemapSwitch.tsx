// The basemap: Plan IGN v2 by default when it loads, OpenStreetMap and SCAN 25 (the user's own
// Géoplateforme key) as choices, and the embedded layers alone offline. One quiet line says what
// is shown; a basemap that does not load is said there once, never as a stream of notices.

import { useId } from 'react';
import { useI18n } from '../i18n';
import { CommitInput } from './CommitInput';

export type BasemapChoice = 'none' | 'osm' | 'ign' | 'scan25';

export interface BasemapSwitchProps {
  /** what the map shows */
  value: BasemapChoice;
  onChange: (value: BasemapChoice) => void;
  /** the online basemap that did not load (the map fell back to the embedded layers) */
  failed?: BasemapChoice | null;
  /** SCAN 25 is asked for and no key is given yet */
  needsKey?: boolean;
  scan25Key?: string;
  onScan25Key?: (key: string) => void;
}

export function BasemapSwitch({ value, onChange, failed = null, needsKey = false, scan25Key = '', onScan25Key }: BasemapSwitchProps) {
  const { t } = useI18n();
  const keyId = useId();
  const options: { id: BasemapChoice; label: string; hint?: string }[] = [
    { id: 'ign', label: t('basemap.ign'), hint: t('basemap.ign.hint') },
    { id: 'osm', label: t('basemap.osm') },
    { id: 'scan25', label: t('basemap.scan25'), hint: t('basemap.scan25.hint') },
    { id: 'none', label: t('basemap.none'), hint: t('basemap.none.hint') },
  ];
  const name = (id: BasemapChoice) => options.find((o) => o.id === id)?.label ?? id;
  const shown: BasemapChoice = needsKey ? 'scan25' : value;
  return (
    <section className="cav-section cav-basemap" data-testid="basemap-switch" data-shown={value}>
      <h2 className="cav-section-title" id="cav-basemap-title">
        {t('basemap.title')}
      </h2>
      <div className="cav-segmented" role="radiogroup" aria-labelledby="cav-basemap-title">
        {options.map((o) => (
          <button
            key={o.id}
            type="button"
            role="radio"
            aria-checked={shown === o.id}
            className={shown === o.id ? 'is-active' : undefined}
            onClick={() => onChange(o.id)}
            title={o.hint}
            data-testid={`basemap-${o.id}`}
          >
            {o.label}
          </button>
        ))}
      </div>
      {needsKey && (
        <div className="cav-basemap-key">
          <label htmlFor={keyId}>{t('basemap.scan25.key')}</label>
          <CommitInput
            id={keyId}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={scan25Key}
            onCommit={(v) => onScan25Key?.(v.trim())}
            data-testid="basemap-scan25-key"
          />
        </div>
      )}
      <p className="cav-muted cav-small" role="status" data-testid="basemap-status">
        {needsKey
          ? t('basemap.scan25.needsKey')
          : failed && failed !== 'none'
            ? t('basemap.unavailable', { name: name(failed) })
            : value === 'none'
              ? t('basemap.embedded')
              : t('basemap.online')}
      </p>
    </section>
  );
}
