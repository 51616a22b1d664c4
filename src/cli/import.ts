// `cavalier import FILE [--from EPSG:2154|EPSG:27572|EPSG:4326|EPSG:3857] [--swap-axes]`: the layer as a WGS84 GeoJSON
// FeatureCollection on standard output, read, detected and reprojected by the app's own
// importLayerFile (zipped shapefiles, KMZ, GeoJSON, KML, GPX, OSM), so officers can batch-convert files. Warnings and skipped features go to standard
// error, so that `cavalier import a.geojson > b.geojson` leaves only GeoJSON in b.geojson.

import { basename } from 'node:path';
import { formatError } from '../i18n/messages';
import type { GeoError } from '../core/errors';
import type { CrsCode } from '../core/import/crs';
import { crsFromName } from '../core/import/detect-crs';
import { importLayerFile } from '../core/import/layer-file';
import { printable } from './printable';
import { readBytesFile } from './read-file';
import { lang, text } from './lang';

export interface ImportArgs {
  file: string;
  from?: CrsCode;
  swapAxes?: boolean;
}

/** Skipped features listed one per line on standard error, beyond which only a count is given. */
const LISTED = 20;

/** `--from` as typed: EPSG:2154, 2154, urn:ogc:def:crs:EPSG::2154, "Lambert-93"…; null when it names no supported system. */
export function parseFromOption(value: string): CrsCode | null {
  const v = value.trim();
  if (/^\d+$/.test(v)) return crsFromName(`EPSG:${v}`);
  return crsFromName(v);
}

/** Exit code: 0 when the layer was written, 1 otherwise (the reason on standard error). */
export function runImport(args: ImportArgs): number {
  const bytes = readBytesFile(args.file);
  if (!bytes.ok) return fail(formatError(bytes.error, lang));
  // decoding's warnings (invalid UTF-8) come first among the layer's warnings
  const layer = importLayerFile(bytes.value, basename(args.file), { from: args.from, swapAxes: args.swapAxes });
  if (!layer.ok) {
    const message = formatError(layer.error, lang);
    if (layer.error.code === 'crs.unknown') {
      return fail(`${message}\n${text.t('cli.import.crsUnknown')}`);
    }
    const retry = retryHint(layer.error, args);
    if (retry) return fail(`${message}\n${retry[0].toUpperCase()}${retry.slice(1)}.`);
    if (layer.error.code === 'import.outside-france' && !args.from) {
      return fail(`${message}\n${text.t('cli.import.wrongCrs')}`);
    }
    return fail(message);
  }
  const { fc, skipped, warnings } = layer.value;
  for (const w of warnings) {
    const retry = retryHint(w, args);
    warn(retry ? text.t('cli.import.readThus', { message: formatError(w, lang), retry }) : formatError(w, lang));
  }
  skipped.slice(0, LISTED).forEach((s) => {
    const name = s.name ? text.t('cli.import.skippedName', { name: printable(s.name) }) : '';
    warn(text.t('cli.import.skipped', { n: s.index + 1, name, reason: formatError({ code: s.reason }, lang) }));
  });
  const total = warnings.find((w) => w.code === 'import.skipped')?.detail?.count;
  if (typeof total === 'number' && total > LISTED) warn(text.t('cli.import.moreSkipped', { n: total - LISTED }));
  process.stdout.write(`${JSON.stringify({ type: 'FeatureCollection', features: fc.features })}\n`);
  return 0;
}

/** How to apply a proposed reading ('import.crs-proposed', 'import.axes-swapped') from the command line; null for other codes. */
function retryHint(e: GeoError, args: ImportArgs): string | null {
  if (e.code === 'import.axes-swapped') {
    if (args.swapAxes) return text.t('cli.import.withoutSwap');
    return text.t('cli.import.withSwap', { from: args.from ? `--from ${args.from} ` : '' });
  }
  if (e.code !== 'import.crs-proposed' || typeof e.detail?.proposed !== 'string') return null;
  return text.t('cli.import.withFrom', { crs: e.detail.proposed, swap: args.swapAxes ? ' --swap-axes' : '' });
}

function warn(message: string): void {
  process.stderr.write(`${text.t('cli.warning', { message })}\n`);
}

function fail(message: string): number {
  process.stderr.write(`${text.t('cli.prefix', { message })}\n`);
  return 1;
}
