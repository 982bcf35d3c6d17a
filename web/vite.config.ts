import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run web:dev` serves the app with hot reload on :5173 and passes /api to the Watchfloor
// server (`npm run dev` or `npm run demo`, on :8080) so the session cookie stays same-origin.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The server's CSP allows no inline script; Vite's module-preload polyfill is bundled.
    assetsInlineLimit: 0,
  },
});
