// Benchmark of the environmental review (target #3 of shared/notes/performance.md; issue 15): a
// 200 km route with a point every ~10 m against 500, 5,000 and 50,000 polygons (5,000 is the
// density of the real layers: terrils and néonaturels are 50–500 m across, ~1 per km² over the
// basin's 100 × 50 km), beside the competent peer of ./review-peer.ts (flatbush over the zones'
// boxes, turf on each candidate), same inputs, same answers checked (the same zones crossed, their
// lengths within LENGTH_TOL, the same zones near, their distances within the same tolerance).
//
// Timing, the same way on both sides: single runs, interleaved (the order swapped every round),
// ROUNDS rounds (BARE_ROUNDS for the crossings alone), a minor collection before each run and no
// full one (see pair); the medians and the spread shown.
// - cold: a layer just loaded (fresh zone objects): prepareZones + reviewRoute, against the peer's
//   prepare + review.
// - warm: the zones prepared once and kept, the route edited (every other round has 5 km of it
//   moved 30 m north), as while a route is drawn; Cavalier keeps the route's frame from one review
//   to the next, as the engine does, and re-measures only the edited stretch.
// - crossings alone (issue 15's peer measured the crossings only): both sides with buffer_m 0,
//   so that no zone is measured for the near list, cold and warm as above.
// Then how the cost grows: the cold and warm figures at 50 to 50,000 polygons, and warm at 2, 20
// and 200 km of route, with the slopes of log(time) against log(size).
//
// `benchReview()` is called by test/bench/run.ts; `node --expose-gc --import tsx test/bench/review.ts`
// runs it alone.
import { benchTable, isMain, logLogSlope, type BenchRow } from './table';
import { prepareZones, reviewRoute, zonesFromGeoJson, type ReviewOptions, type RouteReview, type ZoneInput } from '../../src/core/review';
import { routeFrame } from '../../src/core/review/route-frame';
import type { Position } from '../../src/core/types';
import { peerPrepare, peerReview, type PeerReview } from './review-peer';

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
/** Fresh zone objects, so that nothing prepared survives from an earlier run. */
const copyZones = (zones: ZoneInput[]) => zones.map((z) => ({ ...z, parts: z.parts.map((p) => p.map((q): [number, number] => [q[0], q[1]])) }));
const fmt = (n: number) => n.toLocaleString('fr-FR');
const ms = (t: number) => (t < 10 ? t.toFixed(1) : t.toFixed(0));

const ROUNDS = 5;
/** The crossings-only rows cost little on either side: more rounds, a steadier median. */
const BARE_ROUNDS = 7;
const JIT_RUNS = 5;
const SIZES = [50, 500, 5000, 50_000];
/** Sphere against ellipsoid is 0.04–0.31 % at 50.45° N (turf's radius 6,371.0088 km against the radii of curvature 6,373 and 6,391 km); turf.lineSplit cuts at the polygon rounded to 7 decimals (≤ 1 cm). */
const LENGTH_TOL = (m: number) => 0.005 * m + 0.05;

/** Throws unless both sides give the same answer; returns the largest differences seen (relative). */
function sameAnswer(ours: RouteReview, peer: PeerReview, buffer_m: number): { length: number; short: number; distance: number } {
  let length = 0;
  let short = 0;
  let distance = 0;
  const crossed = new Map(ours.crossings.map((c) => [c.id, c.length_m]));
  for (const [id, l] of crossed) {
    const p = peer.crossed.get(id);
    if (p === undefined) throw new Error(`zone ${id}: crossed by Cavalier (${l} m), not by the peer`);
    if (Math.abs(p - l) > LENGTH_TOL(l)) throw new Error(`zone ${id}: ${l} m inside for Cavalier, ${p} m for the peer`);
    // relative for the crossings of 10 m or more, in metres for the shorter ones
    if (l >= 10) length = Math.max(length, Math.abs(p - l) / l);
    else short = Math.max(short, Math.abs(p - l));
  }
  for (const id of peer.crossed.keys()) if (!crossed.has(id)) throw new Error(`zone ${id}: crossed by the peer, not by Cavalier`);
  const near = new Map(ours.near.map((n) => [n.id, n.distance_m]));
  // a zone at the limit may be in on one side and out on the other, by the tolerance
  const atLimit = (d: number) => buffer_m - d <= LENGTH_TOL(buffer_m);
  for (const [id, d] of near) {
    const p = peer.near.get(id);
    if (p === undefined) {
      if (!atLimit(d)) throw new Error(`zone ${id}: near for Cavalier (${d} m), not for the peer`);
      continue;
    }
    if (Math.abs(p - d) > LENGTH_TOL(d)) throw new Error(`zone ${id}: ${d} m away for Cavalier, ${p} m for the peer`);
    distance = Math.max(distance, Math.abs(p - d) / Math.max(d, 1));
  }
  for (const [id, p] of peer.near) if (!near.has(id) && !atLimit(p)) throw new Error(`zone ${id}: near for the peer (${p} m), not for Cavalier`);
  return { length, short, distance };
}

