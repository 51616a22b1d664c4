// `cavalier review`: a track against the sensitive zones, for environmental officers reviewing
// batches of submitted files. The zones are the embedded layers (public/data: known protections,
// TVB reservoirs, TVB corridors) or, with --zones, the given layer files instead, in any format
// the app imports (zipped shapefile, GeoJSON in WGS84 / Lambert-93 / Lambert II étendu / Web
// Mercator, KML and KMZ areas, GPX lines as corridors), read by the same core functions as the
// app's layer engine (src/core/import/layer-file.ts). The zones' code, name and type come from
// the official convention the layer follows (src/core/review/zone-fields.ts), else from
// --name-field / --code-field, else from the attributes Cavalier proposes (said on stderr).
//
// Output: a French table; or with --json one object whose documented fields (route_length_m,
// crossings[].zone/kind/length_m/passes[].from_km/to_km/length_m, near[].zone/kind/distance_m)
// never change name (fields are only ever added). Zone problems go to stderr, so stdout stays
// pure JSON for scripts.
//
// --csv writes the table of crossings and near zones for a spreadsheet (French Excel: BOM, ";",
// decimal commas), built by src/core/review/csv.ts reviewCsv, the same function and inputs as the
// app's CSV download: the same zones and settings give the same bytes.
// --embedded reviews the embedded layers as well as the --zones files, choosing them as the app
// does (src/core/review/selection.ts: an approximate layer leaves for a group a file covers);
// --no-approximations leaves every approximate layer out.
// --geojson writes each pass as a LineString (a MultiLineString when it spans the jump between
// two track segments), to open over the route in QGIS or geojson.io.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatError } from '../i18n/messages';
import { fail, ok, type GeoError, type Result } from '../core/errors';
import { readTrackFile } from '../core/gpx/read';
import { parseXmlWithXmldom } from '../core/gpx/xml';
import type { LayerManifest } from '../core/layers';
import { DEFAULT_BUFFER_M, DEFAULT_CORRIDOR_M, passLines, prepareZones, zonesFromGeoJson, type RouteReview, type ZoneInput } from '../core/review';
import { reviewCsv } from '../core/review/csv';
import { reviewAcrossLayers } from '../core/review/multi-layer';
import { groupsOfZones, selectLayers, type SelectableLayer } from '../core/review/selection';
import { EMBEDDED_SENSITIVE_LAYERS as EMBEDDED } from '../core/review/embedded';
import { importLayerFile } from '../core/import/layer-file';
import { proposeZoneFields, type ZoneFields } from '../core/review/zone-fields';
import type { Track } from '../core/types';
import { readBytesFile, readTextFile } from './read-file';
import { lang, text } from './lang';
import { systemReason } from '../i18n/cli';

export const reviewUsage = () => text.t('cli.usage.review');

export interface ReviewArgs {
  route: string;
  zones: string[];
  buffer_m: number;
  corridor_m: number;
  json: boolean;
  /** with --zones: the embedded layers too, chosen as the app chooses them */
  embedded: boolean;
  /** every approximate layer left out */
  noApproximations: boolean;
  csv?: string;
  geojson?: string;
  /** the attributes giving the zones' name and code in every --zones file */
  nameField?: string;
  codeField?: string;
}

/**
 * Reads the command line after `review`; throws parseArgs's errors, returns other problems as
 * French text. `--zones` takes every following argument up to the next option, so that
 * `--zones *.geojson` works from a shell; the route goes before it (`review r.gpx --zones a b`),
 * and when it was put last (`review --zones a b r.gpx`) the last file is taken as the route.
 */
