// The printable roadbook of a formula: one row per point on the course (and lap end), with km,
// distance and climb from the previous row, and the cut-off. Shown over the app; "Imprimer"
// prints only this sheet (see @media print in events.css). Rows come computed by the worker
// (core roadbook); names are user text, rendered as React text, never as HTML.
import { useI18n } from '../i18n';
import type { I18nKey } from '../../i18n/dictionary';
import type { Roadbook, RoadbookKind } from '../../core/event/roadbook';
import { COURSE_POINT_STYLE } from '../../map/layers/route';
import { COURSE_POINT_KEYS } from './CoursePointsPanel';
import { usePrintSheet } from '../hooks/use-print-sheet';
import { formatDate } from '../../i18n/dates';

export interface RoadbookViewProps {
  eventName: string;
  formulaName: string;
  /** 'YYYY-MM-DDTHH:MM' local, or null */
  start: string | null;
  dates: string[];
  roadbook: Roadbook;
  onClose: () => void;
}

function kindLabel(kind: RoadbookKind): I18nKey {
  if (kind === 'crossing') return 'roadbook.crossing';
  if (kind === 'lap') return 'roadbook.lap';
  return COURSE_POINT_KEYS[kind];
}

export function RoadbookView({ eventName, formulaName, start, dates, roadbook, onClose }: RoadbookViewProps) {
  const { t, formatNumber, lang } = useI18n();
  const closeButton = usePrintSheet('cav-printing-roadbook', onClose);

  const dateText = (iso: string) => formatDate(iso, lang, 'weekday');
  const clock = (local: string | null) => (local ? local.slice(11, 16) : null);
  const startDay = start ? start.slice(0, 10) : null;

  return (
    <div className="cav-roadbook-backdrop" data-testid="roadbook">
      <article className="cav-roadbook" aria-labelledby="cav-roadbook-title">
        <div className="cav-roadbook-tools">
          <button type="button" className="cav-btn cav-btn--primary" onClick={() => window.print()} data-testid="roadbook-print">
            {t('roadbook.print')}
          </button>
          <button type="button" className="cav-btn" onClick={onClose} ref={closeButton} data-testid="roadbook-close">
            {t('roadbook.close')}
          </button>
        </div>
        <header className="cav-roadbook-head">
          <p className="cav-roadbook-event">{eventName}</p>
          <h1 id="cav-roadbook-title">
            {t('roadbook.title')} — {formulaName}
          </h1>
          <p className="cav-roadbook-meta">
            {roadbook.ascent_m === null
              ? t('roadbook.summaryNoEle', { total: formatNumber(roadbook.total_km, 1) })
              : t('roadbook.summary', { total: formatNumber(roadbook.total_km, 1), ascent: formatNumber(roadbook.ascent_m) })}
            {roadbook.laps > 1 && ` · ${roadbook.laps} × ${formatNumber(roadbook.lap_km, 2)} km`}
          </p>
          {start && startDay ? (
            <p className="cav-roadbook-meta">{t('roadbook.startTime', { date: dateText(startDay), time: clock(start) ?? '' })}</p>
          ) : (
            dates.length > 0 && <p className="cav-roadbook-meta">{dates.map(dateText).join(' · ')}</p>
          )}
        </header>
        <table className="cav-roadbook-table">
          <thead>
            <tr>
              <th scope="col">{t('roadbook.km')}</th>
              <th scope="col">{t('roadbook.point')}</th>
              <th scope="col">{t('roadbook.fromPrevious')}</th>
              <th scope="col">{t('roadbook.ascent')}</th>
              <th scope="col">{t('roadbook.cutoff')}</th>
            </tr>
          </thead>
          <tbody>
            {roadbook.rows.map((r, i) => {
              const kind = t(kindLabel(r.kind), { n: r.lap });
              const style = r.kind !== 'crossing' && r.kind !== 'lap' ? COURSE_POINT_STYLE[r.kind] : null;
              return (
                <tr key={i} data-testid="roadbook-row" data-kind={r.kind}>
                  <td className="cav-num">{formatNumber(r.km, 1)}</td>
                  <td>
                    {style && (
                      <span className="cav-cp-badge" style={{ background: style.color }} aria-hidden="true">
                        {style.letter}
                      </span>
                    )}
                    <span className="cav-roadbook-name">{r.name || kind}</span>
                    {r.name && <span className="cav-muted"> · {kind}</span>}
                    {roadbook.laps > 1 && r.kind !== 'lap' && r.kind !== 'start' && r.kind !== 'finish' && (
                      <span className="cav-muted"> · {t('roadbook.lapN', { n: r.lap })}</span>
                    )}
                  </td>
                  <td className="cav-num">{i === 0 ? '' : `${formatNumber(r.fromPrevious_km, 1)} km`}</td>
                  <td className="cav-num">{i === 0 || r.ascentFromPrevious_m === null ? '' : `${formatNumber(r.ascentFromPrevious_m)} m`}</td>
                  <td className="cav-num">
                    {r.cutoff
                      ? (clock(r.cutoff.clock) ?? `${Math.floor(r.cutoff.minutesFromStart / 60)} h ${String(r.cutoff.minutesFromStart % 60).padStart(2, '0')}`)
                      : ''}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </article>
    </div>
  );
}
