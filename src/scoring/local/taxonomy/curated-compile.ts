/**
 * Compiles curated.json into the form the loader merges (`CompiledCurated`, format.ts): every phrase key
 * computed and every check that does not depend on the built taxonomy done, once, by
 * `npm run taxonomy:curated` instead of on every load. Needs nothing but curated.json.
 */
import { createHash } from 'node:crypto';
import { phraseKey } from '../text/tokenize.ts';
import { parseCurated } from './curated.ts';
import {
  type CompiledAbbreviation,
  type CompiledCurated,
  CURATED_COMPILED_FORMAT,
  type CuratedConcept,
  type CuratedFile,
  FLAG_CASE_SENSITIVE,
  FLAG_PREFERRED,
  KIND_CODES,
} from './format.ts';
import { buildSlots, joinTable, packInts } from './packed.ts';

/** The `source` stamp of a compilation: sha256 of the curated.json bytes. */
export function curatedSourceHash(bytes: string | Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Parses, validates and compiles the bytes of curated.json. */
export function compileCuratedSource(bytes: string | Uint8Array): CompiledCurated {
  const text =
    typeof bytes === 'string'
      ? bytes
      : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return compileCurated(parseCurated(JSON.parse(text)), curatedSourceHash(bytes));
}

/** `source`: the hash of the bytes it came from ("" for content that never was a file, as in tests). */
export function compileCurated(curated: CuratedFile, source = ''): CompiledCurated {
  const warnings: string[] = [];
  const concepts: CuratedConcept[] = [];
  const keys: string[] = [];
  const entries: Entry[] = [];
  let maxPhraseTokens = 0;

  for (const c of curated.concepts) {
    const key = phraseKey(c.label);
    if (key.length === 0) {
      // No concept can be found by it, so its aliases and implies go with it.
      warnings.push(`curated: "${c.label}" has no content words`);
      continue;
    }
    const sensitive = new Set(c.caseSensitive);
    for (const surface of new Set([c.label, ...c.aliases, ...c.caseSensitive])) {
      const aliasKey = phraseKey(surface);
      const caseSensitive = sensitive.has(surface);
      // One or two letters ("r", "go") would match ordinary words unless matched with their exact casing.
      if (aliasKey.length === 0 || (!caseSensitive && !aliasKey.includes(' ') && aliasKey.length <= 2)) {
        warnings.push(`curated: alias "${surface}" of "${c.label}" is too short unless case-sensitive`);
        continue;
      }
      const flags = (caseSensitive ? FLAG_CASE_SENSITIVE : 0) | (surface === c.label ? FLAG_PREFERRED : 0);
      entries.push({ key: aliasKey, concept: concepts.length, flags, surface });
      maxPhraseTokens = Math.max(maxPhraseTokens, aliasKey.split(' ').length);
    }
    concepts.push(c);
    keys.push(key);
  }
  const impliedLabels = concepts.flatMap((c) => c.implies);

  return {
    format: CURATED_COMPILED_FORMAT,
    source,
    version: curated.version,
    fingerprint: fingerprint(curated),
    maxPhraseTokens,
    warnings,
    concepts: {
      labels: joinTable(concepts.map((c) => c.label)),
      keys: joinTable(keys),
      kinds: packInts(concepts.map((c) => KIND_CODES.indexOf(c.kind))),
      groups: joinTable(concepts.map((c) => c.group ?? '')),
      impliesCounts: packInts(concepts.map((c) => c.implies.length)),
    },
    implies: {
      labels: joinTable(impliedLabels),
      keys: joinTable(impliedLabels.map((label) => phraseKey(label))),
    },
    aliases: aliasColumns(entries, curated.blockedAliases),
    abbreviations: curated.abbreviations.map(
      (a): CompiledAbbreviation => [
        a.short,
        a.long,
        a.caseSensitive ? 1 : 0,
        phraseKey(a.short),
        phraseKey(a.long),
      ],
    ),
  };
}

interface Entry {
  readonly key: string;
  /** Index of its concept among the compiled concepts. */
  readonly concept: number;
  readonly flags: number;
  readonly surface: string;
}

/** The entries grouped by key (sorted keys, file order within a key), with the blocked keys among them. */
function aliasColumns(
  entries: readonly Entry[],
  blockedAliases: readonly string[],
): CompiledCurated['aliases'] {
  const blocked = new Set(blockedAliases.map((b) => phraseKey(b)).filter((k) => k.length > 0));
  const byKey = new Map<string, Entry[]>();
  for (const key of blocked) byKey.set(key, []);
  for (const e of entries) {
    const list = byKey.get(e.key);
    if (list === undefined) byKey.set(e.key, [e]);
    else list.push(e);
  }
  const keys = [...byKey.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const grouped = keys.flatMap((k) => byKey.get(k) ?? []);
  return {
    keys: joinTable(keys),
    slots: packInts(buildSlots(keys)),
    blocked: packInts(keys.map((k) => (blocked.has(k) ? 1 : 0))),
    counts: packInts(keys.map((k) => byKey.get(k)?.length ?? 0)),
    concepts: packInts(grouped.map((e) => e.concept)),
    flags: packInts(grouped.map((e) => e.flags)),
    surfaces: joinTable(grouped.map((e) => e.surface)),
  };
}

/** FNV-1a of the curated content, so an edit without a version bump still changes the taxonomy version. */
export function fingerprint(curated: CuratedFile): string {
  const json = JSON.stringify(curated);
  let hash = 0x811c9dc5;
  for (let i = 0; i < json.length; i++) {
    hash ^= json.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
