// The organiser's outputs of one formula, in the real app: the same GPX from the toolbar and from
// the formula panel, with the cut-offs; the roadbook with its map and profile, printed to an A4
// PDF by Chromium (page.pdf) and read back with pdf.js; a share link opened in a fresh browser
// context that finds the same route, read-only, and adds it to the events there; a route too
// long for a link, which offers the project file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { addFormula, createEvent, emptyProject, serializeProject } from '../../src/core/event/index';
import { ROOT, startApp, waitForMapReady, type StartedApp, clickMapAt, fitMapTo, legsSettled, waitForNetwork, longPathEdges } from './harness';

type LonLat = [number, number];

const xsd = readFileSync(join(ROOT, 'test/fixtures/gpx-1.1.xsd'), 'utf8');
const e1 = longPathEdges()[0].geometry.coordinates as LonLat[];
const clicks: LonLat[] = [e1[0], e1[Math.floor(e1.length / 2)], e1[e1.length - 1]];

let app: StartedApp;
const routePoints = (page: Page) => page.evaluate(() => (window.__cavalierController as unknown as { route: { points: LonLat[] } }).route.points);
const routeLines = (page: Page) =>
  page.evaluate(() => (window.__cavalierController as unknown as { route: { legs: { coordinates: LonLat[] }[] } }).route.legs.map((l) => l.coordinates));
