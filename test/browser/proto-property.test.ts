// A GeoJSON layer whose features have a property named __proto__ (issue 10): properties are data,
// so the layer is drawn, the popup shows that property with its value, and nothing reaches
// Object.prototype on the page.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LineString } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickMapAt, mapIdle, startApp, waitForMapReady, type StartedApp } from './harness';

type LonLat = [number, number];

const tmp = mkdtempSync(join(tmpdir(), 'cavalier-proto-'));
const line: LonLat[] = [
  [2.83, 50.43],
  [2.84, 50.44],
];
const mid: LonLat = [2.835, 50.435];
// written as text: an object literal with "__proto__" would set the prototype instead
const file = join(tmp, 'prototype.geojson');
writeFileSync(
  file,
  `{"type":"FeatureCollection","features":[` +
    `{"type":"Feature","properties":{"name":"Chemin du prototype","__proto__":"donnée du fichier","constructor":"aussi une donnée","nature":"sentier"},"geometry":${JSON.stringify({ type: 'LineString', coordinates: line } satisfies LineString)}},` +
    `{"type":"Feature","properties":{"__proto__":{"polluted":"oui"},"name":"Objet"},"geometry":{"type":"Point","coordinates":[2.8,50.42]}}` +
    `]}`,
);

let app: StartedApp;
const page = () => app.page;

beforeAll(async () => {
  app = await startApp();
  await waitForMapReady(page());
});
afterAll(async () => {
  await app?.close();
});

describe('a property named __proto__', () => {
  it('is drawn and shown in the popup as data', async () => {
    await page().click('[data-testid=import-layer-open]');
    await page().setInputFiles('[data-testid=import-layer-input]', file);
    await page().waitForSelector('[data-testid=import-layer-preview]', { timeout: 30_000 });
    await page().check('[data-testid=import-layer-role-reference]');
    await page().click('[data-testid=import-layer-confirm]');
    await page().waitForSelector('[data-testid=import-layer-dialog]', { state: 'detached', timeout: 30_000 });
    await expect.poll(() => page().locator('[data-testid=user-layer]').count()).toBe(1);
    expect(Number(await page().locator('[data-testid=user-layer-count]').getAttribute('data-value'))).toBe(2);

    await page().evaluate((c) => window.__cavalierMap!.jumpTo({ center: c, zoom: 15 }), mid);
    await mapIdle(page());
    // drawn: the line is under its middle (before, maplibre's worker threw on the feature's
    // "constructor" and drew nothing of the layer), and so is the point
    const drawnAt = (ll: LonLat) =>
      page().evaluate((at) => {
        const map = window.__cavalierMap!;
        const p = map.project(at);
        const layers = map
          .getStyle()
          .layers.filter((l) => 'source' in l && String(l.source).startsWith('user:'))
          .map((l) => l.id);
        return map
          .queryRenderedFeatures(
            [
              [p.x - 4, p.y - 4],
              [p.x + 4, p.y + 4],
            ],
            { layers },
          )
          .map((f) => f.geometry.type);
      }, ll);
    expect(await drawnAt(mid)).toContain('LineString');

    await clickMapAt(page(), mid);
    const popup = page().locator('[data-testid=map-popup]');
    await popup.waitFor();
    const rows = await popup.locator('tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')?.textContent, tr.querySelector('td')?.textContent]));
    expect(rows).toContainEqual(['__proto__', 'donnée du fichier']);
    expect(rows).toContainEqual(['constructor', 'aussi une donnée']);
    expect(rows).toContainEqual(['nature', 'sentier']);
    expect(await popup.locator('.cav-popup-name').textContent()).toBe('Chemin du prototype');
    expect(await page().evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
    await page().keyboard.press('Escape');
    await page()
      .locator('.maplibregl-popup-close-button')
      .click()
      .catch(() => {});

    // the point whose __proto__ is an object: drawn, and shown as that object's JSON
    const point: LonLat = [2.8, 50.42];
    await page().evaluate((c) => window.__cavalierMap!.jumpTo({ center: c, zoom: 15 }), point);
    await mapIdle(page());
    expect(await drawnAt(point)).toContain('Point');
    await clickMapAt(page(), point);
    await expect
      .poll(() => popup.locator('tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')?.textContent, tr.querySelector('td')?.textContent])))
      .toContainEqual(['__proto__', '{"polluted":"oui"}']);
    expect(await page().evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
    expect(app.unexpectedErrors()).toEqual([]);
  });
});
