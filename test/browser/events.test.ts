// What an organiser does with an event: create it from a template, draw two formulas, place an
// aid station, export every formula as a zip of GPX files, reload and find it all again, and be
// protected from a corrupt project file and a full disk. The worker is the real one; figures
// are compared with the core run here in node.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { kmOfPoint, normalizeGeometry } from '../../src/core/event/index';
import { readTrackFile } from '../../src/core/gpx/read';
import { parseXmlWithXmldom } from '../../src/core/gpx/xml';
import { joinLegs, type Leg } from '../../src/core/route/leg';
import { createEngine } from '../../workers/engine';
import {
  ROOT,
  startApp,
  waitForMapReady,
  type StartedApp,
  clickMapAt,
  fitMapTo,
  legsSettled,
  waitForNetwork,
  longPathEdges,
  waitForSave as harnessWaitForSave,
  lonLatToPage,
} from './harness';

type LonLat = [number, number];

const dataDir = join(ROOT, 'public/data');
const xsd = readFileSync(join(ROOT, 'test/fixtures/gpx-1.1.xsd'), 'utf8');
const nodeEngine = createEngine();

// Two long edges of the network, far enough apart: one per formula.
const edges = longPathEdges();
const e1 = edges[0].geometry.coordinates as LonLat[];
const e2 = (edges.find((f) => Math.abs(f.geometry.coordinates[0][0] - e1[0][0]) + Math.abs(f.geometry.coordinates[0][1] - e1[0][1]) > 0.05) ?? edges[1])
  .geometry.coordinates as LonLat[];
const clicks1: LonLat[] = [e1[0], e1[Math.floor(e1.length / 2)], e1[e1.length - 1]];
const clicks2: LonLat[] = [e2[0], e2[e2.length - 1]];

let app: StartedApp;

const routePoints = (page = app.page) => page.evaluate(() => (window.__cavalierController as unknown as { route: { points: LonLat[] } }).route.points);
const formulaItems = () => app.page.locator('[data-testid=formula-item]');

const clickAt = (lonlat: LonLat) => clickMapAt(app.page, lonlat);

async function frame(coords: LonLat[]) {
  await fitMapTo(app.page, coords, 120);
}

/** Waits until the route on the map has `legs` legs, all computed. */
const settled = (legs: number) => legsSettled(app.page, legs);

async function nodeLegs(points: LonLat[]): Promise<Leg[]> {
  return nodeEngine.legs(points.slice(1).map((p, i) => ({ from: points[i], to: p, mode: 'network' as const })));
}

const waitForSave = () => harnessWaitForSave(app.page);

async function workerReady(page = app.page) {
  await waitForNetwork(page, clicks1[0]);
}

const drawn: { points: LonLat[]; legs: Leg[] }[] = [];

beforeAll(async () => {
  const buf = readFileSync(join(dataDir, 'network.bin'));
  nodeEngine.loadNetwork(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer, []);
  app = await startApp({ viewport: { width: 1280, height: 1000 } });
  await waitForMapReady(app.page);
  await workerReady();
  // the autosave was read (nothing on a fresh profile)
  await app.page.waitForSelector('[data-testid=events-panel][data-session^=empty]');
});

afterAll(async () => {
  await app?.close();
});

