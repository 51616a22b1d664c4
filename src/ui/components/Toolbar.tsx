// Route files: import a track, export the route as GPX. The drawing tools are on the map
// (DrawTools.tsx). Presentational: state in, callbacks out.

import { useRef } from 'react';
import { useI18n } from '../i18n';

export interface ToolbarProps {
  onImportFile: (file: File) => void;
  canExport: boolean;
  onExportGpx: () => void;
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
