import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createState,
  finishTaxonomy,
  type TaxonomyParts,
} from '../../../../src/scoring/local/taxonomy/build-index.ts';
import { parseCurated } from '../../../../src/scoring/local/taxonomy/curated.ts';
import { compileCurated } from '../../../../src/scoring/local/taxonomy/curated-compile.ts';
import {
  CURATED_FILE,
  type CuratedFile,
  STACKOVERFLOW_FILE,
  type StackOverflowArtefact,
  TAXONOMY_FILE,
  type TaxonomyArtefact,
} from '../../../../src/scoring/local/taxonomy/format.ts';
import { createTaxonomy } from '../../../../src/scoring/local/taxonomy/load.ts';
import { StringTable } from '../../../../src/scoring/local/taxonomy/packed.ts';
import { taxonomyDataDir } from '../../../../src/scoring/local/taxonomy/paths.ts';
import { mergeStackOverflow } from '../../../../src/scoring/local/taxonomy/stackoverflow.ts';
import type { Taxonomy } from '../../../../src/scoring/local/taxonomy/types.ts';
import { phraseKey } from '../../../../src/scoring/local/text/tokenize.ts';
import { legacyMergeCurated } from './legacy-curated-merge.ts';
import { differences, observe, type Probes } from './observe.ts';

/**
 * The compiled curated merge must give exactly what the merge of the raw curated.json gave before it was
 * precompiled (legacy-curated-merge.ts): same concepts, groups, implies, lookups, titles, abbreviations,
 * version and warnings.
 */

const dir = taxonomyDataDir();
const taxonomy = JSON.parse(readFileSync(join(dir, TAXONOMY_FILE), 'utf8')) as TaxonomyArtefact;
const stackOverflow = JSON.parse(
  readFileSync(join(dir, STACKOVERFLOW_FILE), 'utf8'),
) as StackOverflowArtefact;

function legacy(curated: CuratedFile): Taxonomy {
  const state = createState(taxonomy);
  mergeStackOverflow(state, stackOverflow);
  legacyMergeCurated(state, curated);
  return finishTaxonomy(state);
}

function compiled(curated: CuratedFile): Taxonomy {
  const parts: TaxonomyParts = { taxonomy, stackOverflow, curated: compileCurated(curated) };
  return createTaxonomy(parts);
}

/** Every key the curated file or Stack Overflow touches, plus `more`; related concepts of what they find. */
function probes(curated: CuratedFile, reference: Taxonomy, more: Iterable<string> = []): Probes {
  const surfaces = [
    ...curated.concepts.flatMap((c) => [c.label, ...c.aliases, ...c.caseSensitive, ...c.implies]),
    ...curated.blockedAliases,
  ];
  const aliasKeys = new Set([...more, ...surfaces.map((s) => phraseKey(s))]);
  for (const [, , ...aliases] of stackOverflow.targets) for (const [, key] of aliases) aliasKeys.add(key);
  const abbreviations = [...taxonomy.abbreviations.map(([short]) => short)];
  const titleKeys = new Set<string>();
  for (const a of curated.abbreviations) {
    abbreviations.push(a.short);
    titleKeys.add(phraseKey(a.short));
    titleKeys.add(phraseKey(a.long));
  }
  const related = new Set<number>();
  for (const key of aliasKeys) for (const e of reference.lookup(key) ?? []) related.add(e.concept);
  return { aliasKeys, titleKeys, abbreviations, related };
}

function expectSameAnswers(curated: CuratedFile, moreKeys: Iterable<string> = []): void {
  const before = legacy(curated);
  const after = compiled(curated);
  const asked = probes(curated, before, moreKeys);
  expect(differences(observe(before, asked), observe(after, asked))).toEqual([]);
}

/** Each edge of the merge: shared label keys, kinds, short aliases, blocking, implies, groups, titles. */
const EDGES: CuratedFile = parseCurated({
  version: 'edges',
  concepts: [
    { label: 'Go', kind: 'technology', aliases: ['Golang', 'Go language', 'go'], caseSensitive: ['Go'] },
    // Same label key as "Go": merges into it, repeats "Golang", implies itself (ignored).
    {
      label: 'go',
      kind: 'technology',
      aliases: ['Golang', 'Go lang'],
      caseSensitive: ['GO'],
      group: 'systems-languages',
      implies: ['Go', 'PostgreSQL'],
    },
    {
      label: 'PostgreSQL',
      kind: 'knowledge',
      aliases: ['Postgres', 'psql', 'postgres'],
      group: 'databases',
      implies: ['SQL', 'MySQL', 'Postgres', 'the'],
    },
    { label: 'Python', kind: 'soft', aliases: ['py', 'Python3'], implies: ['PostgreSQL', 'Go'] },
    { label: 'the of and', kind: 'skill', aliases: ['x'], implies: ['Go'] },
    {
      label: 'ACCA',
      kind: 'certification',
      aliases: ['ACCA qualified', 'A', 'Association of Chartered Certified Accountants'],
      caseSensitive: ['ACCA'],
      group: 'accounting-certifications',
      implies: ['accounting', 'no such concept'],
    },
    { label: 'Excel', kind: 'tool', aliases: ['MS Excel', 'spreadsheets'], caseSensitive: ['Excel'] },
    { label: 'Forklift', kind: 'skill', aliases: ['forklifts', 'fork lift truck'], group: '' },
    { label: 'JavaScript', kind: 'technology', aliases: ['mocha', 'JS'], caseSensitive: ['JS'] },
    { label: 'Welsh', kind: 'language', aliases: ['Cymraeg'], caseSensitive: ['Welsh'], group: 'databases' },
    { label: 'Kubernetes', kind: 'tool', aliases: ['kube'], group: 'databases', implies: ['Go', 'Docker'] },
  ],
  abbreviations: [
    { short: 'RGN', long: 'Registered Nurse' },
    { short: 'Physio', long: 'Physiotherapist', caseSensitive: false },
    { short: 'RN', long: 'Registered Nurse', caseSensitive: true },
    { short: 'XYZ', long: 'no such title' },
    { short: 'the', long: 'Registered Nurse' },
  ],
  blockedAliases: ['mocha', 'Python3', 'the', 'k8s', 'node', 'psql'],
});

describe('the compiled curated merge gives what the raw merge gave', () => {
  it('on edge cases', () => {
    expectSameAnswers(EDGES, ['javascript', 'kubernetes', 'golang', 'sql', 'mysql', 'docker']);
  });

  it('on an empty curated file', () => {
    expectSameAnswers(parseCurated({}));
  });

  it('on the committed curated.json, for every alias key', () => {
    const curated = parseCurated(JSON.parse(readFileSync(join(dir, CURATED_FILE), 'utf8')));
    expectSameAnswers(curated, new StringTable(taxonomy.aliases.keys).toArray());
  }, 60_000);
});
