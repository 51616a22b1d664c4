// Texts of the `cavalier` command line (src/cli/*): its help, its usage errors and its text
// output. French first (the default), English second (CAVALIER_LANG=en). The error codes of the
// core keep their own texts in messages.ts, shared with the app.

import { fillTemplate, type Lang } from './dictionary';
import { localeOf } from './plural';

const NBSP = '\u00a0';

export const cliFr = {
  'cli.usage': `Usage :
  cavalier stats FICHIER [--dem GRILLE] [--relief] [--json] [--select tracks|routes|all]
      Distance (géodésique, WGS84), nombre de points et de segments, dénivelé lissé,
      altitudes minimale et maximale, nombre d’itinéraires (rte) du fichier, part de la
      longueur venue de chaque source d’altitude. --dem prend les altitudes dans un MNT (grille
      ESRI ASCII .asc ou GeoTIFF, en WGS84 ou Lambert-93) au lieu de celles du fichier. --relief
      prend celles du relief approché de l’application là où aucune autre source n’en a, et
      signale les terrils dont la montée y manque. --json écrit un objet JSON.
  cavalier gpx FICHIER [--name NOM] [--select tracks|routes|all]
      Réécrit le fichier en GPX 1.1 valide (un segment par segment, heures des points
      gardées) sur la sortie standard.
      --select : ce qui est mesuré ou écrit d’un GPX qui a à la fois des traces (trk) et des
      itinéraires (rte) : tracks (par défaut, avec un avertissement), routes ou all.
  cavalier export PROJET.json --out DOSSIER [--max-points N]
      Écrit un GPX par formule de chaque manifestation d’un projet enregistré, les mêmes
      fichiers que l’export de l’application, nommés d’après la manifestation et la formule.
      --max-points simplifie chaque trace à N points au plus (anciens GPS).
  cavalier import COUCHE [--from EPSG:2154|EPSG:27572|EPSG:4326|EPSG:3857] [--swap-axes]
      Écrit la couche en GeoJSON WGS84 (FeatureCollection) sur la sortie standard, comme
      l’import de l’application : GeoJSON en WGS84, Lambert-93, Lambert II étendu ou Web
      Mercator (projection lue dans le membre crs ou déduite des coordonnées), GPX, KML,
      OpenStreetMap (.osm, réponse Overpass JSON). --from impose la projection d’un GeoJSON,
      --swap-axes échange x et y (fichier écrit latitude avant longitude). Les objets écartés et
      les avertissements vont sur la sortie d’erreur ; si une autre lecture placerait la couche
      dans les Hauts-de-France, l’avertissement la propose.
{review}{route}  cavalier --help
      Affiche cette aide.

FICHIER : trace GPX, KML ou GeoJSON.
Les messages sont en français ; CAVALIER_LANG=en les écrit en anglais.
`,
  'cli.usage.route': `  cavalier route LON,LAT LON,LAT [LON,LAT ...] [--json] [--gpx FICHIER.gpx]
      Parcours par les chemins du réseau embarqué (cavaliers, véloroutes et voies vertes,
      itinéraires OpenStreetMap), comme l’application le trace : chaque point accroché au
      chemin le plus proche à moins de 300 m, puis un tronçon entre deux points successifs.
      Distance, mètres hors réseau (lignes droites), détour de chaque tronçon (longueur par
      les chemins / distance à vol d’oiseau, signalé au-delà de ×2) et répartition par type de
      voie. --json écrit un objet JSON, --gpx le GPX du parcours (altitudes du relief approché).
`,
  'cli.usage.review': `  cavalier review FICHIER [--zones ZONES ...] [--name-field ATTRIBUT] [--code-field ATTRIBUT]
                  [--embedded] [--no-approximations] [--buffer MÈTRES] [--corridor MÈTRES]
                  [--json] [--csv TABLEAU.csv] [--geojson PASSAGES.geojson]
      Revue environnementale : zones sensibles traversées (kilomètres d’entrée et de sortie de
      chaque passage, longueur dedans, part du parcours) et zones proches non traversées (à
      moins de --buffer mètres, 500 par défaut ; distance la plus courte). Zones : les couches
      embarquées (protections connues, réservoirs et corridors de la Trame verte et bleue, sites
      classés et inscrits), ou
      les couches données par --zones, dans tout format que l’application importe (shapefile
      zippé, GeoJSON en WGS84, Lambert-93, Lambert II étendu ou Web Mercator, KML et KMZ, GPX).
      Code, nom et type des zones : ceux des couches officielles (Natura 2000 SITECODE /
      SITENAME, ZNIEFF ID_MNHN / NOM, INPN), sinon les attributs --name-field et --code-field,
      sinon ceux que Cavalier propose (dits sur la sortie d’erreur) ; type : propriété kind ou
      type, sinon celui que dit le nom du fichier, sinon ce nom. Une zone linéaire (corridor) compte pour
      une bande de --corridor mètres de chaque côté (25 par défaut). Le bord d’une zone en fait
      partie. --csv écrit le tableau pour Excel (UTF-8 avec BOM, séparateur « ; »), --geojson
      les passages en lignes. --embedded ajoute aux fichiers --zones les couches embarquées, comme
      l’application : une couche approximative (réservoirs, corridors, protections) s’efface
      devant un fichier officiel du même genre. --no-approximations écarte toutes les couches
      approximatives.
`,
  'cli.review.zonesValue': `valeur manquante pour «${NBSP}--zones${NBSP}».`,
  'cli.review.metres': `{option} attend une distance en mètres, positive ou nulle («${NBSP}{value}${NBSP}»).`,
  'cli.review.fieldsNeedZones': '--name-field et --code-field s’appliquent aux fichiers de --zones.',
  'cli.review.replaced': '{layer} (remplacée par {by})',
  'cli.review.switchedOff': '{layer} (écartée)',
  'cli.review.inFile': `«${NBSP}{file}${NBSP}»${NBSP}: {message}`,
  'cli.review.convertFirst': `Convertissez d’abord la couche avec «${NBSP}cavalier import FICHIER --from EPSG:2154${NBSP}» (ou 27572, 4326, 3857).`,
  'cli.review.cannotWrite': `impossible d’écrire «${NBSP}{path}${NBSP}» ({reason}).`,
  'cli.review.title': `Revue environnementale${NBSP}: {name} ({km}${NBSP}km)`,
  'cli.review.zones': `Zones${NBSP}: {list}`,
  'cli.review.leftOut': `Couches approximatives écartées${NBSP}: {list}`,
  'cli.review.noCrossing': 'Aucune zone sensible traversée.',
  'cli.review.crossings': `Zones traversées${NBSP}: {n}`,
  'cli.review.col.zone': 'Zone',
  'cli.review.col.type': 'Type',
  'cli.review.col.passes': 'Passages (km)',
  'cli.review.col.inside': 'Dedans',
  'cli.review.col.share': 'Part',
  'cli.review.col.distance': 'Distance',
  'cli.review.col.atKm': 'Au km',
  'cli.review.lineCrossings': ' (croise la ligne au km {list})',
  'cli.review.metresValue': `{m}${NBSP}m`,
  'cli.review.pctValue': `{pct}${NBSP}%`,
  'cli.review.noNear': `Aucune autre zone à moins de {m}${NBSP}m.`,
  'cli.review.near': `Zones proches, non traversées (à moins de {m}${NBSP}m)${NBSP}: {n}`,
  'cli.review.corridors': `Corridors${NBSP}: bande de {m}${NBSP}m de chaque côté de la ligne ; la distance d’un corridor proche est celle à sa ligne.`,

  'cli.import.crsUnknown':
    'Relancez avec --from EPSG:2154 (Lambert-93), --from EPSG:27572 (Lambert II étendu), --from EPSG:4326 (WGS84) ou --from EPSG:3857 (Web Mercator).',
  'cli.import.wrongCrs': 'Si la projection détectée est fausse, indiquez la bonne avec --from.',
  'cli.import.readThus': '{message} Pour la lire ainsi, {retry}.',
  'cli.import.withoutSwap': 'relancez sans --swap-axes',
  'cli.import.withSwap': 'relancez avec {from}--swap-axes',
  'cli.import.withFrom': 'relancez avec --from {crs}{swap}',
  'cli.import.skipped': `objet n°${NBSP}{n}{name} écarté${NBSP}: {reason}`,
  'cli.import.skippedName': ` «${NBSP}{name}${NBSP}»`,
  'cli.import.moreSkipped': `{n|… et # autre objet écarté.|… et # autres objets écartés.}`,
  'cli.prefix': 'cavalier : {message}',
  'cli.warning': 'cavalier : attention : {message}',
  'cli.internal': 'cavalier : erreur interne : {message}',
  'cli.arg.needCommand': 'indiquez une commande.',
  'cli.arg.unknownCommand': `commande inconnue «${NBSP}{command}${NBSP}».`,
  'cli.arg.extra': `argument en trop «${NBSP}{arg}${NBSP}».`,
  'cli.arg.needTrack': 'indiquez le fichier de la trace.',
  'cli.arg.needProject': 'indiquez le fichier du projet.',
  'cli.arg.needLayer': 'indiquez le fichier de la couche.',
  'cli.arg.needOut': 'indiquez le dossier de sortie avec --out.',
  'cli.arg.importOnly': '--from et --swap-axes ne servent qu’à la commande import.',
  'cli.arg.exportOnly': '--out et --max-points ne servent qu’à la commande export.',
  'cli.arg.statsOnly': '--dem, --relief et --json ne servent qu’à la commande stats.',
  'cli.arg.gpxOnly': '--name ne sert qu’à la commande gpx.',
  'cli.arg.notForExport': '--dem, --json et --name ne servent pas à la commande export.',
  'cli.arg.importOptions': 'seules les options --from et --swap-axes servent à la commande import.',
  'cli.arg.select': `--select attend tracks, routes ou all, pas «${NBSP}{value}${NBSP}».`,
  'cli.arg.maxPoints': '--max-points attend un nombre entier, 2 au moins.',
  'cli.arg.from': `projection «${NBSP}{value}${NBSP}» non prise en charge${NBSP}: --from attend EPSG:2154, EPSG:27572, EPSG:4326 ou EPSG:3857.`,
  'cli.arg.unknownOption': `option inconnue «${NBSP}{option}${NBSP}».`,
  'cli.arg.badValue': `valeur manquante ou invalide pour «${NBSP}{option}${NBSP}».`,
  'cli.arg.invalid': 'arguments invalides ({message}).',
  'cli.arg.point': `«${NBSP}{value}${NBSP}» n’est pas un point LON,LAT en degrés (par exemple 2.7792,50.4563).`,
  'cli.arg.twoPoints': 'indiquez au moins deux points LON,LAT.',

  'cli.errno.ENOENT': 'fichier introuvable',
  'cli.errno.ENOENT.folder': 'dossier introuvable',
  'cli.errno.EISDIR': 'c’est un dossier',
  'cli.errno.EACCES': 'permission refusée',
  'cli.errno.EPERM': 'permission refusée',
  'cli.errno.ENOTDIR': 'un fichier porte déjà ce nom',
  'cli.errno.EEXIST': 'un fichier porte déjà ce nom',
  'cli.errno.ENOSPC': 'disque plein',
  'cli.errno.EROFS': 'support en lecture seule',

  'cli.export.none': 'aucun GPX écrit : le projet n’a aucune formule tracée.',
  'cli.export.cannotWrite': `impossible d’écrire dans «${NBSP}{path}${NBSP}» ({reason}).`,
  'cli.export.simplified': ` (simplifié : {before} → {after} points, distance {change}${NBSP}m)`,

  'cli.stats.distance': `Distance${NBSP}: {km}${NBSP}km ({segments}, {points})`,
  'cli.stats.segment': '{n|# segment|# segments}',
  'cli.stats.point': '{n|# point|# points}',
  'cli.stats.noElevation': `Dénivelé${NBSP}: inconnu (aucune altitude)`,
  'cli.stats.ascent': `Dénivelé${NBSP}: +{up}${NBSP}m{atLeast} / −{down}${NBSP}m (lissé)`,
  'cli.stats.atLeast': ' au moins',
  'cli.stats.range': `Altitude${NBSP}: de {min} à {max}${NBSP}m ({from})`,
  'cli.stats.fromDem': `grille «${NBSP}{name}${NBSP}»`,
  'cli.stats.fromDemApprox': `grille «${NBSP}{name}${NBSP}», approximation`,
  'cli.stats.fromTrack': 'altitudes du fichier',
  'cli.stats.sources': `Sources des altitudes${NBSP}: {list}`,
  'cli.stats.share': `{pct}${NBSP}% {name}`,
  'cli.stats.shareNamed': `{pct}${NBSP}% «${NBSP}{name}${NBSP}»`,
  'cli.stats.routes': `Itinéraires (rte) dans le fichier${NBSP}: {n}`,

  'cli.route.distance': `Distance${NBSP}: {km}${NBSP}km, dont {straight}${NBSP}km hors réseau ({pct}${NBSP}%)`,
  'cli.route.leg': `  tronçon {from} → {to}${NBSP}: {km}${NBSP}km, {crow}${NBSP}km à vol d’oiseau, {how}`,
  'cli.route.noPath': 'ligne droite (aucun chemin connu)',
  'cli.route.offNetwork': 'ligne droite (point à plus de 300 m des chemins)',
  'cli.route.straight': 'ligne droite',
  'cli.route.detour': 'détour ×{ratio}',
  'cli.route.detourFlagged': 'détour ×{ratio} (au-delà de ×{limit} : à vérifier)',
  'cli.route.ways': `Types de voie${NBSP}: {list}`,
  'cli.route.way': `{kind} {km}${NBSP}km`,
  'cli.route.gpxName': 'Parcours Cavalier',
};

