import { useState } from 'react';
import { useI18n } from '../../i18n';
import { km, parseNumber } from './numbers';

/** « Nouvelle formule depuis un tronçon »: a start and an end km, checked against the route's length (one lap). */
export function StretchForm({
  length_m,
  onCreate,
  onCancel,
}: {
  length_m: number | null;
  onCreate: (fromKm: number, toKm: number) => void;
  onCancel: () => void;
}) {
  const { t, formatNumber } = useI18n();
  const [from, setFrom] = useState('0');
  const [to, setTo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const lengthKm = length_m === null ? null : km(length_m);
  const submit = () => {
    if (lengthKm === null) return setError(t('formulas.stretch.wait'));
    const a = parseNumber(from);
    const b = parseNumber(to);
    // a hair of tolerance at the end: the length shown is rounded
    if (a === null || b === null || a < 0 || b <= a || b > lengthKm + 0.0005) {
      return setError(t('formulas.stretch.invalid', { length: formatNumber(lengthKm, 3) }));
    }
    setError(null);
    onCreate(a, Math.min(b, lengthKm));
  };
  return (
    <form
      className="cav-stretch-form"
      noValidate
      data-testid="formula-stretch-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <p className="cav-small cav-muted">{t('formulas.stretch.hint', { length: lengthKm === null ? '…' : formatNumber(lengthKm, 2) })}</p>
      <div className="cav-field-row">
        <label className="cav-field cav-field--num">
          <span>{t('formulas.stretch.from')}</span>
          <input
            type="number"
            min={0}
            step="any"
            inputMode="decimal"
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
            data-testid="formula-stretch-from"
          />
        </label>
        <label className="cav-field cav-field--num">
          <span>{t('formulas.stretch.to')}</span>
          <input
            type="number"
            min={0}
            step="any"
            inputMode="decimal"
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            data-testid="formula-stretch-to"
          />
        </label>
      </div>
      {error && (
        <p className="cav-error cav-small" role="alert" data-testid="formula-stretch-error">
          {error}
        </p>
      )}
      <div className="cav-actions">
        <button type="submit" className="cav-btn cav-btn--small" data-testid="formula-stretch-create">
          {t('formulas.stretch.create')}
        </button>
        <button type="button" className="cav-btn cav-btn--small" onClick={onCancel}>
          {t('formulas.stretch.cancel')}
        </button>
      </div>
    </form>
  );
}