export function parseReviewArgs(argv: string[]): { args: ReviewArgs } | { problem: string } | { help: true } {
  const zones: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--zones=')) zones.push(a.slice('--zones='.length));
    else if (a === '--zones') {
      const before = zones.length;
      while (i + 1 < argv.length && !argv[i + 1].startsWith('-')) zones.push(argv[++i]);
      if (zones.length === before) return { problem: text.t('cli.review.zonesValue') };
    } else rest.push(a);
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    strict: true,
    options: {
      buffer: { type: 'string' },
      corridor: { type: 'string' },
      json: { type: 'boolean' },
      embedded: { type: 'boolean' },
      'no-approximations': { type: 'boolean' },
      csv: { type: 'string' },
      geojson: { type: 'string' },
      'name-field': { type: 'string' },
      'code-field': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { help: true };
  const [first, ...extra] = positionals;
  let route: string | undefined = first;
  if (route === undefined && zones.length >= 2) route = zones.pop();
  if (route === undefined) return { problem: text.t('cli.arg.needTrack') };
  const routeFile: string = route;
  if (extra.length) return { problem: text.t('cli.arg.extra', { arg: extra[0] }) };
  const metres = (v: string | undefined, fallback: number, option: string): number | string => {
    if (v === undefined) return fallback;
    const n = Number(v.replace(',', '.'));
    return v.trim() !== '' && Number.isFinite(n) && n >= 0 ? n : text.t('cli.review.metres', { option, value: v });
  };
  const buffer_m = metres(values.buffer, DEFAULT_BUFFER_M, '--buffer');
  if (typeof buffer_m === 'string') return { problem: buffer_m };
  const corridor_m = metres(values.corridor, DEFAULT_CORRIDOR_M, '--corridor');
  if (typeof corridor_m === 'string') return { problem: corridor_m };
  const nameField = values['name-field'];
  const codeField = values['code-field'];
  if ((nameField !== undefined || codeField !== undefined) && zones.length === 0) return { problem: text.t('cli.review.fieldsNeedZones') };
  return {
    args: {
      route: routeFile,
      zones,
      buffer_m,
      corridor_m,
      json: values.json ?? false,
      embedded: values.embedded ?? false,
      noApproximations: values['no-approximations'] ?? false,
      csv: values.csv,
      geojson: values.geojson,
      ...(nameField !== undefined ? { nameField } : {}),
      ...(codeField !== undefined ? { codeField } : {}),
    },
  };
}

/** public/data of the project; CAVALIER_DATA_DIR points elsewhere (tests of a missing folder). */
const dataDir = () => process.env.CAVALIER_DATA_DIR || fileURLToPath(new URL('../../public/data/', import.meta.url));

export function runReview(args: ReviewArgs): number {
  const track = loadTrack(args.route);
  if (!track.ok) return userError(track.error);

  const chosen: ZoneFields = { ...(args.nameField ? { name: args.nameField } : {}), ...(args.codeField ? { code: args.codeField } : {}) };
  const files = args.zones.length ? loadZoneFiles(args.zones, chosen) : null;
  if (files && !files.ok) return userError(files.error);
  const embedded = !files || args.embedded ? loadEmbedded() : null;
  if (embedded && !embedded.ok) return userError(embedded.error);
  const loaded = [...(embedded?.ok ? embedded.value : []), ...(files?.ok ? files.value : [])];
  // the layers the review uses, chosen as the app chooses them
  const switches = args.noApproximations ? Object.fromEntries(loaded.filter((l) => l.approximate).map((l) => [l.id, false])) : {};
  const selection = selectLayers(loaded, switches);
  const layers = loaded.filter((_, k) => selection[k].reviewed);
  // one preparation per layer, merged by the same core function as the app's review
  const prepared = layers.map((l) => ({ id: l.id, title: l.title, prepared: prepareZones(l.zones) }));
  const warnings = [...(embedded?.warnings ?? []), ...(files?.warnings ?? []), ...prepared.flatMap((p) => p.prepared.issues)];
  for (const w of warnings) process.stderr.write(`${text.t('cli.warning', { message: formatError(w, lang) })}\n`);

  const options = { buffer_m: args.buffer_m, corridor_m: args.corridor_m };
  const review = reviewAcrossLayers(
    track.value.segments,
    prepared.map((p) => p.prepared),
    options,
  );
  if (args.csv !== undefined && !write(args.csv, reviewCsv(track.value.segments, prepared, options))) return 1;
  if (args.geojson !== undefined && !write(args.geojson, `${JSON.stringify(passesGeoJson(review, track.value))}\n`)) return 1;
  process.stdout.write(
    args.json
      ? `${JSON.stringify(reviewJson(review, warnings))}\n`
      : table(
          track.value.name,
          review,
          layers.map((l) => l.source),
          loaded.flatMap((l, k) => {
            const c = selection[k];
            if (c.reviewed) return [];
            const by = c.replacedBy.map((id) => loaded.find((x) => x.id === id)?.source ?? id);
            return [
              c.choice === 'replaced'
                ? text.t('cli.review.replaced', { layer: l.source, by: by.join(', ') })
                : text.t('cli.review.switchedOff', { layer: l.source }),
            ];
          }),
        ),
  );
  return 0;
}

function loadTrack(path: string): Result<Track> {
  const text = readTextFile(path);
  if (!text.ok) return text;
  return readTrackFile(text.value, basename(path), { parseXml: parseXmlWithXmldom });
}

/** A layer as read, with what the choice of layers needs (src/core/review/selection.ts). */
interface LoadedLayer extends SelectableLayer {
  title: string;
  zones: ZoneInput[];
  /** what the zones come from, for the table's heading */
  source: string;
}

function loadZoneFiles(paths: string[], chosen: ZoneFields): Result<LoadedLayer[]> {
  const layers: LoadedLayer[] = [];
  const warnings: GeoError[] = [];
  for (const path of paths) {
    const name = basename(path);
    const stem = name.replace(/\.[^.]+$/, '') || name;
    const read = readLayerZones(path, name, stem, chosen);
    // the file is named in front of the message: several may be given
    if (!read.ok) return fail(read.error.code, { ...read.error.detail, zones_file: name });
    // named as the app names an imported layer: the collection's `name`, else the file name without extension
    const title = read.value.title;
    layers.push({
      id: title,
      title,
      zones: read.value.zones,
      source: name,
      approximate: false,
      imported: true,
      groups: groupsOfZones(read.value.zones, title),
      zoneCount: read.value.zones.length,
    });
    warnings.push(...read.warnings, ...read.value.issues);
  }
  return ok(layers, warnings);
}

/**
 * One --zones file: imported as the app imports a layer (any format, reprojected to WGS84), its
 * zones named by the chosen attributes, else by the layer's convention, else by Cavalier's
 * proposal (told as a warning). The import's own warnings are passed on.
 */
function readLayerZones(path: string, file: string, stem: string, chosen: ZoneFields) {
  const bytes = readBytesFile(path);
  if (!bytes.ok) return bytes;
  const layer = importLayerFile(bytes.value, file);
  if (!layer.ok) return layer;
  const features = layer.value.fc.features;
  const proposal = proposeZoneFields(features, `${stem} ${file}`);
  // the mix of geometries matters to a network layer, not to zones (points are said zone by zone)
  const notes: GeoError[] = layer.warnings.filter((w) => w.code !== 'import.mixed-geometry');
  for (const field of [chosen.name, chosen.code]) {
    if (field && !features.some((f) => f.properties && Object.hasOwn(f.properties, field))) {
      return fail('zones.field-missing', { file, field, fields: proposal.properties.join(', ') });
    }
  }
  // the dialog's default too: the convention's fields, else the proposal (name or nom first)
  const fields: ZoneFields = { ...proposal.fields, ...chosen };
  const guessed = !proposal.convention && !chosen.name && !chosen.code;
  const plainName = fields.name === undefined || fields.name === 'name' || fields.name === 'nom';
  if (guessed && (!plainName || fields.code)) {
    notes.push({
      code: 'zones.fields-guessed',
      detail: { file, ...(plainName ? {} : { name: fields.name ?? '' }), ...(fields.code ? { code: fields.code } : {}) },
    });
  }
  const title = layer.value.name || stem;
  const zones = zonesFromGeoJson(layer.value.fc, { file: title, layer: title, kind: title, fields });
  if (!zones.ok) return zones;
  return ok({ ...zones.value, title }, notes);
}

function loadEmbedded(): Result<LoadedLayer[]> {
  const dir = dataDir();
  const missing = EMBEDDED.filter((l) => !l.optional)
    .map((l) => join(dir, `${l.id}.geojson`))
    .filter((p) => !existsSync(p));
  if (missing.length) return fail('zones.missing-embedded', { path: dir });
  const present = EMBEDDED.filter((l) => existsSync(join(dir, `${l.id}.geojson`)));
  const titles = manifestTitles(dir);
  const layers: LoadedLayer[] = [];
  const warnings: GeoError[] = [];
  for (const layer of present) {
    const title = titles.get(layer.id) ?? layer.id;
    const data = readJsonFile(join(dir, `${layer.id}.geojson`));
    if (!data.ok) return data;
    const read = zonesFromGeoJson(data.value, { file: title, layer: layer.id, kind: layer.kind, kindProperties: layer.kindProperties });
    if (!read.ok) return read;
    const zones = read.value.zones;
    layers.push({ id: layer.id, title, zones, source: title, approximate: layer.approximate, imported: false, groups: [layer.group], zoneCount: zones.length });
    warnings.push(...read.value.issues);
  }
  return ok(layers, warnings);
}

/** Layer titles from layers.json, which say "approximation" / "partiel" where it applies. */
function manifestTitles(dir: string): Map<string, string> {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'layers.json'), 'utf8')) as LayerManifest;
    return new Map(manifest.layers.map((l) => [l.id, l.title.fr]));
  } catch {
    return new Map();
  }
}

