// The Natura 2000 dossier as an organiser fills it in and an officer reads it: an event with its
// organiser and course points (aid station, parking, public area) whose route crosses a protected
// terril; the dossier's sections in the order of the formulaire simplifié, the sites, the
// checklist answered and kept in the event (autosaved), the maps (scale written, scale bar, north
// arrow, legend, zone labels, km marks, place names offline), the printable sheet, and the PDF
// Chromium prints (page.pdf), read back with pdfjs-dist.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, LineString } from 'geojson';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeProject, type Event } from '../../src/core/event';
import { prepareZones, reviewRoute, zonesFromGeoJson } from '../../src/core/review';
import { DOSSIER_SECTION_TITLES } from '../../src/i18n/dossier';
import { karneyLength } from '../helpers/karney';
import { encodePng } from '../helpers/terrarium';
import { legsSettled, ROOT, savedSession, startApp, waitForMapReady, waitForNetwork, waitForSave, type StartedApp } from './harness';

type LonLat = [number, number];
const dataDir = join(ROOT, 'public/data');
const json = (name: string) => JSON.parse(readFileSync(join(dataDir, name), 'utf8')) as unknown;

// a network edge through a protected terril (as in review.test.ts), ridden back and forth until the route is over 6 km
const reseau = json('reseau.geojson') as FeatureCollection<LineString, { kind: string; length_m: number }>;
const protections = zonesFromGeoJson(json('protections.geojson'), { file: 'p', layer: 'protections', kind: 'protection', kindProperties: ['kind'] });
if (!protections.ok) throw new Error(protections.error.code);
const zones = prepareZones(protections.value.zones);
const edge = reseau.features
  .filter((f) => f.properties.kind !== 'gap')
  .map((f) => ({ c: f.geometry.coordinates as LonLat[], r: reviewRoute(f.geometry.coordinates as LonLat[], zones, { buffer_m: 0 }) }))
  .filter((x) => x.r.crossings.length > 0 && karneyLength(x.c) > 300)
  .sort((a, b) => b.r.crossings[0].length_m - a.r.crossings[0].length_m)[0];
if (!edge) throw new Error('no network edge crosses a protection polygon');
const zoneName = edge.r.crossings[0].zone;
const A = edge.c[0];
const B = edge.c[edge.c.length - 1];
const legsCount = Math.ceil(6000 / karneyLength(edge.c));
const points: LonLat[] = Array.from({ length: legsCount + 1 }, (_, i) => (i % 2 === 0 ? A : B));

const ORGANISER = { name: 'Association Trail des Terrils', address: '12 rue des Mineurs\n62300 Lens', contact: '03 21 00 00 00 · contact@trail-terrils.fr' };
const event: Event = {
  id: 'ev-dossier',
  name: 'Trail des Terrils',
  discipline: 'trail',
  dates: ['2027-05-16'],
  participants: { runners: 300, staff: 40, public: 120 },
  organiser: ORGANISER,
  formulas: [
    {
      id: 'f-dossier',
      name: 'Trail court',
      targetDistance_m: 0,
      tolerance_m: 0,
      laps: 1,
      loop: false,
      start: '2027-05-16T09:30',
      cutoffPace_min_per_km: 12,
      route: { name: 'Trail court', points, modes: points.slice(1).map(() => 'network' as const) },
      coursePoints: [
        { id: 'cp-aid', kind: 'aid', name: 'Ravitaillement du terril', lonlat: B, km: 0 },
        { id: 'cp-park', kind: 'parking', name: 'Parking de la base', lonlat: A, km: 0 },
        { id: 'cp-pub', kind: 'public', name: 'Espace spectateurs', lonlat: A, km: 0 },
      ],
    },
  ],
};

let app: StartedApp;
const dossier = () => app.page.locator('[data-testid=review-dossier-view]');

