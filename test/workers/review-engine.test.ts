// The review engine (workers/review-engine.ts) called in node through createEngine, as the worker
// runs it: the embedded sensitive layers, reviews of a route, the avoid mode on a small synthetic
// network (deterministic), the season and load, the communes crossed and the dossier's data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildGraph } from '../../src/core/graph/build';
import { EdgeKind } from '../../src/core/graph/graph';
import { prepareZones, reviewRoute, zonesFromGeoJson } from '../../src/core/review';
import * as avoidCore from '../../src/core/review/avoid';
import { csvTable } from '../../src/core/review/csv';
import { createEngine } from '../../workers/engine';
import { karneyLength } from '../helpers/karney';

vi.mock('../../src/core/review/avoid', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/core/review/avoid')>();
  return { ...real, edgeInsideIntervals: vi.fn(real.edgeInsideIntervals), avoidEdgeCost: vi.fn(real.avoidEdgeCost) };
});

const ROOT = join(import.meta.dirname, '../..');
const dataDir = join(ROOT, 'public/data');
const json = (name: string) => JSON.parse(readFileSync(join(dataDir, name), 'utf8')) as unknown;
const bytes = (name: string) => {
  const b = readFileSync(join(dataDir, name));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};
type LonLat = [number, number];

const EMBEDDED = [
  { id: 'protections', title: 'Protections connues (partiel)' },
  { id: 'tvb-reservoirs', title: 'Réservoirs de biodiversité (approximation)' },
  { id: 'tvb-corridors', title: 'Corridors écologiques (approximation)' },
];

function embeddedEngine() {
  const engine = createEngine();
  const meta = json('network.json') as { names: string[] };
  engine.loadNetwork(bytes('network.bin'), meta.names);
  return engine;
}

const protections = json('protections.geojson') as FeatureCollection<Polygon, { name: string; kind: string }>;
const pinchonvalles = protections.features.find((f) => f.properties.name === 'Pinchonvalles')!;

/** A straight line across Pinchonvalles, west to east through the middle of its box, 200 m beyond each side. */
function acrossPinchonvalles(): LonLat[] {
  const [w, s, e, n] = turf.bbox(pinchonvalles);
  const lat = (s + n) / 2;
  const pad = 0.003;
  const line: LonLat[] = [];
  for (let k = 0; k <= 40; k++) line.push([w - pad + ((e - w + 2 * pad) * k) / 40, lat]);
  return line;
}

