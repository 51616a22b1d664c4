// File access of the data pipeline (the only place with fs, with data/build.ts and data/download.ts).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnyCollection } from './steps/geo.ts';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_OUT_DIR = path.join(PROJECT_ROOT, 'public', 'data');
/** where the raw files are downloaded when ../shared/data/raw is absent (git-ignored via node_modules/) */
export const DOWNLOAD_CACHE_DIR = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'cavalier-raw');

/** ../shared/data/raw relative to the project root, or $CAVALIER_RAW_DIR */
export function resolveRawDir(projectRoot = PROJECT_ROOT, env: NodeJS.ProcessEnv = process.env): string {
  const override = env.CAVALIER_RAW_DIR?.trim();
  return override ? path.resolve(override) : path.resolve(projectRoot, '../shared/data/raw');
}

/** sub-folder of the raw dir holding the UNESCO basin files */
export const UNESCO_DIR = 'unesco-bassin-minier';

/** the raw files the pipeline reads, all in raw/unesco-bassin-minier/ */
export const RAW_FILES = [
  'terrils.geojson',
  'zt-terrils.geojson',
  'cavaliers.geojson',
  'zt-cavaliers.geojson',
  'espace-neonaturel.geojson',
  'zt-espaces-neonaturels.geojson',
  'puits-de-mines.geojson',
  'communes-mbm.geojson',
  'bassin-minier.geojson',
] as const;
export type RawFile = (typeof RAW_FILES)[number];

export const rawPath = (rawDir: string, file: RawFile): string => path.join(rawDir, UNESCO_DIR, file);

export function hasRawFiles(rawDir: string): boolean {
  return RAW_FILES.every((f) => fs.existsSync(rawPath(rawDir, f)));
}

export function readCollection(rawDir: string, file: RawFile): AnyCollection {
  const p = rawPath(rawDir, file);
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(p, 'utf8'));
  } catch (e) {
    throw new Error(`Lecture impossible de ${p} : ${(e as Error).message}`);
  }
  const fc = data as Partial<AnyCollection>;
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new Error(`${p} n'est pas une FeatureCollection GeoJSON`);
  }
  return fc as AnyCollection;
}

/** compact JSON, written atomically (temporary file then rename) */
export function writeJson(file: string, data: unknown): number {
  return writeBytes(file, Buffer.from(JSON.stringify(data)));
}

export function writeBytes(file: string, bytes: Uint8Array): number {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, file);
  return bytes.byteLength;
}

/** A raw file outside the UNESCO folder (path relative to the raw dir), or null when absent (a downloaded raw folder has only the UNESCO files). */
export function readOptionalCollection(rawDir: string, relPath: string): AnyCollection | null {
  const p = path.join(rawDir, relPath);
  if (!fs.existsSync(p)) return null;
  const fc = JSON.parse(fs.readFileSync(p, 'utf8')) as Partial<AnyCollection>;
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new Error(`${p} n'est pas une FeatureCollection GeoJSON`);
  return fc as AnyCollection;
}
