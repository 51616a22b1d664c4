// The content of the Natura 2000 dossier of a sports event, as plain data: what each section of
// the form says, computed once here (the page renders it, the golden test checks it).
//
// The sections follow the « formulaire d'évaluation simplifiée des incidences Natura 2000 » for
// sports events (manifestations sportives) the DREAL and the préfectures hand out under articles
// R.414-19 to R.414-26 of the Code de l'environnement (e.g. the « Manifestations » form,
// https://studylibfr.com/doc/1330909/manifestations, and the PACA « formulaire d'évaluation
// simplifiée », https://studylibfr.com/doc/496767): the applicant's details (« coordonnées du
// porteur de projet »); 1. description of the event: a. its nature (and whether it uses public
// roads or ways closed to traffic), its dates and times, participants, public and staff; b. its
// location against the Natura 2000 sites: the communes and a 1/25 000 map, the sites concerned,
// inside (by site number) or outside (at what distance); c. the zone of influence and its state:
// the habitats and species; d. the likely effects (trampling, noise, disturbance, waste…); the
// measures taken; and the conclusion, place, date and signature.
//
// Everything here is codes and numbers; src/i18n/dossier.ts gives the French words.

import type { Result } from '../errors';
import {
  IMPACT_CODES,
  MEASURE_CODES,
  type CoursePointKind,
  type Discipline,
  type DossierAnswers,
  type Event,
  type Formula,
  type ImpactCode,
  type MeasureCode,
} from '../event/model';
import { addMinutesLocal } from '../event/clock';
import type { WaySurfaces } from '../route/ways';
import type { CommuneCrossing } from './communes';
import type { SeasonReview } from './season';
import type { RouteReview } from './types';

/** The sections of the form, in its order. */
export const DOSSIER_SECTIONS = ['organiser', 'event', 'location', 'sites', 'habitats', 'impacts', 'measures', 'conclusion'] as const;
export type DossierSectionId = (typeof DOSSIER_SECTIONS)[number];

/** What is known of a zone beyond its geometry: its source attributes (the feature's properties). */
export type ZoneAttributes = Readonly<Record<string, unknown>>;

interface DossierLayer {
  id: string;
  /** an approximation of an official layer (the embedded ones) */
  approximate: boolean;
}

export interface DossierModelInput {
  event: Event | null;
  /** the formula whose route is reviewed, when it belongs to the event */
  formulaId: string | null;
  /** lap length (m) of each formula of the event, when known */
  formulaLengths: Readonly<Record<string, number>>;
  review: RouteReview;
  communes: CommuneCrossing[] | null;
  /** which commune layer the list comes from: the whole of Nord and Pas-de-Calais, or the basin's */
  communesCover: 'region' | 'basin' | null;
  ways: WaySurfaces | null;
  season: Result<SeasonReview> | null;
  /** per `${layer}|${id}` of a zone crossed or near, its source attributes */
  attributes: Readonly<Record<string, ZoneAttributes>>;
  layers: readonly DossierLayer[];
}

interface DossierOrganiser {
  name: string | null;
  address: string | null;
  contact: string | null;
}

interface DossierFormula {
  id: string;
  name: string;
  laps: number;
  /** one lap and all laps (m); null while not computed */
  lap_m: number | null;
  total_m: number | null;
  /** local wall clock 'YYYY-MM-DDTHH:MM' */
  start: string | null;
  /** the last participant's finish by the cut-off pace, when the formula has a start and a pace */
  end: string | null;
  /** the reviewed formula */
  reviewed: boolean;
}

interface DossierPlace {
  kind: CoursePointKind;
  name: string;
  formula: string;
  km: number;
  lonlat: [number, number];
}

interface DossierEvent {
  name: string | null;
  discipline: Discipline | null;
  dates: string[];
  runners: number | null;
  staff: number | null;
  public: number | null;
  formulas: DossierFormula[];
  /** on public roads: 'yes', or 'unknown' (no road metre proves nothing, see below); off them: 'yes', 'no', or 'unknown' (an imported track) */
  publicRoads: 'yes' | 'no' | 'unknown';
  offRoads: 'yes' | 'no' | 'unknown';
  /** some formula starts or ends between 21:00 and 06:00 (by its start and cut-off pace); null when no time is known */
  night: boolean | null;
  /** aid stations (aid, water), parking and public areas, from the course points of every formula */
  places: { aid: DossierPlace[]; parking: DossierPlace[]; public: DossierPlace[] };
}

