// The labels the map's popups give the attributes of the embedded layers (the pipeline's own
// names and the raw names it keeps for the search), and the words for the values it codes.
// An attribute not listed here is shown under its own name: an imported layer's fields are the
// user's. French first, English second.

type Lang = 'fr' | 'en';

/** null: not shown (a flag the map draws, or a field another one already says) */
const LABELS: Record<string, { fr: string; en: string } | null> = {
  // common
  id: { fr: 'Identifiant', en: 'Id' },
  communes: { fr: 'Communes', en: 'Municipalities' },
  commune: { fr: 'Commune', en: 'Municipality' },
  source: { fr: 'Source', en: 'Source' },
  source_layer: { fr: 'Couche d’origine', en: 'Source layer' },
  kind: { fr: 'Type', en: 'Kind' },
  // terrils, shafts, communes
  nom: { fr: 'Nom officiel', en: 'Official name' },
  forme: { fr: 'Forme', en: 'Shape' },
  unesco: { fr: 'Bien UNESCO', en: 'UNESCO property' },
  compagnie: { fr: 'Compagnie minière', en: 'Mining company' },
  groupe: { fr: 'Groupe', en: 'Group' },
  nom_usuel: { fr: 'Nom usuel', en: 'Common name' },
  // the UNESCO listing (2012): 109 components (« éléments »), each of one or more items (« objets »)
  id_unesco: { fr: 'Référence UNESCO', en: 'UNESCO reference' },
  element: { fr: 'Élément UNESCO n°', en: 'UNESCO component no.' },
  objet: { fr: 'Objet de l’élément', en: 'Item of the component' },
  longueur_m: { fr: 'Longueur (m)', en: 'Length (m)' },
  // the pipeline's own marks: a terril listed twice, the search's other spelling of a pit
  doublon_unesco: null,
  fosse_alias: null,
  // pits (BRGM)
  concession: { fr: 'Concession', en: 'Concession' },
  creusement: { fr: 'Creusé en', en: 'Sunk in' },
  fermeture: { fr: 'Fermé en', en: 'Closed in' },
  brgm: { fr: 'Fiche BRGM (InfoTerre)', en: 'BRGM record (InfoTerre)' },
  cote_suspecte: { fr: 'Altitude du sol douteuse', en: 'Ground altitude doubtful' },
  // protections drawn from a terril's outline
  kinds: { fr: 'Protections', en: 'Protections' },
  protection: { fr: 'Acte de protection', en: 'Protection act' },
  outline: { fr: 'Contour tracé', en: 'Outline drawn' },
  fosse: { fr: 'Fosse', en: 'Pit' },
  puits: { fr: 'Puits', en: 'Shaft' },
  cote: { fr: 'Altitude du sol (m)', en: 'Ground altitude (m)' },
  profondeur: { fr: 'Profondeur (m)', en: 'Depth (m)' },
  population: { fr: 'Population', en: 'Population' },
  insee: { fr: 'Code INSEE', en: 'INSEE code' },
  epci: { fr: 'Intercommunalité', en: 'Intercommunality' },
  surface_km2: { fr: 'Surface (km²)', en: 'Area (km²)' },
  // routing network
  way: { fr: 'Type de voie', en: 'Way type' },
  length_m: { fr: 'Longueur (m)', en: 'Length (m)' },
  // friches (Cartofriches)
  site_id: { fr: 'Identifiant Cartofriches', en: 'Cartofriches id' },
  site_nom: { fr: 'Nom dans l’inventaire', en: 'Name in the inventory' },
  site_statut: { fr: 'Statut', en: 'Status' },
  verifiee: null,
  site_type: { fr: 'Type de friche', en: 'Brownfield type' },
  site_surface: { fr: 'Surface (m²)', en: 'Area (m²)' },
  activite_libelle: { fr: 'Activité passée', en: 'Former activity' },
  comm_nom: { fr: 'Commune', en: 'Municipality' },
  comm_insee: { fr: 'Code INSEE', en: 'INSEE code' },
  site_identif_date: { fr: 'Identifiée le', en: 'Identified on' },
  site_actu_date: { fr: 'Mise à jour le', en: 'Updated on' },
  source_nom: { fr: 'Origine de la donnée', en: 'Data origin' },
  site_url: { fr: 'Fiche', en: 'Record' },
  // véloroutes, OSM routes
  ref: { fr: 'Numéro', en: 'Number' },
  NUMERO_VEL: null,
  itineraire: { fr: 'Itinéraire', en: 'Route' },
  troncon: { fr: 'Tronçon', en: 'Stretch' },
  etat: { fr: 'État', en: 'State' },
  AVANCE_TRA: { fr: 'Avancement des travaux', en: 'Progress of works' },
  NATURE: { fr: 'Nature de la voie', en: 'Surface' },
  longueur: { fr: 'Longueur', en: 'Length' },
  lien: { fr: 'Lien', en: 'Link' },
  mode: { fr: 'Pratique', en: 'Mode' },
  network: { fr: 'Réseau', en: 'Network' },
  km: { fr: 'Longueur (km)', en: 'Length (km)' },
  loop: { fr: 'Boucle', en: 'Loop' },
  ascent: { fr: 'Montée annoncée (m, approchée)', en: 'Stated ascent (m, approximate)' },
  descent: { fr: 'Descente annoncée (m, approchée)', en: 'Stated descent (m, approximate)' },
  url: { fr: 'Lien', en: 'Link' },
  osm_relation: { fr: 'Relation OpenStreetMap', en: 'OpenStreetMap relation' },
  // sites classés
  chaine_des_terrils: { fr: 'Chaîne des terrils (site classé en 2016)', en: 'Chain of terrils (classified 2016)' },
  idsup: { fr: 'Identifiant', en: 'Id' },
  datecrea: { fr: 'Protégé depuis le', en: 'Protected since' },
  surface_ha: { fr: 'Surface du site (ha)', en: 'Area of the site (ha)' },
  gestnom: { fr: 'Gestionnaire', en: 'Manager' },
};

