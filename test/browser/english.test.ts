// The English interface is complete (issue 14, point 5): switched to English, the main screens —
// map and panel, the events panel with an event, a drawn formula and a course point, the review,
// the layer panel with every layer's details open, the import dialog, a map popup — show no French
// text of the app's own. The French texts are the dictionaries' (src/i18n: the interface, the error
// messages, the popups' field names) and the embedded layers' titles and notes (layers.json); a
// French text whose English is the same (a proper noun, « OpenStreetMap », « D+ ») is not one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pointOnFeature } from '@turf/turf';
import type { FeatureCollection, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DICTIONARY } from '../../src/i18n/dictionary';
import { fieldLabel } from '../../src/i18n/fields';
import { messages } from '../../src/i18n/messages';
import { clickMapAt, fitMapTo, legsSettled, longPathEdges, mapIdle, ROOT, type StartedApp, startPlanner } from './harness';

type LonLat = [number, number];
const DATA = join(ROOT, 'public/data');
const json = <T>(name: string) => JSON.parse(readFileSync(join(DATA, name), 'utf8')) as T;

// ── the French texts ─────────────────────────────────────────────────────────
const pairs: [string, string, string][] = [];
for (const [k, fr] of Object.entries(DICTIONARY.fr)) pairs.push([`dictionary ${k}`, fr, (DICTIONARY.en as Record<string, string>)[k]]);
for (const [k, fr] of Object.entries(messages.fr)) pairs.push([`message ${k}`, fr, (messages.en as Record<string, string>)[k]]);
const manifest = json<{ layers: { id: string; url?: string; title: { fr: string; en: string }; note?: { fr: string; en: string } }[] }>('layers.json');
const fieldKeys = new Set<string>();
for (const l of manifest.layers) {
  pairs.push([`layer ${l.id} title`, l.title.fr, l.title.en]);
  if (l.note) pairs.push([`layer ${l.id} note`, l.note.fr, l.note.en]);
  if (l.url?.endsWith('.geojson'))
    for (const f of json<FeatureCollection>(l.url.replace(/^data\//, '')).features) for (const k of Object.keys(f.properties ?? {})) fieldKeys.add(k);
}
for (const k of fieldKeys) {
  const fr = fieldLabel(k, 'fr');
  if (fr) pairs.push([`field ${k}`, fr, fieldLabel(k, 'en') ?? '']);
}

// the layers' source and licence texts (the pipeline's, French only) by phrase, and the zone kinds
// of the embedded layers: every phrase that is not a name must be shown in English
const NAMES = new Set([
  'Mission Bassin Minier Nord-Pas de Calais / data.gouv.fr / geo2france',
  'geo.api.gouv.fr',
  'Cerema',
  'Cartofriches',
  'Région Hauts-de-France, ADAV',
  'Droit au vélo',
  'les véloroutes et voies vertes en Nord-Pas-de-Calais',
  'data.gouv.fr',
  'IGN Géoplateforme',
  'DREAL / Région Hauts-de-France',
  'SRCE Nord-Pas-de-Calais',
  'geo2france.fr',
  'INPN',
  'MNHN / OFB',
  'Fédération Nord Nature',
  'Licence Ouverte Etalab 2.0',
  'Licence Ouverte 2.0',
  'ODbL 1.0',
  'INPN, ville d’Avion',
  'Grégoire David',
  'Etalab',
]);
const creditPieces: { where: string; text: string }[] = [];
for (const l of manifest.layers as unknown as { id: string; source: string; licence: string }[]) {
  for (const [what, text] of [
    ['source', l.source],
    ['licence', l.licence],
  ]) {
    for (const raw of text.split(/[;—–():«»]/)) {
      const piece = raw
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^[\s,.]+|[\s,.]+$/g, '');
      if (/\p{L}{3}/u.test(piece) && !NAMES.has(piece)) creditPieces.push({ where: `layer ${l.id} ${what}`, text: piece });
    }
  }
}
for (const kind of ['réservoir TVB', 'corridor TVB', 'site classé', 'site inscrit', 'espace néonaturel']) creditPieces.push({ where: 'zone kind', text: kind });

/** Pieces of each French text between its placeholders ({name}, {n|…|…}, […]), those not in its English. */
const pieces: { where: string; text: string }[] = [];
for (const [where, fr, en] of pairs) {
  if (!fr || fr === en) continue;
  for (const raw of fr.split(/\{[^{}]*\}|[[\]]/)) {
    const text = raw
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^[\s:;,.—–(«»"“”)]+|[\s:;,.—–(«»"“”)]+$/g, '');
    if (text.length < 3 || !/\p{L}{3}/u.test(text) || (en ?? '').includes(text)) continue;
    pieces.push({ where, text });
  }
}
pieces.push(...creditPieces);
// long pieces are looked for inside the texts shown; short ones (« Boucle », « Tracer ») must be a whole text
const LONG = 14;

let app: StartedApp;
const edge = longPathEdges()[0].geometry.coordinates as LonLat[];

beforeAll(async () => {
  app = await startPlanner(edge[0], { viewport: { width: 1440, height: 1000 } });
  await app.page.click('[data-testid=lang-en]');
  await app.page.waitForFunction(() => document.documentElement.lang === 'en');
});

afterAll(async () => {
  await app?.close();
});

/** Every text the page shows: visible text nodes, tooltips, labels, placeholders, options; the title. */
async function shownTexts(): Promise<string[]> {
  return app.page.evaluate(() => {
    const out = new Set<string>([document.title]);
    const add = (s: string | null | undefined) => {
      const v = (s ?? '').replace(/\s+/g, ' ').trim();
      if (v) out.add(v);
    };
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const visible = el.checkVisibility() || el.tagName === 'OPTION';
      if (!visible) continue;
      for (const n of el.childNodes) if (n.nodeType === Node.TEXT_NODE) add(n.textContent);
      // a popup's field label keeps the source's own field name as its tooltip, for who knows the source
      const rawName = el.matches('.cav-popup-attrs th');
      for (const a of ['title', 'aria-label', 'placeholder', 'alt']) if (!(rawName && a === 'title')) add(el.getAttribute(a));
      if (el.tagName !== 'SCRIPT' && el.tagName !== 'STYLE') add(el.innerText);
    }
    return [...out];
  });
}

