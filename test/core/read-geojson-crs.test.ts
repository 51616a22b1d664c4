// A GeoJSON opened as a track in a projected system: converted as the layer import converts it
// (with a warning), or, in a projection Cavalier does not know, said to be projected rather than
// reported as a bad latitude.
import { readFileSync } from 'node:fs';
import type { LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { formatError } from '../../src/i18n/messages';
import { readTrackFile } from '../../src/core/gpx/read';
import { parseXmlWithXmldom } from '../../src/core/gpx/xml';
import { importLayer } from '../../src/core/import/layer';

const text = (name: string) => readFileSync(`test/fixtures/import/${name}`, 'utf8');
const read = (name: string) => readTrackFile(text(name), name, { parseXml: parseXmlWithXmldom });

describe('a projected GeoJSON opened as a track', () => {
  it('Lambert-93 is converted to the same points as the layer import gives, and the track says so', () => {
    const r = read('cavaliers-l93-crs.geojson');
    if (!r.ok) throw new Error(formatError(r.error));
    const layer = importLayer(text('cavaliers-l93-crs.geojson'), 'c.geojson');
    if (!layer.ok) throw new Error(layer.error.code);
    const first = (layer.value.fc.features[0].geometry as LineString).coordinates;
    expect(r.value.segments[0].map((p) => [p[0], p[1]])).toEqual(first.map((p) => [p[0], p[1]]));
    expect(r.warnings).toEqual([{ code: 'file.reprojected', detail: { crs: 'EPSG:2154' } }]);
    expect(formatError(r.warnings[0], 'fr')).toBe(
      'Les coordonnées de ce GeoJSON sont en EPSG:2154, pas en degrés\u00a0: la trace a été convertie en WGS84, comme à l’import d’une couche. Vérifiez sa position sur la carte.',
    );
  });

  it('Lambert-93 without a crs member, and Web Mercator, are converted too', () => {
    const l93 = read('cavaliers-l93-nocrs.geojson');
    expect(l93.ok && l93.warnings[0]).toEqual({ code: 'file.reprojected', detail: { crs: 'EPSG:2154' } });
    const mercator = read('web-mercator.geojson');
    expect(mercator.ok && mercator.warnings[0]).toEqual({ code: 'file.reprojected', detail: { crs: 'EPSG:3857' } });
    // Lens
    if (mercator.ok) expect(mercator.value.segments[0][0].slice(0, 2).map((v) => Math.round(v * 100) / 100)).toEqual([2.83, 50.43]);
  });

  it('a projection Cavalier does not know is said to be one, not an invalid latitude', () => {
    const r = read('cc50.geojson');
    expect(r).toEqual({
      ok: false,
      error: { code: 'file.projected', detail: { point: 1, x: 1683025.51, y: 9248884.8, declared: 'urn:ogc:def:crs:EPSG::3950' } },
    });
    if (!r.ok) {
      expect(formatError(r.error, 'fr')).toBe(
        'Coordonnée invalide au point n°\u00a01 (1683025.51, 9248884.8)\u00a0: ce ne sont pas des degrés, le fichier est projeté (il déclare «\u00a0urn:ogc:def:crs:EPSG::3950\u00a0») dans un système que Cavalier ne reconnaît pas. Convertissez-le en WGS84 (EPSG:4326), ou importez-le comme couche pour choisir sa projection.',
      );
    }
  });

  it('a degree track stays as it was, with no warning', () => {
    const r = readTrackFile(
      JSON.stringify({
        type: 'LineString',
        coordinates: [
          [2.83, 50.43],
          [2.84, 50.44],
        ],
      }),
      't.geojson',
      { parseXml: parseXmlWithXmldom },
    );
    expect(r).toEqual({
      ok: true,
      value: {
        name: 't',
        segments: [
          [
            [2.83, 50.43],
            [2.84, 50.44],
          ],
        ],
      },
      warnings: [],
    });
  });
});
