// Runs the whole layer build on the real raw files of ../shared/data/raw (or $CAVALIER_RAW_DIR).
// They exist on every dev and CI machine of the project: their absence is a failure, not a skip.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { hasRawFiles, resolveRawDir } from '../../data/io.ts';
import { buildLayersWithReport, type BuildReport } from '../../data/layers.ts';
import type { LayerManifest } from '../../src/core/layers.ts';

const rawDir = resolveRawDir();
let outDir = '';
let manifest: LayerManifest;
let report: BuildReport;

const read = (name: string) => JSON.parse(fs.readFileSync(path.join(outDir, name), 'utf8')) as FeatureCollection;

describe('buildLayers on the real raw data', () => {
  beforeAll(async () => {
    if (!hasRawFiles(rawDir)) {
      throw new Error(
        `Données brutes introuvables dans ${rawDir} (unesco-bassin-minier/*.geojson). ` +
          'Elles doivent être présentes sur les machines du projet (../shared/data/raw) ; sinon indiquez leur dossier dans CAVALIER_RAW_DIR.',
      );
    }
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cavalier-data-'));
    ({ manifest, report } = await buildLayersWithReport(rawDir, outDir));
  }, 60_000);

  afterAll(() => {
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });

  it('finds the raw files', () => {
    expect(hasRawFiles(rawDir), `raw files missing in ${rawDir}`).toBe(true);
  });

  it('merges 162 terril polygons', () => {
    const t = read('terrils.geojson');
    expect(t.features).toHaveLength(162);
    expect(t.features.every((f) => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon')).toBe(true);
    expect(t.features.filter((f) => f.properties?.unesco === true)).toHaveLength(51);
    expect(t.features.every((f) => /^T\d{3}[a-z]?$/.test(String(f.properties?.id)) && f.properties?.name)).toBe(true);
    expect(report.duplicateTerrils).toEqual(['T140']);
  });

  it('keeps 1316 cavalier lines (the null geometry dropped) and 14 listed cavaliers', () => {
    const c = read('cavaliers.geojson');
    expect(c.features).toHaveLength(1316);
    expect(c.features.every((f) => f.geometry.type === 'LineString' || f.geometry.type === 'MultiLineString')).toBe(true);
    expect(report.dropped['zt-cavaliers.geojson']).toEqual([1316]);
    expect(read('cavaliers-unesco.geojson').features).toHaveLength(14);
  });

  it('has 608 shafts with an altitude', () => {
    const p = read('puits.geojson');
    expect(p.features).toHaveLength(636);
    expect(p.features.filter((f) => typeof f.properties?.cote === 'number')).toHaveLength(608);
    expect(p.features.every((f) => typeof f.properties?.name === 'string' && f.properties.name.length > 0)).toBe(true);
    expect(report.relief.shaftsWithCote).toBe(608);
    expect(report.relief.samples).toBe(608 - report.relief.rejectedZero);
  });

  it('matches the four known protections', () => {
    expect(report.protections.map((p) => [p.terril, p.status])).toEqual([
      ['T075', 'matched'],
      ['T125', 'matched'],
      ['T143', 'matched'],
      ['T144', 'matched'],
    ]);
    expect(read('protections.geojson').features.find((f) => f.properties?.id === 'T075')?.properties?.name).toBe('Pinchonvalles');
  });

  it('writes a relief grid with its header', () => {
    const h = JSON.parse(fs.readFileSync(path.join(outDir, 'relief.json'), 'utf8')) as Record<string, unknown>;
    expect(h).toMatchObject({ approximate: true, west: 2.2, east: 3.75, south: 50.2, north: 50.7, width: 775, height: 385 });
    expect(typeof h.expectedError_m).toBe('number');
    expect(h.values).toBeUndefined();
    expect(fs.statSync(path.join(outDir, 'relief.bin')).size).toBe(775 * 385 * 4);
    expect(manifest.relief?.note.fr).toMatch(/ne représente pas les terrils/);
  });

  it('lists every layer with an existing file, and the layers to import without url', () => {
    const ids = manifest.layers.map((l) => l.id);
    for (const id of [
      'terrils',
      'cavaliers',
      'cavaliers-unesco',
      'neonaturels',
      'puits',
      'communes',
      'bassin',
      'tvb-reservoirs',
      'tvb-corridors',
      'protections',
    ]) {
      expect(ids).toContain(id);
    }
    expect(ids).not.toContain('reseau');
    for (const l of manifest.layers) {
      if (l.status === 'to-import') {
        expect(l.url, l.id).toBeUndefined();
        expect(l.note?.fr, l.id).toBeTruthy();
        continue;
      }
      expect(l.url, l.id).toMatch(/^data\/[\w-]+\.geojson$/);
      const file = path.join(outDir, path.basename(l.url ?? ''));
      expect(fs.existsSync(file), `${l.id}: ${file}`).toBe(true);
      expect(read(path.basename(l.url ?? '')).features.length).toBe(l.featureCount);
      if (l.status === 'approximation') expect(l.note?.fr, l.id).toMatch(/pproximation|partielle/);
    }
    for (const u of [manifest.relief?.url, manifest.relief?.valuesUrl]) {
      expect(fs.existsSync(path.join(outDir, path.basename(u ?? 'missing')))).toBe(true);
    }
    expect(
      manifest.layers
        .filter((l) => l.status === 'to-import')
        .map((l) => l.id)
        .sort(),
    ).toEqual(['natura2000', 'srce-corridors', 'srce-reservoirs', 'znieff']);
    const visible = manifest.layers.filter((l) => l.visible).map((l) => l.id);
    expect(visible).toEqual(expect.arrayContaining(['terrils', 'cavaliers', 'neonaturels', 'protections']));
    for (const hidden of ['communes', 'puits', 'tvb-reservoirs', 'tvb-corridors']) expect(visible).not.toContain(hidden);
    // every built layer says when its data describe the ground
    for (const l of manifest.layers) if (l.status !== 'to-import') expect(l.date, l.id).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    const [w, s, e, n] = manifest.bbox;
    expect(w).toBeCloseTo(2.236, 2);
    expect(s).toBeCloseTo(50.25, 2);
    expect(e).toBeCloseTo(3.677, 2);
    expect(n).toBeCloseTo(50.625, 2);
  });

  it('builds the friches with their status, « friche potentielle » unverified', () => {
    const f = read('friches.geojson');
    expect(f.features).toHaveLength(2111);
    const by = (s: string) => f.features.filter((x) => x.properties?.site_statut === s);
    expect([by('friche potentielle').length, by('friche sans projet').length, by('friche avec projet').length]).toEqual([1747, 227, 137]);
    expect(by('friche potentielle').every((x) => x.properties?.verifiee === false)).toBe(true);
    expect(f.features.filter((x) => x.properties?.verifiee === true)).toHaveLength(227 + 137);
    // the call-for-projects file names end with the site's own
    const anor = f.features.find((x) => x.properties?.site_id === '59012_13031');
    expect(anor?.properties?.name).toBe("Aciéries et Forges d'Anor");
    expect(String(anor?.properties?.site_nom)).toMatch(/^Appel à projet Recyclage Foncier/);
    expect(f.features.every((x) => String(x.properties?.activite_libelle ?? '').length <= 241)).toBe(true);
    expect(manifest.layers.find((l) => l.id === 'friches')).toMatchObject({
      status: 'official',
      licence: 'Licence Ouverte 2.0',
      date: '2024-03-10',
      featureCount: 2111,
    });
  });

  it('builds the véloroutes (built or planned, as the network reads AVANCE_TRA) and the OSM routes', () => {
    const v = read('veloroutes.geojson');
    expect(v.features).toHaveLength(144);
    const etat = (fc: FeatureCollection, e: string) => fc.features.filter((x) => x.properties?.etat === e).length;
    // 36 + 6 + 5 + 1 « travaux termin… », and the 51 without AVANCE_TRA but of Type_voie 0 left out
    expect(etat(v, 'realise') + etat(v, 'projet')).toBe(144);
    expect(v.features.filter((x) => x.properties?.AVANCE_TRA === 'Non démarré').every((x) => x.properties?.etat === 'projet')).toBe(true);
    expect(v.features.filter((x) => /^travaux termin/i.test(String(x.properties?.AVANCE_TRA ?? ''))).every((x) => x.properties?.etat === 'realise')).toBe(true);
    expect(v.features.some((x) => x.properties?.ref === 'V31')).toBe(true);
    expect(v.features.some((x) => x.properties?.ref === 'EV5')).toBe(true);
    const o = read('osm-routes.geojson');
    expect(o.features).toHaveLength(93);
    expect(o.features.filter((x) => x.properties?.mode === 'walk')).toHaveLength(43);
    expect(etat(o, 'projet')).toBe(6);
    expect(o.features.every((x) => x.properties?.profile === undefined)).toBe(true);
    for (const id of ['veloroutes', 'osm-routes']) expect(manifest.layers.find((l) => l.id === id)?.licence).toBe('ODbL 1.0');
  });

  it('keeps the 171 sites classés and inscrits touching the basin, the chaîne des terrils among them', () => {
    const s = read('sites-classes.geojson');
    expect(s.features).toHaveLength(171);
    expect(report.sites).toMatchObject({ read: 407, kept: 171, chaineDesTerrils: 116, terrils: 117, reprojected: ['Bois de Cise'] });
    const chaine = s.features.filter((x) => x.properties?.chaine_des_terrils === true);
    expect(chaine).toHaveLength(116);
    expect(chaine.every((x) => x.properties?.kind === 'site classé' && x.properties?.datecrea === '2016-12-28')).toBe(true);
    expect(s.features.find((x) => x.properties?.name === "TERRIL D'HAVELUY")?.properties?.kind).toBe('site inscrit');
    // every position is a longitude and latitude of the region
    const coords = JSON.stringify(s.features.map((x) => x.geometry));
    expect(/\d{6,}\.\d/.test(coords)).toBe(false);
  });
});