const found = new Map<string, string>();
/** Records the French pieces among the texts shown on the screen called `screen`. */
async function walk(screen: string): Promise<void> {
  const texts = await shownTexts();
  const whole = new Set(texts);
  const all = texts.join('\n');
  for (const p of pieces) {
    const hit = p.text.length >= LONG ? all.includes(p.text) : whole.has(p.text);
    if (hit && !found.has(p.text)) found.set(p.text, `${screen}: ${p.where}`);
  }
}

describe('the interface in English', () => {
  it('has French texts to look for (the check can fail)', () => {
    expect(pieces.length).toBeGreaterThan(500);
    expect(pieces.some((p) => p.text === 'Tracer')).toBe(true);
  });

  it('shows no French text on the main screens', async () => {
    const { page } = app;
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await walk('map and panel');

    // an event from a template, a formula drawn, a course point with a cut-off
    await page.click('[data-testid=event-template-trail-pyramides-noires]');
    await fitMapTo(page, edge, 120);
    await page.click('[data-testid=tool-draw]');
    for (const p of [edge[0], edge[Math.floor(edge.length / 2)], edge[edge.length - 1]]) await clickMapAt(page, p);
    await legsSettled(page, 2);
    await page.click('[data-testid=tool-draw]');
    await page.selectOption('[data-testid=cp-kind]', 'aid');
    await page.click('[data-testid=cp-place]');
    await clickMapAt(page, edge[Math.floor(edge.length / 3)]);
    await page.waitForSelector('[data-testid=course-point]');
    await page.click('[data-testid=cp-place]');
    await mapIdle(page);
    await walk('events, formula, course points, review');

    // the layer panel, every layer's details open
    for (const more of await page.locator('[data-testid^=layer-more-]').all()) await more.click();
    await walk('layer panel');

    // the import dialog
    await page.click('[data-testid=import-layer-open]');
    await page.waitForSelector('[data-testid=import-layer-dialog]');
    await walk('import dialog');
    await page.click('[data-testid=import-layer-cancel]');

    // a popup on a terril
    const terrils = json<FeatureCollection<Polygon>>('terrils.geojson');
    const terril = terrils.features.find((f) => f.properties?.id_unesco && f.properties?.compagnie)!;
    const inside = pointOnFeature(terril).geometry.coordinates as LonLat;
    await page.evaluate((c) => window.__cavalierMap!.jumpTo({ center: c, zoom: 15 }), inside);
    await mapIdle(page);
    await clickMapAt(page, inside);
    await page.waitForSelector('[data-testid=map-popup]');
    await walk('popup');

    expect(Object.fromEntries(found)).toEqual({});
  });
});
