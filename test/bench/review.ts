// Benchmark of the environmental review (target #3 of shared/notes/performance.md): a 200 km route
// with a point every ~10 m against 5,000 polygons at the density of the real layers (terrils and
// néonaturels are 50–500 m across, ~1 per km² over the basin's 100 × 50 km), beside the naive
// baseline in the same run: for every polygon, turf.booleanIntersects, then turf.lineSplit and
// turf.length on the pieces inside for those it meets.
//
// The baseline costs ~30 ms per polygon on a 20,000-point route (booleanIntersects tests every
// route vertex in the polygon, then runs lineIntersect over the whole route), so it runs on a
// random subset and is extrapolated linearly to the 5,000; the row says how many it really ran.
//
// `benchReview()` is called by test/bench/run.ts; `npx tsx test/bench/review.ts` runs it alone.
import { benchTable, isMain, type BenchRow } from './table';
import { booleanIntersects, booleanPointInPolygon, length as turfLength, lineSplit, lineString, along, polygon as turfPolygon } from '@turf/turf';
import { prepareZones, reviewRoute, zonesFromGeoJson, type ZoneInput } from '../../src/core/review';
import type { Position } from '../../src/core/types';

const WEST = 2.2;
const SOUTH = 50.22;
const WIDTH_DEG = 1.41; // ≈ 100 km at 50.45° N
const HEIGHT_DEG = 0.45; // ≈ 50 km
const RAD = Math.PI / 180;
const M_PER_DEG_LAT = 111_200;
const M_PER_DEG_LON = 111_320 * Math.cos(50.45 * RAD);

