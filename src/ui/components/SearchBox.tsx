// The place search over the map: a combobox (WAI-ARIA 1.2 pattern) and its listbox of results.
// Ctrl+K (⌘K) or « / » focuses it from anywhere; arrows move through the results, Enter chooses,
// Escape closes the list, then clears. Props in, callbacks out: the results come from
// usePlaceSearch, the choice goes up (the app flies the map there).

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Place } from '../../core/search/types';
import type { I18nKey } from '../../i18n/dictionary';
import { useI18n } from '../i18n';
import type { PlaceResult } from '../hooks/use-place-search';
import { typingIn } from '../typing';

export interface SearchBoxProps {
  query: string;
  onQueryChange: (query: string) => void;
  results: readonly PlaceResult[];
  /** extra (online) sources are still being asked */
  pending?: boolean;
  /** an extra source could not be asked (said once, with the results of that query) */
  unavailable?: boolean;
  /** the index is not there yet (null), or could not be read (false) */
  ready: boolean | null;
  onChoose: (place: Place) => void;
  /** the query was cleared (the app removes the mark of the last place) */
  onClear?: () => void;
}

/** True when a key press was meant for a text field, not for a shortcut of the page. */
export function SearchBox({ query, onQueryChange, results, pending = false, unavailable = false, ready, onChoose, onClear }: SearchBoxProps) {
  const { t, formatNumber } = useI18n();
  const id = useId();
  const listId = `${id}-list`;
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  // a new list of results starts with nothing highlighted (Enter still takes the first)
  const [shown, setShown] = useState(results);
  if (shown !== results) {
    setShown(results);
    setActive(-1);
  }

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const ctrlK = (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k';
      const slash = e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !typingIn(e.target);
      if (!ctrlK && !slash) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const choose = (place: Place) => {
    setOpen(false);
    onQueryChange(place.name);
    onChoose(place);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const n = results.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (n === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a < 0 ? (step > 0 ? 0 : n - 1) : (a + step + n) % n));
    } else if (e.key === 'Enter') {
      const place = results[Math.max(active, 0)]?.place;
      if (place) {
        e.preventDefault();
        choose(place);
      }
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (open && query) setOpen(false);
      else {
        onQueryChange('');
        onClear?.();
        input.current?.blur();
      }
    }
  };

  const detail = (place: Place): string => {
    const parts = [t(`search.kind.${place.kind}` as I18nKey)];
    if (place.ref && place.ref !== place.name) parts.push(place.ref);
    if (place.population) parts.push(t('search.population', { n: formatNumber(place.population) }));
    // a shaft's name already ends with its commune
    if (place.context && !place.name.toLowerCase().includes(place.context.toLowerCase())) parts.push(place.context);
    // Cartofriches « friche potentielle »: an old industrial site nobody has checked
    if (place.status) parts.push(/potentielle/i.test(place.status) ? `${place.status} (${t('search.unverified')})` : place.status);
    return parts.join(' · ');
  };

  const showList = open && query.trim() !== '';
  const activeId = showList && active >= 0 && active < results.length ? `${id}-opt-${active}` : undefined;

  return (
    // role=search on a div: <search> is too recent for the browsers the planner supports
    <div className="cav-search" role="search" data-testid="search">
      <label className="cav-visually-hidden" htmlFor={`${id}-input`}>
        {t('search.label')}
      </label>
      <svg className="cav-search-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
        <path d="M10 4a6 6 0 1 0 3.7 10.7l4.8 4.8 1.4-1.4-4.8-4.8A6 6 0 0 0 10 4zm0 2a4 4 0 1 1 0 8 4 4 0 0 1 0-8z" fill="currentColor" />
      </svg>
      <input
        ref={input}
        id={`${id}-input`}
        className="cav-search-input"
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-keyshortcuts="Control+K /"
        placeholder={t('search.placeholder')}
        value={query}
        onChange={(e) => {
          onQueryChange(e.target.value);
          setOpen(true);
          if (!e.target.value) onClear?.();
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        data-testid="search-input"
      />
      {query && (
        <button
          type="button"
          className="cav-search-clear"
          aria-label={t('search.clear')}
          title={t('search.clear')}
          // keeps the focus in the field
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            onQueryChange('');
            onClear?.();
            input.current?.focus();
          }}
        >
          ×
        </button>
      )}
      {/* the WAI-ARIA combobox pattern: the field keeps the focus and the keyboard, the options are
          pointed at with aria-activedescendant (hence no focus or key handler on them) */}
      <ul
        id={listId}
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a listbox of options, as the combobox pattern has it
        role="listbox"
        aria-label={t('search.results')}
        className="cav-search-list"
        hidden={!showList || results.length === 0}
        data-testid="search-results"
      >
        {results.map((r, i) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox field handles the keys (see above)
          // biome-ignore lint/a11y/useFocusableInteractive: options are not focused in this pattern
          <li
            key={`${r.source}:${r.place.id}`}
            id={`${id}-opt-${i}`}
            // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: an option of the listbox
            role="option"
            aria-selected={i === active}
            className={`cav-search-option${i === active ? ' is-active' : ''}`}
            // a mouse press would blur the field and close the list before the click lands
            onMouseDown={(e) => e.preventDefault()}
            onMouseEnter={() => setActive(i)}
            onClick={() => choose(r.place)}
            data-testid="search-option"
            data-kind={r.place.kind}
          >
            <span className="cav-search-name">{r.place.name}</span>
            <span className="cav-search-detail">{detail(r.place)}</span>
          </li>
        ))}
      </ul>
      {showList && (
        <div className="cav-search-status" role="status" aria-live="polite">
          {ready === null
            ? t('search.loading')
            : ready === false
              ? t('search.unavailable')
              : [
                  results.length === 0 && !pending ? t('search.none', { q: query.trim() }) : pending ? t('search.pending') : '',
                  unavailable && !pending ? t('search.online.unavailable') : '',
                ]
                  .filter(Boolean)
                  .join(' ')}
        </div>
      )}
    </div>
  );
}
