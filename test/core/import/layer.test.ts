import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveRawDir } from '../../../data/io';
import { formatError } from '../../../src/i18n/messages';
import type { LineString, MultiLineString, MultiPoint, Point, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { importLayer, MAX_LAYER_FILE_CHARS, type ImportedLayer } from '../../../src/core/import/layer';
import { karney } from '../../helpers/karney';

const text = (name: string) => readFileSync(`test/fixtures/import/${name}`, 'utf8');

function load(name: string, opts = {}): ImportedLayer {
  const r = importLayer(text(name), name, opts);
  if (!r.ok) throw new Error(`import failed: ${JSON.stringify(r.error)}`);
  expect(r.warnings).toBe(r.value.warnings);
  return r.value;
}

const metres = (a: Position, b: readonly number[]) => karney(a[0], a[1], b[0], b[1]);
const decimals = (v: number) => (String(v).split('.')[1] ?? '').length;

// cs2cs -f %.10f EPSG:2154 EPSG:4326, swapped to lon, lat (see crs.test.ts)
const CAVALIER_WGS84 = [
  [2.7610447577, 50.4392694821],
  [2.775080851, 50.44378421],
];

describe('importLayer: GeoJSON in Lambert-93', () => {
  it('reprojects a file with a crs member to WGS84 within 1 cm of cs2cs, with 7 decimals', () => {
    const layer = load('cavaliers-l93-crs.geojson');
    expect(layer.format).toBe('geojson');
    expect(layer.name).toBe('zt-cavaliers (extrait, Lambert-93)');
    expect(layer.crs).toEqual({ crs: 'EPSG:2154', by: 'crs-member', declared: 'urn:ogc:def:crs:EPSG::2154' });
    expect(layer.from).toBe('EPSG:2154');
    expect(layer.warnings).toEqual([]);
    expect(layer.skipped).toEqual([]);
    const line = layer.fc.features[0].geometry as LineString;
    line.coordinates.forEach((p, i) => expect(metres(p, CAVALIER_WGS84[i])).toBeLessThan(0.01));
    for (const p of line.coordinates) for (const v of p) expect(decimals(v)).toBeLessThanOrEqual(7);
    // the MultiLineString: two more cs2cs points, and the altitude kept as it was
    const multi = layer.fc.features[1].geometry as MultiLineString;
    expect(metres(multi.coordinates[0][0], [2.8299999626, 50.4300000004])).toBeLessThan(0.01);
    expect(metres(multi.coordinates[1][1], [3.5609417835, 50.3215170345])).toBeLessThan(0.01);
    expect(multi.coordinates[1][1][2]).toBe(31.5);
    // properties untouched, no crs member in the output
    expect(layer.fc.features[0].properties).toEqual({
      id_troncon: '076_01',
      nom: 'Voie ferrée fosse 11 - fosse 19 (Loos-en-Gohelle)',
      commune_1: 'LOOS-EN-GOHELLE',
      commune_2: null,
    });
    expect('crs' in layer.fc).toBe(false);
    expect(layer.geometryCounts).toEqual({ point: 0, line: 2, polygon: 0 });
  });

  it('detects Lambert-93 from the coordinates when there is no crs member, and says so', () => {
    const layer = load('cavaliers-l93-nocrs.geojson');
    expect(layer.crs).toEqual({ crs: 'EPSG:2154', by: 'coordinates' });
    expect(layer.warnings).toEqual([{ code: 'import.crs-guessed', detail: { crs: 'EPSG:2154' } }]);
    const line = layer.fc.features[0].geometry as LineString;
    line.coordinates.forEach((p, i) => expect(metres(p, CAVALIER_WGS84[i])).toBeLessThan(0.01));
  });

  it('uses the coordinates over a contradicting declaration, with a warning naming both', () => {
    const layer = load('declared-l2e-but-l93.geojson');
    expect(layer.from).toBe('EPSG:2154');
    expect(layer.warnings).toEqual([{ code: 'import.crs-guessed', detail: { crs: 'EPSG:2154', declared: 'EPSG:27572' } }]);
  });

  it('lets the caller choose the system, over the detection', () => {
    // read as Lambert II étendu, Lambert-93 coordinates land in the sea off Norway: refused, and
    // the reading that puts them in the basin is proposed
    const r = importLayer(text('cavaliers-l93-crs.geojson'), 'c.geojson', { from: 'EPSG:27572' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'import.crs-proposed', detail: { crs: 'EPSG:27572', proposed: 'EPSG:2154' } });
  });
});

describe('importLayer: GeoJSON in Lambert II étendu', () => {
  it('lands on the same ground as the Lambert-93 file (IGN grid), within 1 cm of cs2cs', () => {
    const layer = load('cavaliers-l2e.geojson');
    expect(layer.from).toBe('EPSG:27572');
    expect(layer.warnings).toEqual([
      { code: 'import.crs-guessed', detail: { crs: 'EPSG:27572' } },
      { code: 'import.mixed-geometry', detail: { types: 'Point, LineString' } },
    ]);
    const line = layer.fc.features[0].geometry as LineString;
    line.coordinates.forEach((p, i) => expect(metres(p, CAVALIER_WGS84[i])).toBeLessThan(0.01));
    // cs2cs -f %.10f EPSG:27572 EPSG:4171
    const pts = (layer.fc.features[1].geometry as MultiPoint).coordinates;
    expect(metres(pts[0], [2.8300264355, 50.4300114118])).toBeLessThan(0.01);
    expect(metres(pts[1], [3.5234370649, 50.357809833])).toBeLessThan(0.01);
    expect(metres(pts[2], [2.4000246, 50.4900115575])).toBeLessThan(0.01);
    expect(layer.geometryCounts).toEqual({ point: 1, line: 1, polygon: 0 });
  });
});

describe('importLayer: projection problems', () => {
  it('fails with crs.unknown when the file names an unsupported system', () => {
    const r = importLayer(text('cc50.geojson'), 'cc50.geojson');
    expect(r).toEqual({ ok: false, error: { code: 'crs.unknown', detail: { declared: 'urn:ogc:def:crs:EPSG::3950' } } });
  });

  it('fails with crs.unknown when the coordinates fit no system', () => {
    const r = importLayer(
      JSON.stringify({
        type: 'LineString',
        coordinates: [
          [5e6, 1],
          [5e6, 2],
        ],
      }),
      'x.geojson',
    );
    expect(r).toEqual({ ok: false, error: { code: 'crs.unknown' } });
  });

  it('fails with import.outside-france, quoting where the data landed, when nothing is in France', () => {
    const r = importLayer(text('berlin.geojson'), 'berlin.geojson');
    expect(r).toEqual({
      ok: false,
      error: { code: 'import.outside-france', detail: { crs: 'EPSG:4326', west: 13.38, south: 52.52, east: 13.4, north: 52.52 } },
    });
  });
});

describe('importLayer: Web Mercator, and readings that land far from the region', () => {
  // the real OSM extract of central Lille, in EPSG:3857 with a crs member (../shared/data/raw)
  const lilleText = readFileSync(join(resolveRawDir(), 'osm-lille-2017/highway_line.epsg3857.json'), 'utf8');
  const declaring = (name: string | null) => {
    const fc = JSON.parse(lilleText);
    if (name === null) delete fc.crs;
    else fc.crs.properties.name = name;
    return JSON.stringify(fc);
  };
  // cs2cs -f %.10f EPSG:3857 EPSG:4326 of the first vertex, (341117.29, 6556400.2), as lon, lat
  const FIRST_VERTEX = [3.0643087528, 50.6316869846];
  const inCentralLille = (layer: ImportedLayer) => {
    const [w, s, e, n] = layer.bbox;
    expect([w, s, e, n].map((v) => Math.round(v * 100) / 100)).toEqual([3.03, 50.62, 3.08, 50.65]);
    expect(metres((layer.fc.features[0].geometry as LineString).coordinates[0], FIRST_VERTEX)).toBeLessThan(0.01);
  };

  it('reads a declared Web Mercator file in central Lille, within 1 cm of cs2cs, all 1457 lines kept', () => {
    const r = importLayer(lilleText, 'highway_line.epsg3857.json');
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.crs).toEqual({ crs: 'EPSG:3857', by: 'crs-member', declared: 'EPSG:3857' });
    expect(r.value.from).toBe('EPSG:3857');
    expect(r.value.warnings).toEqual([]);
    expect(r.value.fc.features).toHaveLength(1457);
    inCentralLille(r.value);
  });

  it('recognises an undeclared Web Mercator file from its coordinates, and says so', () => {
    const r = importLayer(declaring(null), 'lille.json');
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.from).toBe('EPSG:3857');
    expect(r.value.warnings).toEqual([{ code: 'import.crs-guessed', detail: { crs: 'EPSG:3857' } }]);
    inCentralLille(r.value);
  });

  it('a Web Mercator file declared Lambert-93 is read as declared, with the Web Mercator reading proposed in French', () => {
    const r = importLayer(declaring('urn:ogc:def:crs:EPSG::2154'), 'lille.json');
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.from).toBe('EPSG:2154');
    // off La Rochelle, 620 km away but still in France: nothing else would have told
    expect(r.value.warnings).toEqual([{ code: 'import.crs-proposed', detail: { crs: 'EPSG:2154', proposed: 'EPSG:3857', lon: -1.66, lat: 46.02 } }]);
    expect(formatError(r.value.warnings[0], 'fr')).toBe(
      'Lues en EPSG:2154, les coordonnées tombent loin des Hauts-de-France (vers -1.66, 46.02 en degrés)\u00a0; lues en EPSG:3857, elles y tombent\u00a0: c’est sans doute la projection du fichier.',
    );
    // taking the proposal: central Lille, nothing more to propose
    const taken = importLayer(declaring('urn:ogc:def:crs:EPSG::2154'), 'lille.json', { from: 'EPSG:3857' });
    if (!taken.ok) throw new Error(taken.error.code);
    expect(taken.value.warnings).toEqual([]);
    inCentralLille(taken.value);
  });

  it('Lambert-93 of the basin declared Web Mercator: outside its ranges, read as Lambert-93; forced, the North Sea and Lambert-93 proposed', () => {
    const declared = text('cavaliers-l93-crs.geojson').replace('urn:ogc:def:crs:EPSG::2154', 'EPSG:3857');
    const r = importLayer(declared, 'c.geojson');
    expect(r.ok && r.value.warnings).toEqual([{ code: 'import.crs-guessed', detail: { crs: 'EPSG:2154', declared: 'EPSG:3857' } }]);
    const forced = importLayer(declared, 'c.geojson', { from: 'EPSG:3857' });
    expect(forced).toEqual({ ok: false, error: { code: 'import.crs-proposed', detail: { crs: 'EPSG:3857', proposed: 'EPSG:2154', lon: 6.24, lat: 53.29 } } });
  });

  it('degrees written latitude first land in the Indian Ocean: refused, the swap proposed; swapped, they are the cavalier', () => {
    const r = importLayer(text('cavaliers-latlon.geojson'), 'cavaliers-latlon.geojson');
    expect(r).toEqual({ ok: false, error: { code: 'import.axes-swapped', detail: { crs: 'EPSG:4326', lon: 50.44, lat: 2.8 } } });
    if (!r.ok) {
      expect(formatError(r.error, 'fr')).toBe(
        'Lues en EPSG:4326, les coordonnées tombent loin des Hauts-de-France (vers 50.44, 2.8 en degrés)\u00a0; en échangeant x et y, elles y tombent\u00a0: longitude et latitude sont sans doute inversées dans le fichier.',
      );
    }
    const swapped = load('cavaliers-latlon.geojson', { swapAxes: true });
    expect(swapped.swapAxes).toBe(true);
    expect(swapped.warnings).toEqual([{ code: 'import.mixed-geometry', detail: { types: 'Point, LineString' } }]);
    (swapped.fc.features[0].geometry as LineString).coordinates.forEach((p, i) => expect(metres(p, CAVALIER_WGS84[i])).toBeLessThan(0.05));
    expect((swapped.fc.features[1].geometry as Point).coordinates).toEqual([2.83, 50.43]);
  });

  it('never swaps or proposes for formats that name their axes', () => {
    const gpx = load('../gpx/two-segments.gpx', { swapAxes: true });
    expect(gpx.swapAxes).toBe(false);
  });
});

