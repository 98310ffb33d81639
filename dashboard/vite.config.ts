import { defineConfig } from 'vite';

// The dashboard is built into dist/dashboard, which the API process serves at `/` (src/bootstrap/serve-dashboard.ts).
// `npm run dev:dashboard` serves it with hot reload and forwards /api to a running `npm start`.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  build: {
    outDir: '../dist/dashboard',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 400,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