describe('events and formulas in the browser', () => {
  it('a first launch creates nothing and offers the three templates and a blank event', async () => {
    expect(await formulaItems().count()).toBe(0);
    for (const id of ['trail-pyramides-noires', 'raid-bassin-minier', 'challenge-vtt-xc', 'blank']) {
      expect(await app.page.locator(`[data-testid=event-template-${id}]`).count()).toBe(1);
    }
  });

  it('creates an event from the Trail template, its four formulas listed against their targets', async () => {
    await app.page.click('[data-testid=event-template-trail-pyramides-noires]');
    await expect.poll(() => formulaItems().count()).toBe(4);
    expect(await app.page.locator('[data-testid=event-select] option:checked').textContent()).toBe('Trail des Pyramides Noires');
    const names = await app.page.locator('[data-testid=formula-item] .cav-formula-name').allTextContents();
    expect(names).toEqual(['Ultra 100 km', 'Marathon 42 km', 'Semi 21 km', 'Marche familiale 10 km']);
    expect(await formulaItems().first().getAttribute('data-status')).toBe('empty');
    expect(await app.page.locator('[data-testid=formula-item] .cav-formula-meta').first().textContent()).toContain('cible 100\u00a0km ± 3\u00a0km');
  });

  it('draws two formulas, each measured by the worker against its target', async () => {
    await frame(e1);
    await app.page.click('[data-testid=tool-draw]');
    for (const c of clicks1) await clickAt(c);
    await settled(2);
    const p1 = await routePoints();
    expect(p1).toHaveLength(3);
    drawn.push({ points: p1, legs: await nodeLegs(p1) });

    await app.page.locator('[data-testid=formula-select]').nth(1).click();
    await expect.poll(() => routePoints()).toEqual([]);
    await frame(e2);
    for (const c of clicks2) await clickAt(c);
    await settled(1);
    const p2 = await routePoints();
    expect(p2).toHaveLength(2);
    drawn.push({ points: p2, legs: await nodeLegs(p2) });
    await app.page.click('[data-testid=tool-draw]');

    // the first formula kept its route
    await app.page.locator('[data-testid=formula-select]').nth(0).click();
    await expect.poll(() => routePoints()).toEqual(p1);

    // figures against the target: a few km against 100 and 42 km, far too short, by how much
    for (const i of [0, 1]) {
      const item = formulaItems().nth(i);
      await expect.poll(() => item.getAttribute('data-status'), { timeout: 20_000 }).toBe('short');
      const total = Number(await item.getAttribute('data-total'));
      const expected = nodeEngine.analyseLegs(drawn[i].legs).length_m;
      expect(total).toBeCloseTo(expected, 3);
      const target = i === 0 ? 100_000 : 42_000;
      const shown = ((target - total) / 1000).toLocaleString('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
      expect(await item.locator('[data-testid=formula-target-status]').textContent()).toBe(`−${shown} km`);
    }
    expect(await formulaItems().nth(2).getAttribute('data-status')).toBe('empty');
  });

  it('places an aid station on the route, listed with its km and marked on the profile', async () => {
    const line = joinLegs(drawn[0].legs);
    const target = line[Math.floor(line.length / 3)];
    await frame(drawn[0].points);
    await app.page.selectOption('[data-testid=cp-kind]', 'aid');
    await app.page.click('[data-testid=cp-place]');
    await clickAt([target[0], target[1]]);
    await app.page.waitForSelector('[data-testid=course-point][data-kind=aid]');
    await app.page.click('[data-testid=cp-place]');
    const km = Number(await app.page.getAttribute('[data-testid=course-point]', 'data-km'));
    expect(km).toBeCloseTo(kmOfPoint(line, [target[0], target[1]])!.km, 1);
    expect(await app.page.inputValue('[data-testid=course-point-name]')).toBe('Ravitaillement 1');
    await expect.poll(() => app.page.locator('[data-testid=profile-marker]').count()).toBe(1);
    // drawn on the map
    const onMap = await app.page.evaluate(() => (window.__cavalierController as unknown as { coursePoints: { kind: string }[] }).coursePoints);
    expect(onMap.map((p) => p.kind)).toEqual(['aid']);
  });

  it('drags the aid station along the route: its km follows; dropped far from the route it stays where it was', async () => {
    const line = joinLegs(drawn[0].legs);
    const aidOnMap = () =>
      app.page.evaluate(() => (window.__cavalierController as unknown as { coursePoints: { lonlat: [number, number] }[] }).coursePoints[0].lonlat);
    const km = async () => Number(await app.page.getAttribute('[data-testid=course-point]', 'data-km'));
    const dragTo = async (to: LonLat) => {
      const from = await lonLatToPage(app.page, await aidOnMap());
      const end = await lonLatToPage(app.page, to);
      await app.page.mouse.move(from.x, from.y);
      await app.page.mouse.down();
      for (let i = 1; i <= 10; i++) await app.page.mouse.move(from.x + ((end.x - from.x) * i) / 10, from.y + ((end.y - from.y) * i) / 10);
      await app.page.mouse.up();
    };
    await app.page.click('[data-testid=cp-place]');
    const target = line[Math.floor((2 * line.length) / 3)];
    await dragTo([target[0], target[1]]);
    const expected = kmOfPoint(line, [target[0], target[1]])!.km;
    await expect.poll(km).toBeCloseTo(expected, 1);
    expect(await app.page.locator('[data-testid=course-point]').count()).toBe(1);
    expect(await app.page.inputValue('[data-testid=course-point-name]')).toBe('Ravitaillement 1');

    // 2 km north of the route: refused in French, the point goes back
    const placed = await aidOnMap();
    const kmBefore = await km();
    await dragTo([target[0], target[1] + 0.018]);
    await expect
      .poll(() => app.page.locator('[data-testid=notice][data-id=cp] .cav-notice-text').textContent())
      .toMatch(/^Point déposé à \d+\u00a0m du tracé\u00a0: il reste où il était/);
    expect(await km()).toBe(kmBefore);
    await expect.poll(aidOnMap).toEqual(placed);
    await app.page.click('[data-testid=cp-place]');
  });

  it('exports every drawn formula as a zip of valid GPX files, with the aid station as a wpt', async () => {
    const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.click('[data-testid=export-zip]')]);
    expect(download.suggestedFilename()).toBe('Trail-des-Pyramides-Noires.zip');
    const files = unzipSync(readFileSync(await download.path()));
    expect(Object.keys(files).sort()).toEqual(['Trail-des-Pyramides-Noires_Marathon-42-km.gpx', 'Trail-des-Pyramides-Noires_Ultra-100-km.gpx']);
    // the formulas without a route are named in a notice
    await expect
      .poll(() => app.page.locator('[data-testid=notice]').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('Semi 21 km, Marche familiale 10 km')]));
    const names = ['Trail-des-Pyramides-Noires_Ultra-100-km.gpx', 'Trail-des-Pyramides-Noires_Marathon-42-km.gpx'];
    for (const [i, name] of names.entries()) {
      const gpx = strFromU8(files[name]);
      const validation = await validateXML({ xml: [{ fileName: name, contents: gpx }], schema: [{ fileName: 'gpx.xsd', contents: xsd }] });
      expect(validation.errors).toEqual([]);
      const back = readTrackFile(gpx, name, { parseXml: parseXmlWithXmldom });
      if (!back.ok) throw new Error(back.error.code);
      expect(back.value.segments).toHaveLength(1);
      // one trkpt per point of the formula's line (legs joined, as the GPX rounds them)
      expect(back.value.segments[0].length).toBe(normalizeGeometry(joinLegs(drawn[i].legs)).length);
      expect(back.value.segments[0].every((p) => p.length === 3)).toBe(true);
      const xml = new DOMParser().parseFromString(gpx, 'application/xml');
      expect(xml.getElementsByTagName('rte').length).toBe(0);
      const wpts = Array.from(xml.getElementsByTagName('wpt'));
      if (i === 0) {
        expect(wpts).toHaveLength(1);
        const child = (tag: string) => wpts[0].getElementsByTagName(tag)[0]?.textContent;
        expect(child('type')).toBe('AID_STATION');
        expect(child('sym')).toBe('Food Source');
        expect(child('name')).toBe('Ravitaillement 1');
      } else {
        expect(wpts).toHaveLength(0);
      }
      expect(xml.getElementsByTagName('metadata')[0].getElementsByTagName('name')[0].textContent).toBe(
        i === 0 ? 'Trail des Pyramides Noires — Ultra 100 km' : 'Trail des Pyramides Noires — Marathon 42 km',
      );
    }
  });

  it('exports the formula’s GPX simplified for an old device, saying how the distance changed', async () => {
    await app.page.check('[data-testid=export-limit]');
    await app.page.fill('[data-testid=export-max-points]', '5');
    await app.page.press('[data-testid=export-max-points]', 'Enter');
    const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.click('[data-testid=export-formula]')]);
    expect(download.suggestedFilename()).toBe('Trail-des-Pyramides-Noires_Ultra-100-km.gpx');
    const gpx = readFileSync(await download.path(), 'utf8');
    const validation = await validateXML({ xml: [{ fileName: 'f.gpx', contents: gpx }], schema: [{ fileName: 'gpx.xsd', contents: xsd }] });
    expect(validation.errors).toEqual([]);
    const back = readTrackFile(gpx, 'f.gpx', { parseXml: parseXmlWithXmldom });
    if (!back.ok) throw new Error(back.error.code);
    expect(back.value.segments[0]).toHaveLength(5);
    await expect
      .poll(() => app.page.locator('[data-testid=notice]').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringMatching(/Tracé simplifié pour les anciens GPS\u00a0: \d+ → 5\u00a0points, distance [−+]?\d+\u00a0m\./)]));
    await app.page.uncheck('[data-testid=export-limit]');
  });

  it('undo and redo span formula selection, points on the course and routes', async () => {
    const km = () => app.page.getAttribute('[data-testid=course-point]', 'data-km');
    const moved = await km();
    await app.page.keyboard.press('Control+z'); // the aid station's move
    await expect.poll(km).not.toBe(moved);
    expect(await app.page.locator('[data-testid=course-point]').count()).toBe(1);
    await app.page.keyboard.press('Control+z'); // the aid station
    await expect.poll(() => app.page.locator('[data-testid=course-point]').count()).toBe(0);
    await app.page.keyboard.press('Control+Shift+z');
    await app.page.keyboard.press('Control+Shift+z');
    await expect.poll(km).toBe(moved);
  });

  it('a reload finds everything as it was', async () => {
    const before = {
      formulas: await app.page.locator('[data-testid=formula-item] .cav-formula-name').allTextContents(),
      totals: await formulaItems().evaluateAll((els) => els.map((e) => e.getAttribute('data-total'))),
      route: await routePoints(),
      point: await app.page.getAttribute('[data-testid=course-point]', 'data-km'),
    };
    await waitForSave();
    await app.page.reload({ waitUntil: 'load' });
    await waitForMapReady(app.page);
    await app.page.waitForSelector('[data-testid=events-panel][data-session^=restored]');
    expect(await app.page.locator('[data-testid=event-select] option:checked').textContent()).toBe('Trail des Pyramides Noires');
    expect(await app.page.locator('[data-testid=formula-item] .cav-formula-name').allTextContents()).toEqual(before.formulas);
    expect(await formulaItems().first().getAttribute('class')).toContain('is-active');
    await expect.poll(() => routePoints()).toEqual(before.route);
    await expect.poll(() => app.page.getAttribute('[data-testid=course-point]', 'data-km')).toBe(before.point);
    expect(await app.page.getAttribute('[data-testid=course-point]', 'data-kind')).toBe('aid');
    // the legs are computed again by the worker: same figures
    await expect.poll(() => formulaItems().evaluateAll((els) => els.map((e) => e.getAttribute('data-total'))), { timeout: 30_000 }).toEqual(before.totals);
  });

  it('prints the roadbook: start, aid station and finish by km, as text', async () => {
    await app.page.click('[data-testid=export-roadbook]');
    await app.page.waitForSelector('[data-testid=roadbook]');
    const kinds = await app.page.locator('[data-testid=roadbook-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')));
    expect(kinds).toEqual(['start', 'aid', 'finish']);
    const aid = await app.page.locator('[data-testid=roadbook-row][data-kind=aid]').textContent();
    expect(aid).toContain('Ravitaillement 1');
    await app.page.screenshot({ path: '/tmp/cavalier-roadbook.png' });
    await app.page.click('[data-testid=roadbook-close]');
    expect(await app.page.locator('[data-testid=roadbook]').count()).toBe(0);
    // the panels, for a look (not asserted)
    for (const id of ['events-panel', 'formula-list', 'formula-details', 'course-points']) {
      await app.page.locator(`[data-testid=${id}]`).screenshot({ path: `/tmp/cavalier-${id}.png` });
    }
  });

  it('a corrupt, foreign or future project file gets a French message and changes nothing', async () => {
    const before = await app.page.locator('[data-testid=formula-item] .cav-formula-name').allTextContents();
    const route = await routePoints();
    const cases: [string, string, RegExp][] = [
      ['casse.json', '{"format":"cavalier-project","schemaVersion":1,"events":[{"id":"e1"', /n’est pas un projet Cavalier valide.*Rien n’a été modifié/],
      ['autre.json', '{"type":"FeatureCollection","features":[]}', /n’est pas un projet Cavalier valide.*Rien n’a été modifié/],
      ['futur.json', '{"format":"cavalier-project","schemaVersion":99,"events":[]}', /version plus récente de Cavalier.*Rien n’a été modifié/],
    ];
    for (const [name, text, message] of cases) {
      await app.page.setInputFiles('[data-testid=project-open-input]', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
      await expect
        .poll(() => app.page.locator('[data-testid=notice][data-kind=error]').allTextContents())
        .toEqual(expect.arrayContaining([expect.stringMatching(message)]));
      await app.page.locator('[data-testid=notice][data-kind=error] button').first().click();
    }
    expect(await app.page.locator('[data-testid=confirm-dialog]').count()).toBe(0);
    expect(await app.page.locator('[data-testid=formula-item] .cav-formula-name').allTextContents()).toEqual(before);
    expect(await routePoints()).toEqual(route);
  });

  it('opening a valid project never replaces the current work without asking', async () => {
    const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.click('[data-testid=project-save]')]);
    const saved = readFileSync(await download.path(), 'utf8');
    const project = JSON.parse(saved) as { events: { name: string; formulas: { geometry: unknown[] }[] }[] };
    expect(project.events.map((e) => e.name)).toEqual(['Trail des Pyramides Noires']);
    expect(project.events[0].formulas[0].geometry.length).toBe(normalizeGeometry(joinLegs(drawn[0].legs)).length);

    await app.page.setInputFiles('[data-testid=project-open-input]', { name: 'trail.json', mimeType: 'application/json', buffer: Buffer.from(saved) });
    await app.page.waitForSelector('[data-testid=confirm-dialog]');
    await app.page.click('[data-testid=confirm-cancel]');
    expect(await app.page.locator('[data-testid=event-select] option').count()).toBe(2); // the event and "Parcours libre"
    await app.page.setInputFiles('[data-testid=project-open-input]', { name: 'trail.json', mimeType: 'application/json', buffer: Buffer.from(saved) });
    await app.page.click('[data-testid=confirm-add]');
    await expect.poll(() => app.page.locator('[data-testid=event-select] option').count()).toBe(3);
    // and it is one undoable step
    await app.page.keyboard.press('Control+z');
    await expect.poll(() => app.page.locator('[data-testid=event-select] option').count()).toBe(2);
    expect(app.unexpectedErrors()).toEqual([]);
  });
});

describe('autosave when the browser storage is full', () => {
  it('says so in French and the work in memory goes on', async () => {
    const full = await startApp({
      beforeNavigate: (page) =>
        page.addInitScript(() => {
          IDBObjectStore.prototype.put = () => {
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          };
        }),
    });
    try {
      await waitForMapReady(full.page);
      await full.page.click('[data-testid=event-template-raid-bassin-minier]');
      await expect
        .poll(() => full.page.locator('[data-testid=notice]').allTextContents(), { timeout: 10_000 })
        .toEqual(expect.arrayContaining([expect.stringContaining('l’espace de stockage du navigateur est plein')]));
      // still working: another edit goes through
      await full.page.locator('[data-testid=formula-select]').nth(2).click();
      await expect.poll(() => full.page.locator('[data-testid=formula-item].is-active .cav-formula-name').textContent()).toBe('Jour 2 — Étape 3');
      expect(full.unexpectedErrors()).toEqual([]);
    } finally {
      await full.close();
    }
  });
});
