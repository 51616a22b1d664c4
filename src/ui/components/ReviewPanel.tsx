// The environmental review of the route on the map: zones entered (each pass with its entry and
// exit kilometre), zones nearby, the avoid mode and its detour, the season and load, the
// dossier and CSV buttons. Presentation only: every figure comes computed (workers/review-engine.ts
// through src/ui/hooks/use-review.ts); names are data and are rendered as text.

import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { SPECIES_GROUP_IDS, type RouteReview, type SeasonPeriod, type SeasonReview } from '../../core/review';
import type { LayerChoice } from '../../core/review/selection';
import type { AvoidMode, DetourReport } from '../../../workers/protocol';
import type { EventLoadView, ReviewRow, ReviewSettings } from '../hooks/use-review';
import { CommitInput } from './CommitInput';
import { Swatch, type SwatchSpec } from './Swatch';
import { OfficialZonesBlock } from './OfficialZonesBlock';
import type { OfficialZonesPanel } from '../hooks/use-official-zones';
import { formatDate, monthNames } from '../../i18n/dates';
import { zoneKindText } from '../../i18n/review';

export interface ReviewLayerView {
  title: string;
  imported: boolean;
  /** an embedded approximation: its crossings are listed apart */
  approximate: boolean;
  swatch: SwatchSpec;
}

export interface ReviewPanelProps {
  /** 'loading': the zones are not in the worker yet */
  status: 'loading' | 'ready';
  subject: { kind: 'route' | 'track'; name: string; length_m: number } | null;
  computing: boolean;
  review: RouteReview | null;
  /** by layer id */
  layers: Record<string, ReviewLayerView>;
  /** layer ids in the order their groups are listed (imported layers come first) */
  layerOrder: string[];
  /** some embedded (approximate) layer is reviewed: say so */
  approximate: boolean;
  /** the approximate layers, whether the review uses them and why (src/core/review/selection.ts) */
  approxLayers: { id: string; title: string; reviewed: boolean; checked: boolean; choice: LayerChoice; replacedBy: string[] }[];
  onApproxSwitch: (id: string, on: boolean) => void;
  /** `${layer}|${id}` of the zones in the breeding season on the event's days */
  inSeason: ReadonlySet<string>;
  selected: ReviewRow | null;
  onSelect: (row: ReviewRow | null) => void;
  /** zone and layer problems, already in words, by layer title */
  issues: { layer: string; messages: string[] }[];
  settings: ReviewSettings;
  onSettings: (fn: (s: ReviewSettings) => ReviewSettings) => void;
  /** layers with areas, which the avoid mode can avoid */
  avoidable: { id: string; title: string }[];
  /** the avoid mode applies (embedded network, drawn route) */
  avoidApplies: boolean;
  routingKind: 'graph' | 'brouter';
  detour: DetourReport | null;
  eventLoad: EventLoadView;
  /** zone kinds to give a breeding season (those crossed, and those already set) */
  seasonKinds: string[];
  season: SeasonReview | null;
  seasonError: string | null;
  onDossier: () => void;
  onCsv: () => void;
  busy: boolean;
  /** « Charger les zones protégées officielles » (src/ui/hooks/use-official-zones.ts) */
  official?: OfficialZonesPanel;
}

const DEFAULT_PERIOD: SeasonPeriod = { from_month: 3, to_month: 7 };

const sameRow = (a: ReviewRow | null, b: ReviewRow) =>
  !!a &&
  a.kind === b.kind &&
  (a.kind === 'pass' ? b.kind === 'pass' && a.crossing === b.crossing && a.pass === b.pass : b.kind === 'near' && a.near === b.near);

