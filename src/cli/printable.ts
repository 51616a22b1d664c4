// Text from files (names) shown on a terminal: control characters would be run by it (ESC [2J
// clears the screen, OSC sequences set the window title or write a link) and bidirectional
// overrides would reorder what the user reads. They are written as visible escapes instead.

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const hex = (c: string, width: number): string => c.charCodeAt(0).toString(16).toUpperCase().padStart(width, '0');

/** "a\u001b[2Jb" → "a\x1B[2Jb"; U+202E → "\u202E". */
export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => (c.charCodeAt(0) < 0x100 ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`));
}