describe('review engine on the embedded layers', () => {
  const engine = embeddedEngine();
  beforeAll(async () => {
    const state = await engine.loadReviewLayers(
      EMBEDDED.map((l) => ({ ...l, data: json(`${l.id}.geojson`) })),
      { data: json('communes.geojson') },
    );
    expect(state.layers.map((l) => l.id)).toEqual(['protections', 'tvb-reservoirs', 'tvb-corridors']);
    expect(state.layers.every((l) => !l.error)).toBe(true);
    expect(state.communes).toBe(true);
  });

  it('a route over Pinchonvalles gives the same crossing as the core’s reviewRoute', () => {
    const line = acrossPinchonvalles();
    const result = engine.review([line], { buffer_m: 500 });
    const zones = zonesFromGeoJson(protections, { file: 'p', layer: 'protections', kind: 'protection', kindProperties: ['kind'] });
    if (!zones.ok) throw new Error(zones.error.code);
    const core = reviewRoute(line, prepareZones(zones.value.zones), { buffer_m: 500 });
    const coreP = core.crossings.find((c) => c.zone === 'Pinchonvalles')!;
    const i = result.review.crossings.findIndex((c) => c.zone === 'Pinchonvalles');
    expect(i).toBeGreaterThanOrEqual(0);
    const mine = result.review.crossings[i];
    expect(mine.kind).toBe('APPB');
    expect(mine.layer).toBe('protections');
    expect(mine.passes).toEqual(coreP.passes);
    expect(mine.length_m).toBe(coreP.length_m);
    expect(result.review.route_length_m).toBe(core.route_length_m);
    // the terril is also a TVB reservoir (same outline): both layers report it
    expect(result.review.crossings.some((c) => c.layer === 'tvb-reservoirs')).toBe(true);
    // each pass comes with its line (from entry to exit) and its box, for the map
    mine.passes.forEach((p, k) => {
      const view = result.passViews[i][k];
      const first = view.lines[0][0];
      const lastLine = view.lines[view.lines.length - 1];
      const last = lastLine[lastLine.length - 1];
      expect(karneyLength([first, p.entry])).toBeLessThan(0.01);
      expect(karneyLength([last, p.exit])).toBeLessThan(0.01);
      const inside = view.lines.reduce((s, l) => s + karneyLength(l), 0);
      expect(inside).toBeCloseTo(p.length_m, 0);
      const [w, s, e, n] = view.bbox;
      for (const q of [p.entry, p.exit]) {
        expect(q[0]).toBeGreaterThanOrEqual(w - 1e-12);
        expect(q[0]).toBeLessThanOrEqual(e + 1e-12);
        expect(q[1]).toBeGreaterThanOrEqual(s - 1e-12);
        expect(q[1]).toBeLessThanOrEqual(n + 1e-12);
      }
    });
    // near zones come with the shortest line from the route to the zone
    result.review.near.forEach((z, k) => expect(karneyLength(result.nearViews[k].lines[0])).toBeCloseTo(z.distance_m, -1));
  });

  it('the communes crossed, with their lengths, agree with a point-in-polygon count every metre', () => {
    const line = acrossPinchonvalles();
    const found = engine.communesCrossed([line])!;
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((c) => c.name)).toEqual(expect.arrayContaining(['Avion']));
    // independent: sample the line every metre and find each sample's commune with turf
    const communes = json('communes.geojson') as FeatureCollection<Polygon | MultiPolygon, { name: string; insee: string }>;
    const box = turf.bbox(turf.lineString(line));
    const near = communes.features.filter((f) => {
      const [w, s, e, n] = turf.bbox(f);
      return !(e < box[0] || w > box[2] || n < box[1] || s > box[3]);
    });
    const total = karneyLength(line);
    const steps = Math.round(total);
    const counts = new Map<string, number>();
    for (let k = 0; k < steps; k++) {
      const t = (k + 0.5) / steps;
      const x = line[0][0] + t * (line[line.length - 1][0] - line[0][0]);
      const p = turf.point([x, line[0][1]]);
      const c = near.find((f) => turf.booleanPointInPolygon(p, f as Feature<Polygon | MultiPolygon>));
      if (c) counts.set(c.properties.name, (counts.get(c.properties.name) ?? 0) + total / steps);
    }
    expect(new Set(found.map((c) => c.name))).toEqual(new Set(counts.keys()));
    for (const c of found) {
      expect(Math.abs(c.length_m - counts.get(c.name)!)).toBeLessThan(Math.max(2, 0.005 * c.length_m));
      expect(c.insee).toMatch(/^\d{5}$/);
    }
    // longest first
    for (let k = 1; k < found.length; k++) expect(found[k - 1].length_m).toBeGreaterThanOrEqual(found[k].length_m);
  });

  it('flags the passes in the breeding season and reports participants × laps × km inside', () => {
    const { review } = engine.review([acrossPinchonvalles()], { buffer_m: 500 });
    const appb = review.crossings.find((c) => c.zone === 'Pinchonvalles' && c.layer === 'protections')!;
    const may = engine.season(review, { dates: ['2027-05-16'], participants: 300, laps: 2 }, {});
    if (!may.ok) throw new Error(may.error.code);
    const flag = may.value.flags.find((f) => f.id === appb.id && f.layer === 'protections')!;
    expect(flag.in_season).toBe(true);
    expect(flag.exposure_person_km).toBeCloseTo((600 * appb.length_m) / 1000, 9);
    // two days, one of them in the period: in season
    const both = engine.season(review, { dates: ['2027-02-27', '2027-03-01'], participants: 10 }, {});
    expect(both.ok && both.value.flags.every((f) => f.in_season)).toBe(true);
    // a period per kind: APPB without one, the rest March–July
    const winter = engine.season(review, { dates: ['2027-05-16'], participants: 300 }, { byKind: { APPB: null } });
    if (!winter.ok) throw new Error(winter.error.code);
    expect(winter.value.flags.find((f) => f.kind === 'APPB')!.in_season).toBe(false);
    expect(winter.value.in_season_exposure_person_km).toBeCloseTo(
      winter.value.flags.filter((f) => f.in_season).reduce((s, f) => s + f.exposure_person_km, 0),
      9,
    );
    const none = engine.season(review, { dates: [], participants: 1 }, {});
    expect(none.ok ? null : none.error.code).toBe('event.bad-date');
  });

  it('the dossier data: review, communes, way types, season and the same CSV as the CLI builder', async () => {
    const reseau = json('reseau.geojson') as FeatureCollection<{ type: 'LineString'; coordinates: LonLat[] }, { kind: string; length_m: number }>;
    const edge = reseau.features.find((f) => f.properties.kind === 'path' && f.properties.length_m > 2000)!;
    const c = edge.geometry.coordinates;
    const legs = await engine.legs([{ from: c[0], to: c[c.length - 1], mode: 'network' }]);
    const d = engine.dossier({ route: { legs }, buffer_m: 500, load: { dates: ['2027-06-01'], participants: 120 }, season: {} });
    expect(d.result.review.route_length_m).toBeCloseTo(legs[0].length_m, 6);
    expect(d.ways).not.toBeNull();
    expect(d.ways!.road_m + d.ways!.paths_m + d.ways!.unknown_m).toBeCloseTo(legs[0].length_m, 3);
    expect(d.communes!.reduce((s, x) => s + x.length_m, 0)).toBeLessThanOrEqual(legs[0].length_m + 1e-6);
    // the CSV's layer column holds the layers' titles
    expect(d.csv).toBe(csvTable(d.result.review, Object.fromEntries(d.layers.map((l) => [l.id, l.title]))));
    expect(engine.reviewCsv({ legs }, { buffer_m: 500 })).toBe(d.csv);
    expect(d.bbox).not.toBeNull();
    // the maps: the overall one, then one per zone crossed, framed on the route
    expect(d.maps.map((m) => m.id)).toEqual(['overall', ...d.result.review.crossings.map((x) => `${x.layer}|${x.id}`)]);
    const [w, s, e, n] = d.maps[0].bbox;
    expect(c.every((p) => p[0] >= w && p[0] <= e && p[1] >= s && p[1] <= n)).toBe(true);
    expect(d.maps[0].route).toHaveLength(1);
    // the places given are drawn where they are
    const withPlace = engine.dossier({ route: { legs }, buffer_m: 500, load: null, season: {}, places: [{ kind: 'aid', name: 'Ravito', lonlat: c[0] }] });
    expect(withPlace.maps[0].places.map((p) => p.name)).toEqual(['Ravito']);
    // a track's way types are not known
    expect(engine.dossier({ route: { segments: [c] }, buffer_m: 500, load: null, season: {} }).ways).toBeNull();
  });
});

