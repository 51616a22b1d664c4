// Manifest entries (titles, notes, attributions) of every layer the pipeline knows. Pure data.

import type { LayerManifest, LayerManifestEntry, Localised, ReliefManifestEntry } from '../../src/core/layers.ts';


export const CREDIT = 'Mission Bassin Minier Nord-Pas de Calais / data.gouv.fr / geo2france';
export const LICENCE = 'Licence Ouverte Etalab 2.0';
export const CREDIT_FULL = `${CREDIT} — ${LICENCE}`;


type Entry = Omit<LayerManifestEntry, 'featureCount' | 'url'>;

const official = (e: Omit<Entry, 'status' | 'source' | 'licence'> & Partial<Pick<Entry, 'source'>>): Entry => ({
  status: 'official',
  source: CREDIT,
  licence: LICENCE,
  ...e,
});

/** GeoJSON layers built from the raw files, in drawing order (bottom first). */
export const BUILT_LAYERS: readonly Entry[] = [
  official({
    id: 'bassin',
    title: { fr: 'Bassin minier (contour)', en: 'Mining basin (outline)' },
    group: 'reference',
    geometry: 'polygon',
    visible: true,
  }),
  official({
    id: 'communes',
    title: { fr: 'Communes du Bassin minier', en: 'Municipalities of the mining basin' },
    group: 'reference',
    geometry: 'polygon',
    source: `${CREDIT} (communes : geo.api.gouv.fr)`,
    visible: false,
  }),
  {
    id: 'tvb-reservoirs',
    title: { fr: 'Réservoirs de biodiversité (approximation)', en: 'Biodiversity reservoirs (approximation)' },
    group: 'tvb',
    geometry: 'polygon',
    status: 'approximation',
    source: `Construit par Cavalier à partir des couches terrils et espaces néonaturels (${CREDIT})`,
    licence: LICENCE,
    note: {
      fr:
        "Approximation, ce n'est pas la couche officielle : on a simplement repris les terrils et les espaces néonaturels du Bassin minier. " +
        'Les réservoirs de biodiversité officiels sont ceux de la Trame verte et bleue du SRCE Nord-Pas-de-Calais (geo2france.fr) : importez-les pour remplacer cette couche.',
      en:
        'Approximation, not the official layer: it simply reuses the terrils and neo-natural areas of the basin. ' +
        'The official reservoirs are those of the SRCE Nord-Pas-de-Calais green and blue network (geo2france.fr): import them to replace this layer.',
    },
    visible: false,
  },
  {
    id: 'tvb-corridors',
    title: { fr: 'Corridors écologiques (approximation)', en: 'Ecological corridors (approximation)' },
    group: 'tvb',
    geometry: 'line',
    status: 'approximation',
    source: `Construit par Cavalier à partir des tracés des cavaliers (${CREDIT})`,
    licence: LICENCE,
    note: {
      fr:
        "Approximation, ce n'est pas la couche officielle : ce sont les tracés des cavaliers miniers (anciennes voies ferrées des mines), qui servent souvent de corridors. " +
        'Les corridors officiels sont ceux de la Trame verte et bleue du SRCE Nord-Pas-de-Calais (geo2france.fr) : importez-les pour remplacer cette couche.',
      en:
        'Approximation, not the official layer: these are the cavaliers (old mining railway embankments), which often act as corridors. ' +
        'The official corridors are those of the SRCE Nord-Pas-de-Calais green and blue network (geo2france.fr): import them to replace this layer.',
    },
    visible: false,
  },
  official({
    id: 'neonaturels',
    title: { fr: 'Espaces néonaturels', en: 'Neo-natural areas' },
    group: 'mining',
    geometry: 'polygon',
    note: {
      fr: "Étangs d'affaissement minier et espaces renaturés (Mare à Goriaux…), du bien UNESCO et de sa zone tampon.",
      en: 'Mining subsidence ponds and re-naturalised areas (Mare à Goriaux…), in the UNESCO property and its buffer zone.',
    },
    visible: true,
  }),
  official({
    id: 'terrils',
    title: { fr: 'Terrils', en: 'Spoil tips (terrils)' },
    group: 'mining',
    geometry: 'polygon',
    note: {
      fr: 'Terrils du bien inscrit au patrimoine mondial (UNESCO, 2012) et de sa zone tampon, avec leur numéro (T001 à T260). Pas de hauteurs.',
      en: 'Spoil tips of the World Heritage property (UNESCO, 2012) and of its buffer zone, with their number (T001 to T260). No heights.',
    },
    visible: true,
  }),
  official({
    id: 'cavaliers-unesco',
    title: { fr: 'Cavaliers inscrits (UNESCO)', en: 'Listed cavaliers (UNESCO)' },
    group: 'mining',
    geometry: 'polygon',
    note: {
      fr: "Emprises des cavaliers miniers (anciennes voies ferrées des mines) inscrits au patrimoine mondial.",
      en: 'Footprints of the World-Heritage-listed cavaliers (old mining railway embankments).',
    },
    visible: true,
  }),
  official({
    id: 'cavaliers',
    title: { fr: 'Cavaliers miniers (tracés)', en: 'Cavaliers (mining railway lines)' },
    group: 'mining',
    geometry: 'line',
    note: {
      fr:
        "Tracés des cavaliers (anciennes voies ferrées des mines) de la zone tampon UNESCO. La continuité des tronçons et l'accès actuel (chemin, route, emprise bâtie) ne sont pas vérifiés.",
      en:
        'Lines of the cavaliers (old mining railways) of the UNESCO buffer zone. Continuity between stretches and present-day access (path, road, built over) are not checked.',
    },
    visible: true,
  }),
  official({
    id: 'puits',
    title: { fr: 'Puits de mine', en: 'Mine shafts' },
    group: 'mining',
    geometry: 'point',
    note: {
      fr: "Anciens puits de mine (BRGM) avec l'altitude du sol (« cote », en m) quand elle est connue ; une cote de 0 m est une valeur manquante.",
      en: 'Old mine shafts (BRGM) with the ground altitude ("cote", m) when known; a 0 m cote is a missing value.',
    },
    visible: false,
  }),
  {
    id: 'protections',
    title: { fr: 'Protections connues (partiel)', en: 'Known protections (partial)' },
    group: 'protected',
    geometry: 'polygon',
    status: 'approximation',
    source: `Faits publiés (Fédération Nord Nature, INPN, ville d'Avion) ; contours des terrils : ${CREDIT}`,
    licence: `${LICENCE} (contours)`,
    note: {
      fr:
        "Liste partielle, ce n'est pas la couche officielle : seulement les terrils dont la protection est un fait publié — Pinchonvalles (arrêté de protection de biotope du 20 janvier 1992, ZNIEFF), " +
        "terrils n°125 (Auberchicourt), 143 et 144 (Pecquencourt) en ZNIEFF. Le contour dessiné est celui du terril, pas le périmètre officiel, et d'autres sites protégés existent : importez les couches ZNIEFF, APPB et Natura 2000 de l'INPN.",
      en:
        'Partial list, not the official layer: only the terrils whose protection is a published fact — Pinchonvalles (biotope protection order of 20 January 1992, ZNIEFF), ' +
        'terrils no. 125 (Auberchicourt), 143 and 144 (Pecquencourt), ZNIEFF. The outline drawn is the terril\'s, not the official perimeter, and other protected sites exist: import the INPN ZNIEFF, APPB and Natura 2000 layers.',
    },
    visible: true,
  },
];

