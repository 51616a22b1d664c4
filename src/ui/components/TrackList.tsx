// The drawn route and the imported tracks: which one the figures and the export are about.
import { useI18n } from '../i18n';

interface TrackItem {
  id: string;
  name: string;
  /** a GPX rte: labelled, since a file's tracks and routes often share a name */
  route?: boolean;
}

export interface TrackListProps {
  routeName: string;
  tracks: TrackItem[];
  active: 'route' | string;
  onSelect: (id: 'route' | string) => void;
  onRemove: (id: string) => void;
  onRenameRoute: (name: string) => void;
}

export function TrackList({ routeName, tracks, active, onSelect, onRemove, onRenameRoute }: TrackListProps) {
  const { t } = useI18n();
  return (
    <section className="cav-section" aria-labelledby="cav-tracks-title" data-testid="track-list">
      <h2 id="cav-tracks-title" className="cav-section-title">
        {t('tracks.title')}
      </h2>
      <ul className="cav-tracks">
        <li className={active === 'route' ? 'is-active' : undefined}>
          <input
            type="radio"
            name="cav-active"
            checked={active === 'route'}
            onChange={() => onSelect('route')}
            aria-label={t('tracks.select')}
            data-testid="track-select-route"
          />
          <input
            className="cav-route-name"
            value={routeName}
            onChange={(e) => onRenameRoute(e.currentTarget.value)}
            aria-label={t('tracks.routeName')}
            maxLength={200}
            data-testid="route-name"
          />
        </li>
        {tracks.map((tr) => (
          <li key={tr.id} className={active === tr.id ? 'is-active' : undefined} data-testid="track-item">
            <input type="radio" name="cav-active" checked={active === tr.id} onChange={() => onSelect(tr.id)} aria-label={t('tracks.select')} />
            <span className="cav-track-name">{tr.name}</span>
            {tr.route && (
              <span className="cav-track-kind" data-testid="track-kind">
                {t('tracks.routeKind')}
              </span>
            )}
            <button type="button" className="cav-btn cav-btn--icon" onClick={() => onRemove(tr.id)} title={t('tracks.remove')} aria-label={t('tracks.remove')}>
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
