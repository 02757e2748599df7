import type { RequirementMatch } from '../match/requirement-match.ts';

/** Desirable requirements count for this much of an essential one. */
const DESIRABLE_SHARE = 0.2;
/**
 * A candidate missing an essential cannot be a Strong shortlist; missing two is normally Do not progress.
 * The caps scale the score rather than clip it, so candidates below a cap keep their order.
 */
const SCALE_ONE_MISSING = 0.74;
const SCALE_TWO_MISSING = 0.49;

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

/**
 * The score is weighted requirement coverage — essentials first — scaled down when explicit essentials
 * are missing outright, so the verdict bands mean what the contract says.
 */
const SIM_WEIGHT = Number(process.env.APTLY_T_SIMW ?? 0.5);
const SIM_FULL = Number(process.env.APTLY_T_SIMFULL ?? 0.45);
const COVER_FULL = Number(process.env.APTLY_T_COVERFULL ?? 1);
const SIM_FLOOR = Number(process.env.APTLY_T_SIMFLOOR ?? 0.1);

export function scoreCv(matches: readonly RequirementMatch[], similarity: number): ScoreBreakdown {
  const essential = matches.filter((m) => m.requirement.importance === 'essential');
  const desirable = matches.filter((m) => m.requirement.importance === 'desirable');
  const essentialCoverage = coverage(essential);
  const desirableCoverage = coverage(desirable);
  const ess = essentialCoverage ?? desirableCoverage ?? 0;
  const des = desirableCoverage ?? ess;
  const missingEssentials = matches.filter((m) => isCoreEssential(m) && m.status === 'missing').length;
  const coverageScore = Math.min(1, ((1 - DESIRABLE_SHARE) * ess + DESIRABLE_SHARE * des) / COVER_FULL);
  const sim = Math.max(0, Math.min(1, (similarity - SIM_FLOOR) / (SIM_FULL - SIM_FLOOR)));
  const base = 100 * ((1 - SIM_WEIGHT) * coverageScore + SIM_WEIGHT * sim);
  const scale = missingEssentials >= 2 ? SCALE_TWO_MISSING : missingEssentials === 1 ? SCALE_ONE_MISSING : 1;
  return { score: base * scale, essentialCoverage: ess, desirableCoverage: des, missingEssentials };
}
