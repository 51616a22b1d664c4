// npm run data:build   -> builds public/data/ from the official raw files
// npm run data:build -- --osm -> the same, with the OpenStreetMap paths of the basin in the network
//                        (asked of the Overpass API, answers kept in data/.cache/overpass/: data/overpass.ts)
// npm run data:build -- --osm-file FILE -> the same with the ways of a saved Overpass JSON answer
//                        (repeatable; no request: for a machine offline, or an organiser's own extract)
// npm run data:build -- --dem-online -> the same, with the measured DEM over the relief's box from
//                        the Géoplateforme altimetry (dem.json + dem.bin: data/dem-online.ts); both options go together
// npm run data:ensure  -> same with --if-missing: nothing to do when public/data/layers.json is newer than the pipeline

import fs from 'node:fs';
import path from 'node:path';
import type { LayerManifest } from '../src/core/layers.ts';
import { DEFAULT_OUT_DIR, DOWNLOAD_CACHE_DIR, PROJECT_ROOT, hasRawFiles, resolveRawDir } from './io.ts';
import { downloadRaw } from './download.ts';
import { buildLayersWithReport, writeManifest, type BuildReport } from './layers.ts';
import { buildNetworkLayer, networkBox } from './network.ts';
import { fetchOsmPaths, osmFailureText, readOsmFiles, type OsmPaths } from './overpass.ts';
import { buildTilesLayer } from './tiles.ts';
import { fetchBasinDem, writeBasinDem } from './dem-online.ts';
import type { NetworkReport } from '../src/core/graph/build.ts';
import { renderSourcesTable, replaceTable } from './steps/sources-md.ts';

/** the files whose change makes a rebuild necessary */
function pipelineModules(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) out.push(p);
    }
  };
  walk(path.join(PROJECT_ROOT, 'data'));
  // the whole core, not the folders the steps import by name: a change to geo/geodesic.ts
  // changes every edge's length in network.bin, and a stale file then disagrees with the code
  walk(path.join(PROJECT_ROOT, 'src', 'core'));
  return out;
}

/** layers.json present, newer than every pipeline module, and every file it points to present */
function isUpToDate(outDir: string): boolean {
  const manifestPath = path.join(outDir, 'layers.json');
  if (!fs.existsSync(manifestPath)) return false;
  const built = fs.statSync(manifestPath).mtimeMs;
  if (pipelineModules().some((m) => fs.statSync(m).mtimeMs > built)) return false;
  try {
    const m = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as LayerManifest & { relief?: { url: string; valuesUrl: string } };
    const urls = [...m.layers.flatMap((l) => [l.url, l.tiles?.url]), m.relief?.url, m.relief?.valuesUrl].filter((u): u is string => !!u);
    return urls.every((u) => fs.existsSync(path.join(outDir, '..', u)));
  } catch {
    return false;
  }
}

async function rawDirOrDownload(): Promise<string> {
  const rawDir = resolveRawDir();
  if (hasRawFiles(rawDir)) return rawDir;
  if (process.env.CAVALIER_RAW_DIR?.trim()) {
    throw new Error(`CAVALIER_RAW_DIR=${rawDir} ne contient pas les fichiers attendus (unesco-bassin-minier/*.geojson).`);
  }
  console.log(`Données brutes absentes (${rawDir}) : téléchargement des sources officielles…`);
  return downloadRaw(DOWNLOAD_CACHE_DIR);
}

/** regenerates the table of data/SOURCES.md; true when the file changed */
function updateSourcesMd(manifest: LayerManifest, network: NetworkReport): boolean {
  const file = path.join(PROJECT_ROOT, 'data', 'SOURCES.md');
  const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Sources des données\n';
  const after = replaceTable(before, renderSourcesTable(manifest, network));
  if (after === before) return false;
  fs.writeFileSync(file, after);
  return true;
}

