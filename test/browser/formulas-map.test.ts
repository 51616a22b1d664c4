// Every formula on the map and the drawing tools always at hand (issue 14, points 1 and 2), in
// the real app: three formulas drawn on the embedded network, the drawn one bold and the others
// faded in their colours, one hidden from the list, the stretch two of them share, the km markers
// and a loop's start/finish; then Tracer in view without scrolling at 1440×900, 1280×720 and on
// a phone (390×844, where the map still takes clicks), « ? » and the keyboard order.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kmMarkers, sharedStretches } from '../../src/core/event/index';
import { joinLegs, type Leg } from '../../src/core/route/leg';
import { createEngine } from '../../workers/engine';
import { ROOT, clickMapAt, fitMapTo, legsSettled, longPathEdges, mapIdle, startPlanner, type StartedApp } from './harness';

type LonLat = [number, number];

const nodeEngine = createEngine();
const edges = longPathEdges();
const e1 = edges[0].geometry.coordinates as LonLat[];
const far = (a: LonLat, b: LonLat) => Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) > 0.05;
const e2 = (edges.find((f) => far(f.geometry.coordinates[0] as LonLat, e1[0])) ?? edges[1]).geometry.coordinates as LonLat[];
const mid = Math.floor(e1.length / 2);

let app: StartedApp;
const page = () => app.page;

const routePoints = () => page().evaluate(() => (window.__cavalierController as unknown as { route: { points: LonLat[] } }).route.points);

/** The features a GeoJSON source of the map holds now (the data last given to it). */
const sourceData = <P>(id: string) =>
  page().evaluate((id) => {
    const src = window.__cavalierMap!.getSource(id) as unknown as { serialize(): { data: { features: { properties: unknown; geometry: unknown }[] } } };
    return src.serialize().data.features;
  }, id) as Promise<{ properties: P; geometry: { type: string; coordinates: unknown } }[]>;

/** ids of the features drawn by map layers, in the whole view */
const rendered = (layers: string[], prop: string) =>
  page().evaluate(({ layers, prop }) => window.__cavalierMap!.queryRenderedFeatures({ layers }).map((f) => String(f.properties?.[prop] ?? '')), {
    layers,
    prop,
  });

/** A line layer's width at the map's zoom: its `interpolate` over zoom stops, evaluated here. */
async function lineWidth(layer: string): Promise<number> {
  const { spec, zoom } = await page().evaluate(
    (layer) => ({ spec: window.__cavalierMap!.getPaintProperty(layer, 'line-width'), zoom: window.__cavalierMap!.getZoom() }),
    layer,
  );
  const stops = (spec as (string | number | string[])[]).slice(3) as number[];
  if (zoom <= stops[0]) return stops[1];
  for (let i = 2; i < stops.length; i += 2) {
    if (zoom <= stops[i]) return stops[i - 1] + ((zoom - stops[i - 2]) / (stops[i] - stops[i - 2])) * (stops[i + 1] - stops[i - 1]);
  }
  return stops[stops.length - 1];
}

async function nodeLegs(points: LonLat[]): Promise<Leg[]> {
  return nodeEngine.legs(points.slice(1).map((p, i) => ({ from: points[i], to: p, mode: 'network' as const })));
}

async function draw(clicks: LonLat[]) {
  await fitMapTo(page(), clicks, 120);
  for (const c of clicks) await clickMapAt(page(), c);
  await legsSettled(page(), clicks.length - 1);
}

const formulaIds = () =>
  page()
    .locator('[data-testid=formula-item]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-formula-id')!));

/** The element of `testId` lies in the viewport, unscrolled, and is the one a click at its middle reaches. */
async function inViewAndOnTop(p: Page, testId: string) {
  return p.getByTestId(testId).evaluate((el) => {
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    const hit = document.elementFromPoint(x, y);
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, w: innerWidth, h: innerHeight, onTop: !!hit && el.contains(hit) };
  });
}

beforeAll(async () => {
  const buf = readFileSync(join(ROOT, 'public/data/network.bin'));
  nodeEngine.loadNetwork(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer, []);
  app = await startPlanner(e1[0], { viewport: { width: 1440, height: 900 } });
});

afterAll(async () => {
  await app?.close();
});

const clicksA: LonLat[] = [e1[0], e1[mid], e1[e1.length - 1]];
const clicksB: LonLat[] = [e2[0], e2[e2.length - 1]];
// C shares A's first half
const clicksC: LonLat[] = [e1[0], e1[mid]];