describe('importLayer: bad features', () => {
  it('skips invalid geometries with a reason and keeps the rest (Python NaN repaired)', () => {
    const layer = load('invalid-geometries.geojson');
    expect(layer.fc.features.map((f) => f.properties?.name)).toEqual(['Valide 1', 'Valide 2', 'NaN et Infinity dans un texte : "NaN", -Infinity']);
    expect(layer.skipped).toEqual([
      { index: 1, name: 'NaN en longitude', reason: 'import.bad-coordinate' },
      { index: 2, name: 'Géométrie nulle', reason: 'import.empty-geometry' },
      { index: 3, name: 'Ligne vide', reason: 'import.empty-geometry' },
      { index: 4, name: "Ligne d'un seul point", reason: 'import.invalid-geometry' },
      { index: 5, name: 'Anneau de deux points', reason: 'import.invalid-geometry' },
      { index: 6, name: 'Cercle', reason: 'import.unsupported-geometry' },
      { index: 7, name: 'Coordonnées en texte', reason: 'import.bad-coordinate' },
      { index: 8, name: 'Infini', reason: 'import.bad-coordinate' },
      { index: 11, name: 'Berlin', reason: 'import.outside-france' },
    ]);
    expect(layer.warnings).toEqual([
      { code: 'import.nan-repaired' },
      { code: 'import.mixed-geometry', detail: { types: 'Point, LineString' } },
      { code: 'import.skipped', detail: { count: 9, total: 12 } },
    ]);
    // the NaN altitude is dropped, the point kept; a NaN property became null
    expect((layer.fc.features[1].geometry as Point).coordinates).toEqual([2.85, 50.45]);
    expect(layer.fc.features[1].properties).toEqual({ name: 'Valide 2', hauteur: null });
  });

  it('fails with import.no-features when every feature is skipped for its geometry', () => {
    const r = importLayer(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: null }] }), 'x.geojson');
    expect(r).toEqual({ ok: false, error: { code: 'import.no-features', detail: { skipped: 1 } } });
  });

  it('reports mixed geometry types and closes an unclosed ring', () => {
    const layer = load('mixed-geometries.geojson');
    expect(layer.geometryCounts).toEqual({ point: 2, line: 2, polygon: 1 });
    expect(layer.warnings).toEqual([
      { code: 'import.rings-closed', detail: { count: 1 } },
      { code: 'import.mixed-geometry', detail: { types: 'Point, LineString, Polygon' } },
    ]);
    const ring = (layer.fc.features[2].geometry as Polygon).coordinates[0];
    expect(ring).toHaveLength(5);
    expect(ring[4]).toEqual(ring[0]);
    expect(layer.fc.features[0].id).toBe('depart');
    expect(layer.bbox).toEqual([2.7877, 50.4577, 2.8, 50.47]);
  });

  it('keeps names and properties as plain data, never as markup, and is not fooled by __proto__', () => {
    const layer = load('html-names.geojson');
    expect(layer.name).toBe("<script>alert('couche')</script>");
    const props = layer.fc.features[0].properties ?? {};
    expect(props.name).toBe('<img src=x onerror=alert(1)>');
    expect(props.description).toBe('<b>gras</b> & <a href="javascript:alert(2)">lien</a>');
    expect(layer.skipped).toEqual([{ index: 1, name: '<img src=x onerror=alert(1)>', reason: 'import.empty-geometry' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(props)).toBe(Object.prototype);
    // the odd key survives as data in the output
    expect(Object.getOwnPropertyDescriptor(JSON.parse(JSON.stringify(layer.fc)).features[0].properties, '__proto__')?.value).toEqual({ polluted: true });
  });

  it('reports progress while checking and converting features, ending at the total', () => {
    const features = Array.from({ length: 12_000 }, (_, i) => ({
      type: 'Feature',
      properties: {},
      geometry: { type: 'Point', coordinates: [2.8 + i * 1e-5, 50.4] },
    }));
    const calls: [number, number][] = [];
    const r = importLayer(JSON.stringify({ type: 'FeatureCollection', features }), 'p.geojson', { onProgress: (d, t) => calls.push([d, t]) });
    expect(r.ok).toBe(true);
    expect(calls.length).toBeGreaterThanOrEqual(4);
    expect(calls.every(([d, t], i) => t === 24_000 && d <= t && (i === 0 || d >= calls[i - 1][0]))).toBe(true);
    expect(calls[calls.length - 1]).toEqual([24_000, 24_000]);
  });

  it('lists at most 1000 skipped features but counts them all', () => {
    const features = Array.from({ length: 1500 }, () => ({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [] } }));
    features.push({
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'LineString',
        coordinates: [
          [2.8, 50.4],
          [2.9, 50.5],
        ] as never,
      },
    });
    const r = importLayer(JSON.stringify({ type: 'FeatureCollection', features }), 'many.geojson');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.skipped).toHaveLength(1000);
    expect(r.value.warnings).toContainEqual({ code: 'import.skipped', detail: { count: 1500, total: 1501 } });
  });
});

