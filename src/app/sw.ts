// The service worker: after the first visit the app opens and works without a network — the page,
// its scripts, styles and fonts, the worker, the icons and every embedded data file
// (public/data/*: network, relief, layers, their vector tiles), about 20 MB in all.
//
// Built by vite-plugin-pwa (strategy injectManifest, see vite.config.ts), which replaces
// self.__WB_MANIFEST with the build's list of files and their revisions; Workbox precaches them
// at install and answers from that cache, and a new build's files replace the old ones.
//
// The vector tiles are read with HTTP Range requests (pmtiles, src/map/pmtiles-protocol.ts) and
// pmtiles refuses a whole file given for a range: a Range request for a precached file gets the
// bytes it asks for (206) cut from the cached copy, before the precache route answers 200 with all
// of it. Navigations (a reload, a link with ?debug=1 or a #fragment) get the cached index.html.
//
// Updates: a new build's worker installs in the background and takes over once every Cavalier tab
// is closed (no skipWaiting): a tab never finds its code swapped while the user works.
import { cleanupOutdatedCaches, createHandlerBoundToURL, matchPrecache, type PrecacheEntry, precacheAndRoute } from 'workbox-precaching';
import { createPartialResponse } from 'workbox-range-requests';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: { __WB_MANIFEST: (string | PrecacheEntry)[] };

registerRoute(
  ({ request }) => request.headers.has('range'),
  async ({ request }) => {
    const cached = await matchPrecache(request.url);
    return cached ? createPartialResponse(request, cached) : fetch(request);
  },
);
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));
