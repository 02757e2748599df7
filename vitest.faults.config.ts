import { defineConfig } from 'vitest/config';

/**
 * Fault tests (`npm run test:faults`): real `aptly serve` processes on the real PostgreSQL, killed,
 * stopped and cut off from the database on purpose. One file at a time, after the main suite: one of
 * them restarts PostgreSQL, which no other test may be using.
 */
export default defineConfig({
  test: {
    include: ['test/faults/**/*.faults.ts'],
    globalSetup: ['test/faults/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
