// Two tabs on the same session: only one saves, the other follows and may take over, and no
// edit is ever lost between them (before, the last tab to save overwrote the other's work).
// Run against the production build and against Vite's dev server: in development React's
// StrictMode mounts every effect twice, and a first mount that kept the lease left the only tab
// read-only (`npm start` could not edit at all).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/dictionary';
import {
  clickMapAt,
  fitMapTo,
  legsSettled,
  startApp,
  waitForMapReady,
  waitForNetwork,
  type StartedApp,
  longPathEdges,
  savedSession,
  waitForSave,
  SERVERS,
} from './harness';

type LonLat = [number, number];

const edge = longPathEdges()[0].geometry.coordinates as LonLat[];
const at = (f: number) => edge[Math.round(f * (edge.length - 1))];

describe.each(SERVERS)('served by %s', (server) => {
  let app: StartedApp;
  let a: Page;
  let b: Page;
  const pageErrors: string[] = [];

  const routePoints = (p: Page) => p.evaluate(() => (window.__cavalierController as unknown as { route: { points: LonLat[] } }).route.points);
  const readOnly = (p: Page) =>
    p
      .locator('[data-testid=read-only]')
      .count()
      .then((n) => n > 0);
  const savedRoute = async (p: Page) => JSON.stringify((await savedSession(p)) ?? null);
  const saved = (p: Page) => waitForSave(p);
  const lease = (p: Page) => p.getAttribute('[data-testid=app]', 'data-lease');
  /** the origin's Web Locks, held and queued, by name (a worker's life lock without its suffix) */
  const locks = (p: Page) =>
    p.evaluate(async () => {
      const q = await navigator.locks.query();
      const names = (l: LockInfo[] | undefined) => (l ?? []).map((x) => (x.name ?? '').replace(/^(cavalier-engine):.*$/, '$1')).sort();
      return { held: names(q.held), pending: names(q.pending) };
    });

  async function open(): Promise<Page> {
    const p = await app.context.newPage();
    p.on('pageerror', (e) => pageErrors.push(`${e.name}: ${e.message}`));
    await p.goto(app.url, { waitUntil: 'load' });
    await waitForMapReady(p);
    return p;
  }

  beforeAll(async () => {
    app = await startApp({ viewport: { width: 1280, height: 1000 }, server });
    a = app.page;
    a.on('pageerror', (e) => pageErrors.push(`${e.name}: ${e.message}`));
    await waitForMapReady(a);
    await waitForNetwork(a, edge[0]);
  });

  afterAll(async () => {
    await app?.close();
  });

  describe('one tab', () => {
    it('edits: it is the editor, and a template, a drawn route and the autosave work', async () => {
      await expect.poll(() => lease(a)).toBe('editor');
      expect(await readOnly(a)).toBe(false);
      // nothing left behind by a first mount (StrictMode mounts twice in development): the lease
      // held once, one worker alive (its life lock) and watched once, no request left queued
      await expect.poll(() => locks(a)).toEqual({ held: ['cavalier-editor', 'cavalier-engine'], pending: ['cavalier-engine'] });
      await a.waitForSelector('[data-testid=events-panel][data-session^=empty]');
      await a.click('[data-testid=event-template-trail-pyramides-noires]');
      await expect.poll(() => a.locator('[data-testid=formula-item]').count()).toBe(4);
      await fitMapTo(a, edge, 120);
      await a.click('[data-testid=tool-draw]');
      await clickMapAt(a, at(0));
      await clickMapAt(a, at(0.5));
      await legsSettled(a, 1);
      await saved(a);
      const route = await routePoints(a);
      expect(route).toHaveLength(2);
      const stored = (await savedSession(a)) as { doc: { events: { formulas: { route: { points: LonLat[] } }[] }[] } };
      expect(stored.doc.events[0].formulas[0].route.points).toEqual(route);
    });
  });

  describe('two tabs on the same session', () => {
    it('the second tab reads: it says so, shows the saved route, and refuses edits', async () => {
      expect(await readOnly(a)).toBe(false);
      b = await open();
      await expect.poll(() => readOnly(b)).toBe(true);
      expect(await lease(b)).toBe('reader');
      expect(await b.locator('[data-testid=read-only] span').textContent()).toBe(translate('fr', 'lease.reader'));
      await expect.poll(() => routePoints(b)).toEqual(await routePoints(a));

      const before = await savedRoute(b);
      await fitMapTo(b, edge, 120);
      await b.click('[data-testid=tool-draw]');
      await clickMapAt(b, at(1));
      await b.waitForTimeout(800); // longer than the autosave delay: a save, if any, would have begun
      expect(await routePoints(b)).toEqual(await routePoints(a));
      expect(await savedRoute(b)).toBe(before);
    });

    it('the reader follows what the editor saves', async () => {
      await clickMapAt(a, at(1));
      await legsSettled(a, 2);
      await saved(a);
      const route = await routePoints(a);
      expect(route).toHaveLength(3);
      await expect.poll(() => routePoints(b)).toEqual(route);
    });

    it('taking over: the editor saves its last edit first, then reads; nothing is lost', async () => {
      // an edit not yet saved (within the autosave delay) when the other tab takes over
      await clickMapAt(a, at(0.25));
      await expect.poll(() => routePoints(a).then((r) => r.length), { interval: 10 }).toBe(4);
      const route = await routePoints(a);
      // not on disk yet: the take-over must save it
      expect(await a.getAttribute('[data-testid=events-panel]', 'data-session')).toMatch(/ pending$/);
      await b.click('[data-testid=take-over]');
      await expect.poll(() => readOnly(b)).toBe(false);
      await expect.poll(() => readOnly(a)).toBe(true);
      await expect.poll(() => routePoints(b)).toEqual(route);

      // the new editor edits and saves; the old one follows
      await legsSettled(b, 3);
      await clickMapAt(b, at(0.75));
      await legsSettled(b, 4);
      const next = await routePoints(b);
      expect(next).toHaveLength(5);
      await expect.poll(() => savedRoute(b), { timeout: 10_000 }).toContain(JSON.stringify(next[4]).slice(1, -1));
      await saved(b);
      await expect.poll(() => routePoints(a)).toEqual(next);
      expect(await savedRoute(a)).toContain(JSON.stringify(next[4]).slice(1, -1));
    });

    it('closing the editing tab hands the session to the other, as saved', async () => {
      const route = await routePoints(b);
      await b.close();
      await expect.poll(() => readOnly(a), { timeout: 10_000 }).toBe(false);
      expect(await routePoints(a)).toEqual(route);
      // and it edits again
      await clickMapAt(a, at(0.1));
      await expect.poll(() => routePoints(a).then((r) => r.length)).toBe(route.length + 1);
      // the autosave may still read « saved » from before the click: the stored session is what counts
      const added = JSON.stringify((await routePoints(a))[route.length]).slice(1, -1);
      await expect.poll(() => savedRoute(a), { timeout: 10_000 }).toContain(added);
      await saved(a);
    });

    it('the editing tab closed right after an edit, before its save: the reader takes over with that edit', async () => {
      b = await open();
      await expect.poll(() => lease(b)).toBe('reader');
      const before = await savedRoute(b);
      await clickMapAt(a, at(0.9));
      const n = (await routePoints(b)).length + 1;
      await a.waitForFunction((k) => (window as unknown as { __cavalierDoc: { route: { points: unknown[] } } }).__cavalierDoc.route.points.length === k, n, {
        polling: 'raf',
      });
      const route = await routePoints(a);
      await a.close();
      await expect.poll(() => lease(b), { timeout: 10_000 }).toBe('editor');
      await expect.poll(() => routePoints(b)).toEqual(route);
      await expect.poll(() => savedRoute(b), { timeout: 10_000 }).toContain(JSON.stringify(route[n - 1]).slice(1, -1));
      await saved(b);
      expect(await savedRoute(b)).not.toBe(before);
      expect(pageErrors).toEqual([]);
      expect(app.unexpectedErrors()).toEqual([]);
    });
  });
});
