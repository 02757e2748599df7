/**
 * Loads the runtime taxonomy: `taxonomy.json` (ESCO + O*NET), `stackoverflow-aliases.json` (CC BY-SA 4.0)
 * and `curated.compiled.json` (curated.json compiled by `npm run taxonomy:curated`), from the data folder
 * beside this module. Synchronous and memoised: each thread (the main thread and every worker) loads once.
 */
import { isAscii } from 'node:buffer';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTaxonomy } from './build-index.ts';
import { compileCuratedSource } from './curated-compile.ts';
import {
  type CompiledCurated,
  CURATED_COMPILED_FILE,
  CURATED_COMPILED_FORMAT,
  CURATED_FILE,
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
  /** Merge the curated data when present (default true). */
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
  if (options.curated === false) return createTaxonomy({ taxonomy, stackOverflow });
  return createTaxonomy({ taxonomy, stackOverflow, curated: readCurated(dir) });
}

/**
 * The compiled curated data. Without a compiled file, curated.json is compiled here (slow: it stems every
 * alias) and a warning says so; whether the compiled file is up to date is checked by the tests, not here,
 * so that loading never reads curated.json.
 */
function readCurated(dir: string): CompiledCurated | undefined {
  const compiledPath = join(dir, CURATED_COMPILED_FILE);
  if (existsSync(compiledPath)) {
    const value = readJson(compiledPath);
    if (!isCompiledCurated(value)) {
      throw new Error(`${compiledPath} is not compiled curated data: run npm run taxonomy:curated`);
    }
    return value;
  }
  const sourcePath = join(dir, CURATED_FILE);
  if (!existsSync(sourcePath)) return undefined;
  const compiled = compileCuratedSource(readFileSync(sourcePath));
  const missing = `curated: no ${CURATED_COMPILED_FILE}, so ${CURATED_FILE} was compiled at load (run npm run taxonomy:curated)`;
  return { ...compiled, warnings: [missing, ...compiled.warnings] };
}

function readJson(path: string): unknown {
  const bytes = readFileSync(path);
  // The artefacts are written ASCII-only (scripts/taxonomy/write.ts), and ASCII read as Latin-1 is the same
  // text without UTF-8 decoding, which takes half the time of reading taxonomy.json.
  return JSON.parse(isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8'));
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

function isCompiledCurated(value: unknown): value is CompiledCurated {
  return (
    isRecord(value) &&
    value.format === CURATED_COMPILED_FORMAT &&
    typeof value.version === 'string' &&
    isRecord(value.concepts) &&
    isRecord(value.aliases) &&
    isRecord(value.implies) &&
    Array.isArray(value.abbreviations) &&
    Array.isArray(value.warnings)
  );
}

function isStackOverflowArtefact(value: unknown): value is StackOverflowArtefact {
  return isRecord(value) && typeof value.format === 'number' && Array.isArray(value.targets);
}
