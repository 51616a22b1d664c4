// What an environmental officer does with her own data: import a Lambert-93 layer and see it in
// the right place, import a file with hostile names, survive a broken file, import an
// OpenStreetMap export as network and route on it, load a DEM, and find her layers after a
// reload. The worker is the real one; figures are compared with the engine run here in node.
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, LineString } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatError } from '../../src/i18n/messages';
import { readTrackItems } from '../../src/core/gpx/read';
import { parseXmlWithXmldom } from '../../src/core/gpx/xml';
import { importLayer } from '../../src/core/import/layer';
import { analyseTrack } from '../../src/core/route/analyse';
import type { Leg } from '../../src/core/route/leg';
import { createEngine } from '../../workers/engine';
import { karneyLength } from '../helpers/karney';
import { mapIdle, ROOT, startApp, waitForMapReady, type StartedApp, clickMapAt, legsSettled, waitForNetwork, fitMapTo, waitForSave, readIdb } from './harness';

type LonLat = [number, number];

const dataDir = join(ROOT, 'public/data');
const fixture = (p: string) => join(ROOT, 'test/fixtures', p);
const tmp = mkdtempSync(join(tmpdir(), 'cavalier-import-'));
const bytesOf = (b: Buffer): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

const meta = JSON.parse(readFileSync(join(dataDir, 'network.json'), 'utf8')) as { names: string[]; joinTolerance_m: number };
const reseau = JSON.parse(readFileSync(join(dataDir, 'reseau.geojson'), 'utf8')) as FeatureCollection<LineString, { kind: string; length_m: number }>;

/** The engine the worker runs, here in node, with the same embedded network. */
const nodeEngine = createEngine();
nodeEngine.loadNetwork(bytesOf(readFileSync(join(dataDir, 'network.bin'))), meta.names);
nodeEngine.setEmbeddedNetworkLines(bytesOf(readFileSync(join(dataDir, 'network-lines.geojson'))), meta.joinTolerance_m);

// The Overpass fixture, linked to the nearest cavalier by one more path (computed from
// network.bin, so nothing derived from the official layers is stored in the fixtures).
const osm = JSON.parse(readFileSync(fixture('import/overpass-loos.json'), 'utf8')) as { elements: Record<string, unknown>[] };
const N1001: LonLat = [2.7679993, 50.4416072];
const N1004: LonLat = [2.77, 50.4475];
const junctionSnap = nodeEngine.snap(N1001[0], N1001[1], 2000)!;
const junction: LonLat = [junctionSnap.lon, junctionSnap.lat];
osm.elements.push(
  { type: 'way', id: 9001, nodes: [9000, 1001], tags: { highway: 'path', name: 'Sentier de liaison' } },
  { type: 'node', id: 9000, lon: junction[0], lat: junction[1] },
);
const overpassFile = join(tmp, 'overpass-loos-relie.json');
writeFileSync(overpassFile, JSON.stringify(osm));
// the cavalier edge that ends at the junction: the route starts at its other end
const cavalierEdge = reseau.features.find(
  (f) => f.properties.kind === 'path' && [f.geometry.coordinates[0], f.geometry.coordinates.at(-1)!].some((p) => karneyLength([p as LonLat, junction]) < 1),
)!;
const ce = cavalierEdge.geometry.coordinates as LonLat[];
const cavalierStart = karneyLength([ce[0], junction]) < 1 ? ce[ce.length - 1] : ce[0];

let app: StartedApp;
const page = () => app.page;
const layerNames = () => page().locator('[data-testid=user-layer-name]').allTextContents();
const routePoints = () => page().evaluate(() => (window.__cavalierController as unknown as { route: { points: LonLat[] } }).route.points);
const statLength = async () => Number(await page().getAttribute('[data-testid=stat-length]', 'data-value'));

async function openImport(file: string) {
  await page().click('[data-testid=import-layer-open]');
  await page().setInputFiles('[data-testid=import-layer-input]', file);
}

