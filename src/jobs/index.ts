export { getJob } from './get-job.ts';
export { IDEMPOTENCY_TTL_MS, IN_FLIGHT } from './idempotency.ts';
export { decodeJobCursor, encodeJobCursor } from './job-list-cursor.ts';
export { type JobView, toJobView, type WebhookView } from './job-view.ts';
export { type JobListItem, type JobListPage, type JobListPageQuery, pageJobs } from './list-jobs.ts';
export { quotaExceeded } from './quota.ts';
export { DUPLICATE_REFS, EMPTY_CV } from './semantic-rules.ts';
export type { SubmitInput, SubmitResponse } from './submission.ts';
export { type SubmitDeps, type SubmitOptions, type SubmitResult, submitJob } from './submit-job.ts';
