// The words of the Natura 2000 dossier (src/ui/components/ReviewDossier.tsx). The dossier is a
// French administrative form: it is written in French whatever the interface's language, so this
// dictionary has French only. The codes come from src/core/review/dossier.ts.

import type { CoursePointKind, Discipline, ImpactCode, MeasureCode } from '../core/event/model';
import type { DossierSectionId, ImpactHint } from '../core/review/dossier';
import type { MapZoneStyle } from '../core/review/dossier-map';

const NBSP = '\u00a0';

/** Section titles, numbered in the form's order. */
export const DOSSIER_SECTION_TITLES: Readonly<Record<DossierSectionId, string>> = {
  organiser: 'Coordonnées du porteur de projet (organisateur)',
  event: 'Description de la manifestation',
  location: 'Localisation de la manifestation et cartographie',
  sites: 'Sites Natura 2000 et zones sensibles concernés',
  habitats: 'Habitats naturels et espèces concernés',
  impacts: 'Incidences potentielles de la manifestation',
  measures: 'Mesures prises pour éviter ou réduire les incidences',
  conclusion: 'Conclusion',
};

export const DOSSIER_DISCIPLINES: Readonly<Record<Discipline, string>> = {
  trail: 'trail (course à pied en nature)',
  'vtt-xc': 'VTT cross-country',
  raid: 'raid multisport',
  marche: 'marche / randonnée',
};

/** The expected effects, as the organiser is asked them. */
export const DOSSIER_IMPACTS: Readonly<Record<ImpactCode, string>> = {
  trampling: 'Piétinement de milieux fragiles (bords de mares, pelouses, landes, terrils) par les participants ou le public',
  noise: 'Bruit (sonorisation, animations, véhicules d’organisation)',
  disturbance: 'Dérangement des espèces (passage, présence humaine, chiens), notamment en période de reproduction',
  waste: 'Déchets (ravitaillements, gobelets, emballages, balisage oublié)',
  marking: 'Balisage (peinture, rubalise, panneaux) et son retrait',
  parking: 'Stationnement des véhicules (participants, public, organisation) sur des milieux naturels',
  lighting: 'Éclairage (frontales, projecteurs, zones d’accueil éclairées)',
  night: 'Manifestation ou partie de manifestation de nuit',
};

export const DOSSIER_HINTS: Readonly<Record<ImpactHint, string>> = {
  'route-inside': 'le parcours traverse au moins une zone sensible',
  'in-season': 'la manifestation a lieu en période de reproduction d’une zone traversée',
  'night-times': 'les horaires d’une formule tombent entre 21 h et 6 h',
  'parking-points': 'des parkings sont placés sur le parcours',
  'public-points': 'des espaces pour le public sont placés sur le parcours',
  'aid-points': 'des ravitaillements sont placés sur le parcours',
  'off-roads': 'une partie du parcours emprunte des chemins hors des voies publiques',
};

/** Common measures the organiser can tick. */
export const DOSSIER_MEASURES: Readonly<Record<MeasureCode, string>> = {
  'stay-on-paths': 'Parcours limité aux chemins et voies existants, sans coupe ni hors-piste',
  'removable-marking': 'Balisage temporaire et amovible (rubalise, panneaux), sans peinture',
  'marking-removed': 'Débalisage complet dans les 48 h suivant la manifestation',
  'waste-collected': 'Ravitaillements hors zones sensibles, poubelles et ramassage des déchets le long du parcours',
  'no-sound': 'Pas de sonorisation en zone sensible ni à proximité',
  'parking-outside': 'Stationnement sur des parkings existants, hors milieux naturels',
  'marshals-sensitive': 'Signaleurs aux abords des secteurs sensibles (canalisation du public)',
  briefing: 'Consignes environnementales données aux participants (briefing, règlement)',
  'outside-breeding': 'Date choisie hors de la période de reproduction des espèces',
  'no-night': 'Pas de passage de nuit dans les zones sensibles',
};

export const DOSSIER_PLACE_KINDS: Readonly<Partial<Record<CoursePointKind, string>>> = {
  aid: 'ravitaillement',
  water: 'point d’eau',
  parking: 'parking',
  public: 'espace public',
  start: 'départ',
  finish: 'arrivée',
};

