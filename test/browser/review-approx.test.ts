// Approximations apart, in the browser: a track across Pinchonvalles lists the embedded
// approximate layers' zones in a section of their own under the « données approximatives »
// banner; importing official layers (an APPB polygon, SRCE reservoirs and corridors) as « zones
// sensibles » takes the approximation of each kind out of the review, says which layer replaced
// it, and the banner goes once no approximation is left; a switch brings one back.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startApp, waitForMapReady, type StartedApp } from './harness';

type LonLat = [number, number];
const json = (name: string) => JSON.parse(readFileSync(join(ROOT, 'public/data', name), 'utf8')) as unknown;
const pinchonvalles = (json('protections.geojson') as FeatureCollection<Polygon, { name: string }>).features.find(
  (f) => f.properties.name === 'Pinchonvalles',
)!;
const ring = pinchonvalles.geometry.coordinates[0] as LonLat[];
const lons = ring.map((p) => p[0]);
const lats = ring.map((p) => p[1]);
const lat = (Math.min(...lats) + Math.max(...lats)) / 2;
const west = Math.min(...lons) - 0.004;
const east = Math.max(...lons) + 0.004;
const line: LonLat[] = [];
for (let k = 0; k <= 30; k++) line.push([west + ((east - west) * k) / 30, lat]);

const dir = mkdtempSync(join(tmpdir(), 'cavalier-approx-'));
const file = (name: string, data: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(data));
  return path;
};
const track = file('trace-organisateur.geojson', {
  type: 'Feature',
  properties: { name: 'Trace de l’organisateur' },
  geometry: { type: 'LineString', coordinates: line },
});
const fc = (features: unknown[]) => ({ type: 'FeatureCollection', features });
const appb = file(
  'appb_officiel.geojson',
  fc([{ type: 'Feature', properties: { name: 'Crêtes de Pinchonvalles', kind: 'APPB' }, geometry: pinchonvalles.geometry }]),
);
// a reservoir polygon and a corridor line of the regional TVB, where the track goes
const box = (w: number, e: number): LonLat[][] => [
  [
    [w, lat - 0.002],
    [e, lat - 0.002],
    [e, lat + 0.002],
    [w, lat + 0.002],
    [w, lat - 0.002],
  ],
];
const reservoirs = file(
  'srce_reservoirs.geojson',
  fc([
    {
      type: 'Feature',
      properties: { name: 'Réservoir de la Souchez', kind: 'réservoir de biodiversité' },
      geometry: { type: 'Polygon', coordinates: box(west + 0.001, west + 0.002) },
    },
  ]),
);
const corridors = file(
  'srce_corridors.geojson',
  fc([
    {
      type: 'Feature',
      properties: { name: 'Corridor des coteaux', kind: 'corridor' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [east - 0.001, lat - 0.01],
          [east - 0.001, lat + 0.01],
        ],
      },
    },
  ]),
);

let app: StartedApp;
const page = () => app.page;
const banner = () => page().locator('[data-testid=review-approx]').count();
const switchOf = (id: string) => page().locator(`[data-testid=review-approx-switch][data-layer=${id}]`);

async function importSensitive(path: string) {
  const before = await page().locator('[data-testid=user-layer]').count();
  await page().click('[data-testid=import-layer-open]');
  await page().setInputFiles('[data-testid=import-layer-input]', path);
  await page().waitForSelector('[data-testid=import-layer-preview]', { timeout: 30_000 });
  await page().check('[data-testid=import-layer-role-sensitive]');
  await page().click('[data-testid=import-layer-confirm]');
  await page().waitForSelector('[data-testid=import-layer-dialog]', { state: 'detached', timeout: 30_000 });
  await expect.poll(() => page().locator('[data-testid=user-layer]').count()).toBe(before + 1);
}

beforeAll(async () => {
  app = await startApp({ viewport: { width: 1400, height: 900 } });
  await waitForMapReady(page());
  await page().setInputFiles('[data-testid=tool-import-input]', track);
  await page().locator('[data-testid=review-subject]', { hasText: 'Trace importée' }).waitFor({ timeout: 20_000 });
});

afterAll(async () => {
  await app?.close();
});

