// The Natura 2000 dossier's content (src/core/review/dossier.ts) and maps (dossier-map.ts):
// golden files test/fixtures/dossier/in/NAME.json → out/NAME.json (REGEN=1 writes them), and
// the figures a reader checks on paper computed a second way here: the written scale against
// geodesic lengths, the km marks against points walked along the route, the tiles against the
// slippy-map formula (OpenStreetMap wiki « Slippy map tilenames »), the INPN sheet URLs.
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/core/event/model';
import { communesCrossed, communeZones } from '../../src/core/review/communes';
import { DOSSIER_SECTIONS, dossierModel, inpnSheet, siteCode } from '../../src/core/review/dossier';
import { dossierMaps, UNITS_PER_MM, type DossierMap } from '../../src/core/review/dossier-map';
import { dossierSources } from '../../src/core/review/dossier-sources';
import { prepareZones, reviewRoute, zonesFromGeoJson } from '../../src/core/review';
import { seasonOverDays, type SeasonLoad } from '../../src/core/review/season';
import { reviewViews } from '../../src/core/review/views';
import type { WaySurfaces } from '../../src/core/route/ways';
import { positionsLength } from '../../src/core/geo/geodesic';
import { bboxOf } from '../../src/core/geo/bbox';
import type { Position } from '../../src/core/types';
import { expectGolden, goldenNames, readInput, rounded } from '../helpers/golden';
import { karneyLength } from '../helpers/karney';

interface DossierFixture {
  route: Position[][];
  buffer_m: number;
  layers: { id: string; origin: 'embedded' | 'imported'; approximate?: boolean; data: FeatureCollection }[];
  communes: FeatureCollection | null;
  ways: WaySurfaces | null;
  season: SeasonLoad | null;
  event: Event | null;
  formulaId: string | null;
}

/** The dossier as the review engine builds it (workers/review-engine.ts dossier()), from the core alone. */
function build(f: DossierFixture) {
  const layers = f.layers.map((l) => {
    const read = zonesFromGeoJson(l.data, { file: l.id, layer: l.id, kind: l.id });
    if (!read.ok) throw new Error(read.error.code);
    return { ...l, zones: read.value.zones, prepared: prepareZones(read.value.zones) };
  });
  const all = prepareZones(layers.flatMap((l) => l.zones));
  const review = reviewRoute(f.route.length === 1 ? f.route[0] : f.route, all, { buffer_m: f.buffer_m });
  const views = reviewViews(f.route, review);
  const communes = f.communes ? communeZones(f.communes) : null;
  const bbox = bboxOf([...f.route, ...views.nearViews.flatMap((v) => v.lines)])!;
  const places = (f.event?.formulas ?? []).flatMap((x) => x.coursePoints.map((p) => ({ kind: p.kind, name: p.name, lonlat: p.lonlat })));
  const sources = dossierSources({
    segments: f.route,
    review,
    passLines: views.passViews.map((c) => c.map((p) => p.lines)),
    bbox,
    layers: layers.map((l) => ({ id: l.id, origin: l.origin, zones: l.zones, data: l.data })),
    communes,
    places,
    codeOf: siteCode,
  });
  const model = dossierModel({
    event: f.event,
    formulaId: f.formulaId,
    formulaLengths: f.formulaId ? { [f.formulaId]: review.route_length_m } : {},
    review,
    communes: communes ? communesCrossed(f.route.length === 1 ? f.route[0] : f.route, communes) : null,
    communesCover: communes ? 'region' : null,
    ways: f.ways,
    season: f.season ? seasonOverDays(review, f.season) : null,
    attributes: sources.attributes,
    layers: f.layers.map((l) => ({ id: l.id, approximate: l.approximate === true })),
  });
  return { review, model, maps: dossierMaps(sources.map) };
}

const names = goldenNames('dossier');

describe('dossier golden files', () => {
  it('finds the fixtures', () => expect(names.length).toBeGreaterThanOrEqual(2));
  for (const name of names)
    it(name, () => {
      const { model, maps } = build(readInput<DossierFixture>('dossier', name));
      expectGolden('dossier', name, rounded({ model, maps }));
    });
});