describe('importLayer: OpenStreetMap', () => {
  it('reads an Overpass JSON answer: highway ways as lines, nodes resolved by id', () => {
    const layer = load('overpass-loos.json');
    expect(layer.format).toBe('overpass-json');
    expect(layer.crs).toEqual({ crs: 'EPSG:4326', by: 'format' });
    expect(layer.fc.features.map((f) => [f.id, f.properties])).toEqual([
      ['way/101', { highway: 'path', name: 'Sentier du terril', surface: 'ground' }],
      ['way/102', { highway: 'track', surface: 'gravel' }],
      ['way/103', { highway: 'residential', name: 'Rue des Alouettes', surface: 'asphalt' }],
      ['way/105', { highway: 'cycleway', name: "Véloroute (coupée par l'extrait)" }],
      ['way/106', { highway: 'motorway' }],
    ]);
    expect((layer.fc.features[0].geometry as LineString).coordinates).toEqual([
      [2.7679993, 50.4416072],
      [2.7666439, 50.4443072],
    ]);
    // way 105 lost its last node: the part that is there is kept
    expect((layer.fc.features[3].geometry as LineString).coordinates).toEqual([
      [2.77, 50.4475],
      [2.773, 50.449],
    ]);
    expect(layer.warnings).toEqual([
      { code: 'import.osm-ignored', detail: { count: 2 } },
      { code: 'import.osm-missing-nodes', detail: { count: 1 } },
    ]);
  });

  it('reads `out geom` answers, where each way carries its own coordinates', () => {
    const answer = {
      elements: [
        {
          type: 'way',
          id: 7,
          geometry: [{ lat: 50.44, lon: 2.76 }, { lat: 50.45, lon: 2.77 }, null, { lat: 50.46, lon: 2.78 }, { lat: 50.47, lon: 2.79 }],
          tags: { highway: 'footway' },
        },
        { type: 'way', id: 8, geometry: [{ lat: 50.44, lon: 2.76 }, null], tags: { highway: 'path', name: 'Coupé' } },
      ],
    };
    const layer = importLayer(JSON.stringify(answer), 'geom.json');
    expect(layer.ok).toBe(true);
    if (!layer.ok) return;
    expect(layer.value.fc.features[0].geometry).toEqual({
      type: 'MultiLineString',
      coordinates: [
        [
          [2.76, 50.44],
          [2.77, 50.45],
        ],
        [
          [2.78, 50.46],
          [2.79, 50.47],
        ],
      ],
    });
    expect(layer.value.skipped).toEqual([{ index: 1, name: 'Coupé', reason: 'import.osm-missing-nodes' }]);
  });

  it('reads .osm XML, leaving out what JOSM marks deleted', () => {
    const layer = load('loos.osm');
    expect(layer.format).toBe('osm-xml');
    expect(layer.fc.features.map((f) => [f.id, f.properties])).toEqual([
      ['way/101', { highway: 'bridleway', name: 'Chemin des Galibots & des Mineurs', surface: 'dirt' }],
      ['way/102', { highway: 'track' }],
      ['way/-2', { highway: 'footway' }],
    ]);
    expect((layer.fc.features[1].geometry as LineString).coordinates).toHaveLength(3);
    expect(layer.warnings).toEqual([{ code: 'import.osm-ignored', detail: { count: 1 } }]);
  });

  it('ignores --from for OSM, GPX and KML, which are WGS84 by definition, and says so', () => {
    const layer = load('loos.osm', { from: 'EPSG:2154' });
    expect(layer.from).toBe('EPSG:4326');
    expect(layer.warnings).toContainEqual({ code: 'import.from-ignored', detail: { format: 'OpenStreetMap (.osm)', crs: 'EPSG:2154' } });
  });
});

