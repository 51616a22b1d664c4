// « Charger les zones protégées officielles » in the review panel: the button, and one line per
// official layer loaded (its zones, its server and the day it answered) or refused. Presentation
// only: src/ui/hooks/use-official-zones.ts asks and words everything.
import type { OfficialZonesPanel } from '../hooks/use-official-zones';
import { useI18n } from '../i18n';

export function OfficialZonesBlock({ load, busy, disabled, rows }: OfficialZonesPanel) {
  const { t } = useI18n();
  return (
    <div className="cav-review-official" data-testid="official-zones">
      <button
        type="button"
        className="cav-btn"
        disabled={disabled || busy}
        aria-busy={busy}
        onClick={load}
        title={t('official.load.hint')}
        data-testid="official-zones-load"
      >
        {t('official.load')}
      </button>
      {rows.length > 0 && (
        <>
          <p className="cav-review-group-title">{t('official.title')}</p>
          <ul className="cav-review-list">
            {rows.map((r) => (
              <li
                key={r.id}
                className={r.failed ? 'cav-warning cav-small' : 'cav-small'}
                data-testid="official-zones-row"
                data-source={r.id}
                data-failed={r.failed}
              >
                {r.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
