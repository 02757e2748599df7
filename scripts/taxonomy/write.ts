/**
 * Serialises the artefacts deterministically: fixed key order, sorted records, one top-level field per line.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ARTEFACT_FORMAT,
  encodeAliasFlags,
  KIND_CODES,
  STACKOVERFLOW_FILE,
  type StackOverflowArtefact,
  type StackOverflowTarget,
  TAXONOMY_FILE,
  type TaxonomyArtefact,
} from '../../src/scoring/local/taxonomy/format.ts';
import { buildSlots, joinTable, packInts } from '../../src/scoring/local/taxonomy/packed.ts';
import { phraseKey } from '../../src/scoring/local/text/tokenize.ts';
import type { Assembled } from './assemble.ts';
import {
  ESCO_ATTRIBUTION,
  noticeMarkdown,
  ONET_ATTRIBUTION,
  STACKOVERFLOW_ATTRIBUTION,
  STACKOVERFLOW_LICENCE,
} from './notice.ts';
import type { BuiltTitles } from './titles.ts';

export const NOTICE_FILE = 'NOTICE-taxonomy.md';
const SOURCES_VERSION = 'esco-1.1.1+onet-29.3';

export function taxonomyArtefact(base: Assembled, titles: BuiltTitles): TaxonomyArtefact {
  const concepts = base.concepts;
  const maxPhraseTokens = base.aliases.reduce((max, a) => Math.max(max, a.tokens), 0);
  const keys: string[] = [];
  const counts: number[] = [];
  for (const a of base.aliases) {
    if (keys[keys.length - 1] === a.key) counts[counts.length - 1] = (counts[counts.length - 1] ?? 0) + 1;
    else {
      keys.push(a.key);
      counts.push(1);
    }
  }
  const artefact: TaxonomyArtefact = {
    format: ARTEFACT_FORMAT,
    version: '',
    attribution: `${ESCO_ATTRIBUTION} ${ONET_ATTRIBUTION}`,
    maxPhraseTokens,
    maxTitleTokens: titles.maxTitleTokens,
    groups: joinTable(base.groups),
    concepts: {
      labels: joinTable(concepts.map((c) => c.label)),
      kinds: packInts(concepts.map((c) => KIND_CODES.indexOf(c.kind))),
      groupCounts: packInts(concepts.map((c) => c.groups.length)),
      groupIds: packInts(concepts.flatMap((c) => c.groups)),
    },
    aliases: {
      keys: joinTable(keys),
      slots: packInts(buildSlots(keys)),
      counts: packInts(counts),
      concepts: packInts(base.aliases.map((a) => a.concept)),
      flags: packInts(base.aliases.map((a) => encodeAliasFlags(a.caseSensitive, a.preferred, a.source))),
      surfaces: joinTable(
        base.aliases.map((a) => (a.surface === concepts[a.concept]?.label ? '' : a.surface)),
      ),
    },
    unaliased: unaliased(base),
    occupations: {
      labels: joinTable(titles.occupations.map((o) => o.label)),
      codes: joinTable(titles.occupations.map((o) => o.code)),
    },
    titles: {
      keys: joinTable(titles.keys),
      slots: packInts(buildSlots(titles.keys)),
      counts: packInts(titles.counts),
      occupations: packInts(titles.ids),
    },
    abbreviations: titles.abbreviations,
  };
  return { ...artefact, version: `${SOURCES_VERSION}/${digest(serialise(artefact))}` };
}

function unaliased(base: Assembled): TaxonomyArtefact['unaliased'] {
  const own = new Set(base.aliases.map((a) => `${a.concept}\u0000${a.key}`));
  const rows = base.concepts
    .map((c, id) => ({ key: phraseKey(c.label), id }))
    .filter(({ key, id }) => key.length > 0 && !own.has(`${id}\u0000${key}`))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id - b.id));
  return { keys: joinTable(rows.map((r) => r.key)), concepts: packInts(rows.map((r) => r.id)) };
}

export function stackOverflowArtefact(
  taxonomyVersion: string,
  targets: readonly StackOverflowTarget[],
): StackOverflowArtefact {
  return {
    format: ARTEFACT_FORMAT,
    taxonomyVersion,
    licence: STACKOVERFLOW_LICENCE,
    attribution: STACKOVERFLOW_ATTRIBUTION,
    targets,
  };
}

/** JSON with one top-level field per line: compact to parse, and diffs stay readable at field level. */
export function serialise(value: object): string {
  const lines = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${asciiJson(v)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

/**
 * JSON with every non-ASCII character escaped: an all-ASCII file decodes from UTF-8 several times faster and
 * parses into one-byte strings (half the memory of two-byte ones).
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

export function renderFiles(
  taxonomy: TaxonomyArtefact,
  stackOverflow: StackOverflowArtefact,
): Map<string, string> {
  return new Map([
    [TAXONOMY_FILE, serialise(taxonomy)],
    [STACKOVERFLOW_FILE, serialise(stackOverflow)],
    [NOTICE_FILE, noticeMarkdown()],
  ]);
}

export function writeFiles(dir: string, files: ReadonlyMap<string, string>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of files) writeFileSync(join(dir, name), text);
}
