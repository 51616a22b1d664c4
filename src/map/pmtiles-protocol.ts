// The `pmtiles://` protocol for maplibre, registered once (src/map is the only place importing
// maplibre-gl and pmtiles). A vector source `{ url: 'pmtiles://<absolute URL of the archive>' }`
// then reads its TileJSON and tiles from one PMTiles file with HTTP Range requests: the archive
// is served next to the page (vite dev and preview, any static server), no tile server.
import { addProtocol } from 'maplibre-gl';
import { Protocol } from 'pmtiles';

let registered = false;

export function registerPmtilesProtocol(): void {
  if (registered) return;
  registered = true;
  // metadata: the TileJSON carries the archive's vector_layers
  const protocol = new Protocol({ metadata: true });
  addProtocol('pmtiles', protocol.tile);
}

/** The maplibre source URL of an archive given relative to the page ('data/layers.pmtiles'). */
export const pmtilesUrl = (relative: string, base: string = document.baseURI): string => `pmtiles://${new URL(relative, base).href}`;
