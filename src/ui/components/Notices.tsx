// Toasts: text only.

import type { ReactNode } from 'react';
import { useI18n } from '../i18n';

export interface Notice {
  id: string;
  kind: 'info' | 'warning' | 'error';
  text: string;
  /** one button that does what the notice proposes (e.g. restart the engine) */
  action?: { label: string; run: () => void };
}

/** what a hook or the shell asks to show; the shell fills in the id, kind and timeout */
export interface PushNotice {
  /** a notice with the same id replaces the previous one */
  id?: string;
  kind?: Notice['kind'];
  text: string;
  /** ms before it disappears; 0 keeps it */
  timeout?: number;
  action?: Notice['action'];
}

export interface NoticesProps {
  notices: Notice[];
  onDismiss: (id: string) => void;
  /** a lasting message above the notices (e.g. the read-only banner of a second tab) */
  children?: ReactNode;
}

export function Notices({ notices, onDismiss, children }: NoticesProps) {
  const { t } = useI18n();
  return (
    <div className="cav-notices" role="status" aria-live="polite" data-testid="notices">
      {children}
      {notices.map((n) => (
        <div key={n.id} className={`cav-notice cav-notice--${n.kind}`} data-testid="notice" data-kind={n.kind} data-id={n.id}>
          <span className="cav-notice-text">{n.text}</span>
          {n.action && (
            <button
              type="button"
              className="cav-notice-action"
              data-testid="notice-action"
              onClick={() => {
                n.action!.run();
                onDismiss(n.id);
              }}
            >
              {n.action.label}
            </button>
          )}
          <button type="button" className="cav-notice-close" onClick={() => onDismiss(n.id)} aria-label={t('notices.dismiss')} title={t('notices.dismiss')}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