/** The app with the event opened from a project file, its route computed, and the dossier open. */
async function openDossier(options: Parameters<typeof startApp>[0] = {}): Promise<StartedApp> {
  const started = await startApp({ viewport: { width: 1400, height: 900 }, ...options });
  await waitForMapReady(started.page);
  await waitForNetwork(started.page, A);
  await started.page.waitForSelector('[data-testid=events-panel][data-session^=empty]');
  await started.page.setInputFiles('[data-testid=project-open-input]', {
    name: 'trail.json',
    mimeType: 'application/json',
    buffer: Buffer.from(serializeProject({ events: [event], geometry: Object.create(null) })),
  });
  await legsSettled(started.page, legsCount);
  await started.page.click('[data-testid=review-dossier]');
  await started.page.locator('[data-testid=review-dossier-view]').waitFor({ timeout: 30_000 });
  return started;
}

beforeAll(async () => {
  app = await openDossier();
}, 180_000);

afterAll(async () => {
  await app?.close();
});

describe('the Natura 2000 dossier', () => {
  it('has the sections of the formulaire simplifié, in its order', async () => {
    const sections = await dossier()
      .locator('[data-section]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-section')));
    expect(sections).toEqual(['organiser', 'event', 'location', 'sites', 'habitats', 'impacts', 'measures', 'conclusion']);
    const organiser = await dossier().locator('[data-testid=dossier-section-organiser]').innerText();
    expect(organiser).toContain(ORGANISER.name);
    expect(organiser).toContain('62300 Lens');
    expect(organiser).toContain(ORGANISER.contact);
    // the event's course points: aid station, parking, public area
    const kinds = await dossier()
      .locator('[data-testid=dossier-place]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')));
    expect(kinds).toEqual(['aid', 'parking', 'public']);
    // the site crossed, with its statement; the communes come from the Nord and Pas-de-Calais layer
    const row = dossier().locator(`[data-testid=dossier-zone-row][data-zone="${zoneName}"]`).first();
    expect(await row.innerText()).toContain('dans le site, sur');
    expect(await dossier().locator('[data-testid=dossier-commune]').count()).toBeGreaterThan(0);
    expect(await dossier().locator('[data-testid=dossier-sources]').innerText()).toContain('Communes du Nord et du Pas-de-Calais');
    // habitats and species: rows to fill (the embedded layer has no such attributes)
    expect(await dossier().locator('[data-testid=dossier-habitat]').count()).toBeGreaterThan(0);
  });

  it('draws an overall map and one per site crossed, with everything a map on paper needs', async () => {
    const maps = dossier().locator('[data-testid=dossier-map]');
    const crossed = await dossier().locator('[data-testid=dossier-zone-row]').count();
    expect(await maps.count()).toBe(1 + crossed);
    for (let i = 0; i < (await maps.count()); i++) {
      const m = maps.nth(i);
      const scale = Number(await m.getAttribute('data-scale'));
      expect(scale).toBeGreaterThan(0);
      expect(await m.locator('[data-testid=dossier-map-scalebar]').textContent()).toContain(`Échelle 1\u00a0:\u00a0${scale.toLocaleString('fr-FR')}`);
      expect(await m.locator('[data-testid=dossier-map-north]').count()).toBe(1);
      expect(await m.locator('[data-testid=dossier-map-legend] li').count()).toBeGreaterThanOrEqual(3);
      // offline: no basemap, the communes' names instead
      expect(await m.locator('[data-testid=dossier-map-basemap]').count()).toBe(0);
    }
    const overall = maps.first();
    expect(await overall.getAttribute('data-map')).toBe('overall');
    expect(await overall.locator('[data-testid=dossier-map-zone-labels] text').allTextContents()).toContain(zoneName);
    expect(await overall.locator('[data-testid=dossier-map-labels] text').count()).toBeGreaterThan(0);
    // a mark every 5 km: the route is over 6 km, so at least the 5 km one, and as many as 5 km go into the lap
    const lap = await dossier().locator('[data-testid=dossier-formula] td').nth(1).innerText();
    const lap_km = Number(lap.replace(/\s|km/g, '').replace(',', '.'));
    expect(lap_km).toBeGreaterThan(5);
    expect(await overall.locator('[data-testid=dossier-map-km] text').allTextContents()).toEqual(
      Array.from({ length: Math.floor(lap_km / 5) }, (_, i) => `km ${(i + 1) * 5}`),
    );
  });

  it('keeps the organiser’s answers in the event (autosaved)', async () => {
    await app.page.click('[data-testid=dossier-impact-trampling-yes]');
    await app.page.fill('[data-testid=dossier-impact-trampling-note]', 'chemins existants seulement');
    await app.page.click('[data-testid=dossier-measure-briefing]');
    await app.page.fill('[data-testid=dossier-measures-text]', 'Signaleurs au pied du terril.');
    await app.page.click('[data-testid=dossier-conclusion-no]');
    await app.page.fill('[data-testid=dossier-made-at]', 'Lens');
    await expect.poll(() => dossier().locator('[data-impact=trampling]').getAttribute('data-answer')).toBe('yes');
    await waitForSave(app.page);
    const saved = JSON.stringify(await savedSession(app.page));
    expect(saved).toContain('chemins existants seulement');
    expect(saved).toContain('"briefing"');
    expect(saved).toContain('Signaleurs au pied du terril.');
    // closed and opened again: the answers are the event's
    await app.page.click('[data-testid=dossier-close]');
    await dossier().waitFor({ state: 'detached' });
    await app.page.click('[data-testid=review-dossier]');
    await dossier().waitFor({ timeout: 30_000 });
    expect(await dossier().locator('[data-impact=trampling]').getAttribute('data-answer')).toBe('yes');
    expect(await dossier().locator('[data-testid=dossier-conclusion]').getAttribute('data-answer')).toBe('no');
  });

  it('the organiser’s details are edited in the event’s panel, and after a reload the details and the answers are there', async () => {
    await app.page.click('[data-testid=dossier-close]');
    await dossier().waitFor({ state: 'detached' });
    await app.page.locator('[data-testid=event-more] > summary').click();
    await app.page.fill('[data-testid=event-organiser-contact]', 'secretariat@trail-terrils.fr');
    await app.page.press('[data-testid=event-organiser-contact]', 'Enter');
    await waitForSave(app.page);
    await app.page.reload();
    await waitForMapReady(app.page);
    await app.page.waitForSelector('[data-testid=events-panel][data-session^=restored]');
    await legsSettled(app.page, legsCount);
    await app.page.click('[data-testid=review-dossier]');
    await dossier().waitFor({ timeout: 30_000 });
    const organiser = await dossier().locator('[data-testid=dossier-section-organiser]').innerText();
    expect(organiser).toContain('secretariat@trail-terrils.fr');
    expect(organiser).toContain(ORGANISER.name);
    expect(await dossier().locator('[data-impact=trampling]').getAttribute('data-answer')).toBe('yes');
    expect(await dossier().locator('[data-measure=briefing]').getAttribute('data-ticked')).toBe('true');
    expect(await app.page.inputValue('[data-testid=dossier-measures-text]')).toBe('Signaleurs au pied du terril.');
  });

  it('prints the sheet alone, answers as ticked boxes, maps at their size on paper', async () => {
    await app.page.emulateMedia({ media: 'print' });
    try {
      expect(await app.page.locator('[data-testid=dossier-print]').isVisible()).toBe(false);
      expect(await app.page.locator('[data-testid=dossier-measures-text]').isVisible()).toBe(false);
      expect(await app.page.locator('[data-testid=dossier-impact-trampling-yes]').isVisible()).toBe(false);
      expect(await dossier().locator('[data-impact=trampling]').innerText()).toContain('☒ oui');
      expect(await dossier().locator('[data-impact=trampling]').innerText()).toContain('chemins existants seulement');
      expect(await dossier().locator('[data-testid=dossier-section-measures]').innerText()).toContain('Signaleurs au pied du terril.');
      // 180 mm at 96 px per inch
      const width = await dossier()
        .locator('.cav-dossier-svg')
        .first()
        .evaluate((el) => el.getBoundingClientRect().width);
      expect(width).toBeCloseTo((180 / 25.4) * 96, 0);
      // for a look at the sheet as printed
      await dossier().locator('[data-testid=dossier-map]').first().screenshot({ path: '/tmp/cavalier-dossier-map.png' });
      await dossier().locator('[data-testid=dossier-map]').nth(1).screenshot({ path: '/tmp/cavalier-dossier-site-map.png' });
      for (const id of ['event', 'sites', 'impacts', 'conclusion'])
        await dossier()
          .locator(`[data-testid=dossier-section-${id}]`)
          .screenshot({ path: `/tmp/cavalier-dossier-${id}.png` });
    } finally {
      // back to no emulation (media 'screen' would make page.pdf print the screen styles)
      await app.page.emulateMedia({ media: null });
    }
  });

  it('saves as a PDF whose text has the form’s sections in order, the organiser, the answers and the maps’ scales', async () => {
    const pdf = await app.page.pdf({ format: 'A4', printBackground: true });
    const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: true }).promise;
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' '));
    }
    const text = pages.join('\n').replace(/\s+/g, ' ');
    expect(doc.numPages).toBeGreaterThanOrEqual(3);
    // the app itself is not printed
    expect(text).not.toContain('Imprimer ou enregistrer en PDF');
    const at = Object.values(DOSSIER_SECTION_TITLES).map((title) => text.indexOf(title));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(text).toContain(ORGANISER.name);
    expect(text).toContain('Signaleurs au pied du terril.');
    expect(text).toContain(zoneName);
    expect(text).toMatch(/Échelle 1 : \d/);
    expect(app.unexpectedErrors()).toEqual([]);
  });
});

