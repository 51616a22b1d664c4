// The `cavalier` command line: figures and GPX export for a track file, without the app.
// User errors print one French sentence and exit 1 (2 for a wrong command line); never a stack.

import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { formatError } from '../app/messages';
import { parseAsciiGrid } from '../core/elevation/asc';
import type { GeoError, Result } from '../core/errors';
import { analyseTrack } from '../core/route/analyse';
import { readTrackFile } from '../core/gpx/read';
import { writeGpx } from '../core/gpx/write';
import { parseXmlWithXmldom } from '../core/gpx/xml';
import type { DemGrid, RouteStats, Track } from '../core/types';
import { readTextFile } from './read-file';

const USAGE = `Usage :
  cavalier stats FICHIER [--dem GRILLE.asc] [--json]
      Distance (géodésique, WGS84), nombre de points et de segments, dénivelé lissé,
      altitudes minimale et maximale. --dem prend les altitudes dans une grille ESRI ASCII
      en degrés WGS84 au lieu de celles du fichier. --json écrit un objet JSON.
  cavalier gpx FICHIER [--name NOM]
      Réécrit la trace en GPX 1.1 (une trace, un segment par segment) sur la sortie standard.
  cavalier --help
      Affiche cette aide.

FICHIER : trace GPX, KML ou GeoJSON.
`;

class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  try {
    return run(argv);
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

function run(argv: string[]): number {
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
  if (command !== 'stats' && command !== 'gpx') throw new UsageError(`commande inconnue «\u00a0${command}\u00a0».`);
  if (file === undefined) throw new UsageError(`indiquez le fichier de la trace.`);
  if (extra.length) throw new UsageError(`argument en trop «\u00a0${extra[0]}\u00a0».`);
  if (command === 'gpx' && (values.dem !== undefined || values.json)) {
    throw new UsageError('--dem et --json ne servent qu’à la commande stats.');
  }
  if (command === 'stats' && values.name !== undefined) throw new UsageError('--name ne sert qu’à la commande gpx.');

  const track = loadTrack(file);
  if (!track.ok) return userError(track.error);

  if (command === 'gpx') {
    const named: Track = values.name !== undefined ? { ...track.value, name: values.name } : track.value;
    process.stdout.write(writeGpx(named, { creator: 'Cavalier' }));
    return 0;
  }

  let dem: DemGrid | undefined;
  if (values.dem !== undefined) {
    const grid = loadDem(values.dem);
    if (!grid.ok) return userError(grid.error);
    dem = grid.value;
  }
  const stats = analyseTrack(track.value.segments, { dem, preferDem: true });
  for (const w of stats.warnings) process.stderr.write(`cavalier : attention : ${formatError(w, 'fr')}\n`);
  process.stdout.write(values.json ? `${JSON.stringify(statsJson(stats))}\n` : summary(track.value.name, stats));
  return 0;
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
      name: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function loadTrack(path: string): Result<Track> {
  const text = readTextFile(path);
  if (!text.ok) return text;
  return readTrackFile(text.value, basename(path), { parseXml: parseXmlWithXmldom });
}

function loadDem(path: string): Result<DemGrid> {
  const text = readTextFile(path);
  if (!text.ok) return text;
  return parseAsciiGrid(text.value, { name: basename(path), approximate: false });
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
function statsJson(stats: RouteStats) {
  const p = stats.profile;
  return {
    length_m: round(stats.length_m, 2),
    points: stats.points,
    segments: stats.segments,
    ascent_m: p ? round(p.ascent, 1) : null,
    descent_m: p ? round(p.descent, 1) : null,
    min_ele_m: p ? round(p.min, 1) : null,
    max_ele_m: p ? round(p.max, 1) : null,
    elevation_source: stats.elevationSource.kind,
  };
}

function summary(name: string, stats: RouteStats): string {
  const km = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const m = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
  const plural = (n: number, word: string) => `${m.format(n)} ${word}${n > 1 ? 's' : ''}`;
  const lines = [
    name,
    `Distance\u00a0: ${km.format(stats.length_m / 1000)}\u00a0km (${plural(stats.segments, 'segment')}, ${plural(stats.points, 'point')})`,
  ];
  const p = stats.profile;
  const src = stats.elevationSource;
  if (!p || src.kind === 'none') {
    lines.push('Dénivelé\u00a0: inconnu (aucune altitude)');
  } else {
    const from =
      src.kind === 'dem' ? `grille «\u00a0${src.name}\u00a0»${src.approximate ? ', approximation' : ''}` : 'altitudes du fichier';
    lines.push(
      `Dénivelé\u00a0: +${m.format(p.ascent)}\u00a0m / −${m.format(p.descent)}\u00a0m (lissé)`,
      `Altitude\u00a0: de ${m.format(p.min)} à ${m.format(p.max)}\u00a0m (${from})`,
    );
  }
  return `${lines.join('\n')}\n`;
}