function readJsonFile(path: string): Result<unknown> {
  const text = readTextFile(path);
  if (!text.ok) return text;
  try {
    return ok(JSON.parse(text.value) as unknown);
  } catch {
    return fail('file.not-json');
  }
}

function userError(err: GeoError): number {
  const file = err.detail?.zones_file;
  const message = formatError(err, lang);
  const where = typeof file === 'string' ? text.t('cli.review.inFile', { file, message }) : message;
  const hint = err.code === 'crs.unknown' ? `\n${text.t('cli.review.convertFirst')}` : '';
  process.stderr.write(`${text.t('cli.prefix', { message: where })}${hint}\n`);
  return 1;
}

function write(path: string, body: string): boolean {
  try {
    writeFileSync(path, body);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    // a missing folder, not a missing file: ENOENT names the folder the file was to go in
    const reason = code === 'ENOENT' ? text.t('cli.errno.ENOENT.folder') : systemReason(text, code);
    process.stderr.write(`${text.t('cli.prefix', { message: text.t('cli.review.cannotWrite', { path, reason }) })}\n`);
    return false;
  }
}

const round = (x: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
};
const lonLat = (p: [number, number]) => [round(p[0], 7), round(p[1], 7)];

/** The documented JSON of `cavalier review --json` (see the file comment: names never change). */
function reviewJson(review: RouteReview, warnings: GeoError[]) {
  return {
    route_length_m: round(review.route_length_m, 2),
    crossings: review.crossings.map((c) => ({
      zone: c.zone,
      kind: c.kind,
      length_m: round(c.length_m, 2),
      passes: c.passes.map((p) => ({
        from_km: round(p.from_km, 5),
        to_km: round(p.to_km, 5),
        length_m: round(p.length_m, 2),
        entry: lonLat(p.entry),
        exit: lonLat(p.exit),
      })),
      id: c.id,
      ...(c.code !== undefined ? { code: c.code } : {}),
      layer: c.layer,
      geometry: c.geometry,
      share: round(c.share, 5),
      ...(c.line_crossings ? { line_crossings: c.line_crossings.map((x) => ({ at_km: round(x.at_km, 5), at: lonLat(x.at) })) } : {}),
    })),
    near: review.near.map((n) => ({
      zone: n.zone,
      kind: n.kind,
      distance_m: round(n.distance_m, 2),
      id: n.id,
      ...(n.code !== undefined ? { code: n.code } : {}),
      layer: n.layer,
      geometry: n.geometry,
      at_km: round(n.at_km, 5),
      at: lonLat(n.at),
      nearest: lonLat(n.nearest),
    })),
    buffer_m: review.buffer_m,
    corridor_m: review.corridor_m,
    warnings: warnings.map((w) => ({ code: w.code, ...(w.detail ? { detail: w.detail } : {}), message: formatError(w, lang) })),
  };
}

