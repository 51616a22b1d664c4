// The display layers' normalisation (data/steps/display-layers.ts) on small fixtures in the raw
// files' own shapes; expected values worked out by hand from the fixtures.
import { describe, expect, it } from 'vitest';
import type { Geometry } from 'geojson';
import {
  cut,
  fricheName,
  isoDate,
  normaliseFriche,
  normaliseOsmRoute,
  normaliseVeloroute,
  sitesInBox,
  toWgs84,
  veloRef,
} from '../../data/steps/display-layers';
import type { AnyFeature } from '../../data/steps/geo';

const feature = (properties: Record<string, unknown>, geometry: Geometry | null): AnyFeature => ({ type: 'Feature', properties, geometry });

describe('friches', () => {
  it('names a call-for-projects file by its site, and marks « friche potentielle » unverified', () => {
    const raw = feature(
      {
        site_id: '62498_1',
        site_nom: 'Appel à projet Fonds Friches - 62 - Lens - friche: Ancienne brasserie',
        site_type: 'friche industrielle',
        site_statut: 'friche avec projet',
        site_surface: '1234.56',
        activite_libelle: 'Brasserie',
        comm_nom: 'Lens',
        site_url: null,
      },
      { type: 'Point', coordinates: [2.8312345678, 50.4298765432] },
    );
    const f = normaliseFriche(raw)!;
    expect(f.properties).toEqual({
      name: 'Ancienne brasserie',
      site_id: '62498_1',
      site_nom: 'Appel à projet Fonds Friches - 62 - Lens - friche: Ancienne brasserie',
      site_statut: 'friche avec projet',
      verifiee: true,
      site_type: 'friche industrielle',
      site_surface: 1235,
      activite_libelle: 'Brasserie',
      comm_nom: 'Lens',
    });
    expect(f.geometry).toEqual({ type: 'Point', coordinates: [2.831235, 50.429877] });

    const potential = normaliseFriche(
      feature(
        { site_id: '62480_10173', site_nom: 'LARUE Achille', site_type: 'inconnu', site_statut: 'friche potentielle' },
        { type: 'Point', coordinates: [2.7, 50.5] },
      ),
    )!;
    // the same name is not repeated; an « inconnu » type says nothing
    expect(potential.properties).toEqual({ name: 'LARUE Achille', site_id: '62480_10173', site_statut: 'friche potentielle', verifiee: false });
    expect(normaliseFriche(feature({ site_id: 'x' }, null))).toBeNull();
  });

  it('cuts long activity texts at a word', () => {
    expect(cut('un deux trois quatre', 100)).toBe('un deux trois quatre');
    expect(cut('un deux trois quatre', 12)).toBe('un deux…');
    expect(cut('abcdefghijklmnop', 10)).toBe('abcdefghij…');
    expect(fricheName('… - friche : Site X ')).toBe('Site X');
    expect(fricheName('Garage')).toBe('Garage');
  });
});

