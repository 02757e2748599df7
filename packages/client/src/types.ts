import type { components, operations, paths } from './openapi.ts';

/** The API's bodies, by their names in the OpenAPI document (generated types: src/openapi.ts). */
type Schemas = components['schemas'];

/** What POST /api/v1/screen accepts (the request side of the schema: webhook_url optional). */
export type ScreenRequest = Schemas['ScreenRequestInput'];
export type ScreenResponse = Schemas['ScreenResponse'];
export type Job = Schemas['Job'];
export type JobStatus = Job['status'];
export type CandidateResult = Schemas['CandidateResult'];
export type FailedCandidate = Schemas['FailedCandidate'];
export type Token = Schemas['Token'];
export type ApiKey = Schemas['ApiKey'];
export type ApiKeyListing = Schemas['ApiKeyListing'];
export type CreatedApiKey = Schemas['CreatedApiKey'];
export type WebhookSecret = Schemas['WebhookSecret'];
export type JobListPage = Schemas['JobListPage'];
export type JobListItem = Schemas['JobListItem'];
export type JobListQuery = NonNullable<paths['/api/v1/jobs']['get']['parameters']['query']>;
export type DecisionPage = Schemas['DecisionPage'];
export type Decision = Schemas['Decision'];
export type DecisionsQuery = NonNullable<paths['/api/v1/decisions']['get']['parameters']['query']>;
export type ValidationIssue = Schemas['ValidationError']['detail'][number];
export type TooManyRequestsBody = Schemas['TooManyRequests'];

/**
 * The body a webhook delivers when a job reaches a terminal status (the reference's "Webhook payload"): the
 * OpenAPI document describes no webhook, so it is put together from the job's generated types.
 */
export interface WebhookPayload {
  readonly job_id: Job['job_id'];
  readonly status: Extract<JobStatus, 'complete' | 'failed'>;
  readonly results: NonNullable<Job['results']>;
  readonly failed: NonNullable<Job['failed']>;
}

export type { components, operations, paths };
