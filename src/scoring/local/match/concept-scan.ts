import type { AliasEntry, AliasSource, Taxonomy } from '../taxonomy/types.ts';
import type { IndexedToken } from '../text/indexed-tokens.ts';

export interface ConceptMention {
  readonly concept: number;
  /** Index of the first and one past the last content token of the mention. */
  readonly from: number;
  readonly to: number;
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly preferred: boolean;
  /** Lower is a more trustworthy reading of the words: a concept's own label, hand-curated first. */
  readonly rank: number;
}

const SOURCE_RANK: Readonly<Record<AliasSource, number>> = { curated: 0, onet: 1, esco: 2, stackoverflow: 3 };

function aliasRank(entry: AliasEntry): number {
  return (entry.preferred ? 0 : 4) + SOURCE_RANK[entry.source];
}

const JOINING_GAP = /^[\s\-/&+.'’]*$/;

/** Longest n-gram tried when scanning: longer taxonomy labels are verb phrases that never occur verbatim. */
const MAX_SCAN_TOKENS = 5;

/**
 * Every taxonomy concept mentioned in a token stream, overlaps included ("SQL Server" also yields "SQL"
 * when the taxonomy has both), so that any requirement can find its evidence. Mentions never span lines.
 */
export function scanConcepts(
  text: string,
  tokens: readonly IndexedToken[],
  taxonomy: Taxonomy,
): ConceptMention[] {
  const mentions: ConceptMention[] = [];
  const maxLen = Math.min(MAX_SCAN_TOKENS, taxonomy.maxPhraseTokens);
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i];
    // No alias starts with a bare number ("2019", "40"), and a CV has many.
    if (!first || /^\d+$/.test(first.stem)) continue;
    let key = '';
    for (let n = 1; n <= maxLen && i + n <= tokens.length; n++) {
      const last = tokens[i + n - 1];
      if (!last || last.line !== first.line) break;
      // A term never spans punctuation: "AWS (ECS" is two mentions, "CI/CD" and "front-end" are one.
      const prev = tokens[i + n - 2];
      if (n > 1 && prev && !JOINING_GAP.test(text.slice(prev.end, last.start))) break;
      key = n === 1 ? last.stem : `${key} ${last.stem}`;
      const entries = taxonomy.lookup(key);
      const more = n < maxLen && taxonomy.continues(key);
      if (!entries) {
        if (more) continue;
        break;
      }
      const surface = text.slice(first.start, last.end);
      for (const entry of acceptable(entries, surface)) {
        mentions.push({
          concept: entry.concept,
          from: i,
          to: i + n,
          line: first.line,
          start: first.start,
          end: last.end,
          preferred: entry.preferred,
          rank: aliasRank(entry),
        });
      }
      if (!more) break;
    }
  }
  return withoutLoneLetters(dedupe(mentions), taxonomy);
}

/**
 * A one-letter name ("C", "R") counts only beside another technology on its line ("Python or R",
 * "C/C++"); alone it is a grade, a column code or an initial.
 */
function withoutLoneLetters(mentions: ConceptMention[], taxonomy: Taxonomy): ConceptMention[] {
  const lone = (m: ConceptMention) => m.end - m.start === 1;
  if (!mentions.some(lone)) return mentions;
  const techLines = new Set(
    mentions
      .filter((m) => !lone(m) && taxonomy.concepts[m.concept]?.kind === 'technology')
      .map((m) => m.line),
  );
  return mentions.filter((m) => !lone(m) || techLines.has(m.line));
}

function acceptable(entries: readonly AliasEntry[], surface: string): AliasEntry[] {
  const normalized = surface.replace(/\s+/g, ' ');
  return entries.filter((e) => !e.caseSensitive || e.surface === normalized);
}

/** One mention per concept and position (several aliases of one concept can match the same words). */
function dedupe(mentions: ConceptMention[]): ConceptMention[] {
  const seen = new Set<string>();
  return mentions.filter((m) => {
    const key = `${m.concept}:${m.from}:${m.to}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Longest mentions first, then non-overlapping: how a job spec's requirement items are read. */
export function longestNonOverlapping(mentions: readonly ConceptMention[]): ConceptMention[] {
  const sorted = [...mentions].sort(
    (a, b) => b.to - b.from - (a.to - a.from) || a.rank - b.rank || a.from - b.from,
  );
  const taken: boolean[] = [];
  const chosen: ConceptMention[] = [];
  for (const m of sorted) {
    let free = true;
    for (let i = m.from; i < m.to; i++) if (taken[i]) free = false;
    if (!free) continue;
    for (let i = m.from; i < m.to; i++) taken[i] = true;
    chosen.push(m);
  }
  return chosen.sort((a, b) => a.from - b.from);
}
