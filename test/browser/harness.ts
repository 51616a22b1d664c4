// Browser test harness: builds the app once (vite build → dist/), serves it with `vite preview` on a
// free port of 127.0.0.1, and drives Debian's Chromium through playwright-core. With
// `server: 'dev'` it serves the sources through Vite's dev server instead, as `npm start` does:
// React's development build, StrictMode's double mount of every effect, modules loaded one by
// one. Bugs that only the dev server shows (a lock left held by the first mount) are caught there.
//
//   const app = await startApp();          // { page, url, close, errors, ... }
//   await waitForMapReady(app.page);       // waits on window.__cavalierMapReady, then map idle
//   expect(app.unexpectedErrors()).toEqual([]);
//   await app.close();
//
// Everything runs offline: requests that leave 127.0.0.1 are aborted as "internet disconnected"
// (set `offline: false` to let them through).

import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FeatureCollection, LineString } from 'geojson';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { build, createServer, preview, type PreviewServer, type ViteDevServer } from 'vite';

export const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');
const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Chromium flags (see /work/shared/notes/toolchain.md): WebGL renders through ANGLE + SwiftShader
 * with these. Keep them pinned: adding e.g. --use-angle=swiftshader changes pixels slightly.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Inputs of the build: dist is rebuilt when any of them is newer than the last build. */
const BUILD_INPUTS = ['index.html', 'vite.config.ts', 'package.json', 'package-lock.json', 'src', 'workers', 'public'];
const STAMP = join(DIST, '.cavalier-build-stamp');

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

let buildOnce: Promise<void> | null = null;

/** Builds dist/ unless a build newer than every input exists (CAVALIER_REBUILD=1 forces it). */
function ensureBuild(): Promise<void> {
  buildOnce ??= (async () => {
    const inputs = Math.max(...BUILD_INPUTS.map((p) => newestMtime(join(ROOT, p))));
    const fresh = existsSync(STAMP) && existsSync(join(DIST, 'index.html')) && statSync(STAMP).mtimeMs > inputs;
    if (fresh && process.env.CAVALIER_REBUILD !== '1') return;
    if (!existsSync(join(ROOT, 'public/data/layers.json'))) {
      throw new Error('public/data/layers.json is missing: run `npm run data:build` (or `npm run data:ensure`) before the browser tests.');
    }
    // vitest sets NODE_ENV=test, which would bundle React's development build: test what users get
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  })();
  buildOnce.catch(() => (buildOnce = null));
  return buildOnce;
}

interface CollectedError {
  kind: 'console' | 'pageerror' | 'dialog' | 'crash';
  text: string;
  /** URL the message comes from, when known */
  url?: string;
}

export type ServerKind = 'preview' | 'dev';
/** both ways of serving the app, for `describe.each(SERVERS)` */
export const SERVERS: readonly ServerKind[] = ['preview', 'dev'];

export interface StartOptions {
  /** the production build through `vite preview` (default), or the sources through Vite's dev server */
  server?: ServerKind;
  /** abort every request that does not go to the preview server (default true) */
  offline?: boolean;
  /** URL prefixes still reachable when offline (e.g. a local stub server) */
  allow?: string[];
  viewport?: { width: number; height: number };
  /** a page path relative to the app, e.g. '?debug=1' */
  path?: string;
  /**
   * Chromium flags instead of CHROMIUM_ARGS (the drag benchmark also measures with GPU compositing
   * through SwiftShader, see test/browser/drag-measure.ts); screenshots need the pinned ones.
   */
  chromiumArgs?: readonly string[];
  /**
   * The production build registers a service worker that precaches the app and its data (~20 MB,
   * src/app/sw.ts). Blocked by default: every test would download it all again, and a worker
   * answering from its cache would hide the page.route(...) fixtures and faults the tests inject.
   * The offline test allows it.
   */
  serviceWorkers?: 'allow' | 'block';
  /**
   * Serve this built app (an absolute folder, e.g. an earlier commit's build) instead of dist/,
   * as it is: the first-map benchmark compares two builds in one run (test/bench/first-map.ts)
   */
  dist?: string;
  /** run before navigation (e.g. page.route(...) to serve fixtures) */
  beforeNavigate?: (page: Page, url: string) => Promise<unknown>;
}