export const DOSSIER_ZONE_STYLES: Readonly<Record<MapZoneStyle, string>> = {
  natura2000: 'Site Natura 2000',
  protection: 'Zone protégée',
  reservoir: 'Réservoir de biodiversité',
  corridor: 'Corridor écologique',
  imported: 'Zone sensible importée',
  other: 'Zone sensible',
};

export const DOSSIER_YES_NO: Readonly<Record<'yes' | 'no' | 'unknown', string>> = { yes: 'oui', no: 'non', unknown: 'à préciser' };

export const DOSSIER_TEXT = {
  /** the source line of a layer the user imported */
  importedSource: 'fichier importé dans Cavalier par l’utilisateur',
  kicker: 'Manifestation sportive · formulaire d’évaluation simplifiée des incidences Natura 2000',
  title: 'Dossier d’évaluation des incidences Natura 2000',
  prepared: (date: string) =>
    `Préparé avec Cavalier le ${date} — document de travail, à vérifier, compléter et signer par l’organisateur avant dépôt auprès du service instructeur (préfecture, DDT(M)).`,
  print: 'Imprimer ou enregistrer en PDF',
  csv: 'Télécharger le tableau (CSV)',
  close: 'Fermer',
  toFill: 'à compléter',
  organiserName: 'Nom, raison sociale',
  organiserAddress: 'Adresse',
  organiserContact: 'Téléphone, courriel',
  organiserHint: 'Ces coordonnées se saisissent dans le détail de la manifestation (panneau Manifestations).',
  nature: 'Nature de la manifestation',
  natureValue: (discipline: string | null) => `Manifestation sportive de plein air${discipline ? ` — ${discipline}` : ''}`,
  eventName: 'Nom de la manifestation',
  subject: (kind: 'route' | 'track', name: string, length: string) =>
    `${kind === 'route' ? 'Parcours tracé' : 'Trace importée'} «${NBSP}${name}${NBSP}» — ${length}`,
  dateRange: (from: string, to: string) => `du ${from} au ${to}`,
  dates: 'Date(s)',
  publicRoads: 'Se déroule au moins en partie sur la voie publique',
  offRoads: 'Se déroule en dehors des voies ouvertes à la circulation publique',
  night: 'De nuit (entre 21 h et 6 h)',
  participants: 'Participants attendus',
  staff: 'Bénévoles et organisateurs',
  spectators: 'Public (spectateurs)',
  formulas: 'Formules (épreuves)',
  formula: 'Formule',
  lap: 'Boucle',
  laps: 'Tours',
  total: 'Distance totale',
  start: 'Départ',
  end: 'Fin (barrière horaire)',
  reviewed: 'parcours évalué ci-dessous',
  places: 'Ravitaillements, parkings et espaces publics',
  placesNone: 'Aucun ravitaillement, parking ni espace public placé sur les parcours (points de parcours de la manifestation)',
  placeKind: 'Nature',
  placeName: 'Nom',
  placeAt: 'Formule, km',
  communes: 'Communes sur lesquelles la manifestation se déroule',
  communesNone: `Aucune commune de la couche n’est traversée${NBSP}: communes à indiquer.`,
  communesMissing: `La couche des communes n’est pas disponible${NBSP}: communes à indiquer.`,
  outside: (km: string, cover: 'region' | 'basin' | null) =>
    cover === 'region'
      ? `${km} du parcours sont hors du Nord et du Pas-de-Calais${NBSP}: communes à compléter.`
      : `${km} du parcours sont hors des communes du Bassin minier couvertes par la couche${NBSP}: communes à compléter.`,
  commune: 'Commune',
  insee: 'Code INSEE',
  length: 'Longueur du parcours',
  share: 'Part',
  ways: 'Voies empruntées',
  roads: 'Voies publiques ouvertes à la circulation (routes)',
  paths: 'Chemins, sentiers, pistes et cavaliers',
  unknownWays: 'Nature inconnue (raccords non vérifiés, tronçons en ligne droite)',
  waysNote: `D’après le type des voies du réseau de tracé. Le réseau embarqué (cavaliers miniers) ne contient pas les routes${NBSP}: les traversées et emprunts de routes n’y figurent pas et sont à vérifier sur le terrain.`,
  waysUnknown: `Inconnu${NBSP}: le parcours est une trace importée, sans lien avec un réseau de voies. Longueurs sur routes et sur chemins à indiquer.`,
  maps: 'Cartes',
  overallMap: 'Carte d’ensemble du parcours et des zones sensibles',
  siteMap: (label: string) => `Carte détaillée — ${label}`,
  scale: (s: string) => `Échelle 1${NBSP}:${NBSP}${s}`,
  basemapOnline: 'Fond Plan IGN (Géoplateforme, © IGN)',
  basemapOffline: 'Fond hors ligne : noms des communes (geo.api.gouv.fr)',
  legend: 'Légende',
  legendRoute: 'Parcours',
  legendKm: (step: number) => `Repère tous les ${step}${NBSP}km`,
  north: 'N',
  zoneLabel: `Zones étiquetées par leur code de site, sinon par leur nom`,
  sitesIntro: (buffer: string) =>
    `Zone d’influence retenue${NBSP}: les zones traversées par le parcours et celles situées à moins de ${buffer} de lui. Un parcours qui longe la limite d’une zone est compté dedans.`,
  sitesNone: 'Le parcours ne traverse aucune zone sensible et n’en approche aucune dans la zone d’influence.',
  code: 'Code',
  name: 'Nom',
  type: 'Type',
  statement: 'Situation du parcours',
  insideFor: (m: string, share: string) => `dans le site, sur ${m} (${share} du parcours)`,
  outsideAt: (m: string, km: string) => `hors site, à ${m} (au km ${km})`,
  passes: 'Passages (km d’entrée → de sortie)',
  season: 'Période de reproduction',
  seasonYes: 'manifestation pendant la période',
  seasonNo: 'hors période',
  exposure: 'Exposition (personnes·km)',
  exposureTotal: 'Total sur la réunion des zones traversées, chevauchements comptés une fois (dont en période de reproduction)',
  approximate: `Attention${NBSP}: données approximatives`,
  approximateText:
    'Une partie des zones comparées au parcours vient des couches embarquées de Cavalier, qui ne sont pas les périmètres officiels. Vérifiez le parcours contre les périmètres officiels (INPN, geo2france.fr) en les important comme « zones sensibles ».',
  habitatsIntro:
    'D’après les attributs des couches quand elles les donnent, sinon à compléter depuis la fiche INPN du site (formulaire standard de données) ou auprès de l’animateur du site.',
  habitats: 'Habitats naturels',
  species: 'Espèces',
  sheet: 'Fiche INPN',
  impactsIntro: 'Pour chaque incidence possible, l’organisateur indique si la manifestation est susceptible de la causer, et précise.',
  impactYes: 'oui',
  impactNo: 'non',
  impactNote: 'Précisions',
  hintsLead: 'Indices tirés du parcours : ',
  measuresText: 'Autres mesures (texte libre)',
  conclusionQuestion: `Le projet est-il susceptible d’avoir une incidence significative sur un ou plusieurs sites Natura 2000${NBSP}?`,
  conclusionNo: `NON${NBSP}: ce formulaire, accompagné de ses pièces, est joint à la demande d’autorisation ou à la déclaration.`,
  conclusionYes: `OUI${NBSP}: l’évaluation des incidences doit se poursuivre (dossier complet).`,
  madeAt: 'Fait à',
  on: 'le',
  signatory: 'Nom et qualité du signataire',
  signature: 'Signature de l’organisateur',
  sources: 'Sources et méthode',
  method:
    'Longueurs géodésiques (ellipsoïde WGS84), kilomètres comptés depuis le départ le long du parcours. Calcul : Cavalier, le même que la commande « cavalier review » ; le tableau des passages est aussi fourni au format CSV. Cartes en projection Web Mercator, échelle exacte au centre de chaque carte.',
  issues: 'Zones corrigées ou écartées lors de la lecture des couches :',
  more: (n: number) => `… et ${n} autres.`,
  approximation: 'approximation',
  importedLayer: 'couche importée',
};
