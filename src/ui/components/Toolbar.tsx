// Route files: import a track, export the route as GPX. The drawing tools are on the map
// (DrawTools.tsx). Presentational: state in, callbacks out.

import { useRef } from 'react';
import { useI18n } from '../i18n';

export interface ToolbarProps {
  onImportFile: (file: File) => void;
  canExport: boolean;
  onExportGpx: () => void;
  /** « Copier le lien » (ui/hooks/use-share-link.ts) */
  canCopyLink?: boolean;
  onCopyLink?: () => void;
}

export function Toolbar(props: ToolbarProps) {
  const { t } = useI18n();
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <section className="cav-section cav-toolbar" aria-label={t('toolbar.label')} data-testid="toolbar">
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
