// React only creates the map controller and hands it up; everything else is imperative.

import { createContext, useEffect, useRef, useState } from 'react';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapController, type MapControllerOptions } from './map-controller';

export const MapControllerContext = createContext<MapController | null>(null);

export interface MapViewProps {
  /** called with the controller once created, and with null when it is destroyed */
  onController: (controller: MapController | null) => void;
  options?: MapControllerOptions;
  /** shown instead of the map when WebGL is unavailable */
  unavailableMessage: string;
  /** accessible name of the map region */
  label?: string;
  className?: string;
}

export function MapView({ onController, options, unavailableMessage, label, className }: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const callback = useRef(onController);
  callback.current = onController;
  const initialOptions = useRef(options);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    if (!container.current) return;
    performance.mark('cavalier:mounted');
    let controller: MapController;
    try {
      controller = new MapController(container.current, initialOptions.current);
    } catch (err) {
      console.error('[cavalier] the map could not be created', err);
      setFailed(err instanceof Error ? err.message : String(err));
      return;
    }
    callback.current(controller);
    return () => {
      callback.current(null);
      controller.destroy();
    };
  }, []);

  return (
    <section className={className ?? 'cav-map'} data-testid="map" aria-label={label}>
      <div ref={container} className="cav-map-canvas" />
      {failed !== null && (
        <div className="cav-map-failed" role="alert" data-testid="map-failed">
          <p>{unavailableMessage}</p>
          <p className="cav-muted">{failed}</p>
        </div>
      )}
    </section>
  );
}
