// The `cavalier` command line: figures and GPX export for a track file, and the per-formula GPX
// export of a saved project (export.ts), without the app.
// User errors print one French sentence and exit 1 (2 for a wrong command line); never a stack.

import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { formatError } from '../i18n/messages';
import { readFileSync } from 'node:fs';
import { readDemFile } from '../core/elevation/read-dem';
import { fail, ok, type GeoError, type Result } from '../core/errors';
import { analyseTrack } from '../core/route/analyse';
import { readTrackItems } from '../core/gpx/read';
import { writeGpx } from '../core/gpx/write';
import { parseXmlWithXmldom } from '../core/gpx/xml';
import type { DemGrid, RouteStats, Track } from '../core/types';
import { runExport } from './export';
import type { CrsCode } from '../core/import/crs';
import { parseFromOption, runImport } from './import';
import { printable } from './printable';
import { readTextFile } from './read-file';
import { parseReviewArgs, REVIEW_USAGE, runReview } from './review';
import { loadRelief, loadTerrils, parseRouteArgs, ROUTE_USAGE, runRoute } from './route';
import { gridLayer } from '../core/elevation/sources';

const USAGE = `Usage :
  cavalier stats FICHIER [--dem GRILLE] [--relief] [--json] [--select tracks|routes|all]
      Distance (géodésique, WGS84), nombre de points et de segments, dénivelé lissé,
      altitudes minimale et maximale, nombre d’itinéraires (rte) du fichier, part de la
      longueur venue de chaque source d’altitude. --dem prend les altitudes dans un MNT (grille
      ESRI ASCII .asc ou GeoTIFF, en WGS84 ou Lambert-93) au lieu de celles du fichier. --relief
      prend celles du relief approché de l’application là où aucune autre source n’en a, et
      signale les terrils dont la montée y manque. --json écrit un objet JSON.
  cavalier gpx FICHIER [--name NOM] [--select tracks|routes|all]
      Réécrit le fichier en GPX 1.1 valide (un segment par segment, heures des points
      gardées) sur la sortie standard.
      --select : ce qui est mesuré ou écrit d’un GPX qui a à la fois des traces (trk) et des
      itinéraires (rte) : tracks (par défaut, avec un avertissement), routes ou all.
  cavalier export PROJET.json --out DOSSIER [--max-points N]
      Écrit un GPX par formule de chaque manifestation d’un projet enregistré, les mêmes
      fichiers que l’export de l’application, nommés d’après la manifestation et la formule.
      --max-points simplifie chaque trace à N points au plus (anciens GPS).
  cavalier import COUCHE [--from EPSG:2154|EPSG:27572|EPSG:4326|EPSG:3857] [--swap-axes]
      Écrit la couche en GeoJSON WGS84 (FeatureCollection) sur la sortie standard, comme
      l’import de l’application : GeoJSON en WGS84, Lambert-93, Lambert II étendu ou Web
      Mercator (projection lue dans le membre crs ou déduite des coordonnées), GPX, KML,
      OpenStreetMap (.osm, réponse Overpass JSON). --from impose la projection d’un GeoJSON,
      --swap-axes échange x et y (fichier écrit latitude avant longitude). Les objets écartés et
      les avertissements vont sur la sortie d’erreur ; si une autre lecture placerait la couche
      dans les Hauts-de-France, l’avertissement la propose.
${REVIEW_USAGE}${ROUTE_USAGE}  cavalier --help
      Affiche cette aide.

FICHIER : trace GPX, KML ou GeoJSON.
`;

