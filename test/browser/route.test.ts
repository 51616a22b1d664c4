// What an organiser does: draw a route that follows the network, edit it, undo, export and import.
// The worker is the real one; figures shown are compared with the core run here in node.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { readTrackFile } from '../../src/core/gpx/read';
import { parseXmlWithXmldom } from '../../src/core/gpx/xml';
import { analyseTrack } from '../../src/core/route/analyse';
import { createEngine } from '../../workers/engine';
import { karneyLength } from '../helpers/karney';
import {
  lonLatToPage,
  mapIdle,
  ROOT,
  startApp,
  waitForMapReady,
  type StartedApp,
  clickMapAt,
  fitMapTo,
  legsSettled,
  waitForNetwork,
  longPathEdges,
} from './harness';

const dataDir = join(ROOT, 'public/data');
const fixture = (name: string) => join(ROOT, 'test/fixtures/gpx', name);
type LonLat = [number, number];

let app: StartedApp;
const nodeEngine = createEngine();

// A long network edge with several vertices: clicking its first, middle and last vertex must give
// a route along it.
const edge = longPathEdges()[0];
const ec = edge.geometry.coordinates as LonLat[];
const clicks: LonLat[] = [ec[0], ec[Math.floor(ec.length / 2)], ec[ec.length - 1]];

const routePoints = () => app.page.evaluate(() => (window.__cavalierController as unknown as { route: { points: LonLat[] } }).route.points);
const statLength = async () => Number(await app.page.getAttribute('[data-testid=stat-length]', 'data-value'));
const legCount = () => app.page.locator('[data-testid=leg]').count();

const clickAt = (lonlat: LonLat) => clickMapAt(app.page, lonlat);

/** Waits until the figures shown are those of `legs` legs, all computed. */
const settled = (legs: number) => legsSettled(app.page, legs);

beforeAll(async () => {
  const buf = readFileSync(join(dataDir, 'network.bin'));
  nodeEngine.loadNetwork(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer, []);
  app = await startApp();
  await waitForMapReady(app.page);
  // the worker has the network once a known network point snaps
  await waitForNetwork(app.page, clicks[0]);
  await fitMapTo(app.page, ec, 120);
  await app.page.click('[data-testid=tool-draw]');
});

afterAll(async () => {
  await app?.close();
});

