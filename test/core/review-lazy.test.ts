// Zones prepared lazily (issue 15): prepareZones builds only the boxes and their index; a zone's
// typed arrays are made when a route's corridor first meets its box (zoneAt). The review must say
// exactly what it said when every zone was prepared up front, and the near list, which comes from
// the index query bounded by the near distance, must be what a scan of every zone finds.
import { describe, expect, it } from 'vitest';
import { prepareZones, reviewRoute, type ZoneInput } from '../../src/core/review';
import { zoneAt } from '../../src/core/review/zones';
import type { Position } from '../../src/core/types';

const RAD = Math.PI / 180;
let seed = 4242;
const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;

/** A star-shaped polygon of n vertices around (cx, cy), radius r metres (±40 %), with a hole when asked. */
function starZone(id: number, cx: number, cy: number, r: number, n: number, hole = false): ZoneInput {
  const ring = (rr: number): [number, number][] => {
    const out: [number, number][] = [];
    for (let k = 0; k < n; k++) {
      const a = (2 * Math.PI * k) / n;
      const d = rr * (0.6 + 0.4 * rnd());
      out.push([cx + (d * Math.cos(a)) / (111_320 * Math.cos(cy * RAD)), cy + (d * Math.sin(a)) / 111_200]);
    }
    out.push([out[0][0], out[0][1]]);
    return out;
  };
  const parts = hole ? [ring(r), ring(r * 0.3)] : [ring(r)];
  return { id: `Z${id}`, name: `Zone ${id}`, kind: 'test', layer: 'test', geometry: 'polygon', parts };
}

/** 400 zones (some with holes, some with 60 vertices so that their edge index is built) over 20 × 20 km, and 3 corridor lines. */
function layer(): ZoneInput[] {
  const zones: ZoneInput[] = [];
  for (let i = 0; i < 400; i++)
    zones.push(starZone(i, 2.8 + rnd() * 0.28, 50.4 + rnd() * 0.18, 40 + rnd() * 200, i % 7 === 0 ? 60 : 8 + (i % 20), i % 5 === 0));
  for (let i = 0; i < 3; i++) {
    const y = 50.45 + i * 0.03;
    zones.push({
      id: `L${i}`,
      name: `Corridor ${i}`,
      kind: 'corridor',
      layer: 'test',
      geometry: 'line',
      parts: [
        [
          [2.8, y],
          [2.95, y + 0.01],
          [3.08, y],
        ],
      ],
    });
  }
  return zones;
}

/** A 15 km wandering route in the west half of the layer, a point every ~20 m. */
function route(): Position[] {
  const out: Position[] = [[2.83, 50.42]];
  let heading = 0.3;
  for (let i = 0; i < 750; i++) {
    heading += (rnd() - 0.5) * 0.5;
    const [x, y] = out[out.length - 1];
    out.push([x + (20 * Math.cos(heading)) / (111_320 * Math.cos(y * RAD)), Math.min(50.57, Math.max(50.41, y + (20 * Math.sin(heading)) / 111_200))]);
  }
  return out;
}

/** Every zone prepared before the review, as prepareZones did before it was lazy. */
function eager(zones: ZoneInput[]) {
  const p = prepareZones(zones);
  for (let i = 0; i < p.inputs.length; i++) zoneAt(p, i);
  return p;
}

describe('lazy preparation', () => {
  const zones = layer();
  const line = route();

  it('gives the same review as every zone prepared up front, cold and warm', () => {
    const lazy = prepareZones(zones);
    const cold = reviewRoute(line, lazy);
    expect(cold.crossings.length).toBeGreaterThan(5);
    expect(cold.near.length).toBeGreaterThan(5);
    expect(cold).toEqual(reviewRoute(line, eager(zones)));
    // warm: the zones made ready by the first review are reused, others made for the second route
    const moved = line.map(([x, y]): Position => [x + 0.1, y]);
    expect(reviewRoute(moved, lazy)).toEqual(reviewRoute(moved, eager(zones)));
    expect(reviewRoute(line, lazy)).toEqual(cold);
  });

  it('makes ready only the zones whose box the corridor meets', () => {
    const lazy = prepareZones(zones);
    expect(lazy.zones.filter(Boolean)).toHaveLength(0);
    const r = reviewRoute(line, lazy);
    const made = new Set(lazy.zones.flatMap((z) => (z ? [z.id] : [])));
    // every zone the review names was made ready
    for (const z of [...r.crossings, ...r.near]) expect(made.has(z.id)).toBe(true);
    // none whose box is farther than 2 km from every point of the route (the corridor is 500 m plus a chunk's box)
    const far = zones.filter((z) => {
      const xs = z.parts.flat().map((p) => p[0]);
      const ys = z.parts.flat().map((p) => p[1]);
      const [w, e, s, n] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      return line.every(([x, y]) => {
        const gx = Math.max(0, w - x, x - e) * 111_320 * Math.cos(y * RAD);
        const gy = Math.max(0, s - y, y - n) * 111_200;
        return Math.hypot(gx, gy) > 2000;
      });
    });
    expect(far.length).toBeGreaterThan(200);
    for (const z of far) expect(made.has(z.id)).toBe(false);
  });
});

