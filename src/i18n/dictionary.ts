// A tiny dictionary, French first. `t('key', { n: 3 })` replaces `{n}`; `{n|# objet|# objets}`
// chooses the form by the language's plural rules (src/i18n/plural.ts).
// Plain data and functions: the page (src/ui/i18n.ts holds the React context), the CLI and the
// tests read it alike; no French text lives outside src/i18n.

import { eventsEn, eventsFr } from './events';
import { layersEn, layersFr } from './layers';
import { mapToolsEn, mapToolsFr } from './map-tools';
import { reviewEn, reviewFr } from './review';
import { searchEn, searchFr } from './search';
import { choosePlurals } from './plural';

export type Lang = 'fr' | 'en';
export const LANGS: Lang[] = ['fr', 'en'];

const fr = {
  'app.title': 'Cavalier',
  'app.subtitle': 'Parcours sportifs du Bassin minier',
  'app.documentTitle': 'Cavalier — parcours sportifs du Bassin minier',
  'app.panel.hide': 'Masquer le panneau',
  'app.panel.show': 'Afficher le panneau',
  /** a name quoted in a sentence, as each language quotes */
  quote: '«\u00a0{name}\u00a0»',
  'lang.label': 'Langue',
  'lang.fr': 'Français',
  'lang.en': 'English',

  'layers.title': 'Couches',
  'layers.loading': 'Chargement des couches…',
  'layers.error': 'Couches intégrées introuvables\u00a0: {detail} Lancez «\u00a0npm run data:build\u00a0».',
  'layers.layerError': 'La couche «\u00a0{name}\u00a0» n’a pas pu être lue.',
  'layers.group.mining': 'Patrimoine minier',
  'layers.group.tvb': 'Trame verte et bleue',
  'layers.group.protected': 'Espaces protégés',
  'layers.group.network': 'Chemins',
  'layers.group.reference': 'Repères',
  'layers.badge.approximation': 'approximation',
  'layers.badge.toImport': 'à importer',
  'layers.source': 'Source\u00a0: {v}',
  'layers.licence': 'Licence\u00a0: {v}',
  'layers.date': 'Date des données\u00a0: {v}',
  'layers.features': '{n|# élément|# éléments}',
  'layers.show': 'Afficher «\u00a0{name}\u00a0»',
  'layers.more': 'Plus de détails',
  'layers.less': 'Moins de détails',
  'popup.moreRows': '… {n|et # autre attribut|et # autres attributs}',
  'popup.moreFeatures': '+ {n|# autre élément à cet endroit|# autres éléments à cet endroit}',

  'basemap.title': 'Fond de carte',
  'basemap.none': 'Hors ligne',
  'basemap.none.hint': 'les couches embarquées seules, sans internet',
  'basemap.osm': 'OpenStreetMap',
  'basemap.ign': 'Plan IGN',
  'basemap.ign.hint': 'Plan IGN v2 (Géoplateforme), le fond par défaut quand internet répond',
  'basemap.scan25': 'SCAN 25',
  'basemap.scan25.hint': 'la carte IGN au 1:25 000, avec votre clé Géoplateforme',
  'basemap.scan25.key': 'Clé Géoplateforme (cartes.gouv.fr)',
  'basemap.scan25.needsKey':
    'Le SCAN\u00a025 n’est servi qu’avec une clé personnelle, gratuite pour un usage professionnel ou associatif : créez-la sur cartes.gouv.fr.',
  'basemap.online': 'Les fonds de carte viennent d’internet ; hors ligne, la carte montre les couches embarquées.',
  'basemap.embedded': 'Carte hors ligne : les couches embarquées et leurs noms.',
  'basemap.unavailable': 'Fond «\u00a0{name}\u00a0» injoignable (hors ligne\u00a0?) : la carte montre les couches embarquées.',

  'toolbar.label': 'Outils du parcours',
  'toolbar.draw': 'Tracer',
  'toolbar.draw.hint': 'Cliquez sur la carte pour ajouter des points\u00a0; clic droit sur un point pour le supprimer',
  'toolbar.undo': 'Annuler',
  'toolbar.redo': 'Rétablir',
  'toolbar.clear': 'Effacer',
  'toolbar.clear.hint': 'Effacer le parcours',
  'toolbar.import': 'Importer',
  'toolbar.import.hint': 'Importer un fichier GPX, GeoJSON ou KML',
  'toolbar.export': 'Exporter GPX',
  'toolbar.export.hint': 'Télécharger le parcours au format GPX',
  'toolbar.mode': 'Nouveaux tronçons',
  'toolbar.mode.network': 'Suivre les chemins',
  'toolbar.mode.straight': 'Ligne droite',

  'stats.title': 'Parcours',
  'stats.empty': 'Aucun parcours. Activez «\u00a0Tracer\u00a0» puis cliquez sur la carte pour placer le départ.',
  'stats.length': 'Distance',
  'stats.points': 'Points',
  'stats.ascent': 'D+',
  'stats.descent': 'D−',
  'stats.min': 'Alt. min.',
  'stats.max': 'Alt. max.',
  'stats.elevationSource': 'Source des altitudes\u00a0:',
  'stats.ways': 'Répartition par type de voie',
  'ways.cavalier': 'Cavaliers miniers',
  'ways.gap': 'Raccords (non vérifiés)',
  'ways.off-network': 'Hors réseau (ligne droite)',
  'ways.path': 'Sentiers',
  'ways.track': 'Chemins',
  'ways.cycleway': 'Pistes cyclables',
  'ways.road': 'Routes',
  'ways.terril': 'Sentiers de terril',
  'ways.veloroute': 'Véloroutes et voies vertes',
  'ways.hiking': 'Itinéraires de randonnée balisés',
  'ways.cycleroute': 'Itinéraires cyclables balisés',
  'legs.title': 'Tronçons',
  'legs.item': 'Point {from} → {to}',
  'legs.zoom': 'Centrer la carte sur ce tronçon',
  'legs.straight': 'Ligne droite',
  'legs.straight.hint': 'Tracer ce tronçon en ligne droite au lieu de suivre les chemins',
  'legs.detour': 'détour ×{ratio}',
  'legs.detour.hint':
    'Par les chemins connus, ce tronçon est {ratio} fois plus long qu’à vol d’oiseau ({crow}\u00a0km). Vérifiez sur le terrain ou tracez-le en ligne droite.',
  'legs.detour.straight': 'Ligne droite',
  'legs.fallback.noPath': 'Aucun chemin connu ne relie ces points : tracé en ligne droite (rouge). Vérifiez sur le terrain ou déplacez un point.',
  'legs.fallback.offNetwork': 'Un point est à plus de 300 m des chemins connus : tronçon tracé en ligne droite (rouge).',
  'tracks.title': 'Parcours et traces',
  'tracks.select': 'Mesurer et exporter celui-ci',
  'tracks.routeName': 'Nom du parcours',
  'tracks.remove': 'Retirer cette trace',
  'tracks.routeKind': 'itinéraire (rte)',
  'route.farFromNetwork':
    'Aucun chemin à moins de 300 m de ce point : cliquez plus près d’un chemin, ou choisissez « Ligne droite » pour les nouveaux tronçons.',
  'route.defaultName': 'Nouveau parcours',
  'engine.restarted':
    'Le moteur de calcul s’est arrêté (mémoire du navigateur, plantage) : il a été relancé et a repris le réseau, le relief et, s’il y en a, votre MNT et vos couches importées. Votre travail est intact ; un import en cours est à refaire.',
  'engine.gaveUp':
    'Le moteur de calcul s’arrête à chaque relance (un fichier trop lourd ?). Votre travail enregistré est intact. Relancez-le, ou rechargez la page.',
  'engine.restart': 'Relancer le moteur',
  'lease.reader': 'Lecture seule : Cavalier est ouvert dans un autre onglet, où vos modifications sont enregistrées. Cet onglet suit ce qui y est enregistré.',
  'lease.takeOver': 'Modifier dans cet onglet',
  'engine.slow':
    'Le moteur de calcul travaille depuis plus d’une minute. S’il semble bloqué, relancez-le : le calcul en cours sera abandonné, votre travail est intact.',
  'route.networkError': 'Le réseau de chemins n’a pas pu être chargé\u00a0: {detail} Les tronçons seront tracés en ligne droite.',
  'import.reading': 'Lecture de « {name} »…',
  'import.done': 'Trace « {name} » importée : {n|# point|# points}.',
  'import.tooLarge': 'Fichier trop volumineux ({mb} Mo) : la limite est de 200 Mo. Rien n’a été modifié.',
  'import.failed': 'Import impossible : {detail} Rien n’a été modifié.',
  'export.done': 'GPX enregistré : {name}',
  'export.empty': 'Rien à exporter : tracez au moins deux points.',
  'routing.title': 'Calcul des tronçons',
  'routing.graph': 'Réseau intégré (dans le navigateur)',
  'routing.brouter': 'Serveur BRouter',
  'routing.url': 'Adresse du serveur',
  'routing.profile': 'Profil',
  'routing.apply': 'Appliquer',
  'routing.hint':
    'Le réseau intégré ne connaît que les cavaliers miniers. Un serveur BRouter avec les données OpenStreetMap de la région route sur tous les chemins (voir le README).',
  'stats.noElevation': 'Altitude inconnue : aucune donnée d’altitude pour ce parcours.',

  'elevation.none': 'aucune donnée',
  'elevation.track': 'altitudes du fichier importé',
  'elevation.dem': 'MNT «\u00a0{name}\u00a0»',
  'elevation.demApprox': '{name} (approximation)',
  'elevation.online': '{name}, en ligne',
  'relief.online.attribution': 'IGN – Géoplateforme, service de calcul altimétrique (RGE ALTI®, BD ALTI®), Licence ouverte Etalab 2.0',
  'elevation.embeddedRelief': 'Relief approché (altitudes des puits de mine)',
  'stats.elevationSources': 'Part de la longueur par source d’altitude',
  'stats.atLeast': 'au moins {value}',

  'profile.title': 'Profil altimétrique',
  'profile.empty': 'Pas de profil\u00a0: tracez un parcours avec des altitudes connues.',
  'profile.label': 'Profil altimétrique\u00a0: distance en kilomètres, altitude en mètres',

  'notices.dismiss': 'Fermer',
  'map.unavailable': 'La carte ne peut pas s’afficher\u00a0: ce navigateur ne fournit pas WebGL.',
  'map.label': 'Carte',
  // events, formulas, course points, exports, autosave
  ...eventsFr,
  // imported layers, the import dialog, DEM files
  ...layersFr,
  // environmental review panel
  ...reviewFr,
  // place search
  ...searchFr,
  ...mapToolsFr,
} as const;

