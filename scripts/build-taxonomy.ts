/**
 * Builds the runtime taxonomy from ESCO v1.1.1, O*NET 29.3 and Stack Overflow tag synonyms.
 *
 *   npm run taxonomy:build [-- --source DIR] [--out DIR] [--report FILE]
 *
 * --source  the taxonomy data folder (default ../shared/taxonomy-data, from the project root)
 * --out     where to write the artefacts (default src/scoring/local/taxonomy/data)
 * --report  also write the build statistics as JSON
 * The output is deterministic: the same sources give the same bytes. Ends by recompiling the curated.json of
 * --out (as `npm run taxonomy:curated` does), since its phrase keys come from the same tokenizer.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findPackageRoot } from '../src/config/package-root.ts';
import { buildTaxonomy } from './taxonomy/build.ts';
import { writeCompiledCurated } from './taxonomy/curated.ts';
import { writeFiles } from './taxonomy/write.ts';

const root = findPackageRoot(import.meta.url);
const { values } = parseArgs({
  options: {
    source: { type: 'string', default: '../shared/taxonomy-data' },
    out: { type: 'string', default: 'src/scoring/local/taxonomy/data' },
    report: { type: 'string' },
  },
});
const source = resolve(root, values.source);
const out = resolve(root, values.out);

const started = Date.now();
const { files, report } = buildTaxonomy(source);
writeFiles(out, files);
if (values.report !== undefined)
  writeFileSync(resolve(values.report), `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
const curated = writeCompiledCurated(out);
for (const warning of curated.warnings) process.stderr.write(`${warning}\n`);
if (curated.written !== undefined) process.stdout.write(`${curated.written} written\n`);
process.stdout.write(`taxonomy written to ${out} in ${Date.now() - started} ms\n`);
