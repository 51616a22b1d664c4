// Hostile and broken files dropped on the real app (issue 6, point 5): every file of
// test/fixtures/hostile, and the cases made here (10,000 empty segments, a GeoJSON over 200 MB, a
// project from a future schema version, a zip bomb, a broken zip), through every entry point that
// accepts files: track import, layer import, DEM file, project file. (The app has no drag-and-drop
// on the map: file inputs are the only ways in.)
//
// One app; first some real work (a formula with a drawn route and an aid station, an imported
// layer), saved by the autosave. Then for every file: the exact French message, computed from
// src/i18n/messages.ts and the i18n templates for the expected code; the document in memory and what
// IndexedDB holds deep-equal to what they were; no page error, console error or dialog. After each
// entry point the app is shown to keep working: a point is added, its leg computed and drawn.
// Last, names full of HTML (layer, features, track, waypoints, event, formula, course point, file
// names) are shown everywhere they appear, and asserted to be text: never parsed as HTML.
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync, zipSync, strToU8 } from 'fflate';
import type { FeatureCollection, LineString } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatError } from '../../src/i18n/messages';
import { translate, type I18nKey } from '../../src/i18n/dictionary';
import { LAYER_FILE_LIMIT_BYTES } from '../../src/ui/import-limits';
import type { ErrorCode, GeoError } from '../../src/core/errors';
import { parseProject, PROJECT_SCHEMA_VERSION } from '../../src/core/event/project';
import { MAX_TRACK_FILE_CHARS } from '../../src/core/gpx/read';
import { MAX_ZIP_RATIO } from '../../src/core/import/zip';
import { createEngine } from '../../workers/engine';
import { karneyLength } from '../helpers/karney';
import { PRJ_LAMBERT_93, writeDbf, writeShp, writeZip, type ZipEntrySpec } from '../helpers/shapefile';
import {
  ROOT,
  startApp,
  waitForMapReady,
  type StartedApp,
  clickMapAt,
  fitMapTo,
  legsSettled,
  mapIdle,
  longPathEdges,
  waitForSave as harnessWaitForSave,
  savedSession,
  startPlanner,
} from './harness';

type LonLat = [number, number];
const NBSP = '\u00a0';
const MiB = 1024 * 1024;

const hostile = (name: string) => join(ROOT, 'test/fixtures/hostile', name);
const tmp = mkdtempSync(join(tmpdir(), 'cavalier-hostile-'));
const fr = (key: string, params?: Record<string, string | number>) => translate('fr', key as I18nKey, params);
const msg = (code: ErrorCode, detail?: GeoError['detail']) => formatError(detail ? { code, detail } : { code }, 'fr');

// ── the corpus and what each entry point must answer (null: accepted) ──────────────────────────

interface Expected {
  /** track import (Importer): the error, or null when the track is accepted */
  track: GeoError | null;
  /** layer import (Importer une couche): the error, or null when a preview is offered */
  layer: GeoError | null;
}
const bad = (point: number): GeoError => ({ code: 'file.bad-coordinate', detail: { index: point - 1, point } });
const CORPUS: Record<string, Expected> = {
  'truncated.gpx': { track: { code: 'file.not-xml', detail: { line: 20 } }, layer: { code: 'file.not-xml', detail: { line: 20 } } },
  'billion-laughs.gpx': { track: { code: 'file.xml-entities' }, layer: { code: 'file.xml-entities' } },
  'xxe-parameter.gpx': { track: { code: 'file.xml-entities' }, layer: { code: 'file.xml-entities' } },
  'xxe.kml': { track: { code: 'file.xml-entities' }, layer: { code: 'file.xml-entities' } },
  'nan.gpx': { track: bad(3), layer: bad(3) },
  'infinity.gpx': { track: bad(2), layer: bad(2) },
  'out-of-range.gpx': { track: bad(4), layer: bad(4) },
  'nan.kml': { track: bad(2), layer: bad(2) },
  // the layer reader repairs NaN/Infinity as empty (GeoJSON from GIS software has them), and then
  // has no usable feature left
  'out-of-range.geojson': { track: bad(3), layer: { code: 'import.no-features', detail: { skipped: 1 } } },
  'nan.geojson': { track: { code: 'file.not-json' }, layer: { code: 'import.no-features', detail: { skipped: 1 } } },
  'single-point.gpx': { track: null, layer: { code: 'file.no-track' } },
  'html-names.geojson': { track: null, layer: null },
  'not-geojson.json': { track: { code: 'file.not-geojson' }, layer: { code: 'import.not-geojson' } },
  'empty.gpx': { track: { code: 'file.empty' }, layer: { code: 'file.empty' } },
  'image.png': { track: { code: 'file.unknown-format' }, layer: { code: 'file.unknown-format' } },
  'utf16le.gpx': { track: null, layer: null },
  'hex-lat.gpx': { track: bad(2), layer: bad(2) },
  'trk-and-rte.gpx': { track: null, layer: null },
  'invalid-utf8.gpx': { track: null, layer: null },
  'control-name.gpx': { track: null, layer: null },
};
/** the names the accepted files are listed under (a GPX with trk and rte gives two items) */
const ACCEPTED_NAMES: Record<string, string[]> = {
  'html-names.geojson': ["<script>alert('collection')</script>"],
  'utf16le.gpx': ['Liévin – forêt'],
  'trk-and-rte.gpx': ['Sortie du 1er mai'],
  'invalid-utf8.gpx': ['Li\uFFFDvin for\uFFFDt'],
  'control-name.gpx': ['Boucle\u001b[2J\u001b]0;pwned\u0007 \u202efin'],
};