interface DossierLocation {
  length_m: number;
  communes: CommuneCrossing[] | null;
  communesCover: 'region' | 'basin' | null;
  /** metres of the route in no commune of the layer (outside Nord and Pas-de-Calais, or outside the basin) */
  outside_m: number;
  ways: WaySurfaces | null;
}

interface DossierSite {
  /** `${layer}|${id}` */
  key: string;
  layer: string;
  id: string;
  /** the site's official code (SITECODE, ID_MNHN…) when the layer gives it */
  code: string | null;
  name: string;
  /** the site's type (ZSC, ZPS, SIC, ZNIEFF 1…) when the layer gives it, else the zone's kind */
  type: string;
  /** a Natura 2000 site (code FR + 7 digits) */
  natura2000: boolean;
  approximate: boolean;
  inside: boolean;
  length_m: number;
  share: number;
  passes: { from_km: number; to_km: number; length_m: number }[];
  /** outside: the shortest distance (m) and where on the route */
  distance_m: number | null;
  at_km: number | null;
  /** in the breeding season on the event's dates; null when not evaluated */
  inSeason: boolean | null;
  exposure_person_km: number | null;
  /** the INPN sheet of the site, from its code */
  inpn: string | null;
}

interface DossierHabitats {
  key: string;
  code: string | null;
  name: string;
  /** from the layer's attributes; null: rows to fill */
  habitats: string[] | null;
  species: string[] | null;
  inpn: string | null;
}

interface DossierImpact {
  code: ImpactCode;
  answer: 'yes' | 'no' | null;
  note: string;
  /** facts the figures give, for the organiser to weigh (never an answer in their place) */
  hints: ImpactHint[];
}

export type ImpactHint = 'route-inside' | 'in-season' | 'night-times' | 'parking-points' | 'public-points' | 'aid-points' | 'off-roads';

export interface DossierModel {
  sections: readonly DossierSectionId[];
  organiser: DossierOrganiser;
  event: DossierEvent;
  location: DossierLocation;
  /** crossed first (route order), then near ones (nearest first) */
  sites: DossierSite[];
  habitats: DossierHabitats[];
  /** person·km in the zones crossed, and in those in season (the season review's totals); null when not evaluated */
  exposure: { person_km: number; inSeason_person_km: number } | null;
  impacts: DossierImpact[];
  measures: { ticked: MeasureCode[]; all: readonly MeasureCode[]; text: string };
  conclusion: { answer: 'yes' | 'no' | null; place: string; signedOn: string | null; signatory: string };
  /** some site listed (crossed or near) comes from an approximate layer */
  approximate: boolean;
}

const INPN_SITE = 'https://inpn.mnhn.fr/site/natura2000/';
const INPN_ZNIEFF = 'https://inpn.mnhn.fr/zone/znieff/';
const NATURA_CODE = /^FR\d{7}$/;
const ZNIEFF_CODE = /^\d{9}$/;

const text = (v: unknown): string | null => {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return null;
  const s = v.trim();
  return s ? s : null;
};

/** The first of these attributes that has a value (names compared without case). */
function attribute(attrs: ZoneAttributes | undefined, names: readonly string[]): string | null {
  if (!attrs) return null;
  const keys = Object.keys(attrs);
  for (const n of names) {
    const k = keys.find((key) => key.toLowerCase() === n);
    const v = k === undefined ? null : text(attrs[k]);
    if (v) return v;
  }
  return null;
}

/** A list attribute: an array of texts, or a text split at ';' or new lines. */
function listAttribute(attrs: ZoneAttributes | undefined, names: readonly string[]): string[] | null {
  if (!attrs) return null;
  const keys = Object.keys(attrs);
  for (const n of names) {
    const k = keys.find((key) => key.toLowerCase() === n);
    if (k === undefined) continue;
    const v = attrs[k];
    const items = (Array.isArray(v) ? v.map(text) : (text(v)?.split(/[;\n]/) ?? []).map((s) => s.trim())).filter((s): s is string => !!s);
    if (items.length) return items;
  }
  return null;
}