describe('approximations apart', () => {
  it('an imported official layer takes the approximation of its kind out of the review; a switch brings it back', async () => {
    const engine = createEngine();
    await engine.loadReviewLayers(EMBEDDED.map((l) => ({ ...l, data: json(`${l.id}.geojson`) })));
    const line = acrossPinchonvalles();
    const before = engine.review([line], { buffer_m: 500 }).review;
    expect(before.crossings.some((c) => c.layer === 'protections' && c.zone === 'Pinchonvalles')).toBe(true);
    const v0 = engine.reviewZonesVersion();
    // an official APPB layer (a polygon layer: protections)
    engine.addSensitiveLayer('appb', 'APPB du Pas-de-Calais', {
      type: 'FeatureCollection',
      features: [{ ...pinchonvalles, properties: { name: 'Pinchonvalles (APPB)', kind: 'APPB' } }],
    });
    const state = engine.reviewLayers();
    expect(state.layers.map((l) => [l.id, l.approximate, l.reviewed, l.choice])).toEqual([
      ['protections', true, false, 'replaced'],
      ['tvb-reservoirs', true, true, 'approximate'],
      ['tvb-corridors', true, true, 'approximate'],
      ['appb', false, true, 'official'],
    ]);
    expect(state.zonesVersion).toBeGreaterThan(v0);
    const after = engine.review([line], { buffer_m: 500 }).review;
    expect(after.crossings.some((c) => c.layer === 'protections')).toBe(false);
    expect(after.near.some((n) => n.layer === 'protections')).toBe(false);
    // the official zone: the same metres as the approximation's (same outline here)
    const official = after.crossings.find((c) => c.layer === 'appb')!;
    expect(official.length_m).toBeCloseTo(before.crossings.find((c) => c.zone === 'Pinchonvalles')!.length_m, 6);
    // switched back on, then every approximation off
    const v1 = engine.reviewZonesVersion();
    expect(engine.setReviewSwitches({ protections: true }).layers[0]).toMatchObject({ reviewed: true, choice: 'switched-on' });
    expect(engine.reviewZonesVersion()).toBeGreaterThan(v1);
    expect(engine.review([line], { buffer_m: 500 }).review.crossings.some((c) => c.layer === 'protections')).toBe(true);
    engine.setReviewSwitches({ protections: false, 'tvb-reservoirs': false, 'tvb-corridors': false });
    const only = engine.review([line], { buffer_m: 500 }).review;
    expect(new Set([...only.crossings, ...only.near].map((z) => z.layer))).toEqual(new Set(['appb']));
  });
});

