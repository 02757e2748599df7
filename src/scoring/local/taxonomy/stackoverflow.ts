/**
 * Merges `stackoverflow-aliases.json` (CC BY-SA 4.0, a separate file) into the load state.
 */
import type { LoadState } from './build-index.ts';
import { FLAG_CASE_SENSITIVE, FLAG_PREFERRED, type StackOverflowArtefact } from './format.ts';
import type { AliasEntry } from './types.ts';

const EMPTY: readonly number[] = Object.freeze([]);

export function mergeStackOverflow(state: LoadState, artefact: StackOverflowArtefact): void {
  if (artefact.taxonomyVersion !== state.base.version) {
    state.warnings.push(
      `stackoverflow: built against taxonomy ${artefact.taxonomyVersion}, loaded with ${state.base.version}`,
    );
  }
  let byLabel: Map<string, number> | undefined;
  const resolve = (label: string, id: number): number | undefined => {
    if (state.baseLabels.equals(id, label)) return id;
    // Ids from another build: fall back to the label.
    byLabel ??= new Map(state.baseLabels.toArray().map((l, i) => [l, i]));
    return byLabel.get(label);
  };
  const added = new Map<string, AliasEntry[]>();
  for (const [label, id, ...aliases] of artefact.targets) {
    let concept: number | undefined;
    if (id < 0) {
      concept = state.concepts.length;
      state.concepts.push({ id: concept, label, kind: 'technology', groups: EMPTY, implies: EMPTY });
    } else {
      concept = resolve(label, id);
    }
    if (concept === undefined) {
      state.warnings.push(`stackoverflow: no concept labelled "${label}"`);
      continue;
    }
    for (const [surface, key, flags] of aliases) {
      const list = added.get(key) ?? [];
      list.push({
        concept,
        caseSensitive: (flags & FLAG_CASE_SENSITIVE) !== 0,
        surface,
        preferred: (flags & FLAG_PREFERRED) !== 0,
        source: 'stackoverflow',
      });
      added.set(key, list);
      state.maxPhraseTokens = Math.max(state.maxPhraseTokens, key.split(' ').length);
    }
  }
  for (const [key, entries] of added) {
    const existing = state.aliases.get(key) ?? [];
    const known = new Set(existing.map((e) => e.concept));
    const fresh = entries.filter((e) => !known.has(e.concept));
    if (fresh.length > 0) state.aliases.set(key, [...existing, ...fresh]);
  }
}
