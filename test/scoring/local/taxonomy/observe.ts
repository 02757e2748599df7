/**
 * Everything a `Taxonomy` answers, for the given keys, as one line per answer, so that two loaders can be
 * compared answer by answer and a difference reported by the line that shows it.
 */
import { taxonomyWarnings } from '../../../../src/scoring/local/taxonomy/load.ts';
import type { Taxonomy } from '../../../../src/scoring/local/taxonomy/types.ts';

export interface Probes {
  readonly aliasKeys: Iterable<string>;
  readonly titleKeys: Iterable<string>;
  /** Surfaces to expand as abbreviations; each is also tried lower- and upper-cased. */
  readonly abbreviations: Iterable<string>;
  /** Concept ids whose related concepts to list. */
  readonly related: Iterable<number>;
}

export function observe(taxonomy: Taxonomy, probes: Probes): string[] {
  const lines: string[] = [];
  const line = (...parts: unknown[]) => lines.push(JSON.stringify(parts));
  line('version', taxonomy.version, taxonomy.maxPhraseTokens, taxonomy.maxTitleTokens);
  line('warnings', taxonomyWarnings(taxonomy));
  line('groups', taxonomy.groupLabels);
  for (const c of taxonomy.concepts) line('concept', c.id, c.label, c.kind, c.groups, c.implies);
  for (const key of probes.aliasKeys) line('lookup', key, taxonomy.lookup(key) ?? null);
  for (const key of probes.titleKeys) line('title', key, taxonomy.titleOccupations(key) ?? null);
  for (const short of probes.abbreviations) {
    for (const s of [short, short.toLowerCase(), short.toUpperCase()]) {
      line('abbreviation', s, taxonomy.expandAbbreviation(s) ?? null);
    }
  }
  for (const id of probes.related) line('related', id, taxonomy.related(id));
  return lines;
}

/** The first few lines where two observations differ (empty when they agree). */
export function differences(expected: readonly string[], actual: readonly string[], limit = 5): string[] {
  const out: string[] = [];
  if (expected.length !== actual.length) out.push(`${expected.length} lines expected, ${actual.length} seen`);
  for (let i = 0; i < Math.max(expected.length, actual.length) && out.length < limit; i++) {
    if (expected[i] !== actual[i]) out.push(`expected ${expected[i]}\n     got ${actual[i]}`);
  }
  return out;
}
