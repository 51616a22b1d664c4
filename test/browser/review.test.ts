// What an environmental officer and an organiser do with the review: draw a route across a
// protected terril, read the zones it enters with their entry and exit kilometres, click a pass to
// see it on the map and the profile, avoid the zones, open the Natura 2000 dossier and download
// the table. The worker is the real one; figures are compared with the same engine run in node.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, LineString } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareZones, reviewRoute, zonesFromGeoJson, type RouteReview } from '../../src/core/review';
import { EMBEDDED_SENSITIVE_LAYERS } from '../../src/core/review/embedded';
import type { Leg } from '../../src/core/route/leg';
import { createEngine } from '../../workers/engine';
import { karneyLength } from '../helpers/karney';
import { mapIdle, ROOT, startApp, waitForMapReady, type StartedApp, clickMapAt, fitMapTo, legsSettled, waitForNetwork } from './harness';

type LonLat = [number, number];
const dataDir = join(ROOT, 'public/data');
const json = (name: string) => JSON.parse(readFileSync(join(dataDir, name), 'utf8')) as unknown;
const manifest = json('layers.json') as { layers: { id: string; title: { fr: string } }[] };

// ── a route across a protected terril, found from the data ──────────────────────
// The network edges that enter a polygon of protections.geojson (computed here with the core);
// the route goes from the far end of a neighbouring edge, through the middle of the crossing
// edge, to the far end of a neighbouring edge on the other side: it enters and leaves the zone.
const reseau = json('reseau.geojson') as FeatureCollection<LineString, { kind: string; length_m: number }>;
const protections = zonesFromGeoJson(json('protections.geojson'), { file: 'p', layer: 'protections', kind: 'protection', kindProperties: ['kind'] });
if (!protections.ok) throw new Error(protections.error.code);
const protectionZones = prepareZones(protections.value.zones);
const crossingEdges = reseau.features
  .map((f) => ({ f, r: reviewRoute(f.geometry.coordinates as LonLat[], protectionZones, { buffer_m: 0 }) }))
  .filter((x) => x.r.crossings.length > 0)
  .sort((a, b) => b.r.crossings[0].length_m - a.r.crossings[0].length_m);
if (crossingEdges.length === 0) throw new Error('no network edge crosses a protection polygon');
const crossing = crossingEdges[0];
const zoneName = crossing.r.crossings[0].zone;
const ce = crossing.f.geometry.coordinates as LonLat[];
// the network's pieces are often joined by short gaps (< 50 m): a neighbour's end may lie a few dozen metres away
const same = (a: number[], b: number[]) => karneyLength([a as LonLat, b as LonLat]) < 60;
/** A point up to 400 m along the longest other edge that starts or ends near `end`. */
function beyond(end: LonLat): LonLat {
  const next = reseau.features
    .filter((f) => f !== crossing.f && f.properties.kind !== 'gap')
    .map((f) => f.geometry.coordinates as LonLat[])
    .filter((c) => same(c[0], end) || same(c[c.length - 1], end))
    .sort((a, b) => karneyLength(b) - karneyLength(a))[0];
  if (!next) return end;
  const far = same(next[0], end) ? next[next.length - 1] : next[0];
  // not too far: a point 400 m along it at most
  let walked = 0;
  const from = same(next[0], end) ? next : [...next].reverse();
  for (let i = 1; i < from.length; i++) {
    walked += karneyLength([from[i - 1], from[i]]);
    if (walked > 400) return from[i];
  }
  return far;
}
/** The point halfway along a line. */
function halfway(line: LonLat[]): LonLat {
  const half = karneyLength(line) / 2;
  let walked = 0;
  for (let i = 1; i < line.length; i++) {
    const d = karneyLength([line[i - 1], line[i]]);
    if (walked + d >= half) {
      const t = (half - walked) / d;
      return [line[i - 1][0] + t * (line[i][0] - line[i - 1][0]), line[i - 1][1] + t * (line[i][1] - line[i - 1][1])];
    }
    walked += d;
  }
  return line[line.length - 1];
}
const clicks: LonLat[] = [beyond(ce[0]), halfway(ce), beyond(ce[ce.length - 1])];

let app: StartedApp;
const nodeEngine = createEngine();

const routePoints = () => app.page.evaluate(() => (window.__cavalierController as unknown as { route: { points: LonLat[] } }).route.points);