export interface StartedApp {
  page: Page;
  url: string;
  /** how the app is served */
  server: ServerKind;
  browser: Browser;
  context: BrowserContext;
  /** everything reported so far: console errors, uncaught page errors, dialogs (alert = XSS), crashes */
  errors: CollectedError[];
  /**
   * The errors a test should fail on: console "Failed to load resource" lines for URLs outside the
   * app (online basemaps while offline) are expected and left out.
   */
  unexpectedErrors: () => CollectedError[];
  close: () => Promise<void>;
}

export async function launchChromium(args: readonly string[] = CHROMIUM_ARGS): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: the browser tests need Debian's chromium package (apt-get install -y chromium). They are never skipped.`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...args] });
}

interface Served {
  url: string;
  close: () => Promise<void>;
}

async function servePreview(outDir?: string): Promise<Served> {
  if (!outDir) await ensureBuild();
  const server: PreviewServer = await preview({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: outDir ?? 'dist' },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const address = server.httpServer.address() as AddressInfo | null;
  if (!address || typeof address === 'string') {
    await server.close().catch(() => {});
    throw new Error('vite preview did not report a TCP address');
  }
  return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}

async function serveDev(): Promise<Served> {
  if (!existsSync(join(ROOT, 'public/data/layers.json'))) {
    throw new Error('public/data/layers.json is missing: run `npm run data:build` (or `npm run data:ensure`) before the browser tests.');
  }
  // vitest sets NODE_ENV=test; `npm start` runs with none, which Vite turns into development
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'development';
  let server: ViteDevServer | null = null;
  try {
    server = await createServer({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      mode: 'development',
      server: { host: '127.0.0.1', port: 0, strictPort: true, open: false, watch: null },
    });
    await server.listen();
    const address = server.httpServer?.address() as AddressInfo | null;
    if (!address || typeof address === 'string') throw new Error('the vite dev server did not report a TCP address');
    const srv = server;
    return {
      url: `http://127.0.0.1:${address.port}/`,
      close: async () => {
        await srv.close();
        process.env.NODE_ENV = nodeEnv;
      },
    };
  } catch (err) {
    await server?.close().catch(() => {});
    process.env.NODE_ENV = nodeEnv;
    throw err;
  }
}

/**
 * The dev server optimises dependencies as it discovers them (the page's, then the worker's) and,
 * when it bundles them again, answers the old ones 504 (Outdated Optimize Dep) and reloads the
 * page. Throwaway visits, each in a context of its own (its own storage: no lease or session is
 * left behind), until one goes through with neither: the tests' pages then load once and for all.
 */
async function warmDev(browser: Browser, url: string): Promise<void> {
  const onNetwork = longPathEdges()[0].geometry.coordinates[0] as [number, number];
  for (let visit = 1; ; visit++) {
    const context = await browser.newContext();
    let outdated = false;
    let loads = 0;
    try {
      const page = await context.newPage();
      page.on('response', (r) => {
        if (r.status() === 504) outdated = true;
      });
      page.on('load', () => loads++);
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForFunction(() => window.__cavalierMapReady === true, null, { timeout: 120_000, polling: 200 });
      // the worker's modules too: it routes
      await waitForNetwork(page, onNetwork);
    } finally {
      await context.close().catch(() => {});
    }
    if (!outdated && loads === 1) return;
    if (visit === 4) throw new Error(`the vite dev server was still optimising dependencies after ${visit} visits`);
  }
}

export async function startApp(options: StartOptions = {}): Promise<StartedApp> {
  const kind = options.server ?? 'preview';
  let served: Served | null = null;
  let browser: Browser | null = null;
  try {
    served = kind === 'dev' ? await serveDev() : await servePreview(options.dist);
    const { url } = served;

    browser = await launchChromium(options.chromiumArgs);
    if (kind === 'dev') await warmDev(browser, url);
    const context = await browser.newContext({
      viewport: options.viewport ?? { width: 1280, height: 800 },
      deviceScaleFactor: 1,
      locale: 'fr-FR',
      serviceWorkers: options.serviceWorkers ?? 'block',
    });
    if (options.offline ?? true) {
      await context.route(
        (u) => !u.href.startsWith(url) && !(options.allow ?? []).some((a) => u.href.startsWith(a)),
        (route) => route.abort('internetdisconnected'),
      );
    }
    const page = await context.newPage();
    const errors: CollectedError[] = [];
    page.on('console', (msg: ConsoleMessage) => {
      if (msg.type() === 'error') errors.push({ kind: 'console', text: msg.text(), url: msg.location().url });
    });
    page.on('pageerror', (err) => errors.push({ kind: 'pageerror', text: `${err.name}: ${err.message}` }));
    page.on('crash', () => errors.push({ kind: 'crash', text: 'page crashed' }));
    page.on('dialog', (dialog) => {
      errors.push({ kind: 'dialog', text: `${dialog.type()}: ${dialog.message()}` });
      void dialog.dismiss();
    });

    if (options.beforeNavigate) await options.beforeNavigate(page, url);
    await page.goto(url + (options.path ?? ''), { waitUntil: 'load' });

    const srv = served;
    const br = browser;
    return {
      page,
      url,
      server: kind,
      browser: br,
      context,
      errors,
      unexpectedErrors: () =>
        errors.filter((e) => !(e.kind === 'console' && /Failed to load resource/.test(e.text) && e.url !== undefined && !e.url.startsWith(url))),
      close: async () => {
        await br.close().catch(() => {});
        await srv.close().catch(() => {});
      },
    };
  } catch (err) {
    await browser?.close().catch(() => {});
    await served?.close().catch(() => {});
    throw err;
  }
}

/**
 * Waits until the map fired 'load' and every embedded source is loaded (window.__cavalierMapReady),
 * then until the map is idle. No fixed sleeps.
 */
export async function waitForMapReady(page: Page, timeout = 60_000): Promise<void> {
  try {
    await page.waitForFunction(() => window.__cavalierMapReady === true, null, { timeout, polling: 100 });
  } catch (err) {
    const state = await page
      .evaluate(() => ({
        hasMap: !!window.__cavalierMap,
        ready: window.__cavalierMapReady,
        styleLoaded: window.__cavalierMap?.isStyleLoaded() ?? null,
        body: document.body.innerText.slice(0, 400),
      }))
      .catch((e: unknown) => String(e));
    throw new Error(`the map did not become ready within ${timeout} ms: ${JSON.stringify(state)}\n${String(err)}`);
  }
  await mapIdle(page);
}

/** Resolves when the map has nothing left to load or draw. */
export async function mapIdle(page: Page): Promise<void> {
  await page.evaluate(() => window.__cavalierIdle!());
}

/** Screen position (page coordinates) of a lon/lat on the map canvas. */
export async function lonLatToPage(page: Page, lonlat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => {
    const map = window.__cavalierMap!;
    const p = map.project(ll);
    const rect = map.getCanvas().getBoundingClientRect();
    return { x: rect.left + p.x, y: rect.top + p.y };
  }, lonlat);
}