describe('véloroutes and OSM routes', () => {
  it('says EuroVelo or national numbers as the signs do', () => {
    expect([veloRef('5'), veloRef('31'), veloRef('32 - 364'), veloRef('5 - 32'), veloRef('LF1'), veloRef('NC'), veloRef(null)]).toEqual([
      'EV5',
      'V31',
      'V32 / V364',
      'EV5 / V32',
      'LF1',
      undefined,
      undefined,
    ]);
  });

  it('tells built from planned with the network’s own rule', () => {
    const line: Geometry = {
      type: 'LineString',
      coordinates: [
        [2.8, 50.4],
        [2.81, 50.41],
      ],
    };
    const built = normaliseVeloroute(
      feature({ nom_tit_af: 'Chemin des Galibots', NUMERO_VEL: '31', AVANCE_TRA: 'travaux termines', Type_voie: '3', Longueur: '12 km' }, line),
    )!;
    expect(built.properties).toMatchObject({ name: 'Chemin des Galibots', ref: 'V31', etat: 'realise', longueur: '12 km' });
    const planned = normaliseVeloroute(feature({ NOM_ITI: 'Liaison X', AVANCE_TRA: 'Non démarré', Type_voie: '0' }, line))!;
    expect(planned.properties).toMatchObject({ name: 'Liaison X', etat: 'projet' });
    // no works to follow (a ride report on existing roads) is built, except the long-term scheme's class 0
    expect(normaliseVeloroute(feature({ nom_tit_af: 'Boucle', Type_voie: '2' }, line))!.properties.etat).toBe('realise');
    expect(normaliseVeloroute(feature({ nom_tit_af: 'Schéma', Type_voie: '0' }, line))!.properties.etat).toBe('projet');

    const route = normaliseOsmRoute(
      feature({ name: 'Véloroute du Bassin Minier, en projet', mode: 'bike', ref: 'V31', km: 12.3, profile: [1, 2], station_uic: '1', osm_relation: 42 }, line),
    )!;
    expect(route.properties).toEqual({ name: 'Véloroute du Bassin Minier, en projet', ref: 'V31', mode: 'bike', etat: 'projet', km: 12.3, osm_relation: 42 });
  });
});

describe('sites classés', () => {
  it('reads a Lambert-93 feature as such: the projection origin is 3° E, 46.5° N', () => {
    const { geometry, reprojected } = toWgs84({ type: 'Point', coordinates: [700000, 6600000] });
    expect(reprojected).toBe(true);
    expect(geometry).toEqual({ type: 'Point', coordinates: [3, 46.5] });
    expect(toWgs84({ type: 'Point', coordinates: [2.5, 50.5] }).reprojected).toBe(false);
  });

  it('keeps the sites touching the box, with their kind and an ISO date', () => {
    const square = (x: number, y: number, d = 0.01): Geometry => ({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [x, y],
            [x + d, y],
            [x + d, y + d],
            [x, y + d],
            [x, y],
          ],
        ],
      ],
    });
    const chaine = 'terrils formant la chaîne des terrils du bassin minier du nord de la France';
    const fc = [
      feature({ nomgen: chaine, typesite: 'Site classé', surfdclha: 18316450, datecrea: '28/12/2016', idsup: 'A-1' }, square(2.8, 50.4)),
      feature({ nomgen: "TERRIL D'HAVELUY", typesite: 'Site inscrit', surfdclha: 249434, datecrea: '08/04/1988' }, square(3.4, 50.35)),
      // the Somme coast, in Lambert-93 metres: out of the box once read as such
      feature(
        { nomgen: 'Bois de Cise', typesite: 'Site classé' },
        {
          type: 'MultiPolygon',
          coordinates: [
            [
              [
                [586900, 7000078],
                [587000, 7000078],
                [587000, 7000178],
                [586900, 7000078],
              ],
            ],
          ],
        },
      ),
      // straddles the box edge: one corner inside
      feature({ nomgen: 'Bord', typesite: 'Site classé' }, square(3.695, 50.3)),
      // a big site around the whole box
      feature({ nomgen: 'Vallée', typesite: 'Site inscrit' }, square(2, 50, 2)),
      feature({ nomgen: 'Vide' }, null),
    ];
    const { features, report } = sitesInBox(fc, [2.2, 50.2, 3.7, 50.7]);
    expect(features.map((f) => f.properties.name)).toEqual([chaine, "TERRIL D'HAVELUY", 'Bord', 'Vallée']);
    expect(features[0].properties).toEqual({
      name: chaine,
      kind: 'site classé',
      chaine_des_terrils: true,
      idsup: 'A-1',
      datecrea: '2016-12-28',
      surface_ha: 1831.65,
    });
    expect(features[1].properties).toMatchObject({ kind: 'site inscrit', chaine_des_terrils: false, surface_ha: 24.94, datecrea: '1988-04-08' });
    expect(report).toEqual({ read: 6, kept: 4, reprojected: ['Bois de Cise'], chaineDesTerrils: 1, terrils: 2 });
    expect(isoDate('2016')).toBe('2016');
  });
});
