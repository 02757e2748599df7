import type { CandidateFlag, EngineScore } from '../../domain/candidate-result.ts';
import { LIMITS } from '../../domain/limits.ts';

/**
 * Our code, not the model, has the last word: the score is clamped to 0–100 and rounded (the verdict is
 * then derived from it by toCandidateResult), reasons and gaps are trimmed, deduplicated and cut to the
 * contract's limits, and the local engine's flags are reported.
 */
export function finalizeScore(
  rawScore: number,
  reasons: readonly string[],
  gaps: readonly string[],
  flags: readonly CandidateFlag[],
): EngineScore {
  const score = Number.isFinite(rawScore) ? Math.round(Math.min(100, Math.max(0, rawScore))) : 0;
  return {
    score,
    match_reasons: tidyList(reasons, LIMITS.maxMatchReasons),
    gaps: tidyList(gaps, LIMITS.maxGaps),
    ...(flags.length > 0 ? { flags: [...flags] } : {}),
  };
}

/** Longest single reason or gap kept: a model that writes an essay gets it cut at a word boundary. */
const MAX_ITEM_CHARS = 300;

function tidyList(items: readonly string[], limit: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of items) {
    const text = shorten(item.replace(/\s+/g, ' ').trim());
    const key = text.toLowerCase();
    if (text === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(text);
    if (out.length === limit) break;
  }
  return out;
}

function shorten(text: string): string {
  if (text.length <= MAX_ITEM_CHARS) return text;
  const cut = text.slice(0, MAX_ITEM_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_ITEM_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
