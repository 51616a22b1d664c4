// Zone layers in the formats the app imports, read by the core as the layer engine and the CLI
// read them (importLayerFile → zonesFromGeoJson → reviewRoute), against golden files:
// test/fixtures/zone-layers/in/NAME.kml → out/NAME.json (the zones' identity and rings, and the
// review of a route along the parallel 50.405° N). Each crossing is checked against the second
// method (test/core/review-reference.ts) and against the hand-computed arc of parallel.
// Also: a KMZ of the same KML gives the same zones, and the field proposal of
// src/core/review/zone-fields.ts on official and other layers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { importLayerFile } from '../../../src/core/import/layer-file';
import { prepareZones, reviewRoute, zonesFromGeoJson } from '../../../src/core/review';
import { proposeZoneFields, zoneIdentity } from '../../../src/core/review/zone-fields';
import type { Position } from '../../../src/core/types';
import { expectGolden, goldenNames, rounded } from '../../helpers/golden';
import { densify, inPolygon, passesOf } from '../review-reference';

const dir = join(import.meta.dirname, '../../fixtures/zone-layers');
const ROUTE: Position[][] = [
  [
    [2.79, 50.405],
    [2.85, 50.405],
  ],
];
const A = 6378137;
const E2 = (1 / 298.257223563) * (2 - 1 / 298.257223563);
const RAD = Math.PI / 180;
const arc = (dLon: number) => (A / Math.sqrt(1 - E2 * Math.sin(50.405 * RAD) ** 2)) * Math.cos(50.405 * RAD) * dLon * RAD;

function zonesOf(bytes: Uint8Array, file: string) {
  const layer = importLayerFile(bytes, file);
  if (!layer.ok) throw new Error(layer.error.code);
  const stem = file.replace(/\.[^.]+$/, '');
  const zones = zonesFromGeoJson(layer.value.fc, { file, layer: stem, kind: stem });
  if (!zones.ok) throw new Error(zones.error.code);
  return { layer: layer.value, zones: zones.value };
}

describe('zone layers in KML: golden files', () => {
  const names = goldenNames('zone-layers', 'kml');
  it('finds the fixtures', () => expect(names.length).toBeGreaterThanOrEqual(1));
  for (const name of names) {
    it(name, () => {
      const bytes = readFileSync(join(dir, 'in', `${name}.kml`));
      const { layer, zones } = zonesOf(new Uint8Array(bytes), `${name}.kml`);
      const review = reviewRoute(ROUTE, prepareZones(zones.zones));
      expectGolden(
        'zone-layers',
        name,
        rounded({
          format: layer.format,
          name: layer.name,
          zones: zones.zones.map((z) => ({ id: z.id, code: z.code, name: z.name, kind: z.kind, geometry: z.geometry, rings: z.parts.length })),
          review,
          issues: zones.issues,
        }),
      );
      // the second method, zone by zone, on the rings as imported
      const dense = densify(ROUTE, 0.5);
      for (const z of zones.zones) {
        const poly: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: z.parts } };
        const ref = passesOf(dense, inPolygon(poly));
        const got = review.crossings.find((c) => c.id === z.id);
        expect(Math.abs((got?.length_m ?? 0) - ref.inside_m), z.name).toBeLessThanOrEqual(Math.max(2, 0.005 * ref.inside_m));
        expect(got?.passes.length ?? 0).toBe(ref.passes.length);
      }
    });
  }

  it('appb: the APPB with its hole is 0.007° of parallel inside, in two passes; the RNR is near', () => {
    const { zones } = zonesOf(new Uint8Array(readFileSync(join(dir, 'in', 'appb.kml'))), 'appb.kml');
    const review = reviewRoute(ROUTE, prepareZones(zones.zones));
    expect(review.crossings).toHaveLength(1);
    expect(Math.abs(review.crossings[0].length_m - arc(0.007))).toBeLessThan(0.01);
    expect(review.crossings[0].passes).toHaveLength(2);
    expect(review.near.map((n) => [n.code, n.kind])).toEqual([['FR9300112', 'RNR']]);
  });

  it('a KMZ of the same KML: the same zones, format kmz', () => {
    const kml = readFileSync(join(dir, 'in', 'appb.kml'), 'utf8');
    const kmz = zipSync({ 'doc.kml': strToU8(kml), 'files/logo.png': new Uint8Array([137, 80, 78, 71]) });
    const fromKmz = zonesOf(kmz, 'appb.kmz');
    const fromKml = zonesOf(new Uint8Array(Buffer.from(kml)), 'appb.kml');
    expect(fromKmz.layer.format).toBe('kmz');
    expect(fromKmz.zones.zones.map((z) => [z.code, z.name, z.kind, z.parts])).toEqual(fromKml.zones.zones.map((z) => [z.code, z.name, z.kind, z.parts]));
  });

  it('a KML of lines only is still read as a track layer (one feature)', () => {
    const kml = `<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Rando</name><Placemark><LineString><coordinates>2.8,50.4 2.81,50.41</coordinates></LineString></Placemark></Document></kml>`;
    const layer = importLayerFile(new Uint8Array(Buffer.from(kml)), 'rando.kml');
    expect(layer.ok && layer.value.fc.features.map((f) => f.geometry.type)).toEqual(['LineString']);
  });
});