type CliKey = keyof typeof cliFr;

export const cliEn: Record<CliKey, string> = {
  'cli.usage': `Usage:
  cavalier stats FILE [--dem GRID] [--relief] [--json] [--select tracks|routes|all]
      Distance (geodesic, WGS84), number of points and segments, smoothed elevation gain,
      lowest and highest elevation, number of routes (rte) in the file, share of the length
      from each elevation source. --dem takes the elevations from a DEM (ESRI ASCII .asc grid
      or GeoTIFF, in WGS84 or Lambert-93) instead of the file's. --relief takes those of the
      app's approximate relief where no other source has one, and says which terrils' climb is
      missing from it. --json writes a JSON object.
  cavalier gpx FILE [--name NAME] [--select tracks|routes|all]
      Rewrites the file as valid GPX 1.1 (segment for segment, point times kept) on
      standard output.
      --select: what is measured or written of a GPX holding both tracks (trk) and routes
      (rte): tracks (the default, with a warning), routes or all.
  cavalier export PROJECT.json --out FOLDER [--max-points N]
      Writes one GPX per formula of each event of a saved project, the same files as the
      app's export, named after the event and the formula.
      --max-points simplifies each track to at most N points (older GPS units).
  cavalier import LAYER [--from EPSG:2154|EPSG:27572|EPSG:4326|EPSG:3857] [--swap-axes]
      Writes the layer as WGS84 GeoJSON (FeatureCollection) on standard output, as the app
      imports it: GeoJSON in WGS84, Lambert-93, Lambert II extended or Web Mercator
      (projection read from the crs member or deduced from the coordinates), GPX, KML,
      OpenStreetMap (.osm, Overpass JSON answer). --from forces a GeoJSON's projection,
      --swap-axes swaps x and y (file written latitude first). Features left out and warnings
      go to standard error; where another reading would put the layer in Hauts-de-France, the
      warning suggests it.
{review}{route}  cavalier --help
      Shows this help.

FILE: a GPX, KML or GeoJSON track.
Messages are in French; CAVALIER_LANG=en writes them in English.
`,
  'cli.usage.route': `  cavalier route LON,LAT LON,LAT [LON,LAT ...] [--json] [--gpx FILE.gpx]
      A route along the paths of the embedded network (cavaliers, cycle routes and
      greenways, OpenStreetMap routes), drawn as the app draws it: each point snapped to the
      nearest path within 300 m, then one leg between two successive points. Distance,
      metres off the network (straight lines), each leg's detour (length along the paths /
      distance as the crow flies, flagged beyond ×2) and the split by way type. --json writes a
      JSON object, --gpx the route's GPX (elevations from the approximate relief).
`,
  'cli.usage.review': `  cavalier review FILE [--zones ZONES ...] [--name-field ATTRIBUTE] [--code-field ATTRIBUTE]
                  [--embedded] [--no-approximations] [--buffer METRES] [--corridor METRES]
                  [--json] [--csv TABLE.csv] [--geojson PASSES.geojson]
      Environmental review: sensitive zones crossed (entry and exit kilometres of each pass,
      length inside, share of the route) and zones near but not crossed (within --buffer metres,
      500 by default; shortest distance). Zones: the embedded layers (known protections, Trame
      verte et bleue reservoirs and corridors, listed and registered sites), or the layers given
      by --zones, in any format the app imports (zipped shapefile, GeoJSON in WGS84, Lambert-93,
      Lambert II extended or Web Mercator, KML and KMZ, GPX). Code, name and type of the zones:
      those of the official layers (Natura 2000 SITECODE / SITENAME, ZNIEFF ID_MNHN / NOM, INPN),
      else the --name-field and --code-field attributes, else those Cavalier proposes (said on
      standard error); type: the kind or type property, else what the file's name says, else
      that name. A line zone (corridor) counts as a band of --corridor metres each side (25 by
      default). A zone's boundary is part of it. --csv writes the table for Excel (UTF-8 with a
      BOM, « ; » separator), --geojson the passes as lines. --embedded adds the embedded layers to
      the --zones files, as the app does: an approximate layer (reservoirs, corridors,
      protections) gives way to an official file of the same kind. --no-approximations leaves
      every approximate layer out.
`,
  'cli.review.zonesValue': 'missing value for “--zones”.',
  'cli.review.metres': '{option} takes a distance in metres, zero or more (“{value}”).',
  'cli.review.fieldsNeedZones': '--name-field and --code-field apply to the --zones files.',
  'cli.review.replaced': '{layer} (replaced by {by})',
  'cli.review.switchedOff': '{layer} (left out)',
  'cli.review.inFile': '“{file}”: {message}',
  'cli.review.convertFirst': 'Convert the layer first with “cavalier import FILE --from EPSG:2154” (or 27572, 4326, 3857).',
  'cli.review.cannotWrite': 'cannot write “{path}” ({reason}).',
  'cli.review.title': 'Environmental review: {name} ({km} km)',
  'cli.review.zones': 'Zones: {list}',
  'cli.review.leftOut': 'Approximate layers left out: {list}',
  'cli.review.noCrossing': 'No sensitive zone crossed.',
  'cli.review.crossings': 'Zones crossed: {n}',
  'cli.review.col.zone': 'Zone',
  'cli.review.col.type': 'Type',
  'cli.review.col.passes': 'Passes (km)',
  'cli.review.col.inside': 'Inside',
  'cli.review.col.share': 'Share',
  'cli.review.col.distance': 'Distance',
  'cli.review.col.atKm': 'At km',
  'cli.review.lineCrossings': ' (crosses the line at km {list})',
  'cli.review.metresValue': '{m} m',
  'cli.review.pctValue': '{pct}%',
  'cli.review.noNear': 'No other zone within {m} m.',
  'cli.review.near': 'Zones near, not crossed (within {m} m): {n}',
  'cli.review.corridors': 'Corridors: a band of {m} m each side of the line; the distance of a corridor nearby is that to its line.',

  'cli.import.crsUnknown':
    'Run again with --from EPSG:2154 (Lambert-93), --from EPSG:27572 (Lambert II extended), --from EPSG:4326 (WGS84) or --from EPSG:3857 (Web Mercator).',
  'cli.import.wrongCrs': 'If the detected projection is wrong, give the right one with --from.',
  'cli.import.readThus': '{message} To read it that way, {retry}.',
  'cli.import.withoutSwap': 'run again without --swap-axes',
  'cli.import.withSwap': 'run again with {from}--swap-axes',
  'cli.import.withFrom': 'run again with --from {crs}{swap}',
  'cli.import.skipped': 'feature #{n}{name} left out: {reason}',
  'cli.import.skippedName': ' “{name}”',
  'cli.import.moreSkipped': '{n|… and # more feature left out.|… and # more features left out.}',
  'cli.prefix': 'cavalier: {message}',
  'cli.warning': 'cavalier: warning: {message}',
  'cli.internal': 'cavalier: internal error: {message}',
  'cli.arg.needCommand': 'give a command.',
  'cli.arg.unknownCommand': 'unknown command “{command}”.',
  'cli.arg.extra': 'one argument too many: “{arg}”.',
  'cli.arg.needTrack': 'give the track file.',
  'cli.arg.needProject': 'give the project file.',
  'cli.arg.needLayer': 'give the layer file.',
  'cli.arg.needOut': 'give the output folder with --out.',
  'cli.arg.importOnly': '--from and --swap-axes are for the import command only.',
  'cli.arg.exportOnly': '--out and --max-points are for the export command only.',
  'cli.arg.statsOnly': '--dem, --relief and --json are for the stats command only.',
  'cli.arg.gpxOnly': '--name is for the gpx command only.',
  'cli.arg.notForExport': '--dem, --json and --name are not for the export command.',
  'cli.arg.importOptions': 'only --from and --swap-axes are for the import command.',
  'cli.arg.select': '--select takes tracks, routes or all, not “{value}”.',
  'cli.arg.maxPoints': '--max-points takes a whole number, 2 or more.',
  'cli.arg.from': 'projection “{value}” not supported: --from takes EPSG:2154, EPSG:27572, EPSG:4326 or EPSG:3857.',
  'cli.arg.unknownOption': 'unknown option “{option}”.',
  'cli.arg.badValue': 'missing or invalid value for “{option}”.',
  'cli.arg.invalid': 'invalid arguments ({message}).',
  'cli.arg.point': '“{value}” is not a LON,LAT point in degrees (for example 2.7792,50.4563).',
  'cli.arg.twoPoints': 'give at least two LON,LAT points.',

  'cli.errno.ENOENT': 'file not found',
  'cli.errno.ENOENT.folder': 'folder not found',
  'cli.errno.EISDIR': 'it is a folder',
  'cli.errno.EACCES': 'permission denied',
  'cli.errno.EPERM': 'permission denied',
  'cli.errno.ENOTDIR': 'a file already has that name',
  'cli.errno.EEXIST': 'a file already has that name',
  'cli.errno.ENOSPC': 'disk full',
  'cli.errno.EROFS': 'read-only medium',

  'cli.export.none': 'no GPX written: the project has no drawn formula.',
  'cli.export.cannotWrite': 'cannot write to “{path}” ({reason}).',
  'cli.export.simplified': ' (simplified: {before} → {after} points, distance {change} m)',

  'cli.stats.distance': 'Distance: {km} km ({segments}, {points})',
  'cli.stats.segment': '{n|# segment|# segments}',
  'cli.stats.point': '{n|# point|# points}',
  'cli.stats.noElevation': 'Elevation gain: unknown (no elevation)',
  'cli.stats.ascent': 'Elevation gain: +{up} m{atLeast} / −{down} m (smoothed)',
  'cli.stats.atLeast': ' at least',
  'cli.stats.range': 'Elevation: from {min} to {max} m ({from})',
  'cli.stats.fromDem': 'grid “{name}”',
  'cli.stats.fromDemApprox': 'grid “{name}”, approximation',
  'cli.stats.fromTrack': 'elevations from the file',
  'cli.stats.sources': 'Elevation sources: {list}',
  'cli.stats.share': '{pct}% {name}',
  'cli.stats.shareNamed': '{pct}% “{name}”',
  'cli.stats.routes': 'Routes (rte) in the file: {n}',

  'cli.route.distance': 'Distance: {km} km, of which {straight} km off the network ({pct}%)',
  'cli.route.leg': '  leg {from} → {to}: {km} km, {crow} km as the crow flies, {how}',
  'cli.route.noPath': 'straight line (no known path)',
  'cli.route.offNetwork': 'straight line (point more than 300 m from the paths)',
  'cli.route.straight': 'straight line',
  'cli.route.detour': 'detour ×{ratio}',
  'cli.route.detourFlagged': 'detour ×{ratio} (beyond ×{limit}: to check)',
  'cli.route.ways': 'Way types: {list}',
  'cli.route.way': '{kind} {km} km',
  'cli.route.gpxName': 'Cavalier route',
};

const CLI: Record<Lang, Record<CliKey, string>> = { fr: cliFr, en: cliEn };

type CliParams = Record<string, string | number>;

/** The CLI's words in one language: texts, numbers with n decimals, and counted nouns. */
export interface CliText {
  lang: Lang;
  t(key: CliKey, params?: CliParams): string;
  num(value: number, decimals?: number): string;
  count(base: 'cli.stats.segment' | 'cli.stats.point', n: number): string;
}

export function cliText(lang: Lang): CliText {
  const formats = new Map<number, Intl.NumberFormat>();
  const num = (value: number, decimals = 0) => {
    let f = formats.get(decimals);
    if (!f) {
      f = new Intl.NumberFormat(localeOf(lang), { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
      formats.set(decimals, f);
    }
    return f.format(value);
  };
  const t = (key: CliKey, params?: CliParams) => fillTemplate(CLI[lang][key], lang, params);
  return {
    lang,
    t,
    num,
    count: (base, n) => t(base, { n }),
  };
}

/** The system error's words (ENOENT, EACCES…), or its code where none are known. */
export function systemReason(text: CliText, code: string): string {
  const key = `cli.errno.${code}`;
  return key in cliFr ? text.t(key as CliKey) : code;
}
