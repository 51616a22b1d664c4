// The three events of the Mission Bassin Minier, as templates: formulas named, target distances
// set, routes empty, so a new user starts from something real. Participant counts are left at 0
// rather than invented; the organiser enters them (they decide the Natura 2000 regime).
//
// Choices where the brief left room:
// Loop or not, per formula, as the real event is run:
// - Trail des Pyramides Noires: the race formulas are point-to-point, « en ligne »: every
//   distance finishes at the village of the 9-9bis in Oignies and starts elsewhere along the
//   basin (the ultra at the Chartreuse de Gosnay in the night, the shorter ones closer to
//   Oignies, runners taken to their start by shuttle) — race reports of the 2014–2023 editions
//   (wondertrail.fr, kikourou.net, France 3 Hauts-de-France). So Ultra, Marathon and Semi are
//   linear. The family walk (10 km ± 1 km, the usual length of a « marche familiale ») is a loop
//   from the finish village: families come and leave by car, no shuttle.
// - Raid Bassin Minier: ~200 km over 2 days as four linear stages of 55 + 45 km a day: a raid
//   crosses the basin, each stage ends where the next starts.
// - Challenge VTT XC: cross-country races are laps of one circuit (UCI XCO); one formula per
//   round, a 6 km loop (middle of 5–7 km) ridden 4 times; the target is the whole race (24 km)
//   and the tolerance, 4 km, lets the lap be 5–7 km.
import { defaultTolerance, newFormula } from './formulas';
import type { Discipline, Event, NewId } from './model';
import { noParticipants } from './events';

interface FormulaTemplate {
  name: string;
  targetDistance_m: number;
  tolerance_m: number;
  laps: number;
  loop: boolean;
}

export interface EventTemplate {
  id: 'raid-bassin-minier' | 'challenge-vtt-xc' | 'trail-pyramides-noires';
  name: string;
  discipline: Discipline;
  /** how many dates the event has (the year is the organiser's) */
  days: number;
  formulas: readonly FormulaTemplate[];
}

const linear = (name: string, km: number, tolerance_m = defaultTolerance(km * 1000)): FormulaTemplate => ({
  name,
  targetDistance_m: km * 1000,
  tolerance_m,
  laps: 1,
  loop: false,
});
const loop = (name: string, km: number, tolerance_m: number, laps = 1): FormulaTemplate => ({
  name,
  targetDistance_m: km * 1000,
  tolerance_m,
  laps,
  loop: true,
});

const XC_LAPS = 4;
const XC_LAP_KM = 6;
const xcRound = (n: number, terril: string) => loop(`Manche ${n} — ${terril}`, XC_LAP_KM * XC_LAPS, 1000 * XC_LAPS, XC_LAPS);

export const EVENT_TEMPLATES: readonly EventTemplate[] = [
  {
    id: 'raid-bassin-minier',
    name: 'Raid Bassin Minier',
    discipline: 'raid',
    days: 2,
    formulas: [
      linear('Jour 1 — Étape 1', 55, 2000),
      linear('Jour 1 — Étape 2', 45, 2000),
      linear('Jour 2 — Étape 3', 55, 2000),
      linear('Jour 2 — Étape 4', 45, 2000),
    ],
  },
  {
    id: 'challenge-vtt-xc',
    name: 'Challenge VTT XC des terrils',
    discipline: 'vtt-xc',
    days: 6,
    formulas: [
      xcRound(1, 'Loos-en-Gohelle (11/19)'),
      xcRound(2, 'Nœux-les-Mines (Loisinord)'),
      xcRound(3, 'Haillicourt'),
      xcRound(4, 'Avion (Pinchonvalles)'),
      xcRound(5, 'Rieulay (Les Argales)'),
      xcRound(6, 'Raismes (Sabatier)'),
    ],
  },
  {
    id: 'trail-pyramides-noires',
    name: 'Trail des Pyramides Noires',
    discipline: 'trail',
    days: 1,
    formulas: [linear('Ultra 100 km', 100, 3000), linear('Marathon 42 km', 42, 1000), linear('Semi 21 km', 21, 1000), loop('Marche familiale 10 km', 10, 1000)],
  },
];

/** A new event from a template, with fresh ids and the given dates (none by default). */
export function eventFromTemplate(template: EventTemplate, newId: NewId, dates: readonly string[] = []): Event {
  return {
    id: newId(),
    name: template.name,
    discipline: template.discipline,
    dates: dates.slice(),
    participants: noParticipants(),
    formulas: template.formulas.map((f) => newFormula({ ...f }, newId)),
  };
}
