import { defineConfig } from 'vite';
import { boundariesPlugin } from './geo-split.js';
import { precompressPlugin } from './precompress.js';

// The dashboard is built into dist/dashboard, which the API process serves at `/` (src/bootstrap/serve-dashboard.ts).
// `npm run dev:dashboard` serves it with hot reload and forwards /api to a running `npm start`.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  // The choropleth's boundaries (vendor/geo), split per layer and per province into dist/dashboard/geo/.
  // Scripts and stylesheets get a gzip sibling the API process sends (precompress.ts).
  plugins: [boundariesPlugin(), precompressPlugin()],
  build: {
    outDir: '../dist/dashboard',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 400,
    // The boundary split (geo-split.ts) takes a few seconds by design; no timing report on every build.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
