// Merging line sources that describe the same ground. The regional véloroutes often run on the
// old cavaliers, and the OpenStreetMap route relations on both (and on each other: a GR and a
// local walk share their paths). Noding such copies side by side would give two parallel edges a
// few metres apart, joined every 50 m by a bridged gap: the network's length and joins would be
// counted twice, and a route would zigzag between the copies. So a line of a later source keeps
// only its stretches that lie away from every line already taken; the join pass of buildGraph
// then ties each kept stretch's ends to the line it left.
import { segmentLength } from '../geo/geodesic';
import type { NetworkLine } from './build';

export interface ConflateOptions {
  /** a vertex this close to a line already taken is on that line (m) */
  within_m: number;
  /**
   * a covered stretch shorter than this is kept: crossing another line at a right angle covers
   * 2 × within_m of a line without following it (m)
   */
  minRun_m?: number;
  /** lines are sampled at this step at most for the test (m) */
  step_m?: number;
}

export interface ConflateReport {
  /** length of the candidate lines (m) */
  input_m: number;
  /** length kept, away from the lines already taken (m) */
  kept_m: number;
  /** length left out, on a line already taken (m) */
  shared_m: number;
}

const M_PER_DEG_LAT = 110_574;

/**
 * Segments of the lines taken so far in a uniform grid over a local metric frame (the basin spans
 * 1.5° of longitude: an equirectangular frame at its latitude is good to 0.5 % over a few metres).
 * A grid rather than a static tree, as each kept stretch is added before the next line is tested.
 */
export class LineCoverage {
  private readonly cell: number;
  private readonly kx: number;
  private readonly cells = new Map<string, number[]>();
  /** x1, y1, x2, y2 of every segment, in metres */
  private seg: number[] = [];

  constructor(refLat: number, cell_m = 100) {
    this.cell = cell_m;
    this.kx = 111_320 * Math.cos((refLat * Math.PI) / 180);
  }

  private xy(c: [number, number]): [number, number] {
    return [c[0] * this.kx, c[1] * M_PER_DEG_LAT];
  }

  add(coords: readonly [number, number][]): void {
    for (let i = 0; i + 1 < coords.length; i++) {
      const [x1, y1] = this.xy(coords[i]);
      const [x2, y2] = this.xy(coords[i + 1]);
      const id = this.seg.length / 4;
      this.seg.push(x1, y1, x2, y2);
      const c = this.cell;
      for (let gx = Math.floor(Math.min(x1, x2) / c); gx <= Math.floor(Math.max(x1, x2) / c); gx++)
        for (let gy = Math.floor(Math.min(y1, y2) / c); gy <= Math.floor(Math.max(y1, y2) / c); gy++) {
          const k = `${gx},${gy}`;
          const list = this.cells.get(k);
          if (list) list.push(id);
          else this.cells.set(k, [id]);
        }
    }
  }

  /** true when a segment taken so far passes within r metres of the point (r ≤ the cell size) */
  covers(c: [number, number], r: number): boolean {
    const [px, py] = this.xy(c);
    const gx0 = Math.floor((px - r) / this.cell);
    const gy0 = Math.floor((py - r) / this.cell);
    const gx1 = Math.floor((px + r) / this.cell);
    const gy1 = Math.floor((py + r) / this.cell);
    const r2 = r * r;
    for (let gx = gx0; gx <= gx1; gx++)
      for (let gy = gy0; gy <= gy1; gy++) {
        const list = this.cells.get(`${gx},${gy}`);
        if (!list) continue;
        for (const id of list) {
          const x1 = this.seg[4 * id];
          const y1 = this.seg[4 * id + 1];
          const dx = this.seg[4 * id + 2] - x1;
          const dy = this.seg[4 * id + 3] - y1;
          const len2 = dx * dx + dy * dy;
          let t = len2 === 0 ? 0 : ((px - x1) * dx + (py - y1) * dy) / len2;
          t = t < 0 ? 0 : t > 1 ? 1 : t;
          const ex = x1 + t * dx - px;
          const ey = y1 + t * dy - py;
          if (ex * ex + ey * ey <= r2) return true;
        }
      }
    return false;
  }
}

