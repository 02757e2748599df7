import { describe, expect, it } from 'vitest';
import {
  isAcronymOf,
  looksLikeAcronym,
  minePair,
  trailingAcronym,
} from '../../../../scripts/taxonomy/acronym.ts';
import { createEnglish } from '../../../../scripts/taxonomy/english.ts';
import { isNamedTechnology } from '../../../../scripts/taxonomy/esco.ts';
import { judgeAlias, verbPhraseVariants } from '../../../../scripts/taxonomy/filters.ts';
import { stripQualifier } from '../../../../scripts/taxonomy/model.ts';
import { technologyNames } from '../../../../scripts/taxonomy/onet.ts';
import { isVersioned, tagText } from '../../../../scripts/taxonomy/stackoverflow.ts';

/** A stand-in for the SUBTLEX counts: enough words to exercise the rules. */
const english = createEnglish(
  new Map([
    ['go', 193_445],
    ['it', 963_712],
    ['act', 3000],
    ['safe', 5000],
    ['care', 24_748],
    ['gold', 4026],
    ['swift', 197],
    ['excel', 37],
    ['word', 12_013],
    ['access', 1615],
    ['payroll', 257],
    ['forklift', 49],
    ['python', 79],
    ['spreadsheet', 12],
  ]),
  new Map([['nancy', 2000]]),
);

const judge = (surface: string, preferred = false, casingMeaningful = true) =>
  judgeAlias({ surface, preferred, casingMeaningful, allowCommonPreferred: true }, english);

describe('alias filters', () => {
  it('drops empty, short, generic and common single words', () => {
    expect(judge('the')).toEqual({ keep: false, reason: 'empty' });
    expect(judge('Go')).toEqual({ keep: false, reason: 'short' });
    expect(judge('management', true)).toEqual({ keep: false, reason: 'generic' });
    expect(judge('Communication', true)).toEqual({ keep: false, reason: 'generic' });
    expect(judge('care')).toEqual({ keep: false, reason: 'generic' });
    expect(judge('gold')).toEqual({ keep: false, reason: 'common-word' });
    expect(judge('gold', true)).toMatchObject({ keep: true });
    expect(judge('a b c d e f g h')).toEqual({ keep: false, reason: 'too-long' });
    expect(judge('Java ME', true)).toEqual({ keep: false, reason: 'edge-stop-word' });
  });

  it('marks short, upper-case-word and capitalised-word aliases case-sensitive', () => {
    expect(judge('SQL')).toMatchObject({ keep: true, caseSensitive: true });
    expect(judge('C++')).toMatchObject({ keep: true, caseSensitive: true });
    expect(judge('SAFE')).toMatchObject({ keep: true, caseSensitive: true });
    expect(judge('Swift')).toMatchObject({ keep: true, caseSensitive: true });
    expect(judge('Excel')).toMatchObject({ keep: true, caseSensitive: true });
    expect(judge('Python')).toMatchObject({ keep: true, caseSensitive: false });
    expect(judge('PostgreSQL')).toMatchObject({ keep: true, caseSensitive: false, key: 'postgresql' });
    expect(judge('Forklifts', true, false)).toMatchObject({
      keep: true,
      caseSensitive: false,
      key: 'forklift',
    });
  });

  it('derives noun phrases from verb-phrase skills', () => {
    expect(verbPhraseVariants('manage payroll')).toEqual(['payroll', 'payroll management']);
    expect(verbPhraseVariants('carry out wound care')).toEqual(['wound care']);
    expect(verbPhraseVariants('operate a forklift')).toEqual(['forklift', 'forklift operation']);
    expect(verbPhraseVariants('inspect quality of products')).toEqual([]);
  });
});

