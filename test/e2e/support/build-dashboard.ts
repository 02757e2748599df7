import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const CONFIG = fileURLToPath(new URL('../../../web/vite.config.ts', import.meta.url));

/**
 * Builds web/ into dist/web, so the browser tests drive the sources as they are now, not a stale build.
 * As `npm run build:web` does: vitest sets NODE_ENV=test, which would make Vite build for development.
 */
export async function buildDashboard(): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: CONFIG, mode: 'production', logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