interface Runs {
  ours: number[];
  peer: number[];
}

/**
 * One run of each, in the given order, a minor collection (the young generation only) before each
 * when node runs with --expose-gc: each side then starts with an empty nursery and pays for the
 * collections its own allocations cause, not for the other's garbage (without it, 50,000 polygons
 * warm measured Cavalier at 64–200 ms against 60–67 ms with it; the peer leaves far more garbage).
 * A full collection is not forced: it made both sides' next review 2–4 times slower (Cavalier
 * 240–500 against 60–70 ms, the peer 550–1,130 against 260–300 ms at 50,000 polygons, warm), which
 * is not what the app sees.
 */
const gc = (globalThis as { gc?: (options?: { type: 'minor' | 'major' }) => void }).gc;
const timed = (fn: () => void) => {
  gc?.({ type: 'minor' });
  return time(fn);
};
function pair(runs: Runs, round: number, ours: () => void, peer: () => void): void {
  if (round % 2 === 0) {
    runs.ours.push(timed(ours));
    runs.peer.push(timed(peer));
  } else {
    runs.peer.push(timed(peer));
    runs.ours.push(timed(ours));
  }
}

const range = (xs: number[]) => `${ms(Math.min(...xs))}–${ms(Math.max(...xs))}`;
const PEER_FULL = 'flatbush + turf.lineSplit, booleanPointInPolygon, length ; proches : flatbush neighbors sur le parcours, turf.pointToLineDistance';
const PEER_CROSSINGS = 'flatbush + turf.lineSplit, booleanPointInPolygon, length ; sans liste des zones proches';
function cells(r: Runs, peerLabel = PEER_FULL): Pick<BenchRow, 'ours' | 'baseline' | 'ratio'> {
  const ratios = r.ours.map((t, k) => r.peer[k] / t).sort((a, b) => a - b);
  return {
    ours: `médiane ${ms(median(r.ours))} ms (${range(r.ours)})`,
    baseline: `médiane ${ms(median(r.peer))} ms (${range(r.peer)}) (${peerLabel})`,
    ratio: `×${(median(r.peer) / median(r.ours)).toFixed(1)} (×${ratios[0].toFixed(1)}–${ratios[ratios.length - 1].toFixed(1)} selon la manche)`,
  };
}

/**
 * Cold and warm runs of both sides on one layer (see the file comment), and the answers compared.
 * `buffer_m` 0 (with `corridor_m` 0: no line zone here, so the crossings are the same) is the
 * crossings alone: no zone is measured for the near list on either side (Cavalier's near search
 * only meets the zones touching the route at 0 m, which sameAnswer leaves out at a 0 m limit).
 */
