// « Charger les zones protégées officielles » in the browser, on a drawn route: the worker asks the
// Géoplateforme and Géo2France WFS (their addresses routed to a local GeoServer-like stub,
// test/helpers/wfs-stub.ts) for the route's extent and the official zones appear in the review with
// their name, code and type, their metres inside those the node engine finds for the same route
// and layers; the panel names each layer's server and day. First offline (the harness aborts every
// request leaving the machine): one French message, and the review and the layers stay as they were.
import type { Page } from 'playwright-core';
import type { Feature } from 'geojson';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinLegs } from '../../src/core/route/leg';
import { GEO2FRANCE_TVB_TYPENAMES, OFFICIAL_WFS_ENDPOINTS, OFFICIAL_ZONE_SOURCES } from '../../src/core/review/official-zones';
import { translate } from '../../src/i18n/dictionary';
import { createEngine } from '../../workers/engine';
import { karney } from '../helpers/karney';
import { startWfsStub, type WfsStub } from '../helpers/wfs-stub';
import { clickMapAt, fitMapTo, legsSettled, longPathEdges, ROOT, startPlanner, type StartedApp } from './harness';

type LonLat = [number, number];
const edge = longPathEdges()[0].geometry.coordinates as LonLat[];
const clicks: LonLat[] = [edge[0], edge[edge.length - 1]];
const mid = edge[Math.floor(edge.length / 2)];
const quarter = edge[Math.floor(edge.length / 4)];
const rect = (c: LonLat, dx: number, dy: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [c[0] - dx, c[1] - dy],
      [c[0] + dx, c[1] - dy],
      [c[0] + dx, c[1] + dy],
      [c[0] - dx, c[1] + dy],
      [c[0] - dx, c[1] - dy],
    ],
  ],
});
const SIC: Feature = {
  type: 'Feature',
  geometry: rect(mid, 0.004, 0.003),
  properties: { id_mnhn: 'FR3100504', nom_site: 'Pelouses métallicoles de la plaine de la Scarpe', date_maj: '2021-03-04' },
};
const RESERVOIR: Feature = {
  type: 'Feature',
  geometry: rect(quarter, 0.002, 0.002),
  properties: { id_srce: 'RB-62-017', nom: 'Terril et bois de la Fosse 7' },
};

let stub: WfsStub;
let app: StartedApp;
const page = (): Page => app.page;
const nodeEngine = createEngine();

/** The review's rows: layer, zone, kind, metres. */
const crossings = () =>
  page()
    .locator('[data-testid=review-crossing]')
    .evaluateAll((els) =>
      els.map((e) => [e.getAttribute('data-layer'), e.getAttribute('data-zone'), e.getAttribute('data-kind'), Number(e.getAttribute('data-length'))]),
    );
const notices = () => page().locator('[data-testid=notice]').allTextContents();

async function routeToStub(p: Page): Promise<void> {
  for (const endpoint of Object.values(OFFICIAL_WFS_ENDPOINTS)) {
    const u = new URL(endpoint);
    // the page's context: the worker's requests too (the route registered last wins over the harness's offline one)
    await p.context().route(`${u.origin}${u.pathname}**`, async (route) => {
      const asked = new URL(route.request().url());
      const r = await fetch(`${stub.url}${asked.pathname}${asked.search}`);
      await route.fulfill({
        status: r.status,
        body: await r.text(),
        headers: { 'Content-Type': r.headers.get('content-type') ?? '', 'Access-Control-Allow-Origin': '*' },
      });
    });
  }
}

beforeAll(async () => {
  const empty = { features: [] };
  stub = await startWfsStub({
    ...Object.fromEntries(OFFICIAL_ZONE_SOURCES.map((s) => [s.typeName, empty])),
    'patrinat_sic:sic': { features: [SIC] },
    [GEO2FRANCE_TVB_TYPENAMES.reservoirs]: { features: [RESERVOIR] },
  });
  const buf = readFileSync(join(ROOT, 'public/data/network.bin'));
  const meta = JSON.parse(readFileSync(join(ROOT, 'public/data/network.json'), 'utf8')) as { names: string[] };
  nodeEngine.loadNetwork(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer, meta.names);

  app = await startPlanner(clicks[0], { viewport: { width: 1400, height: 1000 } });
  await fitMapTo(page(), edge, 120);
  await page().click('[data-testid=tool-draw]');
  for (const c of clicks) await clickMapAt(page(), c);
  await legsSettled(page(), 1);
  await page().click('[data-testid=tool-draw]');
  await page().locator('[data-testid=review-no-crossing], [data-testid=review-crossing]').first().waitFor({ timeout: 30_000 });
}, 240_000);

afterAll(async () => {
  await app?.close();
  await stub?.close();
});

