// The views the events panel is drawn from, and its props: plain data computed by the page's
// hooks (figures by the worker), callbacks out.
import type { I18nKey } from '../../../i18n/dictionary';
import type { EventPatch } from '../../../core/event/events';
import type { FormulaPatch } from '../../../core/event/formulas';
import type { Discipline, Formula, Organiser, Participants } from '../../../core/event/model';

export const DISCIPLINE_KEYS: Record<Discipline, I18nKey> = {
  trail: 'events.discipline.trail',
  'vtt-xc': 'events.discipline.vtt-xc',
  raid: 'events.discipline.raid',
  marche: 'events.discipline.marche',
};

interface EventSummary {
  id: string;
  name: string;
}

export interface EventView extends EventSummary {
  discipline: Discipline;
  dates: string[];
  participants: Participants;
  /** for the Natura 2000 dossier; null until filled in */
  organiser: Organiser | null;
}

interface TemplateView {
  id: string;
  name: string;
  discipline: Discipline;
  formulas: number;
}

interface FormulaFigures {
  lap_m: number;
  total_m: number;
  lapAscent_m: number | null;
  totalAscent_m: number | null;
  target: { status: 'ok' | 'short' | 'long'; diff_m: number } | null;
}

/** A formula as its row shows it: the model's own fields, and where its figures stand. */
export interface FormulaRow extends Pick<Formula, 'id' | 'name' | 'targetDistance_m' | 'tolerance_m' | 'laps' | 'loop'> {
  /** 'empty': no route; 'computing': legs or figures on their way; 'ready': figures below */
  state: 'empty' | 'computing' | 'ready';
  figures: FormulaFigures | null;
}

export interface FormulaDetail extends FormulaRow {
  /** the route ends where it starts */
  closed: boolean;
  /** control points of the route */
  points: number;
  start: string | null;
  cutoffPace_min_per_km: number | null;
  /** distance (m) of each control point from the start, last one excluded; null while the legs are computed */
  controlKms: number[] | null;
}

export interface EventsPanelProps {
  events: EventSummary[];
  /** the event shown; null: the free route */
  event: EventView | null;
  templates: TemplateView[];
  formulas: FormulaRow[];
  /** each formula's colour on the map, by id */
  formulaColors: Record<string, string>;
  /** formulas hidden from the map (the one drawn is always shown) */
  hiddenFormulas: readonly string[];
  onToggleFormulaShown: (id: string) => void;
  /** length of the stretches several formulas on the map share (m): drawn with a dark casing */
  sharedLength_m: number;
  activeFormula: FormulaDetail | null;
  /** a maximum number of points for the GPX (old devices), null: every point */
  maxPoints: number | null;
  /** an export or a save is under way */
  busy: boolean;
  /** 'restored', 'empty'… after the autosave was read: lets tests wait for it */
  session: string;
  onNewEvent: (templateId: string | 'blank') => void;
  onSelectEvent: (id: string | null) => void;
  onEditEvent: (patch: EventPatch) => void;
  onDuplicateEvent: () => void;
  onDeleteEvent: () => void;
  onSelectFormula: (id: string) => void;
  onAddFormula: () => void;
  onDuplicateFormula: (id: string) => void;
  onDeleteFormula: (id: string) => void;
  onEditFormula: (id: string, patch: FormulaPatch) => void;
  onCloseLoop: (id: string) => void;
  onReverse: (id: string) => void;
  /** a new formula from the stretch of this one between two km (0 ≤ from < to ≤ its length) */
  onStretch: (id: string, fromKm: number, toKm: number) => void;
  /** a closed loop starts at another control point (index in the route's points) */
  onMoveStart: (id: string, point: number) => void;
  onMaxPointsChange: (n: number | null) => void;
  onExportFormula: () => void;
  onExportZip: () => void;
  onRoadbook: () => void;
  onSaveProject: () => void;
  onOpenProject: (file: File) => void;
}
