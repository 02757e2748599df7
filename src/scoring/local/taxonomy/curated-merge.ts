/**
 * Merges the compiled curated file (curated-compile.ts) over the built taxonomy at load time. Curated
 * concepts merge into the base concept whose label has the same phrase key (and a compatible kind), or are
 * added; curated aliases replace a concept's own entries for the same key; blocked aliases drop every
 * non-curated entry of their key.
 *
 * Runs on every load, so it stays linear and light: phrase keys come precompiled, each map is built once, no
 * list is copied per item, and the aliases are a layer rewritten key by key on lookup (curated-aliases.ts).
 */
import { phraseKey } from '../text/tokenize.ts';
import type { LoadState, MutableConcept } from './build-index.ts';
import { CuratedAliases } from './curated-aliases.ts';
import { type CompiledCurated, KIND_CODES } from './format.ts';
import { StringTable, unpackInts } from './packed.ts';
import type { AliasEntry, ConceptKind } from './types.ts';

const EMPTY: readonly number[] = Object.freeze([]);
const EMPTY_ENTRIES: readonly AliasEntry[] = Object.freeze([]);

const FAMILIES: readonly (readonly ConceptKind[])[] = [
  ['technology', 'knowledge', 'tool'],
  ['certification', 'knowledge', 'skill'],
  ['skill', 'knowledge', 'soft'],
];

function compatible(a: ConceptKind, b: ConceptKind): boolean {
  return a === b || FAMILIES.some((f) => f.includes(a) && f.includes(b));
}

export function mergeCurated(state: LoadState, curated: CompiledCurated): void {
  for (const warning of curated.warnings) state.warnings.push(warning);
  const labels = new StringTable(curated.concepts.labels);
  const keys = new StringTable(curated.concepts.keys);
  const kinds = unpackInts(curated.concepts.kinds);
  const groupLabels = new StringTable(curated.concepts.groups);
  const impliesCounts = unpackInts(curated.concepts.impliesCounts);
  if ([keys.size, kinds.length, groupLabels.size, impliesCounts.length].some((n) => n !== labels.size)) {
    throw new Error(
      'curated.compiled.json: concept columns disagree in length (run npm run taxonomy:curated)',
    );
  }
  const owners = new LabelOwners(state);
  const groups = new GroupIds(state.groupLabels);

  /** The concept each curated label key resolved to; a later curated entry with the same key merges into it. */
  const curatedByKey = new Map<string, MutableConcept>();
  const conceptIds = new Uint32Array(labels.size);
  for (let i = 0; i < labels.size; i++) {
    const label = labels.get(i);
    const key = keys.get(i);
    const kind = KIND_CODES[kinds[i] ?? 0] ?? 'skill';
    let concept = curatedByKey.get(key) ?? owners.find(key, kind);
    if (concept === undefined) {
      concept = { id: state.concepts.length, label, kind, groups: EMPTY, implies: EMPTY };
      state.concepts.push(concept);
    } else {
      concept.label = label;
      concept.kind = kind;
    }
    owners.remember(concept.id, key);
    curatedByKey.set(key, concept);
    conceptIds[i] = concept.id;
    const group = groupLabels.get(i);
    if (group.length > 0) concept.groups = withItem(concept.groups, groups.idOf(group));
  }

  // The aliases only now, as before precompilation: owners of labels were looked up without them.
  state.aliases.setLayer(new CuratedAliases(curated.aliases, conceptIds));
  state.maxPhraseTokens = Math.max(state.maxPhraseTokens, curated.maxPhraseTokens);

  const impliedLabels = new StringTable(curated.implies.labels);
  const impliedKeys = new StringTable(curated.implies.keys);
  let m = 0;
  for (let i = 0; i < labels.size; i++) {
    const count = impliesCounts[i] ?? 0;
    if (count === 0) continue;
    const concept = state.concepts[conceptIds[i] ?? -1];
    if (concept === undefined) throw new Error(`curated concept ${i} was not merged`);
    const implied = new Set(concept.implies);
    for (const end = m + count; m < end; m++) {
      const key = impliedKeys.get(m);
      const target = curatedByKey.get(key) ?? owners.find(key, undefined);
      if (target === undefined) {
        state.warnings.push(`curated: "${labels.get(i)}" implies unknown "${impliedLabels.get(m)}"`);
      } else if (target.id !== concept.id) implied.add(target.id);
    }
    concept.implies = Array.from(implied);
  }

  for (const [short, long, caseSensitive, shortKey, longKey] of curated.abbreviations) {
    state.abbreviationsExact.set(short, long);
    if (caseSensitive === 0) state.abbreviationsLower.set(short.toLowerCase(), long);
    const occupations = state.titles.get(longKey);
    if (occupations === undefined || shortKey.length === 0) continue;
    const merged = new Set(state.titles.get(shortKey));
    for (const o of occupations) merged.add(o);
    state.titles.set(
      shortKey,
      Array.from(merged).sort((x, y) => x - y),
    );
    state.maxTitleTokens = Math.max(state.maxTitleTokens, shortKey.split(' ').length);
  }

  state.version = `${state.version}+curated-${curated.version}.${curated.fingerprint}`;
}

