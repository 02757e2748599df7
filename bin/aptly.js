#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm ci` through the `prepare` script).
import('../dist/src/cli/main.js').catch((error) => {
  if (
    error &&
    error.code === 'ERR_MODULE_NOT_FOUND' &&
    String(error.message).includes('dist/src/cli/main.js')
  ) {
    console.error('aptly: the project is not built yet; run `npm ci` (or `npm run build`) first.');
    process.exit(1);
  }
  throw error;
});
