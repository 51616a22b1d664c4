// File reading for the CLI: size check before reading, and text decoding the way GPS software
// writes files (UTF-8 mostly, Latin-1 from older Windows tools, UTF-16 from a few exporters).

import { readFileSync, statSync } from 'node:fs';
import { fail, ok, type Result } from '../core/errors';
import { decodeText } from '../core/gpx/encoding';
import { MAX_TRACK_FILE_CHARS } from '../core/gpx/read';
import { systemReason } from '../i18n/cli';
import { text } from './lang';

export function readTextFile(path: string): Result<string> {
  const bytes = readBytesFile(path);
  if (!bytes.ok) return bytes;
  return decodeText(bytes.value);
}

/** A file's bytes (a zipped shapefile, a KMZ, or text decoded later), size checked before reading. */
export function readBytesFile(path: string): Result<Uint8Array> {
  try {
    // a multi-gigabyte file must not be read into memory to learn that it is too large
    if (statSync(path).size > MAX_TRACK_FILE_CHARS) return fail('file.too-large', { limit_mb: MAX_TRACK_FILE_CHARS / 1024 / 1024 });
    return ok(new Uint8Array(readFileSync(path)));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    return fail('file.unreadable', { path, reason: systemReason(text, code) });
  }
}
