import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCompiledCurated } from '../../../../scripts/taxonomy/curated.ts';
import {
  compileCuratedSource,
  curatedSourceHash,
} from '../../../../src/scoring/local/taxonomy/curated-compile.ts';
import {
  CURATED_COMPILED_FILE,
  CURATED_FILE,
  STACKOVERFLOW_FILE,
  TAXONOMY_FILE,
} from '../../../../src/scoring/local/taxonomy/format.ts';
import { loadTaxonomyFrom, taxonomyWarnings } from '../../../../src/scoring/local/taxonomy/load.ts';
import { taxonomyDataDir } from '../../../../src/scoring/local/taxonomy/paths.ts';
import { phraseKey } from '../../../../src/scoring/local/text/tokenize.ts';
import { differences, observe } from './observe.ts';

const RECOMPILE = 'run `npm run taxonomy:curated`';

describe('the committed curated.compiled.json', () => {
  const dir = taxonomyDataDir();
  const source = join(dir, CURATED_FILE);
  const target = join(dir, CURATED_COMPILED_FILE);

  it('is compiled from the committed curated.json, by the current compiler', () => {
    if (!existsSync(source)) {
      expect(existsSync(target), `${CURATED_COMPILED_FILE} without ${CURATED_FILE}: ${RECOMPILE}`).toBe(
        false,
      );
      return;
    }
    expect(existsSync(target), `no ${CURATED_COMPILED_FILE}: ${RECOMPILE}`).toBe(true);
    const bytes = readFileSync(source);
    const committed: unknown = JSON.parse(readFileSync(target, 'utf8'));
    expect(
      (committed as { source?: unknown }).source,
      `${CURATED_FILE} changed since it was compiled: ${RECOMPILE}`,
    ).toBe(curatedSourceHash(bytes));
    // Same source, different output: the compiler or the tokenizer changed since.
    expect(committed, `${CURATED_COMPILED_FILE} is out of date with the code: ${RECOMPILE}`).toEqual(
      compileCuratedSource(bytes),
    );
  });
});

describe('compiling curated.json', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aptly-curated-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const name of [TAXONOMY_FILE, STACKOVERFLOW_FILE])
    symlinkSync(join(taxonomyDataDir(), name), join(dir, name));
  const curated = {
    version: '7',
    concepts: [
      {
        label: 'Rust',
        kind: 'technology',
        aliases: ['Rust lang', 'rustlang'],
        group: 'programming-languages',
      },
      { label: 'Café management', kind: 'skill', aliases: ['R'], implies: ['Rust', 'nothing like it'] },
    ],
    abbreviations: [{ short: 'RGN', long: 'Registered Nurse' }],
    blockedAliases: ['k8s'],
  };
  writeFileSync(join(dir, CURATED_FILE), JSON.stringify(curated, null, 1));

  it('is only needed for speed: without it, loading compiles curated.json and says so', () => {
    const uncompiled = loadTaxonomyFrom(dir);
    expect(taxonomyWarnings(uncompiled)[0]).toContain(RECOMPILE.replace(/`/g, ''));

    const { written, warnings } = writeCompiledCurated(dir);
    expect(written).toBe(join(dir, CURATED_COMPILED_FILE));
    expect(warnings).toEqual(['curated: alias "R" of "Café management" is too short unless case-sensitive']);
    const loaded = loadTaxonomyFrom(dir);
    expect(taxonomyWarnings(loaded)).toEqual([
      ...warnings,
      'curated: "Café management" implies unknown "nothing like it"',
    ]);
    const probes = {
      aliasKeys: ['rust', 'rust lang', 'rustlang', 'cafe manag', 'k8s', 'r'].map((k) => phraseKey(k)),
      titleKeys: ['rgn'],
      abbreviations: ['RGN'],
      related: [],
    };
    const expected = observe(uncompiled, probes).filter((line) => !line.startsWith('["warnings"'));
    const actual = observe(loaded, probes).filter((line) => !line.startsWith('["warnings"'));
    expect(differences(expected, actual)).toEqual([]);
    expect(loaded.lookup('rustlang')?.[0]).toMatchObject({ surface: 'rustlang', source: 'curated' });
    expect(loaded.lookup('k8s')).toBeUndefined();
  });

  it('writes the same ASCII-only bytes every time, and removes the output when curated.json goes', () => {
    writeCompiledCurated(dir);
    const first = readFileSync(join(dir, CURATED_COMPILED_FILE), 'utf8');
    writeCompiledCurated(dir);
    expect(readFileSync(join(dir, CURATED_COMPILED_FILE), 'utf8')).toBe(first);
    expect(/^[\x20-\x7e\n]*$/.test(first)).toBe(true);
    rmSync(join(dir, CURATED_FILE));
    expect(writeCompiledCurated(dir).written).toBeUndefined();
    expect(existsSync(join(dir, CURATED_COMPILED_FILE))).toBe(false);
  });
});