// INPN and Géoplateforme field names: SITECODE / SITENAME / SITETYPE of the Natura 2000 layers,
// ID_MNHN / NOM of the ZNIEFF, and plain code / type where a layer names them so
const CODE_FIELDS = ['code', 'sitecode', 'id_mnhn', 'id_mnhn_zn', 'code_site'];
const TYPE_FIELDS = ['type', 'sitetype', 'type_site'];
const HABITAT_FIELDS = ['habitats', 'habitat'];
const SPECIES_FIELDS = ['especes', 'espèces', 'species'];

/** A zone's official code from its source attributes (SITECODE, ID_MNHN, code…); null when it has none. */
export function siteCode(attrs: ZoneAttributes | undefined): string | null {
  return attribute(attrs, CODE_FIELDS);
}

/** The INPN sheet of a site code: Natura 2000 (FR + 7 digits) or ZNIEFF (9 digits). */
export function inpnSheet(code: string | null): string | null {
  if (!code) return null;
  if (NATURA_CODE.test(code)) return `${INPN_SITE}${code}`;
  if (ZNIEFF_CODE.test(code)) return `${INPN_ZNIEFF}${code}`;
  return null;
}

const NIGHT_FROM = 21 * 60;
const NIGHT_TO = 6 * 60;
const minutesOfDay = (local: string) => +local.slice(11, 13) * 60 + +local.slice(14, 16);
const atNight = (local: string) => {
  const m = minutesOfDay(local);
  return m >= NIGHT_FROM || m < NIGHT_TO;
};

function formulaRows(event: Event, input: DossierModelInput): DossierFormula[] {
  return event.formulas.map((f: Formula) => {
    const lap = Object.hasOwn(input.formulaLengths, f.id) ? input.formulaLengths[f.id] : null;
    const total = lap === null ? null : lap * f.laps;
    const pace = f.cutoffPace_min_per_km;
    const end = f.start && total !== null && pace !== null && pace > 0 ? addMinutesLocal(f.start, (total / 1000) * pace) : null;
    return { id: f.id, name: f.name, laps: f.laps, lap_m: lap, total_m: total, start: f.start, end, reviewed: f.id === input.formulaId };
  });
}

function placesOf(event: Event | null): DossierEvent['places'] {
  const places: DossierEvent['places'] = { aid: [], parking: [], public: [] };
  for (const f of event?.formulas ?? [])
    for (const p of f.coursePoints) {
      const row = { kind: p.kind, name: p.name, formula: f.name, km: p.km, lonlat: [p.lonlat[0], p.lonlat[1]] as [number, number] };
      if (p.kind === 'aid' || p.kind === 'water') places.aid.push(row);
      else if (p.kind === 'parking') places.parking.push(row);
      else if (p.kind === 'public') places.public.push(row);
    }
  const order = (a: DossierPlace, b: DossierPlace) => a.formula.localeCompare(b.formula, 'fr') || a.km - b.km;
  places.aid.sort(order);
  places.parking.sort(order);
  places.public.sort(order);
  return places;
}

const yesNo = (m: number | null, tolerance = 1): 'yes' | 'no' | 'unknown' => (m === null ? 'unknown' : m > tolerance ? 'yes' : 'no');

