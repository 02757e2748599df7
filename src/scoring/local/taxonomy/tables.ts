/**
 * Lazy lookup tables over the artefact's packed columns. An entry list is built the first time its key is
 * looked up and then kept; keys touched by the Stack Overflow merge live in an overlay, and the curated
 * merge is a layer over both that rewrites its keys on first lookup.
 */
import { decodeAliasSource, FLAG_CASE_SENSITIVE, FLAG_PREFERRED, type TaxonomyArtefact } from './format.ts';
import { hashString, KeyIndex, StringTable, unpackInts } from './packed.ts';
import type { AliasEntry } from './types.ts';

function offsets(counts: Uint32Array): Uint32Array {
  const starts = new Uint32Array(counts.length + 1);
  for (let i = 0; i < counts.length; i++) starts[i + 1] = (starts[i] ?? 0) + (counts[i] ?? 0);
  return starts;
}

/** Rewrites the entries of some keys, given what lies below it; see AliasTable.setLayer. */
export interface AliasLayer {
  /** The layer's index of `key` (hash: hashString(key)), or -1 when it leaves the key alone. */
  find(key: string, hash: number): number;
  /** The entries of the key at `index`, over `below` (the entries without the layer). */
  entries(index: number, below: readonly AliasEntry[] | undefined): readonly AliasEntry[];
  forEachKey(fn: (key: string) => void): void;
}

export class AliasTable {
  readonly keyCount: number;
  private readonly keys: KeyIndex;
  private readonly keyTable: StringTable;
  private readonly starts: Uint32Array;
  private readonly concepts: Uint32Array;
  private readonly flags: Uint32Array;
  private readonly surfaces: StringTable;
  private readonly cache: (readonly AliasEntry[] | undefined)[];
  /** Replaced entry lists, and the layer's lists once computed: consulted first. */
  private readonly overlay = new Map<string, readonly AliasEntry[]>();
  private layer: AliasLayer | undefined;

  constructor(
    aliases: TaxonomyArtefact['aliases'],
    private readonly baseLabels: StringTable,
  ) {
    const keys = new StringTable(aliases.keys);
    this.keyTable = keys;
    this.keyCount = keys.size;
    this.keys = new KeyIndex(keys, unpackInts(aliases.slots));
    this.starts = offsets(unpackInts(aliases.counts));
    this.concepts = unpackInts(aliases.concepts);
    this.flags = unpackInts(aliases.flags);
    this.surfaces = new StringTable(aliases.surfaces);
    if (keys.size + 1 !== this.starts.length || this.concepts.length !== (this.starts[keys.size] ?? -1)) {
      throw new Error('taxonomy.json: alias columns disagree in length');
    }
    this.cache = new Array(keys.size);
  }

  get(key: string): readonly AliasEntry[] | undefined {
    const over = this.overlay.get(key);
    if (over !== undefined) return over.length > 0 ? over : undefined;
    const hash = hashString(key);
    const l = this.layer === undefined ? -1 : this.layer.find(key, hash);
    if (l < 0 || this.layer === undefined) return this.base(key, hash);
    const entries = this.layer.entries(l, this.base(key, hash));
    this.overlay.set(key, entries);
    return entries.length > 0 ? entries : undefined;
  }

  /** Every key of the table, its overlay and its layer (keys may repeat). */
  forEachKey(fn: (key: string) => void): void {
    for (let i = 0; i < this.keyCount; i++) fn(this.keyTable.get(i));
    for (const key of this.overlay.keys()) fn(key);
    this.layer?.forEachKey(fn);
  }

  /** Replaces the entries of a key (an empty list removes the key). */
  set(key: string, entries: readonly AliasEntry[]): void {
    this.overlay.set(key, entries);
  }

  /**
   * Puts a layer over the table (at most one, after every `set`): from now on the layer decides the
   * entries of its keys, computed from the current ones on first lookup instead of for every key up front.
   */
  setLayer(layer: AliasLayer): void {
    if (this.layer !== undefined) throw new Error('the alias table already has a layer');
    // Keys already replaced are rewritten now, so that the overlay only ever holds final lists.
    for (const [key, below] of this.overlay) {
      const l = layer.find(key, hashString(key));
      if (l >= 0) this.overlay.set(key, layer.entries(l, below));
    }
    this.layer = layer;
  }

  private base(key: string, hash: number): readonly AliasEntry[] | undefined {
    const i = this.keys.find(key, hash);
    if (i < 0) return undefined;
    const cached = this.cache[i];
    if (cached !== undefined) return cached;
    const built = this.materialise(i);
    this.cache[i] = built;
    return built;
  }

  private materialise(i: number): readonly AliasEntry[] {
    const start = this.starts[i] ?? 0;
    const end = this.starts[i + 1] ?? start;
    const entries: AliasEntry[] = [];
    for (let j = start; j < end; j++) {
      const concept = this.concepts[j] ?? 0;
      const flag = this.flags[j] ?? 0;
      const surface = this.surfaces.get(j);
      entries.push({
        concept,
        caseSensitive: (flag & FLAG_CASE_SENSITIVE) !== 0,
        surface: surface === '' ? this.baseLabels.get(concept) : surface,
        preferred: (flag & FLAG_PREFERRED) !== 0,
        source: decodeAliasSource(flag),
      });
    }
    return entries;
  }
}

export class TitleTable {
  private readonly keys: KeyIndex;
  private readonly starts: Uint32Array;
  private readonly occupations: Uint32Array;
  private readonly cache: (readonly number[] | undefined)[];
  private readonly overlay = new Map<string, readonly number[]>();

  constructor(titles: TaxonomyArtefact['titles']) {
    const keys = new StringTable(titles.keys);
    this.keys = new KeyIndex(keys, unpackInts(titles.slots));
    this.starts = offsets(unpackInts(titles.counts));
    this.occupations = unpackInts(titles.occupations);
    if (keys.size + 1 !== this.starts.length || this.occupations.length !== (this.starts[keys.size] ?? -1)) {
      throw new Error('taxonomy.json: title columns disagree in length');
    }
    this.cache = new Array(keys.size);
  }

  get(key: string): readonly number[] | undefined {
    const over = this.overlay.get(key);
    if (over !== undefined) return over;
    const i = this.keys.find(key);
    if (i < 0) return undefined;
    const cached = this.cache[i];
    if (cached !== undefined) return cached;
    const start = this.starts[i] ?? 0;
    const built = Array.from(this.occupations.subarray(start, this.starts[i + 1] ?? start));
    this.cache[i] = built;
    return built;
  }

  set(key: string, occupations: readonly number[]): void {
    this.overlay.set(key, occupations);
  }
}