async function importLayerFile(file: string, role?: 'network' | 'sensitive' | 'reference') {
  const before = await page().locator('[data-testid=user-layer]').count();
  await openImport(file);
  await page().waitForSelector('[data-testid=import-layer-preview]', { timeout: 30_000 });
  if (role) await page().check(`[data-testid=import-layer-role-${role}]`);
  await page().click('[data-testid=import-layer-confirm]');
  await page().waitForSelector('[data-testid=import-layer-dialog]', { state: 'detached', timeout: 30_000 });
  await expect.poll(() => page().locator('[data-testid=user-layer]').count()).toBe(before + 1);
  return page().locator('[data-testid=user-layer]').nth(before);
}

const clickAt = (lonlat: LonLat) => clickMapAt(page(), lonlat);

const settled = (legs: number) => legsSettled(page(), legs);

const fitView = (points: LonLat[], padding = 120) => fitMapTo(page(), points, padding);

async function waitForWorkerNetwork() {
  await waitForNetwork(page(), cavalierStart);
}

beforeAll(async () => {
  app = await startApp();
  await waitForMapReady(page());
  await waitForWorkerNetwork();
});

afterAll(async () => {
  await app?.close();
});

describe('importing layers in the browser', () => {
  it('a Lambert-93 GeoJSON imported as reference is listed and drawn where its vertices are', async () => {
    const file = fixture('import/cavaliers-l93-crs.geojson');
    await openImport(file);
    await page().waitForSelector('[data-testid=import-layer-preview]');
    // the projection the file declares, said in words
    expect(await page().textContent('[data-testid=import-layer-crs-detected]')).toMatch(/Lambert-93.*déclarée dans le fichier/);
    await page().check('[data-testid=import-layer-role-reference]');
    await page().click('[data-testid=import-layer-confirm]');
    await page().waitForSelector('[data-testid=import-layer-dialog]', { state: 'detached' });

    const core = importLayer(readFileSync(file, 'utf8'), 'cavaliers-l93-crs.geojson');
    if (!core.ok) throw new Error(core.error.code);
    const item = page().locator('[data-testid=user-layer]').first();
    expect(await item.getAttribute('data-role')).toBe('reference');
    expect(await item.locator('[data-testid=user-layer-name]').textContent()).toBe('zt-cavaliers (extrait, Lambert-93)');
    expect(await item.locator('[data-testid=user-layer-role]').textContent()).toBe('Référence');
    expect(Number(await item.locator('[data-testid=user-layer-count]').getAttribute('data-value'))).toBe(core.value.fc.features.length);
    expect(await item.locator('[data-testid=user-layer-file]').textContent()).toContain('cavaliers-l93-crs.geojson');

    // the first vertex, (683000, 7038000) in Lambert-93, as the core reprojects it
    const vertex = (core.value.fc.features[0].geometry as LineString).coordinates[0] as LonLat;
    const id = (await item.getAttribute('data-layer-id'))!;
    await page().evaluate((c) => window.__cavalierMap!.jumpTo({ center: c, zoom: 16 }), vertex);
    await mapIdle(page());
    const hits = await page().evaluate(
      ({ ll, source }) => {
        const map = window.__cavalierMap!;
        const p = map.project(ll);
        const layers = map
          .getStyle()
          .layers.filter((l) => 'source' in l && l.source === source)
          .map((l) => l.id);
        return map
          .queryRenderedFeatures(
            [
              [p.x - 3, p.y - 3],
              [p.x + 3, p.y + 3],
            ],
            { layers },
          )
          .map((f) => ({ source: f.source, coords: (f.geometry as LineString).coordinates as LonLat[] }));
      },
      { ll: vertex, source: `user:${id}` },
    );
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0].source).toBe(`user:${id}`);
    const nearest = Math.min(...hits.flatMap((h) => h.coords.map((c) => karneyLength([c, vertex]))));
    expect(nearest).toBeLessThan(1);
    // and nothing of it 300 m away, off the line
    const away: LonLat = [vertex[0] - 0.003, vertex[1] + 0.0025];
    const none = await page().evaluate(
      ({ ll, source }) => {
        const map = window.__cavalierMap!;
        const p = map.project(ll);
        const layers = map
          .getStyle()
          .layers.filter((l) => 'source' in l && l.source === source)
          .map((l) => l.id);
        return map.queryRenderedFeatures(
          [
            [p.x - 3, p.y - 3],
            [p.x + 3, p.y + 3],
          ],
          { layers },
        ).length;
      },
      { ll: away, source: `user:${id}` },
    );
    expect(none).toBe(0);
  });

  it('names full of HTML are shown as text, on the panel and in the popup', async () => {
    const item = await importLayerFile(fixture('import/html-names.geojson'), 'sensitive');
    expect(await item.locator('[data-testid=user-layer-name]').textContent()).toBe("<script>alert('couche')</script>");
    expect(await page().locator('[data-testid=user-layers] script, [data-testid=user-layers] img').count()).toBe(0);
    // the feature with a geometry: a line from (2.83, 50.43) to (2.84, 50.44)
    const mid: LonLat = [2.835, 50.435];
    await page().evaluate((c) => window.__cavalierMap!.jumpTo({ center: c, zoom: 15 }), mid);
    await mapIdle(page());
    await clickAt(mid);
    const popup = page().locator('[data-testid=map-popup]');
    await popup.waitFor();
    const text = (await popup.textContent()) ?? '';
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(text).toContain("<script>alert('couche')</script> (couche importée)");
    expect(await popup.locator('img, script, b, a').count()).toBe(0);
    await page().keyboard.press('Escape');
    await page()
      .locator('.maplibregl-popup-close-button')
      .click()
      .catch(() => {});
    expect(app.errors.filter((e) => e.kind === 'dialog')).toEqual([]);
  });

  it('a broken file gets a French message in the dialog, and the layers already imported stay', async () => {
    const before = await layerNames();
    const broken = join(tmp, 'casse.geojson');
    writeFileSync(broken, '{"type": "FeatureCollection", "features": [ {"type": "Feature", ');
    await openImport(broken);
    await expect.poll(() => page().textContent('[data-testid=import-layer-error]')).toBe('Le fichier n’est pas un JSON valide. Rien n’a été modifié.');
    expect(await page().isDisabled('[data-testid=import-layer-confirm]')).toBe(true);
    // a file over the limit is refused before it is read
    const huge = join(tmp, 'enorme.geojson');
    writeFileSync(huge, '');
    truncateSync(huge, 201 * 1024 * 1024);
    await page().setInputFiles('[data-testid=import-layer-input]', huge);
    await expect
      .poll(() => page().textContent('[data-testid=import-layer-error]'))
      .toMatch(/^Fichier trop volumineux \(201\u00a0Mo\)\u00a0: la limite est de 200\u00a0Mo\. Il n’a pas été lu/);
    // a file with bad features: what is skipped is listed, in French, before anything is imported
    await page().setInputFiles('[data-testid=import-layer-input]', fixture('import/invalid-geometries.geojson'));
    await page().waitForSelector('[data-testid=import-layer-skipped]');
    expect(await page().textContent('[data-testid=import-layer-skipped] summary')).toBe('9 objets ignorés\u00a0:');
    expect(await page().locator('[data-testid=import-layer-skipped] li').allTextContents()).toContain(
      'objet n°\u00a03 «\u00a0Géométrie nulle\u00a0»\u00a0: Géométrie vide.',
    );
    expect(await page().textContent('[data-testid=import-layer-notes]')).toContain('Le fichier mêle plusieurs types de géométrie');
    await page().click('[data-testid=import-layer-cancel]');
    await page().waitForSelector('[data-testid=import-layer-dialog]', { state: 'detached' });
    expect(await layerNames()).toEqual(before);
  });

  it('an Overpass export imported as network is routed on, from a cavalier onto its paths, and measured as the node engine measures it', async () => {
    await openImport(overpassFile);
    await page().waitForSelector('[data-testid=import-layer-preview]');
    // an OpenStreetMap export is proposed as network; skipped ways are listed in French
    expect(await page().isChecked('[data-testid=import-layer-role-network]')).toBe(true);
    expect(await page().textContent('[data-testid=import-layer-crs-fixed]')).toContain('toujours en WGS84');
    expect(await page().textContent('[data-testid=import-layer-notes]')).toMatch(
      /2\u00a0objets OpenStreetMap sans étiquette highway \(bâtiments, occupation du sol, relations\) ignorés\./,
    );
    await page().click('[data-testid=import-layer-confirm]');
    await page().waitForSelector('[data-testid=import-layer-dialog]', { state: 'detached', timeout: 30_000 });
    await expect
      .poll(() => page().locator('[data-testid=notice]').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringMatching(/^Réseau de tracé mis à jour\u00a0: 5 lignes importées/)]));
    const item = page().locator('[data-testid=user-layer][data-role=network]');
    expect(await item.locator('[data-testid=user-layer-meta]').textContent()).toContain('5 lignes ajoutées au réseau de tracé');

    // the same import in node
    const opened = nodeEngine.openFile(bytesOf(readFileSync(overpassFile)), 'overpass-loos-relie.json');
    if (!opened.ok) throw new Error(opened.error.code);
    expect(nodeEngine.previewLayer(opened.value.token).ok).toBe(true);
    expect(nodeEngine.addLayer(opened.value.token, 'network').ok).toBe(true);

    await fitView([cavalierStart, N1004]);
    await page().click('[data-testid=tool-draw]');
    await clickAt(cavalierStart);
    await clickAt(N1004);
    await settled(1);
    const points = await routePoints();
    const legs: Leg[] = await nodeEngine.legs([{ from: points[0], to: points[1], mode: 'network' }]);
    expect(legs[0].fallback).toBeUndefined();
    const expected = nodeEngine.analyseLegs(legs);
    await expect.poll(statLength).toBeCloseTo(expected.length_m, 3);
    // the way types of the imported paths, and the share of roads
    const ways = (await page().textContent('[data-testid=stat-ways]')) ?? '';
    for (const label of ['Cavaliers miniers', 'Sentiers', 'Chemins', 'Routes']) expect(ways).toContain(label);
    const roadShare = Number(await page().getAttribute('[data-testid=stat-roads]', 'data-value'));
    expect(roadShare).toBeCloseTo(expected.ways!.road / expected.length_m, 6);
    expect(await page().textContent('[data-testid=stat-roads]')).toBe(`dont routes\u00a0: ${Math.round(roadShare * 100)}\u00a0%`);
    expect(roadShare).toBeGreaterThan(0.05);
    await page().click('[data-testid=tool-draw]');
  });

  it('a DEM file becomes the elevation source; a bad one changes nothing; back to the approximate relief', async () => {
    // a straight route inside test/fixtures/dem/plane.asc (2.82–2.85 E, 50.42–50.45 N)
    await page().click('[data-testid=tool-clear]');
    await page().click('[data-testid=mode-straight]');
    const a: LonLat = [2.826, 50.432];
    const b: LonLat = [2.845, 50.438];
    await fitView([a, b], 200);
    await page().click('[data-testid=tool-draw]');
    await clickAt(a);
    await clickAt(b);
    await settled(1);
    await page().click('[data-testid=tool-draw]');
    await expect.poll(() => page().textContent('[data-testid=stat-elevation-source]')).toMatch(/Relief approché.*approximation/);

    await page().setInputFiles('[data-testid=dem-input]', fixture('dem/plane.asc'));
    await expect.poll(() => page().textContent('[data-testid=stat-elevation-source]')).toBe('MNT «\u00a0plane.asc\u00a0»');
    expect(await page().textContent('[data-testid=dem-current]')).toBe('MNT «\u00a0plane.asc\u00a0»');
    // the notice says what is true: the grid is written to IndexedDB, it will come back
    await expect.poll(() => page().getAttribute('[data-testid=dem-stored]', 'data-stored')).toBe('true');
    expect(await page().textContent('[data-testid=dem-stored]')).toMatch(/^Ce MNT est gardé dans ce navigateur/);
    // the climb is the node engine's on the same grid
    const dem = nodeEngine.openFile(bytesOf(readFileSync(fixture('dem/plane.asc'))), 'plane.asc');
    if (!dem.ok) throw new Error(dem.error.code);
    expect((await nodeEngine.loadDemFile(dem.value.token)).ok).toBe(true);
    const points = await routePoints();
    const legs = await nodeEngine.legs([{ from: points[0], to: points[1], mode: 'straight' }]);
    const expected = nodeEngine.analyseLegs(legs);
    await expect.poll(async () => Number(await page().getAttribute('[data-testid=stat-ascent]', 'data-value'))).toBeCloseTo(expected.profile!.ascent, 6);

    const bad = join(tmp, 'pas-une-grille.asc');
    writeFileSync(bad, 'ncols 3\nnrows 2\nxllcorner 2.8\nyllcorner 50.4\ncellsize 0.01\n1 2 3\n');
    await page().setInputFiles('[data-testid=dem-input]', bad);
    await expect
      .poll(() => page().locator('[data-testid=notice][data-kind=error]').allTextContents())
      .toEqual(
        expect.arrayContaining([expect.stringMatching(/^MNT non chargé\u00a0: Grille d’altitude ASCII \(\.asc\) invalide.*Le relief actuel est conservé\./)]),
      );
    expect(await page().textContent('[data-testid=stat-elevation-source]')).toBe('MNT «\u00a0plane.asc\u00a0»');

    // kept in the browser: after a reload (no file at hand) it is the source again, same climb
    const ascent = Number(await page().getAttribute('[data-testid=stat-ascent]', 'data-value'));
    await waitForSave(page());
    await page().reload({ waitUntil: 'load' });
    await waitForMapReady(page());
    await expect.poll(() => page().textContent('[data-testid=stat-elevation-source]'), { timeout: 30_000 }).toBe('MNT «\u00a0plane.asc\u00a0»');
    await expect.poll(async () => Number(await page().getAttribute('[data-testid=stat-ascent]', 'data-value'))).toBe(ascent);
    await expect.poll(() => page().getAttribute('[data-testid=dem-stored]', 'data-stored')).toBe('true');

    await page().click('[data-testid=dem-reset]');
    await expect.poll(() => page().textContent('[data-testid=stat-elevation-source]')).toMatch(/Relief approché.*approximation/);
    expect(await page().locator('[data-testid=dem-reset]').count()).toBe(0);
    expect(await page().locator('[data-testid=dem-stored]').count()).toBe(0);
    // and forgotten: nothing left in the DEM store
    const stored = () =>
      page().evaluate(
        () =>
          new Promise<boolean>((resolve) => {
            const req = indexedDB.open('cavalier-dem', 1);
            req.onsuccess = () => {
              const get = req.result.transaction('dem').objectStore('dem').get('current');
              get.onsuccess = () => {
                resolve(get.result !== undefined);
                req.result.close();
              };
            };
          }),
      );
    await expect.poll(stored).toBe(false);
    await page().click('[data-testid=mode-network]');
  });

  it('a large Lambert-93 file is read in the worker with a progress bar while the page keeps drawing frames', async () => {
    // 60 000 short lines around Lens, in Lambert-93 (~8 MB)
    const features: string[] = [];
    for (let i = 0; i < 60_000; i++) {
      const x = 680_000 + (i % 300) * 40;
      const y = 7_030_000 + Math.floor(i / 300) * 40;
      features.push(
        `{"type":"Feature","properties":{"n":${i}},"geometry":{"type":"LineString","coordinates":[[${x},${y}],[${x + 25},${y + 10}],[${x + 30},${y + 30}]]}}`,
      );
    }
    const big = join(tmp, 'grand-fichier-l93.geojson');
    writeFileSync(big, `{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:2154"}},"features":[${features.join(',')}]}`);
    // frames and progress values seen by the page while the worker converts
    await page().evaluate(() => {
      const w = window as unknown as { __frames: number[]; __progress: number[]; __stop: boolean };
      w.__frames = [];
      w.__progress = [];
      w.__stop = false;
      const tick = (ts: number) => {
        w.__frames.push(ts);
        const bar = document.querySelector('[data-testid=import-layer-progress] progress') as HTMLProgressElement | null;
        if (bar?.hasAttribute('value')) w.__progress.push(bar.value);
        if (!w.__stop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await openImport(big);
    await page().waitForSelector('[data-testid=import-layer-preview]', { timeout: 60_000 });
    const seen = await page().evaluate(() => {
      const w = window as unknown as { __frames: number[]; __progress: number[]; __stop: boolean };
      w.__stop = true;
      const gaps = w.__frames.slice(1).map((t, i) => t - w.__frames[i]);
      return { frames: w.__frames.length, maxGap: Math.max(...gaps), progress: w.__progress };
    });
    // the page drew frames all along: several frames while the worker was midway (a main thread
    // blocked by the conversion would draw none between 0 and 1). Durations are reported, not
    // asserted: they depend on the machine's load.
    const midway = seen.progress.filter((v) => v > 0 && v < 1);
    expect(midway.length).toBeGreaterThanOrEqual(3);
    expect(new Set(midway).size).toBeGreaterThanOrEqual(2);
    console.info(`import of 60 000 lines: ${seen.frames} frames, longest gap ${seen.maxGap.toFixed(0)} ms`);
    expect(await page().textContent('[data-testid=import-layer-preview]')).toContain('60\u202f000 objets');
    await page().click('[data-testid=import-layer-cancel]');
    await page().waitForSelector('[data-testid=import-layer-dialog]', { state: 'detached' });
  });

  it('imported layers come back after a reload, the network one merged again; removing it puts the network back', async () => {
    const names = await layerNames();
    expect(names).toHaveLength(3);
    // the merged network was kept as a bundle when the network layer was imported
    const networkId = await page().getAttribute('[data-testid=user-layer][data-role=network]', 'data-layer-id');
    const kept = (await readIdb(page(), 'cavalier-network', 'network', 'current')) as { key: string } | undefined;
    // built from that layer and its 5 routable lines (the key the worker checks at restore)
    expect(kept?.key.split('|')).toContain(`${networkId}:5`);
    await page().reload({ waitUntil: 'load' });
    await waitForMapReady(page());
    await expect.poll(layerNames, { timeout: 30_000 }).toEqual(names);
    // …and comes back from it, without a rebuild (the routes on it are checked just below)
    await expect.poll(() => page().getAttribute('[data-testid=user-layers]', 'data-network'), { timeout: 30_000 }).toBe('prebuilt');
    const onImportedRoad = () =>
      page().evaluate(
        async () =>
          (await (window as unknown as { __cavalierEngine: { snap: (a: number, b: number, r: number) => Promise<unknown> } }).__cavalierEngine.snap(
            2.7685,
            50.44725,
            20,
          )) !== null,
      );
    await expect.poll(onImportedRoad, { timeout: 30_000 }).toBe(true);
    // a leg from a cavalier onto the imported paths: the same as the node engine's, which rebuilt its merge
    const request = { from: cavalierStart, to: N1004, mode: 'network' as const };
    const [expected] = await nodeEngine.legs([request]);
    expect(expected.fallback).toBeUndefined();
    const inPage = await page().evaluate(
      async (r) =>
        (
          await (
            window as unknown as { __cavalierEngine: { legs: (q: unknown[]) => Promise<{ length_m: number; coords: unknown[] }[]> } }
          ).__cavalierEngine.legs([r])
        )[0],
      request,
    );
    expect(inPage.length_m).toBeCloseTo(expected.length_m, 6);
    expect(inPage.coords).toEqual(expected.coords);

    await page().locator('[data-testid=user-layer][data-role=network] [data-testid=user-layer-remove]').click();
    await expect.poll(layerNames).toEqual(names.filter((n) => n !== 'overpass-loos-relie'));
    await expect.poll(onImportedRoad).toBe(false);
    expect(await page().getAttribute('[data-testid=user-layers]', 'data-network')).toBeNull();
    // nothing kept any more: a stale bundle would bring the removed paths back
    await expect.poll(() => readIdb(page(), 'cavalier-network', 'network', 'current')).toBeUndefined();
    expect(app.unexpectedErrors()).toEqual([]);
  });
});

describe('importing a track file in the browser', () => {
  it('a GPX with both trk and rte is listed as two items, the route labelled, each measured on its own', async () => {
    const file = fixture('hostile/trk-and-rte.gpx');
    const items = readTrackItems(readFileSync(file, 'utf8'), 'trk-and-rte.gpx', { parseXml: parseXmlWithXmldom });
    if (!items.ok) throw new Error(items.error.code);
    const before = await page().locator('[data-testid=track-item]').count();
    await page().setInputFiles('[data-testid=tool-import-input]', file);
    await expect.poll(() => page().locator('[data-testid=track-item]').count()).toBe(before + 2);
    const added = page().locator('[data-testid=track-item]');
    expect(await added.locator('.cav-track-name').allTextContents()).toEqual([
      ...Array(before).fill(expect.any(String)),
      'Sortie du 1er mai',
      'Itinéraire prévu',
    ]);
    expect(await added.nth(before).locator('[data-testid=track-kind]').count()).toBe(0);
    expect(
      await added
        .nth(before + 1)
        .locator('[data-testid=track-kind]')
        .textContent(),
    ).toBe('itinéraire (rte)');
    // the one-point segment is said, as the CLI says it
    await expect
      .poll(() => page().locator('[data-testid=notice]').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining(formatError({ code: 'file.empty-segments', detail: { count: 1 } }, 'fr'))]));
    // the last added is active: the route, measured as the core measures it
    await expect.poll(statLength).toBeCloseTo(analyseTrack(items.value[1].segments).length_m, 3);
    await added.nth(before).locator('input[type=radio]').check();
    await expect.poll(statLength).toBeCloseTo(analyseTrack(items.value[0].segments).length_m, 3);
    for (let k = 0; k < 2; k++) await added.nth(before).locator('button').click();
    await expect.poll(() => page().locator('[data-testid=track-item]').count()).toBe(before);
  });
});