/** Layers the app knows of but cannot ship: the user imports them. */
export const TO_IMPORT_LAYERS: readonly Entry[] = [
  {
    id: 'srce-reservoirs',
    title: { fr: 'Trame verte et bleue : réservoirs (officiel, à importer)', en: 'Green and blue network: reservoirs (official, to import)' },
    group: 'tvb',
    geometry: 'polygon',
    status: 'to-import',
    source: 'DREAL / Région Hauts-de-France — SRCE Nord-Pas-de-Calais (geo2france.fr)',
    licence: 'à vérifier à l’import (Licence Ouverte en général)',
    note: {
      fr: 'À importer : réservoirs de biodiversité du SRCE Nord-Pas-de-Calais (Trame verte et bleue), à télécharger sur la plateforme geo2france.fr (catalogue, recherche « SRCE » ou « trame verte et bleue »).',
      en: 'To import: biodiversity reservoirs of the SRCE Nord-Pas-de-Calais (green and blue network), downloadable from geo2france.fr (catalogue, search "SRCE" or "trame verte et bleue").',
    },
    visible: false,
  },
  {
    id: 'srce-corridors',
    title: { fr: 'Trame verte et bleue : corridors (officiel, à importer)', en: 'Green and blue network: corridors (official, to import)' },
    group: 'tvb',
    geometry: 'line',
    status: 'to-import',
    source: 'DREAL / Région Hauts-de-France — SRCE Nord-Pas-de-Calais (geo2france.fr)',
    licence: 'à vérifier à l’import (Licence Ouverte en général)',
    note: {
      fr: 'À importer : corridors écologiques du SRCE Nord-Pas-de-Calais (Trame verte et bleue), à télécharger sur geo2france.fr.',
      en: 'To import: ecological corridors of the SRCE Nord-Pas-de-Calais (green and blue network), downloadable from geo2france.fr.',
    },
    visible: false,
  },
  {
    id: 'natura2000',
    title: { fr: 'Sites Natura 2000 (à importer)', en: 'Natura 2000 sites (to import)' },
    group: 'protected',
    geometry: 'polygon',
    status: 'to-import',
    source: 'INPN (MNHN / OFB)',
    licence: 'à vérifier à l’import (Licence Ouverte en général)',
    note: {
      fr:
        "À importer : périmètres Natura 2000 (ZSC et ZPS) téléchargeables sur l'INPN (inpn.mnhn.fr, rubrique téléchargement des espaces protégés). " +
        "Dans le PNR Scarpe-Escaut, une manifestation de plus de 300 personnes touchant un site Natura 2000 doit joindre une évaluation des incidences à sa déclaration en préfecture.",
      en:
        'To import: Natura 2000 perimeters (SAC and SPA) downloadable from the INPN (inpn.mnhn.fr, protected areas downloads). ' +
        'In the Scarpe-Escaut regional park, an event of more than 300 people touching a Natura 2000 site must add an incidence assessment to its declaration to the préfecture.',
    },
    visible: false,
  },
  {
    id: 'znieff',
    title: { fr: 'ZNIEFF (officielles, à importer)', en: 'ZNIEFF (official, to import)' },
    group: 'protected',
    geometry: 'polygon',
    status: 'to-import',
    source: 'INPN (MNHN / OFB)',
    licence: 'à vérifier à l’import (Licence Ouverte en général)',
    note: {
      fr: "À importer : ZNIEFF de type 1 et 2 (et arrêtés de protection de biotope) téléchargeables sur l'INPN (inpn.mnhn.fr).",
      en: 'To import: type 1 and 2 ZNIEFF (and biotope protection orders) downloadable from the INPN (inpn.mnhn.fr).',
    },
    visible: false,
  },
  {
    id: 'friches',
    title: { fr: 'Friches (à importer)', en: 'Brownfields (to import)' },
    group: 'reference',
    geometry: 'polygon',
    status: 'to-import',
    source: 'Cartofriches (Cerema)',
    licence: 'à vérifier à l’import (Licence Ouverte en général)',
    note: {
      fr: "À importer : inventaire des friches Cartofriches du Cerema (cartofriches.cerema.fr), export GeoJSON sur l'emprise du Bassin minier.",
      en: 'To import: the Cerema Cartofriches brownfield inventory (cartofriches.cerema.fr), GeoJSON export over the basin.',
    },
    visible: false,
  },
];

