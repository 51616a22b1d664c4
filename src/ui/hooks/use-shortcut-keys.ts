// The page's own single keys, heard anywhere but in a text field: « ? » opens the shortcuts
// sheet, « T » starts or stops drawing (as the Tracer button). The route's keys (Ctrl+Z, Suppr,
// Échap) are use-route-editing.ts's, the search's (Ctrl+K, /) SearchBox.tsx's.
import { useEffect, useRef } from 'react';
import { typingIn } from '../typing';

export interface ShortcutKeys {
  onHelp: () => void;
  onToggleDraw: () => void;
}

export function useShortcutKeys(keys: ShortcutKeys): void {
  const latest = useRef(keys);
  latest.current = keys;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target)) return;
      // a dialog open (a confirmation, the sheet itself) has the keyboard
      if (document.querySelector('[aria-modal="true"]')) return;
      // « ? » is Shift+, on a French keyboard and Shift+/ on a US one: the character is what counts
      if (e.key === '?') latest.current.onHelp();
      else if (e.key === 't' || e.key === 'T') latest.current.onToggleDraw();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
