// The display layers the mission names, built from the files added to the raw folder in December
// 2026: Cartofriches' friches, the regional véloroutes, the OpenStreetMap hiking and cycling routes
// and the sites classés / inscrits (a sensitive layer of the review). Pure: collections in,
// features out; data/layers.ts reads the files and writes the outputs.
//
// The raw field names are kept where the search reads them (site_nom, site_statut, site_id,
// comm_nom, nom_tit_af, NUMERO_VEL: src/core/search/places.ts) and the popups give them a label
// (src/i18n/fields.ts). Long free texts are cut: every property goes into each vector tile.

import type { Geometry, Position } from 'geojson';
import { crsConverter } from '../../src/core/import/crs.ts';
import { osmRouteExists, veloroutesBuilt } from './network-sources.ts';
import type { AnyFeature, BBox, OutFeature, Props } from './geo.ts';

/** the raw files, relative to the raw folder; absent from a downloaded raw folder (UNESCO files only) */
export const DISPLAY_FILES = {
  friches: 'cartofriches/friches-59-62.geojson',
  veloroutes: 'veloroutes-adav/veloroutes.geojson',
  'osm-routes': 'osm-routes/osm-routes-basin.geojson',
  'sites-classes': 'sites-classes/sites_classes_hauts_de_france.geojson',
} as const;

const text = (v: unknown): string | undefined => {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return undefined;
  const s = v.replace(/\s+/g, ' ').trim();
  return s && s !== 'NC' ? s : undefined;
};

const num = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
};

/** A long description cut at a word, with an ellipsis: Cartofriches' activity texts run to 2,000 characters. */
export function cut(s: string | undefined, max: number): string | undefined {
  if (s === undefined || s.length <= max) return s;
  const head = s.slice(0, max);
  const space = head.lastIndexOf(' ');
  return `${(space > max * 0.5 ? head.slice(0, space) : head).trimEnd()}…`;
}

const round6 = (c: Position): [number, number] => [Math.round(c[0] * 1e6) / 1e6, Math.round(c[1] * 1e6) / 1e6];

/** Strips null properties: vector tiles cannot hold them and the popups say « — » for absent ones anyway. */
function defined(p: Record<string, unknown>): Props {
  return Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined && v !== null));
}

function mapPositions(g: Geometry, f: (p: Position) => [number, number]): Geometry {
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: f(g.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { type: g.type, coordinates: g.coordinates.map(f) };
    case 'MultiLineString':
    case 'Polygon':
      return { type: g.type, coordinates: g.coordinates.map((r) => r.map(f)) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(f))) };
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: g.geometries.map((x) => mapPositions(x, f)) };
  }
}

function firstPosition(g: Geometry): Position | undefined {
  switch (g.type) {
    case 'Point':
      return g.coordinates;
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates[0];
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates[0]?.[0];
    case 'MultiPolygon':
      return g.coordinates[0]?.[0]?.[0];
    case 'GeometryCollection':
      return g.geometries.map(firstPosition).find((p) => p !== undefined);
  }
}

/**
 * The sites file mixes systems: one feature (Bois de Cise) is in Lambert-93 metres without saying
 * so. A position outside any longitude is read as Lambert-93, the system of the ministry's layer.
 */
export function toWgs84(g: Geometry): { geometry: Geometry; reprojected: boolean } {
  const p = firstPosition(g);
  if (!p || (Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90)) return { geometry: mapPositions(g, round6), reprojected: false };
  const l93 = crsConverter('EPSG:2154');
  return { geometry: mapPositions(g, (c) => round6(l93(c[0], c[1]))), reprojected: true };
}

function eachPosition(g: Geometry, f: (c: Position) => void): void {
  mapPositions(g, (c) => {
    f(c);
    return [c[0], c[1]];
  });
}

function intersectsBox(g: Geometry, box: BBox): boolean {
  let hit = false;
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  eachPosition(g, (c) => {
    if (c[0] >= box[0] && c[0] <= box[2] && c[1] >= box[1] && c[1] <= box[3]) hit = true;
    w = Math.min(w, c[0]);
    s = Math.min(s, c[1]);
    e = Math.max(e, c[0]);
    n = Math.max(n, c[1]);
  });
  // or a polygon larger than the box around it (none here, but a site can hold a whole valley)
  return hit || (w <= box[0] && e >= box[2] && s <= box[1] && n >= box[3]);
}

// ── friches ──────────────────────────────────────────────────────────────────

/** « friche potentielle »: an old industrial site of BASIAS / BASOL that Cerema has not checked. */
const UNVERIFIED_FRICHE = 'friche potentielle';

const isUnverifiedFriche = (status: unknown): boolean => typeof status === 'string' && status.trim().toLowerCase() === UNVERIFIED_FRICHE;

/** Cartofriches names of call-for-projects files end with « friche: <the site's name> ». */
export function fricheName(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const tail = /friche\s*:\s*(.+)$/i.exec(raw)?.[1]?.trim();
  return tail || raw;
}

export function normaliseFriche(f: AnyFeature): OutFeature | null {
  if (!f.geometry) return null;
  const p = (f.properties ?? {}) as Props;
  const siteNom = text(p.site_nom);
  const status = text(p.site_statut);
  const props = defined({
    name: fricheName(siteNom) ?? text(p.site_id),
    site_id: text(p.site_id),
    // kept whole when it differs: the search finds a site by its inventory name too
    site_nom: siteNom && fricheName(siteNom) !== siteNom ? siteNom : undefined,
    site_statut: status,
    // a plain flag for the map's style (hollow symbol) and the filters
    verifiee: !isUnverifiedFriche(status),
    site_type: text(p.site_type) === 'inconnu' ? undefined : text(p.site_type),
    site_surface: num(p.site_surface) === undefined ? undefined : Math.round(num(p.site_surface)!),
    activite_libelle: cut(text(p.activite_libelle), 240),
    comm_nom: text(p.comm_nom),
    comm_insee: text(p.comm_insee),
    site_identif_date: text(p.site_identif_date),
    site_actu_date: text(p.site_actu_date),
    source_nom: text(p.source_nom),
    site_url: text(p.site_url),
  });
  return { type: 'Feature', properties: props, geometry: toWgs84(f.geometry).geometry };
}

