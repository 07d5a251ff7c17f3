// The web console (管理控制台): built by `npm run console:build` (also in `postinstall`) into console/dist,
// served by the API server at /console (src/http/console.ts). Everything is bundled: no CDN, no web fonts.
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/console/',
  plugins: [preact({ prerender: { enabled: false } })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // no inline <script> and no modulepreload polyfill: the page's CSP allows scripts from 'self' only
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 700,
    target: 'es2022',
  },
});