const total = async () => Number(await app.page.locator('[data-testid=formula-item]').first().getAttribute('data-total'));
const clock = (min: number) => `${String(9 + Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;

/** A browser context of its own (no storage shared with the first page), offline like the harness's. */
async function freshContext(): Promise<BrowserContext> {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'fr-FR' });
  await context.route(
    (u) => !u.href.startsWith(app.url),
    (route) => route.abort('internetdisconnected'),
  );
  return context;
}

async function download(page: Page, selector: string): Promise<Buffer> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return readFileSync(await d.path());
}

beforeAll(async () => {
  app = await startApp({ viewport: { width: 1280, height: 1000 } });
  await waitForMapReady(app.page);
  await waitForNetwork(app.page, clicks[0]);
  await app.page.waitForSelector('[data-testid=events-panel][data-session^=empty]');
});

afterAll(async () => {
  await app?.close();
});

describe('a formula’s GPX, roadbook and link', () => {
  it('draws the Ultra of the Trail template, starts it at 09:00 at 12 min/km, with an aid station cut at 1:30', async () => {
    await app.page.click('[data-testid=event-template-trail-pyramides-noires]');
    await expect.poll(() => app.page.locator('[data-testid=formula-item]').count()).toBe(4);
    await fitMapTo(app.page, e1, 120);
    await app.page.click('[data-testid=tool-draw]');
    for (const c of clicks) await clickMapAt(app.page, c);
    await legsSettled(app.page, 2);
    await app.page.click('[data-testid=tool-draw]');
    await app.page.fill('[data-testid=formula-start]', '2025-06-14T09:00');
    await app.page.press('[data-testid=formula-start]', 'Enter');
    await app.page.fill('[data-testid=formula-pace]', '12');
    await app.page.press('[data-testid=formula-pace]', 'Enter');
    const line = (await routeLines(app.page)).flat();
    const target = line[Math.floor(line.length / 3)];
    await app.page.selectOption('[data-testid=cp-kind]', 'aid');
    await app.page.click('[data-testid=cp-place]');
    await clickMapAt(app.page, target);
    await app.page.waitForSelector('[data-testid=course-point][data-kind=aid]');
    await app.page.click('[data-testid=cp-place]');
    await app.page.fill('[data-testid=course-point-cutoff]', '1:30');
    await app.page.press('[data-testid=course-point-cutoff]', 'Enter');
    await expect.poll(() => app.page.locator('[data-testid=course-point-cutoff-label]').textContent()).toContain('10:30');
    await expect.poll(() => app.page.locator('[data-testid=formula-item]').first().getAttribute('data-status'), { timeout: 20_000 }).toBe('short');
  });

  it('the toolbar’s Exporter GPX and the panel’s GPX de la formule give the same bytes: valid, with the cut-offs', async () => {
    const fromToolbar = await download(app.page, '[data-testid=tool-export]');
    const fromPanel = await download(app.page, '[data-testid=export-formula]');
    expect(fromToolbar.equals(fromPanel)).toBe(true);
    const gpx = fromPanel.toString('utf8');
    const validation = await validateXML({ xml: [{ fileName: 'f.gpx', contents: gpx }], schema: [{ fileName: 'gpx.xsd', contents: xsd }] });
    expect(validation.errors).toEqual([]);
    const wpts = Array.from(new DOMParser().parseFromString(gpx, 'application/xml').getElementsByTagName('wpt'));
    const child = (w: (typeof wpts)[0], tag: string) => w.getElementsByTagName(tag)[0]?.textContent ?? null;
    expect(wpts.map((w) => child(w, 'type'))).toEqual(['AID_STATION']);
    expect(child(wpts[0], 'cmt')).toBe('Barrière horaire 10:30');
    const km = Number(await app.page.getAttribute('[data-testid=course-point]', 'data-km'));
    expect(child(wpts[0], 'desc')).toBe(`km ${km.toFixed(1)} · Barrière horaire 10:30`);
  });

  it('prints the roadbook: map and profile with the aid station, the stats panel’s D+, the cut-offs; an A4 PDF that reads back', async () => {
    await app.page.click('[data-testid=export-roadbook]');
    await app.page.waitForSelector('[data-testid=roadbook]');
    // the D+ of the stats panel, one definition
    const statAscent = Number(await app.page.getAttribute('[data-testid=stat-ascent]', 'data-value'));
    expect(Number(await app.page.getAttribute('[data-testid=roadbook-summary]', 'data-ascent'))).toBeCloseTo(statAscent, 6);
    expect(await app.page.locator('[data-testid=roadbook-method]').textContent()).toContain('profil lissé');
    // the map: the route, its start, aid station and finish, km marks every round step up to the length
    const map = app.page.locator('[data-testid=roadbook-map]');
    expect(await map.locator('[data-testid=roadbook-map-route]').count()).toBe(1);
    expect((await map.locator('[data-testid=roadbook-map-point]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).sort()).toEqual([
      'aid',
      'finish',
      'start',
    ]);
    const marks = (await map.locator('[data-testid=roadbook-km-mark]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-km'))))) as number[];
    const length_km = (await total()) / 1000;
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.length).toBeLessThanOrEqual(12);
    expect(marks[marks.length - 1]).toBeLessThan(length_km);
    marks.forEach((m, i) => expect(m).toBeCloseTo(marks[0] * (i + 1), 9));
    // the profile: the aid station at its km
    const aidKm = Number(await app.page.getAttribute('[data-testid=course-point]', 'data-km'));
    expect(Number(await app.page.getAttribute('[data-testid=roadbook-profile-point][data-kind=aid]', 'data-km'))).toBeCloseTo(aidKm, 9);
    // the table: the aid station's cut-off, the finish by the pace (km × 12 min from 09:00)
    expect(await app.page.locator('[data-testid=roadbook-row][data-kind=aid]').textContent()).toContain('10:30');
    const finishCut = clock(Math.round(length_km * 12));
    expect(await app.page.locator('[data-testid=roadbook-row][data-kind=finish]').textContent()).toContain(finishCut);
    await app.page.screenshot({ path: '/tmp/cavalier-roadbook-figures.png', fullPage: true });

    // printed by Chromium as the browser's « Enregistrer au format PDF » does, on the sheet's A4 page
    const pdf = await app.page.pdf({ preferCSSPageSize: true, printBackground: true, path: '/tmp/cavalier-roadbook.pdf' });
    const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
    const first = await doc.getPage(1);
    const [, , w, h] = first.view;
    expect(w).toBeCloseTo(595.28, 0); // A4: 210 × 297 mm in points
    expect(h).toBeCloseTo(841.89, 0);
    let text = '';
    for (let p = 1; p <= doc.numPages; p++) {
      const content = await (await doc.getPage(p)).getTextContent();
      text += `${content.items.map((it) => ('str' in it ? it.str : '')).join(' ')}\n`;
    }
    // captions are in capitals by the CSS: compared without case
    const flat = text.replace(/\s+/g, ' ').toLowerCase();
    for (const s of ['Roadbook', 'Ultra 100 km', 'Plan du parcours', 'Profil', 'Ravitaillement 1', '10:30', finishCut, 'Routes traversées'])
      expect(flat).toContain(s.toLowerCase());
    // the app behind the sheet is not printed
    expect(flat).not.toContain('parcours sportifs du bassin minier');
    await doc.destroy();
    // the print layout, for a look (not asserted)
    await app.page.emulateMedia({ media: 'print' });
    await app.page.screenshot({ path: '/tmp/cavalier-roadbook-print.png', fullPage: true });
    await app.page.emulateMedia({ media: null });
    await app.page.click('[data-testid=roadbook-close]');
  });

  it('copies a link that opens the same route in a fresh browser, read-only, then added to the events there', async () => {
    const points = await routePoints(app.page);
    const length_m = await total();
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url.replace(/\/$/, '') });
    await app.page.click('[data-testid=tool-share]');
    await expect.poll(() => app.page.locator('[data-testid=notice][data-id=share]').textContent()).toMatch(/^Lien du parcours copié/);
    const link = await app.page.evaluate(() => navigator.clipboard.readText());
    expect(link.startsWith(`${app.url}#partage=1&`)).toBe(true);
    expect(link.length).toBeLessThan(8000);

    const context = await freshContext();
    try {
      const page = await context.newPage();
      await page.goto(link, { waitUntil: 'load' });
      await waitForMapReady(page);
      await page.waitForSelector('[data-testid=shared-route]');
      expect(await page.locator('[data-testid=shared-route]').textContent()).toContain('Trail des Pyramides Noires — Ultra 100 km');
      // the same points (to the link's 1e-6°) and the same length, computed again by this page's worker
      await expect.poll(() => page.getAttribute('[data-testid=shared-route]', 'data-length'), { timeout: 30_000 }).not.toBe('');
      const shown = await routePoints(page);
      expect(shown).toHaveLength(points.length);
      shown.forEach((p, i) => {
        expect(Math.abs(p[0] - points[i][0])).toBeLessThanOrEqual(5e-7 + 1e-12);
        expect(Math.abs(p[1] - points[i][1])).toBeLessThanOrEqual(5e-7 + 1e-12);
      });
      expect(Number(await page.getAttribute('[data-testid=shared-route]', 'data-length'))).toBeCloseTo(length_m, 0);
      await page.screenshot({ path: '/tmp/cavalier-shared.png' });
      // read-only: nothing of it is in this browser's events yet, and drawing adds nothing
      expect(await page.locator('[data-testid=formula-item]').count()).toBe(0);
      await page.click('[data-testid=tool-draw]').catch(() => {});
      await clickMapAt(page, e1[1]);
      expect(await routePoints(page)).toHaveLength(points.length);

      await page.click('[data-testid=shared-add]');
      await expect.poll(() => page.locator('[data-testid=formula-item]').count()).toBe(1);
      expect(await page.locator('[data-testid=event-select] option:checked').textContent()).toBe('Trail des Pyramides Noires');
      expect(await page.locator('[data-testid=formula-item] .cav-formula-name').allTextContents()).toEqual(['Ultra 100 km']);
      expect(await page.locator('[data-testid=shared-route]').count()).toBe(0);
      expect(new URL(page.url()).hash).toBe('');
      await expect.poll(() => routePoints(page)).toEqual(shown);
      await expect
        .poll(async () => Number(await page.locator('[data-testid=formula-item]').first().getAttribute('data-total')), { timeout: 30_000 })
        .toBeCloseTo(length_m, 0);
    } finally {
      await context.close();
    }
  });

  it('a damaged link says so in French and changes nothing', async () => {
    const context = await freshContext();
    try {
      const page = await context.newPage();
      await page.goto(`${app.url}#partage=1&n=x&p=abc`, { waitUntil: 'load' });
      await waitForMapReady(page);
      await expect
        .poll(() => page.locator('[data-testid=notice][data-id=share]').textContent())
        .toMatch(/^Ce lien de parcours est incomplet ou abîmé \(partie «\u00a0p\u00a0»\).*Rien n’a été modifié/);
      expect(await page.locator('[data-testid=shared-route]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('a route too long for a link says so and offers the project file instead', async () => {
    // 1,500 control points in straight legs, opened as a project file and joined to the events
    const pts: LonLat[] = Array.from({ length: 1500 }, (_, i) => [2.7 + (i % 50) * 0.004 + i * 1e-5, 50.35 + Math.floor(i / 50) * 0.003]);
    const ids = (() => {
      let n = 0;
      return () => `long-${++n}`;
    })();
    const event = addFormula(
      createEvent({ name: 'Longue', discipline: 'raid' }, ids),
      { name: 'Tout le bassin', route: { name: 'Tout', points: pts, modes: pts.slice(1).map(() => 'straight' as const) } },
      ids,
    );
    const text = serializeProject({ ...emptyProject(), events: [event] });
    await app.page.setInputFiles('[data-testid=project-open-input]', { name: 'longue.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await app.page.click('[data-testid=confirm-add]');
    await app.page.selectOption('[data-testid=event-select]', { label: 'Longue' });
    await expect.poll(async () => (await routePoints(app.page)).length).toBe(1500);
    await app.page.click('[data-testid=tool-share]');
    const notice = app.page.locator('[data-testid=notice][data-id=share]');
    await expect
      .poll(() => notice.textContent())
      .toMatch(/^Parcours trop long pour un lien \((\d|\s)+caractères, 8000 au plus\)\u00a0: envoyez plutôt le fichier du projet\./);
    expect(await notice.locator('[data-testid=notice-action]').textContent()).toBe('Enregistrer le projet');
    const saved = await download(app.page, '[data-testid=notice][data-id=share] [data-testid=notice-action]');
    expect(JSON.parse(saved.toString('utf8')).events.map((e: { name: string }) => e.name)).toContain('Longue');
  });
});
