// The entry module: small on purpose. Before the app's own chunk (React, maplibre and the page,
// ~1.7 MB to parse) is even loaded, the engine's worker starts and reads the network, and the
// layers' manifest is on its way: the first click needs the network, the map needs the manifest,
// and neither waits for the page to build itself any more (issue 15, « the first map in a second »).
import { startEngineEarly } from '../ui/engine-start';
import { fetchManifestEarly } from './manifest';

performance.mark('cavalier:main');
startEngineEarly();
fetchManifestEarly();

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
void import('./mount').then(({ mount }) => mount(root));
