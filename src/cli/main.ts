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
import type { DemGrid, ElevationShare, RouteStats, Track } from '../core/types';
import { unnamedSource } from '../i18n/elevation';
import { runExport } from './export';
import type { CrsCode } from '../core/import/crs';
import { parseFromOption, runImport } from './import';
import { printable } from './printable';
import { readTextFile } from './read-file';
import { parseReviewArgs, reviewUsage, runReview } from './review';
import { loadRelief, loadTerrils, parseRouteArgs, runRoute } from './route';
import { lang, text } from './lang';
import { gridLayer } from '../core/elevation/sources';

const usage = () => text.t('cli.usage', { review: reviewUsage(), route: text.t('cli.usage.route') });

class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${text.t('cli.prefix', { message: e.message })}\n\n${usage()}`);
      return 2;
    }
    // a bug, not a user error: still no stack unless asked for
    process.stderr.write(`${text.t('cli.internal', { message: e instanceof Error ? e.message : String(e) })}\n`);
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
    process.stdout.write(usage());
    return 0;
  }
  if (command === undefined) throw new UsageError(text.t('cli.arg.needCommand'));
  if ((values.from !== undefined || values['swap-axes']) && command !== 'import') throw new UsageError(text.t('cli.arg.importOnly'));
  if (command === 'import') return importCommand(file, extra, values);
  if (command === 'export') return exportCommand(file, extra, values);
  if (values.out !== undefined || values['max-points'] !== undefined) {
    throw new UsageError(text.t('cli.arg.exportOnly'));
  }
  if (command !== 'stats' && command !== 'gpx') throw new UsageError(text.t('cli.arg.unknownCommand', { command }));
  if (file === undefined) throw new UsageError(text.t('cli.arg.needTrack'));
  if (extra.length) throw new UsageError(text.t('cli.arg.extra', { arg: extra[0] }));
  if (command === 'gpx' && (values.dem !== undefined || values.json || values.relief)) {
    throw new UsageError(text.t('cli.arg.statsOnly'));
  }
  if (command === 'stats' && values.name !== undefined) throw new UsageError(text.t('cli.arg.gpxOnly'));
  const select = values.select ?? 'default';
  if (!isSelection(select)) throw new UsageError(text.t('cli.arg.select', { value: String(values.select) }));

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
  process.stderr.write(`${text.t('cli.warning', { message: formatError(w, lang) })}\n`);
}

function exportCommand(file: string | undefined, extra: string[], values: ReturnType<typeof parse>['values']): number {
  if (file === undefined) throw new UsageError(text.t('cli.arg.needProject'));
  if (extra.length) throw new UsageError(text.t('cli.arg.extra', { arg: extra[0] }));
  if (values.dem !== undefined || values.json || values.name !== undefined) {
    throw new UsageError(text.t('cli.arg.notForExport'));
  }
  if (values.out === undefined) throw new UsageError(text.t('cli.arg.needOut'));
  let maxPoints: number | undefined;
  if (values['max-points'] !== undefined) {
    maxPoints = Number(values['max-points']);
    if (!Number.isInteger(maxPoints) || maxPoints < 2) throw new UsageError(text.t('cli.arg.maxPoints'));
  }
  return runExport({ project: file, out: values.out, maxPoints });
}

function importCommand(file: string | undefined, extra: string[], values: ReturnType<typeof parse>['values']): number {
  if (file === undefined) throw new UsageError(text.t('cli.arg.needLayer'));
  if (extra.length) throw new UsageError(text.t('cli.arg.extra', { arg: extra[0] }));
  if (values.dem !== undefined || values.json || values.name !== undefined || values.out !== undefined || values['max-points'] !== undefined) {
    throw new UsageError(text.t('cli.arg.importOptions'));
  }
  let from: CrsCode | undefined;
  if (values.from !== undefined) {
    const parsed = parseFromOption(values.from);
    if (parsed === null) throw new UsageError(text.t('cli.arg.from', { value: values.from }));
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
    process.stdout.write(usage());
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
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return text.t('cli.arg.unknownOption', { option });
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) return text.t('cli.arg.badValue', { option });
  return text.t('cli.arg.invalid', { message });
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

/** a share's layer name, or the words for the file's own elevations and for none */
const nameOf = (e: ElevationShare) => (e.source === 'track' || e.source === 'none' ? unnamedSource(e.source, lang) : e.name);

function userError(err: GeoError): number {
  process.stderr.write(`${text.t('cli.prefix', { message: formatError(err, lang) })}\n`);
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
    elevation_sources: stats.elevationSources.map((e) => ({ source: e.source, name: nameOf(e), share: round(e.share, 4) })),
    // the relief approché crossed a terril: the climb there is missing, ascent_m is a minimum
    ascent_lower_bound: stats.ascentLowerBound,
    warnings: stats.warnings.map((w) => ({ code: w.code, message: formatError(w, lang) })),
  };
}

function summary(name: string, stats: RouteStats, routes: number): string {
  const { t, num, count } = text;
  const lines = [
    // the name comes from the file: no control characters reach the terminal
    printable(name),
    t('cli.stats.distance', {
      km: num(stats.length_m / 1000, 2),
      segments: count('cli.stats.segment', stats.segments),
      points: count('cli.stats.point', stats.points),
    }),
  ];
  const p = stats.profile;
  const src = stats.elevationSource;
  if (!p || src.kind === 'none') {
    lines.push(t('cli.stats.noElevation'));
  } else {
    const from = src.kind === 'dem' ? t(src.approximate ? 'cli.stats.fromDemApprox' : 'cli.stats.fromDem', { name: src.name }) : t('cli.stats.fromTrack');
    lines.push(
      t('cli.stats.ascent', { up: num(p.ascent), down: num(p.descent), atLeast: stats.ascentLowerBound ? t('cli.stats.atLeast') : '' }),
      t('cli.stats.range', { min: num(p.min), max: num(p.max), from }),
    );
    if (stats.elevationSources.length > 1) {
      const parts = stats.elevationSources.map((e) =>
        e.source === 'track' || e.source === 'none'
          ? t('cli.stats.share', { pct: num(100 * e.share), name: nameOf(e) })
          : t('cli.stats.shareNamed', { pct: num(100 * e.share), name: printable(e.name) }),
      );
      lines.push(t('cli.stats.sources', { list: parts.join(', ') }));
    }
  }
  if (routes > 0) lines.push(t('cli.stats.routes', { n: num(routes) }));
  return `${lines.join('\n')}\n`;
}
