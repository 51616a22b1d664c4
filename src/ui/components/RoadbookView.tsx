// The printable roadbook of a formula: the overview map and the profile with the points on the
// course (SVG drawn from the geometry the core computes, core/event/roadbook-figures.ts: they
// print sharp and need no map tiles), the D+ with how it is counted (the stats panel's), then
// one row per point on the course, lap end and road crossing, with km, distance and climb from
// the previous row, and the cut-off; then the roads crossed and the way types. Shown over the
// app; "Imprimer / PDF" prints only this sheet on A4 (roadbook.css; the browser's « Enregistrer
// au format PDF » makes the PDF). Everything comes computed by the worker (core roadbook);
// names are user text, rendered as React text, never as HTML.
import { useI18n } from '../i18n';
import type { I18nKey } from '../../i18n/dictionary';
import type { Roadbook, RoadbookKind } from '../../core/event/roadbook';
import type { RoadbookMap, RoadbookProfile } from '../../core/event/roadbook-figures';
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
          <button
            type="button"
            className="cav-btn cav-btn--primary"
            onClick={() => window.print()}
            title={t('roadbook.print.hint')}
            data-testid="roadbook-print"
          >
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
          <p className="cav-roadbook-meta" data-testid="roadbook-summary" data-ascent={roadbook.ascent_m ?? ''}>
            {roadbook.ascent_m === null
              ? t('roadbook.summaryNoEle', { total: formatNumber(roadbook.total_km, 1) })
              : t('roadbook.summary', { total: formatNumber(roadbook.total_km, 1), ascent: formatNumber(roadbook.ascent_m) })}
            {roadbook.laps > 1 && ` · ${roadbook.laps} × ${formatNumber(roadbook.lap_km, 2)} km`}
          </p>
          {roadbook.descent_m !== null && (
            <p className="cav-roadbook-meta" data-testid="roadbook-descent">
              {t('roadbook.descent')} {formatNumber(roadbook.descent_m)} m
            </p>
          )}
          {start && startDay ? (
            <p className="cav-roadbook-meta">{t('roadbook.startTime', { date: dateText(startDay), time: clock(start) ?? '' })}</p>
          ) : (
            dates.length > 0 && <p className="cav-roadbook-meta">{dates.map(dateText).join(' · ')}</p>
          )}
          {roadbook.ascent_m !== null && (
            <p className="cav-roadbook-method cav-muted" data-testid="roadbook-method">
              {t('roadbook.ascentMethod')}
            </p>
          )}
        </header>
        {roadbook.map && <RouteMap map={roadbook.map} roadbook={roadbook} />}
        {roadbook.profile && <Profile profile={roadbook.profile} roadbook={roadbook} />}
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
        <section className="cav-roadbook-roads" data-testid="roadbook-roads">
          <h2>{t('roadbook.roads')}</h2>
          {roadbook.roads.length === 0 ? (
            <p className="cav-muted">{t('roadbook.noRoads')}</p>
          ) : (
            <ul>
              {roadbook.roads.map((r) => (
                <li key={r.name} data-testid="roadbook-road">
                  <span className="cav-roadbook-name">{r.name}</span> · km {r.kms.map((k) => formatNumber(k, 1)).join(', ')}
                </li>
              ))}
            </ul>
          )}
          {roadbook.ways && (
            <p data-testid="roadbook-ways">
              {t('roadbook.ways', {
                paths: formatNumber(roadbook.ways.paths_m / 1000, 1),
                roads: formatNumber(roadbook.ways.road_m / 1000, 1),
                unknown: formatNumber(roadbook.ways.unknown_m / 1000, 1),
              })}
            </p>
          )}
        </section>
      </article>
    </div>
  );
}

const badge = (kind: RoadbookKind) => (kind === 'crossing' || kind === 'lap' ? null : COURSE_POINT_STYLE[kind]);

/** A point on the course as on the map: a coloured disc with its letter. */
function Marker({ kind, x, y, r = 8 }: { kind: RoadbookKind; x: number; y: number; r?: number }) {
  const style = badge(kind);
  if (!style) return <rect x={x - 4} y={y - 4} width={8} height={8} transform={`rotate(45 ${x} ${y})`} fill="#111" stroke="#fff" strokeWidth={1.5} />;
  return (
    <g>
      <circle cx={x} cy={y} r={r} fill={style.color} stroke="#fff" strokeWidth={1.5} />
      <text x={x} y={y + r * 0.42} textAnchor="middle" fontSize={r * 1.2} fontWeight={700} fill="#fff">
        {style.letter}
      </text>
    </g>
  );
}