const clickAt = (lonlat: LonLat) => clickMapAt(app.page, lonlat);

const settled = (legs: number) => legsSettled(app.page, legs);

async function nodeReview(): Promise<{ legs: Leg[]; review: RouteReview }> {
  const points = await routePoints();
  const legs = await nodeEngine.legs(points.slice(1).map((p, i) => ({ from: points[i], to: p, mode: 'network' as const })));
  return { legs, review: nodeEngine.reviewLegs(legs, { buffer_m: 500 }).review };
}

const close = (a: number, b: number) => Math.abs(a - b) <= Math.max(2, 0.005 * Math.abs(b));

beforeAll(async () => {
  const buf = readFileSync(join(dataDir, 'network.bin'));
  const meta = json('network.json') as { names: string[] };
  nodeEngine.loadNetwork(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer, meta.names);
  await nodeEngine.loadReviewLayers(
    EMBEDDED_SENSITIVE_LAYERS.map((l) => ({ id: l.id, title: manifest.layers.find((m) => m.id === l.id)!.title.fr, data: json(`${l.id}.geojson`) })),
    { data: json('communes.geojson') },
  );

  app = await startApp({ viewport: { width: 1400, height: 900 } });
  await waitForMapReady(app.page);
  await waitForNetwork(app.page, clicks[0]);
  await fitMapTo(app.page, clicks, 140);
  await app.page.click('[data-testid=tool-draw]');
  for (const c of clicks) await clickAt(c);
  await settled(2);
  await app.page.click('[data-testid=tool-draw]');
});

afterAll(async () => {
  await app?.close();
});

