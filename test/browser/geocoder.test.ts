// The search asks the Géoplateforme geocoder when online: its host is routed (page.route) to a
// local stub answering in the service's format, and its addresses come after the embedded places.
// Offline (the route taken away: the harness aborts the request) the search keeps its embedded
// results and says once that the addresses are unreachable, then asks no more.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpStub, type HttpStub } from '../helpers/http-stub';
import { startApp, waitForMapReady, type StartedApp } from './harness';

const ANSWER = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [2.7847, 50.4583] },
      properties: {
        label: 'Rue de Loos 62300 Lens',
        score: 0.81,
        id: '62498_1234',
        name: 'Rue de Loos',
        postcode: '62300',
        city: 'Lens',
        citycode: '62498',
        context: '62, Pas-de-Calais, Hauts-de-France',
        type: 'street',
      },
    },
  ],
};

let stub: HttpStub;
let app: StartedApp;
const geocoderAsked: URL[] = [];

async function routeGeocoder(page: Page): Promise<void> {
  await page.route('https://data.geopf.fr/geocodage/**', async (route) => {
    const u = new URL(route.request().url());
    geocoderAsked.push(u);
    const r = await fetch(`${stub.url}${u.pathname}${u.search}`);
    await route.fulfill({ status: r.status, headers: { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' }, body: await r.text() });
  });
}

beforeAll(async () => {
  stub = await startHttpStub({ '/geocodage/search': (_q, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(ANSWER)) });
  app = await startApp({ beforeNavigate: (page) => routeGeocoder(page) });
  await waitForMapReady(app.page);
});
afterAll(async () => {
  await app?.close();
  await stub?.close();
});

const options = () =>
  app.page.getByTestId('search-option').evaluateAll((els) => els.map((e) => [e.getAttribute('data-kind'), e.querySelector('.cav-search-name')?.textContent]));
const status = () => app.page.locator('.cav-search-status').innerText();

async function type(text: string): Promise<void> {
  const input = app.page.getByTestId('search-input');
  await input.fill('');
  await input.fill(text);
}

describe('the Géoplateforme geocoder in the search', () => {
  it('online: addresses after the embedded places, asked near the map’s centre', async () => {
    await type('Loos');
    await app.page.getByTestId('search-option').filter({ hasText: 'Rue de Loos 62300 Lens' }).waitFor({ timeout: 15_000 });
    const found = await options();
    expect(found[0]).toEqual(['commune', 'Loos-en-Gohelle']);
    expect(found.at(-1)).toEqual(['address', 'Rue de Loos 62300 Lens']);
    const q = geocoderAsked.at(-1)!.searchParams;
    expect([q.get('q'), q.get('limit')]).toEqual(['Loos', '5']);
    const centre = await app.page.evaluate(() => window.__cavalierMap!.getCenter().toArray());
    expect(Math.abs(Number(q.get('lon')) - centre[0])).toBeLessThan(1e-4);
    expect(Math.abs(Number(q.get('lat')) - centre[1])).toBeLessThan(1e-4);
    // chosen: the map goes there
    await app.page.getByTestId('search-option').filter({ hasText: 'Rue de Loos' }).click();
    await app.page.waitForFunction(
      () => {
        const c = window.__cavalierMap!.getCenter();
        return Math.abs(c.lng - 2.7847) < 1e-3 && Math.abs(c.lat - 50.4583) < 1e-3 && !window.__cavalierMap!.isMoving();
      },
      null,
      { timeout: 15_000 },
    );
  });

  it('offline: the embedded results stay, the addresses are said unreachable once, then not asked', async () => {
    await app.page.unroute('https://data.geopf.fr/geocodage/**');
    const asked = geocoderAsked.length;
    await type('Liévin');
    await app.page.locator('.cav-search-status').filter({ hasText: 'Adresses en ligne injoignables' }).waitFor({ timeout: 15_000 });
    expect((await options())[0]).toEqual(['commune', 'Liévin']);
    expect(await app.page.locator('.cav-search-status').count()).toBe(1);
    // nothing but that line: no notice
    expect(await app.page.locator('[data-testid=notice]').count()).toBe(0);
    expect(geocoderAsked.length).toBe(asked);

    // the next query: the source rests, so it is not even pending, and nothing more is said
    await type('Hénin');
    await app.page.getByTestId('search-option').first().waitFor();
    expect((await options())[0]).toEqual(['commune', 'Hénin-Beaumont']);
    expect(await status()).toBe('');
    await type('Harnes');
    await app.page.getByTestId('search-option').filter({ hasText: 'Harnes' }).first().waitFor();
    expect(await status()).toBe('');
    expect(await app.page.locator('[data-testid=notice]').count()).toBe(0);
    expect(app.unexpectedErrors()).toEqual([]);
  });
});
