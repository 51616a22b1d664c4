import { describe, expect, it } from 'vitest';
import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import { dropEmptyGeometries, bboxOf, roundBBoxOut } from '../../data/steps/geo.ts';
import {
  communeKey,
  makeCommuneIndex,
  normaliseCavalierLine,
  normaliseCommune,
  normalisePuits,
  normaliseTerril,
  puitsName,
  terrilNumber,
} from '../../data/steps/normalise.ts';
import { shaftSamples, float32LE } from '../../data/steps/relief.ts';
import { tvbCorridors, tvbReservoirs } from '../../data/steps/tvb.ts';
import { fixture } from './helpers.ts';

const communes = makeCommuneIndex(["Ville-d'Essai", 'Autre-sur-Essai', 'Liévin', 'Noyelles-lès-Vermelles']);

describe('geometry cleaning', () => {
  it('drops the features without geometry and reports their index', () => {
    const { features, dropped } = dropEmptyGeometries(fixture('terrils-zt.geojson'));
    expect(features).toHaveLength(2);
    expect(dropped).toEqual([2]);
  });

  it('computes a bbox rounded outwards', () => {
    const { features } = dropEmptyGeometries(fixture('terrils-zt.geojson'));
    expect(bboxOf(features)).toEqual([3.01, 50.4, 3.021, 50.401]);
    expect(roundBBoxOut([2.2364, 50.2501, 3.6771, 50.6249], 2)).toEqual([2.23, 50.25, 3.68, 50.63]);
  });
});

describe('communes', () => {
  it('ignores case, accents and lez/lès/les', () => {
    expect(communeKey('LIEVIN')).toBe(communeKey('Liévin'));
    expect(communeKey('NOYELLES-LES-VERMELLES')).toBe(communeKey('Noyelles-lès-Vermelles'));
  });

  it('uses the official spelling when known, title-cases capitals otherwise', () => {
    expect(normaliseCommune('LIEVIN', communes)).toBe('Liévin');
    expect(normaliseCommune('FRESNES-SUR-ESCAUT', communes)).toBe('Fresnes-sur-Escaut');
    expect(normaliseCommune("CONDE-SUR-L'ESCAUT", communes)).toBe("Conde-sur-l'Escaut");
    expect(normaliseCommune('Bruay', communes)).toBe('Bruay');
  });
});

describe('terril normalisation', () => {
  it('normalises a UNESCO terril', () => {
    const [f] = dropEmptyGeometries(fixture('terrils-unesco.geojson')).features;
    const t = normaliseTerril(f, 'terrils', communes);
    expect(t.geometry).toBe(f.geometry);
    expect(t.properties).toEqual({
      id: 'T900',
      name: "Terril d'essai du bien",
      communes: "Ville-d'Essai, Autre-sur-Essai",
      forme: 'Conique',
      unesco: true,
      source_layer: 'terrils',
      // other attributes kept as strings, null ones left out
      nom: "Terril d'essai du bien",
      compagnie: "Compagnie d'essai",
      groupe: 'Essai',
      id_unesco: '99A',
      element: '99',
    });
  });

  it('prefers nom_usuel, falls back on the number when the name is a placeholder', () => {
    const [a, b] = dropEmptyGeometries(fixture('terrils-zt.geojson')).features;
    const ta = normaliseTerril(a, 'zt-terrils', communes).properties;
    expect(ta).toMatchObject({ id: 'T901', name: 'Le grand essai', communes: "Ville-d'Essai", unesco: false, source_layer: 'zt-terrils', forme: 'Plat' });
    expect(ta.nom).toBe("Plateau d'essai");
    const tb = normaliseTerril(b, 'zt-terrils', communes).properties;
    expect(tb).toMatchObject({ id: 'T902a', name: 'Terril T902a', communes: "Hameau-les-Essais, Ville-d'Essai" });
    expect(Object.values(tb).every((v) => typeof v === 'string' || typeof v === 'boolean')).toBe(true);
  });

  it('reads terril numbers', () => {
    expect(terrilNumber('T075')).toBe('T075');
    expect(terrilNumber('t75')).toBe('T075');
    expect(terrilNumber('74A')).toBe('T074a');
    expect(terrilNumber('Pinchonvalles')).toBeUndefined();
  });
});