describe('the dossier’s maps online: Plan IGN under the drawing', () => {
  let online: StartedApp;
  const tiles: URL[] = [];
  // a solid tile for every Géoplateforme WMTS request (the app's map and the dossier's maps)
  const png = Buffer.from(encodePng(256, 256, new Uint8Array(256 * 256 * 4).fill(200)));
  beforeAll(async () => {
    online = await openDossier({
      beforeNavigate: (page) =>
        page.route('https://data.geopf.fr/wmts**', (route) => {
          tiles.push(new URL(route.request().url()));
          return route.fulfill({ status: 200, contentType: 'image/png', headers: { 'Access-Control-Allow-Origin': '*' }, body: png });
        }),
    });
  }, 180_000);
  afterAll(async () => {
    await online?.close();
  });

  it('draws the Plan IGN tiles of the Web Mercator pyramid under each map, and no names of its own', async () => {
    const map = online.page.locator('[data-testid=dossier-map]').first();
    const hrefs = await map.locator('[data-testid=dossier-map-basemap] image').evaluateAll((els) => els.map((el) => el.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(await map.locator('[data-testid=dossier-map-labels]').count()).toBe(0);
    // the GetTile request the Géoplateforme documents, in the PM matrix set; the tile under the route's first point is among them
    const u = new URL(hrefs[0]);
    expect(u.searchParams.get('LAYER')).toBe('GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2');
    expect(u.searchParams.get('TILEMATRIXSET')).toBe('PM');
    const z = Number(u.searchParams.get('TILEMATRIX'));
    const n = 2 ** z;
    const col = Math.floor(((A[0] + 180) / 360) * n);
    const lat = (A[1] * Math.PI) / 180;
    const row = Math.floor(((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * n);
    const cells = hrefs.map((h) => new URL(h)).map((v) => `${v.searchParams.get('TILECOL')}/${v.searchParams.get('TILEROW')}`);
    expect(cells).toContain(`${col}/${row}`);
    // and the page asked for them
    await expect.poll(() => tiles.some((t) => t.searchParams.get('TILEMATRIX') === String(z) && t.searchParams.get('TILECOL') === String(col))).toBe(true);
    expect(await map.locator('figcaption').innerText()).toContain('Plan IGN');
  });
});