describe('zone field proposal', () => {
  it('recognises the INPN conventions whatever the case, and the type from SITETYPE, TYPE_ZNIEFF, the code or the layer name', () => {
    expect(zoneIdentity({ SITECODE: 'FR3112005', SITENAME: 'Vallées' }, 'n2000.zip')).toEqual({
      name: 'Vallées',
      code: 'FR3112005',
      kind: 'ZPS',
      convention: 'natura2000',
    });
    expect(zoneIdentity({ sitecode: 'FR3100474', sitename: 'Pelouses', sitetype: 'A' }, 'x')).toMatchObject({ code: 'FR3100474', kind: 'ZPS' });
    expect(zoneIdentity({ sitecode: 'FR3100474', sitename: 'Pelouses' }, 'patrinat_sic:sic')).toMatchObject({ kind: 'SIC' });
    expect(zoneIdentity({ ID_MNHN: '310007231', NOM: 'Terril de Pinchonvalles', TYPE_ZNIEFF: '1' }, 'znieff')).toEqual({
      name: 'Terril de Pinchonvalles',
      code: '310007231',
      kind: 'ZNIEFF I',
      convention: 'znieff',
    });
    expect(zoneIdentity({ id_mnhn: '310013254', nom: 'Vallée de la Scarpe' }, 'patrinat_znieff2:znieff2')).toMatchObject({ kind: 'ZNIEFF II' });
    expect(zoneIdentity({ id_mnhn: 'FR3800585', nom_site: 'Terril' }, 'protections')).toMatchObject({ name: 'Terril', kind: 'APPB', convention: 'inpn' });
    expect(zoneIdentity({ NOM: 'Bois', CODE: 'E12' }, 'ens_pas_de_calais')).toEqual({ name: null, code: null, kind: 'ENS', convention: null });
  });

  it('ranks the name and code attributes of another layer; technical ids are not codes', () => {
    const features = Array.from({ length: 30 }, (_, i) => ({
      properties: { OBJECTID: i + 1, LIBELLE: `Bois numéro ${i}`, CODE_ZONE: `ZN-59-${100 + i}`, SURF_HA: 10 + i, COMMUNE: i % 2 ? 'Wallers' : 'Raismes' },
    }));
    const p = proposeZoneFields(features, 'zones_l2e');
    expect(p.convention).toBeNull();
    expect(p.fields).toEqual({ name: 'LIBELLE', code: 'CODE_ZONE' });
    expect(p.name[0].field).toBe('LIBELLE');
    expect(p.code.map((c) => c.field)).not.toContain('OBJECTID');
    expect(p.properties).toEqual(['OBJECTID', 'LIBELLE', 'CODE_ZONE', 'SURF_HA', 'COMMUNE']);
  });

  it('keeps name or nom first when the layer has one, and gives a convention its own fields', () => {
    expect(proposeZoneFields([{ properties: { nom: 'A b', LIBELLE: 'C d' } }], 'x').fields.name).toBe('nom');
    const inpn = proposeZoneFields([{ properties: { SITECODE: 'FR3100474', SITENAME: 'Pelouses', SURF: 3 } }], 'sic');
    expect(inpn).toMatchObject({ convention: 'natura2000', fields: { code: 'SITECODE', name: 'SITENAME' }, kind: 'SIC' });
    expect(inpn.name[0].field).toBe('SITENAME');
    expect(inpn.code[0].field).toBe('SITECODE');
  });
});
