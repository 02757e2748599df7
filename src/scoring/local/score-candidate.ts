import type { CandidateFlag, EngineScore } from '../../domain/candidate-result.ts';
import { clampScore } from '../../domain/verdict.ts';
import type { MonthIndex } from './cv/date-ranges.ts';
import { buildCvProfile, type CvProfile } from './cv/profile.ts';
import { buildGaps } from './explain/gaps.ts';
import { buildReasons } from './explain/reasons.ts';
import { requirementOutcomes } from './explain/requirement-outcomes.ts';
import type { ParsedJob } from './jobspec/types.ts';
import { type CvEvidence, readCvEvidence } from './match/cv-evidence.ts';
import { collectAllHits, matchJob } from './match/match-job.ts';
import { cosine, countStems, termVector, withConcepts } from './match/similarity.ts';
import { prepareCv } from './prepare/prepare-cv.ts';
import { findStuffedLines } from './safety/keyword-stuffing.ts';
import { scoreCv } from './score/score-cv.ts';
import type { Taxonomy } from './taxonomy/types.ts';
import { loadWordWeights } from './text/word-weights.ts';

export class UnscorableCvError extends Error {}

/** One CV against one parsed job: prepare, read, match, score, explain. Pure and deterministic. */
export function scoreCandidate(
  job: ParsedJob,
  rawCv: string,
  taxonomy: Taxonomy,
  asOf: MonthIndex,
): EngineScore {
  const prepared = prepareCv(rawCv);
  if (!/[\p{L}\p{N}]/u.test(prepared.text)) {
    throw new UnscorableCvError('CV text is empty: nothing to score');
  }
  const fullProfile = buildCvProfile(prepared.text, asOf);
  const fullEvidence = readCvEvidence(fullProfile, taxonomy);
  const allHits = collectAllHits(job, fullEvidence, taxonomy);
  const stuffed = findStuffedLines(fullProfile, job, allHits);
  const hits = stuffed.size > 0 ? collectAllHits(job, fullEvidence, taxonomy, stuffed) : allHits;
  const profile = withoutLines(fullProfile, stuffed);
  const evidence: CvEvidence = {
    profile,
    byConcept: fullEvidence.byConcept,
    get stemPositions() {
      return fullEvidence.stemPositions;
    },
  };
  const matches = matchJob(job, evidence, taxonomy, stuffed, hits);
  const cvVector = withConcepts(
    termVector(
      countStems(profile.tokens.filter((t) => !stuffed.has(t.line)).map((t) => t.stem)),
      loadWordWeights(),
    ),
    conceptCounts(fullEvidence, stuffed),
  );
  const sim = cosine(cvVector, job.specVector);
  const { score } = scoreCv(matches, sim);
  const flags: CandidateFlag[] = [];
  if (stuffed.size > 0) flags.push('keyword_stuffing');
  if (prepared.promptInjection) flags.push('prompt_injection');
  if (fullProfile.nonEnglish) flags.push('non_english');
  if (prepared.truncated) flags.push('truncated');
  return {
    score: clampScore(score),
    match_reasons: buildReasons(matches, profile),
    gaps: buildGaps(matches, profile, taxonomy),
    requirements: requirementOutcomes(matches, profile),
    flags,
  };
}

/** How often each concept is mentioned outright, outside stuffed lines. */
function conceptCounts(evidence: CvEvidence, stuffed: ReadonlySet<number>): Map<number, number> {
  const counts = new Map<number, number>();
  for (const [concept, hits] of evidence.byConcept) {
    const n = hits.filter((h) => h.via === 'exact' && !stuffed.has(h.mention.line)).length;
    if (n > 0) counts.set(concept, n);
  }
  return counts;
}

/** Stuffed lines vanish for everything that reads the profile directly: degrees and year claims. */
function withoutLines(profile: CvProfile, lines: ReadonlySet<number>): CvProfile {
  if (lines.size === 0) return profile;
  return {
    ...profile,
    degrees: profile.degrees.filter((d) => !lines.has(d.line)),
    yearClaims: profile.yearClaims.filter((c) => !lines.has(c.line)),
  };
}
