// « Nouvelle formule depuis un tronçon » in the browser: a formula is drawn, a stretch of it
// between two km becomes a new formula whose distance, measured by the worker, is to − from.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, LineString } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lonLatToPage, ROOT, startApp, waitForMapReady, type StartedApp, fitMapTo, waitForNetwork } from './harness';

type LonLat = [number, number];

const reseau = JSON.parse(readFileSync(join(ROOT, 'public/data/reseau.geojson'), 'utf8')) as FeatureCollection<LineString, { kind: string; length_m: number }>;
const edge = reseau.features
  .filter((f) => f.properties.kind === 'path' && f.properties.length_m > 2500 && f.properties.length_m < 4000 && f.geometry.coordinates.length >= 9)
  .sort((a, b) => b.geometry.coordinates.length - a.geometry.coordinates.length)[0].geometry.coordinates as LonLat[];
const clicks: LonLat[] = [edge[0], edge[Math.floor(edge.length / 2)], edge[edge.length - 1]];

let app: StartedApp;
const formulaItems = () => app.page.locator('[data-testid=formula-item]');

beforeAll(async () => {
  app = await startApp({ viewport: { width: 1280, height: 1000 } });
  await waitForMapReady(app.page);
  await waitForNetwork(app.page, clicks[0]);
  await app.page.waitForSelector('[data-testid=events-panel][data-session^=empty]');
});

afterAll(async () => {
  await app?.close();
});

describe('a new formula from a stretch of another', () => {
  it('creates the stretch between two km, its distance in the panel being to − from', async () => {
    await app.page.click('[data-testid=event-template-trail-pyramides-noires]');
    await expect.poll(() => formulaItems().count()).toBe(4);
    await fitMapTo(app.page, edge, 120);
    await app.page.click('[data-testid=tool-draw]');
    for (const c of clicks) {
      const p = await lonLatToPage(app.page, c);
      await app.page.mouse.click(p.x, p.y);
    }
    await app.page.click('[data-testid=tool-draw]');
    const source = formulaItems().first();
    await expect.poll(() => source.getAttribute('data-status'), { timeout: 20_000 }).toBe('short');
    const length = Number(await source.getAttribute('data-total'));
    expect(length).toBeGreaterThan(2200);

    const from = 0.4;
    const to = 2.1;
    await source.locator('[data-testid=formula-stretch]').click();
    const form = app.page.locator('[data-testid=formula-stretch-form]');
    // refused: the end beyond the route
    await form.locator('[data-testid=formula-stretch-from]').fill(String(from));
    await form.locator('[data-testid=formula-stretch-to]').fill(String(length / 1000 + 1));
    await form.locator('[data-testid=formula-stretch-create]').click();
    await expect.poll(() => form.locator('[data-testid=formula-stretch-error]').count()).toBe(1);
    expect(await formulaItems().count()).toBe(4);
    // refused: from after to
    await form.locator('[data-testid=formula-stretch-to]').fill('0.2');
    await form.locator('[data-testid=formula-stretch-create]').click();
    expect(await formulaItems().count()).toBe(4);

    await form.locator('[data-testid=formula-stretch-to]').fill(String(to));
    await form.locator('[data-testid=formula-stretch-create]').click();
    await expect.poll(() => formulaItems().count()).toBe(5);
    const added = formulaItems().nth(1);
    expect(await added.locator('.cav-formula-name').textContent()).toBe('Ultra 100 km, km 0,4–2,1');
    // the new formula is on the map and measured by the worker
    expect(await added.getAttribute('class')).toContain('is-active');
    await expect.poll(() => added.getAttribute('data-status'), { timeout: 20_000 }).not.toMatch(/^(empty|computing)$/);
    const total = Number(await added.getAttribute('data-total'));
    expect(Math.abs(total - (to - from) * 1000)).toBeLessThan(1);
    const lap = Number(await app.page.getAttribute('[data-testid=formula-lap]', 'data-value'));
    expect(Math.abs(lap - (to - from) * 1000)).toBeLessThan(1);
    // the source is untouched; one undo removes the new formula
    expect(Number(await source.getAttribute('data-total'))).toBe(length);
    await app.page.keyboard.press('Control+z');
    await expect.poll(() => formulaItems().count()).toBe(4);
    expect(app.unexpectedErrors()).toEqual([]);
  });

  it('moves the start of the closed loop to another control point, in one undoable step', async () => {
    const points = () => app.page.evaluate(() => (window.__cavalierController as unknown as { route: { points: LonLat[] } }).route.points);
    const before = await points();
    expect(before).toHaveLength(3);
    await app.page.click('[data-testid=formula-close-loop]');
    await expect.poll(() => points().then((p) => p.length)).toBe(4);
    const select = app.page.locator('[data-testid=formula-move-start]');
    await expect.poll(() => select.isEnabled(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => select.locator('option').count()).toBe(3);
    expect(await select.locator('option').nth(1).textContent()).toMatch(/^Point 2 \(km \d+,\d\)$/);
    await select.selectOption('2');
    await expect.poll(() => points()).toEqual([before[2], before[0], before[1], before[2]]);
    await app.page.keyboard.press('Control+z');
    await expect.poll(() => points()).toEqual([...before, before[0]]);
  });
});