const kb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} Mo` : `${Math.round(n / 1024)} ko`);

function summary(report: BuildReport, manifest: LayerManifest, outDir: string, ms: number): string {
  const lines: string[] = [];
  const rel = path.relative(PROJECT_ROOT, outDir) || '.';
  lines.push(`Données construites dans ${rel}/ en ${(ms / 1000).toFixed(1)} s`);
  for (const l of manifest.layers) {
    if (!l.url) continue;
    const file = path.join(outDir, '..', l.url);
    const size = fs.existsSync(file) ? kb(fs.statSync(file).size) : 'ABSENT';
    lines.push(`  ${l.id.padEnd(17)} ${String(l.featureCount ?? '').padStart(5)} objets  ${size.padStart(7)}  ${l.status}`);
  }
  const r = report.relief;
  const bin = report.files.find((f) => f.name === 'relief.bin');
  lines.push(
    `  relief            ${r.width}×${r.height}  ${bin ? kb(bin.bytes) : ''}  ${r.samples} puits (${r.rejectedZero} à 0 m écartés), ` +
      `erreur attendue ± ${r.expectedError_m} m (LOO ${r.crossValidation.leaveOneOut_rmse_m} m, par site ${r.crossValidation.leaveOneSiteOut_rmse_m} m), ${r.ms} ms`,
  );
  for (const [file, idx] of Object.entries(report.dropped)) lines.push(`  ignoré : ${idx.length} objet(s) sans géométrie dans ${file} (n° ${idx.join(', ')})`);
  if (report.duplicateTerrils.length) lines.push(`  terrils présents dans les deux couches : ${report.duplicateTerrils.join(', ')}`);
  for (const p of report.protections) {
    lines.push(
      p.status === 'matched'
        ? `  protection ${p.terril} → ${p.name} (${p.communes})${p.satellites.length ? ` ; non inclus : ${p.satellites.join(', ')}` : ''}`
        : `  protection ${p.terril} NON TROUVÉE : ${p.status} ${p.reason ?? ''}`,
    );
  }
  if (report.sites)
    lines.push(
      `  sites classés     ${report.sites.kept} sur ${report.sites.read} dans l'emprise du bassin, dont ${report.sites.chaineDesTerrils} de la chaîne des terrils (${report.sites.terrils} terrils en tout)` +
        (report.sites.reprojected.length ? ` ; lus en Lambert-93 : ${report.sites.reprojected.join(', ')}` : ''),
    );
  const todo = manifest.layers.filter((l) => l.status === 'to-import').map((l) => l.id);
  lines.push(`  à importer : ${todo.join(', ')}`);
  return lines.join('\n');
}

/**
 * --dem-online: the measured DEM over the relief's box from the Géoplateforme. Offline or
 * refused, a French line and the build goes on; a DEM fetched by an earlier build is kept.
 */
async function demOnline(outDir: string, manifest: LayerManifest): Promise<void> {
  const kept = fs.existsSync(path.join(outDir, 'dem.json')) && fs.existsSync(path.join(outDir, 'dem.bin'));
  const keep = () => {
    if (!kept) return;
    const h = JSON.parse(fs.readFileSync(path.join(outDir, 'dem.json'), 'utf8')) as { name: string; attribution: string };
    manifest.dem = { url: 'data/dem.json', valuesUrl: 'data/dem.bin', name: h.name, source: h.attribution, licence: 'Licence ouverte Etalab 2.0' };
  };
  if (!process.argv.includes('--dem-online')) return keep();
  const head = JSON.parse(fs.readFileSync(path.join(outDir, 'relief.json'), 'utf8')) as { west: number; south: number; east: number; north: number };
  const r = await fetchBasinDem({
    bbox: [head.west, head.south, head.east, head.north],
    url: process.env.CAVALIER_ALTIMETRY_URL,
    onProgress: (done, total) => process.stdout.write(`\r  MNT en ligne      ${Math.round((100 * done) / total)} % (${done} / ${total} points)`),
  });
  process.stdout.write('\n');
  if (!r.ok) {
    console.log(
      `  MNT en ligne      non récupéré : ${r.why}.${kept ? ' Le MNT d’une construction précédente est gardé.' : ' Le relief approché reste la source.'}`,
    );
    return keep();
  }
  manifest.dem = writeBasinDem(outDir, r.grid);
  console.log(`  MNT en ligne      ${r.grid.width}×${r.grid.height} → dem.bin (${r.grid.name})`);
}