// ── véloroutes ───────────────────────────────────────────────────────────────

/**
 * NUMERO_VEL as the signs say it: EuroVelo routes have one or two digits (3, 4, 5 cross the
 * region), the French national scheme three and more (V31 is the Véloroute du Bassin Minier).
 */
export function veloRef(numero: unknown): string | undefined {
  const s = text(numero);
  if (!s) return undefined;
  return s
    .split(/\s*-\s*/)
    .map((n) => (/^\d+$/.test(n) ? (Number(n) < 20 ? `EV${n}` : `V${n}`) : n))
    .join(' / ');
}

export function normaliseVeloroute(f: AnyFeature): OutFeature | null {
  if (!f.geometry) return null;
  const p = (f.properties ?? {}) as Props;
  const built = veloroutesBuilt(p);
  const props = defined({
    name: text(p.nom_tit_af) ?? text(p.ITINERAIRE) ?? text(p.NOM_ITI),
    ref: veloRef(p.NUMERO_VEL),
    NUMERO_VEL: text(p.NUMERO_VEL),
    itineraire: text(p.ITINERAIRE),
    troncon: text(p.TRONCON),
    // the same rule as the routing network: only what exists is « réalisé »
    etat: built ? 'realise' : 'projet',
    AVANCE_TRA: text(p.AVANCE_TRA),
    NATURE: text(p.NATURE),
    longueur: text(p.Longueur),
    lien: text(p.lien),
  });
  return { type: 'Feature', properties: props, geometry: toWgs84(f.geometry).geometry };
}

// ── OpenStreetMap routes ─────────────────────────────────────────────────────

export function normaliseOsmRoute(f: AnyFeature): OutFeature | null {
  if (!f.geometry) return null;
  const p = (f.properties ?? {}) as Props;
  const props = defined({
    name: text(p.name),
    ref: text(p.ref),
    mode: p.mode === 'walk' ? 'walk' : 'bike',
    etat: osmRouteExists(p) ? 'realise' : 'projet',
    network: text(p.network),
    km: num(p.km),
    loop: typeof p.loop === 'boolean' ? p.loop : undefined,
    ascent: num(p.ascent),
    descent: num(p.descent),
    url: text(p.url),
    osm_relation: num(p.osm_relation),
  });
  return { type: 'Feature', properties: props, geometry: toWgs84(f.geometry).geometry };
}

// ── sites classés / inscrits ─────────────────────────────────────────────────

/**
 * The classified site of 28 December 2016 « terrils formant la chaîne des terrils du bassin minier »:
 * 116 polygons of the file carry its name; the 117th terril polygon, the Terril d'Haveluy, is a
 * site inscrit of 1988 under its own name.
 */
const CHAINE_DES_TERRILS = /cha[iî]ne des terrils/i;

/** « 28/12/2016 » → « 2016-12-28 » */
export function isoDate(fr: unknown): string | undefined {
  const s = text(fr);
  const m = s && /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : s;
}

function normaliseSite(f: AnyFeature): { feature: OutFeature; reprojected: boolean } | null {
  if (!f.geometry) return null;
  const p = (f.properties ?? {}) as Props;
  const type = text(p.typesite) ?? 'Site classé';
  const name = text(p.nomgen) ?? text(p.idsup) ?? type;
  const { geometry, reprojected } = toWgs84(f.geometry);
  const surface = num(p.surfdclha);
  const props = defined({
    name,
    // the review's zone kind (src/core/review/embedded.ts reads `kind`)
    kind: type.toLowerCase(),
    chaine_des_terrils: CHAINE_DES_TERRILS.test(name),
    idsup: text(p.idsup),
    datecrea: isoDate(p.datecrea),
    // surfdclha is the whole site's declared area in m² (the 116 parts of the chaîne share its 1,832 ha)
    surface_ha: surface === undefined ? undefined : Math.round(surface / 100) / 100,
    gestnom: text(p.gestnom),
  });
  return { feature: { type: 'Feature', properties: props, geometry }, reprojected };
}

export interface SitesReport {
  read: number;
  kept: number;
  reprojected: string[];
  chaineDesTerrils: number;
  /** every polygon with « terril » in its name (the chaîne and the Terril d'Haveluy) */
  terrils: number;
}

/** The sites that touch the basin's box (the file covers Hauts-de-France), reprojected where needed. */
export function sitesInBox(features: readonly AnyFeature[], box: BBox): { features: OutFeature[]; report: SitesReport } {
  const out: OutFeature[] = [];
  const reprojected: string[] = [];
  for (const f of features) {
    const s = normaliseSite(f);
    if (!s) continue;
    if (s.reprojected) reprojected.push(String(s.feature.properties.name));
    if (intersectsBox(s.feature.geometry, box)) out.push(s.feature);
  }
  return {
    features: out,
    report: {
      read: features.length,
      kept: out.length,
      reprojected,
      chaineDesTerrils: out.filter((f) => f.properties.chaine_des_terrils === true).length,
      terrils: out.filter((f) => /terril/i.test(String(f.properties.name))).length,
    },
  };
}
