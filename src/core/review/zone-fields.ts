// Which attributes of a layer give each zone its official identity: code, name and type.
//
// The official layers of protected areas follow a few conventions, recognised here whatever the
// case of the field names (the INPN's downloads write them in capitals, the Géoplateforme's WFS
// in lower case):
//  - Natura 2000 (INPN download « sic » / « zps », EEA Natura 2000 database, Géoplateforme WFS
//    `patrinat_sic:sic` and `patrinat_zps:zps`): SITECODE (FR + 7 digits) and SITENAME; SITETYPE
//    when present (EEA: A = ZPS, B = SIC/ZSC, C = both). Without SITETYPE the type comes from the
//    layer's name (zps, sic, zsc) and else from the code itself: its fifth character is 1 for a
//    site of the Birds directive (ZPS, FR3112005 « Vallée de la Scarpe et de l'Escaut ») and 0 for
//    one of the Habitats directive (SIC/ZSC, FR3100474).
//  - ZNIEFF (INPN download, WFS `patrinat_znieff1:znieff1` and `patrinat_znieff2:znieff2`):
//    ID_MNHN (9 digits, e.g. 310007231) and NOM, or NM_SFFZN in the older national shapefiles,
//    NOM_SITE in the WFS; type I or II from TYPE_ZNIEFF / TYPZNIEFF, else from the layer's name.
//  - the other INPN protected areas (WFS `patrinat_apb:apb`, `patrinat_rnn:rnn`,
//    `patrinat_rnr:rnr`, `patrinat_sc:sc`, `patrinat_pnr:pnr`…): ID_MNHN (FR + 7 characters) and
//    NOM_SITE or NOM; the type from the code's prefix (FR38 arrêtés de protection de biotope, FR36
//    réserves naturelles nationales, FR93 réserves naturelles régionales), else from the layer's
//    name.
// Followed: the layer list of the Géoplateforme WFS (data.geopf.fr/wfs/ows, the `patrinat_*`
// typenames as QGIS and API Carto users list them), API Carto's module Nature (apicarto.ign.fr,
// `sitecode`/`sitename` on natura-habitat and natura-oiseaux, `id_mnhn`/`nom` on znieff1/2, rnn,
// pnr), the WFS's own `nom_site` and `id_mnhn` (checked on patrinat_apb:apb: id_mnhn
// « FR3801169 »), and the attribute tables of the INPN's Natura 2000 shapefiles (SITECODE,
// SITENAME). ENS are published by each département without a common schema: the type comes from
// the layer's name (« ens ») and the fields are proposed as for any other layer.
//
// For any other layer proposeZoneFields ranks the attributes that look like a name and a code,
// from their names and their values, so the import dialog and `cavalier review --name-field`
// can let the user choose; zoneIdentity then reads one feature with the chosen fields.

/** The attributes chosen for the zones' identity (absent: none). */
export interface ZoneFields {
  name?: string;
  code?: string;
}

type ZoneConvention = 'natura2000' | 'znieff' | 'inpn';

interface FieldCandidate {
  field: string;
  /** higher is likelier; only fields above 0 are proposed */
  score: number;
  /** share of the features with a value (0 to 1) */
  filled: number;
  /** share of the filled values that are distinct (0 to 1) */
  distinct: number;
  /** the first value met, as text (data: show it as text) */
  example: string;
}

export interface ZoneFieldProposal {
  /** the official convention recognised, or null */
  convention: ZoneConvention | null;
  /** the type the layer's name or convention gives its zones, or null (each zone may still carry its own) */
  kind: string | null;
  /** ranked, best first */
  name: FieldCandidate[];
  code: FieldCandidate[];
  /** the convention's fields, else the best candidates */
  fields: ZoneFields;
  /** every attribute met, in the order first met (for a free choice) */
  properties: string[];
}

export interface ZoneIdentity {
  name: string | null;
  code: string | null;
  /** from the convention (SITETYPE, TYPE_ZNIEFF, the code) or the layer's name; null when neither says */
  kind: string | null;
  /** the official convention the layer follows, or null */
  convention: ZoneConvention | null;
}

type Props = Record<string, unknown>;

/** Features looked at for the proposal (a 5,000-zone layer needs no more to be recognised). */
const SAMPLE = 2000;

const isObject = (v: unknown): v is Props => typeof v === 'object' && v !== null && !Array.isArray(v);

