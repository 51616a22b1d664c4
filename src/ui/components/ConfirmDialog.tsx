// A small in-app confirmation (rather than window.confirm, which blocks the page and the tests):
// a message and two or three choices. Escape or a click outside cancels.
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n';

export interface ConfirmChoice {
  id: string;
  label: string;
  /** drawn as the main (or the dangerous) action */
  tone?: 'primary' | 'danger';
}

export interface ConfirmDialogProps {
  title?: string;
  message: string;
  choices: ConfirmChoice[];
  onChoose: (id: string) => void;
  onCancel: () => void;
}

export function ConfirmDialog({ title, message, choices, onChoose, onCancel }: ConfirmDialogProps) {
  const { t } = useI18n();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    first.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onCancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onCancel]);
  return (
    <div className="cav-modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onCancel()}>
      <div
        className="cav-modal"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={title ? 'cav-confirm-title' : undefined}
        aria-describedby="cav-confirm-message"
        data-testid="confirm-dialog"
      >
        {title && (
          <h2 id="cav-confirm-title" className="cav-modal-title">
            {title}
          </h2>
        )}
        <p id="cav-confirm-message" className="cav-modal-message">
          {message}
        </p>
        <div className="cav-modal-actions">
          <button type="button" className="cav-btn" onClick={onCancel} data-testid="confirm-cancel" ref={first}>
            {t('confirm.cancel')}
          </button>
          {choices.map((c) => (
            <button
              key={c.id}
              type="button"
              className={`cav-btn${c.tone === 'danger' ? ' cav-btn--danger' : c.tone === 'primary' ? ' cav-btn--primary' : ''}`}
              onClick={() => onChoose(c.id)}
              data-testid={`confirm-${c.id}`}
            >
              {c.label}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
