// Fallback when ../shared/data/raw is absent: the same official files, from the repository that republishes them.

import fs from 'node:fs';
import path from 'node:path';
import { RAW_FILES, UNESCO_DIR, rawPath } from './io.ts';

const SOURCE_REPO = 'rlespinasse/bassin-minier-unesco';
const SOURCE_COMMIT = 'db8dc78f80043a443d3b902390e281d82efb4be5';
const SOURCE_BASE = `https://raw.githubusercontent.com/${SOURCE_REPO}/${SOURCE_COMMIT}/site/public/data/`;

/** Downloads the raw files missing from cacheDir/unesco-bassin-minier/ and returns cacheDir (a raw dir). */
export async function downloadRaw(cacheDir: string, log: (msg: string) => void = console.log): Promise<string> {
  fs.mkdirSync(path.join(cacheDir, UNESCO_DIR), { recursive: true });
  for (const file of RAW_FILES) {
    const dest = rawPath(cacheDir, file);
    if (fs.existsSync(dest)) continue;
    const url = SOURCE_BASE + file;
    log(`téléchargement de ${url}`);
    let text: string;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(60_000) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      text = await res.text();
      JSON.parse(text);
    } catch (e) {
      throw new Error(
        `Téléchargement impossible de ${url} (${(e as Error).message}). ` +
          `Les données brutes du Bassin minier ne sont pas sur cette machine et le téléchargement a échoué : êtes-vous hors ligne ? ` +
          `Placez les fichiers dans ../shared/data/raw (à côté du projet) ou indiquez leur dossier dans la variable CAVALIER_RAW_DIR, puis relancez « npm run data:build ».`,
      );
    }
    fs.writeFileSync(`${dest}.tmp`, text);
    fs.renameSync(`${dest}.tmp`, dest);
  }
  return cacheDir;
}
