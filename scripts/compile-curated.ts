/**
 * Recompiles the curated data after an edit to curated.json:
 *
 *   npm run taxonomy:curated [-- --dir DIR]
 *
 * --dir  the folder holding curated.json (default src/scoring/local/taxonomy/data)
 * Also run at the end of `npm run taxonomy:build`. The output is deterministic.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findPackageRoot } from '../src/config/package-root.ts';
import { writeCompiledCurated } from './taxonomy/curated.ts';

const { values } = parseArgs({
  options: { dir: { type: 'string', default: 'src/scoring/local/taxonomy/data' } },
});
const dir = resolve(findPackageRoot(import.meta.url), values.dir);
const started = Date.now();
const { written, warnings } = writeCompiledCurated(dir);
for (const warning of warnings) process.stderr.write(`${warning}\n`);
process.stdout.write(
  written === undefined
    ? `no curated.json in ${dir}: nothing to compile\n`
    : `${written} written in ${Date.now() - started} ms (${warnings.length} warnings)\n`,
);
