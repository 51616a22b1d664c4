// Toasts: text only.

import { useI18n } from '../../app/i18n';

export interface Notice {
  id: string;
  kind: 'info' | 'warning' | 'error';
  text: string;
}

export interface NoticesProps {
  notices: Notice[];
  onDismiss: (id: string) => void;
}

export function Notices({ notices, onDismiss }: NoticesProps) {
  const { t } = useI18n();
  return (
    <div className="cav-notices" role="status" aria-live="polite" data-testid="notices">
      {notices.map((n) => (
        <div key={n.id} className={`cav-notice cav-notice--${n.kind}`} data-testid="notice" data-kind={n.kind} data-id={n.id}>
          <span className="cav-notice-text">{n.text}</span>
          <button type="button" className="cav-notice-close" onClick={() => onDismiss(n.id)} aria-label={t('notices.dismiss')} title={t('notices.dismiss')}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
