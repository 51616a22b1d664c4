// The pure part of « Charger les zones protégées officielles » (src/core/review/official-zones.ts):
// the box asked (checked against GeographicLib distances), the GetFeature URL, the GeoServer WFS
// 2.0 GeoJSON answer and its paging, the ExceptionReport of a refusal, and features turned into
// zones the review reads with their identity.
import { describe, expect, it } from 'vitest';
import { zonesFromGeoJson } from '../../src/core/review';
import {
  nextStartIndex,
  OFFICIAL_ZONE_SOURCES,
  officialZoneFeatures,
  officialZonesArea,
  readWfsPage,
  wfsGetFeatureUrl,
  type WfsPage,
} from '../../src/core/review/official-zones';
import { formatError } from '../../src/i18n/messages';
import { karney } from '../helpers/karney';
import { exceptionReport } from '../helpers/wfs-stub';

const sic = OFFICIAL_ZONE_SOURCES.find((s) => s.id === 'n2000-sic')!;

describe('the box asked around the route', () => {
  const route: [number, number][] = [
    [2.8, 50.4],
    [2.86, 50.43],
    [2.9, 50.45],
  ];
  it('is the route’s extent grown by the margin on every side (GeographicLib distances)', () => {
    const r = officialZonesArea([route], 2000);
    if (!r.ok) throw new Error(r.error.code);
    const [w, s, e, n] = r.value;
    // each side 2 km from the route's extent, within the spherical degree's 0.5 % (the ellipsoid differs)
    const sides = [karney(w, 50.4, 2.8, 50.4), karney(2.9, 50.45, e, 50.45), karney(2.8, s, 2.8, 50.4), karney(2.9, 50.45, 2.9, n)];
    for (const d of sides) {
      expect(d).toBeGreaterThan(1990);
      expect(d).toBeLessThan(2030);
    }
  });
  it('is refused without a route, and for a route larger than a region', () => {
    const none = officialZonesArea([[]]);
    expect(none.ok ? null : none.error.code).toBe('wfs.no-route');
    // Calais to the Ardennes: 215 km of longitude at 50° N
    const wide = officialZonesArea([
      [
        [1.85, 50.95],
        [4.85, 50.0],
      ],
    ]);
    if (wide.ok) throw new Error('accepted');
    expect(wide.error.code).toBe('wfs.area-too-large');
    expect(wide.error.detail?.side_km).toBeGreaterThan(200);
    expect(formatError(wide.error, 'fr')).toContain('trop étendu');
  });
});

describe('GetFeature', () => {
  it('asks one layer, in GeoJSON, longitude first, one page', () => {
    const url = new URL(wfsGetFeatureUrl('https://data.geopf.fr/wfs/ows', 'patrinat_sic:sic', [2.77, 50.38, 2.93, 50.47], 2000, 1000));
    expect(url.origin + url.pathname).toBe('https://data.geopf.fr/wfs/ows');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      SERVICE: 'WFS',
      VERSION: '2.0.0',
      REQUEST: 'GetFeature',
      TYPENAMES: 'patrinat_sic:sic',
      OUTPUTFORMAT: 'application/json',
      SRSNAME: 'EPSG:4326',
      BBOX: '2.77,50.38,2.93,50.47,EPSG:4326',
      COUNT: '1000',
      STARTINDEX: '2000',
    });
  });

  it('reads a GeoServer answer: features, numberMatched, numberReturned, timeStamp', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', id: 'sic.1', geometry: null, properties: {} }],
      totalFeatures: 2500,
      numberMatched: 2500,
      numberReturned: 1,
      timeStamp: '2026-12-03T10:15:00.000Z',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4326' } },
    });
    const r = readWfsPage(text, 'patrinat_sic:sic');
    if (!r.ok) throw new Error(r.error.code);
    expect([r.value.numberMatched, r.value.numberReturned, r.value.timeStamp, r.value.features.length]).toEqual([2500, 1, '2026-12-03T10:15:00.000Z', 1]);
    const unknown = readWfsPage(JSON.stringify({ type: 'FeatureCollection', features: [], numberMatched: 'unknown', numberReturned: 0 }), 'x');
    expect(unknown.ok && unknown.value.numberMatched).toBeNull();
  });

  it('reads a refusal’s ExceptionReport, and calls anything else a bad answer', () => {
    const r = readWfsPage(exceptionReport('patrinat_nope:nope'), 'patrinat_nope:nope');
    if (r.ok) throw new Error('accepted');
    expect(r.error).toEqual({
      code: 'wfs.exception',
      detail: { layer: 'patrinat_nope:nope', exception: 'InvalidParameterValue', text: 'Feature type patrinat_nope:nope unknown' },
    });
    expect(formatError(r.error, 'fr')).toBe(
      'Le service a refusé la couche «\u00a0patrinat_nope:nope\u00a0» (InvalidParameterValue)\u00a0: «\u00a0Feature type patrinat_nope:nope unknown\u00a0».',
    );
    for (const bad of ['<html><body>proxy</body></html>', '{"type":"Feature"}', 'not json'])
      expect(readWfsPage(bad, 't').ok ? null : (readWfsPage(bad, 't') as { error: { code: string } }).error.code).toBe('wfs.bad-answer');
  });

  it('pages by STARTINDEX until numberMatched, or until a short page when the server does not count', () => {
    const page = (numberReturned: number, numberMatched: number | null): WfsPage => ({ features: [], numberReturned, numberMatched, timeStamp: null });
    expect(nextStartIndex(page(1000, 2500), 0, 1000)).toBe(1000);
    expect(nextStartIndex(page(1000, 2500), 1000, 1000)).toBe(2000);
    expect(nextStartIndex(page(500, 2500), 2000, 1000)).toBeNull();
    expect(nextStartIndex(page(1000, 1000), 0, 1000)).toBeNull();
    expect(nextStartIndex(page(1000, null), 0, 1000)).toBe(1000);
    expect(nextStartIndex(page(999, null), 1000, 1000)).toBeNull();
    expect(nextStartIndex(page(0, 5000), 0, 1000)).toBeNull();
  });
});

