/**
 * Loads the runtime taxonomy: `taxonomy.json` (ESCO + O*NET), `stackoverflow-aliases.json` (CC BY-SA 4.0)
 * and `curated.json`, from the data folder beside this module. Synchronous and memoised: each thread
 * (the main thread and every worker) loads once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTaxonomy } from './build-index.ts';
import { parseCurated } from './curated.ts';
import {
  CURATED_FILE,
  type CuratedFile,
  STACKOVERFLOW_FILE,
  type StackOverflowArtefact,
  TAXONOMY_FILE,
  type TaxonomyArtefact,
} from './format.ts';
import { taxonomyDataDir } from './paths.ts';
import type { Taxonomy } from './types.ts';

export { createTaxonomy, type TaxonomyParts, taxonomyWarnings } from './build-index.ts';

let loaded: Taxonomy | undefined;

export function loadTaxonomy(): Taxonomy {
  loaded ??= loadTaxonomyFrom(taxonomyDataDir(import.meta.url));
  return loaded;
}

export interface LoadOptions {
  /** Merge the Stack Overflow aliases (default true). */
  readonly stackOverflow?: boolean;
  /** Merge curated.json when present (default true). */
  readonly curated?: boolean;
}

/** Loads from a given data folder, unmemoised (tests, tools). */
export function loadTaxonomyFrom(dir: string, options: LoadOptions = {}): Taxonomy {
  const taxonomy = readJson(join(dir, TAXONOMY_FILE));
  if (!isTaxonomyArtefact(taxonomy))
    throw new Error(`${join(dir, TAXONOMY_FILE)} is not a taxonomy artefact`);
  let stackOverflow: StackOverflowArtefact | undefined;
  const soPath = join(dir, STACKOVERFLOW_FILE);
  if (options.stackOverflow !== false && existsSync(soPath)) {
    const value = readJson(soPath);
    if (!isStackOverflowArtefact(value)) throw new Error(`${soPath} is not a Stack Overflow alias artefact`);
    stackOverflow = value;
  }
  let curated: CuratedFile | undefined;
  const curatedPath = join(dir, CURATED_FILE);
  if (options.curated !== false && existsSync(curatedPath)) curated = parseCurated(readJson(curatedPath));
  return createTaxonomy({ taxonomy, stackOverflow, curated });
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A shallow check of the top-level shape; the build that wrote the file guarantees the rest. */
function isTaxonomyArtefact(value: unknown): value is TaxonomyArtefact {
  return (
    isRecord(value) &&
    typeof value.format === 'number' &&
    typeof value.version === 'string' &&
    typeof value.groups === 'string' &&
    isRecord(value.concepts) &&
    isRecord(value.aliases) &&
    isRecord(value.titles) &&
    isRecord(value.unaliased) &&
    isRecord(value.occupations) &&
    Array.isArray(value.abbreviations)
  );
}

function isStackOverflowArtefact(value: unknown): value is StackOverflowArtefact {
  return isRecord(value) && typeof value.format === 'number' && Array.isArray(value.targets);
}
