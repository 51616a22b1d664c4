// `npm run data:build -- --osm`: the OpenStreetMap paths of the basin, asked of the Overpass API
// one cell after another, through the one HTTP adapter (src/adapters/http.ts), each answer kept
// in data/.cache/overpass/ (git-ignored) so that a second build, or one after a failure, asks
// only for what it lacks. The query, the check of the answer and the choice of ways are the
// core's (src/core/import/overpass.ts); reading the ways is osm-json.ts's, as for an import.
//
// Overpass's usage policy (https://dev.overpass-api.de/overpass-doc/en/preface/commons.html):
// one request at a time (maxConcurrent 1, and the cells are asked in turn), a timeout the server
// enforces (`[timeout:…]`) and one of ours a little longer, a memory bound (`[maxsize:…]`), an
// answer 429 waited out as the server says (Retry-After) at most twice, and a User-Agent naming
// the app (node may set it; the browser may not, see workers/osm-engine.ts).

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { httpRequest } from '../src/adapters/http.ts';
import type { GeoError, Result } from '../src/core/errors.ts';
import { fail, ok } from '../src/core/errors.ts';
import type { Bbox } from '../src/core/geo/bbox.ts';
import { featuresFromOverpass } from '../src/core/import/osm-json.ts';
import {
  OVERPASS_API_URL,
  overpassCells,
  overpassPathsQuery,
  overpassRequestBody,
  readOverpassAnswer,
  usablePathElements,
} from '../src/core/import/overpass.ts';
import { PROJECT_ROOT } from './io.ts';

const OVERPASS_CACHE_DIR = path.join(PROJECT_ROOT, 'data', '.cache', 'overpass');

/** a cell of 0.2° is about 14 × 22 km in the basin: a few tens of megabytes of answer, well within the server's limits */
const OSM_CELL_DEG = 0.2;
/** the server's limit per cell (s); ours is a little longer, so that the server's own error comes first */
const OSM_TIMEOUT_S = 180;
const OSM_MAXSIZE_BYTES = 512 * 1024 * 1024;
const RATE_LIMIT_WAIT_MAX_S = 120;

const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
export const PIPELINE_USER_AGENT = `Cavalier/${pkg.version} (planificateur de parcours du Bassin Minier; npm run data:build -- --osm)`;

export interface FetchOsmOptions {
  box: Bbox;
  /** the interpreter's address: $CAVALIER_OVERPASS_URL, else the public instance */
  url?: string;
  cacheDir?: string;
  cell_deg?: number;
  timeout_s?: number;
  /** our own limit per request (ms); timeout_s + 30 s by default */
  timeoutMs?: number;
  /** answers 429 waited out and asked again (default 2) */
  rateLimitRetries?: number;
  /** the progress line, rewritten as cells come (`done`: the last one) */
  progress?: (line: string, done: boolean) => void;
}

export interface OsmPaths {
  fc: FeatureCollection;
  cells: number;
  /** cells read from the cache rather than asked */
  cached: number;
  /** bytes of the answers, cached or not */
  bytes: number;
  ways: number;
  /** the data's date (osm3s.timestamp_osm_base of the first answer) */
  timestamp?: string;
}

const overpassUrl = (env: NodeJS.ProcessEnv = process.env): string => env.CAVALIER_OVERPASS_URL?.trim() || OVERPASS_API_URL;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mo = (n: number) => `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} Mo`;
const int = (n: number) => n.toLocaleString('fr-FR').replace(/\u202f|\u00a0/g, ' ');