// ── files made here ─────────────────────────────────────────────────────────────────────────────

const gpx = (body: string, name = 'Pauses') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">\n<trk><name>${name}</name>\n${body}</trk>\n</gpx>\n`;
const seg = '<trkseg><trkpt lat="50.43" lon="2.83"/><trkpt lat="50.44" lon="2.84"/></trkseg>\n';
const buffer = (name: string, text: string | Uint8Array, mimeType = 'application/octet-stream') => ({
  name,
  mimeType,
  buffer: Buffer.from(typeof text === 'string' ? strToU8(text) : text),
});
const emptySegments = buffer('pauses.gpx', gpx('<trkseg></trkseg>\n'.repeat(5_000) + seg + '<trkseg/>\n'.repeat(5_000)), 'application/gpx+xml');
const onlyEmptySegments = buffer('vide.gpx', gpx('<trkseg></trkseg>\n'.repeat(10_000)), 'application/gpx+xml');

/**
 * A GeoJSON over 200 MB, written for real: a FeatureCollection with 201 MiB of spaces in its
 * features, then broken JSON. Read, it would answer 'file.not-json' after seconds: the app must
 * refuse it on its size, before reading it.
 */
const hugeFile = join(tmp, 'enorme.geojson');
{
  const fd = openSync(hugeFile, 'w');
  writeSync(fd, '{"type":"FeatureCollection","features":[');
  const chunk = Buffer.alloc(8 * MiB, 0x20);
  for (let written = 0; written < 201 * MiB; written += chunk.length) writeSync(fd, chunk);
  writeSync(fd, '{ not json');
  closeSync(fd);
}
const hugeSize = statSync(hugeFile).size;

/** A zip bomb in miniature: a .shp of 100 MiB of zeros, deflated about 1000 to 1 (about the most deflate can do). */
const bombEntry = new Uint8Array(100 * MiB);
const bomb = zipSync({ 'bombe.shp': bombEntry, 'bombe.prj': strToU8(PRJ_LAMBERT_93) }, { level: 9 });
/**
 * A zip bomb that lies (issue 10): a real shapefile, then 45 entries of 10 MiB of zeros (~450 MiB
 * from ~460 KB) that one of the end record's two counts leaves out.
 */
const lyingBomb = (() => {
  const { shp, shx } = writeShp([
    {
      type: 'polyline',
      parts: [
        [
          [683_000, 7_038_000],
          [684_000, 7_039_000],
        ],
      ],
    },
  ]);
  const zeros = new Uint8Array(10 * MiB);
  const deflated = deflateSync(zeros, { level: 9 });
  const honest: ZipEntrySpec[] = [
    { name: 'chemins.shp', data: shp },
    { name: 'chemins.shx', data: shx },
    { name: 'chemins.prj', data: strToU8(PRJ_LAMBERT_93) },
  ];
  return writeZip([...honest, ...Array.from({ length: 45 }, (_, i): ZipEntrySpec => ({ name: `bombe${i}.dbf`, data: zeros, deflated }))], {
    onDisk: 48,
    total: 3,
  });
})();
/** A real zipped shapefile cut in the middle (an interrupted download). */
const realShapefile = (() => {
  const { shp, shx } = writeShp([
    {
      type: 'polyline',
      parts: [
        [
          [683_000, 7_038_000],
          [684_000, 7_039_000],
        ],
      ],
    },
  ]);
  return zipSync({ 'chemins.shp': shp, 'chemins.shx': shx, 'chemins.dbf': writeDbf(['nom'], [{ nom: 'Chemin' }]), 'chemins.prj': strToU8(PRJ_LAMBERT_93) });
})();
const brokenZip = realShapefile.slice(0, Math.floor(realShapefile.length / 2));
const notAShapefile = zipSync({ 'lisez-moi.txt': strToU8('rien') });

const futureProject = JSON.stringify({ format: 'cavalier-project', schemaVersion: PROJECT_SCHEMA_VERSION + 1, events: [] });

// ── HTML where only text belongs ───────────────────────────────────────────────────────────────

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=1</script>';
const SVG = '<svg onload="window.__pwned=1"><b>gras</b></svg>';
const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// ── the network: a long edge to draw on ─────────────────────────────────────────────────────────

