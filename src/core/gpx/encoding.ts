// The text encoding of a dropped file, from its first bytes: the label to give TextDecoder.
// File.text() always decodes UTF-8, which turns a UTF-16 GPX (some Windows exporters write
// them) into "\uFFFD\uFFFD<\0?\0x\0…", refused as not XML, and the accents of a Latin-1 one
// into U+FFFD. The app and the CLI read the bytes and call decodeText, which says so
// ('file.invalid-utf8') when bytes had to be replaced: a name silently turned into « � » is a
// file quietly damaged.

import { ok, type Result } from '../errors';

export type TextEncodingLabel = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

const LATIN1 = /^(iso-8859-1|iso-8859-15|latin-?1|windows-1252|cp1252)$/;

export function textEncodingOf(bytes: Uint8Array): TextEncodingLabel {
  const [b0, b1] = bytes;
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le';
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  // UTF-16 without a byte-order mark: an ASCII character next to a zero byte ('<', '{', space…)
  if (bytes.length >= 2 && b0 !== 0 && b0 < 0x80 && b1 === 0) return 'utf-16le';
  if (bytes.length >= 2 && b0 === 0 && b1 !== 0 && b1 < 0x80) return 'utf-16be';
  // the XML declaration is ASCII whatever the encoding, so it can be read before decoding
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, 200); i++) head += String.fromCharCode(bytes[i]);
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]?.toLowerCase();
  return declared !== undefined && LATIN1.test(declared) ? 'windows-1252' : 'utf-8';
}

// TextDecoder exists in node, browsers and workers, but not in the ES library the core compiles
// against (no DOM): it is typed here rather than opening the core to the DOM types.
type Decoder = new (label: string, options?: { fatal?: boolean }) => { decode(bytes: Uint8Array): string };
const TextDecoderCtor = (globalThis as unknown as { TextDecoder: Decoder }).TextDecoder;

const utf8 = new TextDecoderCtor('utf-8');

/** Bytes known to be ASCII (e.g. written by the GPX writer) as a string, in one decode. */
export const asciiText = (bytes: Uint8Array): string => utf8.decode(bytes);

/**
 * The file's text, decoded as its first bytes say; bytes that are not valid in that encoding
 * become U+FFFD with the warning 'file.invalid-utf8' (the line of the first one).
 */
export function decodeText(bytes: Uint8Array): Result<string> {
  const label = textEncodingOf(bytes);
  try {
    // the strict decoder first: it costs no more than the lenient one on a valid file
    return ok(new TextDecoderCtor(label, { fatal: true }).decode(bytes));
  } catch {
    const text = new TextDecoderCtor(label).decode(bytes);
    const at = text.indexOf('\uFFFD');
    let line = 1;
    for (let k = text.indexOf('\n'); k >= 0 && k < at; k = text.indexOf('\n', k + 1)) line++;
    return ok(text, [{ code: 'file.invalid-utf8', detail: at >= 0 ? { line } : {} }]);
  }
}

/** UTF-8 text of some bytes (zip entry names, a shapefile's .prj). */
export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoderCtor('utf-8').decode(bytes);
}