/** The paths of the box, cell after cell; the first failure stops (the cells already kept stay in the cache). */
export async function fetchOsmPaths(opts: FetchOsmOptions): Promise<Result<OsmPaths>> {
  const url = opts.url ?? overpassUrl();
  const cacheDir = opts.cacheDir ?? OVERPASS_CACHE_DIR;
  const timeout_s = opts.timeout_s ?? OSM_TIMEOUT_S;
  const retries = opts.rateLimitRetries ?? 2;
  const timeoutMs = opts.timeoutMs ?? (timeout_s + 30) * 1000;
  const cells = overpassCells(opts.box, opts.cell_deg ?? OSM_CELL_DEG);
  const progress = opts.progress ?? (() => {});
  fs.mkdirSync(cacheDir, { recursive: true });

  const seen = new Set<number | string>();
  const features: Feature[] = [];
  let cached = 0;
  let bytes = 0;
  let timestamp: string | undefined;
  for (let i = 0; i < cells.length; i++) {
    const query = overpassPathsQuery(cells[i], { timeout_s, maxsize_bytes: OSM_MAXSIZE_BYTES });
    // the address is part of the key: a test stub's answers are never taken for the real server's
    const file = path.join(cacheDir, `${createHash('sha256').update(`${url}\n${query}`).digest('hex').slice(0, 24)}.json`);
    const line = (what: string) =>
      `  OSM : cellule ${i + 1}/${cells.length} ${what} — ${int(features.length)} chemins, ${mo(bytes)}${cached ? ` (${cached} en cache)` : ''}`;
    let text: string;
    if (fs.existsSync(file)) {
      text = fs.readFileSync(file, 'utf8');
      cached++;
    } else {
      progress(line('demandée à Overpass…'), false);
      const got = await ask(url, query, timeoutMs, retries, (s) => progress(line(`: Overpass limite les demandes, nouvel essai dans ${s} s…`), false));
      if (!got.ok) return fail(got.error.code, { ...got.error.detail, cell: i + 1, cells: cells.length });
      text = got.value;
    }
    const answer = readOverpassAnswer(text);
    if (!answer.ok) {
      // a cached file that no longer reads is asked again at the next build
      fs.rmSync(file, { force: true });
      return fail(answer.error.code, { ...answer.error.detail, cell: i + 1, cells: cells.length });
    }
    if (!fs.existsSync(file)) {
      fs.writeFileSync(`${file}.tmp`, text);
      fs.renameSync(`${file}.tmp`, file);
    }
    bytes += text.length;
    timestamp ??= answer.value.timestamp;
    for (const f of featuresFromOverpass(usablePathElements(answer.value, seen)).features) features.push(f);
    progress(line('lue'), i === cells.length - 1);
  }
  return ok({ fc: { type: 'FeatureCollection', features }, cells: cells.length, cached, bytes, ways: features.length, ...(timestamp ? { timestamp } : {}) });
}

/**
 * `npm run data:build -- --osm-file FILE`: the paths of an Overpass JSON answer saved by hand
 * (overpass-turbo's *Export → données brutes*, `out geom` or `out body; >; out skel qt;`), for a
 * machine that cannot reach Overpass, or an organiser's own extract. The same choice of ways as
 * the cells asked online (osmPathUsable); a file that is not such an answer stops the build with
 * the reason, public/data/ untouched.
 */
export function readOsmFiles(files: readonly string[]): Result<OsmPaths> {
  const seen = new Set<number | string>();
  const features: Feature[] = [];
  let bytes = 0;
  let timestamp: string | undefined;
  for (const file of files) {
    const got = readOsmFile(file, seen);
    if (!got.ok) return got;
    for (const f of got.value.fc.features) features.push(f);
    bytes += got.value.bytes;
    timestamp ??= got.value.timestamp;
  }
  return ok({ fc: { type: 'FeatureCollection', features }, cells: 0, cached: 0, bytes, ways: features.length, ...(timestamp ? { timestamp } : {}) });
}

