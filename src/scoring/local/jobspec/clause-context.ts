import { ROLE_HEAD_WORDS } from '../cv/role-words.ts';
import { type ConceptMention, longestNonOverlapping, scanConcepts } from '../match/concept-scan.ts';
import type { Taxonomy } from '../taxonomy/types.ts';
import type { IndexedToken } from '../text/indexed-tokens.ts';
import { tokenize } from '../text/tokenize.ts';
import type { Importance } from './types.ts';

/** One sentence or bullet of a job spec, read once: tokens, concept mentions, what is already used. */
export interface Clause {
  readonly text: string;
  readonly importance: Importance;
  /** Weight factor: 1 in requirement sections, lower for duties that imply a requirement. */
  readonly factor: number;
  readonly tokens: readonly IndexedToken[];
  readonly mentions: readonly ConceptMention[];
  /** Content-token indexes already turned into a requirement. */
  readonly consumed: Set<number>;
}

export function readClause(text: string, importance: Importance, factor: number, taxonomy: Taxonomy): Clause {
  const tokens: IndexedToken[] = tokenize(text)
    .filter((t) => !t.stop)
    .map((t) => ({ stem: t.stem, raw: t.raw, start: t.start, end: t.end, line: 0 }));
  const mentions = longestNonOverlapping(scanConcepts(text, tokens, taxonomy)).filter(
    (m) => !isRoleNamedProduct(text.slice(m.start, m.end), taxonomy.concepts[m.concept]?.kind),
  );
  return { text, importance, factor, tokens, mentions, consumed: new Set() };
}

/**
 * "Restaurant Manager", "Project Manager": products named like a job. In an advert the words are the
 * job, not the software.
 */
function isRoleNamedProduct(surface: string, kind: string | undefined): boolean {
  if (kind !== 'technology' && kind !== 'tool') return false;
  const last = surface.toLowerCase().split(/\s+/).pop() ?? '';
  return surface.includes(' ') && ROLE_HEAD_WORDS.has(last);
}

export function consumeSpan(clause: Clause, start: number, end: number): void {
  clause.tokens.forEach((t, i) => {
    if (t.start >= start && t.end <= end) clause.consumed.add(i);
  });
}

export function consumeMention(clause: Clause, mention: ConceptMention): void {
  for (let i = mention.from; i < mention.to; i++) clause.consumed.add(i);
}

export function isConsumed(clause: Clause, mention: ConceptMention): boolean {
  return clause.consumed.has(mention.from);
}
