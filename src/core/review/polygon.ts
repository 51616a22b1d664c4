// Polygon zones: the stretches of the route inside, by toggling inside/outside at each boundary
// event met along the route (see ./crossings.ts for the conventions: zones closed, half-open
// rule, even-odd parity).

import { edgesInBox } from './edges';
import { pointInZone } from './locate';
import type { RouteFrame } from './route-frame';
import { addPiece, boxesMeet, CHUNK, PAD, type OpenPass } from './walk';
import type { PreparedZone } from './zones';

/** Events this close to a piece's end (as a fraction of the piece) are at its vertex. */
const T_EPS = 1e-9;
/** A zone vertex this close to a piece's line (degrees, ≈ 0.1 mm) is on it. */
const SIDE_EPS_DEG = 1e-9;

const UNKNOWN = -1;
const OUTSIDE = 0;
const INSIDE = 1;

/** Adds to `passes` the route's stretches inside the zone, walking the given chunks in order. */
export function polygonPasses(zone: PreparedZone, f: RouteFrame, chunks: readonly number[], boxes: Float64Array, passes: OpenPass[]): void {
  const pieces = f.len.length;
  let state = UNKNOWN; // of the route just before the next piece
  let previous = -1;
  for (const c of chunks) {
    // chunks skipped since the previous one were nowhere near the zone: the route is outside
    if (c !== previous + 1) state = OUTSIDE;
    previous = c;
    if (!boxesMeet(boxes, c, zone, PAD)) {
      // the whole chunk, and so its last point, is off the zone's box
      state = OUTSIDE;
      continue;
    }
    const j1 = Math.min(pieces, (c + 1) * CHUNK);
    for (let j = c * CHUNK; j < j1; j++) {
      if (f.gap[j]) {
        state = UNKNOWN;
        continue;
      }
      const ax = f.x[j];
      const ay = f.y[j];
      const bx = f.x[j + 1];
      const by = f.y[j + 1];
      if (
        Math.max(ax, bx) < zone.minX - PAD ||
        Math.min(ax, bx) > zone.maxX + PAD ||
        Math.max(ay, by) < zone.minY - PAD ||
        Math.min(ay, by) > zone.maxY + PAD
      ) {
        state = OUTSIDE;
        continue;
      }
      if (ax === bx && ay === by) continue; // a repeated point: nothing happens on it
      state = walkPiece(zone, f, j, state, passes);
    }
  }
}

// Scratch arrays reused for every piece: a piece rarely has more than a couple of events.
const evT: number[] = [];
const evParity: number[] = [];
const bndLo: number[] = [];
const bndHi: number[] = [];
const subStart: number[] = [];
const parityAfter: number[] = [];
const subState: number[] = [];

/**
 * Adds the inside stretches of piece j to `passes` and returns the state just after its end
 * (UNKNOWN when the piece ends on the boundary or along it, so that the next piece locates
 * itself afresh instead of trusting a toggle at a vertex).
 */
