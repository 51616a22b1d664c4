// Builds every map layer of public/data/ from the raw official files.
// Hook for the lead: data/build.ts calls buildLayers(), then data/network.ts's buildNetworkLayer(outDir, manifest)
// when that file exists, then writes layers.json. The snapping network ('reseau') is NOT built here.

import path from 'node:path';
import type { LayerManifest } from '../src/core/layers.ts';
import { readCollection, readOptionalCollection, writeBytes, writeJson, type RawFile } from './io.ts';
import { DISPLAY_FILES, normaliseFriche, normaliseOsmRoute, normaliseVeloroute, sitesInBox, type SitesReport } from './steps/display-layers.ts';
import { bboxOf, collection, dropEmptyGeometries, roundBBoxOut, type AnyFeature, type BBox, type OutFeature } from './steps/geo.ts';
import {
  makeCommuneIndex,
  normaliseBassin,
  normaliseCavalierLine,
  normaliseCavalierUnesco,
  normaliseCommuneFeature,
  normaliseNeonaturel,
  normalisePuits,
  normaliseTerril,
  type TerrilProps,
} from './steps/normalise.ts';
import { REGION_COMMUNE_FILES, regionCommunes } from './steps/communes-region.ts';
import { matchProtections, type ProtectionMatch } from './steps/protections.ts';
import { tvbCorridors, tvbReservoirs } from './steps/tvb.ts';
import { buildRelief, float32LE, shaftSamples, type ReliefHeader } from './steps/relief.ts';
import { CREDIT, LICENCE, RELIEF_TITLE, makeManifest, reliefNoteEn } from './steps/manifest.ts';

export interface BuildReport {
  /** written files, name relative to outDir, size in bytes */
  files: { name: string; bytes: number }[];
  counts: Record<string, number>;
  /** indexes of features left out for their null or empty geometry, per raw file */
  dropped: Partial<Record<RawFile, number[]>>;
  /** terril numbers present in both the UNESCO and the buffer-zone layers */
  duplicateTerrils: string[];
  protections: ProtectionMatch[];
  relief: Pick<ReliefHeader, 'width' | 'height' | 'expectedError_m' | 'samples' | 'crossValidation' | 'min' | 'max'> & {
    shaftsWithCote: number;
    rejectedZero: number;
    ms: number;
  };
  /** the sites classés file: read, kept in the basin's box, reprojected, chaîne des terrils */
  sites?: SitesReport;
}

/** the sites classés are kept where they touch the basin's box and this margin (degrees, about 4 km) */
const SITES_MARGIN_DEG = 0.05;