const dataDir = join(ROOT, 'public/data');
const reseau = JSON.parse(readFileSync(join(dataDir, 'reseau.geojson'), 'utf8')) as FeatureCollection<LineString, { kind: string; length_m: number }>;
const edge = longPathEdges()[0];
const ec = edge.geometry.coordinates as LonLat[];
const clicks: LonLat[] = [ec[0], ec[Math.floor(ec.length / 2)], ec[ec.length - 1]];
/** where the aid station is placed */
const aidAt = ec[Math.floor(ec.length / 3)];
/**
 * The point added to show that the app still works: off the route, on another edge near one of
 * its ends that the network joins to it (the node engine, on the same network.bin, routes there without a
 * straight-line fallback).
 */
const nodeEngine = createEngine();
{
  const buf = readFileSync(join(dataDir, 'network.bin'));
  nodeEngine.loadNetwork(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer, []);
}
const extra: LonLat = await (async () => {
  const end = ec[ec.length - 1];
  const candidates = reseau.features
    .filter((f) => f !== edge && f.geometry.coordinates.length >= 3)
    .map((f) => {
      const c = f.geometry.coordinates;
      const mid: LonLat = [c[Math.floor(c.length / 2)][0], c[Math.floor(c.length / 2)][1]];
      const ends = [c[0], c.at(-1)!].flatMap((p) => [ec[0], end].map((q) => karneyLength([[p[0], p[1]], q])));
      return { mid, d: Math.min(...ends) };
    })
    .filter((x) => x.d < 300 && ec.every((p) => karneyLength([p, x.mid]) > 100))
    .sort((a, b) => a.d - b.d);
  for (const { mid } of candidates) {
    const [leg] = await nodeEngine.legs([{ from: end, to: mid, mode: 'network' }]);
    if (leg.fallback === undefined) return mid;
  }
  throw new Error('no edge joined to the end of the test edge');
})();

// ── the app ─────────────────────────────────────────────────────────────────────────────────────

let app: StartedApp;
const page = () => app.page;

interface StoreContent {
  keys: unknown[];
  values: unknown[];
}
interface Snapshot {
  doc: unknown;
  session: StoreContent;
  layers: StoreContent;
  layerNames: string[];
}

/** The document as the app holds it, and everything both IndexedDB databases hold. */
async function snapshot(): Promise<Snapshot> {
  return page().evaluate(async () => {
    const read = (db: string, store: string) =>
      new Promise<{ keys: unknown[]; values: unknown[] }>((resolve, reject) => {
        const req = indexedDB.open(db);
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const d = req.result;
          const tx = d.transaction(store, 'readonly');
          const keys = tx.objectStore(store).getAllKeys();
          const values = tx.objectStore(store).getAll();
          tx.oncomplete = () => {
            d.close();
            resolve({ keys: keys.result, values: values.result });
          };
          tx.onerror = () => reject(tx.error);
        };
      });
    return {
      doc: (window as unknown as { __cavalierDoc: unknown }).__cavalierDoc,
      session: await read('cavalier', 'sessions'),
      layers: await read('cavalier-layers', 'layers'),
      layerNames: [...document.querySelectorAll('[data-testid=user-layer-name]')].map((e) => e.textContent ?? ''),
    };
  });
}

let baseline: Snapshot;

/** The current work is as recorded: in memory, on the panel and in IndexedDB. No error anywhere. */
async function expectUntouched() {
  const now = await snapshot();
  expect(now.doc).toEqual(baseline.doc);
  expect(now.session).toEqual(baseline.session);
  expect(now.layers).toEqual(baseline.layers);
  expect(now.layerNames).toEqual(baseline.layerNames);
  expect(await page().locator('[data-testid=fatal-error]').count()).toBe(0);
  expect(app.unexpectedErrors()).toEqual([]);
}

const waitForSave = () => harnessWaitForSave(page());

const noticeTexts = (kind?: string) =>
  page()
    .locator(`[data-testid=notice]${kind ? `[data-kind=${kind}]` : ''} .cav-notice-text`)
    .allTextContents();

/** Closes every notice, so that the next one cannot be mistaken for an old one. */
async function clearNotices() {
  const notices = page().locator('[data-testid=notice] button');
  while ((await notices.count()) > 0)
    await notices
      .first()
      .click({ timeout: 2_000 })
      .catch(() => {});
}

/** Waits for a notice of this kind with exactly this text (the failure lists every notice shown). */
async function expectNotice(kind: 'error' | 'warning' | 'info', text: string) {
  const all = () =>
    page()
      .locator('[data-testid=notice]')
      .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-kind')}: ${e.querySelector('.cav-notice-text')?.textContent ?? ''}`));
  await expect.poll(all, { timeout: 20_000 }).toContain(`${kind}: ${text}`);
}