describe('every formula on the map', () => {
  it('draws three formulas: the one shown bold in its colour, the others faded in theirs', async () => {
    await page().click('[data-testid=event-template-trail-pyramides-noires]');
    await expect.poll(() => page().locator('[data-testid=formula-item]').count()).toBe(4);
    await page().click('[data-testid=tool-draw]');
    await draw(clicksA);
    await page().locator('[data-testid=formula-select]').nth(1).click();
    await expect.poll(routePoints).toEqual([]);
    await draw(clicksB);
    await page().locator('[data-testid=formula-select]').nth(2).click();
    await expect.poll(routePoints).toEqual([]);
    await draw(clicksC);
    await page().click('[data-testid=tool-draw]');
    const ids = await formulaIds();

    // the first formula shown: the two others in the faded layer, each in its own colour
    await page().locator('[data-testid=formula-select]').nth(0).click();
    await expect.poll(async () => (await routePoints()).length).toBe(3);
    await expect
      .poll(async () => (await sourceData<{ id: string; color: string }>('cav-formulas')).map((f) => f.properties.id).sort())
      .toEqual([ids[1], ids[2]].sort());
    const colors = await page()
      .locator('[data-testid=formula-shown]')
      .evaluateAll((els) => els.map((e) => getComputedStyle(e).borderTopColor));
    expect(new Set(colors.slice(0, 3)).size).toBe(3);
    const faded = await sourceData<{ id: string; color: string }>('cav-formulas');
    const legs = await sourceData<{ color: string }>('cav-route-legs');
    expect(new Set([legs[0].properties.color, ...faded.map((f) => f.properties.color)]).size).toBe(3);

    // all drawn (rendered, not only given) once the map frames them
    const all = [...clicksA, ...clicksB];
    await fitMapTo(page(), all, 60);
    await expect.poll(async () => [...new Set(await rendered(['cav-formulas'], 'id'))].sort()).toEqual([ids[1], ids[2]].sort());
    expect((await rendered(['cav-route'], 'leg')).length).toBeGreaterThan(0);
    // bold and full against thin and faded, with arrows along both
    expect(await lineWidth('cav-route')).toBeGreaterThan(1.3 * (await lineWidth('cav-formulas')));
    expect(await page().evaluate(() => window.__cavalierMap!.getPaintProperty('cav-formulas', 'line-opacity'))).toBe(0.5);
    expect(await page().evaluate(() => window.__cavalierMap!.getPaintProperty('cav-route', 'line-opacity'))).toBeUndefined();
    await page().evaluate((p) => window.__cavalierMap!.jumpTo({ center: p, zoom: 15 }), e1[mid]);
    await mapIdle(page());
    expect((await rendered(['cav-route-arrows'], 'leg')).length).toBeGreaterThan(0);
    expect((await rendered(['cav-formulas-arrows'], 'id')).length).toBeGreaterThan(0);
  });

  it('hides a formula from its row, and shows it again; the one drawn cannot be hidden', async () => {
    const ids = await formulaIds();
    const toggles = page().locator('[data-testid=formula-shown]');
    expect(await toggles.nth(0).isDisabled()).toBe(true);
    await toggles.nth(1).click();
    expect(await toggles.nth(1).getAttribute('aria-pressed')).toBe('false');
    await expect.poll(async () => (await sourceData<{ id: string }>('cav-formulas')).map((f) => f.properties.id)).toEqual([ids[2]]);
    await toggles.nth(1).click();
    await expect.poll(async () => (await sourceData<{ id: string }>('cav-formulas')).map((f) => f.properties.id).sort()).toEqual([ids[1], ids[2]].sort());
  });

  it('marks the stretch A and C share, as the core finds it on the same legs', async () => {
    const ids = await formulaIds();
    // the formulas' control points as the app holds them, routed again here by the worker's code
    const doc = await page().evaluate(
      () => (window as unknown as { __cavalierDoc: { events: { formulas: { route: { points: LonLat[] } }[] }[] } }).__cavalierDoc,
    );
    const lines = await Promise.all(doc.events[0].formulas.slice(0, 3).map(async (f, i) => ({ id: ids[i], coords: joinLegs(await nodeLegs(f.route.points)) })));
    const expected = sharedStretches(lines);
    expect(expected.map((s) => s.formulas)).toEqual([[ids[0], ids[2]]]);
    const shared = await sourceData<{ formulas: string; count: number }>('cav-shared');
    expect(shared.map((s) => s.properties.formulas)).toEqual([`${ids[0]} ${ids[2]}`]);
    expect(shared[0].geometry.coordinates).toEqual(expected[0].coords);
    // and said under the formulas, with its length
    expect(Number(await page().getAttribute('[data-testid=formulas-shared]', 'data-length'))).toBe(Math.round(expected[0].length_m));
    expect(await page().locator('[data-testid=formulas-shared]').innerText()).toContain(
      `${(expected[0].length_m / 1000).toLocaleString('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} km`,
    );
    // the km markers of the formula drawn, from the core on the same line
    const km = await sourceData<{ km: number; step: number }>('cav-km');
    const marks = kmMarkers(lines[0].coords);
    expect(marks.length).toBeGreaterThanOrEqual(2);
    expect(km.map((f) => f.properties.km)).toEqual(marks.map((m) => m.km));
    expect(km.map((f) => f.geometry.coordinates)).toEqual(marks.map((m) => m.lonlat));
    // every km is drawn close up, none zoomed out (only the 10 km ones would be)
    await page().evaluate((p) => window.__cavalierMap!.jumpTo({ center: p, zoom: 14 }), e1[mid]);
    await mapIdle(page());
    expect((await rendered(['cav-km-1', 'cav-km-5', 'cav-km-10'], 'km')).length).toBeGreaterThan(0);
    await page().evaluate((p) => window.__cavalierMap!.jumpTo({ center: p, zoom: 10 }), e1[mid]);
    await mapIdle(page());
    expect(await rendered(['cav-km-1', 'cav-km-5'], 'km')).toEqual([]);
  });

  it('on a loop, one start/finish marker where the two ends were one on the other', async () => {
    await page().click('[data-testid=formula-close-loop]');
    await expect.poll(async () => (await routePoints()).length).toBe(4);
    await legsSettled(page(), 3);
    const roles = (await sourceData<{ role: string }>('cav-route-points')).map((f) => f.properties.role);
    expect(roles).toEqual(['loop-start', 'mid', 'mid', 'loop-end']);
    await fitMapTo(page(), clicksA, 80);
    expect(await rendered(['cav-start-finish'], 'role')).toEqual(['loop-start']);
    // the start and finish points on the course, one place too: their badges side by side
    await page().click('[data-testid=cp-place]');
    for (const kind of ['start', 'finish']) {
      await page().selectOption('[data-testid=cp-kind]', kind);
      await clickMapAt(page(), e1[2]);
      await page().waitForSelector(`[data-testid=course-point][data-kind=${kind}]`);
    }
    await page().keyboard.press('Escape');
    await expect
      .poll(async () => (await sourceData<{ kind: string; pair: string }>('cav-course-points')).map((f) => `${f.properties.kind}:${f.properties.pair}`).sort())
      .toEqual(['finish:right', 'start:left']);
    await mapIdle(page());
    expect(await rendered(['cav-course-points-left'], 'kind')).toEqual(['start']);
    expect(await rendered(['cav-course-points-right'], 'kind')).toEqual(['finish']);
    expect(await rendered(['cav-course-points'], 'kind')).toEqual([]);
    // undone: two points on the course, then the loop
    for (let i = 0; i < 3; i++) await page().click('[data-testid=tool-undo]');
    await expect.poll(async () => (await routePoints()).length).toBe(3);
    expect(await page().locator('[data-testid=course-point]').count()).toBe(0);
    expect((await sourceData<{ role: string }>('cav-route-points')).map((f) => f.properties.role)).toEqual(['first', 'mid', 'last']);
  });
});