describe('importLayer: GPX and KML through the track readers', () => {
  it('reads a GPX as one line feature per file, altitudes kept', () => {
    const r = importLayer(readFileSync('test/fixtures/gpx/two-segments.gpx', 'utf8'), 'two-segments.gpx');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.format).toBe('gpx');
    expect(r.value.fc.features).toHaveLength(1);
    const g = r.value.fc.features[0].geometry as MultiLineString;
    expect(g.type).toBe('MultiLineString');
    expect(g.coordinates.map((s) => s.length)).toEqual([3, 2]);
    expect(g.coordinates[0][0]).toEqual([2.83, 50.43, 35]);
  });

  it('reads a KML', () => {
    const r = importLayer(readFileSync('test/fixtures/gpx/line.kml', 'utf8'), 'line.kml');
    expect(r.ok && r.value.format).toBe('kml');
  });

  it('refuses XML entity declarations before parsing', () => {
    const r = importLayer(readFileSync('test/fixtures/gpx/xxe.kml', 'utf8'), 'xxe.kml');
    expect(r).toEqual({ ok: false, error: { code: 'file.xml-entities' } });
  });
});

describe('importLayer: files that are not layers', () => {
  it('refuses text over 200 MB before parsing it', () => {
    const huge = { length: MAX_LAYER_FILE_CHARS + 1 } as unknown as string; // never read: the size check comes first
    expect(importLayer(huge, 'big.geojson')).toEqual({ ok: false, error: { code: 'file.too-large', detail: { limit_mb: 200 } } });
  });

  it.each([
    ['', 'a.geojson', 'file.empty'],
    ['{"type": "FeatureCollection", "features": [', 'a.geojson', 'file.not-json'],
    ['{"type": "Topology", "objects": {}}', 'a.json', 'import.not-geojson'],
    ['[1, 2, 3]', 'a.json', 'import.not-geojson'],
    ['<svg xmlns="http://www.w3.org/2000/svg"/>', 'a.svg', 'file.unknown-format'],
    ['<osm><way', 'a.osm', 'file.not-xml'],
    ['hello', 'a.osm', 'file.not-xml'],
    ['hello', 'a.geojson', 'file.not-json'],
    ['hello', 'a.txt', 'file.unknown-format'],
  ])('%j (%s) → %s', (content, name, code) => {
    const r = importLayer(content, name);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
  });

  it('accepts a bare geometry and a single Feature', () => {
    const g = importLayer('\ufeff {"type": "LineString", "coordinates": [[2.8, 50.4], [2.9, 50.5]]}', 'g.json');
    expect(g.ok && g.value.fc.features).toHaveLength(1);
    const f = importLayer('{"type": "Feature", "properties": {"name": "x"}, "geometry": {"type": "Point", "coordinates": [2.8, 50.4]}}', 'f.json');
    expect(f.ok && f.value.fc.features[0].properties).toEqual({ name: 'x' });
  });
});