/** The app still works: a point added is snapped, its leg computed and drawn; then undone, and saved. */
async function expectStillWorking() {
  await fitMapTo(page(), [...ec, extra], 120);
  await page().click('[data-testid=tool-draw]');
  await clickMapAt(page(), extra);
  await legsSettled(page(), 3);
  expect(
    await page()
      .locator('[data-testid=leg]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-fallback'))),
  ).toEqual(['', '', '']);
  // drawn: the new control point is on the map, where it was clicked
  const drawn = await page().evaluate((ll) => {
    const map = window.__cavalierMap!;
    const p = map.project(ll);
    return map.queryRenderedFeatures(
      [
        [p.x - 6, p.y - 6],
        [p.x + 6, p.y + 6],
      ],
      { layers: ['cav-points'] },
    ).length;
  }, extra);
  expect(drawn).toBeGreaterThan(0);
  await page().click('[data-testid=tool-draw]');
  await page().keyboard.press('Control+z');
  await legsSettled(page(), 2);
  await waitForSave();
  const now = await snapshot();
  expect(now.doc).toEqual(baseline.doc);
  expect((now.session.values[0] as { doc: unknown }).doc).toEqual((baseline.session.values[0] as { doc: unknown }).doc);
  expect(now.layers).toEqual(baseline.layers);
  expect(app.unexpectedErrors()).toEqual([]);
  // saved again (same document, new date): the reference from now on
  baseline = now;
}

const trackNames = () => page().locator('[data-testid=track-item] .cav-track-name').allTextContents();

async function importTrack(file: string | ReturnType<typeof buffer>) {
  await clearNotices();
  await page().setInputFiles('[data-testid=tool-import-input]', file);
}

/** A track that must be accepted: it is listed; undoing the import gives back the recorded document. */
async function expectTrackAccepted(names: string | string[], points: number, warnings: string[]) {
  const listed = typeof names === 'string' ? [names] : names;
  await expectNotice('info', fr('import.done', { name: listed[0], n: points }));
  for (const w of warnings) await expectNotice('warning', w);
  await expect.poll(trackNames).toEqual(listed);
  await page().keyboard.press('Control+z');
  await expect.poll(trackNames).toEqual([]);
  await waitForSave();
  const now = await snapshot();
  expect(now.doc).toEqual(baseline.doc);
  expect((now.session.values[0] as { doc: unknown }).doc).toEqual((baseline.session.values[0] as { doc: unknown }).doc);
  expect(app.unexpectedErrors()).toEqual([]);
  baseline = now;
}

async function openLayerDialog() {
  await page().click('[data-testid=import-layer-open]');
  await page().waitForSelector('[data-testid=import-layer-dialog]');
}

async function closeLayerDialog() {
  await page().click('[data-testid=import-layer-cancel]');
  await page().waitForSelector('[data-testid=import-layer-dialog]', { state: 'detached' });
}

/** One file in a fresh layer dialog: the error shown in it, exactly; nothing imported. */
async function expectLayerRefused(file: string | ReturnType<typeof buffer>, text: string | RegExp) {
  await openLayerDialog();
  await page().setInputFiles('[data-testid=import-layer-input]', file);
  const shown = () => page().locator('[data-testid=import-layer-error]').textContent();
  if (typeof text === 'string') await expect.poll(shown, { timeout: 30_000 }).toBe(text);
  else await expect.poll(shown, { timeout: 30_000 }).toMatch(text);
  expect(await page().isDisabled('[data-testid=import-layer-confirm]')).toBe(true);
  expect(await page().locator('[data-testid=import-layer-preview]').count()).toBe(0);
  await closeLayerDialog();
  await expectUntouched();
}

beforeAll(async () => {
  app = await startPlanner(clicks[0]);
});

