// What the map is given for the formulas (issue 14, point 1), as data: a loop's two ends marked
// as one place (a point 1 m off is still a loop, one 10 m off is not), a loop's start and finish
// points on the course side by side, each formula's colour, and the km markers shown by zoom.
import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { formulaLayersAboveRoute, formulaColor, formulasCollection, kmCollection, sharedCollection } from '../../src/map/layers/formulas';
import { coursePointsCollection, legsCollection, pointsCollection } from '../../src/map/layers/route';

// 1 m north of 50.4° N is 1 / 111 236 of a degree (the meridian's radius there)
const M = 1 / 111_236;
const roles = (points: [number, number][]) => pointsCollection(points, null).features.map((f) => f.properties?.role);

describe('start and finish on the map', () => {
  it('a route back to its start within 3 m is a loop: its ends are loop-start and loop-end', () => {
    expect(
      roles([
        [2.8, 50.4],
        [2.81, 50.4],
        [2.81, 50.41],
        [2.8, 50.4 + M],
      ]),
    ).toEqual(['loop-start', 'mid', 'mid', 'loop-end']);
    expect(
      roles([
        [2.8, 50.4],
        [2.81, 50.4],
        [2.81, 50.41],
        [2.8, 50.4 + 10 * M],
      ]),
    ).toEqual(['first', 'mid', 'mid', 'last']);
    // there and back on two points is not a loop: nothing between its ends
    expect(
      roles([
        [2.8, 50.4],
        [2.8, 50.4],
      ]),
    ).toEqual(['first', 'last']);
    expect(roles([[2.8, 50.4]])).toEqual(['first']);
  });

  it("a loop's start and finish points on the course are drawn side by side, the others where they are", () => {
    const pair = (finishLat: number) =>
      coursePointsCollection([
        { id: 's', kind: 'start', lonlat: [2.8, 50.4] },
        { id: 'a', kind: 'aid', lonlat: [2.81, 50.4] },
        { id: 'f', kind: 'finish', lonlat: [2.8, finishLat] },
      ]).features.map((f) => f.properties?.pair);
    expect(pair(50.4)).toEqual(['left', '', 'right']);
    expect(pair(50.41)).toEqual(['', '', '']);
  });

  it('the start/finish marker stands on the loop-start point only', () => {
    const layer = formulaLayersAboveRoute().find((l) => l.id === 'cav-start-finish') as LayerSpecification & { filter: unknown };
    expect(layer.filter).toEqual(['==', ['get', 'role'], 'loop-start']);
  });
});

describe('formulas, shared stretches and km markers', () => {
  it('gives each formula of an event its colour in turn, the first the route blue', () => {
    expect(formulaColor(0)).toBe('#1565c0');
    expect(new Set([0, 1, 2, 3, 4, 5, 6, 7].map(formulaColor)).size).toBe(8);
    expect(formulaColor(8)).toBe(formulaColor(0));
    // the drawn route without an event keeps the blue; a formula's route takes its colour
    const legs = {
      legs: [
        {
          coordinates: [
            [2.8, 50.4],
            [2.81, 50.4],
          ],
          mode: 'network' as const,
        },
      ],
      points: [],
    };
    expect(legsCollection(legs).features[0].properties?.color).toBe('#1565c0');
    expect(legsCollection(legs, formulaColor(2)).features[0].properties?.color).toBe(formulaColor(2));
  });

  it('draws a formula from the legs computed so far, and nothing for a formula without any', () => {
    const fc = formulasCollection([
      {
        id: 'a',
        color: '#00897b',
        lines: [
          [
            [2.8, 50.4],
            [2.81, 50.4],
          ],
          [[2.81, 50.4]],
        ],
      },
      { id: 'b', color: '#8e24aa', lines: [] },
    ]);
    expect(fc.features.map((f) => f.properties)).toEqual([{ id: 'a', color: '#00897b' }]);
    expect(fc.features[0].geometry.coordinates).toEqual([
      [
        [2.8, 50.4],
        [2.81, 50.4],
      ],
    ]);
    const shared = sharedCollection([
      {
        formulas: ['a', 'c'],
        coordinates: [
          [2.8, 50.4],
          [2.81, 50.4],
        ],
      },
    ]);
    expect(shared.features[0].properties).toEqual({ formulas: 'a c', count: 2 });
  });

  it('shows the 10 km markers from any zoom, the 5 km from zoom 11 and every km from zoom 13', () => {
    const layers = formulaLayersAboveRoute() as (LayerSpecification & { minzoom?: number; filter?: unknown })[];
    const dots = layers.filter((l) => l.type === 'circle');
    expect(dots.map((l) => [l.filter, l.minzoom])).toEqual([
      [['==', ['get', 'step'], 10], 0],
      [['==', ['get', 'step'], 5], 11],
      [['==', ['get', 'step'], 1], 13],
    ]);
    const km = kmCollection([{ km: 5, lonlat: [2.8, 50.445, 40], step: 5 }]);
    expect(km.features[0]).toEqual({ type: 'Feature', properties: { km: 5, step: 5 }, geometry: { type: 'Point', coordinates: [2.8, 50.445] } });
  });
});
