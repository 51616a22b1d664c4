// A file name any file system accepts, from a user's route name (accents folded, reserved
// characters and Windows device names avoided, length bounded).
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

export function safeFileName(name: string, fallback = 'parcours'): string {
  const folded = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  let base = folded
    .replace(/[^A-Za-z0-9._ -]+/g, '-')
    .replace(/\s+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  if (!base) base = fallback;
  if (WINDOWS_RESERVED.test(base)) base = `${base}-`;
  return base;
}