export type I18nKey = keyof typeof fr;

const en: Record<I18nKey, string> = {
  'app.title': 'Cavalier',
  'app.subtitle': 'Sports courses in the Mining Basin',
  'app.documentTitle': 'Cavalier — sports courses in the Mining Basin',
  'app.panel.hide': 'Hide panel',
  'app.panel.show': 'Show panel',
  quote: '“{name}”',
  'lang.label': 'Language',
  'lang.fr': 'Français',
  'lang.en': 'English',

  'layers.title': 'Layers',
  'layers.loading': 'Loading layers…',
  'layers.error': 'Embedded layers not found: {detail} Run “npm run data:build”.',
  'layers.layerError': 'The layer “{name}” could not be read.',
  'layers.group.mining': 'Mining heritage',
  'layers.group.tvb': 'Green and blue network',
  'layers.group.protected': 'Protected areas',
  'layers.group.network': 'Paths',
  'layers.group.reference': 'Reference',
  'layers.badge.approximation': 'approximation',
  'layers.badge.toImport': 'to import',
  'layers.source': 'Source: {v}',
  'layers.licence': 'Licence: {v}',
  'layers.date': 'Data as of {v}',
  'layers.features': '{n|# feature|# features}',
  'layers.show': 'Show “{name}”',
  'layers.more': 'More details',
  'layers.less': 'Fewer details',
  'popup.moreRows': '… {n|and # more attribute|and # more attributes}',
  'popup.moreFeatures': '+ {n|# more feature here|# more features here}',

  'basemap.title': 'Basemap',
  'basemap.none': 'Offline',
  'basemap.none.hint': 'the embedded layers alone, no internet',
  'basemap.osm': 'OpenStreetMap',
  'basemap.ign': 'IGN Plan',
  'basemap.ign.hint': 'Plan IGN v2 (Géoplateforme), the default when the internet answers',
  'basemap.scan25': 'SCAN 25',
  'basemap.scan25.hint': 'the IGN 1:25,000 map, with your Géoplateforme key',
  'basemap.scan25.key': 'Géoplateforme key (cartes.gouv.fr)',
  'basemap.scan25.needsKey': 'SCAN 25 is served only with a personal key, free for professional and associative use: create it on cartes.gouv.fr.',
  'basemap.online': 'Basemaps come from the internet; offline, the map shows the embedded layers.',
  'basemap.embedded': 'Offline map: the embedded layers and their names.',
  'basemap.unavailable': 'Basemap “{name}” unreachable (offline?): the map shows the embedded layers.',

  'toolbar.label': 'Route tools',
  'toolbar.draw': 'Draw',
  'toolbar.draw.hint': 'Click the map to add points; right-click a point to delete it',
  'toolbar.undo': 'Undo',
  'toolbar.redo': 'Redo',
  'toolbar.clear': 'Clear',
  'toolbar.clear.hint': 'Clear the route',
  'toolbar.import': 'Import',
  'toolbar.import.hint': 'Import a GPX, GeoJSON or KML file',
  'toolbar.export': 'Export GPX',
  'toolbar.export.hint': 'Download the route as GPX',
  'toolbar.mode': 'New legs',
  'toolbar.mode.network': 'Follow paths',
  'toolbar.mode.straight': 'Straight line',

  'stats.title': 'Route',
  'stats.empty': 'No route yet. Turn on “Draw” and click the map to place the start.',
  'stats.length': 'Distance',
  'stats.points': 'Points',
  'stats.ascent': 'Ascent',
  'stats.descent': 'Descent',
  'stats.min': 'Min. elev.',
  'stats.max': 'Max. elev.',
  'stats.elevationSource': 'Elevation source:',
  'stats.ways': 'Breakdown by way type',
  'ways.cavalier': 'Cavaliers (former mining railways)',
  'ways.gap': 'Joins (not checked)',
  'ways.off-network': 'Off network (straight line)',
  'ways.path': 'Paths',
  'ways.track': 'Tracks',
  'ways.cycleway': 'Cycleways',
  'ways.road': 'Roads',
  'ways.terril': 'Terril paths',
  'ways.veloroute': 'Véloroutes and greenways',
  'ways.hiking': 'Waymarked hiking routes',
  'ways.cycleroute': 'Waymarked cycling routes',
  'legs.title': 'Legs',
  'legs.item': 'Point {from} → {to}',
  'legs.zoom': 'Centre the map on this leg',
  'legs.straight': 'Straight line',
  'legs.straight.hint': 'Draw this leg as a straight line instead of following paths',
  'legs.detour': 'detour ×{ratio}',
  'legs.detour.hint': 'Along the known paths this leg is {ratio} times its crow-fly distance ({crow} km). Check on the ground or draw it straight.',
  'legs.detour.straight': 'Straight line',
  'legs.fallback.noPath': 'No known path links these points: drawn as a straight line (red). Check on the ground or move a point.',
  'legs.fallback.offNetwork': 'A point is more than 300 m from known paths: leg drawn as a straight line (red).',
  'tracks.title': 'Route and tracks',
  'tracks.select': 'Measure and export this one',
  'tracks.routeName': 'Route name',
  'tracks.remove': 'Remove this track',
  'tracks.routeKind': 'route (rte)',
  'route.farFromNetwork': 'No path within 300 m of this point: click closer to a path, or choose “Straight line” for new legs.',
  'route.defaultName': 'New route',
  'engine.restarted':
    'The computing engine stopped (browser memory, a crash): it was restarted and took back the network, the relief and, if any, your DEM and imported layers. Your work is intact; an import under way must be done again.',
  'engine.gaveUp': 'The computing engine stops each time it is restarted (a file too heavy?). Your saved work is intact. Restart it, or reload the page.',
  'engine.restart': 'Restart the engine',
  'lease.reader': 'Read only: Cavalier is open in another tab, where your changes are saved. This tab follows what is saved there.',
  'lease.takeOver': 'Edit in this tab',
  'engine.slow':
    'The computing engine has been working for over a minute. If it seems stuck, restart it: the computation under way will be dropped, your work is intact.',
  'route.networkError': 'The path network could not be loaded: {detail} Legs will be drawn as straight lines.',
  'import.reading': 'Reading “{name}”…',
  'import.done': 'Track “{name}” imported: {n|# point|# points}.',
  'import.tooLarge': 'File too large ({mb} MB): the limit is 200 MB. Nothing was changed.',
  'import.failed': 'Import failed: {detail} Nothing was changed.',
  'export.done': 'GPX saved: {name}',
  'export.empty': 'Nothing to export: draw at least two points.',
  'routing.title': 'Leg routing',
  'routing.graph': 'Embedded network (in the browser)',
  'routing.brouter': 'BRouter server',
  'routing.url': 'Server address',
  'routing.profile': 'Profile',
  'routing.apply': 'Apply',
  'routing.hint':
    'The embedded network only knows the cavaliers miniers. A BRouter server with the region’s OpenStreetMap data routes on every path (see the README).',
  'stats.noElevation': 'Elevation unknown: no elevation data for this route.',

  'elevation.none': 'no data',
  'elevation.track': 'elevations from the imported file',
  'elevation.dem': 'DEM “{name}”',
  'elevation.demApprox': '{name} (approximation)',
  'elevation.online': '{name}, online',
  'relief.online.attribution': 'IGN – Géoplateforme, elevation service (RGE ALTI®, BD ALTI®), Etalab Open Licence 2.0',
  'elevation.embeddedRelief': 'Approximate relief (mine-shaft altitudes)',
  'stats.elevationSources': 'Share of the length by elevation source',
  'stats.atLeast': 'at least {value}',

  'profile.title': 'Elevation profile',
  'profile.empty': 'No profile: draw a route with known elevations.',
  'profile.label': 'Elevation profile: distance in kilometres, elevation in metres',

  'notices.dismiss': 'Dismiss',
  'map.unavailable': 'The map cannot be shown: this browser does not provide WebGL.',
  'map.label': 'Map',
  ...eventsEn,
  ...layersEn,
  ...reviewEn,
  ...searchEn,
  ...mapToolsEn,
};

/** every text, by language (the browser test of the English interface reads the French ones) */
export const DICTIONARY: Record<Lang, Record<I18nKey, string>> = { fr, en };

export type TParams = Record<string, string | number>;
export type TFunction = (key: I18nKey, params?: TParams) => string;

export function translate(lang: Lang, key: I18nKey, params?: TParams): string {
  return fillTemplate(DICTIONARY[lang][key] ?? DICTIONARY.fr[key] ?? key, lang, params);
}

/** A dictionary text with its counted choices ({n|…|…}) and its {name} placeholders filled (the CLI's dictionary too). */
export function fillTemplate(template: string, lang: Lang, params?: TParams): string {
  if (!params) return template;
  return choosePlurals(template, params, lang).replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