/** One saved answer; `seen` keeps a way found in an earlier file (overlapping extracts) from coming twice. */
function readOsmFile(file: string, seen: Set<number | string>): Result<OsmPaths> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return fail('file.unreadable', { file, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
  const answer = readOverpassAnswer(text);
  if (!answer.ok) return fail(answer.error.code, { ...answer.error.detail, file });
  // the nodes stay: an `out body` answer gives the ways' positions through them
  const nodes = answer.value.elements.filter((e) => (e as { type?: unknown } | null)?.type === 'node');
  const usable = usablePathElements(answer.value).elements;
  if (usable.length === 0) return fail('overpass.no-paths', { file });
  const ways = usable.filter((el) => {
    const id = (el as { id?: unknown }).id;
    if (typeof id !== 'number' && typeof id !== 'string') return true;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const { features } = featuresFromOverpass({ elements: [...nodes, ...ways] });
  return ok({
    fc: { type: 'FeatureCollection', features },
    cells: 0,
    cached: 0,
    bytes: text.length,
    ways: features.length,
    ...(answer.value.timestamp ? { timestamp: answer.value.timestamp } : {}),
  });
}

async function ask(url: string, query: string, timeoutMs: number, retries: number, waiting: (s: number) => void): Promise<Result<string>> {
  for (let attempt = 0; ; attempt++) {
    const r = await httpRequest(url, {
      as: 'text',
      method: 'POST',
      body: overpassRequestBody(query),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': PIPELINE_USER_AGENT },
      timeoutMs,
      maxConcurrent: 1,
    });
    if (r.ok || r.error.code !== 'http.rate-limited' || attempt >= retries) return r;
    const wait = Math.min(RATE_LIMIT_WAIT_MAX_S, Number(r.error.detail?.retry_after_s ?? 30));
    waiting(wait);
    await sleep(wait * 1000);
  }
}

/** What the build prints when the paths could not be had, in French, with what to do next. */
export function osmFailureText(e: GeoError, cacheDir = OVERPASS_CACHE_DIR): string {
  const d = e.detail ?? {};
  const host = d.host || 'le service Overpass';
  const where = d.cell !== undefined ? ` (cellule ${d.cell}/${d.cells})` : '';
  const why: Record<string, string> = {
    'http.offline': `impossible de joindre ${host} : cette machine est hors ligne, ou le serveur est injoignable`,
    'http.timeout': `${host} n’a pas répondu à temps (plus de ${d.timeout_s} s) : il est surchargé`,
    'http.rate-limited': `${host} limite le nombre de demandes (HTTP 429)${d.retry_after_s !== undefined ? `, réessayez dans ${d.retry_after_s} s` : ', réessayez plus tard'}`,
    'http.truncated': `la réponse de ${host} a été coupée pendant le transfert`,
    'http.status': `${host} a répondu par une erreur (HTTP ${d.status})`,
    'http.bad-url': `adresse du service invalide : « ${d.url} » (variable CAVALIER_OVERPASS_URL)`,
    'overpass.incomplete': 'la réponse d’Overpass est incomplète (coupée avant la fin)',
    'overpass.bad-answer': 'la réponse reçue n’est pas une réponse d’Overpass (l’adresse du service est-elle la bonne ?)',
    'overpass.runtime-error': `Overpass a interrompu la demande : « ${d.remark} »`,
  };
  if (d.file !== undefined) {
    const fileWhy: Record<string, string> = {
      'file.unreadable': `le fichier ne se lit pas (${d.reason})`,
      'overpass.no-paths': 'il ne contient aucun chemin, piste ou petite route utilisable',
      'overpass.incomplete': 'ce n’est pas une réponse Overpass complète (coupée avant la fin)',
      'overpass.bad-answer': 'ce n’est pas une réponse Overpass au format JSON ([out:json], « out geom » ou « out body; >; out skel qt; »)',
    };
    return `Chemins OpenStreetMap de « ${d.file} » non lus : ${fileWhy[e.code] ?? why[e.code] ?? e.code}. Le réseau de public/data/ n’a pas été modifié.`;
  }
  const offline = e.code === 'http.offline';
  return (
    `Chemins OpenStreetMap non téléchargés${where} : ${why[e.code] ?? e.code}. ` +
    `Le réseau de public/data/ n’a pas été modifié. ` +
    (offline
      ? 'Relancez « npm run data:build -- --osm » une fois connecté ; « npm run data:build » construit le réseau sans eux. '
      : 'Relancez « npm run data:build -- --osm » plus tard. ') +
    `Les cellules déjà reçues sont gardées dans ${path.relative(PROJECT_ROOT, cacheDir) || cacheDir}/ et ne seront pas redemandées.`
  );
}