describe('the dossier follows the form', () => {
  const f = readInput<DossierFixture>('dossier', 'inpn-site');
  const { review, model, maps } = build(f);

  it('has the form’s sections in its order', () => {
    expect(model.sections).toEqual(['organiser', 'event', 'location', 'sites', 'habitats', 'impacts', 'measures', 'conclusion']);
    expect(DOSSIER_SECTIONS).toBe(model.sections);
  });

  it('says the organiser and the event from the event’s own fields', () => {
    expect(model.organiser).toEqual(f.event!.organiser);
    expect(model.event.runners).toBe(300);
    expect(model.event.staff).toBe(40);
    expect(model.event.public).toBe(10);
    // 9:30 + 12 km × 12 min/km = 11:54 (the route is 12.0 km: 10 steps of 0.0108° of latitude)
    const f1 = model.event.formulas.find((x) => x.id === 'f1')!;
    expect(review.route_length_m).toBeCloseTo(karneyLength(f.route[0] as [number, number][]), 3);
    const minutes = Math.round((review.route_length_m / 1000) * 12);
    expect(f1.end).toBe(`2027-05-16T${String(9 + Math.floor((30 + minutes) / 60)).padStart(2, '0')}:${String((30 + minutes) % 60).padStart(2, '0')}`);
    // the night formula starts at 21:30 and has no known length: its start alone makes the event a night one
    expect(model.event.night).toBe(true);
    expect(model.event.publicRoads).toBe('yes');
    expect(model.event.offRoads).toBe('yes');
    expect(model.event.places.aid.map((p) => p.name)).toEqual(['Ravito de la Scarpe']);
    expect(model.event.places.parking.map((p) => p.name)).toEqual(['Parking de la salle des sports']);
    expect(model.event.places.public.map((p) => p.name)).toEqual(['Arrivée, espace public']);
  });

  it('lists the communes crossed and the metres outside them', () => {
    const names = model.location.communes!.map((c) => c.name);
    expect(names.sort()).toEqual(['Flers-en-Escrebieux', 'Râches']);
    // the communes end at 50.354° N; the route runs from 50.30 to 50.408 straight north
    const inside = karneyLength([
      [3.1, 50.3],
      [3.1, 50.354],
    ]);
    const covered = model.location.communes!.reduce((s, c) => s + c.length_m, 0);
    expect(covered).toBeCloseTo(inside, 0);
    expect(model.location.outside_m).toBeCloseTo(review.route_length_m - inside, 0);
  });

  it('states each site: code, name, type, inside for how long, or its distance; its INPN sheet', () => {
    const [zsc, znieff] = model.sites;
    expect(zsc).toMatchObject({ code: 'FR3100504', type: 'ZSC', inside: true, natura2000: true, inpn: 'https://inpn.mnhn.fr/site/natura2000/FR3100504' });
    // from 50.33 to 50.35 along the meridian
    expect(zsc.length_m).toBeCloseTo(
      karneyLength([
        [3.1, 50.33],
        [3.1, 50.35],
      ]),
      0,
    );
    expect(znieff).toMatchObject({ code: '310013300', inside: false, natura2000: false, inpn: 'https://inpn.mnhn.fr/zone/znieff/310013300' });
    // 0.0042° of longitude east of the route at 50.37–50.38° N
    expect(znieff.distance_m!).toBeCloseTo(
      karneyLength([
        [3.1, 50.375],
        [3.1042, 50.375],
      ]),
      -1,
    );
    // 350 people × the metres inside the one site crossed, in season (16 May, March to July)
    expect(model.exposure!.person_km).toBeCloseTo((350 * zsc.length_m) / 1000, 6);
    expect(model.exposure!.inSeason_person_km).toBeCloseTo(model.exposure!.person_km, 9);
    expect(model.habitats[0].habitats).toEqual(['6130 Pelouses calaminaires', '3150 Lacs eutrophes naturels']);
    expect(model.habitats[0].species).toEqual(['Triton crêté (Triturus cristatus)']);
    // no attributes: rows to fill
    expect(model.habitats[1]).toMatchObject({ habitats: null, species: null });
  });

  it('takes a zone’s own code (a layer read with its identity) before its attributes', () => {
    const withCode = { ...review.crossings[0], code: 'FR3112002' };
    const m = dossierModel({
      event: null,
      formulaId: null,
      formulaLengths: {},
      review: { ...review, crossings: [withCode] },
      communes: null,
      communesCover: null,
      ways: null,
      season: null,
      attributes: {},
      layers: [],
    });
    expect(m.sites[0]).toMatchObject({ code: 'FR3112002', natura2000: true, inpn: 'https://inpn.mnhn.fr/site/natura2000/FR3112002' });
  });

  it('keeps the organiser’s answers and gives the figures’ hints beside them', () => {
    const byCode = Object.fromEntries(model.impacts.map((i) => [i.code, i]));
    expect(model.impacts.map((i) => i.code)).toEqual(['trampling', 'noise', 'disturbance', 'waste', 'marking', 'parking', 'lighting', 'night']);
    expect(byCode.trampling).toMatchObject({ answer: 'yes', note: 'passage sur chemin existant uniquement' });
    expect(byCode.noise.answer).toBeNull();
    expect(byCode.disturbance.hints).toEqual(['route-inside', 'in-season']);
    expect(byCode.night.hints).toEqual(['night-times']);
    expect(byCode.parking.hints).toEqual(['parking-points']);
    // the measures in the form's order, whatever order they were ticked in
    expect(model.measures.ticked).toEqual(['stay-on-paths', 'removable-marking']);
    expect(model.conclusion).toEqual({ answer: 'no', place: 'Douai', signedOn: '2027-03-01', signatory: 'Jeanne Martin, présidente' });
  });

  it('draws an overall map and one per site crossed', () => {
    expect(maps.map((m) => m.id)).toEqual(['overall', 'n2000|1']);
    const overall = maps[0];
    // the zones are labelled by their code
    expect(overall.zones.map((z) => z.label).sort()).toEqual(['310013300', 'FR3100504']);
    expect(overall.zones.every((z) => z.labelAt !== null)).toBe(true);
    // 12 km: marks at 5 and 10 km overall, every km on the detailed map (the site is km 3.3 to 5.6)
    expect(overall.kmMarks.map((m) => m.km)).toEqual([5, 10]);
    expect(maps[1].kmStep).toBe(1);
    expect(maps[1].kmMarks.map((m) => m.km)).toContain(4);
  });
});