/** Clicks the map at a lon/lat. */
export async function clickMapAt(page: Page, lonlat: [number, number]): Promise<void> {
  const p = await lonLatToPage(page, lonlat);
  await page.mouse.click(p.x, p.y);
}

/** Waits until the legs list shows `legs` legs, all computed (none still « … »), and the map is idle. */
export async function legsSettled(page: Page, legs: number): Promise<void> {
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll('[data-testid=leg]').length === n &&
      ![...document.querySelectorAll('[data-testid=leg]')].some((el) => el.textContent?.includes('…')),
    legs,
    { timeout: 20_000 },
  );
  await page.waitForTimeout(50);
  await mapIdle(page);
}

/**
 * Waits until the worker has the network: a known network point snaps. The engine's hook may come
 * after the map's (the dev server loads the worker's modules one by one): not there yet, not ready.
 */
export async function waitForNetwork(page: Page, onNetwork: [number, number]): Promise<void> {
  await page.waitForFunction(
    async (p) => {
      const engine = (window as unknown as { __cavalierEngine?: { snap: (a: number, b: number) => Promise<unknown> } }).__cavalierEngine;
      return engine !== undefined && (await engine.snap(p[0], p[1])) !== null;
    },
    onNetwork,
    { timeout: 30_000, polling: 200 },
  );
}