describe('features as zones with their identity', () => {
  const square = (x: number, y: number, d: number) => ({
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + d, y],
        [x + d, y + d],
        [x, y + d],
        [x, y],
      ],
    ],
  });
  const features = [
    {
      type: 'Feature',
      id: 'sic.17',
      geometry: square(3.3, 50.45, 0.01),
      properties: {
        id_mnhn: 'FR3100504',
        nom_site: 'Pelouses métallicoles de la plaine de la Scarpe',
        url_fiche: 'https://inpn.mnhn.fr/site/natura2000/FR3100504',
        date_maj: '2021-03-04T00:00:00Z',
        type: 'B',
      },
    },
    // no date of its own: the day the server answered
    { type: 'Feature', id: 'sic.18', geometry: square(3.4, 50.45, 0.01), properties: { ID_MNHN: 'FR3100506', NOM_SITE: 'Bois de Flines' } },
    // no geometry: left out
    { type: 'Feature', id: 'sic.19', geometry: null, properties: { id_mnhn: 'FR3100507' } },
  ];

  it('take the code, name, type, date and source, and the review reads them', () => {
    const fc = officialZoneFeatures(sic, features, { host: 'data.geopf.fr', timeStamp: '2026-12-03T10:15:00.000Z' });
    expect(fc.features.map((f) => [f.id, f.properties.code, f.properties.name, f.properties.kind, f.properties.date])).toEqual([
      ['sic.17', 'FR3100504', 'Pelouses métallicoles de la plaine de la Scarpe', 'Natura 2000 SIC/ZSC', '2021-03-04'],
      ['sic.18', 'FR3100506', 'Bois de Flines', 'Natura 2000 SIC/ZSC', '2026-12-03'],
    ]);
    const p = fc.features[0].properties;
    expect(p.source).toBe('INPN / PatriNat (MNHN, OFB) — data.geopf.fr, patrinat_sic:sic');
    expect([p.official, p.url, p.id_mnhn]).toEqual(['protections', 'https://inpn.mnhn.fr/site/natura2000/FR3100504', 'FR3100504']);
    // the review's reading (validate.ts): id = the code, the name, the kind before the server's own `type`
    const zones = zonesFromGeoJson(fc, { file: 'Natura 2000', layer: 'official-n2000-sic', kind: 'Natura 2000' });
    if (!zones.ok) throw new Error(zones.error.code);
    expect(zones.value.zones.map((z) => [z.id, z.name, z.kind, z.geometry])).toEqual([
      ['FR3100504', 'Pelouses métallicoles de la plaine de la Scarpe', 'Natura 2000 SIC/ZSC', 'polygon'],
      ['FR3100506', 'Bois de Flines', 'Natura 2000 SIC/ZSC', 'polygon'],
    ]);
  });

  it('keep a site cut into several features under its code, each zone’s id unique', () => {
    const parts = [0, 1, 2].map((k) => ({
      type: 'Feature',
      geometry: square(3.3 + k * 0.02, 50.45, 0.01),
      properties: { id_mnhn: 'FR3112002', nom_site: 'Les Cinq Tailles' },
    }));
    const fc = officialZoneFeatures(sic, parts, { host: 'data.geopf.fr', timeStamp: null });
    expect(fc.features.map((f) => [f.properties.id, f.properties.code])).toEqual([
      ['FR3112002', 'FR3112002'],
      ['FR3112002#2', 'FR3112002'],
      ['FR3112002#3', 'FR3112002'],
    ]);
  });

  it('fall back on the server’s feature id when no code field is there (a TVB layer)', () => {
    const corridors = OFFICIAL_ZONE_SOURCES.find((s) => s.id === 'tvb-corridors')!;
    const fc = officialZoneFeatures(
      corridors,
      [
        {
          type: 'Feature',
          id: 'corridors.4',
          geometry: {
            type: 'LineString',
            coordinates: [
              [3, 50.4],
              [3.1, 50.41],
            ],
          },
          properties: { sous_trame: 'zones humides' },
        },
      ],
      { host: 'www.geo2france.fr', timeStamp: null },
    );
    expect(fc.features[0].properties).toMatchObject({
      id: 'corridors.4',
      code: 'corridors.4',
      name: 'corridors.4',
      kind: 'corridor TVB',
      date: null,
      official: 'corridors',
    });
  });

  it('cover each official kind, and name what each stands in for', () => {
    const kinds = new Set(OFFICIAL_ZONE_SOURCES.map((s) => s.official));
    expect([...kinds].sort()).toEqual(['corridors', 'protections', 'reservoirs']);
    expect(OFFICIAL_ZONE_SOURCES.filter((s) => s.official === 'reservoirs').flatMap((s) => s.replaces)).toEqual(['tvb-reservoirs']);
    expect(new Set(OFFICIAL_ZONE_SOURCES.map((s) => s.id)).size).toBe(OFFICIAL_ZONE_SOURCES.length);
  });
});
