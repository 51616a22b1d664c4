// User-facing texts for the core's error codes, shared by the app and the CLI (no React here,
// so the CLI can load it). "{key}" is replaced by error.detail[key]; a "[...]" part is kept only
// when every placeholder inside it has a value, for details that are not always known.

import type { ErrorCode, GeoError } from '../core/errors';

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
    'geojson.no-line': 'Le GeoJSON ne contient aucune ligne.',
    'route.far-from-network': `Ce point est trop loin des chemins connus[ ({distance_m}${NBSP}m)].`,
    'route.no-path': 'Aucun chemin connu ne relie ces deux points.',
    'network.empty': 'Le réseau de chemins n’est pas chargé ou il est vide.',
    'dem.invalid-grid': `Grille d’altitude ASCII (.asc) invalide[${NBSP}: {expected} valeurs attendues, {found} trouvées].`,
    'dem.partial-coverage': `La grille d’altitude ne couvre que {percent}${NBSP}% des points du parcours${NBSP}; ailleurs l’altitude est interpolée ou inconnue.`,
    'dem.not-wgs84': `La grille d’altitude n’est pas en degrés WGS84 (emprise {west}, {south}, {east}, {north})${NBSP}: reprojetez-la en EPSG:4326.`,
  },
  en: {
    'file.empty': 'The file is empty.',
    'file.unreadable': 'Cannot read the file “{path}”[ ({reason})].',
    'file.too-large': 'File too large: the limit is {limit_mb} MB.',
    'file.unknown-format': 'Unrecognised file format: import a GPX, KML or GeoJSON file.',
    'file.not-xml': 'The file is not valid XML[ (line {line})]: is it truncated or corrupt?',
    'file.xml-entities':
      'File refused: it declares XML entities (DOCTYPE with ENTITY), which no GPX or KML needs and which can carry an attack.',
    'file.no-track': 'No track in this file: no track (trk), no route (rte), no line.',
    'file.bad-coordinate': 'Invalid coordinate at point #{point}: latitude or longitude missing, unreadable or out of range.',
    'file.not-json': 'The file is not valid JSON.',
    'geojson.no-line': 'The GeoJSON holds no line.',
    'route.far-from-network': 'This point is too far from any known path[ ({distance_m} m)].',
    'route.no-path': 'No known path joins these two points.',
    'network.empty': 'The path network is not loaded or is empty.',
    'dem.invalid-grid': 'Invalid ASCII elevation grid (.asc)[: {expected} values expected, {found} found].',
    'dem.partial-coverage': 'The elevation grid covers only {percent}% of the route’s points; elsewhere elevation is interpolated or unknown.',
    'dem.not-wgs84':
      'The elevation grid is not in WGS84 degrees (extent {west}, {south}, {east}, {north}): reproject it to EPSG:4326.',
  },
};

const PLACEHOLDER = /\{(\w+)\}/g;

/** Fills a message template; see the file comment for the "[...]" optional parts. */
export function interpolate(template: string, detail: GeoError['detail'] = {}): string {
  const has = (key: string) => detail[key] !== undefined && detail[key] !== '';
  const withOptional = template.replace(/\[([^[\]]*)\]/g, (_, part: string) =>
    [...part.matchAll(PLACEHOLDER)].every((m) => has(m[1])) ? part : '',
  );
  return withOptional.replace(PLACEHOLDER, (_, key: string) => (has(key) ? String(detail[key]) : '?'));
}

export function formatError(err: GeoError, lang: MessageLang = 'fr'): string {
  return interpolate(messages[lang][err.code], err.detail);
}