describe('when the browser cannot store layers', () => {
  it('says so in French, and the layer is kept for the session', async () => {
    const other = await startApp({
      beforeNavigate: (p) =>
        p.addInitScript(() => {
          // only the layers' database fails (as in a private window or with a full disk)
          const open = indexedDB.open.bind(indexedDB);
          indexedDB.open = (name: string, version?: number) => {
            if (name === 'cavalier-layers') throw new DOMException('refusé', 'SecurityError');
            return open(name, version);
          };
        }),
    });
    try {
      const p = other.page;
      await waitForMapReady(p);
      await p.click('[data-testid=import-layer-open]');
      await p.setInputFiles('[data-testid=import-layer-input]', fixture('import/cavaliers-l93-crs.geojson'));
      await p.waitForSelector('[data-testid=import-layer-preview]');
      await p.click('[data-testid=import-layer-confirm]');
      await expect
        .poll(() => p.locator('[data-testid=notice][data-kind=warning]').allTextContents())
        .toEqual(
          expect.arrayContaining([
            expect.stringMatching(
              /^Les couches importées n’ont pas pu être enregistrées dans le navigateur \(stockage indisponible.*\)\u00a0: elles restent affichées et utilisées/,
            ),
          ]),
        );
      expect(await p.locator('[data-testid=user-layer-name]').allTextContents()).toEqual(['zt-cavaliers (extrait, Lambert-93)']);
      expect(await p.textContent('[data-testid=user-layer-unsaved]')).toContain('perdue au rechargement');
      expect(other.unexpectedErrors()).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
