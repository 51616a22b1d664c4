// The user's preferences (language, basemap, routing provider, review settings), kept in
// localStorage. Storage may be missing (node, some private windows), full or forbidden: reading
// then gives the default and writing is skipped, quietly, since a preference lost costs one click.
// Each preference checks what it reads: the value was written by an older version, another tab
// or the user's own hands.

export interface Preference<T> {
  get(): T;
  set(value: T): void;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // a sandboxed frame throws on the mere access
    return null;
  }
}

function read(key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(key: string, text: string): void {
  try {
    storage()?.setItem(key, text);
  } catch {
    // quota exceeded or storage forbidden: the preference lasts for the session
  }
}

/** One of a few words, stored as is (the format 'cavalier.lang' and 'cavalier.basemap' always had). */
export function choicePreference<T extends string>(key: string, choices: readonly T[], fallback: T): Preference<T> {
  return {
    get: () => {
      const v = read(key);
      return v !== null && (choices as readonly string[]).includes(v) ? (v as T) : fallback;
    },
    set: (value) => write(key, value),
  };
}

/** A JSON value; `parse` gets what was read (unknown) and returns it checked, or undefined for the fallback. */
export function jsonPreference<T>(key: string, parse: (raw: unknown) => T | undefined, fallback: T): Preference<T> {
  return {
    get: () => {
      const text = read(key);
      if (text === null) return fallback;
      try {
        return parse(JSON.parse(text)) ?? fallback;
      } catch {
        return fallback;
      }
    },
    set: (value) => write(key, JSON.stringify(value)),
  };
}
