import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileCurated } from '../../../../src/scoring/local/taxonomy/curated-compile.ts';
import {
  type CuratedFile,
  STACKOVERFLOW_FILE,
  type StackOverflowArtefact,
  TAXONOMY_FILE,
  type TaxonomyArtefact,
} from '../../../../src/scoring/local/taxonomy/format.ts';
import { createTaxonomy as create } from '../../../../src/scoring/local/taxonomy/load.ts';
import { taxonomyDataDir } from '../../../../src/scoring/local/taxonomy/paths.ts';
import type { Taxonomy } from '../../../../src/scoring/local/taxonomy/types.ts';

let parsed: { taxonomy: TaxonomyArtefact; stackOverflow: StackOverflowArtefact } | undefined;

/** The committed artefacts (parsed once per test file) merged with the given curated content, compiled. */
export function createTaxonomy(parts: { curated: CuratedFile | undefined }): Taxonomy {
  const dir = taxonomyDataDir();
  parsed ??= {
    taxonomy: JSON.parse(readFileSync(join(dir, TAXONOMY_FILE), 'utf8')) as TaxonomyArtefact,
    stackOverflow: JSON.parse(readFileSync(join(dir, STACKOVERFLOW_FILE), 'utf8')) as StackOverflowArtefact,
  };
  return create({
    ...parsed,
    curated: parts.curated === undefined ? undefined : compileCurated(parts.curated),
  });
}
