// The `pmtiles://` protocol for maplibre, registered once (src/map is the only place importing
// maplibre-gl and pmtiles). A vector source `{ url: 'pmtiles://<absolute URL of the archive>' }`
// then reads its TileJSON and tiles from one PMTiles file with HTTP Range requests: the archive
// is served next to the page (vite dev and preview, any static server), no tile server.
//
// Registered twice: on the page, where maplibre reads the TileJSON, and in maplibre's worker
// (pmtiles-worker.ts), where it reads the tiles; the worker's registration wins for the tiles.
import { addProtocol, importScriptInWorkers } from 'maplibre-gl';
import { Protocol } from 'pmtiles';
import workerScript from './pmtiles-worker.ts?worker&url';

let registered = false;

export function registerPmtilesProtocol(): void {
  if (registered) return;
  registered = true;
  // metadata: the TileJSON carries the archive's vector_layers
  const protocol = new Protocol({ metadata: true });
  addProtocol('pmtiles', protocol.tile);
  // absolute (the worker resolves against its own script), and named as a module: maplibre imports
  // a URL ending in .mjs as it is (the dev server's module, with its imports) instead of evaluating its text
  void importScriptInWorkers(`${new URL(workerScript, document.baseURI).href}#.mjs`).catch((err: unknown) => {
    // the page's registration still answers the tiles, through the main thread
    console.warn('[cavalier] pmtiles in the map worker', err);
  });
}

/** The maplibre source URL of an archive given relative to the page ('data/layers.pmtiles'). */
export const pmtilesUrl = (relative: string, base: string = document.baseURI): string => `pmtiles://${new URL(relative, base).href}`;
