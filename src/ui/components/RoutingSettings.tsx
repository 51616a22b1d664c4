// Which engine computes legs: the embedded network in the browser, or a BRouter server.
import { useState } from 'react';
import { useI18n } from '../i18n';

export type RoutingChoice = { kind: 'graph' } | { kind: 'brouter'; baseUrl: string; profile: string };

export interface RoutingSettingsProps {
  value: RoutingChoice;
  onChange: (value: RoutingChoice) => void;
}

export function RoutingSettings({ value, onChange }: RoutingSettingsProps) {
  const { t } = useI18n();
  const [url, setUrl] = useState(value.kind === 'brouter' ? value.baseUrl : 'http://localhost:17777/brouter');
  const [profile, setProfile] = useState(value.kind === 'brouter' ? value.profile : 'trekking');
  const validUrl = /^https?:\/\/[^\s]+$/.test(url.trim());
  return (
    <section className="cav-section" aria-labelledby="cav-routing-title" data-testid="routing-settings">
      <h2 id="cav-routing-title" className="cav-section-title">
        {t('routing.title')}
      </h2>
      <label className="cav-radio">
        <input type="radio" name="cav-routing" checked={value.kind === 'graph'} onChange={() => onChange({ kind: 'graph' })} data-testid="routing-graph" />
        {t('routing.graph')}
      </label>
      <label className="cav-radio">
        <input
          type="radio"
          name="cav-routing"
          checked={value.kind === 'brouter'}
          disabled={!validUrl}
          onChange={() => onChange({ kind: 'brouter', baseUrl: url.trim(), profile: profile.trim() || 'trekking' })}
          data-testid="routing-brouter"
        />
        {t('routing.brouter')}
      </label>
      <div className="cav-routing-fields">
        <label>
          {t('routing.url')}
          <input type="url" value={url} onChange={(e) => setUrl(e.currentTarget.value)} data-testid="routing-url" spellCheck={false} />
        </label>
        <label>
          {t('routing.profile')}
          <input value={profile} onChange={(e) => setProfile(e.currentTarget.value)} data-testid="routing-profile" spellCheck={false} />
        </label>
        {value.kind === 'brouter' && (value.baseUrl !== url.trim() || value.profile !== profile.trim()) && validUrl && (
          <button
            type="button"
            className="cav-btn"
            onClick={() => onChange({ kind: 'brouter', baseUrl: url.trim(), profile: profile.trim() || 'trekking' })}
            data-testid="routing-apply"
          >
            {t('routing.apply')}
          </button>
        )}
      </div>
      <p className="cav-small cav-muted">{t('routing.hint')}</p>
    </section>
  );
}