function rng(seed: number) {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

/** A smooth random walk of `km` kilometres, one point every ~10 m, kept inside the area. */
function benchRoute(km = 200, seed = 11): Position[] {
  const rnd = rng(seed);
  const steps = Math.round((km * 1000) / 10);
  const route: Position[] = [[WEST + WIDTH_DEG * 0.1, SOUTH + HEIGHT_DEG * 0.5]];
  let heading = 0;
  let turn = 0;
  for (let i = 0; i < steps; i++) {
    turn = 0.95 * turn + (rnd() - 0.5) * 0.02;
    heading += turn;
    const [x, y] = route[route.length - 1];
    let nx = x + (10 * (0.9 + 0.2 * rnd()) * Math.cos(heading)) / M_PER_DEG_LON;
    let ny = y + (10 * (0.9 + 0.2 * rnd()) * Math.sin(heading)) / M_PER_DEG_LAT;
    // bounce off the edges of the area
    if (nx < WEST || nx > WEST + WIDTH_DEG) {
      heading = Math.PI - heading;
      nx = x;
    }
    if (ny < SOUTH || ny > SOUTH + HEIGHT_DEG) {
      heading = -heading;
      ny = y;
    }
    route.push([nx, ny]);
  }
  return route;
}

/** `count` star-shaped polygons 50–500 m across, 8–40 vertices, spread over the area. */
function benchZones(count = 5000, seed = 23): ZoneInput[] {
  const rnd = rng(seed);
  const zones: ZoneInput[] = [];
  for (let i = 0; i < count; i++) {
    const cx = WEST + rnd() * WIDTH_DEG;
    const cy = SOUTH + rnd() * HEIGHT_DEG;
    const radius = 25 + rnd() * 225;
    const n = 8 + Math.floor(rnd() * 33);
    const ring: [number, number][] = [];
    for (let k = 0; k < n; k++) {
      const a = (2 * Math.PI * k) / n;
      const r = radius * (0.6 + 0.4 * rnd());
      ring.push([cx + (r * Math.cos(a)) / M_PER_DEG_LON, cy + (r * Math.sin(a)) / M_PER_DEG_LAT]);
    }
    ring.push([ring[0][0], ring[0][1]]);
    zones.push({ id: `Z${i}`, name: `Zone ${i}`, kind: 'terril', layer: 'bench', geometry: 'polygon', parts: [ring] });
  }
  return zones;
}

const time = (fn: () => void) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Fresh zone objects, so that no edge index survives from an earlier review. */
const copyZones = (zones: ZoneInput[]) => zones.map((z) => ({ ...z, parts: z.parts.map((p) => p.map((q): [number, number] => [q[0], q[1]])) }));

/** The naive way: turf on every polygon. Returns the length inside (m) when the route meets it. */
function naiveInside(line: ReturnType<typeof lineString>, zone: ZoneInput): number | null {
  const poly = turfPolygon(zone.parts);
  if (!booleanIntersects(line, poly)) return null;
  let inside = 0;
  for (const piece of lineSplit(line, poly).features) {
    const l = turfLength(piece, { units: 'meters' });
    if (booleanPointInPolygon(along(piece, l / 2, { units: 'meters' }), poly)) inside += l;
  }
  return inside;
}

export async function benchReview(): Promise<BenchRow[]> {
  const route = benchRoute();
  const inputs = benchZones();
  const rows: BenchRow[] = [];

  // the JIT's first meeting with the code, on other data (the app reviews many routes)
  reviewRoute(benchRoute(20, 3), prepareZones(benchZones(500, 5)));

  // cold: the layer just loaded (bbox index built here), no edge index yet
  const colds: number[] = [];
  let review = reviewRoute([], prepareZones([]));
  for (let run = 0; run < 5; run++) {
    const fresh = copyZones(inputs);
    colds.push(
      time(() => {
        review = reviewRoute(route, prepareZones(fresh));
      }),
    );
  }
  const cold = median(colds);
  // warm: the same prepared zones again (edge indexes kept), as while the route is edited: every
  // other run has 5 km of it moved 30 m north
  const prepared = prepareZones(copyZones(inputs));
  reviewRoute(route, prepared);
  const edited = route.map((p, i): Position => (i >= 5000 && i < 5500 ? [p[0], p[1] + 30 / M_PER_DEG_LAT] : p));
  const warm = median(Array.from({ length: 16 }, (_, k) => time(() => reviewRoute(k % 2 ? edited : route, prepared))));
  // validating the layer (done once, at import): for the record
  const fc = {
    type: 'FeatureCollection',
    features: inputs.map((z) => ({ type: 'Feature', properties: { name: z.name }, geometry: { type: 'Polygon', coordinates: z.parts } })),
  };
  const validation = median(Array.from({ length: 3 }, () => time(() => zonesFromGeoJson(fc, { file: 'bench', layer: 'bench', kind: 'terril' }))));

  // baseline: booleanIntersects on a random subset, lineSplit on a few of the polygons met
  const line = lineString(route);
  const rnd = rng(31);
  const subset = Array.from({ length: 20 }, () => inputs[Math.floor(rnd() * inputs.length)]);
  const tIntersects = time(() => subset.forEach((z) => booleanIntersects(line, turfPolygon(z.parts))));
  const crossed = review.crossings.map((c) => inputs[Number(c.id.slice(1))]);
  const splitSample = crossed.slice(0, 5);
  let worst = 0;
  const tSplit = time(() => {
    for (const z of splitSample) {
      const inside = naiveInside(line, z) ?? 0;
      const ours = review.crossings.find((c) => c.id === z.id)?.length_m ?? 0;
      worst = Math.max(worst, Math.abs(inside - ours) / Math.max(ours, 1));
    }
  });
  const baseline = (tIntersects / subset.length) * inputs.length + (splitSample.length ? (tSplit / splitSample.length) * crossed.length : 0);

  const km = (review.route_length_m / 1000).toFixed(0);
  const setup = `${km} km, ${route.length.toLocaleString('fr-FR')} points × ${inputs.length.toLocaleString('fr-FR')} polygones`;
  const baseText = `${(baseline / 1000).toFixed(0)} s (turf.booleanIntersects + lineSplit, extrapolé de ${subset.length} polygones au hasard et de ${splitSample.length} des ${crossed.length} traversés)`;
  rows.push({
    what: `Revue environnementale à froid (${setup} ; index des emprises construit, index des bords à la demande ; ${review.crossings.length} zones traversées, ${review.near.length} proches à 500 m)`,
    ours: `${cold.toFixed(1)} ms`,
    baseline: baseText,
    ratio: `×${Math.round(baseline / cold).toLocaleString('fr-FR')}`,
  });
  rows.push({
    what: `Revue environnementale à chaud (mêmes zones préparées, index des bords gardés ; parcours modifié sur 5 km une fois sur deux)`,
    ours: `${warm.toFixed(1)} ms`,
    baseline: baseText,
    ratio: `×${Math.round(baseline / warm).toLocaleString('fr-FR')}`,
  });
  rows.push({
    what: `Validation de la couche à l’import (${inputs.length.toLocaleString('fr-FR')} polygones : anneaux, auto-intersections), une fois ; écart de longueur dedans avec turf (qui mesure sur la sphère) sur ${splitSample.length} zones : ${(worst * 100).toFixed(2)} %`,
    ours: `${validation.toFixed(1)} ms`,
    baseline: '—',
    ratio: '—',
  });
  return rows;
}

// run alone: npx tsx test/bench/review.ts
if (isMain(import.meta.url)) {
  const rows = await benchReview();
  console.log(benchTable(rows));
}