describe('acronyms', () => {
  it('recognises short forms and what they abbreviate', () => {
    expect(looksLikeAcronym('RN')).toBe(true);
    expect(looksLikeAcronym('CPhT')).toBe(true);
    expect(looksLikeAcronym('Nurse')).toBe(false);
    expect(isAcronymOf('RN', 'Registered Nurse')).toBe(true);
    expect(isAcronymOf('DBA', 'Database Administrator')).toBe(true);
    expect(isAcronymOf('ESL', 'English as a Second Language')).toBe(true);
    expect(isAcronymOf('HVAC', 'Heating, Ventilation, and Air Conditioning')).toBe(true);
    expect(isAcronymOf('CPhT', 'Certified Pharmacy Technician')).toBe(true);
    expect(isAcronymOf('RN', 'Nurse')).toBe(false);
    expect(isAcronymOf('SCM', 'version control')).toBe(false);
  });

  it('mines pairs from both orders and from partial titles', () => {
    expect(minePair('Registered Nurse', 'RN')).toEqual({ short: 'RN', long: 'Registered Nurse' });
    expect(minePair('CEO', 'Chief Executive Officer')).toEqual({
      short: 'CEO',
      long: 'Chief Executive Officer',
    });
    expect(minePair('Quality Control Manager', 'QC Manager')).toEqual({
      short: 'QC',
      long: 'Quality Control',
    });
    expect(minePair('Diet Tech', 'Dietetic Technician')).toBeUndefined();
    expect(trailingAcronym('Structured query language SQL'.split(' '))).toEqual({
      short: 'SQL',
      long: 'Structured query language',
    });
  });
});

describe('O*NET technology names', () => {
  it.each([
    ['Autodesk AutoCAD', 'AutoCAD', ['Autodesk AutoCAD', 'AutoCAD']],
    ['Intuit QuickBooks', 'QuickBooks', ['QuickBooks']],
    ['Amazon Web Services AWS software', 'AWS', ['AWS', 'Amazon Web Services']],
    ['Structured query language SQL', 'SQL', ['SQL', 'Structured query language']],
    ['Salesforce software', 'Salesforce', ['Salesforce']],
    ['Microsoft Excel', 'Microsoft Excel', ['Excel']],
    ['Microsoft Word', 'Microsoft Word', ['Microsoft Word']],
    ['Spreadsheet software', 'Spreadsheet software', ['Spreadsheet']],
  ])('%s → %s', (example, label, surfaces) => {
    const names = technologyNames(example, english);
    expect(names.label).toBe(label);
    expect(names.surfaces).toEqual(expect.arrayContaining(surfaces));
    if (example === 'Microsoft Word') expect(names.surfaces).not.toContain('Word');
  });
});

describe('ESCO and Stack Overflow helpers', () => {
  it('tells named technologies from other digital knowledge', () => {
    expect(isNamedTechnology('Python (computer programming)')).toBe(true);
    expect(isNamedTechnology('PostgreSQL')).toBe(true);
    expect(isNamedTechnology('Haskell')).toBe(true);
    expect(isNamedTechnology('Apache Maven')).toBe(true);
    expect(isNamedTechnology('Incremental development')).toBe(false);
    expect(isNamedTechnology('ICT network routing')).toBe(false);
    expect(stripQualifier('Chef (tools for software configuration management)')).toBe('Chef');
  });

  it('spots version tags and maps hyphens to spaces', () => {
    for (const tag of ['visual-studio-2010', 'python-3.x', 'ios4', 'html5', 'bootstrap-4']) {
      expect(isVersioned(tag), tag).toBe(true);
    }
    for (const tag of ['amazon-s3', 'kubernetes', 'node.js', 'c++', 'k8s'])
      expect(isVersioned(tag), tag).toBe(false);
    expect(tagText('ruby-on-rails')).toBe('ruby on rails');
  });
});

describe('trailing acronyms', () => {
  it('splits O*NET "Long form ACR" names', () => {
    expect(trailingAcronym('Extensible markup language XML'.split(' '))).toEqual({
      short: 'XML',
      long: 'Extensible markup language',
    });
    expect(
      trailingAcronym(
        'Automated external defibrillators or automatic external defibrillators AED'.split(' '),
      ),
    ).toMatchObject({ short: 'AED', long: 'automatic external defibrillators' });
    expect(trailingAcronym('Autodesk AutoCAD LT'.split(' '))).toBeUndefined();
  });
});
