import { describe, expect, it } from 'vitest';
import { isShareFragment, readShareFragment, SHARE_URL_MAX, shareFragment, type SharedRoute } from '../../../src/core/event/share';
import { encodePolyline } from '../../../src/core/route/polyline';
import type { LonLat } from '../../../src/core/route/model';

const POINTS: LonLat[] = [
  [2.832145, 50.432781],
  [2.840012, 50.43815],
  [2.851234, 50.441002],
  [2.832145, 50.432781],
];

const formula: SharedRoute = {
  route: { name: 'Trail des Pyramides Noires — Semi 21 km', points: POINTS, modes: ['network', 'straight', 'network'] },
  formula: { eventName: 'Trail des Pyramides Noires', formulaName: 'Semi 21 km & co', discipline: 'trail', targetDistance_m: 21000, laps: 2, loop: true },
};

describe('share link', () => {
  it('round-trips a formula: points to 1e-6°, modes, names, target, laps, loop', () => {
    const hash = `#${shareFragment(formula)}`;
    expect(isShareFragment(hash)).toBe(true);
    const back = readShareFragment(hash);
    if (!back.ok) throw new Error(back.error.code);
    expect(back.value).toEqual(formula);
  });

  it('writes the points as Google’s polyline at precision 6, and leaves out modes that all follow the paths', () => {
    const free: SharedRoute = { route: { name: 'Mon parcours', points: POINTS.slice(0, 2), modes: ['network'] }, formula: null };
    const text = shareFragment(free);
    expect(text).toBe(`partage=1&n=Mon%20parcours&p=${encodeURIComponent(encodePolyline(POINTS.slice(0, 2), 6))}`);
    const back = readShareFragment(text);
    expect(back.ok && back.value).toEqual(free);
  });

  it('refuses a link cut short, edited by hand, or of another version, naming the part', () => {
    const text = shareFragment(formula);
    const part = (hash: string) => {
      const r = readShareFragment(hash);
      return r.ok ? null : [r.error.code, r.error.detail?.part];
    };
    expect(part(text.replace('partage=1', 'partage=2'))).toEqual(['share.invalid', 'partage']);
    expect(part(text.replace(/&p=[^&]+/, '&p=abc'))).toEqual(['share.invalid', 'p']);
    expect(part(text.replace('m=nsn', 'm=ns'))).toEqual(['share.invalid', 'm']);
    expect(part(text.replace('m=nsn', 'm=nxn'))).toEqual(['share.invalid', 'm']);
    expect(part(text.replace('k=trail', 'k=golf'))).toEqual(['share.invalid', 'k']);
    expect(part(text.replace('l=2', 'l=0'))).toEqual(['share.invalid', 'l']);
    expect(part(`${text}&n=%E0%A4%A`)).toEqual(['share.invalid', 'n']);
    expect(isShareFragment('#map=12/50.4/2.8')).toBe(false);
  });

  it('a route of a few thousand points makes a link over the limit', () => {
    let seed = 3;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const many: LonLat[] = Array.from({ length: 2000 }, () => [2.3 + rand(), 50.2 + rand() * 0.5]);
    const long: SharedRoute = { route: { name: 'Long', points: many, modes: many.slice(1).map(() => 'network') }, formula: null };
    expect(shareFragment(long).length).toBeGreaterThan(SHARE_URL_MAX);
    // and still reads back
    expect(readShareFragment(shareFragment(long)).ok).toBe(true);
  });
});