describe('the near list against a scan of every zone', () => {
  /** Shortest distance (m) between two segments on the local plane at their latitude (WGS84 radii of curvature). */
  function segmentGap(a: Position, b: Position, p: number[], q: number[]): number {
    const lat = a[1] * RAD;
    const e2 = 0.0066943799901413165;
    const w = 1 - e2 * Math.sin(lat) ** 2;
    const mx = (6378137 / Math.sqrt(w)) * Math.cos(lat) * RAD;
    const my = ((6378137 * (1 - e2)) / w ** 1.5) * RAD;
    const plane = (v: readonly number[]) => [(v[0] - a[0]) * mx, (v[1] - a[1]) * my];
    const [A, B, C, D] = [plane(a), plane(b), plane(p), plane(q)];
    const cross = (o: number[], u: number[], v: number[]) => (u[0] - o[0]) * (v[1] - o[1]) - (u[1] - o[1]) * (v[0] - o[0]);
    // crossing segments touch
    if (cross(A, B, C) * cross(A, B, D) < 0 && cross(C, D, A) * cross(C, D, B) < 0) return 0;
    const toSeg = (v: number[], s: number[], t: number[]) => {
      const dx = t[0] - s[0];
      const dy = t[1] - s[1];
      const l2 = dx * dx + dy * dy;
      const u = l2 > 0 ? Math.max(0, Math.min(1, ((v[0] - s[0]) * dx + (v[1] - s[1]) * dy) / l2)) : 0;
      return Math.hypot(v[0] - s[0] - u * dx, v[1] - s[1] - u * dy);
    };
    return Math.min(toSeg(A, C, D), toSeg(B, C, D), toSeg(C, A, B), toSeg(D, A, B));
  }

  it('finds the same zones within 500 m, at the same distances', () => {
    const zones = layer().filter((z) => z.geometry === 'polygon');
    const line = route();
    const r = reviewRoute(line, prepareZones(zones));
    const crossed = new Set(r.crossings.map((c) => c.id));
    const found = new Map(r.near.map((n) => [n.id, n.distance_m]));
    let checked = 0;
    for (const z of zones) {
      if (crossed.has(z.id)) continue;
      // a scan of all 400 zones, to the route's every segment (a segment more than 600 m from the
      // zone's box skipped): the brute force the index spares
      const xs = z.parts.flat().map((p) => p[0]);
      const ys = z.parts.flat().map((p) => p[1]);
      const [w, e, s, n] = [Math.min(...xs) - 0.0085, Math.max(...xs) + 0.0085, Math.min(...ys) - 0.0055, Math.max(...ys) + 0.0055];
      let d = Infinity;
      for (let j = 0; j + 1 < line.length; j++) {
        const [a, b] = [line[j], line[j + 1]];
        if (Math.max(a[0], b[0]) < w || Math.min(a[0], b[0]) > e || Math.max(a[1], b[1]) < s || Math.min(a[1], b[1]) > n) continue;
        for (const ring of z.parts) for (let k = 0; k + 1 < ring.length; k++) d = Math.min(d, segmentGap(a, b, ring[k], ring[k + 1]));
      }
      if (d < 499) {
        expect(found.get(z.id), `${z.id} at ${d} m`).toBeDefined();
        expect(Math.abs((found.get(z.id) ?? Infinity) - d)).toBeLessThan(0.01 + 1e-4 * d);
        checked++;
      } else if (d > 501) expect(found.has(z.id), `${z.id} at ${d} m`).toBe(false);
    }
    expect(checked).toBeGreaterThan(5);
  }, 60_000);
});
