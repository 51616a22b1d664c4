// JSON.parse, plus one repair: Python's json module (and the GIS scripts built on it) writes
// missing numbers as bare NaN, Infinity or -Infinity, which no JSON parser accepts. Those tokens
// become null, so the features holding them are skipped one by one instead of the whole file
// being refused.

import { fail, ok, type Result } from '../errors';

export function parseJson(text: string): Result<{ value: unknown; repairedNaN: boolean }> {
  try {
    return ok({ value: JSON.parse(text) as unknown, repairedNaN: false });
  } catch {
    // fall through to the repair
  }
  if (!/NaN|Infinity/.test(text)) return fail('file.not-json');
  const repaired = replaceNonFinite(text);
  if (repaired === text) return fail('file.not-json');
  try {
    return ok({ value: JSON.parse(repaired) as unknown, repairedNaN: true });
  } catch {
    return fail('file.not-json');
  }
}

/** Replaces NaN / Infinity / -Infinity outside strings with null. */
function replaceNonFinite(text: string): string {
  const parts: string[] = [];
  let from = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
      continue;
    }
    if (ch === 0x22) {
      inString = true;
      continue;
    }
    // N, I or a minus sign before I can start a token only outside strings
    if (ch !== 0x4e && ch !== 0x49 && ch !== 0x2d) continue;
    for (const token of ['NaN', 'Infinity', '-Infinity']) {
      if (text.startsWith(token, i) && !isWordChar(text.charCodeAt(i + token.length))) {
        parts.push(text.slice(from, i), 'null');
        i += token.length - 1;
        from = i + 1;
        break;
      }
    }
  }
  parts.push(text.slice(from));
  return parts.join('');
}

const isWordChar = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
