import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

/** A directory beside this file, as a path (decoded: a checkout under "My Projects" has a space). */
const pathOf = (relative: string) => decodeURIComponent(new URL(relative, import.meta.url).pathname);

/** The dashboard: built into dist/web, served by the API server itself (src/http/plugins/dashboard.ts). */
export default defineConfig({
  root: pathOf('.'),
  base: '/',
  publicDir: false,
  plugins: [preact()],
  build: {
    outDir: pathOf('../dist/web'),
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