describe('cavaliers and shafts', () => {
  it('names unnamed cavaliers and keeps the stretch id', () => {
    const f: Feature<Geometry, GeoJsonProperties> = {
      type: 'Feature',
      properties: { id_troncon: null, nom: null, commune_1: 'LIEVIN', commune_2: null },
      geometry: {
        type: 'LineString',
        coordinates: [
          [2.7, 50.4],
          [2.71, 50.41],
        ],
      },
    };
    expect(normaliseCavalierLine(f, 7, communes).properties).toEqual({ id: 'cavalier-7', name: 'Cavalier sans nom', communes: 'Liévin' });
  });

  it('builds shaft names and keeps cote as a number', () => {
    const [a, b, c] = fixture('puits.geojson').features as Feature<Geometry, GeoJsonProperties>[];
    expect(puitsName(a.properties)).toBe("Fosse Saint-Essai (n° 3 - 3 bis), puits 3 bis — Ville-d'Essai");
    expect(puitsName(b.properties)).toBe("Fosse 4 — Ville-d'Essai");
    expect(puitsName(c.properties)).toBe('Puits avaleresse — Hameau-les-Essais');
    const pa = normalisePuits(a).properties;
    expect(pa.cote).toBe(42.5);
    expect(pa.profondeur).toBe(512);
    expect(pa.cote_suspecte).toBe(false);
    expect(normalisePuits(b).properties).toMatchObject({ cote: 0, cote_suspecte: true });
    expect(normalisePuits(c).properties.cote).toBeNull();
  });

  it('keeps only non-zero altitudes as relief samples', () => {
    const puits = (fixture('puits.geojson').features as Feature<Geometry, GeoJsonProperties>[]).map(normalisePuits);
    const { samples, withCote, rejectedZero } = shaftSamples(puits);
    expect(withCote).toBe(2);
    expect(rejectedZero).toBe(1);
    expect(samples).toEqual([{ lon: 3.0, lat: 50.4, z: 42.5 }]);
  });

  it('writes little-endian Float32 values', () => {
    const bytes = float32LE(new Float32Array([1.5, -9999]));
    const view = new DataView(bytes.buffer);
    expect(bytes.byteLength).toBe(8);
    expect(view.getFloat32(0, true)).toBe(1.5);
    expect(view.getFloat32(4, true)).toBe(-9999);
  });
});

describe('TVB approximations', () => {
  it('turns terrils into reservoirs and cavaliers into corridors', () => {
    const terrils = dropEmptyGeometries(fixture('terrils-zt.geojson')).features.map((f) => normaliseTerril(f, 'zt-terrils'));
    const res = tvbReservoirs(terrils, []);
    expect(res.map((r) => r.properties)).toEqual([
      { id: 'T901', name: 'Le grand essai', kind: 'terril', source_layer: 'zt-terrils' },
      { id: 'T902a', name: 'Terril T902a', kind: 'terril', source_layer: 'zt-terrils' },
    ]);
    const line: Feature<Geometry, GeoJsonProperties> = {
      type: 'Feature',
      properties: { id_troncon: '001_01', nom: 'Voie ferrée', commune_1: null },
      geometry: {
        type: 'LineString',
        coordinates: [
          [2.7, 50.4],
          [2.71, 50.41],
        ],
      },
    };
    expect(tvbCorridors([normaliseCavalierLine(line, 0)])[0].properties).toEqual({ id: '001_01', name: 'Voie ferrée', kind: 'cavalier' });
  });
});