function text(v: unknown): string | null {
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/** The key of `p` equal to `name` whatever its case, or null. */
function keyOf(keys: readonly string[], name: string): string | null {
  const lower = name.toLowerCase();
  return keys.find((k) => k.toLowerCase() === lower) ?? null;
}

const firstKey = (keys: readonly string[], names: readonly string[]): string | null => {
  for (const n of names) {
    const k = keyOf(keys, n);
    if (k) return k;
  }
  return null;
};

/** Lower-case words of a layer's name: "patrinat_znieff1:znieff1" → patrinat, znieff1, znieff1. */
const words = (s: string): string[] =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** The type a layer's name gives its zones ("zps_hdf", "ZNIEFF2_L93", "apb", "sites classés"), or null. */
function kindFromLayerName(layerName: string): string | null {
  const w = words(layerName);
  const has = (x: string) => w.includes(x);
  const joined = w.join(' ');
  if (has('zps')) return 'ZPS';
  if (has('zsc')) return 'ZSC';
  if (has('sic') || has('psic')) return 'SIC';
  const znieff = /\bznieff ?(1|i|type ?1|type ?i|2|ii|type ?2|type ?ii)?\b/.exec(joined);
  if (znieff) {
    const t = znieff[1]?.replace(/type ?/, '');
    return t === '1' || t === 'i' ? 'ZNIEFF I' : t === '2' || t === 'ii' ? 'ZNIEFF II' : 'ZNIEFF';
  }
  if (has('apb') || has('appb') || has('biotope')) return 'APPB';
  if (has('rnn')) return 'RNN';
  if (has('rnr')) return 'RNR';
  if (has('ens')) return 'ENS';
  if (/\bsites? (classes?|inscrits?)\b/.test(joined) || (has('patrinat') && has('sc'))) return 'site classé';
  return null;
}

/** What a Natura 2000 code says of its directive: 1 in fifth place for birds (ZPS), 0 for habitats. */
function natura2000KindOfCode(code: string): string | null {
  const m = /^FR\d{2}([01])\d{4}$/i.exec(code);
  if (!m) return null;
  return m[1] === '1' ? 'ZPS' : 'ZSC';
}

function natura2000KindOfSiteType(v: string): string | null {
  const t = v.trim().toUpperCase();
  if (t === 'A' || t === 'ZPS' || t === 'SPA') return 'ZPS';
  if (t === 'B' || t === 'SIC' || t === 'ZSC' || t === 'SCI' || t === 'SAC' || t === 'PSIC' || t === 'PSIC/SIC')
    return t === 'SIC' || t === 'PSIC' ? 'SIC' : 'ZSC';
  if (t === 'C') return 'ZPS et ZSC';
  return null;
}

function znieffKindOf(v: string): string | null {
  const t = v
    .trim()
    .toUpperCase()
    .replace(/^TYPE\s*/, '');
  if (t === '1' || t === 'I') return 'ZNIEFF I';
  if (t === '2' || t === 'II') return 'ZNIEFF II';
  return null;
}

function protectedAreaKindOfCode(code: string): string | null {
  const c = code.toUpperCase();
  if (/^FR38\d/.test(c)) return 'APPB';
  if (/^FR36\d/.test(c)) return 'RNN';
  if (/^FR93\d/.test(c)) return 'RNR';
  return null;
}

interface Convention {
  convention: ZoneConvention;
  fields: ZoneFields;
  /** the field the zone's own type is read from, when the convention has one */
  typeField: string | null;
}

/** The official convention the attribute names follow, or null. */
function conventionOf(keys: readonly string[], layerName: string): Convention | null {
  const sitecode = keyOf(keys, 'sitecode');
  if (sitecode) {
    const name = firstKey(keys, ['sitename', 'nom_site', 'nom', 'site_name']);
    return { convention: 'natura2000', fields: { code: sitecode, ...(name ? { name } : {}) }, typeField: keyOf(keys, 'sitetype') };
  }
  const idMnhn = firstKey(keys, ['id_mnhn', 'id_mnhn_zn']);
  const znieffType = firstKey(keys, ['type_znieff', 'typznieff', 'typ_znieff']);
  const nmSffzn = keyOf(keys, 'nm_sffzn');
  const layerKind = kindFromLayerName(layerName);
  if (idMnhn && (znieffType || nmSffzn || layerKind?.startsWith('ZNIEFF'))) {
    const name = firstKey(keys, ['nom', 'nm_sffzn', 'nom_site', 'lb_zn']);
    return { convention: 'znieff', fields: { code: idMnhn, ...(name ? { name } : {}) }, typeField: znieffType };
  }
  if (idMnhn) {
    const name = firstKey(keys, ['nom_site', 'nom', 'nom_sp']);
    return { convention: 'inpn', fields: { code: idMnhn, ...(name ? { name } : {}) }, typeField: null };
  }
  return null;
}

/**
 * Reads zones' identity from their attributes: with `fields` the chosen attributes, without
 * them the convention the layer's attribute names follow (looked up once, over the first
 * features). The type comes from the convention (SITETYPE, TYPE_ZNIEFF, the code) and else from
 * the layer's name; null when neither says.
 */
export function zoneIdentityReader(
  features: readonly { properties?: unknown }[],
  layerName: string,
  fields?: ZoneFields,
): (properties: unknown) => ZoneIdentity {
  const keys = new Set<string>();
  for (const f of features.slice(0, SAMPLE)) if (isObject(f.properties)) for (const k of Object.keys(f.properties)) keys.add(k);
  const conv = conventionOf([...keys], layerName);
  const chosen = fields ?? conv?.fields ?? {};
  return (properties) => {
    const p: Props = isObject(properties) ? properties : {};
    const name = chosen.name ? text(p[chosen.name]) : null;
    const code = chosen.code ? text(p[chosen.code]) : null;
    return { name, code, kind: kindOf(p, conv, code, layerName), convention: conv?.convention ?? null };
  };
}

/** The identity of one zone (zoneIdentityReader over this feature alone): for a map popup. */
export function zoneIdentity(properties: unknown, layerName: string, fields?: ZoneFields): ZoneIdentity {
  return zoneIdentityReader([{ properties }], layerName, fields)(properties);
}

function kindOf(p: Props, conv: Convention | null, code: string | null, layerName: string): string | null {
  const own = conv?.typeField ? text(p[conv.typeField]) : null;
  const layerKind = kindFromLayerName(layerName);
  switch (conv?.convention) {
    case 'natura2000':
      return (
        (own && natura2000KindOfSiteType(own)) ??
        (layerKind && ['ZPS', 'ZSC', 'SIC'].includes(layerKind) ? layerKind : null) ??
        (code && natura2000KindOfCode(code)) ??
        'Natura 2000'
      );
    case 'znieff':
      return (own && znieffKindOf(own)) ?? (layerKind?.startsWith('ZNIEFF') ? layerKind : 'ZNIEFF');
    case 'inpn':
      // a 9-digit id_mnhn is a ZNIEFF's; the protected areas' are FR + 7 characters
      if (code && /^\d{9}$/.test(code)) return layerKind?.startsWith('ZNIEFF') ? layerKind : 'ZNIEFF';
      // the zone's own code before the layer's name: one file may gather several kinds
      return (code && protectedAreaKindOfCode(code)) ?? layerKind;
    default:
      return layerKind;
  }
}

const NAME_WORDS = ['name', 'nom', 'nom_site', 'sitename', 'libelle', 'lib', 'toponyme', 'appellation', 'designation', 'intitule', 'titre', 'title', 'label'];
const TECHNICAL_IDS = new Set(['id', 'fid', 'gid', 'oid', 'objectid', 'objectid_1', 'ogc_fid', 'uid', 'rowid', '@id']);
const CODE_WORDS = ['code', 'sitecode', 'id_mnhn', 'identifiant', 'id', 'ref', 'reference', 'num', 'numero', 'cd', 'insee', 'idsup'];

/** 3 for a usual name of such a field, 2 when one of its words is, else 0. */
function keyScore(key: string, usual: readonly string[]): number {
  const k = key.toLowerCase();
  if (usual.includes(k)) return 3;
  const parts = k.split(/[^a-z0-9]+|(?<=[a-z])(?=\d)/).filter(Boolean);
  if (parts.some((w) => usual.includes(w)) || usual.some((u) => u.length >= 4 && k.includes(u))) return 2;
  return 0;
}

interface Column {
  values: string[];
  filled: number;
  first: string;
}

/**
 * The attributes likely to hold each zone's name and code, ranked, and the convention when the
 * layer follows an official one (then `fields` are the convention's). A pure function of the
 * features' properties and the layer's name.
 */
export function proposeZoneFields(features: readonly { properties?: unknown }[], layerName: string): ZoneFieldProposal {
  const sample = features.slice(0, SAMPLE);
  const columns = new Map<string, Column>();
  for (const f of sample) {
    if (!isObject(f.properties)) continue;
    for (const [k, v] of Object.entries(f.properties)) {
      let c = columns.get(k);
      if (!c) {
        c = { values: [], filled: 0, first: '' };
        columns.set(k, c);
      }
      const t = text(v);
      if (t === null) continue;
      c.filled++;
      c.values.push(t);
      if (!c.first) c.first = t;
    }
  }
  const n = Math.max(1, sample.length);
  const name: FieldCandidate[] = [];
  const code: FieldCandidate[] = [];
  for (const [field, c] of columns) {
    if (c.filled === 0) continue;
    const filled = c.filled / n;
    const distinct = new Set(c.values).size / c.filled;
    const letters = c.values.filter((v) => /\p{L}{2}/u.test(v)).length / c.filled;
    const spaced = c.values.filter((v) => /\s/.test(v.trim())).length / c.filled;
    const meanLength = c.values.reduce((s, v) => s + v.length, 0) / c.filled;
    const codeLike = c.values.filter((v) => v.length <= 24 && !/\s/.test(v) && /\d/.test(v)).length / c.filled;
    const base = { field, filled: round2(filled), distinct: round2(distinct), example: c.first };
    // a name: words with letters, spaces between them, not too long, mostly distinct
    const nameKey = keyScore(field, NAME_WORDS);
    let nameScore = nameKey + 2 * letters + spaced + distinct + filled - 2 * codeLike;
    if (meanLength > 160 || letters < 0.5) nameScore = Math.min(nameScore, nameKey > 0 ? 0.5 : 0);
    if (nameScore > 1.5) name.push({ ...base, score: round2(nameScore) });
    // a code: short, without spaces, with digits, one per feature
    // a row number (FID, OBJECTID, id) numbers the features, it does not name the zone
    if (TECHNICAL_IDS.has(field.toLowerCase())) continue;
    const codeKey = keyScore(field, CODE_WORDS);
    let codeScore = codeKey + 2 * codeLike + 2 * distinct + filled - 2 * spaced;
    if (codeLike < 0.5) codeScore = Math.min(codeScore, codeKey > 0 ? 0.5 : 0);
    if (codeScore > 2.5) code.push({ ...base, score: round2(codeScore) });
  }
  const byScore = (a: FieldCandidate, b: FieldCandidate) => b.score - a.score || a.field.localeCompare(b.field);
  name.sort(byScore);
  code.sort(byScore);
  const keys = [...columns.keys()];
  const conv = conventionOf(keys, layerName);
  if (conv) {
    // the convention's fields first, whatever their score
    for (const [list, field] of [
      [name, conv.fields.name],
      [code, conv.fields.code],
    ] as const) {
      if (!field) continue;
      const at = list.findIndex((c) => c.field === field);
      const c = columns.get(field);
      const entry = at >= 0 ? list.splice(at, 1)[0] : { field, score: 0, filled: round2((c?.filled ?? 0) / n), distinct: 1, example: c?.first ?? '' };
      list.unshift(entry);
    }
  }
  // without a convention, `name` or `nom` when there is one (what a layer is read with when
  // nobody chooses), else the best candidate
  const plain = ['name', 'nom'].find((k) => (columns.get(k)?.filled ?? 0) > 0);
  if (!conv && plain) {
    const at = name.findIndex((c) => c.field === plain);
    if (at > 0) name.unshift(name.splice(at, 1)[0]);
  }
  const bestName = plain ?? name[0]?.field;
  const fields: ZoneFields = conv ? conv.fields : { ...(bestName ? { name: bestName } : {}), ...(code[0] ? { code: code[0].field } : {}) };
  const first = sample.find((f) => isObject(f.properties));
  const kind = first
    ? kindOf(first.properties as Props, conv, fields.code ? text((first.properties as Props)[fields.code]) : null, layerName)
    : kindFromLayerName(layerName);
  return { convention: conv?.convention ?? null, kind, name, code, fields, properties: keys };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
