// A route in a link, as brouter-web and gpx.studio share one: the drawn route or a formula, put
// in the URL's fragment (never sent to any server), compact enough to paste in a message.
//
//   #partage=1&n=<name>&p=<points, encoded polyline at precision 6>&m=<modes>[&e=<event>&f=<formula>&k=<discipline>&d=<target m>&l=<laps>&o=1]
//
// - p: the control points (the legs are computed again on opening, by the same network), in
//   Google's encoded polyline at precision 6 (11 cm: a point snapped to the network stays on it);
// - m: one letter per leg, n (follows the paths) or s (straight line), left out when every leg
//   follows the paths;
// - e, f, k, d, l, o: what a formula adds (its event's and its own name, the discipline, the
//   target distance, the laps, a loop); absent for a free route. Points on the course and
//   cut-offs stay in the project file: the link carries the line.
// Each value goes through encodeURIComponent. Past SHARE_URL_MAX characters a link is refused
// (some mail and chat programs cut longer ones): the project file is the way then.
import { fail, ok, type Result } from '../errors';
import type { LegMode } from '../route/leg';
import type { RouteModel } from '../route/model';
import { decodePolyline, encodePolyline } from '../route/polyline';
import { DISCIPLINES, type Discipline } from './model';

export const SHARE_URL_MAX = 8000;
const KEY = 'partage';
const VERSION = '1';
const PRECISION = 6;
const MAX_POINTS = 5000;
const MAX_NAME = 200;

interface SharedFormula {
  eventName: string;
  formulaName: string;
  discipline: Discipline;
  targetDistance_m: number;
  laps: number;
  loop: boolean;
}

export interface SharedRoute {
  route: RouteModel;
  /** set when a formula was shared */
  formula: SharedFormula | null;
}

/** The fragment (without '#') that carries the route. */
export function shareFragment(shared: SharedRoute): string {
  const { route, formula } = shared;
  const parts: [string, string][] = [
    [KEY, VERSION],
    ['n', route.name],
    ['p', encodePolyline(route.points, PRECISION)],
  ];
  if (route.modes.some((m) => m !== 'network')) parts.push(['m', route.modes.map((m) => (m === 'network' ? 'n' : 's')).join('')]);
  if (formula) {
    parts.push(['e', formula.eventName], ['f', formula.formulaName], ['k', formula.discipline]);
    if (formula.targetDistance_m > 0) parts.push(['d', String(Math.round(formula.targetDistance_m))]);
    if (formula.laps > 1) parts.push(['l', String(formula.laps)]);
    if (formula.loop) parts.push(['o', '1']);
  }
  return parts.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
}

/** Whether a URL fragment (with or without '#') is a share link at all. */
export function isShareFragment(hash: string): boolean {
  return hash.replace(/^#/, '').startsWith(`${KEY}=`);
}

/**
 * The route of a share link's fragment. 'share.invalid' (with the part at fault in detail.part)
 * when it is one but cannot be read: cut short, edited by hand, or of a newer version.
 */
export function readShareFragment(hash: string): Result<SharedRoute> {
  const values = new Map<string, string>();
  for (const piece of hash.replace(/^#/, '').split('&')) {
    const eq = piece.indexOf('=');
    if (eq <= 0) continue;
    try {
      values.set(piece.slice(0, eq), decodeURIComponent(piece.slice(eq + 1)));
    } catch {
      return fail('share.invalid', { part: piece.slice(0, eq) });
    }
  }
  const bad = (part: string) => fail<SharedRoute>('share.invalid', { part });
  if (values.get(KEY) !== VERSION) return bad(KEY);
  const name = values.get('n') ?? '';
  if (name.length > MAX_NAME) return bad('n');
  const points = decodePolyline(values.get('p') ?? '', PRECISION);
  if (!points || points.length < 2 || points.length > MAX_POINTS) return bad('p');
  if (points.some(([lon, lat]) => !(Math.abs(lat) <= 90 && Math.abs(lon) <= 180))) return bad('p');
  const m = values.get('m') ?? 'n'.repeat(points.length - 1);
  if (m.length !== points.length - 1 || /[^ns]/.test(m)) return bad('m');
  const modes: LegMode[] = Array.from(m, (c) => (c === 'n' ? 'network' : 'straight'));
  const route: RouteModel = { name, points, modes };
  if (!values.has('f')) return ok({ route, formula: null });

  const eventName = values.get('e') ?? '';
  const formulaName = values.get('f') ?? '';
  if (eventName.length > MAX_NAME || formulaName.length > MAX_NAME) return bad('f');
  const discipline = values.get('k') as Discipline | undefined;
  if (!discipline || !DISCIPLINES.includes(discipline)) return bad('k');
  const target = Number(values.get('d') ?? '0');
  if (!Number.isInteger(target) || target < 0 || target > 1_000_000) return bad('d');
  const laps = Number(values.get('l') ?? '1');
  if (!Number.isInteger(laps) || laps < 1 || laps > 100) return bad('l');
  const loop = values.get('o') === '1';
  return ok({ route, formula: { eventName, formulaName, discipline, targetDistance_m: target, laps, loop } });
}
