/**
 * The curated file (hand-edited curated.json): parsed and validated. `npm run taxonomy:curated` compiles it
 * (curated-compile.ts) and the loader merges the compiled form (curated-merge.ts).
 */
import {
  CASE_SENSITIVE_ABBREVIATION_MAX,
  type CuratedConcept,
  type CuratedFile,
  KIND_CODES,
} from './format.ts';
import type { ConceptKind } from './types.ts';

function fail(path: string, expected: string): never {
  throw new Error(`curated.json: ${path} must be ${expected}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: unknown, path: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) {
    return fail(path, 'an array of strings');
  }
  return value;
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim().length === 0) return fail(path, 'a non-empty string');
  return value;
}

function isKind(value: unknown): value is ConceptKind {
  return typeof value === 'string' && (KIND_CODES as readonly string[]).includes(value);
}

export function parseCurated(value: unknown): CuratedFile {
  if (!isRecord(value)) return fail('the top level', 'an object');
  const concepts = value.concepts ?? [];
  const abbreviations = value.abbreviations ?? [];
  if (!Array.isArray(concepts)) return fail('concepts', 'an array');
  if (!Array.isArray(abbreviations)) return fail('abbreviations', 'an array');
  return {
    version: typeof value.version === 'string' ? value.version : String(value.version ?? '0'),
    concepts: concepts.map((c: unknown, i): CuratedConcept => {
      const path = `concepts[${i}]`;
      if (!isRecord(c)) return fail(path, 'an object');
      if (!isKind(c.kind)) return fail(`${path}.kind`, `one of ${KIND_CODES.join(', ')}`);
      if (c.group !== undefined && typeof c.group !== 'string') return fail(`${path}.group`, 'a string');
      return {
        label: text(c.label, `${path}.label`),
        kind: c.kind,
        aliases: strings(c.aliases, `${path}.aliases`),
        caseSensitive: strings(c.caseSensitive, `${path}.caseSensitive`),
        group: c.group,
        implies: strings(c.implies, `${path}.implies`),
      };
    }),
    abbreviations: abbreviations.map((a: unknown, i) => {
      const path = `abbreviations[${i}]`;
      if (!isRecord(a)) return fail(path, 'an object');
      return {
        short: text(a.short, `${path}.short`),
        long: text(a.long, `${path}.long`),
        caseSensitive:
          typeof a.caseSensitive === 'boolean'
            ? a.caseSensitive
            : text(a.short, `${path}.short`).length <= CASE_SENSITIVE_ABBREVIATION_MAX,
      };
    }),
    blockedAliases: strings(value.blockedAliases, 'blockedAliases'),
  };
}
