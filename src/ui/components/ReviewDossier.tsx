// The « Dossier d'évaluation des incidences Natura 2000 » of a sports event, laid out after the
// formulaire d'évaluation simplifiée des incidences Natura 2000 (description of the project, its
// location and extent, the sites concerned, the likely effects, the organiser's conclusion), to
// print or save as PDF from the browser. Shown over the app; « Imprimer » prints only this sheet
// (@media print in review.css).
//
// It is a French administrative form: written in French whatever the interface's language.
// Everything in it comes computed (workers/review-engine.ts: dossier()); names of zones, communes,
// events and layers are data, rendered as React text nodes, never as HTML. The map is an image of
// the app's own map (MapController.snapshot).

import type { ReactNode } from 'react';
import type { SeasonPeriod, SeasonReview } from '../../core/review';
import type { Result } from '../../core/errors';
import type { DossierData } from '../../../workers/protocol';
import { usePrintSheet } from '../hooks/use-print-sheet';
import { formatDate, monthNames } from '../../i18n/dates';

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

export interface DossierEventView {
  name: string | null;
  discipline: string | null;
  dates: string[];
  participants: { runners: number; staff: number; public: number } | null;
  /** the number the exposure uses, and who it counts */
  counted: number | null;
  countsStaff: boolean;
  countsPublic: boolean;
  laps: number;
}

export interface ReviewDossierProps {
  data: DossierData;
  subject: { kind: 'route' | 'track'; name: string };
  event: DossierEventView;
  /** the map fitted to the route (MapController.snapshot); null when it could not be taken */
  mapImage: { dataUrl: string; width_m: number; height_m: number } | null;
  /** the layers reviewed */
  sources: DossierLayerSource[];
  /** zone and layer problems, in words */
  issues: string[];
  /** the breeding periods used, per kind (kinds not listed: the default) */
  periods: (kind: string) => SeasonPeriod | null;
  generatedAt: Date;
  onPrint?: () => void;
  onCsv: () => void;
  onClose: () => void;
}

