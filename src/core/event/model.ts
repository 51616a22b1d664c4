// An event and its formulas as plain JSON data: it goes into the undo history, IndexedDB,
// the project file and worker messages unchanged. Geometry (the legs of each route) is
// derived and kept outside: see project.ts for how a saved file carries it.
import type { RouteModel, LonLat } from '../route/model';

export type Discipline = 'trail' | 'vtt-xc' | 'raid' | 'marche';
export const DISCIPLINES: readonly Discipline[] = ['trail', 'vtt-xc', 'raid', 'marche'];

/** 'parking': a car park of the event; 'public': an area where spectators gather (both asked by the Natura 2000 form) */
export type CoursePointKind = 'start' | 'finish' | 'aid' | 'checkpoint' | 'marshal' | 'danger' | 'water' | 'info' | 'parking' | 'public';
export const COURSE_POINT_KINDS: readonly CoursePointKind[] = [
  'start',
  'finish',
  'aid',
  'checkpoint',
  'marshal',
  'danger',
  'water',
  'info',
  'parking',
  'public',
];

export interface Participants {
  runners: number;
  staff: number;
  public: number;
}

export interface CoursePoint {
  id: string;
  kind: CoursePointKind;
  name: string;
  /**
   * Where the point was placed, projected onto the route at that moment. It is not moved
   * when the route changes (projecting again and again would make it creep); its km is.
   * Start and finish are the exception: they are the ends of the route by definition.
   */
  lonlat: LonLat;
  /**
   * Kilometres from the start of one lap, derived from lonlat and the route's geometry by
   * refreshCoursePoints whenever the geometry changes. Also kept as the hint that picks the
   * right passage where the route goes by the same place twice (out and back, figure of eight).
   */
  km: number;
  /** an explicit cut-off (barrière horaire), overriding the one from the formula's pace */
  cutoff?: { minutesFromStart: number };
}

export interface Formula {
  id: string;
  name: string;
  /** distance of the whole formula, all laps included (what participants read on the poster); 0 = no target */
  targetDistance_m: number;
  tolerance_m: number;
  /** integer ≥ 1; the route is one lap */
  laps: number;
  /** start and finish at the same place; the loop operations need the route closed */
  loop: boolean;
  route: RouteModel;
  coursePoints: CoursePoint[];
  /** local wall-clock start in France, 'YYYY-MM-DDTHH:MM'; null when not set */
  start: string | null;
  /** the slowest pace allowed, in minutes per km, from which cut-offs are computed; null = none */
  cutoffPace_min_per_km: number | null;
}

/** Who organises the event, as the Natura 2000 form asks it (« coordonnées du porteur de projet »). */
export interface Organiser {
  /** person or association (« nom, raison sociale ») */
  name: string;
  /** postal address, several lines allowed */
  address: string;
  /** telephone and e-mail, as the organiser writes them */
  contact: string;
}

/** The likely effects the Natura 2000 form asks the organiser about (see src/core/review/dossier.ts). */
export type ImpactCode = 'trampling' | 'noise' | 'disturbance' | 'waste' | 'marking' | 'parking' | 'lighting' | 'night';
export const IMPACT_CODES: readonly ImpactCode[] = ['trampling', 'noise', 'disturbance', 'waste', 'marking', 'parking', 'lighting', 'night'];

/** Common measures to avoid or reduce the effects, ticked by the organiser. */
export type MeasureCode =
  | 'stay-on-paths'
  | 'removable-marking'
  | 'marking-removed'
  | 'waste-collected'
  | 'no-sound'
  | 'parking-outside'
  | 'marshals-sensitive'
  | 'briefing'
  | 'outside-breeding'
  | 'no-night';
export const MEASURE_CODES: readonly MeasureCode[] = [
  'stay-on-paths',
  'removable-marking',
  'marking-removed',
  'waste-collected',
  'no-sound',
  'parking-outside',
  'marshals-sensitive',
  'briefing',
  'outside-breeding',
  'no-night',
];

/** The organiser's answer to one expected effect: likely or not, and what they add. */
export interface ImpactAnswer {
  answer: 'yes' | 'no';
  note: string;
}

/** What the organiser answers in the Natura 2000 dossier; kept with the event (saved, restored, undone). */
export interface DossierAnswers {
  impacts: Partial<Record<ImpactCode, ImpactAnswer>>;
  measures: MeasureCode[];
  /** the measures in the organiser's words */
  measuresText: string;
  /** « le projet est-il susceptible d'avoir une incidence significative ? »: 'no' or 'yes'; null not answered */
  conclusion: 'no' | 'yes' | null;
  /** « fait à » */
  place: string;
  /** « le », ISO date; null not set */
  signedOn: string | null;
  /** who signs (name, quality) */
  signatory: string;
}

export interface Event {
  id: string;
  name: string;
  discipline: Discipline;
  /** ISO dates 'YYYY-MM-DD', one per day of the event */
  dates: string[];
  participants: Participants;
  formulas: Formula[];
  /** absent until the organiser fills it in */
  organiser?: Organiser;
  /** absent until the organiser answers the dossier's questions */
  dossier?: DossierAnswers;
}

/** Makes fresh ids; the app passes () => crypto.randomUUID(), tests a counter. */
export type NewId = () => string;
