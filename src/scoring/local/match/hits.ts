import type { Alternative, Requirement } from '../jobspec/types.ts';
import type { Taxonomy } from '../taxonomy/types.ts';
import { loadWordWeights } from '../text/word-weights.ts';
import type { CvEvidence } from './cv-evidence.ts';
import { locationStrength } from './evidence-strength.ts';
import { languageLevelFactor, qualifierFactor } from './qualifiers.ts';

const NONE: ReadonlySet<number> = new Set();

export type HitVia = 'exact' | 'implied' | 'broader' | 'related' | 'phrase' | 'partial-phrase';

/** One place in the CV that speaks for one alternative of a requirement. */
export interface Hit {
  readonly alt: number;
  /** Concept index within the alternative (compounds have several), or -1 for phrases. */
  readonly part: number;
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly strength: number;
  readonly via: HitVia;
  /** The related concept shown instead of the one asked for (partial credit). */
  readonly concept?: number;
}

const IMPLIED_FACTOR = 0.9;
const RELATED_FACTOR = 0.4;
const BROADER_FACTOR = 0.85;
const PARTIAL_PHRASE_FACTOR = 0.5;

/**
 * Every place in the CV that speaks for a requirement. Lines in `excluded` (keyword stuffing) are not
 * evidence at all: a related skill elsewhere is then looked for as if they were not there.
 */
export function collectHits(
  requirement: Requirement,
  evidence: CvEvidence,
  taxonomy: Taxonomy,
  excluded: ReadonlySet<number> = NONE,
): Hit[] {
  const hits: Hit[] = [];
  requirement.alternatives.forEach((alt, a) => {
    if (alt.phrase.length > 0)
      hits.push(...phraseHits(requirement, alt, a, evidence).filter((h) => !excluded.has(h.line)));
    alt.concepts.forEach((concept, part) => {
      hits.push(...conceptHits(requirement, concept, a, part, evidence, taxonomy, excluded));
    });
  });
  return hits;
}

const FLUENCY_ASKED =
  /\b(?:fluent|fluency|native|bilingual|business[-\s]level|c1|c2|proficient|excellent)\b/i;

function qualifierAt(
  requirement: Requirement,
  evidence: CvEvidence,
  line: number,
  start: number,
  end: number,
): number {
  const cvLine = evidence.profile.lines[line];
  if (!cvLine) return 1;
  const from = start - cvLine.start;
  const to = end - cvLine.start;
  const held = qualifierFactor(cvLine.text, from, to);
  if (requirement.kind !== 'language') return held;
  return held * languageLevelFactor(cvLine.text, from, to, FLUENCY_ASKED.test(requirement.source));
}

function strengthAt(requirement: Requirement, evidence: CvEvidence, line: number): number {
  const { profile } = evidence;
  const cvLine = profile.lines[line];
  if (!cvLine) return 0;
  const entry = profile.entries[profile.lineEntry[line] ?? -1];
  return locationStrength(cvLine, entry, requirement.kind);
}

function conceptHits(
  requirement: Requirement,
  concept: number,
  alt: number,
  part: number,
  evidence: CvEvidence,
  taxonomy: Taxonomy,
  excluded: ReadonlySet<number>,
): Hit[] {
  const direct = (evidence.byConcept.get(concept) ?? []).filter(({ mention }) => !excluded.has(mention.line));
  const hits: Hit[] = direct.map(({ mention, via }) => ({
    alt,
    part,
    line: mention.line,
    start: mention.start,
    end: mention.end,
    strength:
      strengthAt(requirement, evidence, mention.line) *
      (via === 'implied' ? IMPLIED_FACTOR : 1) *
      qualifierAt(requirement, evidence, mention.line, mention.start, mention.end),
    via,
  }));
  if (hits.length > 0) return hits;
  // "Driving licence" for "Full driving licence": for a licence, the broader one shown is nearly as good.
  // (For skills the broader concept says much less: "statistics" is no "logistic regression"; nor is the
  // skill a certificate implies any evidence of the certificate: "accounting" is no ACCA.)
  const broaderConcepts =
    requirement.kind === 'certification'
      ? (taxonomy.concepts[concept]?.implies ?? []).filter(
          (broader) => taxonomy.concepts[broader]?.kind === 'certification',
        )
      : [];
  for (const broader of broaderConcepts) {
    for (const { mention, via } of evidence.byConcept.get(broader) ?? []) {
      if (via !== 'exact' || excluded.has(mention.line)) continue;
      hits.push({
        alt,
        part,
        line: mention.line,
        start: mention.start,
        end: mention.end,
        strength: strengthAt(requirement, evidence, mention.line) * BROADER_FACTOR,
        via: 'broader',
        concept: broader,
      });
    }
  }
  if (hits.length > 0) return hits;
  for (const related of taxonomy.related(concept)) {
    for (const { mention, via } of evidence.byConcept.get(related) ?? []) {
      if (via !== 'exact' || excluded.has(mention.line)) continue;
      hits.push({
        alt,
        part,
        line: mention.line,
        start: mention.start,
        end: mention.end,
        strength: strengthAt(requirement, evidence, mention.line) * RELATED_FACTOR,
        via: 'related',
        concept: related,
      });
    }
  }
  return hits;
}

/** A stem's rarity never counts for less than this, so a phrase of everyday words still has a share. */
const RARITY_MIN = 0.1;
/**
 * Share of a phrase's rarity-weighted words that must be found together for partial credit: "walk-round
 * checks" is not half shown by "checks", while "Alembic migrations" is by "Alembic".
 */
const PARTIAL_PHRASE_SHARE = 0.5;

/**
 * Words of a phrase the taxonomy does not know, found close together on one line, in any order; partly
 * shown when the words found carry at least half of the phrase's rarity-weighted content.
 */
function phraseHits(requirement: Requirement, alt: Alternative, a: number, evidence: CvEvidence): Hit[] {
  const stems = [...new Set(alt.phrase)];
  const positions = stems.map((s) => evidence.stemPositions.get(s) ?? []);
  const nonEmpty = positions.filter((p) => p.length > 0);
  if (nonEmpty.length === 0) return [];
  const weights = loadWordWeights();
  const rarity = stems.map((s) => Math.max(RARITY_MIN, weights.weight(s)));
  const totalRarity = rarity.reduce((x, y) => x + y, 0);
  const rarest = nonEmpty.reduce((a, b) => (b.length < a.length ? b : a));
  const tokens = evidence.profile.tokens;
  const window = stems.length + 6;
  const hits: Hit[] = [];
  for (const pos of rarest) {
    const anchor = tokens[pos];
    if (!anchor) continue;
    const found = positions.map((list) =>
      list.find((p) => Math.abs(p - pos) <= window && tokens[p]?.line === anchor.line),
    );
    const present = found.filter((p) => p !== undefined) as number[];
    const full = present.length === stems.length;
    const share =
      found.reduce<number>((sum, p, i) => sum + (p === undefined ? 0 : (rarity[i] ?? 0)), 0) / totalRarity;
    const partial = !full && stems.length >= 2 && share >= PARTIAL_PHRASE_SHARE;
    if (!full && !partial) continue;
    const first = tokens[Math.min(...present)];
    const last = tokens[Math.max(...present)];
    hits.push({
      alt: a,
      part: -1,
      line: anchor.line,
      start: first?.start ?? anchor.start,
      end: last?.end ?? anchor.end,
      strength: strengthAt(requirement, evidence, anchor.line) * (full ? 1 : PARTIAL_PHRASE_FACTOR),
      via: full ? 'phrase' : 'partial-phrase',
    });
  }
  return hits;
}
