import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

const webDir = new URL('.', import.meta.url).pathname;

/** The dashboard: built into dist/web, served by the API server itself (src/http/plugins/dashboard.ts). */
export default defineConfig({
  root: webDir,
  base: '/',
  publicDir: false,
  plugins: [preact()],
  build: {
    outDir: new URL('../dist/web', import.meta.url).pathname,
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: true,
    target: 'es2022',
  },
  server: {
    // `npx vite --config web/vite.config.ts` during development: the API runs on its usual port.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
