/**
 * Finished LLM answers by cache key (a digest of provider, model, prompt version, spec and CV), shared by
 * every worker. The answer quotes the CV, so each row expires with the retention of the job that wrote
 * it and the purge job deletes it then.
 */
export interface LlmCacheTable {
  key: string;
  /** The finished result (score, reasons, gaps, flags) as JSON. */
  value: string;
  created_at: string;
  expires_at: string;
}