/** The dossier's content for one event and the review of one of its routes. */
export function dossierModel(input: DossierModelInput): DossierModel {
  const { event, review } = input;
  const answers: DossierAnswers | undefined = event?.dossier;
  const formulas = event ? formulaRows(event, input) : [];
  const timed = formulas.filter((f) => f.start !== null);
  const night =
    timed.length === 0 ? null : timed.some((f) => atNight(f.start!) || (f.end !== null && (atNight(f.end) || f.end.slice(0, 10) !== f.start!.slice(0, 10))));
  const places = placesOf(event);

  const approximate = new Set(input.layers.filter((l) => l.approximate).map((l) => l.id));
  const flags = input.season?.ok ? input.season.value.flags : null;
  // the zone's own code when the review gives it (a layer read with its identity), else from its attributes
  const site = (z: { zone: string; id: string; kind: string; layer: string; code?: string }) => {
    const key = `${z.layer}|${z.id}`;
    const attrs = Object.hasOwn(input.attributes, key) ? input.attributes[key] : undefined;
    const code = z.code || siteCode(attrs);
    return {
      key,
      layer: z.layer,
      id: z.id,
      code,
      name: z.zone,
      type: attribute(attrs, TYPE_FIELDS) ?? z.kind,
      natura2000: !!code && NATURA_CODE.test(code),
      approximate: approximate.has(z.layer),
      inpn: inpnSheet(code),
      attrs,
    };
  };
  const crossed = review.crossings.map((c) => {
    const s = site(c);
    const f = flags?.find((x) => x.layer === c.layer && x.id === c.id) ?? null;
    return {
      ...s,
      inside: true,
      length_m: c.length_m,
      share: c.share,
      passes: c.passes.map((p) => ({ from_km: p.from_km, to_km: p.to_km, length_m: p.length_m })),
      distance_m: null,
      at_km: null,
      inSeason: f ? f.in_season : null,
      exposure_person_km: f ? f.exposure_person_km : null,
    };
  });
  const near = review.near.map((n) => ({
    ...site(n),
    inside: false,
    length_m: 0,
    share: 0,
    passes: [],
    distance_m: n.distance_m,
    at_km: n.at_km,
    inSeason: null,
    exposure_person_km: null,
  }));
  const all = [...crossed, ...near];
  const sites: DossierSite[] = all.map(({ attrs: _attrs, ...s }) => s);
  const habitats: DossierHabitats[] = all.map((s) => ({
    key: s.key,
    code: s.code,
    name: s.name,
    habitats: listAttribute(s.attrs, HABITAT_FIELDS),
    species: listAttribute(s.attrs, SPECIES_FIELDS),
    inpn: s.inpn,
  }));

  const ways = input.ways;
  const offRoads = ways ? yesNo(ways.paths_m) : 'unknown';
  const hintsOf = (code: ImpactCode): ImpactHint[] => {
    const h: ImpactHint[] = [];
    const inside = crossed.length > 0;
    const inSeason = crossed.some((c) => c.inSeason === true);
    if ((code === 'trampling' || code === 'disturbance' || code === 'marking' || code === 'waste') && inside) h.push('route-inside');
    if ((code === 'trampling' || code === 'marking') && offRoads === 'yes') h.push('off-roads');
    if ((code === 'disturbance' || code === 'noise') && inSeason) h.push('in-season');
    if ((code === 'night' || code === 'lighting') && night) h.push('night-times');
    if (code === 'parking' && places.parking.length) h.push('parking-points');
    if ((code === 'noise' || code === 'waste' || code === 'trampling') && places.public.length) h.push('public-points');
    if (code === 'waste' && places.aid.length) h.push('aid-points');
    return h;
  };
  const impacts = IMPACT_CODES.map((code) => {
    const a = answers?.impacts[code];
    return { code, answer: a ? a.answer : null, note: a ? a.note : '', hints: hintsOf(code) };
  });

  const communes = input.communes;
  const covered = communes ? communes.reduce((s, c) => s + c.length_m, 0) : 0;
  return {
    sections: DOSSIER_SECTIONS,
    organiser: {
      name: text(event?.organiser?.name),
      address: text(event?.organiser?.address),
      contact: text(event?.organiser?.contact),
    },
    event: {
      name: event ? event.name : null,
      discipline: event ? event.discipline : null,
      dates: event ? event.dates.slice().sort() : [],
      runners: event ? event.participants.runners : null,
      staff: event ? event.participants.staff : null,
      public: event ? event.participants.public : null,
      formulas,
      // no metre on roads proves nothing: the embedded network has no roads, so a route that crosses one does not show it
      publicRoads: ways && ways.road_m > 1 ? 'yes' : 'unknown',
      offRoads,
      night,
      places,
    },
    location: {
      length_m: review.route_length_m,
      communes,
      communesCover: communes ? input.communesCover : null,
      // under a metre is rounding at the edges of the communes
      outside_m: communes ? Math.max(0, review.route_length_m - covered) : review.route_length_m,
      ways,
    },
    sites,
    habitats,
    exposure: input.season?.ok
      ? { person_km: input.season.value.exposure_person_km, inSeason_person_km: input.season.value.in_season_exposure_person_km }
      : null,
    impacts,
    measures: { ticked: MEASURE_CODES.filter((m) => answers?.measures.includes(m)), all: MEASURE_CODES, text: answers?.measuresText ?? '' },
    conclusion: {
      answer: answers?.conclusion ?? null,
      place: answers?.place ?? '',
      signedOn: answers?.signedOn ?? null,
      signatory: answers?.signatory ?? '',
    },
    approximate: sites.some((s) => s.approximate),
  };
}