function withItem(list: readonly number[], item: number): readonly number[] {
  if (list.includes(item)) return list;
  const out = list.slice();
  out.push(item);
  return out;
}

/** Group label → id, adding labels the taxonomy does not have yet. */
class GroupIds {
  private index: Map<string, number> | undefined;

  constructor(private readonly labels: string[]) {}

  idOf(label: string): number {
    this.index ??= new Map(this.labels.map((g, i) => [g, i]));
    let id = this.index.get(label);
    if (id === undefined) {
      id = this.labels.length;
      this.labels.push(label);
      this.index.set(label, id);
    }
    return id;
  }
}

/**
 * Finds the concept whose own label has a given phrase key. A concept's label key is among its alias keys,
 * or, for the few whose label lost that alias (short names such as "Go"), in the artefact's `unaliased`
 * index; only candidates found there are checked, and a label is stemmed only when nothing else tells its
 * key (stemming is most of the cost of a merge on a cold start).
 */
class LabelOwners {
  private readonly labelKeys = new Map<number, string>();
  private unaliased: Map<string, number[]> | undefined;

  constructor(private readonly state: LoadState) {}

  /** Records a concept's label key, known from the curated file (a merge keeps the key; a new concept has it). */
  remember(id: number, key: string): void {
    this.labelKeys.set(id, key);
  }

  /** Prefers the same kind, then technology, then the lowest id; `kind` undefined accepts any kind. */
  find(key: string, kind: ConceptKind | undefined): MutableConcept | undefined {
    let best: MutableConcept | undefined;
    let bestRank = 3;
    const consider = (id: number) => {
      const c = this.state.concepts[id];
      if (c === undefined || (kind !== undefined && !compatible(c.kind, kind))) return;
      const rank = c.kind === kind ? 0 : c.kind === 'technology' ? 1 : 2;
      const better = best === undefined || rank < bestRank || (rank === bestRank && c.id < best.id);
      // The label key last: it is the one check that may need stemming.
      if (better && this.labelKey(c) === key) {
        best = c;
        bestRank = rank;
      }
    };
    const entries = this.state.aliases.get(key) ?? EMPTY_ENTRIES;
    const unaliased = this.unaliasedOwners(key);
    for (const e of entries) {
      // A built alias's key is the phrase key of its surface (scripts/taxonomy/filters.ts judgeAlias), so
      // an ESCO or O*NET alias spelled like the label shows the label's key.
      if (
        (e.source === 'esco' || e.source === 'onet') &&
        e.surface === this.state.concepts[e.concept]?.label
      ) {
        this.learn(e.concept, key);
      }
    }
    for (const id of unaliased) this.learn(id, key);
    for (const e of entries) consider(e.concept);
    for (const id of unaliased) consider(id);
    return best;
  }

  private learn(id: number, key: string): void {
    if (!this.labelKeys.has(id)) this.labelKeys.set(id, key);
  }

  private labelKey(c: MutableConcept): string {
    let key = this.labelKeys.get(c.id);
    if (key === undefined) {
      key = phraseKey(c.label);
      this.labelKeys.set(c.id, key);
    }
    return key;
  }

  private unaliasedOwners(key: string): readonly number[] {
    if (this.unaliased === undefined) {
      const index = new Map<string, number[]>();
      const keys = new StringTable(this.state.base.unaliased.keys);
      const ids = unpackInts(this.state.base.unaliased.concepts);
      for (let i = 0; i < keys.size; i++) {
        const k = keys.get(i);
        const list = index.get(k);
        if (list === undefined) index.set(k, [ids[i] ?? 0]);
        else list.push(ids[i] ?? 0);
      }
      this.unaliased = index;
    }
    return this.unaliased.get(key) ?? EMPTY;
  }
}
