// A one-shot worker: reads the places of the embedded layers (place-engine.ts) and is then ended
// by the page (see readPlacesInWorker in client.ts).
import { expose } from 'comlink';
import { readPlaces } from './place-engine';

expose({ readPlaces: (layers: Parameters<typeof readPlaces>[0]) => readPlaces(layers) });
