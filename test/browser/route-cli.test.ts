// The same points drawn in the app and given to `cavalier route`: the same figures, and the
// detour flag with its one-click straight line (issue 12). Libercourt → Oignies is a flagged leg
// of the town-to-town benchmark (×2.2: the known lines go round).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCavalier } from '../helpers/cli';
import { karneyLength } from '../helpers/karney';
import { TOWNS } from '../bench/towns';
import { clickMapAt, fitMapTo, legsSettled, startPlanner, type StartedApp } from './harness';

type LonLat = [number, number];
const from = TOWNS.Libercourt;
const to = TOWNS.Oignies;
let app: StartedApp;

beforeAll(async () => {
  app = await startPlanner(from);
  await fitMapTo(app.page, [from, to], 150);
  await app.page.click('[data-testid=tool-draw]');
});

afterAll(async () => {
  await app?.close();
});

describe('a route drawn in the app and by cavalier route', () => {
  it('gives the same figures, and flags the detour', async () => {
    await clickMapAt(app.page, from);
    await clickMapAt(app.page, to);
    await legsSettled(app.page, 1);
    const points = await app.page.evaluate(() => (window.__cavalierController as unknown as { route: { points: LonLat[] } }).route.points);
    const r = await runCavalier(['route', ...points.map((p) => `${p[0]},${p[1]}`), '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const shown = Number(await app.page.getAttribute('[data-testid=stat-length]', 'data-value'));
    expect(Math.abs(shown - out.length_m)).toBeLessThanOrEqual(0.01);
    expect(out.legs[0].flagged).toBe(true);
    const leg = app.page.locator('[data-testid=leg]').first();
    expect(Number(await leg.getAttribute('data-detour'))).toBeCloseTo(out.legs[0].detour, 2);
    const label = (await app.page.textContent('[data-testid=leg-detour]')) ?? '';
    const flag = `détour ×${out.legs[0].detour.toFixed(1).replace('.', ',')}`;
    expect(label).toContain(flag);
    // and written on the map along the leg, in the shipped font
    const drawn = await app.page.waitForFunction(
      (text) => {
        const map = window.__cavalierMap as unknown as { queryRenderedFeatures: (o: { layers: string[] }) => { properties: { label?: string } }[] };
        const labels = map.queryRenderedFeatures({ layers: ['cav-route-detour-labels'] }).map((f) => f.properties.label);
        return labels.includes(text) ? labels : null;
      },
      flag,
      { timeout: 20_000 },
    );
    expect(await drawn.jsonValue()).toContain(flag);
  });

  it('draws the flagged leg straight in one click', async () => {
    await app.page.click('[data-testid=leg-detour-straight]');
    await app.page.waitForFunction(() => document.querySelector('[data-testid=leg]')?.getAttribute('data-mode') === 'straight');
    await legsSettled(app.page, 1);
    const points = await app.page.evaluate(() => (window.__cavalierController as unknown as { route: { points: LonLat[] } }).route.points);
    const shown = Number(await app.page.getAttribute('[data-testid=stat-length]', 'data-value'));
    expect(shown).toBeCloseTo(karneyLength([points[0], points[1]]), 0);
    expect(await app.page.locator('[data-testid=leg-detour]').count()).toBe(0);
  });
});
