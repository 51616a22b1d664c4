// Events as values: each edit returns a new event (or list), ready for the undo history.
import type { Discipline, DossierAnswers, Event, Participants, NewId } from './model';

export interface EventInit {
  name: string;
  discipline: Discipline;
  dates?: string[];
  participants?: Participants;
}

export const noParticipants = (): Participants => ({ runners: 0, staff: 0, public: 0 });

export function createEvent(init: EventInit, newId: NewId): Event {
  return {
    id: newId(),
    name: init.name,
    discipline: init.discipline,
    dates: init.dates ? init.dates.slice() : [],
    participants: init.participants ? { ...init.participants } : noParticipants(),
    formulas: [],
  };
}

export function renameEvent(event: Event, name: string): Event {
  return name === event.name ? event : { ...event, name };
}

export type EventPatch = Partial<Pick<Event, 'name' | 'discipline' | 'dates' | 'participants' | 'organiser' | 'dossier'>>;

/** The dossier's answers before the organiser gives any. */
export const emptyDossierAnswers = (): DossierAnswers => ({
  impacts: {},
  measures: [],
  measuresText: '',
  conclusion: null,
  place: '',
  signedOn: null,
  signatory: '',
});

export function updateEvent(event: Event, patch: EventPatch): Event {
  return { ...event, ...patch };
}

/**
 * A copy with fresh ids for the event, its formulas and their points, so the copy can be
 * edited, saved and exported beside the original. Routes are shared (they are never mutated).
 */
export function duplicateEvent(event: Event, newId: NewId, name = `${event.name} (copie)`): Event {
  return {
    ...event,
    id: newId(),
    name,
    dates: event.dates.slice(),
    participants: { ...event.participants },
    ...(event.organiser ? { organiser: { ...event.organiser } } : {}),
    ...(event.dossier ? { dossier: { ...event.dossier, impacts: { ...event.dossier.impacts }, measures: event.dossier.measures.slice() } } : {}),
    formulas: event.formulas.map((f) => ({ ...f, id: newId(), coursePoints: f.coursePoints.map((p) => ({ ...p, id: newId() })) })),
  };
}

export function deleteEvent(events: readonly Event[], id: string): Event[] {
  return events.filter((e) => e.id !== id);
}

/** Puts an edited event back in its list, in place; an unknown id is appended. */
export function replaceEvent(events: readonly Event[], event: Event): Event[] {
  const i = events.findIndex((e) => e.id === event.id);
  if (i < 0) return [...events, event];
  const next = events.slice();
  next[i] = event;
  return next;
}
