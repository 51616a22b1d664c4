// The map's names: drawn from the fonts shipped with the app (style `font-faces`, no `glyphs`
// URL), every font a label layer asks for declared there, and the names of lines on their layers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LayerSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import type { LayerManifest } from '../../src/core/layers';
import { LABEL_FONT, labelFontFaces } from '../../src/map/fonts';
import { placeLabelsCollection } from '../../src/map/layers/places';
import { baseStyle, layersFor } from '../../src/map/styles';
import type { Place } from '../../src/core/search/types';

const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/data/layers.json'), 'utf8')) as LayerManifest;
const symbols = (layers: LayerSpecification[]) => layers.filter((l): l is SymbolLayerSpecification => l.type === 'symbol');

describe('label fonts', () => {
  it('come from the app itself, never from a glyph server', () => {
    const style = baseStyle();
    expect(style.glyphs).toBeUndefined();
    const faces = labelFontFaces('http://127.0.0.1:4173/sub/');
    expect(Object.keys(faces).sort()).toEqual([LABEL_FONT.bold, LABEL_FONT.regular].sort());
    for (const list of Object.values(faces)) {
      expect(Array.isArray(list) && list.length).toBeTruthy();
      for (const face of list as { url: string; 'unicode-range'?: string[] }[]) {
        expect(face.url.startsWith('http://127.0.0.1:4173/')).toBe(true);
        expect(face.url).toMatch(/noto-sans-latin(-ext)?-(400|700)-normal.*\.woff2$/);
        expect(face['unicode-range']?.length).toBeGreaterThan(3);
      }
    }
    // French names: the basic Latin file covers é, è, ç, œ, the apostrophe and the middle dot
    const latin = (faces[LABEL_FONT.regular] as { 'unicode-range': string[] }[])[0]['unicode-range'];
    expect(latin).toContain('U+0152-0153');
    expect(latin).toContain('U+0000-00FF');
    expect(latin).toContain('U+2000-206F');
  });

  it('every label layer asks for a declared font', () => {
    const faces = labelFontFaces();
    const drawn = manifest.layers.filter((l) => l.url).flatMap((e) => layersFor(e, true));
    const labels = symbols(drawn);
    expect(labels.map((l) => l.id)).toContain('cavaliers--label');
    const fonts = labels.flatMap((l) => (l.layout?.['text-font'] as string[] | undefined) ?? ['(missing)']);
    for (const f of fonts) expect(Object.keys(faces)).toContain(f);
  });
});

describe('names along lines', () => {
  const entry = (id: string, geometry: 'line' | 'polygon' = 'line') => ({ id, group: 'network' as const, geometry });
  it('the cavaliers and the véloroutes are named along their lines, not the network or the corridors', () => {
    const label = (id: string, geometry: 'line' | 'polygon' = 'line') =>
      layersFor({ ...entry(id, geometry), group: 'mining' }, true).find((l) => l.id === `${id}--label`);
    expect(label('cavaliers')?.layout).toMatchObject({ 'symbol-placement': 'line' });
    expect(label('veloroutes')).toBeDefined();
    expect(label('osm-routes')).toBeDefined();
    expect(label('cavaliers-unesco', 'polygon')).toBeUndefined();
    expect(layersFor(entry('reseau'), true).some((l) => l.type === 'symbol')).toBe(false);
    expect(layersFor({ id: 'tvb-corridors', group: 'tvb', geometry: 'line' }, true).some((l) => l.type === 'symbol')).toBe(false);
  });

  it('follows the visibility of its layer and reads the same vector tiles', () => {
    const hidden = layersFor({ id: 'cavaliers', group: 'mining', geometry: 'line' }, false, { source: 'cav-tiles:x', sourceLayer: 'cavaliers' });
    const label = hidden.find((l) => l.id === 'cavaliers--label') as SymbolLayerSpecification;
    expect(label.layout?.visibility).toBe('none');
    expect(label.source).toBe('cav-tiles:x');
    expect(label['source-layer']).toBe('cavaliers');
  });
});

describe('names of places', () => {
  it('writes communes and terrils from their label points', () => {
    const base = { bbox: [0, 0, 1, 1] as [number, number, number, number], layerId: 'x' };
    const places: Place[] = [
      { ...base, id: 'c', kind: 'commune', name: 'Loos-en-Gohelle', population: 6900, point: [2.78, 50.45] },
      { ...base, id: 't', kind: 'terril', name: '11/19 de Lens Est', ref: 'T074', point: [2.79, 50.44] },
      { ...base, id: 'p', kind: 'puits', name: 'Fosse 5 — Loos-en-Gohelle', point: [2.78, 50.45] },
    ];
    const fc = placeLabelsCollection(places);
    expect(fc.features.map((f) => f.properties)).toEqual([
      { kind: 'commune', name: 'Loos-en-Gohelle', ref: '', population: 6900, minzoom: 10 },
      { kind: 'terril', name: '11/19 de Lens Est', ref: 'T074', population: 0, minzoom: 11 },
    ]);
  });
});
