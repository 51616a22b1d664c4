// The presentational components rendered to HTML (react-dom/server) with the app's stylesheet and
// looked at in Chromium: figures, empty states, profile axes, toasts, legend swatches.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { I18nProvider } from '../../src/ui/i18n';
import type { Lang } from '../../src/i18n/dictionary';
import { swatchFor } from '../../src/map/styles';
import { ElevationProfile, niceTicks } from '../../src/ui/components/ElevationProfile';
import { LayerPanel } from '../../src/ui/components/LayerPanel';
import { Notices } from '../../src/ui/components/Notices';
import { StatsPanel } from '../../src/ui/components/StatsPanel';
import { Toolbar } from '../../src/ui/components/Toolbar';
import { DrawTools } from '../../src/ui/components/DrawTools';
import { BasemapSwitch } from '../../src/ui/components/BasemapSwitch';
import { CoursePointsPanel, type CoursePointRow } from '../../src/ui/components/CoursePointsPanel';
import { launchChromium, ROOT } from './harness';

let browser: Browser;
let page: Page;
const css = readFileSync(join(ROOT, 'src/app/app.css'), 'utf8');

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 980, height: 900 }, deviceScaleFactor: 1 });
});
afterAll(async () => {
  await browser?.close();
});

const noop = () => {};
// a synthetic profile: 12 km, a spoil heap in the middle
const distances = Array.from({ length: 481 }, (_, i) => i * 25);
const elevations = distances.map((d) => 30 + 8 * Math.sin(d / 900) + (d > 5200 && d < 6800 ? 90 * Math.sin(((d - 5200) / 1600) * Math.PI) : 0));

function page1(lang: Lang): string {
  return renderToStaticMarkup(
    h(
      I18nProvider,
      { initial: lang },
      h(
        'div',
        { style: { display: 'grid', gridTemplateColumns: '360px 1fr', gap: '16px', padding: '12px' } },
        h(
          'div',
          { className: 'cav-panel', style: { padding: '0 16px' } },
          h(DrawTools, {
            drawing: true,
            onDrawingChange: noop,
            canUndo: true,
            canRedo: false,
            onUndo: noop,
            onRedo: noop,
            canClear: true,
            onClear: noop,
            legMode: 'network',
            onLegModeChange: noop,
            onShortcuts: noop,
          }),
          h(Toolbar, { onImportFile: noop, canExport: true, onExportGpx: noop }),
          h(StatsPanel, {
            lengthM: 12034.56,
            points: 7,
            elevation: { ascent: 112.4, descent: 108.9, min: 21.2, max: 128.7 },
            elevationSourceLabel: 'RGE ALTI® 5 m (approximation)',
          }),
          h(StatsPanel, { lengthM: 3456, points: 2, elevation: null, elevationSourceLabel: 'aucune donnée' }),
          h(BasemapSwitch, { value: 'none', onChange: noop, failed: 'osm' }),
        ),
        h(
          'div',
          null,
          h(
            'div',
            { className: 'cav-profile', style: { width: '580px' } },
            h(ElevationProfile, { distances, elevations, hoverIndex: 240, emptyMessage: 'vide' }),
          ),
          h(
            'div',
            { className: 'cav-profile', style: { width: '580px' } },
            h(ElevationProfile, { distances: [], elevations: [], emptyMessage: 'Pas de profil : aucune altitude.' }),
          ),
          h(
            'div',
            { style: { position: 'relative', height: '120px' } },
            h(Notices, {
              notices: [
                { id: 'a', kind: 'warning', text: 'Fond de carte indisponible (hors ligne ?)' },
                { id: 'b', kind: 'error', text: '<img src=x onerror=alert(1)> reste du texte' },
              ],
              onDismiss: noop,
            }),
          ),
          h(
            'div',
            { className: 'cav-panel', style: { padding: '0 16px', width: '360px' } },
            h(LayerPanel, {
              onToggle: noop,
              layers: (
                [
                  ['terrils', 'Terrils', 'mining', 'polygon', 'official'],
                  ['cavaliers', 'Cavaliers miniers', 'mining', 'line', 'official'],
                  ['cavaliers-unesco', 'Cavaliers inscrits (UNESCO)', 'mining', 'polygon', 'official'],
                  ['neonaturels', 'Espaces néonaturels', 'mining', 'polygon', 'official'],
                  ['puits', 'Puits de mine', 'mining', 'point', 'official'],
                  ['protections', 'Protections connues', 'protected', 'polygon', 'approximation'],
                  ['natura2000', 'Natura 2000', 'protected', 'polygon', 'to-import'],
                  ['tvb-reservoirs', 'Réservoirs', 'tvb', 'polygon', 'approximation'],
                  ['tvb-corridors', 'Corridors', 'tvb', 'line', 'approximation'],
                  ['reseau', 'Réseau de tracé', 'network', 'line', 'approximation'],
                  ['bassin', 'Bassin minier (contour)', 'reference', 'polygon', 'official'],
                  ['communes', 'Communes', 'reference', 'polygon', 'official'],
                ] as const
              ).map(([id, title, group, geometry, status]) => ({
                id,
                title,
                group,
                status,
                source: 'Mission Bassin Minier',
                licence: 'Licence Ouverte 2.0',
                note: status === 'official' ? undefined : 'Une note en français clair sur cette couche.',
                featureCount: 12,
                visible: status !== 'to-import',
                swatch: swatchFor({ id, group, geometry }),
              })),
            }),
          ),
        ),
      ),
    ),
  );
}