const VALUES: Record<string, Record<string, { fr: string; en: string }>> = {
  site_statut: {
    // the one thing a reader must not miss: nobody checked it is a friche
    'friche potentielle': {
      fr: 'friche potentielle — non vérifiée (ancien site BASIAS / BASOL que le Cerema n’a pas vérifié)',
      en: 'friche potentielle — unverified (an old BASIAS / BASOL site Cerema has not checked)',
    },
    'friche sans projet': { fr: 'friche sans projet (vérifiée)', en: 'friche sans projet (verified, no project)' },
    'friche avec projet': { fr: 'friche avec projet (vérifiée)', en: 'friche avec projet (verified, with a project)' },
  },
  etat: {
    realise: { fr: 'réalisé', en: 'built' },
    projet: { fr: 'en projet ou inconnu : non routable', en: 'planned or unknown: not routable' },
  },
  mode: { walk: { fr: 'à pied', en: 'walking' }, bike: { fr: 'à vélo', en: 'cycling' } },
  network: {
    lwn: { fr: 'randonnée, local', en: 'walking, local' },
    rwn: { fr: 'randonnée, régional', en: 'walking, regional' },
    nwn: { fr: 'randonnée, national (GR)', en: 'walking, national (GR)' },
    iwn: { fr: 'randonnée, international', en: 'walking, international' },
    lcn: { fr: 'vélo, local', en: 'cycling, local' },
    rcn: { fr: 'vélo, régional', en: 'cycling, regional' },
    ncn: { fr: 'vélo, national', en: 'cycling, national' },
    icn: { fr: 'vélo, international (EuroVelo)', en: 'cycling, international (EuroVelo)' },
  },
  kind: {
    terril: { fr: 'terril', en: 'terril (spoil tip)' },
    'espace néonaturel': { fr: 'espace néonaturel', en: 'neo-natural area' },
    cavalier: { fr: 'cavalier minier', en: 'cavalier (former mining railway)' },
    path: { fr: 'chemin', en: 'path' },
    gap: { fr: 'raccord (non vérifié)', en: 'join (not checked)' },
  },
  way: {
    cavalier: { fr: 'cavalier minier', en: 'cavalier' },
    veloroute: { fr: 'véloroute ou voie verte', en: 'véloroute or greenway' },
    hiking: { fr: 'itinéraire de randonnée', en: 'hiking route' },
    cycleroute: { fr: 'itinéraire cyclable', en: 'cycling route' },
    gap: { fr: 'raccord (non vérifié)', en: 'join (not checked)' },
  },
};

/** The label of an attribute; null when it is not shown; undefined when not known (the key itself is shown). */
export function fieldLabel(key: string, lang: Lang): string | null | undefined {
  if (!Object.hasOwn(LABELS, key)) return undefined;
  return LABELS[key]?.[lang] ?? null;
}

/** The words for a coded value, or undefined to show it as it is. */
export function fieldValue(key: string, value: unknown, lang: Lang): string | undefined {
  if (typeof value !== 'string' || !Object.hasOwn(VALUES, key)) return undefined;
  const words = VALUES[key];
  return Object.hasOwn(words, value.trim().toLowerCase()) ? words[value.trim().toLowerCase()][lang] : undefined;
}
