import { describe, expect, it } from 'vitest';
import {
  addCoursePoint,
  EVENT_TEMPLATES,
  eventFromTemplate,
  geometryOf,
  parseProject,
  PROJECT_SCHEMA_VERSION,
  serializeProject,
  setGeometry,
  updateFormula,
  type Project,
} from '../../../src/core/event';
import { formatError } from '../../../src/i18n/messages';
import type { Position } from '../../../src/core/types';
import { counter, northLine } from './helpers';

const LINE: Position[] = northLine(2.83, 50.43, 20, 0.001, (i) => 30 + i);

function sample(): Project {
  const ids = counter('id-');
  let trail = eventFromTemplate(EVENT_TEMPLATES[2], ids, ['2025-06-14']);
  const f0 = trail.formulas[0];
  trail = updateFormula(trail, f0.id, (f) =>
    addCoursePoint(
      {
        ...f,
        route: {
          name: f.name,
          points: [
            [2.83, 50.43],
            [2.83, 50.45],
          ],
          modes: ['network'],
        },
        start: '2025-06-14T06:00',
        cutoffPace_min_per_km: 11.5,
      },
      { kind: 'aid', name: '<script>alert(1)</script>', lonlat: [2.8301, 50.44], cutoff: { minutesFromStart: 45 } },
      LINE,
      ids,
    ),
  );
  return { events: [trail, eventFromTemplate(EVENT_TEMPLATES[1], ids)], geometry: { [f0.id]: LINE } };
}

