import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuildOutput, buildTaxonomy, missingSources } from '../../../../scripts/taxonomy/build.ts';
import { writeFiles } from '../../../../scripts/taxonomy/write.ts';
import { findPackageRoot } from '../../../../src/config/package-root.ts';
import { createTaxonomy } from '../../../../src/scoring/local/taxonomy/load.ts';
import { taxonomyDataDir } from '../../../../src/scoring/local/taxonomy/paths.ts';
import type { Taxonomy } from '../../../../src/scoring/local/taxonomy/types.ts';
import { phraseKey } from '../../../../src/scoring/local/text/tokenize.ts';
import { writeFixtureSources } from './fixture-sources.ts';

function parse(output: BuildOutput, name: string): unknown {
  const text = output.files.get(name);
  if (text === undefined) throw new Error(`build wrote no ${name}`);
  return JSON.parse(text);
}

function load(output: BuildOutput): Taxonomy {
  return createTaxonomy({
    taxonomy: parse(output, 'taxonomy.json') as Parameters<typeof createTaxonomy>[0]['taxonomy'],
    stackOverflow: parse(output, 'stackoverflow-aliases.json') as Parameters<
      typeof createTaxonomy
    >[0]['stackOverflow'],
  });
}

function labels(taxonomy: Taxonomy, text: string): string[] {
  return (taxonomy.lookup(phraseKey(text)) ?? []).map((e) => taxonomy.concepts[e.concept]?.label ?? '?');
}

