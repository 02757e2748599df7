/**
 * The curated aliases as a layer over the alias table (tables.ts AliasLayer): a key's curated entries
 * replace its entries of the same concepts, and a blocked key keeps only curated entries. Each key is
 * rewritten on its first lookup, so loading allocates nothing per curated alias.
 */
import { type CompiledCurated, FLAG_CASE_SENSITIVE, FLAG_PREFERRED } from './format.ts';
import { KeyIndex, StringTable, unpackInts } from './packed.ts';
import type { AliasLayer } from './tables.ts';
import type { AliasEntry } from './types.ts';

export class CuratedAliases implements AliasLayer {
  private readonly index: KeyIndex;
  private readonly keys: StringTable;
  private readonly blocked: Uint32Array;
  private readonly starts: Uint32Array;
  private readonly concepts: Uint32Array;
  private readonly flags: Uint32Array;
  private readonly surfaces: StringTable;

  /** `conceptIds[i]`: the taxonomy concept that curated concept i merged into or became. */
  constructor(
    aliases: CompiledCurated['aliases'],
    private readonly conceptIds: Uint32Array,
  ) {
    const keys = new StringTable(aliases.keys);
    this.keys = keys;
    this.index = new KeyIndex(keys, unpackInts(aliases.slots));
    this.blocked = unpackInts(aliases.blocked);
    const counts = unpackInts(aliases.counts);
    this.starts = new Uint32Array(counts.length + 1);
    for (let i = 0; i < counts.length; i++) this.starts[i + 1] = (this.starts[i] ?? 0) + (counts[i] ?? 0);
    this.concepts = unpackInts(aliases.concepts);
    this.flags = unpackInts(aliases.flags);
    this.surfaces = new StringTable(aliases.surfaces);
    const entries = this.starts[counts.length] ?? -1;
    if (
      counts.length !== keys.size ||
      this.blocked.length !== keys.size ||
      this.concepts.length !== entries ||
      this.flags.length !== entries ||
      this.surfaces.size !== entries
    ) {
      throw new Error(
        'curated.compiled.json: alias columns disagree in length (run npm run taxonomy:curated)',
      );
    }
  }

  forEachKey(fn: (key: string) => void): void {
    for (let i = 0; i < this.keys.size; i++) fn(this.keys.get(i));
  }

  find(key: string, hash: number): number {
    return this.index.find(key, hash);
  }

  entries(index: number, below: readonly AliasEntry[] | undefined): readonly AliasEntry[] {
    const added: AliasEntry[] = [];
    const end = this.starts[index + 1] ?? 0;
    for (let j = this.starts[index] ?? end; j < end; j++) {
      const concept = this.conceptIds[this.concepts[j] ?? 0] ?? 0;
      const surface = this.surfaces.get(j);
      // Two curated concepts with the same label key are one concept and may list the same alias.
      if (added.some((e) => e.concept === concept && e.surface === surface)) continue;
      const flags = this.flags[j] ?? 0;
      added.push({
        concept,
        caseSensitive: (flags & FLAG_CASE_SENSITIVE) !== 0,
        surface,
        preferred: (flags & FLAG_PREFERRED) !== 0,
        source: 'curated',
      });
    }
    if (below === undefined) return added;
    const blocked = this.blocked[index] === 1;
    const entries: AliasEntry[] = [];
    for (const e of below) {
      const replaced = added.some((a) => a.concept === e.concept);
      if (e.source === 'curated' || (!blocked && !replaced)) entries.push(e);
    }
    for (const e of added) entries.push(e);
    return entries;
  }
}