describe('the maps’ figures, computed a second way', () => {
  const line: Position[] = [
    [2.8, 50.4],
    [2.9, 50.4],
    [2.9, 50.5],
  ];
  const maps = dossierMaps({ segments: [line], zones: [], places: [], labels: [], bbox: bboxOf([line])!, siteBoxes: [] });
  const map: DossierMap = maps[0];

  it('the written scale is true: a ground kilometre is 1000 / scale mm of paper at the centre', () => {
    // 0.01° of longitude at the centre latitude: on the ground (Karney) and on paper (the drawing is linear in longitude)
    const lat = (map.bbox[1] + map.bbox[3]) / 2;
    const ground = karneyLength([
      [2.85, lat],
      [2.86, lat],
    ]);
    const paper_m = ((0.01 / (map.bbox[2] - map.bbox[0])) * map.width) / UNITS_PER_MM / 1000;
    expect(ground / paper_m / map.scale).toBeCloseTo(1, 2);
    // the box (7.1 km × 11.1 km, 8 % margins) fits 180 × 200 mm at 1:75 000 (11.1 × 1.16 / 0.2 = 64 400), not at 1:50 000
    expect(map.scale).toBe(75000);
  });

  it('the scale bar’s length on paper is its ground length at the scale', () => {
    expect(map.scaleBar.length / UNITS_PER_MM).toBeCloseTo((map.scaleBar.length_m * 1000) / map.scale, 0);
  });

  it('km marks fall every 5 km along the route', () => {
    // 7.1 km east then 11.1 km north
    expect(map.kmMarks.map((m) => m.km)).toEqual([5, 10, 15]);
    // the first leg is 7.1 km east: the 5 km mark is on it, at 5 km from the start
    const leg = positionsLength(line.slice(0, 2));
    const lon5 = 2.8 + 0.1 * (5000 / leg);
    const [x0] = [map.kmMarks[0].x];
    const xStart = project(map, 2.8);
    const xEnd = project(map, 2.9);
    expect(x0).toBeCloseTo(xStart + ((xEnd - xStart) * (lon5 - 2.8)) / 0.1, 0);
  });

  it('the tiles are the slippy-map tiles that cover the frame', () => {
    const z = map.tiles[0].z;
    const n = 2 ** z;
    const tx = (lon: number) => Math.floor(((lon + 180) / 360) * n);
    const ty = (lat: number) => Math.floor(((1 - Math.log(Math.tan((lat * Math.PI) / 180) + 1 / Math.cos((lat * Math.PI) / 180)) / Math.PI) / 2) * n);
    const xs = [...new Set(map.tiles.map((t) => t.x))].sort((a, b) => a - b);
    const ys = [...new Set(map.tiles.map((t) => t.y))].sort((a, b) => a - b);
    expect(xs[0]).toBe(tx(map.bbox[0]));
    expect(xs[xs.length - 1]).toBe(tx(map.bbox[2]));
    expect(ys[0]).toBe(ty(map.bbox[3]));
    expect(ys[ys.length - 1]).toBe(ty(map.bbox[1]));
    // they cover the drawing edge to edge
    expect(Math.min(...map.tiles.map((t) => t.left))).toBeLessThanOrEqual(0);
    expect(Math.max(...map.tiles.map((t) => t.left + t.size))).toBeGreaterThanOrEqual(map.width - 0.5);
    expect(map.tiles.length).toBeLessThanOrEqual(80);
  });

  it('labels that would overlap move down a line, up to three times, then go (the zones crossed placed first)', () => {
    const ring: [number, number][] = [
      [2.84, 50.44],
      [2.86, 50.44],
      [2.86, 50.46],
      [2.84, 50.46],
      [2.84, 50.44],
    ];
    const zone = (i: number, inside: boolean) => ({
      key: `z|${i}`,
      label: `Zone ${i}`,
      layer: 'z',
      kind: 'k',
      geometry: 'polygon' as const,
      parts: [ring],
      style: 'other' as const,
      inside,
    });
    const [m] = dossierMaps({
      segments: [line],
      zones: [zone(1, false), zone(2, true), zone(3, false), zone(4, false), zone(5, false)],
      places: [],
      labels: [],
      bbox: bboxOf([line])!,
      siteBoxes: [],
    });
    const at = Object.fromEntries(m.zones.map((z) => [z.key, z.labelAt]));
    const y = at['z|2']![1];
    expect(at['z|1']![1]).toBeCloseTo(y + 16, 6);
    expect(at['z|3']![1]).toBeCloseTo(y + 32, 6);
    expect(at['z|4']![1]).toBeCloseTo(y + 48, 6);
    expect(at['z|5']).toBeNull();
  });

  it('a site far larger than the frame costs a few points: its outline is clamped to a guard band around the frame', () => {
    // a densified 120 km square around the route (4 × 400 vertices), well beyond the band (one frame, 13.5 × 15 km, each side)
    const ring: [number, number][] = [];
    for (let i = 0; i < 400; i++) ring.push([2.0 + (1.7 * i) / 400, 49.9]);
    for (let i = 0; i < 400; i++) ring.push([3.7, 49.9 + (1.1 * i) / 400]);
    for (let i = 0; i < 400; i++) ring.push([3.7 - (1.7 * i) / 400, 51.0]);
    for (let i = 0; i < 400; i++) ring.push([2.0, 51.0 - (1.1 * i) / 400]);
    ring.push(ring[0]);
    const [m] = dossierMaps({
      segments: [line],
      zones: [{ key: 'big|1', label: 'FR3112002', layer: 'big', kind: 'ZPS', geometry: 'polygon', parts: [ring], style: 'natura2000', inside: true }],
      places: [],
      labels: [],
      bbox: bboxOf([line])!,
      siteBoxes: [],
    });
    const d = m.zones[0].d;
    const points = d
      .split(/[MLZ]/)
      .filter(Boolean)
      .map((p) => p.split(' ').map(Number));
    expect(points.length).toBeLessThanOrEqual(6);
    // the four corners of the guard band: the frame is wholly inside the drawn area
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    expect(Math.min(...xs)).toBe(-m.width);
    expect(Math.max(...xs)).toBe(2 * m.width);
    expect(Math.min(...ys)).toBe(-m.height);
    expect(Math.max(...ys)).toBe(2 * m.height);
    // its label sits in the frame (the frame's centre is inside the site)
    expect(m.zones[0].labelAt).not.toBeNull();
  });

  it('names the INPN sheet of Natura 2000 and ZNIEFF codes only', () => {
    expect(inpnSheet('FR3100504')).toBe('https://inpn.mnhn.fr/site/natura2000/FR3100504');
    expect(inpnSheet('310013300')).toBe('https://inpn.mnhn.fr/zone/znieff/310013300');
    expect(inpnSheet('T143')).toBeNull();
    expect(inpnSheet(null)).toBeNull();
  });
});

/** x on the drawing of a longitude (Web Mercator is linear in longitude). */
function project(map: DossierMap, lon: number): number {
  const [w, , e] = map.bbox;
  return ((lon - w) / (e - w)) * map.width;
}