describe('project file', () => {
  it('round-trips events, formulas, points and geometry; names stay data', () => {
    const p = sample();
    const text = serializeProject(p, { savedAt: '2025-05-01T10:00:00Z' });
    const doc = JSON.parse(text);
    expect(doc).toMatchObject({ format: 'cavalier-project', schemaVersion: PROJECT_SCHEMA_VERSION, savedAt: '2025-05-01T10:00:00Z' });
    expect(doc.events[0].formulas[0].geometry).toHaveLength(21);
    const back = parseProject(text);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.warnings).toEqual([]);
    expect(back.value.events).toEqual(p.events);
    expect(geometryOf(back.value, p.events[0].formulas[0].id)).toEqual(LINE);
    expect(geometryOf(back.value, p.events[0].formulas[1].id)).toBeUndefined();
    expect(back.value.events[0].formulas[0].coursePoints[0].name).toBe('<script>alert(1)</script>');
    // the same project gives the same text
    expect(serializeProject(back.value, { savedAt: '2025-05-01T10:00:00Z' })).toBe(text);
  });

  it('keeps the organiser and the Natura 2000 answers of an event, and checks them', () => {
    const p = sample();
    const organiser = { name: 'Association Scarpe Trail', address: '12 rue des Mineurs\n59128 Flers', contact: 'contact@scarpetrail.fr' };
    const dossier = {
      impacts: { night: { answer: 'no' as const, note: '' }, trampling: { answer: 'yes' as const, note: 'chemins existants' } },
      measures: ['briefing' as const, 'stay-on-paths' as const],
      measuresText: 'Signaleurs à l’entrée du site.',
      conclusion: 'no' as const,
      place: 'Douai',
      signedOn: '2027-03-01',
      signatory: 'Jeanne Martin',
    };
    p.events[0] = { ...p.events[0], organiser, dossier };
    const text = serializeProject(p);
    const back = parseProject(text);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.value.events[0].organiser).toEqual(organiser);
    // written in the form's order (impacts and measures), so the same answers give the same text
    expect(back.value.events[0].dossier).toEqual({ ...dossier, measures: ['stay-on-paths', 'briefing'] });
    expect(Object.keys(back.value.events[0].dossier!.impacts)).toEqual(['trampling', 'night']);
    expect(back.value.events[1].organiser).toBeUndefined();
    expect(serializeProject(back.value)).toBe(text);
    const base = JSON.parse(text);
    const breakIt = (fn: (d: typeof base) => void) => {
      const d = structuredClone(base);
      fn(d);
      const r = parseProject(JSON.stringify(d));
      return r.ok ? 'ok' : `${r.error.code} ${r.error.detail?.path ?? ''}`;
    };
    expect(breakIt((d) => (d.events[0].organiser.contact = 3))).toBe('project.invalid events[0].organiser.contact');
    expect(breakIt((d) => (d.events[0].dossier.impacts.fireworks = { answer: 'no', note: '' }))).toBe('project.invalid events[0].dossier.impacts');
    expect(breakIt((d) => (d.events[0].dossier.impacts.noise = { answer: 'maybe', note: '' }))).toBe('project.invalid events[0].dossier.impacts.noise.answer');
    expect(breakIt((d) => (d.events[0].dossier.measures = ['briefing', 'briefing']))).toBe('project.invalid events[0].dossier.measures (duplicate id)');
    expect(breakIt((d) => (d.events[0].dossier.signedOn = '2027-02-30'))).toBe('project.invalid events[0].dossier.signedOn');
    expect(breakIt((d) => (d.events[0].dossier.conclusion = 'perhaps'))).toBe('project.invalid events[0].dossier.conclusion');
    expect(breakIt((d) => (d.events[0].dossier.impacts = JSON.parse('{"__proto__": {"answer": "no", "note": ""}}')))).toBe(
      'project.invalid events[0].dossier.impacts',
    );
  });

  it('migrates a version 0 file (a lone route, before events) to one event with one formula', () => {
    const v0 = JSON.stringify({
      name: 'Boucle du 11/19',
      points: [
        [2.78, 50.45],
        [2.79, 50.46],
        [2.8, 50.45],
        [2.78, 50.45],
      ],
      modes: ['network', 'straight', 'network'],
      geometry: [
        [2.78, 50.45, 40],
        [2.79, 50.46, 55],
        [2.8, 50.45, 48],
        [2.78, 50.45, 40],
      ],
    });
    const r = parseProject(v0);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toEqual([{ code: 'project.migrated', detail: { from: 0 } }]);
    const [event] = r.value.events;
    expect(event).toMatchObject({ name: 'Boucle du 11/19', discipline: 'trail', dates: [] });
    expect(event.formulas).toHaveLength(1);
    const f = event.formulas[0];
    expect(f).toMatchObject({ name: 'Boucle du 11/19', loop: true, laps: 1, targetDistance_m: 0, coursePoints: [] });
    expect(f.route.points).toHaveLength(4);
    expect(f.route.modes).toEqual(['network', 'straight', 'network']);
    expect(geometryOf(r.value, f.id)).toHaveLength(4);
    // saved again, it is a current file
    expect(JSON.parse(serializeProject(r.value)).schemaVersion).toBe(1);
    // a broken v0 is refused after migration, with the path of the problem
    expect(parseProject(JSON.stringify({ name: 'x', points: [[2.78, 95]], modes: [] }))).toEqual({
      ok: false,
      error: { code: 'project.invalid', detail: { path: 'events[0].formulas[0].route.points[0]' } },
    });
  });

  it('refuses a newer schema version with its own code', () => {
    const text = JSON.stringify({ format: 'cavalier-project', schemaVersion: 7, events: [] });
    expect(parseProject(text)).toEqual({ ok: false, error: { code: 'project.future-version', detail: { version: '7', supported: 1 } } });
  });

  it('quotes the future version as the file writes it', () => {
    const future = (version: string, before = '') =>
      parseProject(`{"format":"cavalier-project",${before}"schemaVersion" : ${version},"events":[{"schemaVersion":3}]}`);
    // 2^53 + 1 parses as 2^53: the message must not name a version the file does not
    expect(future('9007199254740993')).toEqual({ ok: false, error: { code: 'project.future-version', detail: { version: '9007199254740993', supported: 1 } } });
    expect(formatError({ code: 'project.future-version', detail: { version: '9007199254740993', supported: 1 } }, 'fr')).toContain('(format 9007199254740993,');
    expect(future('2e0')).toMatchObject({ error: { detail: { version: '2e0' } } });
    // the root's member, not a nested one, nor one inside a string; a repeated key: the last, as JSON.parse
    expect(future('12', '"note":"\\"schemaVersion\\": 99","x":{"schemaVersion":98},"schemaVersion":1,')).toMatchObject({
      error: { detail: { version: '12' } },
    });
    expect(parseProject('{"format":"cavalier-project","schema\\u0056ersion":20000000000000001,"events":[]}')).toMatchObject({
      error: { detail: { version: '20000000000000001' } },
    });
  });

  it('refuses corrupt and foreign JSON', () => {
    const invalid = { ok: false, error: { code: 'project.invalid' } };
    const good = serializeProject(sample());
    expect(parseProject(good.slice(0, good.length / 2))).toEqual(invalid);
    expect(parseProject('')).toEqual(invalid);
    expect(parseProject('null')).toEqual(invalid);
    expect(parseProject('[1,2]')).toEqual(invalid);
    expect(parseProject('{"type":"FeatureCollection","features":[]}')).toEqual(invalid);
    expect(parseProject('{"schemaVersion":1,"events":[]}')).toEqual(invalid); // not ours: no format
    expect(parseProject('{"format":"cavalier-project","schemaVersion":1.5,"events":[]}')).toEqual(invalid);
    expect(parseProject('\uFEFF{"format":"cavalier-project","schemaVersion":1,"events":[]}')).toMatchObject({ ok: true });
  });

  it('checks every field and reports where the first problem is', () => {
    const base = JSON.parse(serializeProject(sample()));
    const breakIt = (fn: (d: typeof base) => void) => {
      const d = structuredClone(base);
      fn(d);
      const r = parseProject(JSON.stringify(d));
      return r.ok ? 'ok' : `${r.error.code} ${r.error.detail?.path ?? ''}`;
    };
    expect(breakIt(() => {})).toBe('ok');
    expect(breakIt((d) => (d.events[0].discipline = 'parapente'))).toBe('project.invalid events[0].discipline');
    expect(breakIt((d) => (d.events[0].dates[0] = '2025-02-30'))).toBe('project.invalid events[0].dates[0]');
    expect(breakIt((d) => (d.events[0].participants.runners = -1))).toBe('project.invalid events[0].participants.runners');
    expect(breakIt((d) => (d.events[0].formulas[1].laps = 0))).toBe('project.invalid events[0].formulas[1].laps');
    expect(breakIt((d) => (d.events[0].formulas[1].laps = 1.5))).toBe('project.invalid events[0].formulas[1].laps');
    expect(breakIt((d) => (d.events[0].formulas[0].targetDistance_m = 'NaN'))).toBe('project.invalid events[0].formulas[0].targetDistance_m');
    expect(breakIt((d) => (d.events[0].formulas[0].route.modes = []))).toBe('project.invalid events[0].formulas[0].route.modes');
    expect(breakIt((d) => (d.events[0].formulas[0].route.modes[0] = 'teleport'))).toBe('project.invalid events[0].formulas[0].route.modes[0]');
    expect(breakIt((d) => (d.events[0].formulas[0].coursePoints[0].kind = 'bar'))).toBe('project.invalid events[0].formulas[0].coursePoints[0].kind');
    expect(breakIt((d) => (d.events[0].formulas[0].start = '6h'))).toBe('project.invalid events[0].formulas[0].start');
    expect(breakIt((d) => (d.events[0].formulas[0].cutoffPace_min_per_km = 0))).toBe('project.invalid events[0].formulas[0].cutoffPace_min_per_km');
    expect(breakIt((d) => (d.events[0].formulas[0].geometry[3] = [2.8, 50.4, 1, 1]))).toBe('project.invalid events[0].formulas[0].geometry[3]');
    expect(breakIt((d) => (d.events[0].name = 'x'.repeat(501)))).toBe('project.invalid events[0].name');
    expect(breakIt((d) => (d.events[1].id = d.events[0].id))).toBe('project.invalid events (duplicate id)');
    expect(breakIt((d) => (d.events[1].formulas[0].id = d.events[0].formulas[0].id))).toBe('project.invalid events[].formulas (duplicate id)');
    expect(breakIt((d) => (d.events[0].formulas[0].id = '__proto__'))).toBe('project.invalid events[0].formulas[0].id');
    expect(breakIt((d) => (d.events[0].formulas[0].id = '<img>'))).toBe('project.invalid events[0].formulas[0].id');
    expect(breakIt((d) => delete d.events[0].formulas[0].loop)).toBe('project.invalid events[0].formulas[0].loop');
  });

  it('stores and removes a formula line without touching the others', () => {
    const p = sample();
    const id = p.events[1].formulas[0].id;
    const withLine = setGeometry(p, id, LINE.slice(0, 3));
    expect(geometryOf(withLine, id)).toEqual(LINE.slice(0, 3));
    expect(geometryOf(withLine, p.events[0].formulas[0].id)).toEqual(LINE);
    expect(geometryOf(p, id)).toBeUndefined();
    expect(geometryOf(setGeometry(withLine, id, null), id)).toBeUndefined();
    expect(Object.getPrototypeOf(withLine.geometry)).toBeNull();
  });

  it('drops unknown fields and never lets ids touch prototypes', () => {
    const d = JSON.parse(serializeProject(sample()));
    d.events[0].extra = '<script>';
    d.events[0].formulas[0].id = 'constructor';
    d.events[0].formulas[0].coursePoints[0].onclick = 'alert(1)';
    const r = parseProject(JSON.stringify(d));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect('extra' in r.value.events[0]).toBe(false);
    expect('onclick' in r.value.events[0].formulas[0].coursePoints[0]).toBe(false);
    expect(geometryOf(r.value, 'constructor')).toHaveLength(21);
    expect(geometryOf(r.value, 'toString')).toBeUndefined();
    expect(Object.getPrototypeOf(r.value.geometry)).toBeNull();
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });
});