export const RELIEF_TITLE: Localised = { fr: 'Relief approché (puits de mine)', en: 'Approximate relief (mine shafts)' };

export function reliefNoteEn(samples: number, rejectedZero: number, expectedError_m: number): string {
  return (
    `Approximate relief interpolated from ${samples} mine-shaft ground altitudes` +
    (rejectedZero ? ` (${rejectedZero} shafts at "0 m" left out as missing values)` : '') +
    `; expected error ± ${expectedError_m} m (cross-validation); terrils and valley detail are not in it. ` +
    'Not a digital terrain model: import IGN RGE ALTI / BD ALTI for measured relief.'
  );
}

/** Fills url and featureCount of the built layers and appends the layers to import. */
export function makeManifest(
  bbox: [number, number, number, number],
  counts: Readonly<Record<string, number>>,
  relief: ReliefManifestEntry | undefined,
  generated: string,
): LayerManifest {
  const layers: LayerManifestEntry[] = [
    ...BUILT_LAYERS.map((e) => ({ ...e, url: `data/${e.id}.geojson`, featureCount: counts[e.id] ?? 0 })),
    ...TO_IMPORT_LAYERS.map((e) => ({ ...e })),
  ];
  const m: LayerManifest = { version: 1, generated, bbox, layers };
  if (relief) m.relief = relief;
  return m;
}
