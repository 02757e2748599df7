/** Limits fixed by the public contract (api-reference.txt, "Limits and data retention"). */
export const LIMITS = Object.freeze({
  maxCandidatesPerRequest: 200,
  cvCharactersScored: 10_000,
  maxMatchReasons: 4,
  maxGaps: 3,
  maxActiveApiKeys: 5,
  retentionHours: 72,
  webhookTimeoutMs: 15_000,
  webhookRetryDelaysMs: [5_000, 30_000, 120_000] as readonly number[],
});
