// Where the journal of the last edit lives (see src/state/journal.ts): one localStorage key.
// localStorage because it is synchronous: when setItem returns, the text is the browser's, and a
// page closed or killed the next millisecond keeps it. Every call is guarded: storage may be
// unavailable (some private modes, a blocked origin) or full.

const JOURNAL_KEY = 'cavalier.journal';

export function readJournal(): string | null {
  try {
    return localStorage.getItem(JOURNAL_KEY);
  } catch {
    return null;
  }
}

/** false when it could not be written (full, unavailable): the caller must not count on it. */
export function writeJournal(text: string): boolean {
  try {
    localStorage.setItem(JOURNAL_KEY, text);
    return true;
  } catch {
    // the journal before stays: it is still newer than the disk or it is never replayed (seq)
    return false;
  }
}
