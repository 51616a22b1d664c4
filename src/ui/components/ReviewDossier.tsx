// The « Dossier d'évaluation des incidences Natura 2000 » of a sports event, in the order of the
// formulaire d'évaluation simplifiée (see src/core/review/dossier.ts for the form and its
// sections), to print or save as PDF from the browser. Shown over the app; « Imprimer » prints
// only this sheet (@media print in review.css).
//
// It is a French administrative form: written in French whatever the interface's language
// (src/i18n/dossier.ts). Its content is the core's model (dossierModel); the maps are the core's
// projected geometry (dossier-map.ts), drawn by DossierMapFigure. Names of zones, communes,
// events and layers are data, rendered as React text nodes, never as HTML. The organiser answers
// the checklist, ticks the measures and fills in the conclusion here: the answers are kept in the
// event (saved, restored and undone with it).

import type { ReactNode } from 'react';
import type { DossierAnswers, ImpactCode, MeasureCode } from '../../core/event/model';
import type { DossierModel, DossierSectionId } from '../../core/review/dossier';
import type { DossierMap } from '../../core/review/dossier-map';
import { formatDate } from '../../i18n/dates';
import {
  DOSSIER_DISCIPLINES,
  DOSSIER_HINTS,
  DOSSIER_IMPACTS,
  DOSSIER_MEASURES,
  DOSSIER_PLACE_KINDS,
  DOSSIER_SECTION_TITLES,
  DOSSIER_TEXT as T,
  DOSSIER_YES_NO,
} from '../../i18n/dossier';
import { usePrintSheet } from '../hooks/use-print-sheet';
import { DossierMapFigure } from './DossierMapFigure';

export interface DossierLayerSource {
  id: string;
  title: string;
  /** an approximation of the official layer (embedded ones): said prominently */
  approximate: boolean;
  imported: boolean;
  source: string;
  licence: string;
  note: string | null;
}

export interface ReviewDossierProps {
  model: DossierModel;
  maps: DossierMap[];
  /** the basemap's tile URL when online; null offline */
  tileUrl: ((z: number, x: number, y: number) => string) | null;
  subject: { kind: 'route' | 'track'; name: string };
  buffer_m: number;
  /** the layers reviewed */
  sources: DossierLayerSource[];
  /** zone and layer problems, in words */
  issues: string[];
  generatedAt: Date;
  /** the organiser's answers; null when the route belongs to no event (nothing to keep them in) */
  answers: DossierAnswers | null;
  onAnswers: (answers: DossierAnswers) => void;
  onPrint?: () => void;
  onCsv: () => void;
  onClose: () => void;
}

const NBSP = '\u00a0';
const num = (v: number, d = 0) => v.toLocaleString('fr-FR', { minimumFractionDigits: d, maximumFractionDigits: d });
const km = (m: number, d = 2) => `${num(m / 1000, d)}${NBSP}km`;
const metres = (m: number) => `${num(m)}${NBSP}m`;
const pct = (share: number) => `${num(share * 100, 1)}${NBSP}%`;
const day = (iso: string) => formatDate(iso, 'fr', 'weekday');
const clock = (local: string | null) => (local ? `${formatDate(local.slice(0, 10), 'fr', 'short')} ${local.slice(11, 13)} h ${local.slice(14, 16)}` : null);

const ToFill = ({ wide = false }: { wide?: boolean }) => (
  <span className={`cav-dossier-fill${wide ? ' cav-dossier-fill--wide' : ''}`} role="img" aria-label={T.toFill} />
);
/** a value, or a line to fill when the organiser has not given it */
const orFill = (v: string | null | undefined, wide = true) => (v ? v : <ToFill wide={wide} />);
/** a box as printed: ☒ ticked, ☐ not */
const Box = ({ on }: { on: boolean }) => <span className="cav-dossier-box">{on ? '☒' : '☐'}</span>;

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="cav-dossier-field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Section({ id, n, children }: { id: DossierSectionId; n: number; children: ReactNode }) {
  return (
    <section className={`cav-dossier-section cav-dossier-section--${id}`} data-testid={`dossier-section-${id}`} data-section={id}>
      <h2>
        {n}. {DOSSIER_SECTION_TITLES[id]}
      </h2>
      {children}
    </section>
  );
}

