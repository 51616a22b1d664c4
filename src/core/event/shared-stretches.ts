// The stretches of way that several formulas use: organisers design the 100, 42 and 21 km of an
// event together, and the map draws what they share with a casing of its own. Each line is cut
// into pieces of at most PIECE_M; a piece is shared with another line when its middle lies within
// `tolerance_m` of it and runs along it (either way: an out-and-back shares too), so two routes
// drawn on the same network ways match vertex for vertex, and two traced a few metres apart as
// well. Consecutive pieces shared by the same formulas make one stretch, told once (by the first
// of them in the order given), whatever the number of formulas sharing it.
import { metresPerDegree, positionsLength } from '../geo/geodesic';
import type { Position } from '../types';

export interface FormulaLine {
  id: string;
  coords: readonly Position[];
}

export interface SharedStretch {
  /** ids of the formulas that use the stretch, in the order of the lines given (at least two) */
  formulas: string[];
  coords: [number, number][];
  length_m: number;
}

/** longest piece a line is cut into: the precision of a stretch's ends */
const PIECE_M = 10;
/** a piece runs along a segment when their directions differ by less than this (either way) */
const MAX_ANGLE_DEG = 25;
const CELL_M = 50;

interface Seg {
  line: number;
  ax: number;
  ay: number;
  bx: number;
  by: number;
}

/**
 * Stretches used by at least two of the lines, within `tolerance_m` (default 8 m: a GPS trace or
 * a hand-placed straight leg on the same path). Lines of fewer than two points share nothing.
 */
export function sharedStretches(lines: readonly FormulaLine[], tolerance_m = 8): SharedStretch[] {
  const first = lines.find((l) => l.coords.length > 0)?.coords[0];
  if (!first || lines.length < 2) return [];
  // one flat frame for the whole event (a few tens of km: the scale changes by well under 1 %)
  const k = metresPerDegree(first[1]);
  const x = (p: Position) => (p[0] - first[0]) * k.x;
  const y = (p: Position) => (p[1] - first[1]) * k.y;
  const grid = new Map<string, Seg[]>();
  const cell = (cx: number, cy: number) => `${cx},${cy}`;
  lines.forEach((line, li) => {
    for (let i = 1; i < line.coords.length; i++) {
      const s: Seg = { line: li, ax: x(line.coords[i - 1]), ay: y(line.coords[i - 1]), bx: x(line.coords[i]), by: y(line.coords[i]) };
      const x0 = Math.floor((Math.min(s.ax, s.bx) - tolerance_m) / CELL_M);
      const x1 = Math.floor((Math.max(s.ax, s.bx) + tolerance_m) / CELL_M);
      const y0 = Math.floor((Math.min(s.ay, s.by) - tolerance_m) / CELL_M);
      const y1 = Math.floor((Math.max(s.ay, s.by) + tolerance_m) / CELL_M);
      for (let cx = x0; cx <= x1; cx++)
        for (let cy = y0; cy <= y1; cy++) {
          const key = cell(cx, cy);
          const list = grid.get(key);
          if (list) list.push(s);
          else grid.set(key, [s]);
        }
    }
  });
  const cosMax = Math.cos((MAX_ANGLE_DEG * Math.PI) / 180);

  /** the other lines a piece (mx, my: its middle; dx, dy: its direction) runs along */
  const sharers = (li: number, mx: number, my: number, dx: number, dy: number): number[] => {
    const found = new Set<number>();
    const dl = Math.hypot(dx, dy);
    for (const s of grid.get(cell(Math.floor(mx / CELL_M), Math.floor(my / CELL_M))) ?? []) {
      if (s.line === li || found.has(s.line)) continue;
      const sx = s.bx - s.ax;
      const sy = s.by - s.ay;
      const len2 = sx * sx + sy * sy;
      if (len2 === 0) continue;
      // the foot must fall on the segment (half a metre of slack where two segments meet): a
      // piece beyond the other line's end is not along it, however near its last point
      const t = ((mx - s.ax) * sx + (my - s.ay) * sy) / len2;
      const slack = 0.5 / Math.sqrt(len2);
      if (t < -slack || t > 1 + slack) continue;
      if (Math.hypot(mx - s.ax - t * sx, my - s.ay - t * sy) > tolerance_m) continue;
      if (Math.abs(dx * sx + dy * sy) / (dl * Math.sqrt(len2)) < cosMax) continue;
      found.add(s.line);
    }
    return [...found];
  };

  const out: SharedStretch[] = [];
  lines.forEach((line, li) => {
    let run: { set: string; ids: number[]; coords: [number, number][] } | null = null;
    const close = () => {
      if (run && run.coords.length >= 2) out.push({ formulas: run.ids.map((j) => lines[j].id), coords: run.coords, length_m: positionsLength(run.coords) });
      run = null;
    };
    for (let i = 1; i < line.coords.length; i++) {
      const a = line.coords[i - 1];
      const b = line.coords[i];
      const ax = x(a);
      const ay = y(a);
      const dx = x(b) - ax;
      const dy = y(b) - ay;
      const n = Math.max(1, Math.ceil(Math.hypot(dx, dy) / PIECE_M));
      if (dx === 0 && dy === 0) continue;
      for (let j = 0; j < n; j++) {
        const others = sharers(li, ax + ((j + 0.5) / n) * dx, ay + ((j + 0.5) / n) * dy, dx, dy);
        // told by the first line that uses it: the later ones skip it
        const ids = others.some((o) => o < li) || others.length === 0 ? null : [li, ...others].sort((p, q) => p - q);
        const set = ids?.join(',') ?? '';
        const current = run as { set: string } | null;
        if (!ids || current?.set !== set) close();
        if (!ids) continue;
        const from: [number, number] = [a[0] + (j / n) * (b[0] - a[0]), a[1] + (j / n) * (b[1] - a[1])];
        const to: [number, number] = [a[0] + ((j + 1) / n) * (b[0] - a[0]), a[1] + ((j + 1) / n) * (b[1] - a[1])];
        if (!run) run = { set, ids, coords: [from] };
        run.coords.push(to);
      }
    }
    close();
  });
  return out;
}