class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`cavalier : ${e.message}\n\n${USAGE}`);
      return 2;
    }
    // a bug, not a user error: still no stack unless asked for
    process.stderr.write(`cavalier : erreur interne : ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env.CAVALIER_DEBUG && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
    return 1;
  }
}

async function run(argv: string[]): Promise<number> {
  // `review` reads its own options (--zones takes several files): see review.ts
  if (argv[0] === 'review') return subcommand(argv.slice(1), parseReviewArgs, runReview);
  if (argv[0] === 'route') return subcommand(argv.slice(1), parseRouteArgs, runRoute);
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    throw new UsageError(argumentProblem(e));
  }
  const { values, positionals } = parsed;
  const [command, file, ...extra] = positionals;
  if (values.help || command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (command === undefined) throw new UsageError('indiquez une commande.');
  if ((values.from !== undefined || values['swap-axes']) && command !== 'import')
    throw new UsageError('--from et --swap-axes ne servent qu’à la commande import.');
  if (command === 'import') return importCommand(file, extra, values);
  if (command === 'export') return exportCommand(file, extra, values);
  if (values.out !== undefined || values['max-points'] !== undefined) {
    throw new UsageError('--out et --max-points ne servent qu’à la commande export.');
  }
  if (command !== 'stats' && command !== 'gpx') throw new UsageError(`commande inconnue «\u00a0${command}\u00a0».`);
  if (file === undefined) throw new UsageError(`indiquez le fichier de la trace.`);
  if (extra.length) throw new UsageError(`argument en trop «\u00a0${extra[0]}\u00a0».`);
  if (command === 'gpx' && (values.dem !== undefined || values.json || values.relief)) {
    throw new UsageError('--dem, --relief et --json ne servent qu’à la commande stats.');
  }
  if (command === 'stats' && values.name !== undefined) throw new UsageError('--name ne sert qu’à la commande gpx.');
  const select = values.select ?? 'default';
  if (!isSelection(select)) throw new UsageError(`--select attend tracks, routes ou all, pas «\u00a0${values.select}\u00a0».`);

  const items = loadItems(file);
  if (!items.ok) return userError(items.error);
  const picked = pick(items.value, select);
  if (!picked.ok) return userError(picked.error);
  // the reader's warnings (segments left out, elevations dropped…), as the app shows them
  for (const w of [...items.warnings, ...picked.warnings]) warn(w);
  const chosen = picked.value;
  const routes = items.value.filter((t) => t.kind === 'route').reduce((n, t) => n + t.segments.length, 0);

  if (command === 'gpx') {
    const name = values.name;
    const out = writeGpx(name !== undefined ? chosen.map((t) => ({ ...t, name })) : chosen, { creator: 'Cavalier' });
    for (const w of out.warnings) warn(w);
    process.stdout.write(out.text);
    return 0;
  }

  let dem: DemGrid | undefined;
  if (values.dem !== undefined) {
    const grid = await loadDem(values.dem);
    if (!grid.ok) return userError(grid.error);
    dem = grid.value;
  }
  // the relief approché last, where neither the file (or --dem) nor anything else has a value, as in the app
  const relief = values.relief ? loadRelief() : null;
  if (values.relief && !relief) return userError({ code: 'data.unavailable', detail: { path: 'public/data/relief.json' } });
  const layers = [dem, relief].filter((g): g is DemGrid => !!g).map(gridLayer);
  const stats = analyseTrack(
    chosen.flatMap((t) => t.segments),
    { layers, preferDem: dem !== undefined, terrils: relief ? loadTerrils() : undefined },
  );
  for (const w of stats.warnings) warn(w);
  process.stdout.write(values.json ? `${JSON.stringify(statsJson(stats, routes))}\n` : summary(chosen[0].name, stats, routes));
  return 0;
}

type Selection = 'default' | 'tracks' | 'routes' | 'all';
const isSelection = (v: string): v is Selection => v === 'default' || v === 'tracks' || v === 'routes' || v === 'all';

/**
 * What --select keeps of the file's items (its tracks, then its routes). By default the tracks,
 * and the routes left out are said; a file of routes only gives its routes, as the app does.
 */
function pick(items: Track[], select: Selection): Result<Track[]> {
  const tracks = items.filter((t) => t.kind !== 'route');
  const routes = items.filter((t) => t.kind === 'route');
  const count = (list: Track[]) => list.reduce((n, t) => n + t.segments.length, 0);
  switch (select) {
    case 'all':
      return ok(items);
    case 'tracks':
      return tracks.length ? ok(tracks) : fail('file.no-track');
    case 'routes':
      return routes.length ? ok(routes) : fail('file.no-track');
    default:
      if (!tracks.length) return ok(routes);
      return ok(tracks, routes.length ? [{ code: 'file.routes-left-out', detail: { count: count(routes) } }] : []);
  }
}

function warn(w: GeoError): void {
  process.stderr.write(`cavalier : attention : ${formatError(w, 'fr')}\n`);
}

function exportCommand(file: string | undefined, extra: string[], values: ReturnType<typeof parse>['values']): number {
  if (file === undefined) throw new UsageError('indiquez le fichier du projet.');
  if (extra.length) throw new UsageError(`argument en trop «\u00a0${extra[0]}\u00a0».`);
  if (values.dem !== undefined || values.json || values.name !== undefined) {
    throw new UsageError('--dem, --json et --name ne servent pas à la commande export.');
  }
  if (values.out === undefined) throw new UsageError('indiquez le dossier de sortie avec --out.');
  let maxPoints: number | undefined;
  if (values['max-points'] !== undefined) {
    maxPoints = Number(values['max-points']);
    if (!Number.isInteger(maxPoints) || maxPoints < 2) throw new UsageError('--max-points attend un nombre entier, 2 au moins.');
  }
  return runExport({ project: file, out: values.out, maxPoints });
}

function importCommand(file: string | undefined, extra: string[], values: ReturnType<typeof parse>['values']): number {
  if (file === undefined) throw new UsageError('indiquez le fichier de la couche.');
  if (extra.length) throw new UsageError(`argument en trop «\u00a0${extra[0]}\u00a0».`);
  if (values.dem !== undefined || values.json || values.name !== undefined || values.out !== undefined || values['max-points'] !== undefined) {
    throw new UsageError('seules les options --from et --swap-axes servent à la commande import.');
  }
  let from: CrsCode | undefined;
  if (values.from !== undefined) {
    const parsed = parseFromOption(values.from);
    if (parsed === null)
      throw new UsageError(`projection «\u00a0${values.from}\u00a0» non prise en charge\u00a0: --from attend EPSG:2154, EPSG:27572, EPSG:4326 ou EPSG:3857.`);
    from = parsed;
  }
  return runImport({ file, from, swapAxes: values['swap-axes'] === true });
}

/** A command with its own argument parser (review, route): usage errors, --help, then the run. */
function subcommand<A>(argv: string[], parse: (argv: string[]) => { args: A } | { problem: string } | { help: true }, run: (args: A) => number): number {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    throw new UsageError(argumentProblem(e));
  }
  if ('help' in parsed) {
    process.stdout.write(USAGE);
    return 0;
  }
  if ('problem' in parsed) throw new UsageError(parsed.problem);
  return run(parsed.args);
}

/** parseArgs explains in English; the option it names is quoted in its message. */
function argumentProblem(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const option = /'(-[^' ]*)/.exec(message)?.[1];
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `option inconnue «\u00a0${option}\u00a0».`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) return `valeur manquante ou invalide pour «\u00a0${option}\u00a0».`;
  return `arguments invalides (${message}).`;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean' },
      dem: { type: 'string' },
      relief: { type: 'boolean' },
      name: { type: 'string' },
      out: { type: 'string' },
      'max-points': { type: 'string' },
      from: { type: 'string' },
      select: { type: 'string' },
      'swap-axes': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function loadItems(path: string): Result<Track[]> {
  const text = readTextFile(path);
  if (!text.ok) return text;
  const items = readTrackItems(text.value, basename(path), { parseXml: parseXmlWithXmldom });
  return items.ok ? ok(items.value, [...text.warnings, ...items.warnings]) : items;
}

/** The app's DEM reader: ESRI ASCII grid or GeoTIFF, in WGS84 or Lambert-93 (detected). */
async function loadDem(path: string): Promise<Result<DemGrid>> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return { ok: false, error: { code: 'file.unreadable', detail: { path, reason: (e as NodeJS.ErrnoException).code ?? '' } } };
  }
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return readDemFile(buffer, basename(path), { name: basename(path), approximate: false });
}

function userError(err: GeoError): number {
  process.stderr.write(`cavalier : ${formatError(err, 'fr')}\n`);
  return 1;
}

const round = (x: number, decimals: number): number => {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
};

/** The documented JSON shape of `cavalier stats --json`. */
function statsJson(stats: RouteStats, routes: number) {
  const p = stats.profile;
  return {
    length_m: round(stats.length_m, 2),
    points: stats.points,
    segments: stats.segments,
    routes,
    ascent_m: p ? round(p.ascent, 1) : null,
    descent_m: p ? round(p.descent, 1) : null,
    min_ele_m: p ? round(p.min, 1) : null,
    max_ele_m: p ? round(p.max, 1) : null,
    elevation_source: stats.elevationSource.kind,
    elevation_sources: stats.elevationSources.map((e) => ({ source: e.source, name: e.name, share: round(e.share, 4) })),
    // the relief approché crossed a terril: the climb there is missing, ascent_m is a minimum
    ascent_lower_bound: stats.ascentLowerBound,
    warnings: stats.warnings.map((w) => ({ code: w.code, message: formatError(w, 'fr') })),
  };
}

function summary(name: string, stats: RouteStats, routes: number): string {
  const km = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const m = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
  const plural = (n: number, word: string) => `${m.format(n)} ${word}${n > 1 ? 's' : ''}`;
  const lines = [
    // the name comes from the file: no control characters reach the terminal
    printable(name),
    `Distance\u00a0: ${km.format(stats.length_m / 1000)}\u00a0km (${plural(stats.segments, 'segment')}, ${plural(stats.points, 'point')})`,
  ];
  const p = stats.profile;
  const src = stats.elevationSource;
  if (!p || src.kind === 'none') {
    lines.push('Dénivelé\u00a0: inconnu (aucune altitude)');
  } else {
    const from = src.kind === 'dem' ? `grille «\u00a0${src.name}\u00a0»${src.approximate ? ', approximation' : ''}` : 'altitudes du fichier';
    lines.push(
      `Dénivelé\u00a0: +${m.format(p.ascent)}\u00a0m${stats.ascentLowerBound ? ' au moins' : ''} / −${m.format(p.descent)}\u00a0m (lissé)`,
      `Altitude\u00a0: de ${m.format(p.min)} à ${m.format(p.max)}\u00a0m (${from})`,
    );
    if (stats.elevationSources.length > 1) {
      const pct = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
      const parts = stats.elevationSources.map(
        (e) => `${pct.format(100 * e.share)}\u00a0% ${e.source === 'track' || e.source === 'none' ? e.name : `«\u00a0${printable(e.name)}\u00a0»`}`,
      );
      lines.push(`Sources des altitudes\u00a0: ${parts.join(', ')}`);
    }
  }
  if (routes > 0) lines.push(`Itinéraires (rte) dans le fichier\u00a0: ${m.format(routes)}`);
  return `${lines.join('\n')}\n`;
}
