// The `pmtiles://` protocol inside maplibre's worker (loaded there by importScriptInWorkers, see
// pmtiles-protocol.ts): the tiles' range requests and their decompression then run in the worker
// that parses them, instead of a round trip through the page's main thread for every tile, which
// waited behind every frame drawn meanwhile (issue 15: on the first map, the archive's ranges came
// in over 2 s, a frame of 150–400 ms on the CPU at a time).
import { Protocol } from 'pmtiles';

const protocol = new Protocol({ metadata: true });
(self as unknown as { addProtocol: (name: string, fn: Protocol['tile']) => void }).addProtocol('pmtiles', protocol.tile);
