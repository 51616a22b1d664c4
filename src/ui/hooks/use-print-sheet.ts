// A full-page sheet over the app (the review dossier, the roadbook): focus its close button,
// close on Escape, and mark the body so that the print CSS prints this sheet alone.
import { useEffect, useRef } from 'react';

export function usePrintSheet(bodyClass: string, onClose: () => void) {
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeButton.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    document.body.classList.add(bodyClass);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.body.classList.remove(bodyClass);
    };
  }, [bodyClass, onClose]);
  return closeButton;
}