export function ReviewDossier(props: ReviewDossierProps) {
  const { model, maps, tileUrl, subject, buffer_m, sources, issues, generatedAt, answers, onAnswers, onPrint, onCsv, onClose } = props;
  const closeButton = usePrintSheet('cav-printing-dossier', onClose);
  const ev = model.event;
  const loc = model.location;
  const total = loc.length_m;
  const approximateSources = sources.filter((s) => s.approximate);
  const set = (patch: Partial<DossierAnswers>) => answers && onAnswers({ ...answers, ...patch });
  const setImpact = (code: ImpactCode, answer: 'yes' | 'no', note?: string) =>
    answers && set({ impacts: { ...answers.impacts, [code]: { answer, note: note ?? answers.impacts[code]?.note ?? '' } } });
  const toggleMeasure = (m: MeasureCode, on: boolean) =>
    answers && set({ measures: on ? [...answers.measures.filter((x) => x !== m), m] : answers.measures.filter((x) => x !== m) });
  const crossed = model.sites.filter((s) => s.inside);
  const near = model.sites.filter((s) => !s.inside);
  // a zone's id beside its name where several zones of a layer share it (corridor stretches, parts of a site often do)
  const shared = new Map<string, number>();
  for (const s of model.sites) shared.set(`${s.layer}|${s.name}`, (shared.get(`${s.layer}|${s.name}`) ?? 0) + 1);
  const nameOf = (s: { layer: string; id: string; name: string }) => ((shared.get(`${s.layer}|${s.name}`) ?? 0) > 1 ? `${s.name} (${s.id})` : s.name);
  const siteLabel = (s: { code: string | null; name: string }) => (s.code ? `${s.code} — ${s.name}` : s.name);
  const places = [...ev.places.aid, ...ev.places.parking, ...ev.places.public];

  const section = (id: DossierSectionId): ReactNode => {
    const n = model.sections.indexOf(id) + 1;
    switch (id) {
      case 'organiser':
        return (
          <Section key={id} id={id} n={n}>
            <dl className="cav-dossier-fields">
              <Field label={T.organiserName}>{orFill(model.organiser.name)}</Field>
              <Field label={T.organiserAddress}>
                <span className="cav-dossier-multiline">{orFill(model.organiser.address)}</span>
              </Field>
              <Field label={T.organiserContact}>{orFill(model.organiser.contact)}</Field>
            </dl>
            {!(model.organiser.name && model.organiser.address && model.organiser.contact) && (
              <p className="cav-dossier-note cav-screen-only">{T.organiserHint}</p>
            )}
          </Section>
        );
      case 'event':
        return (
          <Section key={id} id={id} n={n}>
            <dl className="cav-dossier-fields">
              <Field label={T.nature}>{T.natureValue(ev.discipline ? DOSSIER_DISCIPLINES[ev.discipline] : null)}</Field>
              <Field label={T.eventName}>{orFill(ev.name)}</Field>
              <Field label={T.dates}>
                {ev.dates.length === 0 ? (
                  <ToFill />
                ) : ev.dates.length > 4 ? (
                  T.dateRange(day(ev.dates[0]), day(ev.dates[ev.dates.length - 1]))
                ) : (
                  ev.dates.map(day).join(' ; ')
                )}
              </Field>
              <Field label={T.publicRoads}>{DOSSIER_YES_NO[ev.publicRoads]}</Field>
              <Field label={T.offRoads}>{DOSSIER_YES_NO[ev.offRoads]}</Field>
              <Field label={T.night}>{ev.night === null ? <ToFill /> : DOSSIER_YES_NO[ev.night ? 'yes' : 'no']}</Field>
              <Field label={T.participants}>{ev.runners === null ? <ToFill /> : num(ev.runners)}</Field>
              <Field label={T.staff}>{ev.staff === null ? <ToFill /> : num(ev.staff)}</Field>
              <Field label={T.spectators}>{ev.public === null ? <ToFill /> : num(ev.public)}</Field>
            </dl>
            <h3>{T.formulas}</h3>
            {ev.formulas.length === 0 ? (
              <p>{T.subject(subject.kind, subject.name, km(total))}</p>
            ) : (
              <table className="cav-dossier-table" data-testid="dossier-formulas">
                <thead>
                  <tr>
                    <th scope="col">{T.formula}</th>
                    <th scope="col" className="cav-num">
                      {T.lap}
                    </th>
                    <th scope="col" className="cav-num">
                      {T.laps}
                    </th>
                    <th scope="col" className="cav-num">
                      {T.total}
                    </th>
                    <th scope="col">{T.start}</th>
                    <th scope="col">{T.end}</th>
                  </tr>
                </thead>
                <tbody>
                  {ev.formulas.map((f) => (
                    <tr key={f.id} data-testid="dossier-formula">
                      <td>
                        {f.name}
                        {f.reviewed && <em> ({T.reviewed})</em>}
                      </td>
                      <td className="cav-num">{f.lap_m === null ? '—' : km(f.lap_m)}</td>
                      <td className="cav-num">{f.laps}</td>
                      <td className="cav-num">{f.total_m === null ? '—' : km(f.total_m)}</td>
                      <td>{clock(f.start) ?? <ToFill />}</td>
                      <td>{clock(f.end) ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <h3>{T.places}</h3>
            {places.length === 0 ? (
              <p className="cav-dossier-note">
                {T.placesNone} <ToFill wide />
              </p>
            ) : (
              <table className="cav-dossier-table" data-testid="dossier-places">
                <thead>
                  <tr>
                    <th scope="col">{T.placeKind}</th>
                    <th scope="col">{T.placeName}</th>
                    <th scope="col">{T.placeAt}</th>
                  </tr>
                </thead>
                <tbody>
                  {places.map((p, i) => (
                    <tr key={i} data-testid="dossier-place" data-kind={p.kind}>
                      <td>{DOSSIER_PLACE_KINDS[p.kind] ?? p.kind}</td>
                      <td>{p.name}</td>
                      <td>
                        {p.formula}, km {num(p.km, 1)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Section>
        );
      case 'location':
        return (
          <Section key={id} id={id} n={n}>
            <h3>{T.communes}</h3>
            {loc.communes === null ? (
              <p className="cav-dossier-note">
                {T.communesMissing} <ToFill wide />
              </p>
            ) : loc.communes.length === 0 ? (
              <p className="cav-dossier-note">
                {T.communesNone} <ToFill wide />
              </p>
            ) : (
              <table className="cav-dossier-table" data-testid="dossier-communes">
                <thead>
                  <tr>
                    <th scope="col">{T.commune}</th>
                    <th scope="col">{T.insee}</th>
                    <th scope="col" className="cav-num">
                      {T.length}
                    </th>
                    <th scope="col" className="cav-num">
                      {T.share}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {loc.communes.map((c) => (
                    <tr key={`${c.insee}|${c.name}`} data-testid="dossier-commune">
                      <td>{c.name}</td>
                      <td>{c.insee}</td>
                      <td className="cav-num">{km(c.length_m)}</td>
                      <td className="cav-num">{pct(c.share)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {loc.communes && loc.communes.length > 0 && loc.outside_m > 10 && (
              <p className="cav-dossier-note" data-testid="dossier-communes-outside">
                {T.outside(km(loc.outside_m), loc.communesCover)}
              </p>
            )}
            <h3>{T.ways}</h3>
            {loc.ways ? (
              <>
                <table className="cav-dossier-table cav-dossier-table--narrow" data-testid="dossier-ways">
                  <tbody>
                    {(
                      [
                        [T.roads, loc.ways.road_m],
                        [T.paths, loc.ways.paths_m],
                        [T.unknownWays, loc.ways.unknown_m],
                      ] as const
                    ).map(([label, m]) => (
                      <tr key={label}>
                        <th scope="row">{label}</th>
                        <td className="cav-num">{km(m)}</td>
                        <td className="cav-num">{pct(total > 0 ? m / total : 0)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p className="cav-dossier-note">{T.waysNote}</p>
              </>
            ) : (
              <p className="cav-dossier-note" data-testid="dossier-ways-unknown">
                {T.waysUnknown} <ToFill wide />
              </p>
            )}
            <h3>{T.maps}</h3>
            {maps.map((m) => {
              const s = model.sites.find((x) => x.key === m.id);
              return <DossierMapFigure key={m.id} map={m} tileUrl={tileUrl} title={m.id === 'overall' || !s ? T.overallMap : T.siteMap(siteLabel(s))} />;
            })}
          </Section>
        );
      case 'sites':
        return (
          <Section key={id} id={id} n={n}>
            <p className="cav-dossier-note">{T.sitesIntro(metres(buffer_m))}</p>
            {model.sites.length === 0 ? (
              <p data-testid="dossier-no-crossing">{T.sitesNone}</p>
            ) : (
              <table className="cav-dossier-table" data-testid="dossier-sites">
                <thead>
                  <tr>
                    <th scope="col">{T.code}</th>
                    <th scope="col">{T.name}</th>
                    <th scope="col">{T.type}</th>
                    <th scope="col">{T.statement}</th>
                    <th scope="col">{T.passes}</th>
                    <th scope="col">{T.season}</th>
                    <th scope="col" className="cav-num">
                      {T.exposure}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[...crossed, ...near].map((s) => (
                    <tr
                      key={s.key}
                      data-testid={s.inside ? 'dossier-zone-row' : 'dossier-near-row'}
                      data-zone={s.name}
                      data-code={s.code ?? ''}
                      data-passes={s.passes.length}
                      className={s.inSeason ? 'cav-dossier-row--season' : undefined}
                    >
                      <td>{s.code ?? '—'}</td>
                      <td>
                        {nameOf(s)}
                        {s.approximate && <span className="cav-dossier-tag">{T.approximation}</span>}
                      </td>
                      <td>{s.type}</td>
                      <td>{s.inside ? T.insideFor(metres(s.length_m), pct(s.share)) : T.outsideAt(metres(s.distance_m ?? 0), num(s.at_km ?? 0, 2))}</td>
                      <td>
                        {s.passes.map((p, k) => (
                          <span key={k} className="cav-dossier-pass">
                            {num(p.from_km, 3)} → {num(p.to_km, 3)} ({metres(p.length_m)})
                          </span>
                        ))}
                      </td>
                      <td>{s.inSeason === null ? '—' : s.inSeason ? T.seasonYes : T.seasonNo}</td>
                      <td className="cav-num">{s.exposure_person_km === null ? '—' : num(s.exposure_person_km, 1)}</td>
                    </tr>
                  ))}
                </tbody>
                {model.exposure && (
                  <tfoot>
                    <tr data-testid="dossier-exposure">
                      <th scope="row" colSpan={6}>
                        {T.exposureTotal}
                      </th>
                      <td className="cav-num">
                        {num(model.exposure.person_km, 1)} ({num(model.exposure.inSeason_person_km, 1)})
                      </td>
                    </tr>
                  </tfoot>
                )}
              </table>
            )}
            {model.approximate && (
              <aside className="cav-dossier-alert" role="note" data-testid="dossier-approx">
                <p className="cav-dossier-alert-title">{T.approximate}</p>
                <p>{T.approximateText}</p>
                <ul>
                  {approximateSources.map((s) => (
                    <li key={s.id}>
                      <strong>{s.title}</strong>
                      {s.note ? ` — ${s.note}` : ''}
                    </li>
                  ))}
                </ul>
              </aside>
            )}
          </Section>
        );
      case 'habitats':
        return (
          <Section key={id} id={id} n={n}>
            <p className="cav-dossier-note">{T.habitatsIntro}</p>
            {model.habitats.length === 0 ? (
              <p>{T.sitesNone}</p>
            ) : (
              <table className="cav-dossier-table" data-testid="dossier-habitats">
                <thead>
                  <tr>
                    <th scope="col">{T.name}</th>
                    <th scope="col">{T.habitats}</th>
                    <th scope="col">{T.species}</th>
                    <th scope="col">{T.sheet}</th>
                  </tr>
                </thead>
                <tbody>
                  {model.habitats.map((h) => (
                    <tr key={h.key} data-testid="dossier-habitat">
                      <td>{siteLabel(h)}</td>
                      <td>{h.habitats ? h.habitats.join(' ; ') : <ToFill wide />}</td>
                      <td>{h.species ? h.species.join(' ; ') : <ToFill wide />}</td>
                      <td className="cav-dossier-url">{h.inpn ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Section>
        );
      case 'impacts':
        return (
          <Section key={id} id={id} n={n}>
            <p className="cav-dossier-note">{T.impactsIntro}</p>
            <ul className="cav-dossier-checklist" data-testid="dossier-impacts">
              {model.impacts.map((i) => (
                <li key={i.code} data-testid="dossier-impact" data-impact={i.code} data-answer={i.answer ?? ''}>
                  <span className="cav-dossier-impact-text">{DOSSIER_IMPACTS[i.code]}</span>
                  <span className="cav-dossier-yesno">
                    {(['yes', 'no'] as const).map((a) => (
                      <label key={a}>
                        <input
                          type="radio"
                          className="cav-screen-only"
                          name={`cav-impact-${i.code}`}
                          checked={i.answer === a}
                          disabled={!answers}
                          onChange={() => setImpact(i.code, a)}
                          data-testid={`dossier-impact-${i.code}-${a}`}
                        />
                        <Box on={i.answer === a} /> {a === 'yes' ? T.impactYes : T.impactNo}
                      </label>
                    ))}
                  </span>
                  {i.hints.length > 0 && (
                    <span className="cav-dossier-hint">
                      {T.hintsLead}
                      {i.hints.map((h) => DOSSIER_HINTS[h]).join(' ; ')}.
                    </span>
                  )}
                  {answers ? (
                    <input
                      className="cav-dossier-input"
                      aria-label={`${T.impactNote} — ${DOSSIER_IMPACTS[i.code]}`}
                      placeholder={T.impactNote}
                      value={i.note}
                      disabled={!i.answer}
                      onChange={(e) => i.answer && setImpact(i.code, i.answer, e.currentTarget.value)}
                      data-testid={`dossier-impact-${i.code}-note`}
                    />
                  ) : null}
                  {i.note && <span className="cav-print-only cav-dossier-impact-note">{i.note}</span>}
                </li>
              ))}
            </ul>
          </Section>
        );
      case 'measures':
        return (
          <Section key={id} id={id} n={n}>
            <ul className="cav-dossier-checklist" data-testid="dossier-measures">
              {model.measures.all.map((m) => {
                const on = model.measures.ticked.includes(m);
                return (
                  <li key={m} data-measure={m} data-ticked={on}>
                    <label>
                      <input
                        type="checkbox"
                        className="cav-screen-only"
                        checked={on}
                        disabled={!answers}
                        onChange={(e) => toggleMeasure(m, e.currentTarget.checked)}
                        data-testid={`dossier-measure-${m}`}
                      />
                      <Box on={on} /> {DOSSIER_MEASURES[m]}
                    </label>
                  </li>
                );
              })}
            </ul>
            <p>{T.measuresText}</p>
            {answers ? (
              <textarea
                className="cav-dossier-textarea"
                value={model.measures.text}
                rows={4}
                onChange={(e) => set({ measuresText: e.currentTarget.value })}
                data-testid="dossier-measures-text"
              />
            ) : null}
            <p className="cav-print-only cav-dossier-multiline">{model.measures.text}</p>
            {!model.measures.text && <div className="cav-dossier-lines" role="img" aria-label={T.toFill} />}
          </Section>
        );
      case 'conclusion':
        return (
          <Section key={id} id={id} n={n}>
            <div className="cav-dossier-conclusion" data-testid="dossier-conclusion" data-answer={model.conclusion.answer ?? ''}>
              <p>{T.conclusionQuestion}</p>
              <p className="cav-dossier-boxes">
                {(['no', 'yes'] as const).map((a) => (
                  <label key={a}>
                    <input
                      type="radio"
                      className="cav-screen-only"
                      name="cav-conclusion"
                      checked={model.conclusion.answer === a}
                      disabled={!answers}
                      onChange={() => set({ conclusion: a })}
                      data-testid={`dossier-conclusion-${a}`}
                    />
                    <Box on={model.conclusion.answer === a} /> {a === 'no' ? T.conclusionNo : T.conclusionYes}
                  </label>
                ))}
              </p>
              <p className="cav-dossier-sign">
                <span>
                  {T.madeAt}{' '}
                  {answers ? (
                    <input
                      className="cav-dossier-input"
                      value={model.conclusion.place}
                      onChange={(e) => set({ place: e.currentTarget.value })}
                      data-testid="dossier-made-at"
                      aria-label={T.madeAt}
                    />
                  ) : null}
                  <span className="cav-print-only">{orFill(model.conclusion.place, false)}</span>, {T.on}{' '}
                  {answers ? (
                    <input
                      type="date"
                      className="cav-dossier-input"
                      value={model.conclusion.signedOn ?? ''}
                      onChange={(e) => set({ signedOn: e.currentTarget.value || null })}
                      data-testid="dossier-signed-on"
                      aria-label={T.on}
                    />
                  ) : null}
                  <span className="cav-print-only">{model.conclusion.signedOn ? formatDate(model.conclusion.signedOn, 'fr', 'long') : <ToFill />}</span>
                </span>
                <span>
                  {T.signatory}{' '}
                  {answers ? (
                    <input
                      className="cav-dossier-input"
                      value={model.conclusion.signatory}
                      onChange={(e) => set({ signatory: e.currentTarget.value })}
                      data-testid="dossier-signatory"
                      aria-label={T.signatory}
                    />
                  ) : null}
                  <span className="cav-print-only">{orFill(model.conclusion.signatory, false)}</span>
                </span>
                <span>{T.signature}</span>
              </p>
            </div>
          </Section>
        );
    }
  };

  return (
    <div className="cav-dossier-backdrop" data-testid="review-dossier-view">
      <article className="cav-dossier" aria-labelledby="cav-dossier-title" lang="fr">
        <div className="cav-dossier-tools">
          <button type="button" className="cav-btn cav-btn--primary" onClick={onPrint ?? (() => window.print())} data-testid="dossier-print">
            {T.print}
          </button>
          <button type="button" className="cav-btn" onClick={onCsv} data-testid="dossier-csv">
            {T.csv}
          </button>
          <button type="button" className="cav-btn" onClick={onClose} ref={closeButton} data-testid="dossier-close">
            {T.close}
          </button>
        </div>

        <header className="cav-dossier-head">
          <p className="cav-dossier-kicker">{T.kicker}</p>
          <h1 id="cav-dossier-title">{T.title}</h1>
          <p className="cav-dossier-meta">{T.prepared(formatDate(generatedAt, 'fr', 'long'))}</p>
        </header>

        {model.sections.map(section)}

        <section className="cav-dossier-section cav-dossier-sources">
          <h2>{T.sources}</h2>
          <ul data-testid="dossier-sources">
            {sources.map((s) => (
              <li key={s.id}>
                <strong>{s.title}</strong>
                {s.approximate && <span className="cav-dossier-tag">{T.approximation}</span>}
                {s.imported && <span className="cav-dossier-tag cav-dossier-tag--imported">{T.importedLayer}</span>} — {s.source}
                {s.licence ? ` (${s.licence})` : ''}
              </li>
            ))}
          </ul>
          {issues.length > 0 && (
            <>
              <p>{T.issues}</p>
              <ul>
                {issues.slice(0, 30).map((m, k) => (
                  <li key={k}>{m}</li>
                ))}
                {issues.length > 30 && <li>{T.more(issues.length - 30)}</li>}
              </ul>
            </>
          )}
          <p className="cav-dossier-note">{T.method}</p>
        </section>
      </article>
    </div>
  );
}