afterAll(async () => {
  await app?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('hostile and broken files in the app (test/fixtures/hostile)', () => {
  it('first, real work: a formula with a drawn route and an aid station, an imported layer, all saved', async () => {
    await page().click('[data-testid=event-template-blank]');
    await expect.poll(() => page().locator('[data-testid=formula-item]').count()).toBe(1);
    await fitMapTo(page(), ec, 120);
    await page().click('[data-testid=tool-draw]');
    for (const c of clicks) await clickMapAt(page(), c);
    await legsSettled(page(), 2);
    await page().click('[data-testid=tool-draw]');

    await page().selectOption('[data-testid=cp-kind]', 'aid');
    await page().click('[data-testid=cp-place]');
    await clickMapAt(page(), aidAt);
    await page().waitForSelector('[data-testid=course-point][data-kind=aid]');
    await page().click('[data-testid=cp-place]');

    await openLayerDialog();
    await page().setInputFiles('[data-testid=import-layer-input]', join(ROOT, 'test/fixtures/import/cavaliers-l93-crs.geojson'));
    await page().waitForSelector('[data-testid=import-layer-preview]', { timeout: 30_000 });
    await page().check('[data-testid=import-layer-role-reference]');
    await page().click('[data-testid=import-layer-confirm]');
    await page().waitForSelector('[data-testid=import-layer-dialog]', { state: 'detached', timeout: 30_000 });

    await waitForSave();
    await expect.poll(async () => (await snapshot()).layers.values.length).toBe(1);
    await mapIdle(page());
    baseline = await snapshot();
    // what was recorded is the work: one event, one formula of three points and an aid station
    const doc = baseline.doc as { events: { formulas: { route: { points: LonLat[] }; coursePoints: { kind: string }[] }[] }[]; route: unknown };
    expect(doc.events).toHaveLength(1);
    expect(doc.events[0].formulas[0].route.points).toHaveLength(3);
    expect(doc.events[0].formulas[0].coursePoints.map((p) => p.kind)).toEqual(['aid']);
    expect(doc.route).toEqual(doc.events[0].formulas[0].route);
    expect(baseline.session.keys).toEqual(['current']);
    expect((baseline.session.values[0] as { doc: { events: unknown } }).doc.events).toEqual(doc.events);
    expect(baseline.layerNames).toEqual(['zt-cavaliers (extrait, Lambert-93)']);
    expect(app.unexpectedErrors()).toEqual([]);
  });

  it('track import (Importer): every file gets its exact French message, or is accepted; the work stays', async () => {
    // every file of the corpus has its expectations here
    expect(Object.keys(CORPUS).sort()).toEqual(
      readdirSync(join(ROOT, 'test/fixtures/hostile'))
        .filter((n) => n !== 'README.md')
        .sort(),
    );
    for (const [name, expected] of Object.entries(CORPUS)) {
      await importTrack(hostile(name));
      if (expected.track) {
        await expectNotice('error', fr('import.failed', { detail: formatError(expected.track, 'fr') }));
        expect(await trackNames()).toEqual([]);
        await expectUntouched();
      } else if (name === 'single-point.gpx') {
        await expectTrackAccepted('Départ seul', 1, [msg('file.single-point')]);
      } else if (name === 'html-names.geojson') {
        await expectTrackAccepted('<img src=x onerror=alert(1)>', 2, []);
      } else if (name === 'utf16le.gpx') {
        await expectTrackAccepted('Liévin – forêt', 2, []);
      } else if (name === 'trk-and-rte.gpx') {
        // both items, in one step that one undo takes back
        await expectTrackAccepted(['Sortie du 1er mai', 'Itinéraire prévu'], 6, [msg('file.empty-segments', { count: 1 })]);
      } else if (name === 'invalid-utf8.gpx') {
        await expectTrackAccepted('Li\uFFFDvin for\uFFFDt', 2, [msg('file.invalid-utf8', { line: 4 })]);
      } else if (name === 'control-name.gpx') {
        await expectTrackAccepted('Boucle\u001b[2J\u001b]0;pwned\u0007 \u202efin', 2, []);
      } else throw new Error(`no expectation for ${name}`);
    }
    // 10,000 empty segments around a real one: the real one, and a warning
    await importTrack(emptySegments);
    await expectTrackAccepted('Pauses', 2, [msg('file.empty-segments', { count: 10_000 })]);
    // nothing but empty segments
    await importTrack(onlyEmptySegments);
    await expectNotice('error', fr('import.failed', { detail: msg('file.no-track') }));
    await expectUntouched();
    // over 200 MB: refused on its size, before a byte is read (read, it would be 'file.not-json')
    expect(hugeSize).toBeGreaterThan(MAX_TRACK_FILE_CHARS);
    await importTrack(hugeFile);
    await expectNotice('error', fr('import.tooLarge', { mb: Math.round(hugeSize / MiB) }));
    expect(await noticeTexts()).not.toContain(fr('import.reading', { name: 'enorme.geojson' }));
    await expectUntouched();
    await clearNotices();
    await expectStillWorking();
  });

  it('layer import (Importer une couche): every file gets its exact French message in the dialog, or a preview; the work stays', async () => {
    const nothingChanged = fr('importLayer.nothingChanged');
    for (const [name, expected] of Object.entries(CORPUS)) {
      if (expected.layer) {
        await expectLayerRefused(hostile(name), `${formatError(expected.layer, 'fr')} ${nothingChanged}`);
        continue;
      }
      // accepted: a preview, with the name as text; cancelled, nothing changes
      await openLayerDialog();
      await page().setInputFiles('[data-testid=import-layer-input]', hostile(name));
      await page().waitForSelector('[data-testid=import-layer-preview]', { timeout: 30_000 });
      const shownName = await page().textContent('[data-testid=import-layer-name]');
      expect(shownName).toBe(fr('importLayer.name', { name: ACCEPTED_NAMES[name][0] }));
      expect(await page().locator('[data-testid=import-layer-dialog] script, [data-testid=import-layer-dialog] img').count()).toBe(0);
      await closeLayerDialog();
      await expectUntouched();
    }
    // 10,000 empty segments around a real one: a preview of that one line
    await openLayerDialog();
    await page().setInputFiles('[data-testid=import-layer-input]', emptySegments);
    await page().waitForSelector('[data-testid=import-layer-preview]', { timeout: 30_000 });
    expect(await page().textContent('[data-testid=import-layer-preview]')).toMatch(/(?<![\d\u202f])1 objet(?!s)/);
    await closeLayerDialog();
    await expectUntouched();
    await expectLayerRefused(onlyEmptySegments, `${msg('file.no-track')} ${nothingChanged}`);

    // over 200 MB: refused on File.size, before it is read
    expect(hugeSize).toBeGreaterThan(LAYER_FILE_LIMIT_BYTES);
    await expectLayerRefused(hugeFile, fr('userLayers.tooLarge', { mb: Math.round(hugeSize / MiB), limit: LAYER_FILE_LIMIT_BYTES / MiB }));

    // a zip bomb: refused a few MiB into inflating it, on the ratio of what came out
    await expectLayerRefused(
      buffer('bombe.zip', bomb, 'application/zip'),
      `${msg('import.zip-too-large', { ratio_limit: MAX_ZIP_RATIO, name: 'bombe.shp' })} ${nothingChanged}`,
    );
    // one whose end record under-states its entries: the same (45 entries alike; the first or second trips the ratio)
    const lyingText = `${msg('import.zip-too-large', { ratio_limit: MAX_ZIP_RATIO, name: 'NAME' })} ${nothingChanged}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await expectLayerRefused(buffer('chemins.zip', lyingBomb, 'application/zip'), new RegExp(`^${lyingText.replace('NAME', 'bombe\\d+\\.dbf')}$`));
    // a zipped shapefile cut in half, and a zip without a shapefile
    await expectLayerRefused(buffer('chemins.zip', brokenZip, 'application/zip'), `${msg('import.zip-unreadable')} ${nothingChanged}`);
    await expectLayerRefused(buffer('notes.zip', notAShapefile, 'application/zip'), `${msg('import.no-shapefile')} ${nothingChanged}`);
    // the whole shapefile is fine (the broken one was not refused for what it holds)
    await openLayerDialog();
    await page().setInputFiles('[data-testid=import-layer-input]', buffer('chemins.zip', realShapefile, 'application/zip'));
    await page().waitForSelector('[data-testid=import-layer-preview]', { timeout: 30_000 });
    await closeLayerDialog();
    await expectUntouched();
    await expectStillWorking();
  });

  it('DEM file (Relief): every file is refused with its French message; the relief and the work stay', async () => {
    const relief = await page().textContent('[data-testid=dem-current]');
    for (const name of Object.keys(CORPUS)) {
      await clearNotices();
      await page().setInputFiles('[data-testid=dem-input]', hostile(name));
      const error = name === 'empty.gpx' ? msg('file.empty') : msg('dem.invalid-grid', { reason: 'header' });
      await expectNotice('error', fr('dem.failed', { detail: error }));
      expect(await page().textContent('[data-testid=dem-current]')).toBe(relief);
      await expectUntouched();
    }
    await clearNotices();
    await page().setInputFiles('[data-testid=dem-input]', hugeFile);
    await expectNotice('error', fr('dem.tooLarge', { mb: Math.round(hugeSize / MiB), limit: 200 }));
    expect(await page().textContent('[data-testid=dem-current]')).toBe(relief);
    await expectUntouched();
    await clearNotices();
    await expectStillWorking();
  });

  it('project file (Ouvrir): every file, a future schema version and a huge file get their French message; the events stay', async () => {
    const openFailed = (e: GeoError) => fr('project.openFailed', { detail: formatError(e, 'fr') });
    for (const name of Object.keys(CORPUS)) {
      await clearNotices();
      await page().setInputFiles('[data-testid=project-open-input]', hostile(name));
      // none is a project: said so (with where it stops being one, as the core finds it)
      const core = parseProject(readFileSync(hostile(name), 'utf8'));
      if (core.ok) throw new Error(`${name} reads as a project`);
      expect(core.error.code).toBe('project.invalid');
      await expectNotice('error', openFailed(core.error));
      expect(await page().locator('[data-testid=confirm-dialog]').count()).toBe(0);
      await expectUntouched();
    }
    await clearNotices();
    await page().setInputFiles('[data-testid=project-open-input]', buffer('futur.cavalier.json', futureProject, 'application/json'));
    await expectNotice(
      'error',
      openFailed({ code: 'project.future-version', detail: { version: PROJECT_SCHEMA_VERSION + 1, supported: PROJECT_SCHEMA_VERSION } }),
    );
    expect(await page().locator('[data-testid=confirm-dialog]').count()).toBe(0);
    await expectUntouched();
    await clearNotices();
    await page().setInputFiles('[data-testid=project-open-input]', hugeFile);
    await expectNotice('error', fr('project.tooLarge', { mb: Math.round(hugeSize / MiB) }));
    await expectUntouched();
    await clearNotices();
    await expectStillWorking();
  });
});

describe('no imported text is ever inserted as HTML', () => {
  /** Nothing ran, and nothing of the payloads became an element or an attribute. */
  async function expectInert() {
    const found = await page().evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      imgX: document.querySelectorAll('img[src="x"]').length,
      handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).map((el) => el.outerHTML.slice(0, 80)),
      scripts: [...document.querySelectorAll('script')].filter((s) => (s.textContent ?? '').includes('__pwned')).length,
      bold: [...document.querySelectorAll('b')].filter((b) => b.textContent === 'gras').length,
    }));
    expect(found).toEqual({ pwned: undefined, imgX: 0, handlers: [], scripts: 0, bold: 0 });
    expect(app.errors.filter((e) => e.kind === 'dialog')).toEqual([]);
    expect(app.unexpectedErrors()).toEqual([]);
  }

  const pageText = () => page().evaluate(() => document.body.textContent ?? '');

  it('a sensitive layer with HTML names: dialog, layer list, notice, map popup, review panel and dossier show it as text', async () => {
    // a zone around the middle of the route, named with HTML, with HTML in its properties
    const [x, y] = clicks[1];
    const d = 0.002;
    const zone = {
      type: 'FeatureCollection',
      name: SCRIPT,
      features: [
        {
          type: 'Feature',
          properties: { name: IMG, description: SVG, [IMG]: SCRIPT },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [x - d, y - d],
                [x + d, y - d],
                [x + d, y + d],
                [x - d, y + d],
                [x - d, y - d],
              ],
            ],
          },
        },
      ],
    };
    await clearNotices();
    await openLayerDialog();
    await page().setInputFiles('[data-testid=import-layer-input]', buffer(`${IMG}.geojson`, JSON.stringify(zone), 'application/geo+json'));
    await page().waitForSelector('[data-testid=import-layer-preview]', { timeout: 30_000 });
    expect(await page().textContent('[data-testid=import-layer-name]')).toBe(fr('importLayer.name', { name: SCRIPT }));
    expect(await page().textContent('[data-testid=import-layer-filename]')).toContain(`${IMG}.geojson`);
    await expectInert();
    await page().check('[data-testid=import-layer-role-sensitive]');
    await page().click('[data-testid=import-layer-confirm]');
    await page().waitForSelector('[data-testid=import-layer-dialog]', { state: 'detached', timeout: 30_000 });
    await expect.poll(() => page().locator('[data-testid=user-layer-name]').allTextContents()).toEqual([...baseline.layerNames, SCRIPT]);
    expect(await page().locator('[data-testid=user-layer]').last().locator('[data-testid=user-layer-file]').textContent()).toContain(`${IMG}.geojson`);
    await expect.poll(() => noticeTexts('info')).toEqual(expect.arrayContaining([expect.stringContaining(`Couche «${NBSP}${SCRIPT}${NBSP}» importée`)]));
    await expectInert();

    // the map popup of the zone, clicked away from the route
    const inside: LonLat = [x + d / 2, y - d / 2];
    await page().evaluate((c) => window.__cavalierMap!.jumpTo({ center: c, zoom: 16 }), inside);
    await mapIdle(page());
    await clickMapAt(page(), inside);
    const popup = page().locator('[data-testid=map-popup]');
    await popup.waitFor();
    const popupText = (await popup.textContent()) ?? '';
    expect(popupText).toContain(fr('userLayers.popupTitle', { name: SCRIPT }));
    expect(popupText).toContain(IMG);
    expect(popupText).toContain(SVG);
    await expectInert();
    await page().keyboard.press('Escape');
    await page()
      .locator('.maplibregl-popup-close-button')
      .click()
      .catch(() => {});

    // the review lists the zone the route crosses, by its name, and the dossier too
    const crossing = page().locator('[data-testid=review-crossing]').filter({ hasText: IMG });
    await expect.poll(() => crossing.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await crossing.first().getAttribute('data-zone')).toBe(IMG);
    await expectInert();
    await page().click('[data-testid=review-dossier]');
    const dossier = page().locator('[data-testid=review-dossier-view]');
    await dossier.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => dossier.locator('[data-testid=dossier-zone-row]').allTextContents(), { timeout: 30_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining(IMG)]));
    await expectInert();
    await page().click('[data-testid=dossier-close]');
    await dossier.waitFor({ state: 'detached' });
  });

  it('a track and waypoints named with HTML, in a file named with HTML: notices and track list show them as text', async () => {
    const text =
      '<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">\n' +
      // the file's name (metadata) is the track's; the trk's own name and the rest are not shown
      `<metadata><name>${xmlText(IMG)}</name><desc><![CDATA[${SCRIPT}]]></desc></metadata>\n` +
      `<wpt lat="50.431" lon="2.831"><name><![CDATA[${SCRIPT}]]></name><desc>${xmlText(IMG)}</desc></wpt>\n` +
      `<trk><name>${xmlText(SVG)}</name><desc><![CDATA[${SVG}]]></desc>${seg}</trk>\n</gpx>\n`;
    const fileName = `${IMG}.gpx`;
    await importTrack(buffer(fileName, text, 'application/gpx+xml'));
    await expectNotice('info', fr('import.done', { name: IMG, n: 2 }));
    await expect.poll(trackNames).toEqual([IMG]);
    expect(await page().locator('[data-testid=track-list] img, [data-testid=track-list] script').count()).toBe(0);
    await expectInert();
    // the review of the track names it too
    await expect.poll(() => page().textContent('[data-testid=review-subject]'), { timeout: 20_000 }).toContain(IMG);
    await expectInert();
    await page().click('[data-testid=track-select-route]');
  });

  it('a project file whose event, formula and course point are named with HTML: panels, course points, profile and roadbook show them as text', async () => {
    await clearNotices();
    const [download] = await Promise.all([page().waitForEvent('download'), page().click('[data-testid=project-save]')]);
    const project = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
      events: { name: string; formulas: { name: string; coursePoints: { name: string }[] }[] }[];
    };
    project.events[0].name = SCRIPT;
    project.events[0].formulas[0].name = IMG;
    project.events[0].formulas[0].coursePoints[0].name = SVG;
    const fileName = `${SVG}.json`;
    await page().setInputFiles('[data-testid=project-open-input]', buffer(fileName, JSON.stringify(project), 'application/json'));
    const confirm = page().locator('[data-testid=confirm-dialog]');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain(fr('project.confirm', { name: fileName, n: 1, current: 1 }));
    await expectInert();
    await page().click('[data-testid=confirm-add]');
    await expectNotice('info', fr('project.opened', { name: fileName, n: 1 }));
    await expect.poll(() => page().locator('[data-testid=event-select] option:checked').textContent()).toBe(SCRIPT);
    expect(await page().locator('[data-testid=event-select] option').allTextContents()).toContain(SCRIPT);
    expect(await page().locator('[data-testid=formula-item] .cav-formula-name').allTextContents()).toEqual([IMG]);
    await expect.poll(() => page().inputValue('[data-testid=course-point-name]')).toBe(SVG);
    await expectInert();
    // the profile marks the point (its label as text)
    await expect.poll(() => page().locator('[data-testid=profile-marker]').count(), { timeout: 20_000 }).toBe(1);
    expect(
      await page()
        .locator('[data-testid=elevation-profile]')
        .evaluate((el) => el.querySelectorAll('img, script, b').length),
    ).toBe(0);
    // the roadbook: event, formula and the aid station by name
    await page().click('[data-testid=export-roadbook]');
    const roadbook = page().locator('[data-testid=roadbook]');
    await roadbook.waitFor({ timeout: 30_000 });
    expect(await roadbook.locator('.cav-roadbook-event').textContent()).toBe(SCRIPT);
    expect(await roadbook.locator('#cav-roadbook-title').textContent()).toContain(IMG);
    expect(await roadbook.locator('[data-testid=roadbook-row][data-kind=aid]').textContent()).toContain(SVG);
    await expectInert();
    await page().click('[data-testid=roadbook-close]');
    expect(await pageText()).toContain(SCRIPT);
    await expectInert();
  });
});

describe('an undo while the autosave is writing', () => {
  it('the undone state is not what stays on disk', async () => {
    // every put of the session is held in its transaction (chained requests keep it active) until
    // the test lets it go: the save of the imported track is in flight when it is undone
    const other = await startApp({
      beforeNavigate: (p) =>
        p.addInitScript(() => {
          const w = window as unknown as { __hold: boolean; __started: number; __done: number };
          w.__hold = false;
          w.__started = 0;
          w.__done = 0;
          const put = IDBObjectStore.prototype.put;
          IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
            const req = put.apply(this, args);
            if (this.name === 'sessions') {
              w.__started++;
              this.transaction.addEventListener('complete', () => w.__done++);
              const spin = () => {
                if (w.__hold) this.count().onsuccess = spin;
              };
              spin();
            }
            return req;
          };
        }),
    });
    try {
      const p = other.page;
      await waitForMapReady(p);
      await p.waitForSelector('[data-testid=events-panel][data-session^=empty]');
      await p.click('[data-testid=event-template-blank]');
      await p.waitForFunction(() => document.querySelector('[data-testid=events-panel]')?.getAttribute('data-session') === 'empty saved');
      const stored = async () => ((await savedSession(p)) as { doc: unknown }).doc;
      const inMemory = () => p.evaluate(() => (window as unknown as { __cavalierDoc: { tracks: unknown[] } }).__cavalierDoc);
      const before = await inMemory();
      expect(await stored()).toEqual({ ...before, route: undefined });

      await p.evaluate(() => ((window as unknown as { __hold: boolean }).__hold = true));
      const started = await p.evaluate(() => (window as unknown as { __started: number }).__started);
      await p.setInputFiles('[data-testid=tool-import-input]', hostile('single-point.gpx'));
      await p.waitForSelector('[data-testid=track-item]');
      // the save of the document with the track has begun, and is held
      await p.waitForFunction((n) => (window as unknown as { __started: number }).__started > n, started);
      await p.keyboard.press('Control+z');
      await expect.poll(() => p.locator('[data-testid=track-item]').count()).toBe(0);
      await p.evaluate(() => ((window as unknown as { __hold: boolean }).__hold = false));
      // every save begun is done, and the app says the work is saved
      await p.waitForFunction(() => {
        const w = window as unknown as { __started: number; __done: number };
        return w.__started === w.__done && document.querySelector('[data-testid=events-panel]')?.getAttribute('data-session')?.endsWith(' saved');
      });
      expect(await inMemory()).toEqual(before);
      expect(await stored()).toEqual({ ...before, route: undefined });
      expect(other.unexpectedErrors()).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