function columns(rows: string[][]): string[] {
  const widths = rows[0].map((_, k) => Math.max(...rows.map((r) => [...r[k]].length)));
  return rows.map((r) => `  ${r.map((cell, k) => (k === r.length - 1 ? cell : cell + ' '.repeat(widths[k] - [...cell].length))).join('   ')}`.trimEnd());
}

/** Zone names after their official code, with the id added where several zones share a name (corridor stretches often do). */
function labeller(review: RouteReview): (z: { zone: string; id: string; code?: string }) => string {
  const count = new Map<string, number>();
  for (const z of [...review.crossings, ...review.near]) count.set(z.zone, (count.get(z.zone) ?? 0) + 1);
  return (z) => `${z.code ? `${z.code} ` : ''}${(count.get(z.zone) ?? 0) > 1 && !z.code ? `${z.zone} (${z.id})` : z.zone}`;
}

function table(name: string, review: RouteReview, sources: string[], leftOut: string[]): string {
  const { t, num } = text;
  const km3 = (v: number) => num(v, 3);
  const metres = (v: number) => t('cli.review.metresValue', { m: num(v) });
  const lines = [
    t('cli.review.title', { name, km: num(review.route_length_m / 1000, 2) }),
    t('cli.review.zones', { list: sources.join(' ; ') }),
    ...(leftOut.length ? [t('cli.review.leftOut', { list: leftOut.join(' ; ') })] : []),
    '',
  ];
  if (review.crossings.length === 0) lines.push(t('cli.review.noCrossing'));
  else {
    lines.push(t('cli.review.crossings', { n: review.crossings.length }));
    const rows = [['zone', 'type', 'passes', 'inside', 'share'].map((c) => t(`cli.review.col.${c}` as Parameters<typeof t>[0]))];
    const label = labeller(review);
    for (const c of review.crossings) {
      let passes = c.passes.map((p) => `${km3(p.from_km)} → ${km3(p.to_km)}`).join(' ; ');
      if (c.line_crossings?.length) passes += t('cli.review.lineCrossings', { list: c.line_crossings.map((x) => km3(x.at_km)).join(', ') });
      rows.push([label(c), c.kind, passes, metres(c.length_m), t('cli.review.pctValue', { pct: num(c.share * 100, 1) })]);
    }
    lines.push(...columns(rows));
  }
  lines.push('');
  if (review.near.length === 0) lines.push(t('cli.review.noNear', { m: num(review.buffer_m) }));
  else {
    lines.push(t('cli.review.near', { m: num(review.buffer_m), n: review.near.length }));
    const rows = [['zone', 'type', 'distance', 'atKm'].map((c) => t(`cli.review.col.${c}` as Parameters<typeof t>[0]))];
    const label = labeller(review);
    for (const n of review.near) rows.push([label(n), n.kind, metres(n.distance_m), km3(n.at_km)]);
    lines.push(...columns(rows));
  }
  if (review.crossings.some((c) => c.geometry === 'line') || review.near.some((n) => n.geometry === 'line')) {
    lines.push('', t('cli.review.corridors', { m: num(review.corridor_m) }));
  }
  return `${lines.join('\n')}\n`;
}

function passesGeoJson(review: RouteReview, track: Track) {
  const features = review.crossings.flatMap((c) =>
    c.passes.map((p, k) => {
      const lines = passLines(track.segments, p.from_km, p.to_km);
      return {
        type: 'Feature' as const,
        properties: {
          zone: c.zone,
          id: c.id,
          kind: c.kind,
          layer: c.layer,
          passage: k + 1,
          from_km: round(p.from_km, 5),
          to_km: round(p.to_km, 5),
          length_m: round(p.length_m, 2),
          stroke: '#d62728',
          'stroke-width': 4,
        },
        geometry:
          lines.length === 1
            ? { type: 'LineString' as const, coordinates: lines[0].map(lonLat) }
            : { type: 'MultiLineString' as const, coordinates: lines.map((l) => l.map(lonLat)) },
      };
    }),
  );
  return { type: 'FeatureCollection', features };
}
