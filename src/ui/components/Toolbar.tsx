// Route tools. Presentational: state in, callbacks out.

import { useRef } from 'react';
import { useI18n } from '../i18n';

export type LegMode = 'network' | 'straight';

export interface ToolbarProps {
  drawing: boolean;
  onDrawingChange: (drawing: boolean) => void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  canClear: boolean;
  onClear: () => void;
  onImportFile: (file: File) => void;
  canExport: boolean;
  onExportGpx: () => void;
  /** « Copier le lien » (ui/hooks/use-share-link.ts) */
  canCopyLink?: boolean;
  onCopyLink?: () => void;
  legMode: LegMode;
  onLegModeChange: (mode: LegMode) => void;
}

export function Toolbar(props: ToolbarProps) {
  const { t } = useI18n();
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <section className="cav-section cav-toolbar" aria-label={t('toolbar.label')} data-testid="toolbar">
      <div className="cav-toolbar-row">
        <button
          type="button"
          className={`cav-btn cav-btn--primary${props.drawing ? ' is-active' : ''}`}
          aria-pressed={props.drawing}
          onClick={() => props.onDrawingChange(!props.drawing)}
          title={t('toolbar.draw.hint')}
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
          title={t('toolbar.undo')}
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
          title={t('toolbar.redo')}
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
      </div>
      <div className="cav-toolbar-row">
        <button type="button" className="cav-btn" onClick={() => fileInput.current?.click()} title={t('toolbar.import.hint')} data-testid="tool-import">
          <Icon d="M5 20h14v-2H5v2zm7-18-5.5 5.5 1.41 1.41L11 5.83V16h2V5.83l3.09 3.08 1.41-1.41L12 2z" />
          {t('toolbar.import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          accept=".gpx,.geojson,.json,.kml,application/gpx+xml,application/geo+json,application/vnd.google-earth.kml+xml"
          data-testid="tool-import-input"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) props.onImportFile(file);
            e.currentTarget.value = '';
          }}
        />
        <button
          type="button"
          className="cav-btn"
          disabled={!props.canExport}
          onClick={props.onExportGpx}
          title={t('toolbar.export.hint')}
          data-testid="tool-export"
        >
          <Icon d="M5 20h14v-2H5v2zM19 9h-4V3H9v6H5l7 7 7-7z" />
          {t('toolbar.export')}
        </button>
        {props.onCopyLink && (
          <button
            type="button"
            className="cav-btn"
            disabled={!props.canCopyLink}
            onClick={props.onCopyLink}
            title={t('share.copy.hint')}
            data-testid="tool-share"
          >
            <Icon d="M3.9 12a3.1 3.1 0 0 1 3.1-3.1h4V7H7a5 5 0 0 0 0 10h4v-1.9H7A3.1 3.1 0 0 1 3.9 12zM8 13h8v-2H8v2zm9-6h-4v1.9h4a3.1 3.1 0 0 1 0 6.2h-4V17h4a5 5 0 0 0 0-10z" />
            {t('share.copy')}
          </button>
        )}
      </div>
      <div className="cav-toolbar-mode">
        <span className="cav-small cav-muted" id="cav-legmode-label">
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
      </div>
    </section>
  );
}

function Icon({ d }: { d: string }) {
  return (
    <svg className="cav-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={d} fill="currentColor" />
    </svg>
  );
}
