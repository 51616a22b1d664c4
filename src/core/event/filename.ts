// File names safe on every file system a participant or an organiser may use (Windows, macOS,
// Linux, FAT-formatted watches and USB keys, zip tools): ASCII letters, digits, '-' and '_'
// only, so accents are folded ("Nœux" → "Noeux"), reserved characters (< > : " / \ | ? *),
// spaces and controls become '-', no leading dot (hidden file) or trailing dot or space
// (dropped by Windows), no Windows device name (CON, NUL, COM1…, reserved even with an
// extension), and a bounded length.

/** Characters of the stem, well under the 255 bytes of most file systems, leaving room for a path. */
export const MAX_STEM = 80;

// letters NFKD does not decompose into ASCII
const FOLD: Record<string, string> = {
  œ: 'oe',
  Œ: 'OE',
  æ: 'ae',
  Æ: 'AE',
  ß: 'ss',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ł: 'l',
  Ł: 'L',
  þ: 'th',
  Þ: 'TH',
};

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** One name as a file-name part: folded to ASCII, words joined by '-'; '' when nothing is left. */
export function safeNamePart(name: string): string {
  const folded = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[œŒæÆßøØđĐłŁþÞ]/g, (c) => FOLD[c]);
  return folded.replace(/[^A-Za-z0-9_]+/g, '-').replace(/^[-_]+|[-_]+$/g, '');
}

/**
 * A file name from parts (e.g. event and formula), joined by '_', with the extension.
 * Never empty: an all-symbol name gives `fallback`.
 */
export function safeFileName(parts: readonly string[], ext: string, fallback = 'parcours'): string {
  let stem = parts.map(safeNamePart).filter(Boolean).join('_');
  if (stem.length > MAX_STEM) stem = stem.slice(0, MAX_STEM).replace(/[-_]+$/, '');
  if (!stem) stem = fallback;
  if (WINDOWS_RESERVED.test(stem)) stem = `${stem}_`;
  const cleanExt = safeNamePart(ext);
  return cleanExt ? `${stem}.${cleanExt}` : stem;
}

/**
 * The names made distinct where two would collide, ignoring case (Windows and macOS do): the
 * second "a.gpx" becomes "a-2.gpx". Order is kept.
 */
export function uniqueFileNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const dot = name.lastIndexOf('.');
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const ext = dot > 0 ? name.slice(dot) : '';
    let candidate = name;
    for (let k = 2; taken.has(candidate.toLowerCase()); k++) candidate = `${stem}-${k}${ext}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
