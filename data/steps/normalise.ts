// Normalisation of the official layers' attributes (pure functions, no fs).

import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import type { OutFeature } from './geo.ts';

type InFeature = Feature<Geometry, GeoJsonProperties>;

// ---------------------------------------------------------------- communes

/** Accent-, case- and punctuation-insensitive key of a commune name ("LIEVIN" and "Liévin" give "lievin"). */
export function communeKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\b(lez|les)\b/g, 'les')
    .trim();
}

export type CommuneIndex = ReadonlyMap<string, string>;

/** Index of the official spelling of the basin's communes, by communeKey. */
export function makeCommuneIndex(names: readonly string[]): CommuneIndex {
  const m = new Map<string, string>();
  for (const n of names) if (n) m.set(communeKey(n), n);
  return m;
}

const LOWER_PARTICLES = new Set(['les', 'lez', 'lès', 'sur', 'sous', 'en', 'la', 'le', 'de', 'du', 'des', 'd', 'l', 'à', 'aux', 'au', 'et']);

/** "FRESNES-SUR-ESCAUT" -> "Fresnes-sur-Escaut" (only used for names not found in the commune index). */
function titleCaseCommune(name: string): string {
  const parts = name.toLowerCase().split(/([\s\-']+)/);
  let first = true;
  return parts
    .map((p) => {
      if (/^[\s\-']+$/.test(p) || p === '') return p;
      const word = !first && LOWER_PARTICLES.has(p) ? p : p.charAt(0).toUpperCase() + p.slice(1);
      first = false;
      return word;
    })
    .join('');
}

/** Official spelling when the commune is known, otherwise the raw name (title-cased if it was all capitals). */
export function normaliseCommune(raw: string, index?: CommuneIndex): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  const known = index?.get(communeKey(name));
  if (known) return known;
  return /[A-ZÀ-Ý]{2,}/.test(name) && name === name.toUpperCase() ? titleCaseCommune(name) : name;
}

/** commune_1, commune_2… joined with ", " (empty values and repeats left out). */
function joinCommunes(props: GeoJsonProperties, index?: CommuneIndex): string {
  const keys = Object.keys(props ?? {})
    .filter((k) => /^commune_\d+$/.test(k))
    .sort((a, b) => Number(a.slice(8)) - Number(b.slice(8)));
  const out: string[] = [];
  for (const k of keys) {
    const v = props?.[k];
    if (typeof v !== 'string' || !v.trim()) continue;
    const n = normaliseCommune(v, index);
    if (!out.includes(n)) out.push(n);
  }
  return out.join(', ');
}

const str = (v: unknown): string | undefined => {
  if (v === null || v === undefined) return undefined;
  const s = String(v).trim();
  return s === '' ? undefined : s;
};

/** the original attributes not consumed by the normalisation, as strings (null values left out) */
function otherAttributes(props: GeoJsonProperties, consumed: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(props ?? {})) {
    if (consumed.includes(k) || /^commune_\d+$/.test(k)) continue;
    const s = str(v);
    if (s !== undefined) out[k] = s;
  }
  return out;
}

const PLACEHOLDER_NAMES = new Set(['sans nom', 'sans-nom', '?']);
const realName = (v: unknown): string | undefined => {
  const s = str(v);
  return s && !PLACEHOLDER_NAMES.has(s.toLowerCase()) ? s : undefined;
};

// ---------------------------------------------------------------- terrils

export type TerrilLayer = 'terrils' | 'zt-terrils';

export interface TerrilProps {
  [key: string]: string | boolean;
  /** terril number: T074, T074a… */
  id: string;
  name: string;
  communes: string;
  forme: string;
  /** true for the 51 terrils of the UNESCO-listed property, false for the buffer zone */
  unesco: boolean;
  source_layer: TerrilLayer;
}

/** Normalised number "T075" from "T075", "t75", "75"… (letter suffix kept in lower case); undefined otherwise. */
export function terrilNumber(raw: unknown): string | undefined {
  const m = /^\s*T?\s*0*(\d{1,3})\s*([a-z]?)\s*$/i.exec(String(raw ?? ''));
  if (!m) return undefined;
  return `T${m[1].padStart(3, '0')}${m[2].toLowerCase()}`;
}

export function normaliseTerril(f: InFeature, layer: TerrilLayer, communes?: CommuneIndex): OutFeature<TerrilProps> {
  const p = f.properties ?? {};
  const rawId = layer === 'terrils' ? p.no_terril : p.id;
  const id = terrilNumber(rawId) ?? str(rawId) ?? '';
  const name = realName(p.nom_usuel) ?? realName(p.nom) ?? (id ? `Terril ${id}` : 'Terril');
  const consumed = layer === 'terrils' ? ['no_terril', 'forme'] : ['id', 'forme'];
  return {
    type: 'Feature',
    geometry: f.geometry,
    properties: {
      ...otherAttributes(p, consumed),
      id,
      name,
      communes: joinCommunes(p, communes),
      forme: str(p.forme) ?? '',
      unesco: layer === 'terrils',
      source_layer: layer,
    },
  };
}

// ---------------------------------------------------------------- cavaliers

export interface CavalierLineProps {
  [key: string]: string;
  id: string;
  name: string;
  communes: string;
}

export function normaliseCavalierLine(f: InFeature, fallbackIndex: number, communes?: CommuneIndex): OutFeature<CavalierLineProps> {
  const p = f.properties ?? {};
  return {
    type: 'Feature',
    geometry: f.geometry,
    properties: {
      id: str(p.id_troncon) ?? `cavalier-${fallbackIndex}`,
      name: realName(p.nom) ?? 'Cavalier sans nom',
      communes: joinCommunes(p, communes),
    },
  };
}

export interface CavalierUnescoProps {
  [key: string]: string | number | boolean;
  id: string;
  name: string;
  communes: string;
  unesco: true;
}

export function normaliseCavalierUnesco(f: InFeature, communes?: CommuneIndex): OutFeature<CavalierUnescoProps> {
  const p = f.properties ?? {};
  const id = str(p.id_unesco) ?? '';
  const length = typeof p.longueur_m === 'number' ? p.longueur_m : Number(p.longueur_m);
  const props: CavalierUnescoProps = {
    ...otherAttributes(p, ['id_unesco', 'longueur_m']),
    id,
    name: `Cavalier minier (élément UNESCO ${id})`,
    communes: joinCommunes(p, communes),
    unesco: true,
  };
  if (Number.isFinite(length)) props.longueur_m = length;
  return { type: 'Feature', geometry: f.geometry, properties: props };
}

// ---------------------------------------------------------------- espaces néonaturels

export type NeonaturelLayer = 'espace-neonaturel' | 'zt-espaces-neonaturels';

export interface NeonaturelProps {
  [key: string]: string | boolean;
  id: string;
  name: string;
  communes: string;
  unesco: boolean;
  source_layer: NeonaturelLayer;
}

export function normaliseNeonaturel(f: InFeature, layer: NeonaturelLayer, communes?: CommuneIndex): OutFeature<NeonaturelProps> {
  const p = f.properties ?? {};
  const id = str(layer === 'espace-neonaturel' ? p.id_unesco : p.id) ?? '';
  return {
    type: 'Feature',
    geometry: f.geometry,
    properties: {
      ...otherAttributes(p, ['id', 'nom']),
      id,
      name: realName(p.nom) ?? 'Espace néonaturel',
      communes: joinCommunes(p, communes),
      unesco: layer === 'espace-neonaturel',
      source_layer: layer,
    },
  };
}

// ---------------------------------------------------------------- puits de mine

export interface PuitsProps {
  [key: string]: string | number | boolean | null;
  name: string;
  commune: string;
  /** ground altitude (m) as given by the source, null when absent */
  cote: number | null;
  /** true when the source gives 0 m: a missing value in practice (no ground of the basin is at sea level), left out of the relief */
  cote_suspecte: boolean;
  profondeur: number | null;
}

const num = (v: unknown): number | null => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v.replace(',', '.')))) return Number(v.replace(',', '.'));
  return null;
};

