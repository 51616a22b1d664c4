// The engine's event methods called directly in node with straight legs and a flat DEM:
// figures against the target, placing and refreshing points on the course, GPX and zip,
// the project file round trip.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { EVENT_TEMPLATES, eventFromTemplate, kmOfPoint, type CoursePoint, type Event } from '../../src/core/event/index';
import { straightLeg, type Leg } from '../../src/core/route/leg';
import type { DemGrid } from '../../src/core/types';
import { createEngine } from '../../workers/engine';
import { eventMethods } from '../../workers/event-engine';
import { karney } from '../helpers/karney';

type LonLat = [number, number];

function counter(prefix = 'id') {
  let n = 0;
  return () => `${prefix}${++n}`;
}

const A: LonLat = [2.8, 50.4];
const B: LonLat = [2.8, 50.41];
const C: LonLat = [2.81, 50.41];
const legsOf = (pts: LonLat[]): Leg[] => pts.slice(1).map((p, i) => straightLeg(pts[i], p, 'straight'));

/** 40 m everywhere around Lens. */
const flatDem: DemGrid = {
  name: 'plat',
  approximate: false,
  west: 2.7,
  south: 50.3,
  east: 2.9,
  north: 50.5,
  width: 2,
  height: 2,
  values: new Float32Array([40, 40, 40, 40]),
  nodata: -9999,
};

function trailWithRoute(): Event {
  const ev = eventFromTemplate(EVENT_TEMPLATES.find((t) => t.id === 'trail-pyramides-noires')!, counter('t'));
  const route = { name: 'Boucle', points: [A, B, C], modes: ['straight', 'straight'] as ('straight' | 'network')[] };
  return { ...ev, formulas: ev.formulas.map((f, i) => (i === 0 ? { ...f, route, laps: 3, targetDistance_m: 5000, tolerance_m: 500 } : f)) };
}

describe('event methods of the engine', () => {
  const engine = createEngine();
  engine.loadDem(flatDem);
  const legs = legsOf([A, B, C]);
  const lap = legs.reduce((s, l) => s + l.length_m, 0);

  it('measures a formula: one lap, all laps, and the distance against the target', () => {
    const ev = trailWithRoute();
    const s = engine.formulaStats(ev.formulas[0], legs);
    expect(s.lap_m).toBeCloseTo(lap, 6);
    expect(s.total_m).toBeCloseTo(3 * lap, 6);
    expect(s.laps).toBe(3);
    expect(s.target?.status).toBe(Math.abs(3 * lap - 5000) <= 500 ? 'ok' : 3 * lap < 5000 ? 'short' : 'long');
    expect(s.target?.diff_m).toBeCloseTo(3 * lap - 5000, 6);
    // the flat DEM: elevations known, no climb
    expect(s.lapAscent_m).toBe(0);
  });

  it('places a point on the route (projected), the start at its first point, and refuses nothing itself', () => {
    const near: LonLat = [2.8003, 50.405];
    const p = engine.placeCoursePoint(legs, 'aid', near)!;
    expect(p.lonlat[0]).toBeCloseTo(2.8, 9);
    expect(p.km).toBeCloseTo(
      kmOfPoint(
        legs.flatMap((l) => l.coords),
        near,
      )!.km,
      9,
    );
    expect(p.offset_m).toBeGreaterThan(15);
    expect(p.offset_m).toBeLessThan(30);
    const start = engine.placeCoursePoint(legs, 'start', near)!;
    expect(start).toMatchObject({ lonlat: A, km: 0 });
    expect(engine.placeCoursePoint([], 'aid', near)).toBeNull();
  });

  it('refreshes the km of points when the route changes, and says when nothing changed', () => {
    const ev = trailWithRoute();
    const placed = engine.placeCoursePoint(legs, 'aid', [2.81, 50.41])!;
    const point: CoursePoint = { id: 'p1', kind: 'aid', name: 'Ravito', ...placed };
    const formula = { ...ev.formulas[0], coursePoints: [point] };
    expect(engine.refreshCoursePoints(formula, legs)).toBeNull();
    // a detour at the start: the point is farther along
    const longer = legsOf([[2.79, 50.4], A, B, C]);
    const next = engine.refreshCoursePoints(formula, longer)!;
    expect(next[0].km).toBeGreaterThan(point.km + 0.5);
  });

  it('writes a formula’s GPX and the event’s zip (formulas without a route left out)', () => {
    const ev = trailWithRoute();
    const gpx = engine.formulaGpx(ev, ev.formulas[0].id, legs)!;
    expect(gpx.fileName).toBe('Trail-des-Pyramides-Noires_Ultra-100-km.gpx');
    expect(gpx.points).toBe(3);
    expect(gpx.text).toContain('<ele>40.0</ele>');
    expect(engine.formulaGpx(ev, ev.formulas[1].id, [])).toBeNull();
    const z = engine.eventGpxZip(ev, { [ev.formulas[0].id]: legs });
    expect(z.files.map((f) => f.fileName)).toEqual([gpx.fileName]);
    expect(z.skipped).toEqual(ev.formulas.slice(1).map((f) => f.id));
    const files = unzipSync(z.zip);
    expect(strFromU8(files[gpx.fileName])).toBe(gpx.text);
  });

  it('saves a project with each formula’s line and reads it back', () => {
    const ev = trailWithRoute();
    const text = engine.projectText([ev], { [ev.formulas[0].id]: legs }, '2026-01-01T00:00:00Z');
    const back = engine.parseProject(text);
    if (!back.ok) throw new Error(back.error.code);
    expect(back.value.events).toEqual([ev]);
    expect(back.value.geometry[ev.formulas[0].id]).toHaveLength(3);
    expect(back.value.geometry[ev.formulas[0].id].every((p) => p[2] === 40)).toBe(true);
    expect(engine.parseProject('{"format":"cavalier-project","schemaVersion":7,"events":[]}')).toMatchObject({
      ok: false,
      error: { code: 'project.future-version' },
    });
    expect(engine.parseProject('not json')).toMatchObject({ ok: false, error: { code: 'project.invalid' } });
  });

  it('gives the roadbook of a formula, laps included', () => {
    const ev = trailWithRoute();
    const rb = engine.roadbook(ev.formulas[0], legs);
    expect(rb.laps).toBe(3);
    expect(rb.total_km).toBeCloseTo((3 * lap) / 1000, 9);
    expect(rb.rows.map((r) => r.kind)).toEqual(['start', 'lap', 'lap', 'finish']);
  });
});

describe('roadbook road crossings', () => {
  it('lists the roads the formula crosses, by km', () => {
    let n = 0;
    const event = eventFromTemplate(EVENT_TEMPLATES[0], () => `id${n++}`);
    const formula = event.formulas[0];
    const methods = eventMethods(
      () => null,
      () => [
        {
          coords: [
            [2.81, 50.42],
            [2.81, 50.44],
          ],
          name: 'Rue A',
        },
      ],
    );
    const rb = methods.roadbook(formula, [straightLeg([2.8, 50.43], [2.82, 50.43], 'straight')]);
    const crossing = rb.rows.find((r) => r.kind === 'crossing');
    expect(crossing?.name).toBe('Rue A');
    // 0.01° of longitude at 50.43° N on the ellipsoid (GeographicLib)
    expect(crossing!.km * 1000).toBeCloseTo(karney(2.8, 50.43, 2.81, 50.43), 0);
  });
});