describe('the drawing tools always at hand', () => {
  for (const [width, height] of [
    [1440, 900],
    [1280, 720],
    [390, 844],
  ] as const) {
    it(`Tracer, undo, redo and the mode are in view without scrolling at ${width}×${height}, with an event and formulas, whatever the panel shows`, async () => {
      await page().setViewportSize({ width, height });
      await mapIdle(page());
      expect(await page().locator('[data-testid=formula-item]').count()).toBe(4);
      // the panel at its top (nothing scrolled), then scrolled to its end: the tools stay in view
      for (const where of ['top', 'end'] as const) {
        await page()
          .locator('.cav-panel-scroll')
          .evaluate((el, where) => el.scrollTo({ top: where === 'top' ? 0 : el.scrollHeight }), where);
        for (const id of ['tool-draw', 'tool-undo', 'tool-redo', 'mode-network', 'mode-straight', 'tool-shortcuts']) {
          const box = await inViewAndOnTop(page(), id);
          expect(box.top, `${id} ${where}`).toBeGreaterThanOrEqual(0);
          expect(box.bottom, `${id} ${where}`).toBeLessThanOrEqual(box.h);
          expect(box.left, `${id} ${where}`).toBeGreaterThanOrEqual(0);
          expect(box.right, `${id} ${where}`).toBeLessThanOrEqual(box.w);
          expect(box.onTop, `${id} ${where}`).toBe(true);
        }
      }
      expect(
        await page()
          .locator('.cav-panel-scroll')
          .evaluate((el) => el.scrollTop),
      ).toBeGreaterThan(0);
      await page()
        .locator('.cav-panel-scroll')
        .evaluate((el) => el.scrollTo({ top: 0 }));
      await page().screenshot({ path: `/tmp/cavalier-draw-tools-${width}x${height}.png` });
    });
  }

  it('on a phone the panel is a bottom sheet and the map above it still takes a click', async () => {
    await page().setViewportSize({ width: 390, height: 844 });
    const sheet = await page().getByTestId('side-panel').boundingBox();
    const map = await page().locator('.cav-map').boundingBox();
    expect(sheet!.y + sheet!.height).toBeCloseTo(844, 0);
    expect(map!.y + map!.height).toBeLessThanOrEqual(sheet!.y + 1);
    expect(map!.height).toBeGreaterThan(844 * 0.4);
    // a new formula drawn by a click on the map, in the middle of what the map shows
    await page().locator('[data-testid=formula-select]').nth(3).click();
    await expect.poll(routePoints).toEqual([]);
    await page().click('[data-testid=tool-draw]');
    const x = map!.x + map!.width / 2;
    const y = map!.y + map!.height * 0.6;
    expect(await page().evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName, { x, y })).toBe('CANVAS');
    await page().mouse.click(x, y);
    await expect.poll(async () => (await routePoints()).length).toBe(1);
    await page().click('[data-testid=tool-undo]');
    await expect.poll(routePoints).toEqual([]);
    await page().click('[data-testid=tool-draw]');
    // the sheet closes to give the whole screen to the map, and opens again
    await page().click('[data-testid=panel-toggle]');
    await expect.poll(async () => (await page().locator('.cav-map').boundingBox())!.height).toBeGreaterThan(700);
    await page().click('[data-testid=panel-toggle]');
    await page().setViewportSize({ width: 1440, height: 900 });
  });

  it('« ? » opens the sheet of every shortcut; Escape closes it', async () => {
    await page().evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page().keyboard.press('?');
    const sheet = page().getByTestId('shortcuts-sheet');
    await sheet.waitFor();
    const text = await sheet.innerText();
    for (const s of ['Ctrl+Z', 'Ctrl+Maj+Z', 'Ctrl+Y', 'Suppr', 'Retour arrière', 'Échap', 'Ctrl+K', '/', 'Clic droit', 'T', '?']) expect(text, s).toContain(s);
    for (const id of ['draw', 'undo', 'redo', 'delete', 'escape', 'click', 'drag', 'rightclick', 'search', 'search-nav', 'pan', 'zoom', 'field', 'help'])
      expect(await sheet.getByTestId(`shortcut-${id}`).count(), id).toBe(1);
    // the sheet has the keyboard: « T » does not reach Tracer under it
    await page().keyboard.press('t');
    expect(await page().getAttribute('[data-testid=tool-draw]', 'aria-pressed')).toBe('false');
    await page().screenshot({ path: '/tmp/cavalier-shortcuts.png' });
    await page().keyboard.press('Escape');
    await expect.poll(() => sheet.count()).toBe(0);
    // and from its button on the map
    await page().click('[data-testid=tool-shortcuts]');
    await sheet.waitFor();
    await page().click('[data-testid=shortcuts-close]');
    await expect.poll(() => sheet.count()).toBe(0);
    // « T » is Tracer
    expect(await page().getAttribute('[data-testid=tool-draw]', 'aria-pressed')).toBe('false');
    await page().keyboard.press('t');
    expect(await page().getAttribute('[data-testid=tool-draw]', 'aria-pressed')).toBe('true');
    await page().keyboard.press('t');
    expect(await page().getAttribute('[data-testid=tool-draw]', 'aria-pressed')).toBe('false');
  });

  it('reaches Tracer first by keyboard, then undo, redo, clear, the mode and « ? », before the panel', async () => {
    await page().reload();
    await page().waitForFunction(() => window.__cavalierMapReady === true, null, { timeout: 60_000 });
    const order: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page().keyboard.press('Tab');
      order.push(await page().evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? ''));
    }
    expect(order.slice(0, 1)).toEqual(['tool-draw']);
    // the disabled ones (nothing to undo after a reload) are skipped
    const tools = order.filter((id) => id.startsWith('tool-') || id.startsWith('mode-'));
    expect(tools[0]).toBe('tool-draw');
    expect(tools).toContain('mode-network');
    expect(tools).toContain('tool-shortcuts');
    expect(tools.indexOf('mode-network')).toBeLessThan(tools.indexOf('tool-shortcuts'));
    await page().keyboard.press('Shift+Tab');
    expect(app.unexpectedErrors()).toEqual([]);
  });
});
