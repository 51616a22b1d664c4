// Offline plain background by default; OpenStreetMap and IGN Plan need the internet.

import { useI18n } from '../i18n';

export type BasemapChoice = 'none' | 'osm' | 'ign';

export interface BasemapSwitchProps {
  value: BasemapChoice;
  onChange: (value: BasemapChoice) => void;
  /** the selected online basemap failed to load */
  unavailable?: boolean;
}

export function BasemapSwitch({ value, onChange, unavailable = false }: BasemapSwitchProps) {
  const { t } = useI18n();
  const options: { id: BasemapChoice; label: string; hint?: string }[] = [
    { id: 'none', label: t('basemap.none'), hint: t('basemap.none.hint') },
    { id: 'osm', label: t('basemap.osm') },
    { id: 'ign', label: t('basemap.ign') },
  ];
  return (
    <section className="cav-section cav-basemap" data-testid="basemap-switch">
      <h2 className="cav-section-title" id="cav-basemap-title">
        {t('basemap.title')}
      </h2>
      <div className="cav-segmented" role="radiogroup" aria-labelledby="cav-basemap-title">
        {options.map((o) => (
          <button
            key={o.id}
            type="button"
            role="radio"
            aria-checked={value === o.id}
            className={value === o.id ? 'is-active' : undefined}
            onClick={() => onChange(o.id)}
            title={o.hint}
            data-testid={`basemap-${o.id}`}
          >
            {o.label}
          </button>
        ))}
      </div>
      <p className={unavailable && value !== 'none' ? 'cav-warning' : 'cav-muted cav-small'} data-testid="basemap-status">
        {unavailable && value !== 'none' ? t('basemap.unavailable') : t('basemap.online')}
      </p>
    </section>
  );
}