describe('environmental review in the browser', () => {
  it('lists the protected terril with the entry and exit kilometres the node engine finds', async () => {
    const { review } = await nodeReview();
    const expected = review.crossings.find((c) => c.zone === zoneName && c.layer === 'protections');
    expect(expected, `node review should cross ${zoneName}`).toBeDefined();

    const row = app.page.locator(`[data-testid=review-crossing][data-layer=protections][data-zone="${zoneName}"]`);
    await row.waitFor({ timeout: 20_000 });
    expect(await row.textContent()).toContain(expected!.kind);
    const passes = await row
      .locator('[data-testid=review-pass]')
      .evaluateAll((els) => els.map((el) => ({ from: Number(el.getAttribute('data-from-km')), to: Number(el.getAttribute('data-to-km')) })));
    expect(passes.length).toBe(expected!.passes.length);
    passes.forEach((p, k) => {
      expect(close(p.from * 1000, expected!.passes[k].from_km * 1000)).toBe(true);
      expect(close(p.to * 1000, expected!.passes[k].to_km * 1000)).toBe(true);
    });
    // the shown text carries the same kilometres (French format)
    const text = await row.textContent();
    expect(text).toContain(expected!.passes[0].from_km.toLocaleString('fr-FR', { minimumFractionDigits: 3, maximumFractionDigits: 3 }));
    // every zone the node review finds is listed, entered or near
    expect(await app.page.locator('[data-testid=review-crossing]').count()).toBe(review.crossings.length);
    expect(await app.page.locator('[data-testid=review-near]').count()).toBe(review.near.length);
    // the embedded layers are approximations, and the panel says so
    await expect.poll(() => app.page.locator('[data-testid=review-approx]').count()).toBe(1);
  });

  it('clicking a pass highlights it on the map and on the elevation profile, and zooms to it', async () => {
    const { legs } = await nodeReview();
    const nodeResult = nodeEngine.reviewLegs(legs, { buffer_m: 500 });
    const i = nodeResult.review.crossings.findIndex((c) => c.zone === zoneName && c.layer === 'protections');
    const view = nodeResult.passViews[i][0];
    const pass = app.page.locator(`[data-testid=review-crossing][data-layer=protections][data-zone="${zoneName}"] [data-testid=review-pass]`).first();
    await pass.click();
    await expect.poll(() => pass.getAttribute('aria-pressed')).toBe('true');
    const highlight = await app.page.evaluate(() => (window.__cavalierController as unknown as { highlight: LonLat[][] | null }).highlight);
    expect(highlight).not.toBeNull();
    expect(highlight!.length).toBe(view.lines.length);
    const h0 = highlight![0];
    expect(karneyLength([h0[0], view.lines[0][0]])).toBeLessThan(0.5);
    expect(karneyLength([h0[h0.length - 1], view.lines[0][view.lines[0].length - 1]])).toBeLessThan(0.5);
    expect(karneyLength(h0)).toBeCloseTo(nodeResult.review.crossings[i].passes[0].length_m, -1);
    // the map is framed on the pass
    await mapIdle(app.page);
    const bounds = await app.page.evaluate(() => window.__cavalierMap!.getBounds().toArray());
    for (const p of [view.lines[0][0], h0[h0.length - 1]]) {
      expect(p[0]).toBeGreaterThan(bounds[0][0]);
      expect(p[0]).toBeLessThan(bounds[1][0]);
      expect(p[1]).toBeGreaterThan(bounds[0][1]);
      expect(p[1]).toBeLessThan(bounds[1][1]);
    }
    // the profile shows the same stretch
    const range = app.page.locator('[data-testid=profile-highlight]');
    await range.waitFor();
    const p0 = nodeResult.review.crossings[i].passes[0];
    expect(Number(await range.getAttribute('data-from'))).toBeCloseTo(p0.from_km * 1000, 3);
    expect(Number(await range.getAttribute('data-to'))).toBeCloseTo(p0.to_km * 1000, 3);
    await app.page.screenshot({ path: '/tmp/review-panel.png' });
    // clicking again lets it go
    await pass.click();
    await expect.poll(() => app.page.evaluate(() => (window.__cavalierController as unknown as { highlight: unknown }).highlight)).toBeNull();
    expect(await app.page.locator('[data-testid=profile-highlight]').count()).toBe(0);
  });

  it('« Interdire » flags the legs that cannot avoid the zone and reports the detour', async () => {
    await app.page.locator('label:has([data-testid=review-avoid-forbid])').click();
    // the middle point is inside the zone: the legs cannot avoid it, and the panel says so
    await app.page.locator('[data-testid=review-unavoidable]').first().waitFor({ timeout: 20_000 });
    const says = await app.page.locator('[data-testid=review-unavoidable]').allTextContents();
    expect(says.join(' ')).toContain(zoneName);
    const detour = app.page.locator('[data-testid=review-detour]');
    await detour.waitFor();
    const points = await routePoints();
    nodeEngine.setAvoid({ mode: 'forbid', factor: 5 });
    const expected = nodeEngine.detour(points.slice(1).map((p, i) => ({ from: points[i], to: p, mode: 'network' as const })));
    nodeEngine.setAvoid({ mode: 'off', factor: 5 });
    expect(Number(await detour.getAttribute('data-with'))).toBeCloseTo(expected.with_m, 3);
    expect(Number(await detour.getAttribute('data-without'))).toBeCloseTo(expected.without_m, 3);
    // the table per zone: every zone either way enters, metres inside without and with avoiding, as the node engine has them
    expect(expected.zones.some((z) => z.zone === zoneName)).toBe(true);
    const table = await app.page
      .locator('[data-testid=review-detour-zone]')
      .evaluateAll((els) =>
        els.map((el) => ({ zone: el.getAttribute('data-zone'), before: Number(el.getAttribute('data-before')), after: Number(el.getAttribute('data-after')) })),
      );
    expect(table.map((r) => r.zone)).toEqual(expected.zones.map((z) => z.zone));
    table.forEach((r, k) => {
      expect(r.before).toBeCloseTo(expected.zones[k].before_m, 3);
      expect(r.after).toBeCloseTo(expected.zones[k].after_m, 3);
    });
    await app.page.locator('label:has([data-testid=review-avoid-off])').click();
    await expect.poll(() => app.page.locator('[data-testid=review-unavoidable]').count()).toBe(0);
    await settled(2);
  });

  it('the dossier opens with the zone table and its maps drawn from the route', async () => {
    const { review } = await nodeReview();
    await app.page.click('[data-testid=review-dossier]');
    const dossier = app.page.locator('[data-testid=review-dossier-view]');
    await dossier.waitFor({ timeout: 30_000 });
    expect(await dossier.locator('h1').textContent()).toContain('Dossier d’évaluation des incidences Natura 2000');
    const rows = await dossier.locator('[data-testid=dossier-zone-row]').evaluateAll((els) => els.map((el) => el.getAttribute('data-zone')));
    expect(rows).toEqual(review.crossings.map((c) => c.zone));
    expect(await dossier.locator('[data-testid=dossier-approx]').textContent()).toContain('approximatives');
    expect(await dossier.locator('[data-testid=dossier-commune]').count()).toBeGreaterThan(0);
    // an overall map and one per zone crossed, each with the route drawn in it
    const maps = dossier.locator('[data-testid=dossier-map]');
    expect(await maps.count()).toBe(1 + review.crossings.length);
    const routePaths = await maps.first().evaluate((el) => [...el.querySelectorAll('path[stroke="#1565c0"]')].map((p) => p.getAttribute('d')?.length ?? 0));
    expect(routePaths.length).toBe(1);
    expect(routePaths[0]).toBeGreaterThan(20);
    await dossier.locator('.cav-dossier').screenshot({ path: '/tmp/review-dossier-full.png' });
  });

  it('the CSV downloads with the same rows as the node engine’s (the CLI’s builder)', async () => {
    const { legs } = await nodeReview();
    const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.click('[data-testid=dossier-csv]')]);
    expect(download.suggestedFilename()).toMatch(/zones-sensibles\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const expected = nodeEngine.reviewCsv({ legs }, { buffer_m: 500 });
    expect(csv.split('\r\n')).toEqual(expected.split('\r\n'));
    expect(csv).toContain(zoneName);
    await app.page.click('[data-testid=dossier-close]');
    await app.page.locator('[data-testid=review-dossier-view]').waitFor({ state: 'detached' });
    // the panel's own button gives the same file
    const [again] = await Promise.all([app.page.waitForEvent('download'), app.page.click('[data-testid=review-csv]')]);
    expect(readFileSync(await again.path(), 'utf8')).toBe(csv);
  });

  it('an imported track (a GPX sent by an organiser) is reviewed when it is selected', async () => {
    // a straight track across Pinchonvalles, west to east, 300 m beyond each side of the terril
    const pinchonvalles = (json('protections.geojson') as FeatureCollection<{ type: 'Polygon'; coordinates: LonLat[][] }, { name: string }>).features.find(
      (f) => f.properties.name === 'Pinchonvalles',
    )!;
    const ring = pinchonvalles.geometry.coordinates[0];
    const lons = ring.map((p) => p[0]);
    const lats = ring.map((p) => p[1]);
    const lat = (Math.min(...lats) + Math.max(...lats)) / 2;
    const line: LonLat[] = [];
    for (let k = 0; k <= 30; k++) line.push([Math.min(...lons) - 0.004 + ((Math.max(...lons) - Math.min(...lons) + 0.008) * k) / 30, lat]);
    const file = join(mkdtempSync(join(tmpdir(), 'cavalier-review-')), 'trace-organisateur.geojson');
    writeFileSync(
      file,
      JSON.stringify({ type: 'Feature', properties: { name: 'Trace de l’organisateur' }, geometry: { type: 'LineString', coordinates: line } }),
    );
    await app.page.setInputFiles('[data-testid=tool-import-input]', file);
    await expect.poll(() => app.page.textContent('[data-testid=review-subject]'), { timeout: 20_000 }).toContain('Trace importée');
    const expected = nodeEngine.review([line], { buffer_m: 500 }).review.crossings.find((c) => c.zone === 'Pinchonvalles' && c.layer === 'protections')!;
    const row = app.page.locator('[data-testid=review-crossing][data-layer=protections][data-zone=Pinchonvalles]');
    await row.waitFor();
    const passes = await row
      .locator('[data-testid=review-pass]')
      .evaluateAll((els) => els.map((el) => ({ from: Number(el.getAttribute('data-from-km')), to: Number(el.getAttribute('data-to-km')) })));
    expect(passes.length).toBe(expected.passes.length);
    passes.forEach((p, k) => {
      expect(close(p.from * 1000, expected.passes[k].from_km * 1000)).toBe(true);
      expect(close(p.to * 1000, expected.passes[k].to_km * 1000)).toBe(true);
    });
    // no avoid mode nor detour for a track: it is not routed
    expect(await app.page.locator('[data-testid=review-detour]').count()).toBe(0);
    // back to the drawn route: its review again
    await app.page.click('[data-testid=track-select-route]');
    await expect.poll(() => app.page.textContent('[data-testid=review-subject]')).toContain('Parcours tracé');
    await app.page.locator(`[data-testid=review-crossing][data-zone="${zoneName}"]`).first().waitFor();
    expect(app.unexpectedErrors()).toEqual([]);
  });
});
