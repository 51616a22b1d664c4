// User-facing texts for the core's error codes, shared by the app and the CLI (no React here,
// so the CLI can load it). "{key}" is replaced by error.detail[key]; a "[...]" part is kept only
// when every placeholder inside it has a value, for details that are not always known;
// "{count|# one|# others}" picks the form by the language's plural rules (src/i18n/plural.ts).

import type { ErrorCode, GeoError } from '../core/errors';
import { choosePlurals } from './plural';

export type MessageLang = 'fr' | 'en';

const NBSP = '\u00a0';

export const messages: Record<MessageLang, Record<ErrorCode, string>> = {
  fr: {
    'file.empty': 'Le fichier est vide.',
    'file.unreadable': `Impossible de lire le fichier «${NBSP}{path}${NBSP}»[ ({reason})].`,
    'file.too-large': `Fichier trop volumineux${NBSP}: la limite est de {limit_mb}${NBSP}Mo.`,
    'file.unknown-format': `Format de fichier non reconnu${NBSP}: importez un fichier GPX, KML ou GeoJSON.`,
    'file.not-xml': `Le fichier n’est pas un XML valide[ (ligne {line})]${NBSP}: est-il tronqué ou corrompu${NBSP}?`,
    'file.xml-entities': `Fichier refusé${NBSP}: il déclare des entités XML (DOCTYPE avec ENTITY), ce qu’un GPX ou un KML ne fait jamais et qui peut servir à une attaque.`,
    'file.no-track': `Aucune trace dans ce fichier${NBSP}: ni trace (trk), ni itinéraire (rte), ni ligne.`,
    'file.bad-coordinate': `Coordonnée invalide au point n°${NBSP}{point}${NBSP}: latitude ou longitude manquante, illisible ou hors limites.`,
    'file.not-json': 'Le fichier n’est pas un JSON valide.',
    'file.not-geojson': `Ce fichier JSON n’est pas du GeoJSON${NBSP}: importez un fichier GPX, KML ou GeoJSON.`,
    'file.single-point': `La trace ne compte qu’un seul point${NBSP}: elle est affichée, mais elle n’a pas de longueur.`,
    'file.empty-segments': `{count|#${NBSP}segment vide ou d’un seul point ignoré|#${NBSP}segments vides ou d’un seul point ignorés}${NBSP}; le reste de la trace est chargé.`,
    'file.bad-elevation': `{count|#${NBSP}altitude invraisemblable|#${NBSP}altitudes invraisemblables} (au-delà de ±{limit_m}${NBSP}m) {count|ignorée|ignorées}${NBSP}: {count|ce point est gardé|ces points sont gardés}, sans altitude.`,
    'file.bad-time': `{count|#${NBSP}heure illisible ignorée|#${NBSP}heures illisibles ignorées} (ni date ni heure au format GPX)${NBSP}: {count|ce point est gardé|ces points sont gardés}, sans heure.`,
    'file.routes-left-out': `Le fichier contient aussi {count|#${NBSP}itinéraire (rte), laissé|#${NBSP}itinéraires (rte), laissés} de côté${NBSP}: seules les traces (trk) sont prises.`,
    'file.invalid-utf8': `Le fichier contient des octets qui ne sont pas de l’UTF-8 valide[ (à partir de la ligne {line})]${NBSP}: ces caractères sont remplacés par «${NBSP}\uFFFD${NBSP}». Le fichier est-il en Latin-1 sans le déclarer${NBSP}?`,
    'file.reprojected': `Les coordonnées de ce GeoJSON sont en {crs}, pas en degrés${NBSP}: la trace a été convertie en WGS84, comme à l’import d’une couche. Vérifiez sa position sur la carte.`,
    'file.projected': `Coordonnée invalide au point n°${NBSP}{point} ({x}, {y})${NBSP}: ce ne sont pas des degrés, le fichier est projeté[ (il déclare «${NBSP}{declared}${NBSP}»)] dans un système que Cavalier ne reconnaît pas. Convertissez-le en WGS84 (EPSG:4326), ou importez-le comme couche pour choisir sa projection.`,
    'geojson.no-line': 'Le GeoJSON ne contient aucune ligne.',
    'route.far-from-network': `Ce point est trop loin des chemins connus[ ({distance_m}${NBSP}m)].`,
    'route.no-path': 'Aucun chemin connu ne relie ces deux points.',
    'network.empty': 'Le réseau de chemins n’est pas chargé ou il est vide.',
    'network.outdated': `Le réseau de tracé (network.bin) a été construit par une autre version de Cavalier${NBSP}: reconstruisez-le avec «${NBSP}npm run data:build${NBSP}».`,
    'network.corrupt': `Le réseau de tracé (network.bin) est tronqué ou abîmé${NBSP}: reconstruisez-le avec «${NBSP}npm run data:build${NBSP}».`,
    'network.missing-embedded': `Le réseau de chemins embarqué est absent (dossier {path})${NBSP}: lancez «${NBSP}npm run data:build${NBSP}» pour le construire.`,
    'routing.provider-answer': `Réponse du serveur de calcul d’itinéraire illisible[ ({detail})]${NBSP}: tronçon tracé en ligne droite.`,
    'routing.provider-refused': `Le serveur BRouter n’a pas trouvé d’itinéraire[ (« {message} »)]${NBSP}: tronçon tracé en ligne droite.`,
    'routing.provider-unreachable': `Serveur BRouter injoignable[ ({url})]${NBSP}: tronçon tracé en ligne droite. Vérifiez l’adresse dans les réglages.`,
    'project.invalid': `Ce fichier n’est pas un projet Cavalier valide[ (problème à «${NBSP}{path}${NBSP}»)]${NBSP}: il est corrompu ou vient d’un autre logiciel. Rien n’a été modifié.`,
    'project.future-version': `Ce projet a été enregistré par une version plus récente de Cavalier (format {version}, celle-ci lit jusqu’au format {supported})${NBSP}: mettez Cavalier à jour pour l’ouvrir. Rien n’a été modifié.`,
    'project.migrated': `Ce projet vient d’une ancienne version de Cavalier (format {from})${NBSP}: il a été converti et sera enregistré au format actuel.`,
    'export.no-geometry': `La formule «${NBSP}{formula}${NBSP}» n’a pas de tracé${NBSP}: aucun GPX n’est écrit pour elle.`,
    'share.invalid': `Ce lien de parcours est incomplet ou abîmé (partie «${NBSP}{part}${NBSP}»)${NBSP}: demandez à nouveau le lien, ou le fichier du projet. Rien n’a été modifié.`,
    'export.bad-coordinates': `{count|#${NBSP}point aux coordonnées impossibles (latitude ou longitude manquante ou hors limites) non écrit|#${NBSP}points aux coordonnées impossibles (latitude ou longitude manquante ou hors limites) non écrits} dans le GPX.`,
    'export.bad-elevations': `{count|#${NBSP}altitude impossible|#${NBSP}altitudes impossibles} (au-delà de ±{limit_m}${NBSP}m) {count|non écrite|non écrites} dans le GPX${NBSP}: {count|ce point y est|ces points y sont} sans altitude.`,
    'zones.not-wgs84': `Les zones de «${NBSP}{file}${NBSP}» ne sont pas en degrés WGS84 (coordonnée {x}, {y})[${NBSP}: {crs}]${NBSP}; reprojetez le fichier en EPSG:4326 (par exemple en l’important dans Cavalier) avant la revue.`,
    'zones.none': `Aucune zone dans «${NBSP}{file}${NBSP}»${NBSP}: ni polygone ni ligne.`,
    'zones.missing-embedded': `Les couches sensibles embarquées sont absentes (dossier {path})${NBSP}: lancez «${NBSP}npm run data:build${NBSP}» pour les construire, ou donnez vos propres zones avec --zones.`,
    'zones.field-missing': `Aucune zone de «${NBSP}{file}${NBSP}» n’a d’attribut «${NBSP}{field}${NBSP}»[${NBSP}; ses attributs${NBSP}: {fields}].`,
    'zones.fields-guessed': `Zones de «${NBSP}{file}${NBSP}»${NBSP}: [nom lu dans l’attribut «${NBSP}{name}${NBSP}»][, code dans «${NBSP}{code}${NBSP}»] (proposition de Cavalier${NBSP}; choisissez-les avec --name-field et --code-field).`,
    'zone.empty-geometry': `Zone «${NBSP}{name}${NBSP}» ({layer})${NBSP}: géométrie vide, zone ignorée.`,
    'zone.unsupported-geometry': `Zone «${NBSP}{name}${NBSP}» ({layer})${NBSP}: géométrie {type} non prise en charge (polygones et lignes seulement), zone ignorée.`,
    'zone.bad-coordinate': `Zone «${NBSP}{name}${NBSP}» ({layer})${NBSP}: coordonnée manquante ou illisible, zone ignorée.`,
    'zone.unclosed-ring': `Zone «${NBSP}{name}${NBSP}» ({layer})${NBSP}: contour non fermé, refermé automatiquement.`,
    'zone.degenerate-ring': `Zone «${NBSP}{name}${NBSP}» ({layer})${NBSP}: contour de moins de trois sommets distincts, écarté.`,
    'zone.self-intersection': `Zone «${NBSP}{name}${NBSP}» ({layer})${NBSP}: contour qui se recoupe (vers {lon}, {lat})${NBSP}; zone gardée, lue selon la règle pair-impair (les parties recouvertes deux fois sont hors zone).`,
    'event.bad-date': `Date de la manifestation invalide («${NBSP}{date}${NBSP}»)${NBSP}: attendu AAAA-MM-JJ.`,
    'event.bad-participants': `Nombre de participants invalide («${NBSP}{participants}${NBSP}»)${NBSP}: attendu un entier positif ou nul.`,
    'event.bad-season': `Période de nidification invalide pour «${NBSP}{kind}${NBSP}»${NBSP}: les mois vont de 1 à 12.`,
    'dem.invalid-grid': `Grille d’altitude ASCII (.asc) invalide[${NBSP}: {expected} valeurs attendues, {found} trouvées].`,
    'dem.partial-coverage': `Les sources d’altitude ne couvrent que {percent}${NBSP}% de la longueur du parcours${NBSP}; ailleurs l’altitude est inconnue (tenue constante sur le profil).`,
    'dem.not-wgs84': `La grille d’altitude n’est pas en degrés WGS84 (emprise {west}, {south}, {east}, {north})${NBSP}: reprojetez-la en EPSG:4326.`,
    'dem.unsupported-tiff': `GeoTIFF d’altitude non pris en charge[ (système EPSG:{epsg})]${NBSP}: Cavalier lit les GeoTIFF en Lambert-93 (EPSG:2154), Lambert II étendu (EPSG:27572) ou WGS84 (EPSG:4326), sans rotation.`,
    'dem.too-many-cells': `MNT trop grand${NBSP}: son en-tête déclare {ncols}${NBSP}×${NBSP}{nrows} cellules, au-delà des {limit_mcells}${NBSP}millions de cellules que Cavalier peut charger. Découpez-le ou rééchantillonnez-le à un pas plus large.`,
    'crs.unknown': `Projection du fichier inconnue[ (il déclare «${NBSP}{declared}${NBSP}», que Cavalier ne sait pas convertir)]${NBSP}: indiquez-la, Lambert-93 (EPSG:2154), Lambert II étendu (EPSG:27572), WGS84 (EPSG:4326) ou Web Mercator (EPSG:3857).`,
    'import.not-geojson': 'Ce fichier JSON n’est ni du GeoJSON ni une réponse Overpass (OpenStreetMap).',
    'import.no-features': `Aucun objet utilisable dans ce fichier[ ({skipped|#${NBSP}objet écarté|#${NBSP}objets écartés} pour géométrie vide ou invalide)].`,
    'import.outside-france': `Coordonnées hors de France[ (emprise {west}, {south}, {east}, {north} en degrés après conversion depuis {crs}${NBSP}: la projection est-elle la bonne${NBSP}?)].`,
    'import.empty-geometry': 'Géométrie vide.',
    'import.bad-coordinate': 'Coordonnée manquante, non numérique ou infinie.',
    'import.invalid-geometry': 'Géométrie invalide (ligne de moins de deux points ou contour de moins de trois sommets).',
    'import.unsupported-geometry': 'Type de géométrie inconnu du GeoJSON.',
    'import.mixed-geometry': `Le fichier mêle plusieurs types de géométrie ({types})${NBSP}: tout est chargé, mais le réseau n’en retient que les lignes.`,
    'import.skipped': `{count|#${NBSP}objet écarté|#${NBSP}objets écartés}[ sur {total}] (géométrie vide, invalide ou hors de France)${NBSP}; le reste est chargé.`,
    'import.crs-guessed': `Projection déduite des coordonnées${NBSP}: {crs}[ (le fichier déclare «${NBSP}{declared}${NBSP}», ce que ses coordonnées contredisent)]. Vérifiez la position sur la carte.`,
    'import.nan-repaired': `Le fichier contient des valeurs NaN ou Infinity, hors de la norme JSON${NBSP}: elles ont été lues comme vides.`,
    'import.rings-closed': `{count|#${NBSP}contour de polygone non fermé, refermé|#${NBSP}contours de polygone non fermés, refermés} automatiquement.`,
    'import.from-ignored': `Un fichier {format} est toujours en WGS84${NBSP}: la projection {crs} demandée est ignorée.`,
    'import.osm-missing-nodes': `{count|#${NBSP}chemin OpenStreetMap incomplet|#${NBSP}chemins OpenStreetMap incomplets} (nœuds absents de l’extrait)${NBSP}: seules les parties présentes sont chargées.`,
    'import.osm-ignored': `{count|#${NBSP}objet OpenStreetMap sans étiquette highway (bâtiments, occupation du sol, relations) ignoré|#${NBSP}objets OpenStreetMap sans étiquette highway (bâtiments, occupation du sol, relations) ignorés}.`,
    'overpass.bad-area': `La zone affichée n’est pas valable pour demander les chemins OpenStreetMap.`,
    'overpass.area-too-large': `La zone affichée est trop grande pour charger les chemins OpenStreetMap ({area_km2}${NBSP}km², limite {limit_km2}${NBSP}km²)${NBSP}: zoomez sur la zone à parcourir, puis recommencez.`,
    'overpass.incomplete': `La réponse du service Overpass (OpenStreetMap) est incomplète${NBSP}: elle a été coupée avant la fin. Réessayez plus tard.`,
    'overpass.bad-answer': `La réponse reçue n’est pas une réponse du service Overpass (OpenStreetMap)${NBSP}: l’adresse du service est-elle la bonne${NBSP}?`,
    'overpass.runtime-error': `Le service Overpass (OpenStreetMap) a interrompu la demande[${NBSP}: «${NBSP}{remark}${NBSP}»]${NBSP}; rien n’a été chargé. Il est sans doute surchargé${NBSP}: réessayez plus tard, ou sur une zone plus petite.`,
    'overpass.no-paths': `OpenStreetMap ne connaît aucun chemin, piste ou petite route dans cette zone.`,
    'wfs.no-route': `Aucun parcours${NBSP}: tracez un parcours ou sélectionnez une trace avant de charger les zones protégées officielles.`,
    'wfs.area-too-large': `Le parcours est trop étendu pour charger les zones protégées officielles ({side_km}${NBSP}km de côté, limite {limit_km}${NBSP}km).`,
    'wfs.exception': `Le service[ {host}] a refusé la couche «${NBSP}{layer}${NBSP}»[ ({exception})][${NBSP}: «${NBSP}{text}${NBSP}»].`,
    'wfs.bad-answer': `La réponse du service[ {host}] pour la couche «${NBSP}{layer}${NBSP}» n’est pas du GeoJSON${NBSP}: l’adresse du service est-elle la bonne${NBSP}?`,
    'wfs.truncated': `La couche «${NBSP}{layer}${NBSP}» compte {matched} zones autour du parcours${NBSP}: seules les {count} premières sont chargées.`,
    'import.crs-proposed': `Lues en {crs}, les coordonnées tombent loin des Hauts-de-France[ (vers {lon}, {lat} en degrés)]${NBSP}; lues en {proposed}, elles y tombent${NBSP}: c’est sans doute la projection du fichier.`,
    'import.axes-swapped': `Lues en {crs}, les coordonnées tombent loin des Hauts-de-France[ (vers {lon}, {lat} en degrés)]${NBSP}; en échangeant x et y, elles y tombent${NBSP}: longitude et latitude sont sans doute inversées dans le fichier.`,
    'import.zip-too-large': `Archive zip refusée${NBSP}: [une fois décompressée, elle dépasse la limite de {limit_mb}${NBSP}Mo][elle se décompresse à plus de {ratio_limit}${NBSP}pour 1][ (fichier «${NBSP}{name}${NBSP}»)]. Ce n’est pas un shapefile ordinaire.`,
    'import.zip-unreadable': `Cette archive zip est illisible${NBSP}: elle est tronquée (téléchargement interrompu${NBSP}?) ou corrompue.`,
    'import.no-shapefile': `Cette archive zip ne contient ni shapefile (fichier .shp) ni KML${NBSP}: Cavalier lit les zip contenant un .shp avec ses .dbf et .prj, et les KMZ.`,
    'dem.tiles-none': `Aucun parcours à couvrir${NBSP}: tracez ou chargez un parcours avant d’utiliser les tuiles d’altitude en ligne.`,
    'dem.tiles-too-many': `Le parcours est trop étendu pour les tuiles d’altitude en ligne ({count}${NBSP}tuiles, limite {limit})${NBSP}; le relief actuel est conservé.`,
    'dem.tiles-failed': `Le service de tuiles d’altitude est injoignable ou a répondu une erreur[ ({reason})]${NBSP}; le relief actuel est conservé. Êtes-vous hors ligne${NBSP}?`,
    'relief.terril-missing': `Le relief approché (altitudes des puits de mine) ne contient pas les terrils${NBSP}: la montée manque sur [{terrils}][ ({length_m}${NBSP}m du parcours)] (le 11/19 s’élève d’environ 140${NBSP}m au-dessus de la plaine). Le D+ affiché est un minimum${NBSP}; chargez un MNT ou le relief IGN en ligne pour le vrai dénivelé.`,
    'altimetry.incomplete': `Le service d’altimétrie {host} a répondu [{got}][ altitudes pour {expected} demandées]${NBSP}: réponse incomplète, ces altitudes ne sont pas utilisées.`,
    'altimetry.bad-answer': `La réponse du service d’altimétrie {host} n’a pas la forme attendue[ ({expected})]${NBSP}; ses altitudes ne sont pas utilisées.`,
    'http.timeout': `Le serveur {host} n’a pas répondu à temps[ (plus de {timeout_s}${NBSP}s)]${NBSP}: il est surchargé, ou la connexion est très lente.`,
    'http.aborted': `Demande à {host} annulée.`,
    'http.offline': `Impossible de joindre {host}${NBSP}: vous êtes hors ligne, ou le serveur est injoignable ou refuse cette page.`,
    'http.status': `Le serveur {host} a répondu par une erreur (HTTP {status})[${NBSP}: «${NBSP}{body}${NBSP}»].`,
    'http.rate-limited': `Le serveur {host} limite le nombre de demandes (HTTP 429)${NBSP}: réessayez plus tard[ (dans {retry_after_s}${NBSP}s)].`,
    'http.truncated': `La réponse de {host} est incomplète${NBSP}: la connexion a été coupée pendant le transfert.`,
    'http.bad-answer': `La réponse de {host} est illisible[${NBSP}: ce n’est pas du {expected}].`,
    'http.bad-url': `Adresse invalide${NBSP}: «${NBSP}{url}${NBSP}».`,
    'data.unavailable': `Fichier de données «${NBSP}{path}${NBSP}» introuvable ou illisible[ (HTTP {status})].`,
  },
  en: {
    'file.empty': 'The file is empty.',
    'file.unreadable': 'Cannot read the file “{path}”[ ({reason})].',
    'file.too-large': 'File too large: the limit is {limit_mb} MB.',
    'file.unknown-format': 'Unrecognised file format: import a GPX, KML or GeoJSON file.',
    'file.not-xml': 'The file is not valid XML[ (line {line})]: is it truncated or corrupt?',
    'file.xml-entities': 'File refused: it declares XML entities (DOCTYPE with ENTITY), which no GPX or KML needs and which can carry an attack.',
    'file.no-track': 'No track in this file: no track (trk), no route (rte), no line.',
    'file.bad-coordinate': 'Invalid coordinate at point #{point}: latitude or longitude missing, unreadable or out of range.',
    'file.not-json': 'The file is not valid JSON.',
    'file.not-geojson': 'This JSON file is not GeoJSON: import a GPX, KML or GeoJSON file.',
    'file.single-point': 'The track has a single point: it is shown, but it has no length.',
    'file.empty-segments': '{count|# empty or single-point segment|# empty or single-point segments} left out; the rest of the track is loaded.',
    'file.bad-elevation':
      '{count|# implausible elevation|# implausible elevations} (beyond ±{limit_m} m) left out: {count|that point is|those points are} kept, without elevation.',
    'file.bad-time':
      '{count|# unreadable time|# unreadable times} left out (not a GPX date and time): {count|that point is|those points are} kept, without time.',
    'file.routes-left-out': 'The file also holds {count|# route|# routes} (rte), left out: only the tracks (trk) are taken.',
    'file.invalid-utf8':
      'The file holds bytes that are not valid UTF-8[ (from line {line})]: those characters are replaced by “\uFFFD”. Is it Latin-1 without saying so?',
    'file.reprojected':
      'This GeoJSON’s coordinates are in {crs}, not degrees: the track was converted to WGS84, as a layer import does. Check its position on the map.',
    'file.projected':
      'Invalid coordinate at point #{point} ({x}, {y}): these are not degrees; the file is projected[ (it declares “{declared}”)] in a system Cavalier does not recognise. Convert it to WGS84 (EPSG:4326), or import it as a layer to choose its coordinate system.',
    'geojson.no-line': 'The GeoJSON holds no line.',
    'route.far-from-network': 'This point is too far from any known path[ ({distance_m} m)].',
    'route.no-path': 'No known path joins these two points.',
    'network.empty': 'The path network is not loaded or is empty.',
    'network.outdated': 'The routing network (network.bin) was built by another version of Cavalier: rebuild it with “npm run data:build”.',
    'network.corrupt': 'The routing network (network.bin) is truncated or damaged: rebuild it with “npm run data:build”.',
    'network.missing-embedded': 'The embedded path network is missing (folder {path}): run “npm run data:build” to build it.',
    'routing.provider-answer': 'The routing server’s answer could not be read[ ({detail})]: leg drawn as a straight line.',
    'routing.provider-refused': 'The BRouter server found no route[ (“{message}”)]: leg drawn as a straight line.',
    'routing.provider-unreachable': 'BRouter server unreachable[ ({url})]: leg drawn as a straight line. Check its address in the settings.',
    'project.invalid': 'This file is not a valid Cavalier project[ (problem at “{path}”)]: it is corrupt or comes from other software. Nothing was changed.',
    'project.future-version':
      'This project was saved by a newer version of Cavalier (format {version}; this one reads up to format {supported}): update Cavalier to open it. Nothing was changed.',
    'project.migrated': 'This project comes from an older version of Cavalier (format {from}): it was converted and will be saved in the current format.',
    'export.no-geometry': 'The formula “{formula}” has no route: no GPX is written for it.',
    'share.invalid': 'This route link is incomplete or damaged (part “{part}”): ask for the link again, or for the project file. Nothing was changed.',
    'export.bad-coordinates': '{count|# point|# points} with impossible coordinates (latitude or longitude missing or out of range) not written to the GPX.',
    'export.bad-elevations':
      '{count|# impossible elevation|# impossible elevations} (beyond ±{limit_m} m) not written to the GPX: {count|that point has|those points have} no elevation there.',
    'zones.not-wgs84':
      'The zones of “{file}” are not in WGS84 degrees (coordinate {x}, {y})[: {crs}]; reproject the file to EPSG:4326 (for instance by importing it into Cavalier) before the review.',
    'zones.none': 'No zone in “{file}”: no polygon and no line.',
    'zones.field-missing': 'No zone of “{file}” has an attribute “{field}”[; its attributes: {fields}].',
    'zones.fields-guessed':
      'Zones of “{file}”: [name read from the attribute “{name}”][, code from “{code}”] (Cavalier’s proposal; choose them with --name-field and --code-field).',
    'zones.missing-embedded':
      'The embedded sensitive layers are missing (folder {path}): run “npm run data:build” to build them, or give your own zones with --zones.',
    'zone.empty-geometry': 'Zone “{name}” ({layer}): empty geometry, zone left out.',
    'zone.unsupported-geometry': 'Zone “{name}” ({layer}): {type} geometry not supported (polygons and lines only), zone left out.',
    'zone.bad-coordinate': 'Zone “{name}” ({layer}): missing or unreadable coordinate, zone left out.',
    'zone.unclosed-ring': 'Zone “{name}” ({layer}): ring not closed, closed automatically.',
    'zone.degenerate-ring': 'Zone “{name}” ({layer}): ring with fewer than three distinct vertices, left out.',
    'zone.self-intersection':
      'Zone “{name}” ({layer}): self-intersecting ring (near {lon}, {lat}); zone kept and read with the even-odd rule (parts covered twice are outside).',
    'event.bad-date': 'Invalid event date (“{date}”): expected YYYY-MM-DD.',
    'event.bad-participants': 'Invalid number of participants (“{participants}”): expected a whole number, zero or more.',
    'event.bad-season': 'Invalid breeding season for “{kind}”: months go from 1 to 12.',
    'dem.invalid-grid': 'Invalid ASCII elevation grid (.asc)[: {expected} values expected, {found} found].',
    'dem.partial-coverage': 'The elevation sources cover only {percent}% of the route’s length; elsewhere elevation is unknown (held constant on the profile).',
    'dem.not-wgs84': 'The elevation grid is not in WGS84 degrees (extent {west}, {south}, {east}, {north}): reproject it to EPSG:4326.',
    'dem.unsupported-tiff':
      'Elevation GeoTIFF not supported[ (system EPSG:{epsg})]: Cavalier reads GeoTIFFs in Lambert-93 (EPSG:2154), Lambert II extended (EPSG:27572) or WGS84 (EPSG:4326), without rotation.',
    'dem.too-many-cells':
      'DEM too large: its header declares {ncols} × {nrows} cells, beyond the {limit_mcells} million cells Cavalier can load. Cut it into tiles or resample it to a coarser step.',
    'crs.unknown':
      'Unknown projection[ (the file declares “{declared}”, which Cavalier cannot convert)]: say which it is, Lambert-93 (EPSG:2154), Lambert II extended (EPSG:27572), WGS84 (EPSG:4326) or Web Mercator (EPSG:3857).',
    'import.not-geojson': 'This JSON file is neither GeoJSON nor an Overpass (OpenStreetMap) answer.',
    'import.no-features': 'Nothing usable in this file[ ({skipped|# feature|# features} left out for an empty or invalid geometry)].',
    'import.outside-france':
      'Coordinates outside France[ (extent {west}, {south}, {east}, {north} in degrees after conversion from {crs}: is the projection right?)].',
    'import.empty-geometry': 'Empty geometry.',
    'import.bad-coordinate': 'Missing, non-numeric or infinite coordinate.',
    'import.invalid-geometry': 'Invalid geometry (a line of fewer than two points or a ring of fewer than three vertices).',
    'import.unsupported-geometry': 'Geometry type unknown to GeoJSON.',
    'import.mixed-geometry': 'The file mixes geometry types ({types}): all are loaded, but the network only takes the lines.',
    'import.skipped': '{count|# feature|# features} left out[ of {total}] (empty or invalid geometry, or outside France); the rest is loaded.',
    'import.crs-guessed':
      'Projection inferred from the coordinates: {crs}[ (the file declares “{declared}”, which its coordinates contradict)]. Check the position on the map.',
    'import.nan-repaired': 'The file holds NaN or Infinity values, which JSON does not allow: they were read as empty.',
    'import.rings-closed': '{count|# polygon ring|# polygon rings} not closed, closed automatically.',
    'import.from-ignored': 'A {format} file is always in WGS84: the requested projection {crs} is ignored.',
    'import.osm-missing-nodes':
      '{count|# OpenStreetMap way|# OpenStreetMap ways} incomplete (nodes missing from the extract): only the parts present are loaded.',
    'import.osm-ignored': '{count|# OpenStreetMap object|# OpenStreetMap objects} without a highway tag (buildings, land use, relations) ignored.',
    'overpass.bad-area': 'The area shown cannot be used to ask for the OpenStreetMap paths.',
    'overpass.area-too-large':
      'The area shown is too large to load the OpenStreetMap paths ({area_km2} km², limit {limit_km2} km²): zoom in on the area of the course, then try again.',
    'overpass.incomplete': 'The answer of the Overpass service (OpenStreetMap) is incomplete: it was cut before its end. Try again later.',
    'overpass.bad-answer': 'The answer received is not an answer of the Overpass service (OpenStreetMap): is the service address right?',
    'overpass.runtime-error':
      'The Overpass service (OpenStreetMap) stopped the request[: “{remark}”]; nothing was loaded. It is probably overloaded: try again later, or on a smaller area.',
    'overpass.no-paths': 'OpenStreetMap knows no path, track or small road in this area.',
    'wfs.no-route': 'No route: draw a route or select a track before loading the official protected areas.',
    'wfs.area-too-large': 'The route is too large to load the official protected areas ({side_km} km across, limit {limit_km} km).',
    'wfs.exception': 'The service[ {host}] refused the layer “{layer}”[ ({exception})][: “{text}”].',
    'wfs.bad-answer': 'The answer of the service[ {host}] for the layer “{layer}” is not GeoJSON: is the service address right?',
    'wfs.truncated': 'The layer “{layer}” has {matched} zones around the route: only the first {count} are loaded.',
    'import.crs-proposed':
      'Read as {crs}, the coordinates land far from Hauts-de-France[ (near {lon}, {lat} in degrees)]; read as {proposed}, they land there: that is most likely the file’s coordinate system.',
    'import.axes-swapped':
      'Read as {crs}, the coordinates land far from Hauts-de-France[ (near {lon}, {lat} in degrees)]; with x and y exchanged, they land there: longitude and latitude are most likely swapped in the file.',
    'import.zip-too-large':
      'Zip archive refused: [uncompressed, it goes beyond the {limit_mb} MB limit][it inflates at more than {ratio_limit} to 1][ (file “{name}”)]. This is not an ordinary shapefile.',
    'import.zip-unreadable': 'This zip archive cannot be read: it is truncated (interrupted download?) or corrupt.',
    'import.no-shapefile':
      'This zip archive holds neither a shapefile (.shp file) nor a KML: Cavalier reads zips holding a .shp with its .dbf and .prj, and KMZ files.',
    'dem.tiles-none': 'No route to cover: draw or load a route before using online elevation tiles.',
    'dem.tiles-too-many': 'The route spans too far for online elevation tiles ({count} tiles, limit {limit}); the current relief is kept.',
    'dem.tiles-failed': 'The elevation tile service is unreachable or answered an error[ ({reason})]; the current relief is kept. Are you offline?',
    'relief.terril-missing':
      'The approximate relief (mine-shaft altitudes) has no terrils: the climb is missing over [{terrils}][ ({length_m} m of the route)] (the 11/19 rises about 140 m above the plain). The ascent shown is a lower bound; load a DEM or the online IGN relief for the real climb.',
    'altimetry.incomplete':
      'The altimetry service {host} answered [{got}][ elevations for {expected} asked]: an incomplete answer, its elevations are not used.',
    'altimetry.bad-answer': 'The answer of the altimetry service {host} is not in the expected shape[ ({expected})]; its elevations are not used.',
    'http.timeout': 'The server {host} did not answer in time[ (over {timeout_s} s)]: it is overloaded, or the connection is very slow.',
    'http.aborted': 'Request to {host} cancelled.',
    'http.offline': 'Cannot reach {host}: you are offline, or the server is unreachable or refuses this page.',
    'http.status': 'The server {host} answered with an error (HTTP {status})[: “{body}”].',
    'http.rate-limited': 'The server {host} limits the number of requests (HTTP 429): try again later[ (in {retry_after_s} s)].',
    'http.truncated': 'The answer from {host} is incomplete: the connection dropped during the transfer.',
    'http.bad-answer': 'The answer from {host} cannot be read[: it is not {expected}].',
    'http.bad-url': 'Invalid address: “{url}”.',
    'data.unavailable': 'Data file “{path}” missing or unreadable[ (HTTP {status})].',
  },
};

const PLACEHOLDER = /\{(\w+)\}/g;

/** Fills a message template; see the file comment for the "[...]" optional parts. */
export function interpolate(template: string, detail: GeoError['detail'] = {}, lang: MessageLang = 'fr'): string {
  const has = (key: string) => detail[key] !== undefined && detail[key] !== '';
  // an optional part goes when one of its values, plain or counted ({n|…|…}), is missing
  const withOptional = template.replace(/\[([^[\]]*)\]/g, (_, part: string) => ([...part.matchAll(/\{(\w+)[}|]/g)].every((m) => has(m[1])) ? part : ''));
  return choosePlurals(withOptional, detail, lang).replace(PLACEHOLDER, (_, key: string) => (has(key) ? String(detail[key]) : '?'));
}

export function formatError(err: GeoError, lang: MessageLang = 'fr'): string {
  return interpolate(messages[lang][err.code], err.detail, lang);
}