function RouteMap({ map, roadbook }: { map: RoadbookMap; roadbook: Roadbook }) {
  const { t, formatNumber } = useI18n();
  // on a loop the finish sits beside the start instead of over it
  const finish: [number, number] = map.loop ? [map.finish[0] + 18, map.finish[1]] : map.finish;
  return (
    <figure className="cav-roadbook-figure" data-testid="roadbook-map">
      <figcaption>{t('roadbook.map')}</figcaption>
      <svg viewBox={`0 0 ${map.width} ${map.height}`} role="img" aria-label={t('roadbook.map')}>
        <rect width={map.width} height={map.height} fill="#fbfaf6" stroke="#ccc" />
        <path d={map.path} fill="none" stroke="#fff" strokeWidth={6} strokeLinejoin="round" strokeLinecap="round" />
        <path d={map.path} fill="none" stroke="#d0471b" strokeWidth={3} strokeLinejoin="round" strokeLinecap="round" data-testid="roadbook-map-route" />
        {map.kmMarks.map((m) => (
          <g key={m.km} data-testid="roadbook-km-mark" data-km={m.km}>
            <circle cx={m.at[0]} cy={m.at[1]} r={7} fill="#fff" stroke="#d0471b" strokeWidth={1.2} />
            <text x={m.at[0]} y={m.at[1] + 2.6} textAnchor="middle" fontSize={7.5} fill="#111">
              {formatNumber(m.km, m.km % 1 ? 1 : 0)}
            </text>
          </g>
        ))}
        {map.points
          .filter((p) => p.kind !== 'finish')
          .map((p) => (
            <g key={p.row} data-testid="roadbook-map-point" data-kind={p.kind}>
              <Marker kind={p.kind} x={p.at[0]} y={p.at[1]} />
            </g>
          ))}
        <g data-testid="roadbook-map-point" data-kind="finish">
          <Marker kind="finish" x={finish[0]} y={finish[1]} r={9} />
        </g>
        <g data-testid="roadbook-map-point" data-kind="start">
          <Marker kind="start" x={map.start[0]} y={map.start[1]} r={9} />
        </g>
        <g transform={`translate(${map.width - 16 - map.scale.units} ${map.height - 14})`}>
          <rect width={map.scale.units} height={4} fill="#111" />
          <text x={map.scale.units / 2} y={-4} textAnchor="middle" fontSize={10}>
            {formatNumber(map.scale.metres / 1000, map.scale.metres % 1000 ? 1 : 0)} km
          </text>
        </g>
        <g transform="translate(22 22)">
          <path d="M0 -12 L6 6 L0 2 L-6 6 Z" fill="#111" />
        </g>
      </svg>
      {roadbook.laps > 1 && <p className="cav-muted cav-small">{t('roadbook.lapN', { n: 1 })}</p>}
    </figure>
  );
}

function Profile({ profile, roadbook }: { profile: RoadbookProfile; roadbook: Roadbook }) {
  const { t, formatNumber } = useI18n();
  const { left, right, top, bottom } = profile.plot;
  return (
    <figure className="cav-roadbook-figure" data-testid="roadbook-profile">
      <figcaption>{t('roadbook.profile')}</figcaption>
      <svg viewBox={`0 0 ${profile.width} ${profile.height}`} role="img" aria-label={t('roadbook.profile')}>
        {profile.yTicks.map((tk) => (
          <g key={tk.m}>
            <line x1={left} x2={right} y1={tk.y} y2={tk.y} stroke="#e3e3e3" />
            <text x={left - 6} y={tk.y + 3.5} textAnchor="end" fontSize={10} fill="#444">
              {formatNumber(tk.m)} m
            </text>
          </g>
        ))}
        {profile.xTicks.map((tk) => (
          <text key={tk.km} x={tk.x} y={bottom + 15} textAnchor="middle" fontSize={10} fill="#444">
            {formatNumber(tk.km, tk.km % 1 ? 1 : 0)}
          </text>
        ))}
        <text x={right} y={bottom + 15} textAnchor="end" fontSize={10} fill="#444" dx={10}>
          {t('roadbook.km')}
        </text>
        <path d={profile.area} fill="#f2d6c9" />
        <path d={profile.line} fill="none" stroke="#d0471b" strokeWidth={1.6} data-testid="roadbook-profile-line" />
        <line x1={left} x2={right} y1={bottom} y2={bottom} stroke="#333" />
        <line x1={left} x2={left} y1={top} y2={bottom} stroke="#333" />
        {profile.points
          .filter((p) => p.kind !== 'lap')
          .map((p) => (
            <g key={p.row} data-testid="roadbook-profile-point" data-kind={p.kind} data-km={roadbook.rows[p.row].km}>
              <line x1={p.at[0]} x2={p.at[0]} y1={p.at[1]} y2={bottom} stroke="#999" strokeDasharray="2 2" />
              <Marker kind={p.kind} x={p.at[0]} y={p.at[1]} r={6} />
            </g>
          ))}
      </svg>
    </figure>
  );
}
