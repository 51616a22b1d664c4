// « Charger les chemins OpenStreetMap de cette zone » in the browser: the page's button, the
// engine's request from its worker to the Overpass API (answered by the local Overpass of
// test/helpers/overpass-stub.ts, built from the real Lille extract, in place of overpass-api.de),
// the layer merged with the network, stored in IndexedDB and back after a reload; and a view too
// large refused in French before anything is asked.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, LineString } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OVERPASS_API_URL } from '../../src/core/import/overpass';
import { fitMapTo, readIdb, ROOT, startApp, waitForMapReady, waitForNetwork, type StartedApp } from './harness';
import { startOverpassStub, type OverpassStub } from '../helpers/overpass-stub';

const reseau = JSON.parse(readFileSync(join(ROOT, 'public/data/reseau.geojson'), 'utf8')) as FeatureCollection<LineString>;
const onNetwork = reseau.features[0].geometry.coordinates[0] as [number, number];
// as in test/workers/osm-engine.test.ts: central Lille, and a footway of the extract there
const VIEW: [number, number][] = [
  [3.055, 50.632],
  [3.07, 50.641],
];
const RUE: [number, number] = [3.0633, 50.6369];

let stub: OverpassStub;
let app: StartedApp;
const page = () => app.page;
const snapsRue = () =>
  page().evaluate(
    async (p) =>
      (await (window as unknown as { __cavalierEngine: { snap: (a: number, b: number, r: number) => Promise<unknown> } }).__cavalierEngine.snap(
        p[0],
        p[1],
        50,
      )) !== null,
    RUE,
  );
const osmLayers = () => page().locator('[data-testid=user-layer][data-role=network] [data-testid=user-layer-name]').allTextContents();

beforeAll(async () => {
  stub = await startOverpassStub();
  app = await startApp({
    // the public instance's address, answered by the local one (the route registered last wins over the harness's offline one)
    beforeNavigate: (p) =>
      p.context().route(OVERPASS_API_URL, async (route) => {
        const req = route.request();
        const res = await fetch(stub.interpreter, {
          method: req.method(),
          body: req.postData() ?? undefined,
          headers: { 'Content-Type': req.headers()['content-type'] ?? '' },
        });
        await route.fulfill({
          status: res.status,
          body: Buffer.from(await res.arrayBuffer()),
          headers: { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' },
        });
      }),
  });
  await waitForMapReady(page());
  await waitForNetwork(page(), onNetwork);
}, 240_000);

afterAll(async () => {
  await app?.close();
  await stub?.close();
});

describe('OSM paths of the view, in the browser', () => {
  it('refuses a view too large, in French, asking nothing', async () => {
    await fitMapTo(
      page(),
      [
        [2.3, 50.3],
        [3.6, 50.6],
      ],
      0,
    );
    const before = stub.queries.length;
    await page().click('[data-testid=osm-load]');
    await expect
      .poll(() => page().locator('[data-testid=notice]').allTextContents(), { timeout: 20_000 })
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^Chemins OpenStreetMap non chargés\u00a0: La zone affichée est trop grande pour charger les chemins OpenStreetMap/),
        ]),
      );
    expect(stub.queries.length).toBe(before);
    expect(await osmLayers()).toEqual([]);
  });

  it('loads the paths of the view into the network, keeps them in IndexedDB, and brings them back after a reload', async () => {
    await fitMapTo(page(), VIEW, 0);
    expect(await snapsRue()).toBe(false);
    await page().click('[data-testid=osm-load]');
    await expect.poll(osmLayers, { timeout: 60_000 }).toEqual(['Chemins OpenStreetMap']);
    const q = stub.queries.at(-1)!;
    expect(q.contentType).toBe('application/x-www-form-urlencoded');
    expect(q.query).toMatch(/^\[out:json\]\[timeout:60\]/);
    expect(await page().locator('[data-testid=user-layer][data-role=network] [data-testid=user-layer-file]').textContent()).toContain(
      'overpass-api.de · 2017-02-23',
    );
    await expect.poll(snapsRue, { timeout: 30_000 }).toBe(true);
    await expect
      .poll(() => page().locator('[data-testid=notice]').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringMatching(/^Réseau de tracé mis à jour/)]));
    const id = (await page().getAttribute('[data-testid=user-layer][data-role=network]', 'data-layer-id'))!;
    await expect
      .poll(async () => ((await readIdb(page(), 'cavalier-layers', 'layers', id)) as { format?: string } | undefined)?.format, { timeout: 10_000 })
      .toBe('overpass-json');

    const asked = stub.queries.length;
    await page().reload({ waitUntil: 'load' });
    await waitForMapReady(page());
    await expect.poll(osmLayers, { timeout: 30_000 }).toEqual(['Chemins OpenStreetMap']);
    await expect.poll(snapsRue, { timeout: 30_000 }).toBe(true);
    // from the browser's storage, not asked again
    expect(stub.queries.length).toBe(asked);
    expect(app.unexpectedErrors()).toEqual([]);
  });
});