function coldWarm(inputs: ZoneInput[], route: Position[], edited: Position[], buffer_m: number, rounds = ROUNDS) {
  const options: ReviewOptions = buffer_m > 0 ? { buffer_m } : { buffer_m: 0, corridor_m: 0 };
  const cold: Runs = { ours: [], peer: [] };
  let review = reviewRoute([], prepareZones([]));
  let peer: PeerReview = { crossed: new Map(), near: new Map() };
  for (let r = 0; r < rounds; r++) {
    // cold: fresh zone objects for every run of either side
    const a = copyZones(inputs);
    const b = copyZones(inputs);
    pair(
      cold,
      r,
      () => {
        review = reviewRoute(route, prepareZones(a), options);
      },
      () => {
        peer = peerReview(route, peerPrepare(b), buffer_m);
      },
    );
  }
  const diff = sameAnswer(review, peer, buffer_m);
  // warm: prepared once (and reviewed once, as the first drawing would), then the route edited
  const prepared = prepareZones(copyZones(inputs));
  const peerZones = peerPrepare(copyZones(inputs));
  // Cavalier keeps the frame of the route last reviewed, as the engine does (review-engine.ts): the
  // next review measures again only the pieces the edit changed
  let frame = routeFrame(edited);
  sameAnswer(reviewRoute(frame, prepared, options), peerReview(edited, peerZones, buffer_m), buffer_m);
  const warm: Runs = { ours: [], peer: [] };
  for (let r = 0; r < rounds; r++) {
    const line = r % 2 ? edited : route;
    pair(
      warm,
      r,
      () => {
        frame = routeFrame(line, frame);
        reviewRoute(frame, prepared, options);
      },
      () => peerReview(line, peerZones, buffer_m),
    );
  }
  // the same review as from a fresh frame (to the micrometre: the lengths are float sums in another order)
  const rounded = (review: RouteReview) => JSON.stringify(review, (_, v) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v));
  const last = (rounds - 1) % 2 ? edited : route;
  if (rounded(reviewRoute(frame, prepared, options)) !== rounded(reviewRoute(last, prepared, options)))
    throw new Error('the review from the kept frame differs from the one from a fresh frame');
  return { cold, warm, review, diff };
}