describe('sensitive layers imported by the user', () => {
  it('a layer imported as « zone sensible » is reviewed, its problems named', () => {
    const engine = createEngine();
    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { nom: 'Mare aux hérons', type: 'ZNIEFF' },
          // an unclosed ring: repaired, and said so
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [2.81, 50.39],
                [2.82, 50.39],
                [2.82, 50.41],
                [2.81, 50.41],
              ],
            ],
          },
        },
      ],
    };
    const opened = engine.openFile(new TextEncoder().encode(JSON.stringify(fc)).buffer as ArrayBuffer, 'zones-avion.geojson');
    if (!opened.ok) throw new Error(opened.error.code);
    const preview = engine.previewLayer(opened.value.token);
    if (!preview.ok) throw new Error(preview.error.code);
    const added = engine.addLayer(opened.value.token, 'sensitive', 'user-1');
    if (!added.ok) throw new Error(added.error.code);

    const state = engine.reviewLayers();
    const layer = state.layers.find((l) => l.id === 'user-1')!;
    expect(layer.origin).toBe('imported');
    expect(layer.polygons).toBe(1);
    // import may already close the ring; if the review had to, the message names the zone and the layer's title
    for (const issue of layer.issues) expect(issue.detail).toMatchObject({ name: 'Mare aux hérons', layer: layer.title });

    const line: LonLat[] = [
      [2.8, 50.4],
      [2.83, 50.4],
    ];
    const { review } = engine.review([line]);
    expect(review.crossings.map((c) => [c.zone, c.kind, c.layer])).toEqual([['Mare aux hérons', 'ZNIEFF', 'user-1']]);

    // removed from the layer engine: gone from the next review
    const version = engine.reviewLayers().zonesVersion;
    engine.removeLayer('user-1');
    expect(engine.review([line]).review.crossings).toEqual([]);
    expect(engine.reviewLayers().zonesVersion).toBeGreaterThan(version);
  });

  it('addSensitiveLayer reports zone problems by name', () => {
    const engine = createEngine();
    const state = engine.addSensitiveLayer('direct', 'Zones de la DDTM', {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'Roselière' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [2.81, 50.39],
                [2.82, 50.39],
                [2.82, 50.41],
                [2.81, 50.41],
              ],
            ],
          },
        },
        { type: 'Feature', properties: { name: 'Vide' }, geometry: null as unknown as Polygon },
      ],
    });
    const issues = state.layers.find((l) => l.id === 'direct')!.issues;
    expect(issues.map((i) => [i.code, i.detail?.name, i.detail?.layer])).toEqual(
      expect.arrayContaining([
        ['zone.unclosed-ring', 'Roselière', 'Zones de la DDTM'],
        ['zone.empty-geometry', 'Vide', 'Zones de la DDTM'],
      ]),
    );
  });
});

// ── avoid mode on a synthetic network ─────────────────────────────────────────
//
//   A ─────────[zone]───────── B      straight, 2.13 km, 427 m of it inside the zone
//    \                        /
//     C ─────────────────── D          the way round, 2.74 km, outside
const A: LonLat = [2.8, 50.4];
const B: LonLat = [2.83, 50.4];
const C: LonLat = [2.805, 50.405];
const D: LonLat = [2.825, 50.405];
const zoneRing: LonLat[] = [
  [2.812, 50.398],
  [2.818, 50.398],
  [2.818, 50.402],
  [2.812, 50.402],
  [2.812, 50.398],
];
const zoneFc = {
  type: 'FeatureCollection' as const,
  features: [
    { type: 'Feature' as const, properties: { name: 'Roselière du marais', kind: 'APPB' }, geometry: { type: 'Polygon' as const, coordinates: [zoneRing] } },
  ],
};

