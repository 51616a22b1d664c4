// The shortcuts sheet, opened by « ? » or the drawing tools' « ? » button: every key and gesture
// the app answers, by group. Escape, the close button or a click outside closes it.
import { Fragment, useEffect, useRef, type ReactNode } from 'react';
import type { I18nKey } from '../../i18n/dictionary';
import { useI18n } from '../i18n';

type Key = string | { k: I18nKey };
/** one shortcut: its key combinations (any of them works), each a list of keys held together */
interface Shortcut {
  id: string;
  keys: Key[][];
  what: I18nKey;
}

const CTRL: Key = { k: 'shortcuts.key.ctrl' };
const SHIFT: Key = { k: 'shortcuts.key.shift' };
const ESC: Key = { k: 'shortcuts.key.escape' };
const ENTER: Key = { k: 'shortcuts.key.enter' };

/** what use-route-editing.ts, use-map-mode.ts, use-shortcut-keys.ts, gestures.ts, SearchBox.tsx, CommitInput.tsx and maplibre answer */
const GROUPS: readonly { title: I18nKey; items: readonly Shortcut[] }[] = [
  {
    title: 'shortcuts.group.route',
    items: [
      { id: 'draw', keys: [['T']], what: 'shortcuts.draw' },
      { id: 'undo', keys: [[CTRL, 'Z']], what: 'shortcuts.undo' },
      {
        id: 'redo',
        keys: [
          [CTRL, SHIFT, 'Z'],
          [CTRL, 'Y'],
        ],
        what: 'shortcuts.redo',
      },
      { id: 'delete', keys: [[{ k: 'shortcuts.key.delete' }], [{ k: 'shortcuts.key.backspace' }]], what: 'shortcuts.delete' },
      { id: 'escape', keys: [[ESC]], what: 'shortcuts.escape' },
      { id: 'click', keys: [[{ k: 'shortcuts.key.click' }]], what: 'shortcuts.click' },
      { id: 'drag', keys: [[{ k: 'shortcuts.key.drag' }]], what: 'shortcuts.drag' },
      { id: 'rightclick', keys: [[{ k: 'shortcuts.key.rightclick' }]], what: 'shortcuts.rightclick' },
    ],
  },
  {
    title: 'shortcuts.group.map',
    items: [
      { id: 'search', keys: [[CTRL, 'K'], ['/']], what: 'shortcuts.search' },
      { id: 'search-nav', keys: [['↑', '↓', ENTER]], what: 'shortcuts.searchNav' },
      { id: 'pan', keys: [['←', '↑', '→', '↓']], what: 'shortcuts.pan' },
      { id: 'zoom', keys: [['+'], ['−']], what: 'shortcuts.zoom' },
    ],
  },
  {
    title: 'shortcuts.group.general',
    items: [
      { id: 'field', keys: [[ENTER], [ESC]], what: 'shortcuts.field' },
      { id: 'help', keys: [['?']], what: 'shortcuts.help' },
    ],
  },
];

export function ShortcutsSheet({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const label = (key: Key) => (typeof key === 'string' ? key : t(key.k));
  // keys held together (a modifier and a key) are joined by « + », keys pressed in turn by a space
  const combo = (keys: Key[]): ReactNode => {
    const chord = keys.some((k) => k === CTRL || k === SHIFT);
    return keys.map((key, i) => (
      <Fragment key={`${label(key)}${i}`}>
        {i > 0 && (chord ? '+' : ' ')}
        <kbd>{label(key)}</kbd>
      </Fragment>
    ));
  };
  return (
    <div className="cav-modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="cav-modal cav-shortcuts" role="dialog" aria-modal="true" aria-labelledby="cav-shortcuts-title" data-testid="shortcuts-sheet">
        <div className="cav-shortcuts-head">
          <h2 id="cav-shortcuts-title">{t('shortcuts.title')}</h2>
          <button type="button" className="cav-btn" onClick={onClose} ref={close} data-testid="shortcuts-close">
            {t('shortcuts.close')}
          </button>
        </div>
        {GROUPS.map((g) => (
          <section key={g.title}>
            <h3>{t(g.title)}</h3>
            <dl>
              {g.items.map((s) => (
                <Fragment key={s.id}>
                  <dt data-testid={`shortcut-${s.id}`}>
                    {s.keys.map((keys, i) => (
                      <Fragment key={keys.map(label).join('+')}>
                        {i > 0 && ` ${t('shortcuts.or')} `}
                        {combo(keys)}
                      </Fragment>
                    ))}
                  </dt>
                  <dd>{t(s.what)}</dd>
                </Fragment>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </div>
  );
}