describe('approximations apart', () => {
  it('the approximate zones are listed in their own section, under the banner', async () => {
    const row = page().locator('[data-testid=review-approx-section] [data-testid=review-crossing][data-layer=protections][data-zone=Pinchonvalles]');
    await row.waitFor({ timeout: 20_000 });
    expect(await banner()).toBe(1);
    // no layer imported yet: outside the approximations' section, only the official embedded sites classés
    const all = await page()
      .locator('[data-testid=review-crossing]')
      .evaluateAll((els) => els.map((el) => ({ layer: el.getAttribute('data-layer'), apart: !!el.closest('[data-testid=review-approx-section]') })));
    expect(all.filter((c) => !c.apart).every((c) => c.layer === 'sites-classes')).toBe(true);
    expect(all.filter((c) => c.apart).every((c) => ['protections', 'tvb-reservoirs', 'tvb-corridors'].includes(c.layer!))).toBe(true);
    expect(await switchOf('protections').getAttribute('data-choice')).toBe('approximate');
    expect(await switchOf('protections').locator('input').isChecked()).toBe(true);
  });

  it('an official APPB layer replaces the approximate protections; the banner stays while other approximations are reviewed', async () => {
    await importSensitive(appb);
    await expect.poll(() => switchOf('protections').getAttribute('data-choice'), { timeout: 20_000 }).toBe('replaced');
    expect(await switchOf('protections').textContent()).toContain('appb_officiel');
    expect(await switchOf('protections').locator('input').isChecked()).toBe(false);
    await expect.poll(() => page().locator('[data-testid=review-crossing][data-layer=protections]').count()).toBe(0);
    const official = page().locator('[data-testid=review-crossing][data-zone="Crêtes de Pinchonvalles"]');
    await official.waitFor();
    expect(await page().locator('[data-testid=review-approx-section] [data-zone="Crêtes de Pinchonvalles"]').count()).toBe(0);
    // the reservoirs and corridors are still approximations in the review
    expect(await banner()).toBe(1);
  });

  it('once the SRCE reservoirs and corridors are imported too, no approximation is left and the banner goes', async () => {
    await importSensitive(reservoirs);
    await importSensitive(corridors);
    await expect.poll(() => switchOf('tvb-corridors').getAttribute('data-choice'), { timeout: 20_000 }).toBe('replaced');
    expect(await switchOf('tvb-reservoirs').getAttribute('data-choice')).toBe('replaced');
    await expect.poll(banner, { timeout: 20_000 }).toBe(0);
    expect(await page().locator('[data-testid=review-approx-section]').count()).toBe(0);
    await page().locator('[data-testid=review-crossing][data-zone="Réservoir de la Souchez"]').waitFor();
    await page().locator('[data-testid=review-crossing][data-zone="Corridor des coteaux"]').waitFor();
  });

  it('a switch brings an approximation back, with its banner, and the choice is kept', async () => {
    await switchOf('protections').locator('input').check();
    await expect.poll(() => switchOf('protections').getAttribute('data-choice'), { timeout: 20_000 }).toBe('switched-on');
    await page().locator('[data-testid=review-approx-section] [data-testid=review-crossing][data-layer=protections][data-zone=Pinchonvalles]').waitFor();
    expect(await banner()).toBe(1);
    const saved = await page().evaluate(() => JSON.parse(localStorage.getItem('cavalier.review') ?? '{}').approximations);
    expect(saved).toEqual({ protections: true });
    await switchOf('protections').locator('input').uncheck();
    await expect.poll(banner, { timeout: 20_000 }).toBe(0);
  });

  it('the exposure is taken on the union of the zones crossed: the official APPB and the approximation over the same terril count once', async () => {
    await switchOf('protections').locator('input').check();
    await page().locator('[data-testid=review-approx-section] [data-testid=review-crossing][data-layer=protections]').first().waitFor({ timeout: 20_000 });
    await page().click('[data-testid=review-season] summary');
    await page().fill('[data-testid=review-date-from]', '2026-05-16');
    await page().fill('[data-testid=review-participants]', '250');
    await page().press('[data-testid=review-participants]', 'Enter');
    const exposure = page().locator('[data-testid=review-exposure]');
    await exposure.waitFor({ timeout: 20_000 });
    // second method: the union of the passes the panel lists, swept here (metres each covered once)
    const passes = await page()
      .locator('[data-testid=review-pass]')
      .evaluateAll((els) => els.map((el) => [Number(el.getAttribute('data-from-km')), Number(el.getAttribute('data-to-km'))] as [number, number]));
    passes.sort((a, b) => a[0] - b[0]);
    let union = 0;
    let end = -1;
    for (const [a, b] of passes) {
      if (b > end) {
        union += b - Math.max(a, end);
        end = b;
      }
    }
    const sum = passes.reduce((s, [a, b]) => s + b - a, 0);
    expect(sum).toBeGreaterThan(union + 0.05); // the two outlines of Pinchonvalles overlap
    await expect.poll(async () => Number(await exposure.getAttribute('data-total')), { timeout: 20_000 }).toBeCloseTo(250 * union, 6);
    expect(await page().locator('[data-testid=review-exposure-sum]').textContent()).toContain('Somme zone par zone');
    // per layer, each on the union of its own zones
    const layers = await page()
      .locator('[data-testid=review-exposure-layers] li')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-layer')));
    expect(layers).toEqual(expect.arrayContaining(['protections']));
  });
});