/** The line with vertices added so that no segment is longer than step_m. */
function densify(coords: readonly [number, number][], step_m: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < coords.length; i++) {
    const [x1, y1] = coords[i];
    const [x2, y2] = coords[i + 1];
    out.push(coords[i]);
    const n = Math.ceil(segmentLength(x1, y1, x2, y2) / step_m);
    for (let k = 1; k < n; k++) out.push([x1 + ((x2 - x1) * k) / n, y1 + ((y2 - y1) * k) / n]);
  }
  if (coords.length) out.push(coords[coords.length - 1]);
  return out;
}

const runLength = (coords: readonly [number, number][], a: number, b: number) => {
  let m = 0;
  for (let i = a; i < b; i++) m += segmentLength(coords[i][0], coords[i][1], coords[i + 1][0], coords[i + 1][1]);
  return m;
};

/**
 * Adds `candidates` to `coverage` one after the other (longest first, so that a long route is
 * kept whole rather than a short loop that shares its path) and returns the stretches of each
 * that no line taken before covers. Kept stretches start and end on the first and last covered
 * sample next to them, so that they touch the line they leave and need no wide join.
 */
export function conflateLines(
  coverage: LineCoverage,
  candidates: readonly NetworkLine[],
  options: ConflateOptions,
): { lines: NetworkLine[]; report: ConflateReport } {
  const within = options.within_m;
  const minRun = options.minRun_m ?? 4 * within;
  const step = options.step_m ?? Math.max(2, within / 2);
  const report: ConflateReport = { input_m: 0, kept_m: 0, shared_m: 0 };
  const sized = candidates.map((l) => ({ l, m: runLength(l.coords, 0, l.coords.length - 1) }));
  sized.sort((a, b) => b.m - a.m);
  const out: NetworkLine[] = [];
  for (const { l, m } of sized) {
    report.input_m += m;
    if (l.coords.length < 2) continue;
    const pts = densify(l.coords, step);
    const covered = pts.map((p) => coverage.covers(p, within));
    // covered stretches too short to be a shared path count as free: a crossing, or an end that
    // touches the line it starts from (kept, it shares that line's vertex and needs no join)
    for (let i = 0; i < pts.length; ) {
      if (!covered[i]) {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < pts.length && covered[j + 1]) j++;
      const whole = i === 0 && j === pts.length - 1;
      if (!whole && runLength(pts, i, j) < minRun) for (let k = i; k <= j; k++) covered[k] = false;
      i = j + 1;
    }
    const kept: [number, number][][] = [];
    let current: [number, number][] | null = null;
    for (let i = 0; i < pts.length; i++) {
      if (!covered[i]) {
        if (!current) current = i > 0 ? [pts[i - 1]] : [];
        current.push(pts[i]);
      } else if (current) {
        current.push(pts[i]);
        kept.push(current);
        current = null;
      }
    }
    if (current) kept.push(current);
    for (const part of kept) {
      const simplified = dropDensified(part, l.coords);
      if (simplified.length < 2) continue;
      report.kept_m += runLength(simplified, 0, simplified.length - 1);
      coverage.add(simplified);
      // a cut piece of an OSM way stays exact: its cut end lies within `within_m` of the line it gave
      // way to, inside the 25 m an exact end is joined within (build.ts)
      const line: NetworkLine = l.name === undefined ? { coords: simplified, kind: l.kind } : { coords: simplified, kind: l.kind, name: l.name };
      if (l.exact) line.exact = true;
      out.push(line);
    }
  }
  report.shared_m = report.input_m - report.kept_m;
  return { lines: out, report };
}

/** The part's own vertices plus its two ends: the samples added for the test are not geometry. */
function dropDensified(part: [number, number][], original: readonly [number, number][]): [number, number][] {
  const own = new Set(original.map((c) => `${c[0]},${c[1]}`));
  return part.filter((c, i) => i === 0 || i === part.length - 1 || own.has(`${c[0]},${c[1]}`));
}
