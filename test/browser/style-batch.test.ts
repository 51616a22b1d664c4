// The built app adds its sources and layers unvalidated, in batches (src/map/style-batch.ts); the
// dev server validates every call through maplibre's own addSource / addLayer. Both must give the
// same style: the same sources and the same layers, in the same order, with the same specs, and no
// validation error on the dev server's side.
import { beforeAll, describe, expect, it } from 'vitest';
import { startApp, waitForMapReady, type StartedApp } from './harness';

interface StyleView {
  sources: string[];
  layers: unknown[];
  errors: string[];
}

async function styleOf(server: 'preview' | 'dev'): Promise<StyleView> {
  let app: StartedApp | undefined;
  try {
    app = await startApp({ server });
    await waitForMapReady(app.page);
    const style = await app.page.evaluate(() => {
      const s = window.__cavalierMap!.getStyle();
      return { sources: Object.keys(s.sources).sort(), layers: s.layers };
    });
    // a failed validation is reported by maplibre as an error event, logged as a console error
    return { ...style, errors: app.unexpectedErrors().map((e) => e.text) };
  } finally {
    await app?.close();
  }
}

describe('the style built in batches', () => {
  let built: StyleView;
  let dev: StyleView;
  beforeAll(async () => {
    built = await styleOf('preview');
    dev = await styleOf('dev');
  });

  it('is the style the validated calls give, layer for layer', () => {
    expect(dev.errors).toEqual([]);
    expect(built.errors).toEqual([]);
    // the overlays, the embedded layers and the place labels are all there
    expect(built.layers.length).toBeGreaterThan(50);
    expect(built.sources).toEqual(dev.sources);
    expect(built.layers.map((l) => (l as { id: string }).id)).toEqual(dev.layers.map((l) => (l as { id: string }).id));
    expect(built.layers).toEqual(dev.layers);
  });
});