export async function benchReview(): Promise<BenchRow[]> {
  const route = benchRoute();
  const edited = route.map((p, i): Position => (i >= 5000 && i < 5500 ? [p[0], p[1] + 30 / M_PER_DEG_LAT] : p));
  const rows: BenchRow[] = [];
  const buffer_m = 500;

  // the JIT's first meeting with both sides' code, on other data (the app reviews many routes)
  // (a few reviews of each kind: one left the first crossings-only runs 10–100 times slower)
  const jitRoute = benchRoute(20, 3);
  for (let k = 0; k < JIT_RUNS; k++)
    for (const n of [50, 500]) {
      const z = benchZones(n, 5 + k);
      reviewRoute(jitRoute, prepareZones(z));
      reviewRoute(jitRoute, prepareZones(z), { buffer_m: 0, corridor_m: 0 });
      peerReview(jitRoute, peerPrepare(z));
      peerReview(jitRoute, peerPrepare(z), 0);
    }

  const km = (reviewRoute(route, prepareZones([])).route_length_m / 1000).toFixed(0);
  const growth: { n: number; ours: number; peer: number; oursWarm: number; peerWarm: number }[] = [];
  for (const n of SIZES) {
    const inputs = benchZones(n);
    const { cold, warm, review, diff } = coldWarm(inputs, route, edited, buffer_m);
    // the crossings alone, right after, on the same layer
    const bare = n < 500 ? null : coldWarm(inputs, route, edited, 0, BARE_ROUNDS);
    // buffer_m 0 leaves Cavalier's crossings as they were: only the near list changes
    if (bare && JSON.stringify(bare.review.crossings) !== JSON.stringify(review.crossings))
      throw new Error(`${n} polygons: buffer_m 0 changed Cavalier’s crossings`);
    growth.push({ n, ours: median(cold.ours), peer: median(cold.peer), oursWarm: median(warm.ours), peerWarm: median(warm.peer) });
    if (n < 500) continue;
    const setup = `${km} km, ${fmt(route.length)} points × ${fmt(n)} polygones`;
    const same = `${review.crossings.length} zones traversées et ${review.near.length} proches à 500 m, les mêmes des deux côtés ; écarts de longueur ${(diff.length * 100).toFixed(2)} % (${(diff.short * 100).toFixed(1)} cm sous 10 m), de distance ${(diff.distance * 100).toFixed(2)} % (turf sur la sphère)`;
    rows.push({
      what: `Revue environnementale à froid (${setup} ; couche fraîche : préparation + revue, ${ROUNDS} manches en alternance ; ${same})`,
      ...cells(cold),
    });
    rows.push({
      what: `Revue environnementale à chaud (${setup} ; zones préparées et cadre du parcours gardés, parcours modifié sur 5 km une manche sur deux, ${ROUNDS} manches en alternance)`,
      ...cells(warm),
    });
    if (bare) {
      const bareSame = `${bare.review.crossings.length} zones traversées, les mêmes des deux côtés, écart de longueur ${(bare.diff.length * 100).toFixed(2)} %`;
      rows.push({
        what: `Revue, traversées seules, à froid (${setup} ; buffer_m 0 : pas de liste des zones proches ; couche fraîche, ${BARE_ROUNDS} manches en alternance ; ${bareSame})`,
        ...cells(bare.cold, PEER_CROSSINGS),
      });
      rows.push({
        what: `Revue, traversées seules, à chaud (${setup} ; buffer_m 0 ; zones préparées et cadre du parcours gardés, parcours modifié sur 5 km une manche sur deux, ${BARE_ROUNDS} manches en alternance)`,
        ...cells(bare.warm, PEER_CROSSINGS),
      });
    }
  }
  const ns = growth.map((g) => g.n);
  const s = (key: keyof (typeof growth)[number]) =>
    logLogSlope(
      ns,
      growth.map((g) => g[key]),
    ).toFixed(2);
  const list = (key: keyof (typeof growth)[number]) => growth.map((g) => ms(g[key])).join(' / ');
  rows.push({
    what: `Croissance du coût de la revue avec le nombre de polygones (${ns.map(fmt).join(' / ')} ; ${km} km) : médianes à froid, puis à chaud, et pente de log(temps) sur log(polygones)`,
    ours: `${list('ours')} ms, pente ${s('ours')} ; à chaud ${list('oursWarm')} ms, pente ${s('oursWarm')}`,
    baseline: `${list('peer')} ms, pente ${s('peer')} ; à chaud ${list('peerWarm')} ms, pente ${s('peerWarm')}`,
    ratio: '—',
  });

  // and with the route's length, the zones kept (warm): the same walk cut at 2, 20 and 200 km
  const zones = benchZones(5000);
  const prepared = prepareZones(zones);
  const peerZones = peerPrepare(zones);
  const lengths = [2, 20, 200];
  const byLength = lengths.map((k) => {
    const line = route.slice(0, Math.round((k * 1000) / 10) + 1);
    sameAnswer(reviewRoute(line, prepared), peerReview(line, peerZones, buffer_m), buffer_m);
    const runs: Runs = { ours: [], peer: [] };
    for (let r = 0; r < ROUNDS; r++)
      pair(
        runs,
        r,
        () => reviewRoute(line, prepared),
        () => peerReview(line, peerZones, buffer_m),
      );
    return { ours: median(runs.ours), peer: median(runs.peer) };
  });
  const ls = (xs: number[]) => `${xs.map(ms).join(' / ')} ms, pente ${logLogSlope(lengths, xs).toFixed(2)}`;
  rows.push({
    what: `Croissance du coût de la revue à chaud avec la longueur du parcours (${lengths.join(' / ')} km, ${fmt(zones.length)} polygones préparés, ${ROUNDS} manches en alternance) : médianes, et pente de log(temps) sur log(longueur)`,
    ours: ls(byLength.map((b) => b.ours)),
    baseline: ls(byLength.map((b) => b.peer)),
    ratio: '—',
  });

  // validating the layer (done once, at import): for the record
  const fc = {
    type: 'FeatureCollection',
    features: zones.map((z) => ({ type: 'Feature', properties: { name: z.name }, geometry: { type: 'Polygon', coordinates: z.parts } })),
  };
  const validation = median(Array.from({ length: 3 }, () => time(() => zonesFromGeoJson(fc, { file: 'bench', layer: 'bench', kind: 'terril' }))));
  rows.push({
    what: `Validation de la couche à l’import (${fmt(zones.length)} polygones : anneaux, auto-intersections), une fois`,
    ours: `${validation.toFixed(1)} ms`,
    baseline: '—',
    ratio: '—',
  });
  return rows;
}

// run alone: node --expose-gc --import tsx test/bench/review.ts
if (isMain(import.meta.url)) {
  const rows = await benchReview();
  console.log(benchTable(rows));
}