function syntheticEngine(withDetour: boolean) {
  const straight: LonLat[] = [];
  for (let k = 0; k <= 30; k++) straight.push([A[0] + ((B[0] - A[0]) * k) / 30, A[1]]);
  const lines = [{ coords: straight, kind: EdgeKind.path, name: 'Chemin direct' }];
  if (withDetour) lines.push({ coords: [A, C, D, B], kind: EdgeKind.path, name: 'Le tour' });
  const built = buildGraph(lines, { joinTolerance_m: 5 });
  const engine = createEngine();
  engine.loadNetwork(built.graph.data.slice(0) as ArrayBuffer, built.names);
  engine.addSensitiveLayer('zones', 'Zones test', zoneFc);
  return engine;
}

const insideZone = (engine: ReturnType<typeof createEngine>, coords: LonLat[]) =>
  engine
    .review([coords], { buffer_m: 0 })
    .review.crossings.filter((c) => c.zone === 'Roselière du marais')
    .reduce((s, c) => s + c.length_m, 0);

describe('avoid mode', () => {
  const straightLength = karneyLength([A, B]);
  const detourLength = karneyLength([A, C, D, B]);
  const insideStraight = karneyLength([
    [2.812, 50.4],
    [2.818, 50.4],
  ]);

  it('off: the shortest path crosses the zone', async () => {
    const engine = syntheticEngine(true);
    const [leg] = await engine.legs([{ from: A, to: B, mode: 'network' }]);
    expect(leg.length_m).toBeCloseTo(straightLength, 0);
    expect(insideZone(engine, leg.coords)).toBeCloseTo(insideStraight, 0);
    const d = engine.detour([{ from: A, to: B, mode: 'network' }]);
    expect(d.with_m).toBeCloseTo(d.without_m, 6);
  });

  it('« interdire » goes round the zone when a way round exists, and reports the detour', async () => {
    const engine = syntheticEngine(true);
    engine.setAvoid({ mode: 'forbid', factor: 5 });
    const [leg] = await engine.legs([{ from: A, to: B, mode: 'network' }]);
    expect(leg.unavoidable).toBeUndefined();
    expect(insideZone(engine, leg.coords)).toBe(0);
    expect(leg.length_m).toBeCloseTo(detourLength, 0);
    const d = engine.detour([{ from: A, to: B, mode: 'network' }]);
    expect(d.mode).toBe('forbid');
    expect(d.with_m).toBeCloseTo(detourLength, 0);
    expect(d.without_m).toBeCloseTo(straightLength, 0);
    expect(d.unavoidable).toEqual([]);
  });

  it('the detour table lists every zone, metres inside before and after, the one that got worse first', async () => {
    const engine = syntheticEngine(true);
    // a ZNIEFF over the way round, in a layer not avoided: going round the roselière goes into it
    const znieffRing: LonLat[] = [
      [2.814, 50.404],
      [2.818, 50.404],
      [2.818, 50.406],
      [2.814, 50.406],
      [2.814, 50.404],
    ];
    engine.addSensitiveLayer('znieff', 'ZNIEFF test', {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { name: 'Bois du Marais', kind: 'ZNIEFF' }, geometry: { type: 'Polygon', coordinates: [znieffRing] } }],
    });
    engine.setAvoid({ mode: 'forbid', factor: 5, layers: ['zones'] });
    const d = engine.detour([{ from: A, to: B, mode: 'network' }]);
    expect(d.with_m).toBeCloseTo(detourLength, 0);
    // by hand: the way round runs along 50.405° N through the ZNIEFF from 2.814 to 2.818; the straight way through the roselière from 2.812 to 2.818
    const intoZnieff = karneyLength([
      [2.814, 50.405],
      [2.818, 50.405],
    ]);
    expect(d.zones.map((z) => z.zone)).toEqual(['Bois du Marais', 'Roselière du marais']);
    expect(d.zones[0].before_m).toBe(0);
    expect(d.zones[0].after_m).toBeCloseTo(intoZnieff, 0);
    expect(d.zones[0].change_m).toBeGreaterThan(0);
    expect(d.zones[1].before_m).toBeCloseTo(insideStraight, 0);
    expect(d.zones[1].after_m).toBe(0);
    // avoid mode off: no table
    engine.setAvoid({ mode: 'off', factor: 5 });
    expect(engine.detour([{ from: A, to: B, mode: 'network' }]).zones).toEqual([]);
  });

  it('« interdire » without a way round goes through, and flags the leg', async () => {
    const engine = syntheticEngine(false);
    engine.setAvoid({ mode: 'forbid', factor: 5 });
    const [leg] = await engine.legs([{ from: A, to: B, mode: 'network' }]);
    expect(leg.fallback).toBeUndefined();
    expect(leg.unavoidable?.zones).toEqual(['Roselière du marais']);
    expect(leg.unavoidable!.inside_m).toBeCloseTo(insideStraight, 0);
    const d = engine.detour([{ from: A, to: B, mode: 'network' }]);
    expect(d.unavoidable).toEqual([{ leg: 0, inside_m: leg.unavoidable!.inside_m, zones: ['Roselière du marais'], endInside: false }]);
  });

  it('« pénaliser » weighs the metres inside by the factor', async () => {
    const engine = syntheticEngine(true);
    // straight: 2130 + 427 (k − 1); round: 2740 → k = 2 keeps the straight way, k = 5 goes round
    engine.setAvoid({ mode: 'penalise', factor: 2 });
    const [two] = await engine.legs([{ from: A, to: B, mode: 'network' }]);
    expect(two.length_m).toBeCloseTo(straightLength, 0);
    engine.setAvoid({ mode: 'penalise', factor: 5 });
    const [five] = await engine.legs([{ from: A, to: B, mode: 'network' }]);
    expect(five.length_m).toBeCloseTo(detourLength, 0);
    expect(five.unavoidable).toBeUndefined();
  });

  it('a metre inside two overlapping layers is priced once', async () => {
    const engine = syntheticEngine(true);
    // the same zone again in a second layer (a terril both protected and a TVB reservoir)
    engine.addSensitiveLayer('again', 'Réservoirs test', zoneFc);
    // k = 2: straight 2130 + 427 = 2557 < 2740; counted twice it would be 2984 and go round
    engine.setAvoid({ mode: 'penalise', factor: 2 });
    const [leg] = await engine.legs([{ from: A, to: B, mode: 'network' }]);
    expect(leg.length_m).toBeCloseTo(straightLength, 0);
    // and « interdire » reports the metres inside once
    const lone = syntheticEngine(false);
    lone.addSensitiveLayer('again', 'Réservoirs test', zoneFc);
    lone.setAvoid({ mode: 'forbid', factor: 5 });
    const [through] = await lone.legs([{ from: A, to: B, mode: 'network' }]);
    expect(through.unavoidable!.inside_m).toBeCloseTo(insideStraight, 0);
  });

  it('« interdire » says when a control point itself is inside the zone', async () => {
    const engine = syntheticEngine(true);
    engine.setAvoid({ mode: 'forbid', factor: 5 });
    const inZone: LonLat = [2.815, 50.4];
    const [leg] = await engine.legs([{ from: A, to: inZone, mode: 'network' }]);
    expect(leg.unavoidable?.endInside).toBe(true);
    // the least inside: from the zone's west edge (2.812) to the point
    expect(leg.unavoidable!.inside_m).toBeCloseTo(karneyLength([[2.812, 50.4], inZone]), 0);
  });

  it('only the chosen layers are avoided', async () => {
    const engine = syntheticEngine(true);
    engine.setAvoid({ mode: 'forbid', factor: 5, layers: ['protections'] });
    const [leg] = await engine.legs([{ from: A, to: B, mode: 'network' }]);
    expect(leg.length_m).toBeCloseTo(straightLength, 0);
  });

  it('the edges’ metres inside are computed once per network and layer, the cost array once per setting', async () => {
    const inside = vi.mocked(avoidCore.edgeInsideIntervals);
    const cost = vi.mocked(avoidCore.avoidEdgeCost);
    const engine = syntheticEngine(true);
    inside.mockClear();
    cost.mockClear();
    engine.setAvoid({ mode: 'penalise', factor: 5 });
    await engine.legs([{ from: A, to: B, mode: 'network' }]);
    await engine.legs([{ from: B, to: A, mode: 'network' }]);
    engine.detour([{ from: A, to: B, mode: 'network' }]);
    expect(inside).toHaveBeenCalledTimes(1);
    expect(cost).toHaveBeenCalledTimes(1);
    engine.setAvoid({ mode: 'penalise', factor: 3 });
    await engine.legs([{ from: A, to: B, mode: 'network' }]);
    expect(inside).toHaveBeenCalledTimes(1);
    expect(cost).toHaveBeenCalledTimes(2);
    engine.setAvoid({ mode: 'off', factor: 3 });
    await engine.legs([{ from: A, to: B, mode: 'network' }]);
    expect(cost).toHaveBeenCalledTimes(2);
  });
});