const NBSP = '\u00a0';
// the dossier is French whatever the interface's language
const MONTHS = monthNames('fr');
const num = (v: number, d = 0) => v.toLocaleString('fr-FR', { minimumFractionDigits: d, maximumFractionDigits: d });
const km = (m: number, d = 2) => `${num(m / 1000, d)}${NBSP}km`;
const metres = (m: number) => `${num(m)}${NBSP}m`;
const pct = (share: number) => `${num(share * 100, 1)}${NBSP}%`;
const day = (iso: string) => formatDate(iso, 'fr', 'weekday');
const period = (p: SeasonPeriod | null) => (p ? `${MONTHS[p.from_month - 1]} à ${MONTHS[p.to_month - 1]}` : 'aucune');
const ToFill = ({ wide = false }: { wide?: boolean }) => (
  <span className={`cav-dossier-fill${wide ? ' cav-dossier-fill--wide' : ''}`} role="img" aria-label="à compléter" />
);

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="cav-dossier-field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function ReviewDossier({ data, subject, event, mapImage, sources, issues, periods, generatedAt, onPrint, onCsv, onClose }: ReviewDossierProps) {
  const closeButton = usePrintSheet('cav-printing-dossier', onClose);

  const { review } = data.result;
  const season: Result<SeasonReview> | null = data.season;
  const flags = season?.ok ? season.value.flags : null;
  const flagOf = (layer: string, id: string) => flags?.find((f) => f.layer === layer && f.id === id) ?? null;
  const layerTitle = (id: string) => sources.find((s) => s.id === id)?.title ?? id;
  const approximate = sources.filter((s) => s.approximate);
  const total = review.route_length_m;
  // the zone's id beside its name where several zones of a layer share it (corridor stretches often do)
  const named = new Map<string, number>();
  for (const z of [...review.crossings, ...review.near]) named.set(`${z.layer}|${z.zone}`, (named.get(`${z.layer}|${z.zone}`) ?? 0) + 1);
  const label = (z: { zone: string; id: string; layer: string }) => ((named.get(`${z.layer}|${z.zone}`) ?? 0) > 1 ? `${z.zone} (${z.id})` : z.zone);
  const laps = Math.max(1, event.laps);

  return (
    <div className="cav-dossier-backdrop" data-testid="review-dossier-view">
      <article className="cav-dossier" aria-labelledby="cav-dossier-title" lang="fr">
        <div className="cav-dossier-tools">
          <button type="button" className="cav-btn cav-btn--primary" onClick={onPrint ?? (() => window.print())} data-testid="dossier-print">
            Imprimer ou enregistrer en PDF
          </button>
          <button type="button" className="cav-btn" onClick={onCsv} data-testid="dossier-csv">
            Télécharger le tableau (CSV)
          </button>
          <button type="button" className="cav-btn" onClick={onClose} ref={closeButton} data-testid="dossier-close">
            Fermer
          </button>
        </div>

        <header className="cav-dossier-head">
          <p className="cav-dossier-kicker">Manifestation sportive · formulaire d’évaluation simplifiée des incidences Natura 2000</p>
          <h1 id="cav-dossier-title">Dossier d’évaluation des incidences Natura 2000</h1>
          <p className="cav-dossier-meta">
            Préparé avec Cavalier le {formatDate(generatedAt, 'fr', 'long')} — document de travail, à vérifier, compléter et signer par l’organisateur avant
            dépôt auprès du service instructeur (préfecture, DDT(M)).
          </p>
        </header>

        {approximate.length > 0 && (
          <aside className="cav-dossier-alert" role="note" data-testid="dossier-approx">
            <p className="cav-dossier-alert-title">Attention{NBSP}: données approximatives</p>
            <p>
              Les zones sensibles comparées au parcours comprennent des couches embarquées dans Cavalier qui{' '}
              <strong>ne sont pas les périmètres officiels</strong>
              {NBSP}:
            </p>
            <ul>
              {approximate.map((s) => (
                <li key={s.id}>
                  <strong>{s.title}</strong>
                  {s.note ? ` — ${s.note}` : ''}
                </li>
              ))}
            </ul>
            <p>
              Les distances et longueurs ci-dessous sont exactes pour ces contours, mais ces contours ne sont qu’une approximation. Avant tout dépôt, vérifiez
              le parcours contre les périmètres officiels{NBSP}: sites Natura 2000, ZNIEFF et arrêtés de protection de biotope (INPN, inpn.mnhn.fr), Trame verte
              et bleue du SRCE Nord-Pas-de-Calais (geo2france.fr), en les important dans Cavalier comme «{NBSP}zones sensibles{NBSP}».
            </p>
          </aside>
        )}

        <section className="cav-dossier-section">
          <h2>1. Présentation de la manifestation</h2>
          <dl className="cav-dossier-fields">
            <Field label="Nature du projet">Manifestation sportive de plein air{event.discipline ? ` — ${event.discipline}` : ''}</Field>
            <Field label="Nom de la manifestation">{event.name ?? <ToFill wide />}</Field>
            <Field label="Organisateur (nom, adresse, contact)">
              <ToFill wide />
            </Field>
            <Field label="Date(s)">
              {event.dates.length === 0 ? (
                <ToFill />
              ) : event.dates.length > 4 ? (
                `du ${day(event.dates[0])} au ${day(event.dates[event.dates.length - 1])}`
              ) : (
                event.dates.map(day).join(' ; ')
              )}
            </Field>
            <Field label="Participants attendus">
              {event.participants ? (
                <>
                  {num(event.participants.runners)} participants, {num(event.participants.staff)} bénévoles et organisateurs, {num(event.participants.public)}{' '}
                  spectateurs
                </>
              ) : event.counted !== null ? (
                <>{num(event.counted)} personnes</>
              ) : (
                <ToFill />
              )}
            </Field>
            <Field label="Parcours">
              {subject.kind === 'route' ? 'Parcours tracé' : 'Trace importée'} «{NBSP}
              {subject.name}
              {NBSP}» — {km(total)}
              {laps > 1 && `, parcouru ${laps} fois (${km(total * laps, 1)} au total)`}
            </Field>
          </dl>
        </section>

        <section className="cav-dossier-section">
          <h2>2. Localisation et emprise</h2>
          <h3>2.1 Communes traversées</h3>
          {data.communes === null ? (
            <p className="cav-dossier-note">
              La couche des communes n’est pas disponible{NBSP}: communes à indiquer. <ToFill wide />
            </p>
          ) : data.communes.length === 0 ? (
            <p className="cav-dossier-note">
              Le parcours ne traverse aucune commune de la couche du Bassin minier{NBSP}: communes à indiquer. <ToFill wide />
            </p>
          ) : (
            <table className="cav-dossier-table" data-testid="dossier-communes">
              <thead>
                <tr>
                  <th scope="col">Commune</th>
                  <th scope="col">Code INSEE</th>
                  <th scope="col" className="cav-num">
                    Longueur du parcours
                  </th>
                  <th scope="col" className="cav-num">
                    Part
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.communes.map((c) => (
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
          {data.communes && data.communes.length > 0 && data.communes.reduce((s, c) => s + c.length_m, 0) < total - 10 && (
            <p className="cav-dossier-note">
              {km(total - data.communes.reduce((s, c) => s + c.length_m, 0))} du parcours sont hors des communes du Bassin minier couvertes par la couche{NBSP}:
              communes à compléter.
            </p>
          )}

          <h3>2.2 Carte du parcours et des zones sensibles</h3>
          <figure className="cav-dossier-map">
            {mapImage ? (
              <img src={mapImage.dataUrl} alt={`Carte du parcours «${NBSP}${subject.name}${NBSP}» et des zones sensibles`} data-testid="dossier-map" />
            ) : (
              <p className="cav-dossier-note" data-testid="dossier-map-missing">
                La carte n’a pas pu être produite (carte indisponible dans ce navigateur){NBSP}: joignez un extrait de carte au dossier.
              </p>
            )}
            <figcaption>
              {mapImage &&
                `Nord en haut ; emprise de la carte d’environ ${km(mapImage.width_m, mapImage.width_m < 10_000 ? 1 : 0)} × ${km(mapImage.height_m, mapImage.height_m < 10_000 ? 1 : 0)}. `}
              Parcours en bleu (trace importée en violet), zones protégées en rouge hachuré, réservoirs de biodiversité en vert, corridors en tirets verts,
              couches importées en violet hachuré. Fond{NBSP}: couches embarquées de Cavalier.
            </figcaption>
          </figure>

          <h3>2.3 Voies empruntées</h3>
          {data.ways ? (
            <>
              <table className="cav-dossier-table cav-dossier-table--narrow" data-testid="dossier-ways">
                <tbody>
                  <tr>
                    <th scope="row">Voies publiques ouvertes à la circulation (routes)</th>
                    <td className="cav-num">{km(data.ways.road_m)}</td>
                    <td className="cav-num">{pct(total > 0 ? data.ways.road_m / total : 0)}</td>
                  </tr>
                  <tr>
                    <th scope="row">Chemins, sentiers, pistes et cavaliers</th>
                    <td className="cav-num">{km(data.ways.paths_m)}</td>
                    <td className="cav-num">{pct(total > 0 ? data.ways.paths_m / total : 0)}</td>
                  </tr>
                  <tr>
                    <th scope="row">Nature inconnue (raccords non vérifiés, tronçons en ligne droite)</th>
                    <td className="cav-num">{km(data.ways.unknown_m)}</td>
                    <td className="cav-num">{pct(total > 0 ? data.ways.unknown_m / total : 0)}</td>
                  </tr>
                </tbody>
              </table>
              <p className="cav-dossier-note">
                D’après le type des voies du réseau de tracé. Le réseau embarqué (cavaliers miniers) ne contient pas les routes{NBSP}: les traversées et
                emprunts de routes n’y figurent pas et sont à vérifier sur le terrain.
              </p>
            </>
          ) : (
            <p className="cav-dossier-note" data-testid="dossier-ways-unknown">
              Inconnu{NBSP}: le parcours est une trace importée, sans lien avec un réseau de voies. Longueurs sur routes et sur chemins à indiquer.{' '}
              <ToFill wide />
            </p>
          )}
        </section>

        <section className="cav-dossier-section">
          <h2>3. Sites Natura 2000 et zones sensibles concernés</h2>
          <p className="cav-dossier-note">
            Zone d’influence retenue{NBSP}: les zones traversées par le parcours et celles situées à moins de {metres(review.buffer_m)} de lui. Un parcours qui
            longe la limite d’une zone est compté dedans. Les corridors écologiques (lignes) comptent pour une bande de {metres(review.corridor_m)} de part et
            d’autre.
          </p>
          <h3>3.1 Zones traversées</h3>
          {review.crossings.length === 0 ? (
            <p data-testid="dossier-no-crossing">Le parcours ne traverse aucune des zones sensibles comparées.</p>
          ) : (
            <table className="cav-dossier-table" data-testid="dossier-crossings">
              <thead>
                <tr>
                  <th scope="col">Zone</th>
                  <th scope="col">Type</th>
                  <th scope="col">Couche</th>
                  <th scope="col">Passages (km d’entrée → de sortie)</th>
                  <th scope="col" className="cav-num">
                    Longueur dedans
                  </th>
                  <th scope="col" className="cav-num">
                    Part du parcours
                  </th>
                </tr>
              </thead>
              <tbody>
                {review.crossings.map((c) => (
                  <tr key={`${c.layer}|${c.id}`} data-testid="dossier-zone-row" data-zone={c.zone} data-passes={c.passes.length}>
                    <td>
                      {c.code && <span className="cav-dossier-code">{c.code} </span>}
                      {label(c)}
                    </td>
                    <td>{c.kind}</td>
                    <td>{layerTitle(c.layer)}</td>
                    <td>
                      {c.passes.map((p, k) => (
                        <span key={k} className="cav-dossier-pass">
                          {num(p.from_km, 3)} → {num(p.to_km, 3)} ({metres(p.length_m)})
                        </span>
                      ))}
                    </td>
                    <td className="cav-num">{metres(c.length_m)}</td>
                    <td className="cav-num">{pct(c.share)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>3.2 Zones proches, non traversées</h3>
          {review.near.length === 0 ? (
            <p>Aucune autre zone sensible à moins de {metres(review.buffer_m)} du parcours.</p>
          ) : (
            <table className="cav-dossier-table" data-testid="dossier-near">
              <thead>
                <tr>
                  <th scope="col">Zone</th>
                  <th scope="col">Type</th>
                  <th scope="col">Couche</th>
                  <th scope="col" className="cav-num">
                    Distance minimale
                  </th>
                  <th scope="col" className="cav-num">
                    Au km
                  </th>
                </tr>
              </thead>
              <tbody>
                {review.near.map((n) => (
                  <tr key={`${n.layer}|${n.id}`} data-testid="dossier-near-row">
                    <td>
                      {n.code && <span className="cav-dossier-code">{n.code} </span>}
                      {label(n)}
                    </td>
                    <td>{n.kind}</td>
                    <td>{layerTitle(n.layer)}</td>
                    <td className="cav-num">{metres(n.distance_m)}</td>
                    <td className="cav-num">{num(n.at_km, 2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <section className="cav-dossier-section">
          <h2>4. Incidences potentielles{NBSP}: période et fréquentation</h2>
          {review.crossings.length === 0 ? (
            <p>Sans passage dans une zone sensible, aucune exposition n’est calculée.</p>
          ) : !season ? (
            <p className="cav-dossier-note">
              Date ou nombre de participants non renseignés{NBSP}: la période de nidification et l’exposition ne sont pas évaluées. <ToFill wide />
            </p>
          ) : !season.ok ? (
            <p className="cav-dossier-note">
              Période non évaluée{NBSP}: {season.error.code === 'event.bad-date' ? 'date de la manifestation à indiquer' : 'réglages de période invalides'}.
            </p>
          ) : (
            <>
              <table className="cav-dossier-table" data-testid="dossier-season">
                <thead>
                  <tr>
                    <th scope="col">Zone</th>
                    <th scope="col">Type</th>
                    <th scope="col">Période de nidification</th>
                    <th scope="col">Manifestation pendant la période</th>
                    <th scope="col" className="cav-num">
                      Exposition (personnes·km)
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {review.crossings.map((c) => {
                    const f = flagOf(c.layer, c.id);
                    return (
                      <tr key={`${c.layer}|${c.id}`} className={f?.in_season ? 'cav-dossier-row--season' : undefined}>
                        <td>{label(c)}</td>
                        <td>{c.kind}</td>
                        <td>{period(periods(c.kind))}</td>
                        <td>{f ? (f.in_season ? 'OUI' : 'non') : '—'}</td>
                        <td className="cav-num">{f ? num(f.exposure_person_km, 1) : '—'}</td>
                      </tr>
                    );
                  })}
                </tbody>
                <tfoot>
                  {season.value.by_layer.length > 1 &&
                    season.value.by_layer.map((l) => (
                      <tr key={l.layer} data-testid="dossier-exposure-layer">
                        <th scope="row" colSpan={4}>
                          Couche «{NBSP}
                          {data.layers.find((x) => x.id === l.layer)?.title ?? l.layer}
                          {NBSP}», union de ses zones (dont en période sensible)
                        </th>
                        <td className="cav-num">
                          {num(l.exposure_person_km, 1)} ({num(l.in_season_exposure_person_km, 1)})
                        </td>
                      </tr>
                    ))}
                  <tr data-testid="dossier-exposure-total">
                    <th scope="row" colSpan={4}>
                      Total sur l’union des zones traversées, chevauchements comptés une fois (dont en période sensible)
                    </th>
                    <td className="cav-num">
                      {num(season.value.exposure_person_km, 1)} ({num(season.value.in_season_exposure_person_km, 1)})
                    </td>
                  </tr>
                </tfoot>
              </table>
              <p className="cav-dossier-note">
                Exposition = personnes sur le parcours ({num(event.counted ?? 0)}
                {event.countsStaff || event.countsPublic
                  ? `, ${[event.countsStaff && 'bénévoles', event.countsPublic && 'public'].filter(Boolean).join(' et ')} compris`
                  : ', participants seuls'}
                ) × nombre de tours ({laps}) × longueur dans la zone. La manifestation est «{NBSP}pendant la période{NBSP}» quand l’un de ses jours tombe dans
                l’un des mois de la période. Le total est calculé sur l’union des zones{NBSP}: un mètre à la fois dans une ZSC et dans la ZPS qui la contient ne
                compte qu’une fois (somme zone par zone{NBSP}: {num(season.value.sum_person_km, 1)}
                {NBSP}personnes·km).
              </p>
            </>
          )}
        </section>

        <section className="cav-dossier-section cav-dossier-conclusion">
          <h2>5. Conclusion (à remplir par l’organisateur)</h2>
          <p>Le projet est-il susceptible d’avoir une incidence significative sur un ou plusieurs sites Natura 2000{NBSP}?</p>
          <p className="cav-dossier-boxes">
            <span>☐ NON{NBSP}: ce formulaire, accompagné de ses pièces, est joint à la demande d’autorisation.</span>
            <span>☐ OUI{NBSP}: l’évaluation des incidences doit se poursuivre (dossier complet).</span>
          </p>
          <p>Mesures prévues pour éviter ou réduire les incidences (balisage, horaires, encadrement, tracé modifié…){NBSP}:</p>
          <div className="cav-dossier-lines" role="img" aria-label="à compléter" />
          <p className="cav-dossier-sign">
            <span>
              Fait à <ToFill />, le <ToFill />
            </span>
            <span>Signature de l’organisateur</span>
          </p>
        </section>

        <section className="cav-dossier-section cav-dossier-sources">
          <h2>Sources et méthode</h2>
          <ul data-testid="dossier-sources">
            {sources.map((s) => (
              <li key={s.id}>
                <strong>{s.title}</strong>
                {s.approximate && <span className="cav-dossier-tag">approximation</span>}
                {s.imported && <span className="cav-dossier-tag cav-dossier-tag--imported">couche importée</span>} — {s.source}
                {s.licence ? ` (${s.licence})` : ''}
              </li>
            ))}
          </ul>
          {issues.length > 0 && (
            <>
              <p>Zones corrigées ou écartées lors de la lecture des couches{NBSP}:</p>
              <ul>
                {issues.slice(0, 30).map((m, k) => (
                  <li key={k}>{m}</li>
                ))}
                {issues.length > 30 && <li>… et {issues.length - 30} autres.</li>}
              </ul>
            </>
          )}
          <p className="cav-dossier-note">
            Longueurs géodésiques (ellipsoïde WGS84), kilomètres comptés depuis le départ le long du parcours. Communes{NBSP}: contours geo.api.gouv.fr. Calcul
            {NBSP}: Cavalier, le même que la commande «{NBSP}cavalier review{NBSP}»{NBSP}; le tableau des passages est aussi fourni au format CSV.
          </p>
        </section>
      </article>
    </div>
  );
}