async function show(html: string): Promise<void> {
  await page.setContent(
    `<!doctype html><html><head><meta charset="utf-8"><style>${css}\nhtml,body{overflow:auto;height:auto}</style></head><body>${html}</body></html>`,
  );
}

describe('presentational components', () => {
  it('niceTicks gives round steps', () => {
    expect(niceTicks(0, 12.03, 6)).toEqual([0, 2.5, 5, 7.5, 10]);
    expect(niceTicks(0, 12.03, 4)).toEqual([0, 5, 10]);
    expect(niceTicks(15, 140, 4)).toEqual([50, 100]);
    expect(niceTicks(20, 20, 3)).toEqual([20]);
  });

  it('shows the figures, the elevation source and the empty states (French)', async () => {
    await show(page1('fr'));
    const length = page.getByTestId('stat-length').first();
    expect(await length.getAttribute('data-value')).toBe('12034.56');
    expect(await length.innerText()).toBe('12,03 km');
    expect(await page.getByTestId('stat-ascent').first().innerText()).toBe('112 m');
    expect(await page.getByTestId('stat-elevation-source').first().innerText()).toBe('RGE ALTI® 5 m (approximation)');
    expect(await page.getByTestId('stat-no-elevation').innerText()).toContain('Altitude inconnue');
    expect(await page.getByTestId('stat-elevation-source').nth(1).innerText()).toBe('aucune donnée');
    expect(await page.getByTestId('profile-empty').innerText()).toContain('Pas de profil');
    const ticks = await page.locator('[data-testid=elevation-profile-svg] text').allTextContents();
    expect(ticks.some((t) => /km$/.test(t))).toBe(true);
    expect(ticks.some((t) => / m$/.test(t))).toBe(true);
    expect(await page.getByTestId('profile-cursor').getAttribute('data-index')).toBe('240');
    expect(await page.getByTestId('notice').nth(1).innerText()).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('[data-testid=notices] img').count()).toBe(0);
    expect(await page.getByTestId('layer-badge-natura2000').innerText()).toBe('à importer');
    expect(await page.getByTestId('layer-toggle-natura2000').isDisabled()).toBe(true);
    expect(await page.getByTestId('basemap-status').innerText()).toBe(
      'Fond «\u00a0OpenStreetMap\u00a0» injoignable (hors ligne\u00a0?) : la carte montre les couches embarquées.',
    );
    expect(await page.getByTestId('basemap-none').getAttribute('aria-checked')).toBe('true');
    await page.screenshot({ path: '/tmp/cavalier-components.png', fullPage: true });
  });

  it('flags a cut-off that closes before the one of an earlier point, in French, on that point only', async () => {
    const row = (id: string, km: number, minutes: number, before: CoursePointRow['cutoffBefore']): CoursePointRow => ({
      id,
      kind: 'aid',
      name: id,
      km,
      cutoffMinutes: minutes,
      cutoffLabel: null,
      cutoffSource: 'explicit',
      cutoffBefore: before,
    });
    const panel = (lang: Lang) =>
      renderToStaticMarkup(
        h(
          I18nProvider,
          { initial: lang },
          h(
            'div',
            { className: 'cav-panel', style: { width: '360px' } },
            h(CoursePointsPanel, {
              enabled: true,
              points: [row('Ravito 1', 10, 120, null), row('Ravito 2', 20, 90, { name: 'Ravito 1', km: 10 })],
              placing: false,
              kind: 'aid',
              onKindChange: noop,
              onPlacingChange: noop,
              onRename: noop,
              onCutoff: noop,
              onDelete: noop,
              onInvalidCutoff: noop,
            }),
          ),
        ),
      );
    await show(panel('fr'));
    const warnings = page.getByTestId('course-point-cutoff-order');
    expect(await warnings.count()).toBe(1);
    expect(await page.getByTestId('course-point').nth(1).getByTestId('course-point-cutoff-order').isVisible()).toBe(true);
    expect(await warnings.innerText()).toBe(
      'Cette barrière ferme avant celle de «\u00a0Ravito 1\u00a0» (km\u00a010,0), placée plus tôt sur le parcours\u00a0: les coureurs y arrivent après. Vérifiez les heures.',
    );
    await show(panel('en'));
    expect(await page.getByTestId('course-point-cutoff-order').innerText()).toMatch(/^This cut-off closes before the one at “Ravito 1” \(km 10\.0\)/);
  });

  it('speaks English', async () => {
    await show(page1('en'));
    expect(await page.getByTestId('stat-length').first().innerText()).toBe('12.03 km');
    expect(await page.getByTestId('stat-no-elevation').innerText()).toContain('Elevation unknown');
    expect(await page.getByTestId('layer-panel-title').innerText()).toMatch(/layers/i);
    expect(await page.getByTestId('mode-network').innerText()).toBe('Follow paths');
  });
});
