// The page itself, loaded by the entry module (main.tsx) once the engine and the manifest are on
// their way: React, maplibre and the app, in one chunk.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { prewarmMap } from '../map/map-controller';
// after App's imports (maplibre's stylesheet among them): the app's rules win, as they did
import './app.css';

export function mount(root: HTMLElement): void {
  performance.mark('cavalier:app-loaded');
  prewarmMap();
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