describe('official zones online, in the browser', () => {
  it('offline: one French message, and the review and the layers unchanged', async () => {
    const before = await crossings();
    const askedBefore = stub.asked.length;
    await page().click('[data-testid=official-zones-load]');
    const notice = page().locator('[data-testid=notice][data-id=official-zones][data-kind=error] .cav-notice-text');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.textContent()).toBe(
      'Zones protégées officielles non chargées\u00a0: Impossible de joindre data.geopf.fr\u00a0: vous êtes hors ligne, ou le serveur est injoignable ou refuse cette page. Rien n’a été modifié.',
    );
    // one message about it, not one per layer
    expect((await notices()).filter((t) => /officielles/.test(t))).toHaveLength(1);
    expect(await crossings()).toEqual(before);
    expect(await page().locator('[data-testid=user-layer]').count()).toBe(0);
    expect(await page().locator('[data-testid=official-zones-row]').count()).toBe(0);
    expect(stub.asked.length).toBe(askedBefore);
  });

  it('online: the official zones in the review with their identity, as the node engine reviews them', async () => {
    await routeToStub(page());
    const offline = await page().locator('[data-testid=notice][data-id=official-zones] .cav-notice-text').textContent();
    // the notice says what came, then goes: watched from before the click (the offline one replaced)
    const said = page().waitForFunction(
      (old) =>
        [...document.querySelectorAll('[data-testid=notice][data-id=official-zones] .cav-notice-text')]
          .map((e) => e.textContent ?? '')
          .find((t) => t !== old && !t.endsWith('…')),
      offline,
      { timeout: 30_000 },
    );
    await page().click('[data-testid=official-zones-load]');
    expect(await (await said).jsonValue()).toBe(
      `Zones protégées officielles chargées\u00a0: ${translate('fr', 'official.layer.n2000-sic')} (1 zone), ${translate('fr', 'official.layer.tvb-reservoirs')} (1 zone).`,
    );
    const row = page().locator('[data-testid=review-crossing][data-layer=official-n2000-sic]');
    await row.waitFor({ timeout: 30_000 });
    const got = await crossings();
    const sic = got.find((c) => c[0] === 'official-n2000-sic')!;
    expect(sic.slice(1, 3)).toEqual(['Pelouses métallicoles de la plaine de la Scarpe', 'Natura 2000 SIC/ZSC']);

    // the same route and layers in the node engine
    const points = await page().evaluate(() => (window.__cavalierController as unknown as { route: { points: LonLat[] } }).route.points);
    const legs = await nodeEngine.legs(points.slice(1).map((p, i) => ({ from: points[i], to: p, mode: 'network' as const })));
    const names = Object.fromEntries(OFFICIAL_ZONE_SOURCES.map((s) => [s.id, translate('fr', `official.layer.${s.id}` as never)]));
    const node = await nodeEngine.loadOfficialZones({
      route: { legs },
      names,
      endpoints: { geoplateforme: `${stub.url}/wfs/ows`, geo2france: `${stub.url}/geoserver/ows` },
    });
    if (!node.ok) throw new Error(JSON.stringify(node.error));
    const expected = nodeEngine.reviewLegs(legs, { buffer_m: 500 }).review.crossings.filter((c) => c.layer.startsWith('official-'));
    expect(expected.length).toBeGreaterThan(0);
    for (const e of expected) {
      const b = got.find((c) => c[0] === e.layer && c[1] === e.zone);
      expect(b, `${e.layer} ${e.zone}`).toBeDefined();
      expect(b![2]).toBe(e.kind);
      expect(Math.abs((b![3] as number) - e.length_m)).toBeLessThanOrEqual(Math.max(1, 0.002 * e.length_m));
    }

    // the box asked: the route's extent grown by 2 km on every side (GeographicLib)
    const line = joinLegs(legs);
    const [w, s, e, n] = [
      Math.min(...line.map((p) => p[0])),
      Math.min(...line.map((p) => p[1])),
      Math.max(...line.map((p) => p[0])),
      Math.max(...line.map((p) => p[1])),
    ];
    const box = stub.asked
      .find((p) => p.get('TYPENAMES') === 'patrinat_sic:sic')!
      .get('BBOX')!
      .split(',');
    expect(box[4]).toBe('EPSG:4326');
    const [bw, bs, be, bn] = box.slice(0, 4).map(Number);
    for (const d of [karney(bw, s, w, s), karney(e, n, be, n), karney(w, bs, w, s), karney(e, n, e, bn)]) expect(d).toBeGreaterThan(1990);

    // each layer's source and day in the panel; the layers listed with the imported ones
    const rows = await page().locator('[data-testid=official-zones-row]').allTextContents();
    expect(rows).toEqual([
      `${translate('fr', 'official.layer.n2000-sic')} · 1 zone · data.geopf.fr, 3 décembre 2026`,
      `${translate('fr', 'official.layer.tvb-reservoirs')} · 1 zone · www.geo2france.fr, 3 décembre 2026`,
    ]);
    const listed = await page()
      .locator('[data-testid=user-layer][data-role=sensitive]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-layer-id')));
    expect(listed.sort()).toEqual(['official-n2000-sic', 'official-tvb-reservoirs']);
    expect(app.unexpectedErrors()).toEqual([]);
  });
});
