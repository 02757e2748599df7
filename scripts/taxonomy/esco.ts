/**
 * ESCO v1.1.1 (English): skills and knowledge → concepts; occupations → titles.
 */
import { join } from 'node:path';
import type { ConceptKind } from '../../src/scoring/local/taxonomy/types.ts';
import { DERIVED_COMMON_MIN_COUNT, MAX_ALTERNATIVE_TOKENS, verbPhraseVariants } from './filters.ts';
import { field, type Row, readCsv, splitLabels } from './io.ts';
import { type AliasCandidate, alias, type DraftRegistry, stripQualifier } from './model.ts';
import type { TitleRegistry } from './titles.ts';

export interface EscoSkillStats {
  skills: number;
  byKind: Partial<Record<ConceptKind, number>>;
  languageSkillsFolded: number;
  derivedAliases: number;
}

/** Upper-case tokens that are generic abbreviations, not product names ("ICT network routing"). */
const GENERIC_CAPS = new Set([
  'ICT',
  'IT',
  'UI',
  'UX',
  'CAD',
  'CAM',
  'ERP',
  'CRM',
  'GIS',
  '2D',
  '3D',
  'ICT-',
]);

/** A knowledge concept of the digital collection whose label names a product, language or platform. */
export function isNamedTechnology(preferredLabel: string): boolean {
  if (/\([^()]*\)\s*$/.test(preferredLabel)) return true;
  const label = stripQualifier(preferredLabel);
  const words = label.split(/\s+/);
  const named = (word: string, first: boolean) =>
    !GENERIC_CAPS.has(word) &&
    (/[0-9+#]|\.\w/.test(word) || /^.+\p{Lu}/u.test(word) || (!first && /^\p{Lu}/u.test(word)));
  if (words.some((w, i) => named(w, i === 0))) return true;
  return words.length === 1 && /^\p{Lu}/u.test(label);
}

export function addEscoSkills(dir: string, registry: DraftRegistry): EscoSkillStats {
  const skills = readCsv(join(dir, 'skills_en.csv'));
  const groups = readCsv(join(dir, 'skillGroups_en.csv'));
  const broader = readCsv(join(dir, 'broaderRelationsSkillPillar.csv'));
  const collection = (name: string) => readCsv(join(dir, name));
  const digital = new Set(collection('digitalSkillsCollection_en.csv').map((r) => field(r, 'conceptUri')));
  const transversal = new Set(
    collection('transversalSkillsCollection_en.csv').map((r) => field(r, 'conceptUri')),
  );
  const languageRows = collection('languageSkillsCollection_en.csv');

  const byUri = new Map<string, Row>(skills.map((r) => [field(r, 'conceptUri'), r]));
  const labelOf = new Map<string, string>();
  for (const r of groups) labelOf.set(field(r, 'conceptUri'), field(r, 'preferredLabel'));
  for (const r of skills) labelOf.set(field(r, 'conceptUri'), stripQualifier(field(r, 'preferredLabel')));

  // Groups: the direct broader concepts (a skill group, or a broader skill that also belongs to its own group).
  const groupsOf = new Map<string, Set<string>>();
  const addGroup = (uri: string, group: string) => {
    const set = groupsOf.get(uri) ?? new Set<string>();
    set.add(group);
    groupsOf.set(uri, set);
  };
  for (const r of broader) {
    if (field(r, 'conceptType') === 'SkillGroup') continue;
    const broaderUri = field(r, 'broaderUri');
    const group = labelOf.get(broaderUri);
    if (group === undefined) continue;
    addGroup(field(r, 'conceptUri'), group);
    if (field(r, 'broaderType') !== 'SkillGroup') addGroup(broaderUri, group);
  }

  // Language skills ("understand spoken Welsh") fold into their language ("Welsh").
  const languageOf = new Map<string, string>();
  const languages = new Set<string>();
  for (const r of languageRows) {
    if (field(r, 'skillType') === 'knowledge') languages.add(field(r, 'conceptUri'));
  }
  for (const r of languageRows) {
    const uri = field(r, 'conceptUri');
    if (languages.has(uri)) continue;
    const target = splitLabels(field(r, 'broaderConceptUri')).find((u) => languages.has(u));
    if (target !== undefined) languageOf.set(uri, target);
  }

  const stats: EscoSkillStats = { skills: 0, byKind: {}, languageSkillsFolded: 0, derivedAliases: 0 };
  for (const r of skills) {
    const uri = field(r, 'conceptUri');
    const preferredLabel = field(r, 'preferredLabel');
    // hiddenLabels (misspellings kept for search, 109 skills) are left out.
    const labels = splitLabels(field(r, 'altLabels'));
    const languageUri = languageOf.get(uri);
    if (languageUri !== undefined) {
      const language = byUri.get(languageUri);
      if (language === undefined) continue;
      stats.languageSkillsFolded += 1;
      registry.add({
        label: stripQualifier(field(language, 'preferredLabel')),
        kind: 'language',
        groups: groupsOf.get(languageUri) ?? [],
        aliases: [preferredLabel, ...labels].map((l) =>
          alias(stripQualifier(l), 'esco', { maxTokens: MAX_ALTERNATIVE_TOKENS }),
        ),
        origin: `esco:${uri}`,
      });
      continue;
    }
    const kind = escoKind(r, { digital, transversal, languages });
    const label = stripQualifier(preferredLabel);
    const aliases: AliasCandidate[] = [
      alias(label, 'esco', { preferred: true }),
      ...labels.map((l) => alias(stripQualifier(l), 'esco', { maxTokens: MAX_ALTERNATIVE_TOKENS })),
    ];
    if (kind === 'skill') {
      for (const variant of verbPhraseVariants(label)) {
        aliases.push(
          alias(variant, 'esco', { allowCommonPreferred: false, commonMinCount: DERIVED_COMMON_MIN_COUNT }),
        );
        stats.derivedAliases += 1;
      }
    }
    stats.skills += 1;
    stats.byKind[kind] = (stats.byKind[kind] ?? 0) + 1;
    registry.add({ label, kind, groups: groupsOf.get(uri) ?? [], aliases, origin: `esco:${uri}` });
  }
  return stats;
}

function escoKind(
  r: Row,
  sets: { digital: Set<string>; transversal: Set<string>; languages: Set<string> },
): ConceptKind {
  const uri = field(r, 'conceptUri');
  if (sets.languages.has(uri)) return 'language';
  if (sets.transversal.has(uri)) return 'soft';
  const knowledge = field(r, 'skillType') === 'knowledge';
  if (knowledge && sets.digital.has(uri) && isNamedTechnology(field(r, 'preferredLabel')))
    return 'technology';
  return knowledge ? 'knowledge' : 'skill';
}

export interface EscoOccupationStats {
  occupations: number;
  labels: number;
}

export function addEscoOccupations(dir: string, titles: TitleRegistry): EscoOccupationStats {
  const rows = readCsv(join(dir, 'occupations_en.csv'));
  const stats: EscoOccupationStats = { occupations: 0, labels: 0 };
  const sorted = [...rows].sort((a, b) => compareCodes(field(a, 'code'), field(b, 'code')));
  for (const r of sorted) {
    const id = titles.addOccupation(`esco:${field(r, 'code')}`, field(r, 'preferredLabel'), 'esco');
    stats.occupations += 1;
    for (const label of [...splitLabels(field(r, 'altLabels')), ...splitLabels(field(r, 'hiddenLabels'))]) {
      titles.addTitle(label, id);
      stats.labels += 1;
    }
  }
  return stats;
}

function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