describe('taxonomy build on a fixture subset of the sources', () => {
  let dir: string;
  let first: BuildOutput;
  let taxonomy: Taxonomy;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'aptly-taxonomy-fixture-'));
    writeFixtureSources(join(dir, 'sources'));
    first = buildTaxonomy(join(dir, 'sources'));
    taxonomy = load(first);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is deterministic: two builds write the same bytes', () => {
    const second = buildTaxonomy(join(dir, 'sources'));
    writeFiles(join(dir, 'a'), first.files);
    writeFiles(join(dir, 'b'), second.files);
    expect([...first.files.keys()].sort()).toEqual([
      'NOTICE-taxonomy.md',
      'stackoverflow-aliases.json',
      'taxonomy.json',
    ]);
    for (const name of first.files.keys()) {
      expect(readFileSync(join(dir, 'b', name)).equals(readFileSync(join(dir, 'a', name)))).toBe(true);
    }
  });

  it('writes ASCII-only JSON and the attributions', () => {
    for (const [name, text] of first.files) {
      if (name.endsWith('.json')) expect(/^[\x20-\x7e\n]*$/.test(text)).toBe(true);
    }
    const notice = first.files.get('NOTICE-taxonomy.md') ?? '';
    expect(notice).toContain('This service uses the ESCO classification of the European Commission.');
    expect(notice).toContain('USDOL/ETA has not approved, endorsed, or tested these modifications.');
    expect(notice).toMatch(/`stackoverflow-aliases.json` is licensed under CC BY-SA 4.0/);
    expect(parse(first, 'stackoverflow-aliases.json')).toMatchObject({
      licence: expect.stringContaining('CC BY-SA 4.0'),
    });
  });

  it('strips vendors and "software", and splits embedded acronyms', () => {
    expect(labels(taxonomy, 'AutoCAD')).toEqual(['AutoCAD']);
    expect(labels(taxonomy, 'Autodesk AutoCAD')).toEqual(['AutoCAD']);
    expect(labels(taxonomy, 'QuickBooks')).toEqual(['QuickBooks']);
    expect(labels(taxonomy, 'Java')).toEqual(['Java']);
    expect(labels(taxonomy, 'AWS')).toEqual(['AWS']);
    expect(labels(taxonomy, 'Amazon Web Services')).toEqual(['AWS']);
    expect(labels(taxonomy, 'SQL')).toEqual(['SQL']);
    expect(labels(taxonomy, 'structured query language')).toEqual(['SQL']);
    expect(labels(taxonomy, 'Microsoft Excel')).toEqual(['Microsoft Excel']);
    expect(taxonomy.lookup('word')).toBeUndefined();
    expect(labels(taxonomy, 'Microsoft Word')).toEqual(['Microsoft Word']);
  });

  it('merges the same concept across ESCO and O*NET', () => {
    const [postgres] = taxonomy.lookup(phraseKey('PostgreSQL')) ?? [];
    const [alias] = taxonomy.lookup(phraseKey('Postgres')) ?? [];
    expect(postgres?.concept).toBe(alias?.concept);
    expect(taxonomy.concepts[postgres?.concept ?? -1]?.kind).toBe('technology');
    expect(labels(taxonomy, 'Python')).toEqual(['Python']);
    expect(taxonomy.lookup(phraseKey('Python (computer programming)'))).toBeUndefined();
  });

  it('assigns kinds and folds language skills into their language', () => {
    const kind = (text: string) =>
      taxonomy.concepts[taxonomy.lookup(phraseKey(text))?.[0]?.concept ?? -1]?.kind;
    expect(kind('show initiative')).toBe('soft');
    expect(kind('manage payroll')).toBe('skill');
    expect(kind('Welsh')).toBe('language');
    expect(labels(taxonomy, 'understand spoken Welsh')).toEqual(['Welsh']);
    expect(kind('Forklifts')).toBe('tool');
  });

  it('adds noun-phrase variants of verb-phrase skills', () => {
    expect(labels(taxonomy, 'payroll')).toContain('manage payroll');
    expect(labels(taxonomy, 'payroll management')).toEqual(['manage payroll']);
    expect(labels(taxonomy, 'forklift')).toEqual(expect.arrayContaining(['Forklifts', 'operate forklift']));
    expect(labels(taxonomy, 'forklifts')).toEqual(labels(taxonomy, 'forklift'));
  });

  it('filters generic, common-word, short and generic-tool aliases', () => {
    expect(taxonomy.lookup(phraseKey('communication'))).toBeUndefined();
    expect(taxonomy.lookup(phraseKey('care'))).toBeUndefined();
    expect(taxonomy.lookup(phraseKey('JS'))).toBeUndefined();
    expect(taxonomy.lookup(phraseKey('Personal computers'))).toBeUndefined();
    expect(taxonomy.lookup(phraseKey('Hammers'))).toBeUndefined();
    expect(labels(taxonomy, 'Digital multimeters')).toEqual(['Multimeters']);
    expect(labels(taxonomy, 'multimeter')).toEqual(['Multimeters']);
    expect(taxonomy.concepts.some((c) => c.label === 'communication')).toBe(false);
  });

  it('flags short and word-like aliases as case-sensitive', () => {
    const entry = (text: string) => taxonomy.lookup(phraseKey(text))?.[0];
    expect(entry('AED')).toMatchObject({ caseSensitive: true, surface: 'AED' });
    expect(entry('SQL')).toMatchObject({ caseSensitive: true, surface: 'SQL' });
    expect(entry('Excel')).toMatchObject({ caseSensitive: true, surface: 'Excel' });
    expect(entry('PostgreSQL')).toMatchObject({ caseSensitive: false, preferred: true });
    expect(entry('Postgres')).toMatchObject({ caseSensitive: false, preferred: false, source: 'esco' });
  });

  it('keeps approved, non-grammatical, version-free Stack Overflow synonyms of technologies', () => {
    expect(taxonomy.lookup('k8s')).toMatchObject([
      { source: 'stackoverflow', surface: 'k8s', caseSensitive: false },
    ]);
    expect(labels(taxonomy, 'k8s')).toEqual(['Kubernetes']);
    expect(labels(taxonomy, 'pgsql')).toEqual(['PostgreSQL']);
    expect(labels(taxonomy, 'nodejs')).toEqual(['node.js']);
    for (const dropped of ['vs2010', 'plugin', 'discussion', 'reactjs native', 'scm', 'zoomed']) {
      expect(taxonomy.lookup(phraseKey(dropped))).toBeUndefined();
    }
    expect(first.report.stackOverflow.dropped).toMatchObject({
      unapproved: 1,
      version: 1,
      grammatical: 2, // plugin → plugins, zoomed → zoom
      duplicate: 1,
    });
    const so = JSON.stringify(parse(first, 'stackoverflow-aliases.json'));
    const base = first.files.get('taxonomy.json') ?? '';
    expect(so).toContain('k8s');
    expect(base).not.toContain('k8s');
  });

  it('maps titles and abbreviations to shared occupations', () => {
    const rn = taxonomy.titleOccupations(phraseKey('RN')) ?? [];
    const registered = taxonomy.titleOccupations(phraseKey('Registered Nurse')) ?? [];
    expect(rn.some((o) => registered.includes(o))).toBe(true);
    expect(rn.map((o) => taxonomy.occupationLabel(o))).toContain('Registered Nurses');
    expect(taxonomy.expandAbbreviation('RN')).toBe('Registered Nurse');
    expect(taxonomy.expandAbbreviation('rn')).toBeUndefined();
    expect(taxonomy.expandAbbreviation('LPN')).toBe('Licensed Practical Nurse');
    expect(taxonomy.expandAbbreviation('DBA')).toBe('Database Administrator');
    expect(taxonomy.expandAbbreviation('QA')).toBe('Quality Assurance');
    // ESCO's general-care nurse shares two titles with O*NET Registered Nurses only, so the two are linked.
    const ward = (taxonomy.titleOccupations(phraseKey('ward nurse')) ?? []).map((o) =>
      taxonomy.occupationLabel(o),
    );
    expect(ward).toEqual(expect.arrayContaining(['nurse responsible for general care', 'Registered Nurses']));
    expect(taxonomy.titleOccupations(phraseKey('actress'))).toBeDefined();
  });

  it('relates concepts that share a group', () => {
    const payroll = taxonomy.lookup(phraseKey('manage payroll'))?.[0]?.concept ?? -1;
    const related = taxonomy.related(payroll).map((c) => taxonomy.concepts[c]?.label);
    expect(related).toEqual(expect.arrayContaining(['manage payroll reports', 'operate forklift']));
    expect(related).not.toContain('manage payroll');
  });
});

describe('taxonomy build from ../shared/taxonomy-data', () => {
  const root = findPackageRoot(import.meta.url);
  const source = resolve(root, '../shared/taxonomy-data');
  const missing = missingSources(source);
  if (missing.length > 0) {
    console.warn(`skipping the full taxonomy build: source data absent (${missing.join(', ')})`);
  }

  it.skipIf(missing.length > 0)(
    'reproduces the committed artefacts byte for byte',
    () => {
      const output = buildTaxonomy(source);
      const dataDir = taxonomyDataDir(import.meta.url);
      for (const [name, text] of output.files) {
        const path = join(dataDir, name);
        expect(existsSync(path), `${name} is committed`).toBe(true);
        expect(
          readFileSync(path, 'utf8') === text,
          `${name} is up to date (run npm run taxonomy:build)`,
        ).toBe(true);
      }
    },
    180_000,
  );
});