/** Frames positions on the map, without animation, and waits for it to be idle. */
export async function fitMapTo(page: Page, coords: readonly (readonly number[])[], padding: number): Promise<void> {
  await page.evaluate(
    ({ c, padding }) => {
      const lons = c.map((p) => p[0]);
      const lats = c.map((p) => p[1]);
      window.__cavalierMap!.fitBounds([Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)], { padding, animate: false });
    },
    { c: coords.map((p) => [p[0], p[1]]), padding },
  );
  await mapIdle(page);
}

/** Waits until the autosave has written the document shown (the events panel says « … saved »). */
export async function waitForSave(page: Page, timeout = 10_000): Promise<void> {
  await page
    .waitForFunction(() => document.querySelector('[data-testid=events-panel]')?.getAttribute('data-session')?.endsWith(' saved'), null, { timeout })
    .catch(async (e: unknown) => {
      throw new Error(`autosave not done: ${await page.getAttribute('[data-testid=events-panel]', 'data-session')} ${String(e)}`);
    });
}

/** One value of an IndexedDB object store, read in the page as the app stored it (undefined: none). */
export async function readIdb(page: Page, db: string, store: string, key: string): Promise<unknown> {
  return page.evaluate(
    ({ db, store, key }) =>
      new Promise<unknown>((resolve, reject) => {
        const req = indexedDB.open(db);
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const d = req.result;
          if (!d.objectStoreNames.contains(store)) {
            d.close();
            resolve(undefined);
            return;
          }
          const get = d.transaction(store).objectStore(store).get(key);
          get.onsuccess = () => {
            d.close();
            resolve(get.result);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    { db, store, key },
  );
}

/** The saved session (what the autosave wrote), as stored. */
export const savedSession = (page: Page) => readIdb(page, 'cavalier', 'sessions', 'current');

export type NetworkEdge = FeatureCollection<LineString, { kind: string; length_m: number }>['features'][number];

/**
 * The embedded network's cavalier edges of 2.5–4 km with at least 9 vertices, most vertices first:
 * the browser tests draw along them (clicks on their vertices give a route that follows them).
 * Cavaliers only: the véloroutes' denser lines would come first, and the tests read « Cavaliers miniers ».
 */
export function longPathEdges(): NetworkEdge[] {
  const reseau = JSON.parse(readFileSync(join(ROOT, 'public/data/reseau.geojson'), 'utf8')) as FeatureCollection<
    LineString,
    { kind: string; way?: string; length_m: number }
  >;
  return reseau.features
    .filter(
      (f) =>
        f.properties.kind === 'path' &&
        f.properties.way === 'cavalier' &&
        f.properties.length_m > 2500 &&
        f.properties.length_m < 4000 &&
        f.geometry.coordinates.length >= 9,
    )
    .sort((a, b) => b.geometry.coordinates.length - a.geometry.coordinates.length);
}

/**
 * A fresh app ready for work: the map drawn, the worker routing on the embedded network (a point of
 * it snaps) and the saved session read (nothing saved on a fresh profile).
 */
export async function startPlanner(onNetwork: [number, number], options: StartOptions = {}): Promise<StartedApp> {
  const app = await startApp({ viewport: { width: 1280, height: 1000 }, ...options });
  await waitForMapReady(app.page);
  await waitForNetwork(app.page, onNetwork);
  await app.page.waitForSelector('[data-testid=events-panel][data-session^=empty]');
  return app;
}
