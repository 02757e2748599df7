/**
 * Compiles `curated.json` into `curated.compiled.json` in the same folder (see curated-compile.ts). Needs
 * only curated.json, not the taxonomy sources, so an edit to curated.json is a one-second recompile.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileCuratedSource } from '../../src/scoring/local/taxonomy/curated-compile.ts';
import { CURATED_COMPILED_FILE, CURATED_FILE } from '../../src/scoring/local/taxonomy/format.ts';
import { serialise } from './write.ts';

export interface CuratedCompileResult {
  readonly written: string | undefined;
  readonly warnings: readonly string[];
}

/** Writes the compiled file, or removes a stale one when there is no curated.json. */
export function writeCompiledCurated(dir: string): CuratedCompileResult {
  const source = join(dir, CURATED_FILE);
  const target = join(dir, CURATED_COMPILED_FILE);
  if (!existsSync(source)) {
    rmSync(target, { force: true });
    return { written: undefined, warnings: [] };
  }
  const compiled = compileCuratedSource(readFileSync(source));
  writeFileSync(target, serialise(compiled));
  return { written: target, warnings: compiled.warnings };
}
