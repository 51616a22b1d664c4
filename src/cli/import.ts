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
  if (!bytes.ok) return fail(formatError(bytes.error, 'fr'));
  // decoding's warnings (invalid UTF-8) come first among the layer's warnings
  const layer = importLayerFile(bytes.value, basename(args.file), { from: args.from, swapAxes: args.swapAxes });
  if (!layer.ok) {
    const message = formatError(layer.error, 'fr');
    if (layer.error.code === 'crs.unknown') {
      return fail(
        `${message}\nRelancez avec --from EPSG:2154 (Lambert-93), --from EPSG:27572 (Lambert II étendu), --from EPSG:4326 (WGS84) ou --from EPSG:3857 (Web Mercator).`,
      );
    }
    const retry = retryHint(layer.error, args);
    if (retry) return fail(`${message}\n${retry[0].toUpperCase()}${retry.slice(1)}.`);
    if (layer.error.code === 'import.outside-france' && !args.from) {
      return fail(`${message}\nSi la projection détectée est fausse, indiquez la bonne avec --from.`);
    }
    return fail(message);
  }
  const { fc, skipped, warnings } = layer.value;
  for (const w of warnings) {
    const retry = retryHint(w, args);
    warn(retry ? `${formatError(w, 'fr')} Pour la lire ainsi, ${retry}.` : formatError(w, 'fr'));
  }
  skipped.slice(0, LISTED).forEach((s) => {
    const name = s.name ? ` «\u00a0${printable(s.name)}\u00a0»` : '';
    warn(`objet n°\u00a0${s.index + 1}${name} écarté\u00a0: ${formatError({ code: s.reason }, 'fr')}`);
  });
  const total = warnings.find((w) => w.code === 'import.skipped')?.detail?.count;
  if (typeof total === 'number' && total > LISTED) warn(`… et ${total - LISTED} autre(s) objet(s) écarté(s).`);
  process.stdout.write(`${JSON.stringify({ type: 'FeatureCollection', features: fc.features })}\n`);
  return 0;
}

/** How to apply a proposed reading ('import.crs-proposed', 'import.axes-swapped') from the command line; null for other codes. */
function retryHint(e: GeoError, args: ImportArgs): string | null {
  if (e.code === 'import.axes-swapped') {
    if (args.swapAxes) return 'relancez sans --swap-axes';
    return `relancez avec ${args.from ? `--from ${args.from} ` : ''}--swap-axes`;
  }
  if (e.code !== 'import.crs-proposed' || typeof e.detail?.proposed !== 'string') return null;
  return `relancez avec --from ${e.detail.proposed}${args.swapAxes ? ' --swap-axes' : ''}`;
}

function warn(message: string): void {
  process.stderr.write(`cavalier : attention : ${message}\n`);
}

function fail(message: string): number {
  process.stderr.write(`cavalier : ${message}\n`);
  return 1;
}