/** "Fosse Bonnel (n° 7 - 7 bis), puits 7 — Barlin", "Fosse 1, puits 1 — Annezin", "Puits aveleresse — Anzin". */
export function puitsName(p: GeoJsonProperties): string {
  const fosse = str(p?.fosse);
  const alias = str(p?.fosse_alias);
  const puits = str(p?.puits);
  const commune = str(p?.commune);
  const parts: string[] = [];
  if (fosse) {
    const a = alias && alias !== fosse ? ` (${/^\d/.test(alias) ? 'n° ' : ''}${alias})` : '';
    parts.push(`Fosse ${fosse}${a}`);
    if (puits && puits.toLowerCase() !== fosse.toLowerCase()) parts.push(`puits ${puits}`);
  } else {
    parts.push(puits ? `Puits ${puits}` : 'Puits de mine');
  }
  return parts.join(', ') + (commune ? ` — ${commune}` : '');
}

export function normalisePuits(f: InFeature): OutFeature<PuitsProps> {
  const p = f.properties ?? {};
  const cote = num(p.cote);
  return {
    type: 'Feature',
    geometry: f.geometry,
    properties: {
      ...otherAttributes(p, ['cote', 'profondeur', 'commune']),
      name: puitsName(p),
      commune: str(p.commune) ?? '',
      cote,
      cote_suspecte: cote === 0,
      profondeur: num(p.profondeur),
    },
  };
}

// ---------------------------------------------------------------- communes, bassin

export interface CommuneProps {
  [key: string]: string | number | null;
  name: string;
  insee: string;
  population: number | null;
  epci: string;
  surface_km2: number | null;
}

export function normaliseCommuneFeature(f: InFeature): OutFeature<CommuneProps> {
  const p = f.properties ?? {};
  return {
    type: 'Feature',
    geometry: f.geometry,
    properties: {
      name: str(p.nom) ?? '',
      insee: str(p.insee) ?? '',
      population: num(p.population),
      epci: str(p.epci_nom) ?? '',
      surface_km2: num(p.surface_km2),
    },
  };
}

export interface BassinProps {
  [key: string]: string | number | null;
  name: string;
  surface_km2: number | null;
  population: number | null;
}

export function normaliseBassin(f: InFeature): OutFeature<BassinProps> {
  const p = f.properties ?? {};
  return {
    type: 'Feature',
    geometry: f.geometry,
    properties: {
      name: 'Bassin minier du Nord-Pas de Calais',
      surface_km2: num(p.surface_km2),
      population: num(p.population),
    },
  };
}
