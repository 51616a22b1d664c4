// Zone layers as people send them: every problem reported by the zone's name, then repaired,
// kept under a stated reading, or left out, never a crash and never a silent loss.
import { describe, expect, it } from 'vitest';
import { prepareZones, reviewRoute, zonesFromGeoJson, type ZoneSource } from '../../src/core/review';
import { formatError } from '../../src/i18n/messages';

const SRC: ZoneSource = { file: 'zones.geojson', layer: 'zones', kind: 'zones' };
const fc = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const feature = (properties: Record<string, unknown>, geometry: unknown) => ({ type: 'Feature', properties, geometry });
const square = [
  [2.8, 50.4],
  [2.81, 50.4],
  [2.81, 50.41],
  [2.8, 50.41],
  [2.8, 50.4],
];

const A = 6378137;
const E2 = (1 / 298.257223563) * (2 - 1 / 298.257223563);
const RAD = Math.PI / 180;
const parallelArc = (lat: number, dLon: number) => (A / Math.sqrt(1 - E2 * Math.sin(lat * RAD) ** 2)) * Math.cos(lat * RAD) * dLon * RAD;

function valid(data: unknown, source = SRC) {
  const r = zonesFromGeoJson(data, source);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

describe('zonesFromGeoJson: names and kinds', () => {
  it('names from `name` or `nom`, kinds from `kind`, `type` or the source', () => {
    const v = valid(
      fc(
        feature({ name: 'Pinchonvalles', kind: 'APPB' }, { type: 'Polygon', coordinates: [square] }),
        feature({ nom: 'Marais', type: 'ZNIEFF' }, { type: 'Polygon', coordinates: [square] }),
        feature({ id: 'T12' }, { type: 'Polygon', coordinates: [square] }),
      ),
    );
    expect(v.zones.map((z) => [z.name, z.kind, z.id])).toEqual([
      ['Pinchonvalles', 'APPB', '1'],
      ['Marais', 'ZNIEFF', '2'],
      ['zones.geojson n°3', 'zones', 'T12'],
    ]);
    const forced = valid(fc(feature({ name: 'T', kind: 'terril' }, { type: 'Polygon', coordinates: [square] })), {
      ...SRC,
      kind: 'réservoir TVB',
      kindProperties: [],
    });
    expect(forced.zones[0].kind).toBe('réservoir TVB');
  });

  it('a bare geometry, a single feature, lines, and a collection mixing both', () => {
    expect(valid({ type: 'Polygon', coordinates: [square] }).zones).toHaveLength(1);
    expect(
      valid(
        feature(
          { name: 'x' },
          {
            type: 'MultiLineString',
            coordinates: [
              [
                [2.8, 50.4],
                [2.81, 50.4],
              ],
            ],
          },
        ),
      ).zones[0].geometry,
    ).toBe('line');
    const mixed = valid(
      feature(
        { name: 'Site' },
        {
          type: 'GeometryCollection',
          geometries: [
            { type: 'Polygon', coordinates: [square] },
            {
              type: 'LineString',
              coordinates: [
                [2.8, 50.4],
                [2.9, 50.4],
              ],
            },
          ],
        },
      ),
    );
    expect(mixed.zones.map((z) => [z.name, z.geometry, z.id])).toEqual([
      ['Site', 'polygon', '1#surface'],
      ['Site', 'line', '1#ligne'],
    ]);
  });
});

describe('zonesFromGeoJson: broken zones', () => {
  it('an unclosed ring is closed, and reviews like the closed one', () => {
    const open = valid(fc(feature({ name: 'Ouvert' }, { type: 'Polygon', coordinates: [square.slice(0, 4)] })));
    expect(open.issues).toEqual([{ code: 'zone.unclosed-ring', detail: { name: 'Ouvert', layer: 'zones' } }]);
    expect(open.zones[0].parts[0]).toEqual(square);
    expect(formatError(open.issues[0], 'fr')).toBe('Zone «\u00a0Ouvert\u00a0» (zones)\u00a0: contour non fermé, refermé automatiquement.');
  });

  it('a bow-tie is kept and read even-odd: both lobes inside (by hand)', () => {
    const bowtie = [
      [2.8, 50.4],
      [2.81, 50.41],
      [2.81, 50.4],
      [2.8, 50.41],
      [2.8, 50.4],
    ];
    const v = valid(fc(feature({ name: 'Papillon' }, { type: 'Polygon', coordinates: [bowtie] })));
    expect(v.issues).toEqual([{ code: 'zone.self-intersection', detail: { name: 'Papillon', layer: 'zones', lon: 2.805, lat: 50.405 } }]);
    const r = reviewRoute(
      [
        [2.79, 50.402],
        [2.82, 50.402],
      ],
      prepareZones(v.zones),
    );
    // at 50.402 the lobes span 2.800–2.802 and 2.808–2.810
    expect(r.crossings[0].passes).toHaveLength(2);
    expect(r.crossings[0].length_m).toBeCloseTo(2 * parallelArc(50.402, 0.002), 2);
  });

  it('a self-crossing found in a large ring (the sweep), and none in a large valid one', () => {
    const circle = Array.from({ length: 300 }, (_, i) => [2.8 + 0.01 * Math.cos((2 * Math.PI * i) / 300), 50.4 + 0.006 * Math.sin((2 * Math.PI * i) / 300)]);
    const ok = valid(fc(feature({ name: 'Rond' }, { type: 'Polygon', coordinates: [[...circle, circle[0]]] })));
    expect(ok.issues).toEqual([]);
    const twisted = [...circle];
    [twisted[100], twisted[200]] = [twisted[200], twisted[100]];
    const bad = valid(fc(feature({ name: 'Tordu' }, { type: 'Polygon', coordinates: [[...twisted, twisted[0]]] })));
    expect(bad.issues.map((i) => i.code)).toEqual(['zone.self-intersection']);
    expect(bad.zones).toHaveLength(1);
  });

  it('empty, pointless or unreadable zones are left out, each said by name; the others stay', () => {
    const v = valid(
      fc(
        feature({ name: 'Bon' }, { type: 'Polygon', coordinates: [square] }),
        feature({ name: 'Rien' }, null),
        feature({ name: 'Vide' }, { type: 'MultiPolygon', coordinates: [] }),
        feature({ name: 'Point' }, { type: 'Point', coordinates: [2.8, 50.4] }),
        feature(
          { name: 'Texte' },
          {
            type: 'Polygon',
            coordinates: [
              [
                [2.8, 50.4],
                ['x', 50.4],
                [2.81, 50.41],
                [2.8, 50.4],
              ],
            ],
          },
        ),
        feature(
          { name: 'NaN' },
          {
            type: 'LineString',
            coordinates: [
              [2.8, 50.4],
              [NaN, 50.41],
            ],
          },
        ),
        feature(
          { name: 'Plat' },
          {
            type: 'Polygon',
            coordinates: [
              [
                [2.8, 50.4],
                [2.81, 50.4],
                [2.82, 50.4],
                [2.8, 50.4],
              ],
              square,
            ],
          },
        ),
      ),
    );
    expect(v.zones.map((z) => z.name)).toEqual(['Bon']);
    expect(v.issues.map((i) => [i.code, i.detail?.name])).toEqual([
      ['zone.empty-geometry', 'Rien'],
      ['zone.empty-geometry', 'Vide'],
      ['zone.unsupported-geometry', 'Point'],
      ['zone.bad-coordinate', 'Texte'],
      ['zone.bad-coordinate', 'NaN'],
      // a flat shell takes its hole with it: a hole alone would read as inside
      ['zone.degenerate-ring', 'Plat'],
      ['zone.empty-geometry', 'Plat'],
    ]);
    for (const i of v.issues) expect(formatError(i, 'fr')).toContain(`«\u00a0${i.detail?.name}\u00a0»`);
  });

  it('Lambert-93 coordinates, or a declared projected CRS, refuse the file', () => {
    const lambert = zonesFromGeoJson(
      fc(
        feature(
          { name: 'L93' },
          {
            type: 'Polygon',
            coordinates: [
              [
                [690000, 7030000],
                [691000, 7030000],
                [691000, 7031000],
                [690000, 7030000],
              ],
            ],
          },
        ),
      ),
      SRC,
    );
    expect(lambert).toEqual({ ok: false, error: { code: 'zones.not-wgs84', detail: { file: 'zones.geojson', x: 690000, y: 7030000 } } });
    if (!lambert.ok) expect(formatError(lambert.error, 'fr')).toContain('pas en degrés WGS84');
    const declared = zonesFromGeoJson(
      { ...fc(feature({}, { type: 'Polygon', coordinates: [square] })), crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::2154' } } },
      SRC,
    );
    expect(declared.ok).toBe(false);
    if (!declared.ok) expect(declared.error).toMatchObject({ code: 'zones.not-wgs84', detail: { crs: 'urn:ogc:def:crs:EPSG::2154' } });
    const crs84 = zonesFromGeoJson(
      { ...fc(feature({}, { type: 'Polygon', coordinates: [square] })), crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } } },
      SRC,
    );
    expect(crs84.ok).toBe(true);
  });

  it('no feature at all', () => {
    expect(zonesFromGeoJson({ type: 'FeatureCollection', features: [] }, SRC)).toMatchObject({ ok: false, error: { code: 'zones.none' } });
    expect(zonesFromGeoJson('nonsense', SRC)).toMatchObject({ ok: false, error: { code: 'zones.none' } });
  });

  it('never throws, whatever the input (fuzz)', () => {
    let seed = 5;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const junk = (depth: number): unknown => {
      const k = Math.floor(rnd() * 9);
      if (depth > 4 || k === 0) return [null, 1, -1e9, 'a', NaN, true, 50.4, 2.8][Math.floor(rnd() * 8)];
      if (k < 4) return Array.from({ length: Math.floor(rnd() * 6) }, () => junk(depth + 1));
      if (k < 6)
        return {
          type: ['Polygon', 'MultiPolygon', 'LineString', 'GeometryCollection', 'Feature', 'Point'][Math.floor(rnd() * 6)],
          coordinates: junk(depth + 1),
          geometries: junk(depth + 1),
          geometry: junk(depth + 1),
        };
      const ring = Array.from({ length: 2 + Math.floor(rnd() * 6) }, () => [2.8 + rnd() * 0.01, 50.4 + rnd() * 0.01]);
      return { type: 'Polygon', coordinates: [ring] };
    };
    for (let i = 0; i < 500; i++) {
      const data = fc(...Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => feature({ name: `f${i}` }, junk(0))));
      const r = zonesFromGeoJson(data, SRC);
      if (r.ok) {
        // every feature is either a zone or said
        const said = new Set(r.value.issues.map((x) => x.detail?.name));
        for (const f of data.features as { properties: { name: string } }[]) {
          expect(r.value.zones.some((z) => z.name === f.properties.name) || said.has(f.properties.name)).toBe(true);
        }
        expect(() =>
          reviewRoute(
            [
              [2.799, 50.401],
              [2.812, 50.409],
            ],
            prepareZones(r.value.zones),
          ),
        ).not.toThrow();
      }
    }
  });
});

describe('prepareZones', () => {
  it('reports a zone handed over without an edge instead of dropping it silently', () => {
    const p = prepareZones([{ id: '1', name: 'Creux', kind: 'k', layer: 'l', geometry: 'polygon', parts: [] }]);
    expect(p.zones).toEqual([]);
    expect(p.issues).toEqual([{ code: 'zone.empty-geometry', detail: { name: 'Creux', layer: 'l' } }]);
  });
});
