import type { Taxonomy } from '../taxonomy/types.ts';
import { type Clause, consumeMention, isConsumed } from './clause-context.ts';
import type { RequirementDraft } from './requirement-draft.ts';

/** A language name is a requirement only where the ad talks about speaking it ("fluent German"). */
export const LANGUAGE_CONTEXT =
  /\b(?:fluent|fluency|native|speak|speaks|speaking|speaker|speakers|spoken|written|bilingual|multilingual|language|languages|proficien\w*|conversational|c1|c2|b1|b2|mother\s+tongue|command\s+of)\b/i;

export function extractLanguages(clause: Clause, taxonomy: Taxonomy): RequirementDraft[] {
  const languages = clause.mentions.filter(
    (m) => taxonomy.concepts[m.concept]?.kind === 'language' && !isConsumed(clause, m),
  );
  if (languages.length === 0) return [];
  for (const m of languages) consumeMention(clause, m);
  if (!LANGUAGE_CONTEXT.test(clause.text)) return [];
  const alternativesJoined = /\bor\b|\//i.test(clause.text);
  const alternatives = languages.map((m) => ({
    label: taxonomy.concepts[m.concept]?.label ?? '',
    concepts: [m.concept],
    phrase: [],
  }));
  if (alternativesJoined) {
    return [
      {
        kind: 'language',
        label: alternatives.map((a) => a.label).join(' or '),
        alternatives,
        examples: false,
        weight: 1,
      },
    ];
  }
  return alternatives.map((a) => ({
    kind: 'language',
    label: a.label,
    alternatives: [a],
    examples: false,
    weight: 1,
  }));
}
