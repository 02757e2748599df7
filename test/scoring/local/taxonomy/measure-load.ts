/**
 * Run in a child process by load.test.ts (`node --expose-gc --import tsx measure-load.ts`): measures
 * `loadTaxonomy()` from a cold start and prints the figures as one JSON line.
 */
import { loadTaxonomy } from '../../../../src/scoring/local/taxonomy/load.ts';
import { phraseKey } from '../../../../src/scoring/local/text/tokenize.ts';

const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const before = process.memoryUsage();
const started = performance.now();
const taxonomy = loadTaxonomy();
const loadMs = performance.now() - started;
const lookupStarted = performance.now();
let found = 0;
for (const text of ['PostgreSQL', 'k8s', 'AutoCAD', 'manage payroll', 'forklift', 'JavaScript', 'Python']) {
  if (taxonomy.lookup(phraseKey(text)) !== undefined) found++;
}
const lookupMs = performance.now() - lookupStarted;
gc?.();
const after = process.memoryUsage();
const mb = (bytes: number) => Math.round((bytes / 1e6) * 10) / 10;
process.stdout.write(
  `${JSON.stringify({
    loadMs: Math.round(loadMs),
    firstLookupsMs: Math.round(lookupMs * 10) / 10,
    heapAddedMb: mb(after.heapUsed - before.heapUsed),
    externalAddedMb: mb(after.external + after.arrayBuffers - before.external - before.arrayBuffers),
    rssAddedMb: mb(after.rss - before.rss),
    concepts: taxonomy.concepts.length,
    found,
    version: taxonomy.version,
  })}\n`,
);
