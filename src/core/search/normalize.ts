// Search text folded so that « loos », « LOOS » and « Lôos » meet, and « Nœux » is found as « noeux ».

const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd' };

/** Lower case, no accents, ligatures spelt out, every run of non-letters and non-digits one space. */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[œæßøłđ]/g, (c) => LIGATURES[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function words(text: string): string[] {
  const n = normalize(text);
  return n ? n.split(' ') : [];
}

/**
 * The spellings of a reference number: « T074a » is also typed « t74a », « 074a », « 74a » or « 74 a »
 * (the letter a satellite of the terril, see data/README).
 */
export function refVariants(ref: string): string[] {
  const n = normalize(ref).replace(/ /g, '');
  const out = new Set([n]);
  const m = /^([a-z]*)0*(\d+)([a-z]*)$/.exec(n);
  if (m) {
    const [, prefix, digits, suffix] = m;
    const padded = /^0+\d/.test(n.slice(prefix.length)) ? n.slice(prefix.length, n.length - suffix.length) : digits;
    for (const num of new Set([digits, padded])) {
      out.add(`${prefix}${num}${suffix}`);
      out.add(`${num}${suffix}`);
    }
  }
  return [...out];
}
