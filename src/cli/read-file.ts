// File reading for the CLI: size check before reading, and text decoding the way GPS software
// writes files (UTF-8 mostly, Latin-1 from older Windows tools, UTF-16 from a few exporters).

import { readFileSync, statSync } from 'node:fs';
import { fail, ok, type Result } from '../core/errors';
import { MAX_TRACK_FILE_CHARS } from '../core/gpx/read';

/** French reasons for the usual system errors; messages are French in the CLI. */
const REASONS: Record<string, string> = {
  ENOENT: 'fichier introuvable',
  EISDIR: 'c’est un dossier',
  EACCES: 'permission refusée',
  EPERM: 'permission refusée',
};

export function readTextFile(path: string): Result<string> {
  let bytes: Buffer;
  try {
    // a multi-gigabyte file must not be read into memory to learn that it is too large
    if (statSync(path).size > MAX_TRACK_FILE_CHARS) {
      return fail('file.too-large', { limit_mb: MAX_TRACK_FILE_CHARS / 1024 / 1024 });
    }
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    return fail('file.unreadable', { path, reason: REASONS[code] ?? code });
  }
  return ok(decode(bytes));
}

function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  // the XML declaration is ASCII whatever the encoding, so it can be read before decoding
  const head = bytes.subarray(0, 200).toString('latin1');
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]?.toLowerCase();
  if (declared && /^(iso-8859-1|latin-?1|iso-8859-15|windows-1252|cp1252)$/.test(declared)) {
    return new TextDecoder('windows-1252').decode(bytes);
  }
  return new TextDecoder('utf-8').decode(bytes); // strips a UTF-8 BOM
}
