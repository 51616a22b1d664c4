// Points on the course of the formula on the map: the placing mode (kind + "Placer"), and the
// list in course order with km, name, cut-off. Presentational: km and cut-off clocks come
// computed; names are user text, rendered as text.
import { useI18n } from '../i18n';
import type { I18nKey } from '../../i18n/dictionary';
import type { CoursePointKind } from '../../core/event/model';
import { COURSE_POINT_STYLE } from '../../map/layers/route';
import { CommitInput } from './CommitInput';

export const COURSE_POINT_KEYS: Record<CoursePointKind, I18nKey> = {
  start: 'cp.kind.start',
  finish: 'cp.kind.finish',
  aid: 'cp.kind.aid',
  checkpoint: 'cp.kind.checkpoint',
  marshal: 'cp.kind.marshal',
  danger: 'cp.kind.danger',
  water: 'cp.kind.water',
  info: 'cp.kind.info',
  parking: 'cp.kind.parking',
  public: 'cp.kind.public',
};

/** Kinds that may carry a cut-off of their own. */
const CUTOFF_KINDS: readonly CoursePointKind[] = ['aid', 'checkpoint', 'finish'];

export interface CoursePointRow {
  id: string;
  kind: CoursePointKind;
  name: string;
  km: number;
  /** the explicit cut-off in minutes from the start, null when none is set */
  cutoffMinutes: number | null;
  /** the cut-off that applies (explicit or from the pace): local clock 'HH:MM' or a duration 'h:mm'; null: none */
  cutoffLabel: string | null;
  cutoffSource: 'explicit' | 'pace' | null;
  /** the earlier point on the course whose cut-off is later than this one's (core: outOfOrderCutoffs); null: in order */
  cutoffBefore: { name: string; km: number } | null;
}

export interface CoursePointsPanelProps {
  /** false when no formula is on the map (the free route): points belong to formulas */
  enabled: boolean;
  points: CoursePointRow[];
  placing: boolean;
  kind: CoursePointKind;
  onKindChange: (kind: CoursePointKind) => void;
  onPlacingChange: (placing: boolean) => void;
  onRename: (id: string, name: string) => void;
  /** minutes from the start, or null to clear it */
  onCutoff: (id: string, minutes: number | null) => void;
  onDelete: (id: string) => void;
  onInvalidCutoff: () => void;
}

/** 'h:mm' → minutes; '' → null (cleared); undefined when unreadable. */
function parseDuration(s: string): number | null | undefined {
  const v = s.trim();
  if (!v) return null;
  const m = /^(\d{1,4})(?:[:hH](\d{1,2}))?$/.exec(v);
  if (!m) return undefined;
  const minutes = Number(m[1]) * 60 + (m[2] ? Number(m[2]) : 0);
  return m[2] && Number(m[2]) >= 60 ? undefined : minutes;
}

export const formatDuration = (minutes: number) => `${Math.floor(minutes / 60)}:${String(Math.round(minutes % 60)).padStart(2, '0')}`;

export function CoursePointsPanel(props: CoursePointsPanelProps) {
  const { t, formatNumber } = useI18n();
  return (
    <section className="cav-section cav-course-points" aria-labelledby="cav-cp-title" data-testid="course-points">
      <h2 id="cav-cp-title" className="cav-section-title">
        {t('cp.title')}
      </h2>
      {!props.enabled ? (
        <p className="cav-small cav-muted">{t('cp.needFormula')}</p>
      ) : (
        <>
          <div className="cav-cp-tools">
            <select
              className="cav-select"
              value={props.kind}
              onChange={(e) => props.onKindChange(e.currentTarget.value as CoursePointKind)}
              aria-label={t('cp.kind')}
              data-testid="cp-kind"
            >
              {(Object.keys(COURSE_POINT_KEYS) as CoursePointKind[]).map((k) => (
                <option key={k} value={k}>
                  {t(COURSE_POINT_KEYS[k])}
                </option>
              ))}
            </select>
            <button
              type="button"
              className={`cav-btn cav-btn--primary${props.placing ? ' is-active' : ''}`}
              aria-pressed={props.placing}
              onClick={() => props.onPlacingChange(!props.placing)}
              title={t('cp.place.hint')}
              data-testid="cp-place"
            >
              <span className="cav-cp-badge" style={{ background: COURSE_POINT_STYLE[props.kind].color }} aria-hidden="true">
                {COURSE_POINT_STYLE[props.kind].letter}
              </span>
              {t(props.placing ? 'cp.place.active' : 'cp.place')}
            </button>
          </div>
          {props.points.length === 0 ? (
            <p className="cav-small cav-muted">{t('cp.none')}</p>
          ) : (
            <ol className="cav-cp-list">
              {props.points.map((p) => (
                <li key={p.id} className="cav-cp" data-testid="course-point" data-kind={p.kind} data-km={p.km}>
                  <span
                    className="cav-cp-badge"
                    role="img"
                    style={{ background: COURSE_POINT_STYLE[p.kind].color }}
                    title={t(COURSE_POINT_KEYS[p.kind])}
                    aria-label={t(COURSE_POINT_KEYS[p.kind])}
                  >
                    {COURSE_POINT_STYLE[p.kind].letter}
                  </span>
                  <span className="cav-cp-km" data-testid="course-point-km">
                    {t('cp.km', { km: formatNumber(p.km, 1) })}
                  </span>
                  <CommitInput
                    className="cav-cp-name"
                    value={p.name}
                    maxLength={200}
                    onCommit={(v) => props.onRename(p.id, v)}
                    aria-label={t('cp.name')}
                    data-testid="course-point-name"
                  />
                  <button
                    type="button"
                    className="cav-btn cav-btn--icon cav-btn--tiny"
                    onClick={() => props.onDelete(p.id)}
                    title={t('cp.delete')}
                    aria-label={t('cp.delete')}
                    data-testid="course-point-delete"
                  >
                    ×
                  </button>
                  {CUTOFF_KINDS.includes(p.kind) && (
                    <span className="cav-cp-cutoff">
                      <label title={t('cp.cutoff.hint')}>
                        <span className="cav-small cav-muted">{t('cp.cutoff')}</span>
                        <CommitInput
                          className="cav-input-small"
                          placeholder="h:mm"
                          value={p.cutoffMinutes === null ? '' : formatDuration(p.cutoffMinutes)}
                          onCommit={(v) => {
                            const m = parseDuration(v);
                            if (m === undefined) props.onInvalidCutoff();
                            else props.onCutoff(p.id, m);
                          }}
                          data-testid="course-point-cutoff"
                        />
                      </label>
                      {p.cutoffLabel && (
                        <span className={`cav-small${p.cutoffSource === 'explicit' ? '' : ' cav-muted'}`} data-testid="course-point-cutoff-label">
                          {t(p.cutoffSource === 'explicit' ? 'cp.cutoff.explicit' : 'cp.cutoff.pace', { clock: p.cutoffLabel })}
                        </span>
                      )}
                    </span>
                  )}
                  {p.cutoffBefore && (
                    <p className="cav-warning cav-small cav-cp-order" role="status" data-testid="course-point-cutoff-order">
                      {t('cp.cutoff.order', { name: p.cutoffBefore.name, km: formatNumber(p.cutoffBefore.km, 1) })}
                    </p>
                  )}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
