// The drawing tools, on the map whatever the panel shows (gpx.studio and brouter-web keep theirs
// there too): Tracer, undo, redo, clear, the mode of new legs, and the shortcuts sheet. First in
// the keyboard order, right after the page starts. Presentational: state in, callbacks out.
import type { LegMode } from '../../core/route/leg';
import { useI18n } from '../i18n';
import { Icon } from './events/Icon';

export interface DrawToolsProps {
  drawing: boolean;
  onDrawingChange: (drawing: boolean) => void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  canClear: boolean;
  onClear: () => void;
  legMode: LegMode;
  onLegModeChange: (mode: LegMode) => void;
  onShortcuts: () => void;
}

export function DrawTools(props: DrawToolsProps) {
  const { t } = useI18n();
  return (
    <section className="cav-drawtools" role="toolbar" aria-label={t('drawtools.label')} data-testid="draw-tools">
      <button
        type="button"
        className={`cav-btn cav-btn--primary${props.drawing ? ' is-active' : ''}`}
        aria-pressed={props.drawing}
        aria-keyshortcuts="T"
        onClick={() => props.onDrawingChange(!props.drawing)}
        title={`${t('toolbar.draw.hint')} (T)`}
        data-testid="tool-draw"
      >
        <Icon d="M3 17.25V21h3.75L17.8 9.94l-3.75-3.75L3 17.25zM20.7 7.04a1 1 0 0 0 0-1.41l-2.34-2.34a1 1 0 0 0-1.41 0l-1.83 1.83 3.75 3.75 1.83-1.83z" />
        {t('toolbar.draw')}
      </button>
      <button
        type="button"
        className="cav-btn cav-btn--icon"
        disabled={!props.canUndo}
        onClick={props.onUndo}
        aria-keyshortcuts="Control+Z"
        title={`${t('toolbar.undo')} (${t('shortcuts.key.ctrl')}+Z)`}
        aria-label={t('toolbar.undo')}
        data-testid="tool-undo"
      >
        <Icon d="M12.5 8c-2.65 0-5.05 1-6.9 2.6L2 7v9h9l-3.62-3.62A7.96 7.96 0 0 1 12.5 10.5c3.54 0 6.55 2.31 7.6 5.5l2.37-.78A10.5 10.5 0 0 0 12.5 8z" />
      </button>
      <button
        type="button"
        className="cav-btn cav-btn--icon"
        disabled={!props.canRedo}
        onClick={props.onRedo}
        aria-keyshortcuts="Control+Shift+Z Control+Y"
        title={`${t('toolbar.redo')} (${t('shortcuts.key.ctrl')}+${t('shortcuts.key.shift')}+Z, ${t('shortcuts.key.ctrl')}+Y)`}
        aria-label={t('toolbar.redo')}
        data-testid="tool-redo"
      >
        <Icon d="M18.4 10.6A10.43 10.43 0 0 0 11.5 8 10.5 10.5 0 0 0 1.53 15.22l2.37.78A7.99 7.99 0 0 1 11.5 10.5c1.95 0 3.73.72 5.12 1.88L13 16h9V7l-3.6 3.6z" />
      </button>
      <button
        type="button"
        className="cav-btn cav-btn--icon"
        disabled={!props.canClear}
        onClick={props.onClear}
        title={t('toolbar.clear.hint')}
        aria-label={t('toolbar.clear.hint')}
        data-testid="tool-clear"
      >
        <Icon d="M6 19a2 2 0 0 0 2 2h8a2 2 0 0 0 2-2V7H6v12zM19 4h-3.5l-1-1h-5l-1 1H5v2h14V4z" />
      </button>
      <span className="cav-drawtools-sep" aria-hidden="true" />
      <span className="cav-small cav-muted cav-toolbar-mode-label" id="cav-legmode-label">
        {t('toolbar.mode')}
      </span>
      <div className="cav-segmented" role="radiogroup" aria-labelledby="cav-legmode-label">
        {(['network', 'straight'] as const).map((mode) => (
          <button
            key={mode}
            type="button"
            role="radio"
            aria-checked={props.legMode === mode}
            className={props.legMode === mode ? 'is-active' : undefined}
            onClick={() => props.onLegModeChange(mode)}
            data-testid={`mode-${mode}`}
          >
            {t(mode === 'network' ? 'toolbar.mode.network' : 'toolbar.mode.straight')}
          </button>
        ))}
      </div>
      <button
        type="button"
        className="cav-btn cav-btn--icon"
        onClick={props.onShortcuts}
        aria-keyshortcuts="?"
        title={t('drawtools.shortcuts')}
        aria-label={t('drawtools.shortcuts')}
        data-testid="tool-shortcuts"
      >
        <span aria-hidden="true" style={{ fontWeight: 700, width: 16, textAlign: 'center' }}>
          ?
        </span>
      </button>
    </section>
  );
}