describe('drawing a route in the browser', () => {
  it('three clicks give a route along the network, measured as the core measures it', async () => {
    for (const c of clicks) await clickAt(c);
    await settled(2);
    const points = await routePoints();
    expect(points.length).toBe(3);
    // the control points were snapped onto the network: each lies within a few metres of the click
    points.forEach((p, i) => expect(karneyLength([p, clicks[i]])).toBeLessThan(15));

    const legs = await nodeEngine.legs([
      { from: points[0], to: points[1], mode: 'network' },
      { from: points[1], to: points[2], mode: 'network' },
    ]);
    legs.forEach((l) => expect(l.fallback).toBeUndefined());
    const coreLength = nodeEngine.analyseLegs(legs).length_m;
    const shown = await statLength();
    expect(shown).toBeCloseTo(coreLength, 3);
    // independent check: GeographicLib along the same points
    expect(shown).toBeCloseTo(karneyLength(legs.flatMap((l, i) => (i ? l.coords.slice(1) : l.coords))), 0);
    // it follows the edge, so it is as long as the edge between the clicks, longer than straight lines
    expect(shown).toBeGreaterThan(karneyLength(clicks) + 1);
    expect(Math.abs(shown - edge.properties.length_m)).toBeLessThan(30);
    // figures shown: the way breakdown is cavaliers, and the elevation comes from the approximate relief
    await expect.poll(() => app.page.textContent('[data-testid=stat-ways]')).toContain('Cavaliers miniers');
    expect(await app.page.textContent('[data-testid=stat-elevation-source]')).toMatch(/Relief approché.*approximation/);
    expect(Number(await app.page.getAttribute('[data-testid=elevation-profile]', 'data-samples'))).toBeGreaterThan(10);
  });

  it('undo removes the last point, redo puts it back (Ctrl+Z / Ctrl+Shift+Z)', async () => {
    const full = await statLength();
    await app.page.keyboard.press('Control+z');
    await settled(1);
    expect((await routePoints()).length).toBe(2);
    expect(await statLength()).toBeLessThan(full);
    await app.page.keyboard.press('Control+Shift+z');
    await settled(2);
    expect(await statLength()).toBeCloseTo(full, 6);
  });

  it('a leg can be switched to a straight line, measured as such', async () => {
    const points = await routePoints();
    await app.page.locator('[data-testid=leg-straight]').nth(1).check();
    await app.page.waitForFunction(() => document.querySelectorAll('[data-testid=leg]')[1]?.getAttribute('data-mode') === 'straight');
    await settled(2);
    const [first] = await nodeEngine.legs([{ from: points[0], to: points[1], mode: 'network' }]);
    expect(await statLength()).toBeCloseTo(first.length_m + karneyLength([points[1], points[2]]), 1);
    await app.page.keyboard.press('Control+z');
    await app.page.waitForFunction(() => document.querySelectorAll('[data-testid=leg]')[1]?.getAttribute('data-mode') === 'network');
  });

  it('a click far from any path says so and adds nothing', async () => {
    const before = (await routePoints()).length;
    // a point near the route with no path within 600 m, found with the node engine
    const offsets = [-0.03, -0.02, -0.01, 0.01, 0.02, 0.03];
    const far = offsets
      .flatMap((dx) => offsets.map((dy): LonLat => [clicks[1][0] + dx, clicks[1][1] + dy]))
      .find((p) => nodeEngine.snap(p[0], p[1], 600) === null);
    if (!far) throw new Error('no point far from the network around the test edge');
    await app.page.evaluate((c) => window.__cavalierMap!.setCenter(c), far);
    await mapIdle(app.page);
    await clickAt(far);
    await expect
      .poll(() => app.page.locator('[data-testid=notice]').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('Aucun chemin à moins de 300 m')]));
    expect((await routePoints()).length).toBe(before);
  });

  it('dragging a point recomputes both legs, and undo puts it back', async () => {
    const points = await routePoints();
    const before = await statLength();
    await fitMapTo(app.page, ec, 120);
    // drag the middle point onto the edge's vertex at a quarter of its length
    const target = ec[Math.floor(ec.length / 4)];
    const from = await lonLatToPage(app.page, points[1]);
    const to = await lonLatToPage(app.page, target);
    await app.page.mouse.move(from.x, from.y);
    await app.page.mouse.down();
    await app.page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
    await app.page.mouse.move(to.x, to.y, { steps: 4 });
    await app.page.mouse.up();
    await app.page.waitForFunction((p) => {
      const pts = (window.__cavalierController as unknown as { route: { points: LonLat[] } }).route.points;
      return pts[1][0] !== p[0] || pts[1][1] !== p[1];
    }, points[1]);
    await settled(2);
    const moved = await routePoints();
    expect(karneyLength([moved[1], target])).toBeLessThan(15);
    const legs = await nodeEngine.legs([
      { from: moved[0], to: moved[1], mode: 'network' },
      { from: moved[1], to: moved[2], mode: 'network' },
    ]);
    expect(await statLength()).toBeCloseTo(nodeEngine.analyseLegs(legs).length_m, 3);
    await app.page.keyboard.press('Control+z');
    await app.page.waitForFunction((p) => {
      const pts = (window.__cavalierController as unknown as { route: { points: LonLat[] } }).route.points;
      return pts[1][0] === p[0] && pts[1][1] === p[1];
    }, points[1]);
    await settled(2);
    expect(await statLength()).toBeCloseTo(before, 6);
  });

  it('the exported GPX downloads, is valid GPX 1.1 and reads back to the same points', async () => {
    const points = await routePoints();
    const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.click('[data-testid=tool-export]')]);
    expect(download.suggestedFilename()).toMatch(/\.gpx$/);
    const path = await download.path();
    const gpx = readFileSync(path, 'utf8');
    const xsd = readFileSync(join(ROOT, 'test/fixtures/gpx-1.1.xsd'), 'utf8');
    const validation = await validateXML({ xml: [{ fileName: 'route.gpx', contents: gpx }], schema: [{ fileName: 'gpx.xsd', contents: xsd }] });
    expect(validation.errors).toEqual([]);
    const back = readTrackFile(gpx, 'route.gpx', { parseXml: parseXmlWithXmldom });
    if (!back.ok) throw new Error(back.error.code);
    const legs = await nodeEngine.legs([
      { from: points[0], to: points[1], mode: 'network' },
      { from: points[1], to: points[2], mode: 'network' },
    ]);
    const expected = legs.flatMap((l, i) => (i ? l.coords.slice(1) : l.coords));
    expect(back.value.segments.length).toBe(1);
    expect(back.value.segments[0].length).toBe(expected.length);
    // every point has an elevation (from the approximate relief)
    expect(back.value.segments[0].every((p) => p.length === 3)).toBe(true);
    expect(analyseTrack(back.value.segments).length_m).toBeCloseTo(await statLength(), 0);
  });

  it('a broken GPX gets a French message and changes nothing', async () => {
    const before = await statLength();
    const legs = await legCount();
    for (const name of ['not-xml.gpx', 'nan-lon.gpx', 'no-track.gpx']) {
      await app.page.setInputFiles('[data-testid=tool-import-input]', fixture(name));
      await expect
        .poll(() => app.page.locator('[data-testid=notice][data-kind=error]').allTextContents())
        .toEqual(expect.arrayContaining([expect.stringMatching(/Import impossible.*Rien n’a été modifié/)]));
      await app.page.locator('[data-testid=notice][data-kind=error] button').first().click();
    }
    expect(await legCount()).toBe(legs);
    expect(await statLength()).toBeCloseTo(before, 6);
    expect(await app.page.locator('[data-testid=track-item]').count()).toBe(0);
  });

  it('an imported GPX is displayed and measured with its own elevations', async () => {
    await app.page.setInputFiles('[data-testid=tool-import-input]', fixture('two-segments.gpx'));
    await app.page.waitForSelector('[data-testid=track-item]');
    const track = readTrackFile(readFileSync(fixture('two-segments.gpx'), 'utf8'), 'two-segments.gpx', { parseXml: parseXmlWithXmldom });
    if (!track.ok) throw new Error(track.error.code);
    const expected = analyseTrack(track.value.segments);
    await expect.poll(statLength).toBeCloseTo(expected.length_m, 3);
    expect(await app.page.textContent('[data-testid=stat-elevation-source]')).toContain('fichier importé');
    expect(Number(await app.page.getAttribute('[data-testid=stat-ascent]', 'data-value'))).toBeCloseTo(expected.profile!.ascent, 6);
    // back to the drawn route
    await app.page.click('[data-testid=track-select-route]');
    await expect.poll(() => legCount()).toBe(2);
  });

  it('a UTF-16 GPX from a Windows exporter imports with its accents', async () => {
    await app.page.setInputFiles('[data-testid=tool-import-input]', join(ROOT, 'test/fixtures/hostile/utf16le.gpx'));
    await expect
      .poll(() => app.page.locator('[data-testid=track-item]').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('Liévin – forêt')]));
    await app.page.click('[data-testid=track-select-route]');
    await expect.poll(() => legCount()).toBe(2);
  });

  it('hovering the profile shows the matching point on the map', async () => {
    const box = (await app.page.locator('[data-testid=elevation-profile-svg]').boundingBox())!;
    await app.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = await app.page.waitForFunction(() => (window.__cavalierController as unknown as { hover: LonLat | null }).hover);
    const lonlat = (await hover.jsonValue()) as LonLat;
    // the hover marker lies on the drawn route
    const points = await routePoints();
    const legs = await nodeEngine.legs([
      { from: points[0], to: points[1], mode: 'network' },
      { from: points[1], to: points[2], mode: 'network' },
    ]);
    const near = legs.some((l) => l.coords.some((c) => karneyLength([c, lonlat]) < 60));
    expect(near).toBe(true);
    expect(app.unexpectedErrors()).toEqual([]);
  });
});
