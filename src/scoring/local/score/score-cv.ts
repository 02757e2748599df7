import type { RequirementMatch } from '../match/requirement-match.ts';

/** Desirable requirements count for this much of an essential one. */
const DESIRABLE_SHARE = 0.2;
/**
 * A candidate missing an essential cannot be a Strong shortlist; missing two is normally Do not progress.
 * Scores above a knee are compressed (not clipped) toward the band's ceiling, so order is kept.
 */
const ONE_MISSING = { knee: 65, ceiling: 74 };
const TWO_MISSING = { knee: 40, ceiling: 49 };

function compress(score: number, { knee, ceiling }: { knee: number; ceiling: number }): number {
  return score <= knee ? score : knee + ((score - knee) * (ceiling - knee)) / (100 - knee);
}

export interface ScoreBreakdown {
  readonly score: number;
  readonly essentialCoverage: number;
  readonly desirableCoverage: number;
  readonly missingEssentials: number;
}

/**
 * What a screen can check without judgement: qualifications, licences, years, languages, named
 * technologies. Skills and knowledge are written in too many ways for their absence to be certain.
 */
const CORE_KINDS = new Set(['technology', 'certification', 'degree', 'years', 'language']);
/** Kinds where partly meeting is still not meeting: a pending licence, a shortfall in years. */
const SHORT_KINDS = new Set(['certification', 'years', 'degree']);
/** Weight below which a requirement is a detail or a duty, not a condition on its own. */
const CORE_MIN_WEIGHT = 0.75;

/**
 * Counts toward the missing-essential rules: requirements the ad marks essential and the taxonomy
 * recognised, at full weight. Soft skills, the title, unknown phrases, details and requirements we only
 * inferred from wording move coverage but never cap.
 */
export function isCoreEssential(m: RequirementMatch): boolean {
  const r = m.requirement;
  return r.importance === 'essential' && r.explicit && CORE_KINDS.has(r.kind) && r.weight >= CORE_MIN_WEIGHT;
}

function coverage(matches: readonly RequirementMatch[]): number | undefined {
  const total = matches.reduce((s, m) => s + m.requirement.weight, 0);
  if (total === 0) return undefined;
  return matches.reduce((s, m) => s + m.requirement.weight * m.credit, 0) / total;
}

/** Share of the score that comes from overall similarity to the spec; the rest is requirement coverage. */
const SIM_WEIGHT = 0.55;
/** A cosine this high is a same-profession match with the spec's own vocabulary: full marks. */
const SIM_FULL = 0.5;
/**
 * Similarity score (0–1) below which the CV is mostly about other work: requirements it happens to meet
 * (soft skills, office software, a generic duty) then count in proportion, since they say little about
 * fit for this job. A same-profession CV is well above it.
 */
const RELEVANT_SIMILARITY = 0.4;
/** Below this cosine a CV is about something else; what similarity it has earns little. */
const SIM_FLOOR = 0.2;
const SIM_BELOW_FLOOR = 0.2;

/** Linear up to SIM_FULL (a strong match), then a gentle slope so order above it is kept. */
function similarityScore(cos: number): number {
  if (cos < SIM_FLOOR) return (SIM_BELOW_FLOOR * cos) / SIM_FLOOR;
  const x = (cos - SIM_FLOOR) / (SIM_FULL - SIM_FLOOR);
  return x <= 1 ? SIM_BELOW_FLOOR + (1 - SIM_BELOW_FLOOR) * x : 1 + (x - 1) * 0.25;
}

/**
 * The score blends requirement coverage (essentials first, with evidence strength) and overall similarity
 * to the spec, then compresses it when explicit essentials are missing, so the verdict bands mean what the
 * contract says.
 */
export function scoreCv(matches: readonly RequirementMatch[], similarity: number): ScoreBreakdown {
  const essential = matches.filter((m) => m.requirement.importance === 'essential');
  const desirable = matches.filter((m) => m.requirement.importance === 'desirable');
  const essentialCoverage = coverage(essential);
  const desirableCoverage = coverage(desirable);
  const ess = essentialCoverage ?? desirableCoverage ?? 0;
  const des = desirableCoverage ?? ess;
  const missing = matches.filter((m) => isCoreEssential(m) && m.status === 'missing').length;
  // A licence pending or expired, or too few years, is not a miss but still rules out a Strong shortlist.
  const short = matches.some(
    (m) => isCoreEssential(m) && m.status === 'partial' && SHORT_KINDS.has(m.requirement.kind),
  );
  const missingEssentials = missing + (short ? 1 : 0);
  const coverageScore = (1 - DESIRABLE_SHARE) * ess + DESIRABLE_SHARE * des;
  const sim = similarityScore(similarity);
  const relevance = Math.min(1, sim / RELEVANT_SIMILARITY);
  const base = Math.min(100, 100 * ((1 - SIM_WEIGHT) * coverageScore * relevance + SIM_WEIGHT * sim));
  const score =
    missingEssentials >= 2
      ? compress(base, TWO_MISSING)
      : missingEssentials === 1
        ? compress(base, ONE_MISSING)
        : base;
  return { score, essentialCoverage: ess, desirableCoverage: des, missingEssentials };
}
