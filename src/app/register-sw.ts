// The service worker (src/app/sw.ts, built by vite-plugin-pwa) registered by the app itself, once the
// first map is drawn: its install precaches the app and all of public/data (~20 MB), which on a first
// visit competed with the first map for the network and the CPU when it started at the page's 'load'.
// The built app only: the dev server has none (vite.config.ts).
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('./sw.js', { scope: './' }).catch((err: unknown) => {
    // no offline copy this time; the app works online as it is
    console.warn('[cavalier] service worker', err);
  });
}