export async function buildLayersWithReport(rawDir: string, outDir: string): Promise<{ manifest: LayerManifest; report: BuildReport }> {
  const files: BuildReport['files'] = [];
  const dropped: BuildReport['dropped'] = {};
  const counts: Record<string, number> = {};
  const read = (file: RawFile) => {
    const { features, dropped: d } = dropEmptyGeometries(readCollection(rawDir, file));
    if (d.length) dropped[file] = d;
    return features;
  };
  const write = (id: string, features: OutFeature[]) => {
    const name = `${id}.geojson`;
    files.push({ name, bytes: writeJson(path.join(outDir, name), collection(features)) });
    counts[id] = features.length;
  };

  // communes first: their official spelling normalises the other layers' commune names
  const communes = read('communes-mbm.geojson').map(normaliseCommuneFeature);
  const communeIndex = makeCommuneIndex(communes.map((c) => c.properties.name));

  const bassin = read('bassin-minier.geojson').map(normaliseBassin);
  const bbox: BBox = roundBBoxOut(bboxOf(bassin));

  const terrilsUnesco = read('terrils.geojson').map((f) => normaliseTerril(f, 'terrils', communeIndex));
  const unescoIds = new Set(terrilsUnesco.map((t) => t.properties.id));
  const terrilsZt = read('zt-terrils.geojson').map((f) => normaliseTerril(f, 'zt-terrils', communeIndex));
  const duplicateTerrils: string[] = [];
  for (const t of terrilsZt) {
    if (unescoIds.has(t.properties.id)) {
      t.properties.doublon_unesco = true;
      duplicateTerrils.push(t.properties.id);
    }
  }
  const terrils: OutFeature<TerrilProps>[] = [...terrilsUnesco, ...terrilsZt];

  const cavaliers = read('zt-cavaliers.geojson').map((f, i) => normaliseCavalierLine(f, i, communeIndex));
  const cavaliersUnesco = read('cavaliers.geojson').map((f) => normaliseCavalierUnesco(f, communeIndex));
  const neonaturels = [
    ...read('espace-neonaturel.geojson').map((f) => normaliseNeonaturel(f, 'espace-neonaturel', communeIndex)),
    ...read('zt-espaces-neonaturels.geojson').map((f) => normaliseNeonaturel(f, 'zt-espaces-neonaturels', communeIndex)),
  ];
  const puits = read('puits-de-mines.geojson').map(normalisePuits);
  const protections = matchProtections(terrils);

  write('bassin', bassin);
  write('communes', communes);
  write('terrils', terrils);
  write('cavaliers', cavaliers);
  write('cavaliers-unesco', cavaliersUnesco);
  write('neonaturels', neonaturels);
  write('puits', puits);
  write('protections', protections.features);
  write('tvb-reservoirs', tvbReservoirs(terrils, neonaturels));
  write('tvb-corridors', tvbCorridors(cavaliers));

  // the display layers of the December 2026 files, each when its file is there
  const optional = (file: string) => readOptionalCollection(rawDir, file)?.features ?? null;
  const all = <T>(xs: readonly T[], f: (x: T) => OutFeature | null) => xs.map(f).filter((x): x is OutFeature => x !== null);
  const friches = optional(DISPLAY_FILES.friches);
  if (friches) write('friches', all(friches, normaliseFriche));
  const veloroutes = optional(DISPLAY_FILES.veloroutes);
  if (veloroutes) write('veloroutes', all(veloroutes, normaliseVeloroute));
  const osmRoutes = optional(DISPLAY_FILES['osm-routes']);
  if (osmRoutes) write('osm-routes', all(osmRoutes, normaliseOsmRoute));
  const regionFiles = REGION_COMMUNE_FILES.map(optional);
  if (regionFiles.every((f) => f !== null)) write('communes-npdc', regionCommunes(regionFiles as AnyFeature[][]));
  const sitesRaw = optional(DISPLAY_FILES['sites-classes']);
  let sites: SitesReport | undefined;
  if (sitesRaw) {
    const m = SITES_MARGIN_DEG;
    const kept = sitesInBox(sitesRaw, [bbox[0] - m, bbox[1] - m, bbox[2] + m, bbox[3] + m]);
    write('sites-classes', kept.features);
    sites = kept.report;
  }

  // relief approché
  const t0 = performance.now();
  const { samples, withCote, rejectedZero } = shaftSamples(puits);
  const { grid, header } = buildRelief(samples, rejectedZero);
  files.push({ name: 'relief.bin', bytes: writeBytes(path.join(outDir, 'relief.bin'), float32LE(grid.values)) });
  files.push({ name: 'relief.json', bytes: writeJson(path.join(outDir, 'relief.json'), header) });
  const ms = Math.round(performance.now() - t0);

  const manifest = makeManifest(
    bbox,
    counts,
    {
      id: 'relief',
      title: RELIEF_TITLE,
      status: 'approximation',
      url: 'data/relief.json',
      valuesUrl: 'data/relief.bin',
      source: `Construit par Cavalier à partir des altitudes des puits de mine (${CREDIT})`,
      licence: LICENCE,
      note: { fr: header.note, en: reliefNoteEn(header.samples, rejectedZero, header.expectedError_m) },
      expectedError_m: header.expectedError_m,
      samples: header.samples,
    },
    new Date().toISOString(),
  );

  const report: BuildReport = {
    files,
    counts,
    dropped,
    duplicateTerrils,
    protections: protections.report,
    relief: {
      width: header.width,
      height: header.height,
      expectedError_m: header.expectedError_m,
      samples: header.samples,
      crossValidation: header.crossValidation,
      min: header.min,
      max: header.max,
      shaftsWithCote: withCote,
      rejectedZero,
      ms,
    },
    ...(sites ? { sites } : {}),
  };
  return { manifest, report };
}

/** layers.json, written last so that its presence means a complete build */
export function writeManifest(outDir: string, manifest: LayerManifest): number {
  return writeJson(path.join(outDir, 'layers.json'), manifest);
}