export function ReviewPanel(props: ReviewPanelProps) {
  const { t, formatNumber, lang } = useI18n();
  const { review, subject, settings, onSettings, layers } = props;
  const months = monthNames(lang);
  const km3 = (v: number) => formatNumber(v, 3);

  const layerLine = (layer: string) => {
    const l = layers[layer];
    return l ? `${l.title}${l.imported ? ` (${t('review.layer.imported')})` : ''}` : layer;
  };
  const swatch = (layer: string) => (layers[layer] ? <Swatch spec={layers[layer].swatch} /> : null);
  const rowButton = (row: ReviewRow, children: ReactNode, title: string, data: Record<string, string | number>) => (
    <button
      type="button"
      className="cav-review-row"
      aria-pressed={sameRow(props.selected, row)}
      title={title}
      onClick={() => props.onSelect(sameRow(props.selected, row) ? null : row)}
      {...data}
    >
      {children}
    </button>
  );

  // crossings grouped by layer (imported official layers first, then the embedded ones), in route order within each
  const groups: { layer: string; items: { c: RouteReview['crossings'][number]; i: number }[] }[] = [];
  if (review) {
    const rank = (layer: string) => (layers[layer]?.imported ? -1 : Math.max(0, props.layerOrder.indexOf(layer)));
    review.crossings.forEach((c, i) => {
      let g = groups.find((x) => x.layer === c.layer);
      if (!g) groups.push((g = { layer: c.layer, items: [] }));
      g.items.push({ c, i });
    });
    groups.sort((a, b) => rank(a.layer) - rank(b.layer));
  }
  // approximations apart: official layers' crossings first, the approximate ones in a section of their own
  const officialGroups = groups.filter((g) => !layers[g.layer]?.approximate);
  const approxGroups = groups.filter((g) => layers[g.layer]?.approximate);
  const count = (list: typeof groups) => list.reduce((n, g) => n + g.items.length, 0);
  // the zone's id beside its name where several zones of a layer share it (corridor stretches often do)
  const named = new Map<string, number>();
  const nameKey = (z: { zone: string; layer: string }) => `${z.layer}|${z.zone}`;
  for (const z of [...(review?.crossings ?? []), ...(review?.near ?? [])]) named.set(nameKey(z), (named.get(nameKey(z)) ?? 0) + 1);
  const label = (z: { zone: string; id: string; layer: string }) => ((named.get(nameKey(z)) ?? 0) > 1 ? `${z.zone} (${z.id})` : z.zone);

  const groupList = (list: typeof groups) =>
    list.map((g) => (
      <div key={g.layer} className="cav-review-group" data-testid="review-group" data-layer={g.layer}>
        <p className="cav-review-group-title">
          {swatch(g.layer)}
          <span>{layerLine(g.layer)}</span>
        </p>
        <ul className="cav-review-list">
          {g.items.map(({ c, i }) => (
            <li
              key={`${c.layer}|${c.id}`}
              className="cav-review-zone"
              style={{ borderLeftColor: layers[c.layer]?.swatch.stroke }}
              data-testid="review-crossing"
              data-zone={c.zone}
              data-layer={c.layer}
              data-kind={c.kind}
              data-code={c.code ?? ''}
              data-length={c.length_m}
            >
              <div className="cav-review-zone-head">
                {c.code && (
                  <span className="cav-review-zone-code" data-testid="review-zone-code">
                    {c.code}
                  </span>
                )}
                <span className="cav-review-zone-name">{label(c)}</span>
                <span className="cav-badge">{zoneKindText(c.kind, lang)}</span>
                {props.inSeason.has(`${c.layer}|${c.id}`) && (
                  <span className="cav-badge cav-badge--season" data-testid="review-in-season">
                    {t('review.inSeason')}
                  </span>
                )}
              </div>
              <p className="cav-review-zone-meta">{t('review.inside', { m: formatNumber(c.length_m), pct: formatNumber(c.share * 100, 1) })}</p>
              <ul className="cav-review-passes">
                {c.passes.map((p, k) => (
                  <li key={k}>
                    {rowButton(
                      { kind: 'pass', crossing: i, pass: k },
                      <>
                        <span>{t('review.pass', { from: km3(p.from_km), to: km3(p.to_km) })}</span>
                        <span className="cav-review-num">{t('review.pass.length', { m: formatNumber(p.length_m) })}</span>
                      </>,
                      t('review.pass.hint'),
                      { 'data-testid': 'review-pass', 'data-from-km': p.from_km, 'data-to-km': p.to_km },
                    )}
                  </li>
                ))}
              </ul>
              {c.season && c.season.length > 0 && (
                <p className="cav-review-zone-meta" data-testid="review-zone-season">
                  {t('review.season.zonePeriod', { list: c.season.map((p) => `${months[p.from_month - 1]}–${months[p.to_month - 1]}`).join(', ') })}
                </p>
              )}
              {c.pieces && c.pieces.length > 1 && <p className="cav-review-zone-meta">{t('review.pieces', { n: c.pieces.length })}</p>}
              {c.line_crossings && c.line_crossings.length > 0 && (
                <p className="cav-review-zone-meta">{t('review.lineCrossings', { list: c.line_crossings.map((x) => km3(x.at_km)).join(', ') })}</p>
              )}
            </li>
          ))}
        </ul>
      </div>
    ));

  let body: ReactNode;
  if (props.status === 'loading') body = <p className="cav-muted cav-small">{t('review.loading')}</p>;
  else if (!subject)
    body = (
      <p className="cav-muted cav-small" data-testid="review-empty">
        {t('review.empty')}
      </p>
    );
  else if (!review) body = <p className="cav-muted cav-small">{t('review.computing')}</p>;
  else
    body = (
      <>
        <h3 className="cav-review-subtitle">{t('review.crossings', { n: count(officialGroups) })}</h3>
        {count(officialGroups) === 0 ? (
          <p className="cav-small cav-review-ok" data-testid="review-no-crossing">
            {t(approxGroups.length ? 'review.crossings.noneOfficial' : 'review.crossings.none')}
          </p>
        ) : (
          groupList(officialGroups)
        )}
        {approxGroups.length > 0 && (
          <div className="cav-review-approx-section" data-testid="review-approx-section">
            <h3 className="cav-review-subtitle">{t('review.approx.section', { n: count(approxGroups) })}</h3>
            <p className="cav-small cav-muted">{t('review.approx.section.hint')}</p>
            {groupList(approxGroups)}
          </div>
        )}
        <h3 className="cav-review-subtitle">{t('review.near', { m: formatNumber(review.buffer_m) })}</h3>
        {review.near.length === 0 ? (
          <p className="cav-small cav-muted">{t('review.near.none', { m: formatNumber(review.buffer_m) })}</p>
        ) : (
          <ul className="cav-review-list cav-review-list--near">
            {review.near.map((n, i) => (
              <li key={`${n.layer}|${n.id}`} data-testid="review-near" data-zone={n.zone} data-code={n.code ?? ''} data-distance={n.distance_m}>
                {rowButton(
                  { kind: 'near', near: i },
                  <>
                    <span className="cav-review-near-name">
                      {swatch(n.layer)}
                      <span>
                        {n.code ? `${n.code} ` : ''}
                        {label(n)} <span className="cav-muted">· {zoneKindText(n.kind, lang)}</span>
                      </span>
                    </span>
                    <span className="cav-review-num">{t('review.near.row', { m: formatNumber(n.distance_m), km: formatNumber(n.at_km, 2) })}</span>
                  </>,
                  t('review.near.hint'),
                  { 'data-testid': 'review-near-row' },
                )}
              </li>
            ))}
          </ul>
        )}
      </>
    );

  const avoidMode = settings.avoid.mode;
  const setAvoid = (mode: AvoidMode) => onSettings((s) => ({ ...s, avoid: { ...s.avoid, mode } }));
  const chosen = settings.avoid.layers;
  const toggleLayer = (id: string, on: boolean) =>
    onSettings((s) => {
      const all = props.avoidable.map((l) => l.id);
      const current = s.avoid.layers ?? all;
      const next = on ? [...new Set([...current, id])] : current.filter((x) => x !== id);
      return { ...s, avoid: { ...s.avoid, layers: all.every((x) => next.includes(x)) ? null : next } };
    });

  const load = props.eventLoad;
  const kmOf = (m: number) => formatNumber(m / 1000, 2);

  return (
    <section className="cav-section cav-review" aria-labelledby="cav-review-title" data-testid="review-panel">
      <h2 id="cav-review-title" className="cav-section-title">
        {t('review.title')}
        {props.computing && subject && <span className="cav-review-computing"> · {t('review.computing')}</span>}
      </h2>
      {subject && (
        <p className="cav-small cav-review-subject" data-testid="review-subject">
          {t(subject.kind === 'route' ? 'review.subject.route' : 'review.subject.track', { name: subject.name, km: formatNumber(subject.length_m / 1000, 2) })}
        </p>
      )}
      {props.approximate && (
        <p className="cav-warning cav-small" data-testid="review-approx">
          {t('review.approx')}
        </p>
      )}
      {props.official && <OfficialZonesBlock {...props.official} />}
      {body}

      {props.approxLayers.length > 0 && (
        <fieldset className="cav-review-fieldset" data-testid="review-approx-layers">
          <legend>{t('review.approx.layers')}</legend>
          {props.approxLayers.map((l) => (
            <label
              key={l.id}
              className="cav-review-check"
              data-testid="review-approx-switch"
              data-layer={l.id}
              data-reviewed={l.reviewed}
              data-choice={l.choice}
            >
              <input type="checkbox" checked={l.checked} onChange={(e) => props.onApproxSwitch(l.id, e.currentTarget.checked)} />
              {swatch(l.id)}
              <span>
                {l.title}
                <span className="cav-muted">
                  {' · '}
                  {l.choice === 'replaced'
                    ? t('review.approx.replaced', { names: l.replacedBy.map((n) => t('quote', { name: n })).join(', ') })
                    : l.choice === 'switched-off'
                      ? t('review.approx.off')
                      : t('review.approx.on')}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
      )}

      {props.issues.length > 0 && (
        <details className="cav-review-issues" data-testid="review-issues">
          <summary>{t('review.issues', { n: props.issues.reduce((s, i) => s + i.messages.length, 0) })}</summary>
          {props.issues.map((g) => (
            <div key={g.layer}>
              <p className="cav-review-issues-layer">{g.layer}</p>
              <ul>
                {g.messages.slice(0, 50).map((m, k) => (
                  <li key={k} data-testid="review-issue">
                    {m}
                  </li>
                ))}
                {g.messages.length > 50 && <li>… (+{g.messages.length - 50})</li>}
              </ul>
            </div>
          ))}
        </details>
      )}

      {/* avoid mode */}
      <fieldset className="cav-review-fieldset" data-testid="review-avoid">
        <legend>{t('review.avoid')}</legend>
        <div className="cav-segmented cav-review-avoid" role="radiogroup" aria-label={t('review.avoid')}>
          {(['off', 'penalise', 'forbid'] as const).map((m) => (
            <label key={m} className={avoidMode === m ? 'is-active' : undefined}>
              <input type="radio" name="cav-review-avoid" checked={avoidMode === m} onChange={() => setAvoid(m)} data-testid={`review-avoid-${m}`} />
              {t(`review.avoid.${m}`)}
            </label>
          ))}
        </div>
        {avoidMode === 'penalise' && (
          <label className="cav-review-inline" title={t('review.avoid.factor.hint')}>
            {t('review.avoid.factor')} ×
            <CommitInput
              className="cav-review-number"
              value={String(settings.avoid.factor)}
              inputMode="decimal"
              onCommit={(v) => {
                const k = Number(v.replace(',', '.'));
                if (Number.isFinite(k) && k >= 1) onSettings((s) => ({ ...s, avoid: { ...s.avoid, factor: k } }));
              }}
              data-testid="review-avoid-factor"
            />
          </label>
        )}
        {avoidMode !== 'off' && (
          <>
            <p className="cav-small cav-muted">
              {avoidMode === 'penalise'
                ? t('review.avoid.hint.penalise', { k: formatNumber(settings.avoid.factor, settings.avoid.factor % 1 ? 1 : 0) })
                : t('review.avoid.hint.forbid')}
            </p>
            {props.avoidable.length > 1 && (
              <div className="cav-review-avoid-layers">
                <span className="cav-small">{t('review.avoid.layers')}</span>
                {props.avoidable.map((l) => (
                  <label key={l.id} className="cav-review-check">
                    <input type="checkbox" checked={!chosen || chosen.includes(l.id)} onChange={(e) => toggleLayer(l.id, e.currentTarget.checked)} />
                    {l.title}
                  </label>
                ))}
              </div>
            )}
            <p className="cav-small cav-muted">{t('review.avoid.areasOnly')}</p>
            {props.routingKind === 'brouter' && <p className="cav-warning cav-small">{t('review.avoid.brouter')}</p>}
            {props.avoidApplies && props.detour && (
              <p className="cav-review-detour" data-testid="review-detour" data-with={props.detour.with_m} data-without={props.detour.without_m}>
                {Math.abs(props.detour.with_m - props.detour.without_m) < 1
                  ? props.detour.unavoidable.length > 0
                    ? t('review.detour.impossible', { with: kmOf(props.detour.with_m) })
                    : t('review.detour.none')
                  : t('review.detour', {
                      delta: `${props.detour.with_m >= props.detour.without_m ? '+' : '−'}${kmOf(Math.abs(props.detour.with_m - props.detour.without_m))}`,
                      with: kmOf(props.detour.with_m),
                      without: kmOf(props.detour.without_m),
                    })}
              </p>
            )}
            {props.avoidApplies && props.detour && props.detour.zones.length > 0 && (
              <table className="cav-review-periods cav-review-detour-zones" data-testid="review-detour-zones">
                <caption>{t('review.detour.table')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('review.detour.zone')}</th>
                    <th scope="col">{t('review.detour.before')}</th>
                    <th scope="col">{t('review.detour.after')}</th>
                    <th scope="col">{t('review.detour.change')}</th>
                  </tr>
                </thead>
                <tbody>
                  {props.detour.zones.map((z) => (
                    <tr
                      key={`${z.layer}|${z.id}`}
                      className={z.change_m >= 1 ? 'cav-review-worse' : undefined}
                      data-testid="review-detour-zone"
                      data-zone={z.zone}
                      data-before={z.before_m}
                      data-after={z.after_m}
                    >
                      <th scope="row">{label(z)}</th>
                      <td className="cav-review-num">{formatNumber(z.before_m)}&nbsp;m</td>
                      <td className="cav-review-num">{formatNumber(z.after_m)}&nbsp;m</td>
                      <td className="cav-review-num">
                        {`${z.change_m >= 0.5 ? '+' : z.change_m <= -0.5 ? '−' : ''}${formatNumber(Math.abs(z.change_m))}\u00a0m`}
                        {z.change_m >= 1 && <span className="cav-badge cav-badge--season"> {t('review.detour.worse')}</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {props.avoidApplies &&
              props.detour?.unavoidable.map((u) => (
                <p key={u.leg} className="cav-warning cav-small" data-testid="review-unavoidable">
                  {t(u.endInside ? 'review.unavoidable.point' : 'review.unavoidable', {
                    leg: u.leg + 1,
                    zones: u.zones.map((z) => t('quote', { name: z })).join(', '),
                    m: formatNumber(u.inside_m),
                  })}
                </p>
              ))}
          </>
        )}
      </fieldset>

      {/* season and load */}
      <details className="cav-review-details" data-testid="review-season">
        <summary>{t('review.season')}</summary>
        {load.source === 'event' && load.event ? (
          <div className="cav-small">
            <p>
              {t('review.season.event', { name: load.event.name })}
              {load.dates.length > 0 && ` · ${load.dates.map((d) => formatDate(d, lang, 'long')).join(', ')}`}
              {load.laps > 1 && ` · ${t('review.season.laps', { n: load.laps })}`}
            </p>
            <p>{t('review.season.runners', { n: load.event.participants.runners })}</p>
            <label className="cav-review-check">
              <input
                type="checkbox"
                checked={settings.includeStaff}
                onChange={(e) => {
                  const v = e.currentTarget.checked;
                  onSettings((s) => ({ ...s, includeStaff: v }));
                }}
                data-testid="review-include-staff"
              />
              {t('review.season.staff', { n: formatNumber(load.event.participants.staff) })}
            </label>
            <label className="cav-review-check">
              <input
                type="checkbox"
                checked={settings.includePublic}
                onChange={(e) => {
                  const v = e.currentTarget.checked;
                  onSettings((s) => ({ ...s, includePublic: v }));
                }}
                data-testid="review-include-public"
              />
              {t('review.season.public', { n: formatNumber(load.event.participants.public) })}
            </label>
          </div>
        ) : (
          <div className="cav-review-manual">
            <label>
              {t('review.season.from')}
              <input
                type="date"
                value={settings.manual.from}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  onSettings((s) => ({ ...s, manual: { ...s.manual, from: v } }));
                }}
                data-testid="review-date-from"
              />
            </label>
            <label>
              {t('review.season.to')}
              <input
                type="date"
                value={settings.manual.to}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  onSettings((s) => ({ ...s, manual: { ...s.manual, to: v } }));
                }}
                data-testid="review-date-to"
              />
            </label>
            <label>
              {t('review.season.participants')}
              <CommitInput
                className="cav-review-number"
                inputMode="numeric"
                value={settings.manual.participants === null ? '' : String(settings.manual.participants)}
                onCommit={(v) => {
                  const n = v.trim() === '' ? null : Math.round(Number(v));
                  if (n === null || (Number.isFinite(n) && n >= 0)) onSettings((s) => ({ ...s, manual: { ...s.manual, participants: n } }));
                }}
                data-testid="review-participants"
              />
            </label>
          </div>
        )}
        {!load.load && <p className="cav-small cav-muted">{t('review.season.noDate')}</p>}
        <fieldset className="cav-review-fieldset" data-testid="review-groups">
          <legend>{t('review.season.groups')}</legend>
          {SPECIES_GROUP_IDS.map((g) => (
            <label key={g} className="cav-review-check">
              <input
                type="checkbox"
                checked={settings.groups.includes(g)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  onSettings((s) => ({ ...s, groups: on ? [...new Set([...s.groups, g])] : s.groups.filter((x) => x !== g) }));
                }}
                data-testid={`review-group-${g}`}
              />
              {t(`review.season.group.${g}`)}
            </label>
          ))}
        </fieldset>
        {props.seasonKinds.length > 0 && (
          <table className="cav-review-periods">
            <caption>{t('review.season.periods')}</caption>
            <tbody>
              {props.seasonKinds.map((kind) => {
                const own = Object.hasOwn(settings.season, kind);
                const period = own ? settings.season[kind] : DEFAULT_PERIOD;
                const set = (p: SeasonPeriod | null) => onSettings((s) => ({ ...s, season: { ...s.season, [kind]: p } }));
                // back to the species groups' periods: the kind's own setting goes
                const follow = () =>
                  onSettings((s) => {
                    const { [kind]: _, ...rest } = s.season;
                    return { ...s, season: rest };
                  });
                return (
                  <tr key={kind} data-testid="review-period" data-kind={kind}>
                    <th scope="row">{zoneKindText(kind, lang)}</th>
                    <td>
                      <select
                        value={!own ? -1 : period ? period.from_month : 0}
                        onChange={(e) => {
                          const m = Number(e.currentTarget.value);
                          if (m === -1) follow();
                          else set(m === 0 ? null : { from_month: m, to_month: period?.to_month ?? DEFAULT_PERIOD.to_month });
                        }}
                        aria-label={`${zoneKindText(kind, lang)} — ${t('review.season.from')}`}
                      >
                        <option value={-1}>{t('review.season.byGroups')}</option>
                        <option value={0}>{t('review.season.none')}</option>
                        {months.map((name, k) => (
                          <option key={k} value={k + 1}>
                            {name}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      {own && period && (
                        <select
                          value={period.to_month}
                          onChange={(e) => {
                            const m = Number(e.currentTarget.value);
                            set({ from_month: period.from_month, to_month: m });
                          }}
                          aria-label={`${zoneKindText(kind, lang)} — ${t('review.season.to')}`}
                        >
                          {months.map((name, k) => (
                            <option key={k} value={k + 1}>
                              {name}
                            </option>
                          ))}
                        </select>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {props.seasonError && <p className="cav-error cav-small">{props.seasonError}</p>}
      </details>
      {props.season?.night && (
        <p
          className={props.season.night.night ? 'cav-warning cav-small' : 'cav-small cav-muted'}
          data-testid="review-night"
          data-night={props.season.night.night}
        >
          {t(props.season.night.night ? 'review.season.night' : 'review.season.day', {
            start: props.season.night.start.slice(11),
            end: props.season.night.end.slice(11),
            sunrise: props.season.night.sunrise ?? '—',
            sunset: props.season.night.sunset ?? '—',
          })}
        </p>
      )}
      {props.season && (
        <p
          className="cav-review-exposure"
          data-testid="review-exposure"
          data-total={props.season.exposure_person_km}
          data-in-season={props.season.in_season_exposure_person_km}
          title={t('review.season.exposure.hint')}
        >
          {t('review.season.exposure', {
            total: formatNumber(props.season.exposure_person_km, 1),
            season: formatNumber(props.season.in_season_exposure_person_km, 1),
          })}
        </p>
      )}
      {props.season && props.season.by_layer.length > 1 && (
        <ul className="cav-small cav-review-exposure-layers" data-testid="review-exposure-layers">
          {props.season.by_layer.map((l) => (
            <li key={l.layer} data-layer={l.layer} data-total={l.exposure_person_km}>
              {t('review.season.byLayer', { layer: layerLine(l.layer), total: formatNumber(l.exposure_person_km, 1) })}
            </li>
          ))}
        </ul>
      )}
      {props.season && Math.abs(props.season.sum_person_km - props.season.exposure_person_km) >= 0.05 && (
        <p className="cav-small cav-muted" data-testid="review-exposure-sum">
          {t('review.season.sum', { sum: formatNumber(props.season.sum_person_km, 1) })}
        </p>
      )}

      <details className="cav-review-details">
        <summary>{t('review.settings')}</summary>
        <label className="cav-review-inline">
          {t('review.buffer')}
          <CommitInput
            className="cav-review-number"
            inputMode="numeric"
            value={String(settings.buffer_m)}
            onCommit={(v) => {
              const m = Number(v.replace(',', '.'));
              if (Number.isFinite(m) && m >= 0 && m <= 20_000) onSettings((s) => ({ ...s, buffer_m: m }));
            }}
            data-testid="review-buffer"
          />
        </label>
      </details>

      <div className="cav-review-actions">
        <button
          type="button"
          className="cav-btn cav-btn--primary"
          disabled={!review || props.busy}
          onClick={props.onDossier}
          title={t('review.dossier.hint')}
          data-testid="review-dossier"
        >
          {t('review.dossier')}
        </button>
        <button type="button" className="cav-btn" disabled={!review || props.busy} onClick={props.onCsv} data-testid="review-csv">
          {t('review.csv')}
        </button>
      </div>
    </section>
  );
}