function walkPiece(zone: PreparedZone, f: RouteFrame, j: number, stateIn: number, passes: OpenPass[]): number {
  const ax = f.x[j];
  const ay = f.y[j];
  const dx = f.x[j + 1] - ax;
  const dy = f.y[j + 1] - ay;
  const L2 = dx * dx + dy * dy;
  const tol = SIDE_EPS_DEG * Math.sqrt(L2);
  const { xy, edges } = zone;
  evT.length = 0;
  evParity.length = 0;
  bndLo.length = 0;
  bndHi.length = 0;
  let startTouch = false;
  let endTouch = false;

  edgesInBox(zone, Math.min(ax, ax + dx) - PAD, Math.min(ay, ay + dy) - PAD, Math.max(ax, ax + dx) + PAD, Math.max(ay, ay + dy) + PAD, (e) => {
    const v = edges[e];
    const px = xy[2 * v];
    const py = xy[2 * v + 1];
    const qx = xy[2 * v + 2];
    const qy = xy[2 * v + 3];
    // twice the signed area: > 0 when the vertex is on the left of the piece
    const sp = dx * (py - ay) - dy * (px - ax);
    const sq = dx * (qy - ay) - dy * (qx - ax);
    const zp = Math.abs(sp) <= tol;
    const zq = Math.abs(sq) <= tol;
    if (zp && zq) {
      // the edge lies along the piece: the overlap is boundary, hence inside
      const tp = ((px - ax) * dx + (py - ay) * dy) / L2;
      const tq = ((qx - ax) * dx + (qy - ay) * dy) / L2;
      const lo = Math.min(tp, tq);
      const hi = Math.max(tp, tq);
      if (lo <= T_EPS && hi >= -T_EPS) startTouch = true;
      if (hi >= 1 - T_EPS && lo <= 1 + T_EPS) endTouch = true;
      const clo = Math.max(lo, 0);
      const chi = Math.min(hi, 1);
      if (chi - clo > T_EPS) {
        bndLo.push(clo);
        bndHi.push(chi);
      }
      return;
    }
    // half-open rule: a vertex on the line counts as on the left
    if ((zp || sp > 0) === (zq || sq > 0)) return;
    let t: number;
    if (zp) t = ((px - ax) * dx + (py - ay) * dy) / L2;
    else if (zq) t = ((qx - ax) * dx + (qy - ay) * dy) / L2;
    else {
      const r = sp / (sp - sq);
      t = ((px + r * (qx - px) - ax) * dx + (py + r * (qy - py) - ay) * dy) / L2;
    }
    if (t < -T_EPS || t > 1 + T_EPS) return;
    if (t <= T_EPS) startTouch = true;
    else if (t >= 1 - T_EPS) endTouch = true;
    else {
      evT.push(t);
      evParity.push(1);
    }
  });

  // the common case: nothing on this piece
  if (evT.length === 0 && bndLo.length === 0) {
    let state = stateIn;
    if (state === UNKNOWN || startTouch) state = pointInZone(zone, ax + dx / 2, ay + dy / 2) ? INSIDE : OUTSIDE;
    if (state === INSIDE) addPiece(f, passes, j, 0, 1);
    return endTouch ? UNKNOWN : state;
  }

  // break points: toggles, and the ends of stretches along the boundary
  for (let k = 0; k < bndLo.length; k++) {
    if (bndLo[k] > T_EPS) {
      evT.push(bndLo[k]);
      evParity.push(0);
    }
    if (bndHi[k] < 1 - T_EPS) {
      evT.push(bndHi[k]);
      evParity.push(0);
    }
  }
  sortEvents();
  // sub-stretches between distinct break points: stretch k begins at subStart[k], and
  // parityAfter[k] is the number of toggles (mod 2) where it ends
  subStart.length = 0;
  parityAfter.length = 0;
  subStart.push(0);
  for (let k = 0; k < evT.length; k++) {
    const last = subStart.length - 1;
    // every event lies strictly inside the piece, so it never equals the first start, 0
    if (evT[k] === subStart[last]) parityAfter[last - 1] ^= evParity[k];
    else {
      parityAfter.push(evParity[k]);
      subStart.push(evT[k]);
    }
  }
  const n = subStart.length; // stretches 0 … n − 1, stretch k from subStart[k] to subStart[k + 1] (or 1)
  const end = (k: number) => (k + 1 < n ? subStart[k + 1] : 1);
  const onBoundary = (k: number) => {
    const mid = (subStart[k] + end(k)) / 2;
    for (let b = 0; b < bndLo.length; b++) if (bndLo[b] <= mid && mid <= bndHi[b]) return true;
    return false;
  };

  // the state of one stretch off the boundary, then parity forwards and backwards from it
  let k0 = 0;
  let s0 = stateIn;
  if (stateIn === UNKNOWN || startTouch) {
    k0 = -1;
    for (let k = 0; k < n; k++) {
      if (!onBoundary(k)) {
        k0 = k;
        break;
      }
    }
    if (k0 < 0) {
      // the whole piece runs along the boundary
      addPiece(f, passes, j, 0, 1);
      return UNKNOWN;
    }
    const mid = (subStart[k0] + end(k0)) / 2;
    s0 = pointInZone(zone, ax + mid * dx, ay + mid * dy) ? INSIDE : OUTSIDE;
  }
  subState.length = n;
  subState[k0] = s0;
  for (let k = k0 + 1; k < n; k++) subState[k] = subState[k - 1] ^ parityAfter[k - 1];
  for (let k = k0 - 1; k >= 0; k--) subState[k] = subState[k + 1] ^ parityAfter[k];

  for (let k = 0; k < n; k++) {
    if (subState[k] === INSIDE || onBoundary(k)) addPiece(f, passes, j, subStart[k], end(k));
  }
  return endTouch || onBoundary(n - 1) ? UNKNOWN : subState[n - 1];
}

/** Insertion sort of the few events of a piece, by position. */
function sortEvents(): void {
  for (let i = 1; i < evT.length; i++) {
    const t = evT[i];
    const p = evParity[i];
    let k = i - 1;
    while (k >= 0 && evT[k] > t) {
      evT[k + 1] = evT[k];
      evParity[k + 1] = evParity[k];
      k--;
    }
    evT[k + 1] = t;
    evParity[k + 1] = p;
  }
}