/** The basin's OSM paths, with the progress line on one line of a terminal; throws the French message when they cannot be had. */
async function osmPaths(manifest: LayerManifest): Promise<OsmPaths> {
  const tty = process.stdout.isTTY === true;
  let open = false;
  const got = await fetchOsmPaths({
    box: networkBox(manifest),
    progress: (line, done) => {
      if (tty) process.stdout.write(`\r\x1b[2K${line}${done ? '\n' : ''}`);
      else console.log(line);
      open = tty && !done;
    },
  });
  if (open) process.stdout.write('\n');
  if (!got.ok) throw new Error(osmFailureText(got.error));
  return got.value;
}

/** `--osm-file FILE` (repeatable): saved Overpass answers read instead of asking the server. */
function osmFiles(argv: readonly string[]): string[] {
  const files: string[] = [];
  argv.forEach((a, i) => {
    if (a === '--osm-file' && argv[i + 1]) files.push(argv[i + 1]);
    else if (a.startsWith('--osm-file=')) files.push(a.slice('--osm-file='.length));
  });
  return files;
}

function fromFiles(files: readonly string[]): OsmPaths {
  const got = readOsmFiles(files);
  if (!got.ok) throw new Error(osmFailureText(got.error));
  return got.value;
}

async function main(): Promise<void> {
  const files = osmFiles(process.argv);
  const osm = process.argv.includes('--osm') || files.length > 0;
  const demAsked = process.argv.includes('--dem-online');
  // --osm or --dem-online is asked for: the data is rebuilt even when up to date
  const ifMissing = process.argv.includes('--if-missing') && !osm && !demAsked;
  const outDir = DEFAULT_OUT_DIR;
  if (ifMissing && isUpToDate(outDir)) {
    console.log(`Données à jour (${path.relative(PROJECT_ROOT, outDir)}/layers.json) ; « npm run data:build » pour reconstruire.`);
    return;
  }
  const t0 = performance.now();
  const rawDir = await rawDirOrDownload();
  const { manifest, report } = await buildLayersWithReport(rawDir, outDir);
  const paths = files.length > 0 ? fromFiles(files) : osm ? await osmPaths(manifest) : null;
  const network = await buildNetworkLayer(outDir, manifest, rawDir, paths?.fc);
  // after the network: reseau.geojson is one of the big layers
  const tiles = await buildTilesLayer(outDir, manifest);
  await demOnline(outDir, manifest);
  writeManifest(outDir, manifest);
  const sourcesChanged = updateSourcesMd(manifest, network);
  console.log(summary(report, manifest, outDir, performance.now() - t0));
  console.log(
    `  réseau            ${network.edges} arêtes, ${network.nodes} nœuds, ${network.gaps} raccords (${(network.gapLength_m / 1000).toFixed(1)} km), ${network.components} composantes connexes`,
  );
  if (paths)
    console.log(
      `  OSM               ${paths.ways} chemins ${files.length > 0 ? `de ${files.length} fichier(s)` : `de ${paths.cells} cellules (${paths.cached} en cache)`}, ${kb(paths.bytes)} de réponses${paths.timestamp ? `, données OSM du ${paths.timestamp.slice(0, 10)}` : ''}`,
    );
  for (const f of network.sources)
    console.log(
      `    ${f.id.padEnd(15)} ${(f.input_m / 1000).toFixed(0).padStart(5)} km routables lus, ${(f.notBuilt_m / 1000).toFixed(0)} km en projet écartés, ` +
        `${(f.shared_m / 1000).toFixed(0)} km déjà couverts, ${(f.kept_m / 1000).toFixed(0)} km gardés`,
    );
  if (tiles.layers.length)
    console.log(
      `  tuiles            ${tiles.layers.join(', ')} → layers.pmtiles ${kb(tiles.bytes)}, ${tiles.tiles} tuiles (${tiles.contents} contenus distincts), ${tiles.ms} ms`,
    );
  if (sourcesChanged) console.log('  data/SOURCES.md : tableau mis à jour');
}

main().catch((e: unknown) => {
  console.error(`Échec de la construction des données : ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
