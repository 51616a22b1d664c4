/// <reference types="vitest/config" />
// Vite build of the app and the vitest configuration.
//
// - base './': the built app works from any path (a sub-folder, a file share, a USB stick via a local server).
// - worker.format 'es': module workers (comlink workers in workers/ are created with { type: 'module' }).
// - Test hooks: the map controller ALWAYS sets window.__cavalierMap, __cavalierController,
//   __cavalierMapReady, __cavalierSources and __cavalierIdle (see src/map/map-controller.ts). They cost
//   nothing, hold no secrets, and let the browser tests run against the ordinary production build.
// - VitePWA: installable and offline after the first visit. The manifest and the icons are files of
//   public/ (manifest.webmanifest, icons/); the service worker is src/app/sw.ts, given the list of
//   files to precache: the app shell and all of public/data (~20 MB: the network, the relief and the
//   layers are the app's work, a partial offline app would draw nothing). Source maps stay out.
//   No service worker in dev (devOptions off): `npm start` always serves the sources as they are.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  base: './',
  plugins: [
    react(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/app',
      filename: 'sw.ts',
      // registered by the app once the first map is drawn (src/app/register-sw.ts), not at 'load'
      injectRegister: false,
      manifest: false,
      injectManifest: {
        globPatterns: ['**/*.{html,js,mjs,css,woff,woff2,png,svg,webmanifest,json,geojson,bin,pmtiles}'],
        globIgnores: ['**/*.map', '.cavalier-build-stamp'],
        // layers.pmtiles is ~8 MB; the default 2 MiB would leave it out, and the tiles with it
        maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
      },
      devOptions: { enabled: false },
    }),
  ],
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: true,
    // maplibre alone is ~1.3 MB; the page's own code (search, labels included) is ~0.3 MB
    chunkSizeWarningLimit: 1700,
  },
  preview: { host: '127.0.0.1' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/**/*.test.ts', 'src/**/*.test.ts', 'workers/**/*.test.ts', 'data/**/*.test.ts'],
          exclude: ['test/browser/**', '**/node_modules/**', 'dist/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          // node drives a real Chromium through playwright-core (test/browser/harness.ts)
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 120_000,
          // the first file may build the app
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
